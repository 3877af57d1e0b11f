//! The app in an egui_kittest harness, the steps a test takes in it (by the labels and keys a
//! user would use), and checks on where its buttons lie.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::training::answer::Answer;
use salgstrener::domain::training::practice::Practice;
use salgstrener::ui::app::{SalgstrenerApp, Settings};

/// `app` in a window of `size`.
pub fn harness_of(app: SalgstrenerApp, size: egui::Vec2) -> Harness<'static, SalgstrenerApp> {
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app)
}

/// The app on `bank` in `language`, `seed` for its shuffles, in a window of `size`.
pub fn app_harness(
    bank: Bank,
    language: Language,
    seed: u64,
    size: egui::Vec2,
) -> Harness<'static, SalgstrenerApp> {
    let app = SalgstrenerApp::new(bank, Settings::for_language(language), seed);
    harness_of(app, size)
}

/// The app on the fixture folder `folder`, in a 1100×900 window.
pub fn harness(folder: &str, language: Language) -> Harness<'static, SalgstrenerApp> {
    let bank =
        Bank::load(BankSource::Folder(super::fixtures(folder))).expect("fixture folder loads");
    app_harness(bank, language, 7, egui::vec2(1100.0, 900.0))
}

/// The app on the bundled bank, seed 3, in a window of `width` × `height`.
pub fn bundled_harness_sized(
    language: Language,
    width: f32,
    height: f32,
) -> Harness<'static, SalgstrenerApp> {
    let bank = Bank::load(BankSource::Embedded).expect("bundled bank");
    app_harness(bank, language, 3, egui::vec2(width, height))
}

/// Every button's label and where it lies.
pub fn button_rects(h: &Harness<'_, SalgstrenerApp>) -> Vec<(String, egui::Rect)> {
    h.get_all_by_role(egui::accesskit::Role::Button)
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect()
}

/// No two of `rects` overlap (by more than a pixel's rounding); `what` starts the message.
pub fn assert_no_overlap(rects: &[(String, egui::Rect)], width: f32, what: &str) {
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(
                !ra.shrink(1.0).intersects(rb.shrink(1.0)),
                "{what}: {a:?} {ra:?} overlaps {b:?} {rb:?} at {width}px"
            );
        }
    }
}

/// Where (0 = A) the best offer of scenario `scenario` of `bank` is shown in `answer`, whose
/// offers are shuffled per showing.
pub fn best_offer_shown(bank: &Bank, scenario: usize, answer: &Answer) -> usize {
    let offers = &bank.scenarios()[scenario].offers;
    answer
        .offer_order
        .iter()
        .position(|&i| offers[i].fit == Fit::Best)
        .expect("a best offer")
}

/// The key that picks the best offer of the question on screen in `practice`.
pub fn best_offer_key(bank: &Bank, practice: &Practice) -> Key {
    let q = practice.question().expect("a question is shown");
    offer_key(best_offer_shown(bank, q.scenario, &q.answer))
}

/// The key that picks the offer shown at position `shown` (0 = A).
pub fn offer_key(shown: usize) -> Key {
    [Key::A, Key::B, Key::C, Key::D, Key::E, Key::F][shown]
}

/// What a test does to the app, by the labels and keys a user would use. Each step lets the
/// app settle (runs its frames) before the next.
pub trait Drive {
    /// Clicks what is labelled `label`.
    fn click(&mut self, label: &str);
    /// Clicks what is labelled `label`, in turn for each of `labels`.
    fn click_each(&mut self, labels: &[&str]);
    /// Clicks the one thing whose label contains `part` (an offer, a reply: long texts).
    fn click_containing(&mut self, part: &str);
    /// Clicks the button labelled `label`, where other things carry the same label.
    fn click_button(&mut self, label: &str);
    /// Presses `key`.
    fn press_key(&mut self, key: Key);
    /// Presses `keys` together, within one frame.
    fn press_keys(&mut self, keys: &[Key]);
    /// Answers the question on screen: the sale type labelled `sale_type`, the offer whose
    /// text contains `offer`, then the check button in the interface language.
    fn answer(&mut self, sale_type: &str, offer: &str);
    /// Focuses the `nth` field of `role` labelled `label` and types `text` at the cursor.
    fn type_into(&mut self, role: Role, label: &str, nth: usize, text: &str);
    /// Selects all text of the field of `role` labelled `label` and types `text` over it.
    fn replace_text(&mut self, role: Role, label: &str, text: &str);
}

impl Drive for Harness<'_, SalgstrenerApp> {
    fn click(&mut self, label: &str) {
        self.get_by_label(label).click();
        self.run();
    }

    fn click_each(&mut self, labels: &[&str]) {
        for label in labels {
            self.click(label);
        }
    }

    fn click_containing(&mut self, part: &str) {
        self.get_by_label_contains(part).click();
        self.run();
    }

    fn click_button(&mut self, label: &str) {
        self.get_by_role_and_label(Role::Button, label).click();
        self.run();
    }

    fn press_key(&mut self, key: Key) {
        self.press_keys(&[key]);
    }

    fn press_keys(&mut self, keys: &[Key]) {
        for &key in keys {
            self.key_press(key);
        }
        self.run();
    }

    fn answer(&mut self, sale_type: &str, offer: &str) {
        let check = salgstrener::ui::i18n::texts(self.state().settings().language).check;
        self.click(sale_type);
        self.click_containing(offer);
        self.click(check);
    }

    fn type_into(&mut self, role: Role, label: &str, nth: usize, text: &str) {
        let node = self
            .get_all_by_role_and_label(role, label)
            .nth(nth)
            .unwrap_or_else(|| panic!("no field {label:?} #{nth}"));
        node.focus();
        self.run();
        let node = self
            .get_all_by_role_and_label(role, label)
            .nth(nth)
            .unwrap();
        node.type_text(text);
        self.run();
    }

    fn replace_text(&mut self, role: Role, label: &str, text: &str) {
        self.get_by_role_and_label(role, label).focus();
        self.run();
        self.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        self.run();
        self.get_by_role_and_label(role, label).type_text(text);
        self.run();
    }
}
