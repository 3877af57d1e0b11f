//! Drives the Learn screen (with its decision path diagram) and guided practice through
//! egui_kittest, by the labels a trainee sees.

mod common;

use common::ui::{Drive, best_offer_key};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::teaching::decision_path::{Relation, Step};
use salgstrener::domain::teaching::edge_cases::EdgeCase;
use salgstrener::domain::teaching::lessons::{self, PathNode};
use salgstrener::domain::teaching::taxonomy::SaleType;
use salgstrener::domain::training::guided::Slip;
use salgstrener::ui::action::Screen;
use salgstrener::ui::app::SalgstrenerApp;

fn harness(language: Language) -> Harness<'static, SalgstrenerApp> {
    common::ui::harness("good", language)
}

#[test]
fn the_learn_tab_shows_the_five_types_with_cues_examples_and_follow_on_sales() {
    let mut h = harness(Language::Nb);
    h.click("Lær");
    assert_eq!(h.state().screen(), Screen::Learn);
    h.get_by_label("Lær salgstypene");
    h.get_by_label("Beslutningsveien");
    h.get_by_label("De fem salgstypene");
    for t in SaleType::ALL {
        // Once as a box of the diagram, once as the heading of its lesson.
        h.get_by_role_and_label(Role::Button, t.title());
        assert!(h.get_all_by_label(t.title()).count() >= 2, "{t:?}");
        h.get_by_label(t.deciding_cue(Language::Nb));
        let lesson = lessons::lesson(t, Language::Nb);
        for example in &lesson.examples {
            h.get_by_label(example.text);
        }
        // Confusions go both ways (mersalg and gjensalg name each other), so a line and a
        // difference can appear in two lessons.
        let confusion = format!("Forveksles ofte med {}", lesson.confused_with.title());
        assert!(h.get_all_by_label(&confusion).count() >= 1);
        assert!(h.get_all_by_label(lesson.difference).count() >= 1);
    }
    for heading in [
        "Påfølgende salg",
        "Hvorfor de lønner seg",
        "Slik finner du neste tilbud",
    ] {
        h.get_by_label(heading);
    }
    h.get_by_label_contains("Det koster ingenting å nå kunden");
}

#[test]
fn clicking_a_box_of_the_diagram_shows_what_it_means() {
    let mut h = harness(Language::Nb);
    h.click("Lær");
    let first = PathNode::Question(Step::KnownCustomer);
    assert!(
        h.query_by_label(first.explanation(Language::Nb)).is_none(),
        "nothing is explained before a box is chosen"
    );
    h.click_button(Step::KnownCustomer.question(Language::Nb));
    assert_eq!(h.state().explained_node(), Some(first));
    h.get_by_label(first.explanation(Language::Nb));

    h.click_button(Step::Relation.question(Language::Nb));
    h.get_by_label(PathNode::Question(Step::Relation).explanation(Language::Nb));
    assert!(h.query_by_label(first.explanation(Language::Nb)).is_none());

    // An outcome box explains its type and what it is confused with.
    h.click_button("Tilleggssalg");
    assert_eq!(
        h.state().explained_node(),
        Some(PathNode::Outcome(SaleType::Tilleggssalg))
    );
    // The cue is in the explanation and in the lesson below.
    assert_eq!(
        h.get_all_by_label(SaleType::Tilleggssalg.deciding_cue(Language::Nb))
            .count(),
        2
    );
}

#[test]
fn switching_language_shows_the_learn_screen_in_english() {
    let mut h = harness(Language::Nb);
    h.click("Lær");
    h.click_button(Step::KnownCustomer.question(Language::Nb));
    h.click("English");
    h.get_by_label("Learn the sale types");
    h.get_by_label("The decision path");
    h.get_by_role_and_label(Role::Button, "Has this customer ever bought from you?");
    // The chosen box stays chosen, explained in the new language.
    h.get_by_label(PathNode::Question(Step::KnownCustomer).explanation(Language::En));
    for t in SaleType::ALL {
        h.get_by_role_and_label(Role::Button, &t.label(Language::En));
        h.get_by_label(t.deciding_cue(Language::En));
    }
    h.get_by_label("Why they pay");
    h.get_by_label("How to find the next offer");
    assert!(h.query_by_label("Lær salgstypene").is_none());
}

#[test]
fn guided_practice_names_the_first_step_that_went_wrong() {
    let mut h = harness(Language::Nb);
    h.click("Steg for steg");
    h.get_by_label("Ny dressbukse");
    h.get_by_label(Step::KnownCustomer.question(Language::Nb));
    // Step 2 and the final answer wait for step 1.
    assert!(
        h.query_by_label(Step::Relation.question(Language::Nb))
            .is_none()
    );
    assert!(h.query_by_label("Sjekk svaret").is_none());

    // Ole is a regular customer: saying he is new is the slip.
    h.click("Nei N");
    assert!(
        h.query_by_label(Step::Relation.question(Language::Nb))
            .is_none()
    );
    h.get_by_label("Svarene dine leder til Nysalg. Du kan endre typen før du sjekker.");
    h.click_containing("Et sort belte til buksen");
    h.click("Sjekk svaret");

    h.get_by_label("2 av 4 poeng");
    h.get_by_label("Feil salgstype.");
    h.get_by_label("Veien din");
    let diagnosis = Slip::KnownCustomer { said_known: false }.describe(Language::Nb);
    assert!(
        diagnosis
            .starts_with("Steg 1: Du svarte at kunden aldri har kjøpt av deg, men det har kunden.")
    );
    h.get_by_label(&diagnosis);
    // The step buttons now carry what was right and what was chosen.
    h.get_by_label("Ja · riktig");
    h.get_by_label("Nei · ditt valg");
    assert_eq!(h.state().guided().practice().tally().points, 2);

    h.click("Neste scenario");
    h.get_by_label("Runden er ferdig: du har vært gjennom alle 1 scenarioene i utvalget.");
}

#[test]
fn guided_practice_by_keyboard_diagnoses_a_wrong_second_step() {
    let mut h = harness(Language::En);
    h.click("Step by step");
    h.get_by_label("Roof box");
    h.press_key(egui::Key::Y);
    h.get_by_label(Step::Relation.question(Language::En));
    // A different product: Kryssalg, where the roof box extends the car.
    h.press_key(egui::Key::Num4);
    h.get_by_label(
        "Your answers lead to Kryssalg (cross-sale). You can change the type before checking.",
    );
    h.press_key(best_offer_key(
        h.state().bank(),
        h.state().guided().practice(),
    ));
    h.press_key(egui::Key::Enter);
    // One point for a follow-on type, two for the best offer.
    h.get_by_label("3 of 4 points");
    let slip = Slip::Relation {
        said: Relation::Different,
        right: Relation::Extension,
    };
    h.get_by_label(&slip.describe(Language::En));
    h.get_by_label("Step 2: you said the offer is a different product, not tied to the first, but it is an accessory or extension of what they bought.");
    h.press_key(egui::Key::Enter);
    h.get_by_label_contains("Round finished");
}

#[test]
fn guided_practice_with_every_step_right_says_so() {
    let mut h = harness(Language::En);
    h.click("Step by step");
    h.click("Yes Y");
    h.click("Accessory or extension 3");
    h.click_containing("A roof box");
    h.click("Check answer");
    h.get_by_label("4 of 4 points");
    h.get_by_label("Every step was right.");
}

/// Buttons on the Learn and guided screens (the diagram's boxes included) lie inside the
/// window and do not overlap, at the smallest supported window and a common laptop size.
#[test]
fn learn_and_guided_fit_small_and_large_windows() {
    for (width, height) in [(480.0, 360.0), (1280.0, 800.0)] {
        for lang in Language::ALL {
            let mut h = common::ui::bundled_harness_sized(lang, width, height);
            let (learn, guided) = match lang {
                Language::Nb => ("Lær", "Steg for steg"),
                Language::En => ("Learn", "Step by step"),
            };
            h.click(learn);
            // Every box of the diagram is a button, inside the window.
            let boxes = PathNode::all().len();
            let diagram = h
                .get_all_by_role(Role::Button)
                .filter(|n| {
                    let label = n.accesskit_node().label().unwrap_or_default();
                    SaleType::ALL.iter().any(|t| t.label(lang) == label)
                        || Step::ALL.iter().any(|s| s.question(lang) == label)
                })
                .count();
            assert_eq!(diagram, boxes, "{width}px {lang:?}");
            assert_buttons_fit(&h, width, &format!("learn {lang:?}"), true);

            h.click(guided);
            assert_buttons_fit(&h, width, &format!("guided step 1 {lang:?}"), true);
            // Open every step: yes, then a relation, so the type and offer buttons show too.
            h.press_key(egui::Key::J);
            h.press_key(egui::Key::Num1);
            assert_eq!(
                h.state().guided().answers().relation,
                Some(Relation::More),
                "{lang:?}"
            );
            // Each answered step scrolls the next into view; scrolled-away buttons sit under the
            // top bar, clipped, so overlap is only meaningful before scrolling.
            assert_buttons_fit(&h, width, &format!("guided answer {lang:?}"), false);
        }
    }
}

fn assert_buttons_fit(h: &Harness<'_, SalgstrenerApp>, width: f32, what: &str, overlap: bool) {
    let rects = common::ui::button_rects(h);
    for (label, r) in &rects {
        assert!(
            r.min.x >= -0.5 && r.max.x <= width + 0.5,
            "{what}: {label:?} at {r:?} leaves a {width}px window"
        );
    }
    if overlap {
        common::ui::assert_no_overlap(&rects, width, what);
    }
}

#[test]
fn a_box_of_the_diagram_opens_from_the_keyboard() {
    let mut h = harness(Language::En);
    h.click("Learn");
    h.get_by_role_and_label(Role::Button, "Kryssalg (cross-sale)")
        .focus();
    h.run();
    h.press_key(egui::Key::Enter);
    assert_eq!(
        h.state().explained_node(),
        Some(PathNode::Outcome(SaleType::Kryssalg))
    );
}

/// Presses a button from the keyboard: the edge cases lie below the fold, where a pointer
/// click at the button's position would miss, and focus scrolls it into view as it would for
/// a trainee tabbing there.
fn press(h: &mut Harness<'_, SalgstrenerApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).focus();
    h.run();
    h.press_key(egui::Key::Enter);
}

fn bundled_harness(language: Language) -> Harness<'static, SalgstrenerApp> {
    let bank = Bank::load(BankSource::Embedded).expect("bundled bank");
    common::ui::app_harness(bank, language, 7, egui::vec2(1100.0, 900.0))
}

/// The ids of the bundled scenarios in `lang` that carry `case`'s tag.
fn tagged(h: &Harness<'_, SalgstrenerApp>, case: EdgeCase, lang: Language) -> Vec<String> {
    let mut ids: Vec<String> = h
        .state()
        .bank()
        .scenarios()
        .iter()
        .filter(|s| s.language == lang && case.is_exercised_by(s))
        .map(|s| s.id.clone())
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn the_edge_case_lesson_shows_every_case_with_ruling_reason_example_and_practice() {
    for lang in Language::ALL {
        let mut h = bundled_harness(lang);
        let t = salgstrener::ui::i18n::texts(lang);
        h.click(t.tab_learn);
        h.get_by_label(t.edge_heading);
        for case in EdgeCase::ALL {
            let texts = t.edge_case(case);
            h.get_by_label(texts.title);
            h.get_by_label(texts.ruling);
            h.get_by_label(texts.why);
            h.get_by_label(texts.example);
            let n = tagged(&h, case, lang).len();
            let button = t.edge_practice_label(case, n);
            h.get_by_role_and_label(Role::Button, &button);
        }
    }
}

#[test]
fn an_edge_case_button_starts_practice_on_exactly_the_tagged_scenarios() {
    let mut h = bundled_harness(Language::Nb);
    let t = salgstrener::ui::i18n::texts(Language::Nb);
    // A narrower selection on the practice tab must not hide any of the case's scenarios.
    h.click("Nivå 1");
    h.click(t.tab_learn);
    let case = EdgeCase::KnownCustomerNewProduct;
    let expected = tagged(&h, case, Language::Nb);
    assert!(expected.len() >= 2, "the bundled bank trains {case:?}");
    let title = t.edge_case(case).title;
    let button = t.edge_practice_label(case, expected.len());
    press(&mut h, &button);
    assert_eq!(h.state().screen(), Screen::Practice);
    // The selection says why it is narrow.
    h.get_by_label(t.edge_filter);
    h.get_by_label(title);

    let mut drawn = Vec::new();
    while let Some(q) = h.state().practice().question() {
        let scenario = &h.state().bank().scenarios()[q.scenario];
        let (id, title) = (scenario.id.clone(), scenario.title.clone());
        h.get_by_label(&title);
        drawn.push(id);
        h.press_keys(&[egui::Key::Num1, egui::Key::A]);
        h.press_key(egui::Key::Enter);
        h.press_key(egui::Key::Enter);
    }
    drawn.sort_unstable();
    assert_eq!(drawn, expected);

    h.click(t.edge_filter_clear);
    assert!(h.state().practice().filter().tags.is_empty());
    assert!(h.state().practice().round_size() > expected.len());
}

#[test]
fn guided_feedback_names_the_edge_case_behind_the_slip() {
    let mut h = bundled_harness(Language::En);
    h.click("Learn");
    let case = EdgeCase::KnownCustomerNewProduct;
    let t = salgstrener::ui::i18n::texts(Language::En);
    let title = t.edge_case(case).title;
    let n = tagged(&h, case, Language::En).len();
    press(&mut h, &t.edge_practice_label(case, n));
    // Guided practice draws from the same selection.
    h.click("Step by step");
    // The trap: a product new to the customer taken for a new customer.
    h.click("No N");
    h.press_key(egui::Key::A);
    h.click("Check answer");
    h.get_by_label(&Slip::KnownCustomer { said_known: false }.describe(Language::En));
    h.get_by_label(&format!("Edge case: {title}"));
    h.get_by_label(t.edge_case(case).ruling);

    // A right path names no case.
    h.click("Next scenario");
    let right = {
        let app = h.state();
        let q = app
            .guided()
            .practice()
            .question()
            .expect("a second tagged scenario");
        app.bank().scenarios()[q.scenario].decision_path()
    };
    assert!(right.known_customer());
    h.click("Yes Y");
    let relation = right.relation().expect("a follow-on sale");
    let key = [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
    ][Relation::ALL
        .iter()
        .position(|r| *r == relation)
        .expect("one of four")];
    h.press_key(key);
    h.press_key(egui::Key::A);
    h.click("Check answer");
    h.get_by_label("Every step was right.");
    assert!(h.query_by_label_contains("Edge case:").is_none());
}
