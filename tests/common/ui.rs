//! The app in an egui_kittest harness, and checks on where its buttons lie.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::ui::app::{SalgstrenerApp, Settings};

/// The app on `bank` in `language`, `seed` for its shuffles, in a window of `size`.
pub fn app_harness(
    bank: Bank,
    language: Language,
    seed: u64,
    size: egui::Vec2,
) -> Harness<'static, SalgstrenerApp> {
    let app = SalgstrenerApp::new(bank, Settings::for_language(language), seed);
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app)
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
