//! Drives the real practice screen through egui_kittest, by the labels a trainee sees.

mod common;

use common::ui::{Drive, app_harness, best_offer_key, harness};
use common::{fixtures, scenario_folder};

use egui_kittest::kittest::Queryable;

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;

#[test]
fn a_whole_question_by_mouse_right_answer() {
    let mut h = harness("good", Language::Nb);
    h.get_by_label("Ny dressbukse");
    // Check stays disabled until both a type and an offer are chosen.
    h.click("Sjekk svaret");
    assert_eq!(h.state().practice().tally().answered, 0);

    h.answer("Tilleggssalg 5", "Et sort belte til buksen");

    h.get_by_label("4 av 4 poeng");
    h.get_by_label("Riktig salgstype.");
    h.get_by_label("Et belte hører til buksen han nettopp kjøpte, så det er et tilleggssalg.");
    h.get_by_label("Beltet utvider kjøpet.");
    assert_eq!(h.state().practice().tally().points, 4);
    // The session score in the side panel counts the answer.
    h.get_by_label("Poeng: 4 av 4");

    h.click("Neste scenario");
    // Only one Norwegian scenario in the fixture: the round is used up.
    h.get_by_label("Runden er ferdig: du har vært gjennom alle 1 scenarioene i utvalget.");
    h.click("Start en ny runde");
    h.get_by_label("Ny dressbukse");
}

#[test]
fn a_wrong_answer_teaches_the_deciding_difference() {
    let mut h = harness("good", Language::Nb);
    h.answer("Kryssalg 4", "En dressjakke");
    // Kryssalg for tilleggssalg: 1 point for a follow-on type, 1 for an acceptable offer.
    h.get_by_label("2 av 4 poeng");
    h.get_by_label("Nesten: begge er påfølgende salg, men typen er feil.");
    h.get_by_label_contains("Tilleggssalg er en utvidelse av produktet som nettopp ble kjøpt");
    h.get_by_label("Et annet produkt.");
    // The best offer is shown when another was chosen.
    h.get_by_label("Beste tilbud");
}

#[test]
fn the_keyboard_answers_and_moves_on() {
    let mut h = harness("good", Language::En);
    h.get_by_label("Roof box");
    h.press_key(egui::Key::Num5);
    // Offers are shuffled per showing: find which letter the best one got.
    h.press_key(best_offer_key(h.state().bank(), h.state().practice()));
    h.press_key(egui::Key::Enter);
    h.get_by_label("4 of 4 points");
    h.press_key(egui::Key::Enter);
    h.get_by_label_contains("Round finished");
}

#[test]
fn the_filter_narrows_the_selection_and_the_language_switch_translates() {
    let mut h = harness("good", Language::En);
    h.get_by_label("Left in this round: 0 of 1");
    h.get_by_label("Roof box");
    // Practice follows the interface language while the trainee has not chosen otherwise.
    h.click("Norsk");
    h.get_by_label("Scenariospråk");
    h.get_by_label("Ny dressbukse");
    h.get_by_label("Igjen i runden: 0 av 1");
    // Including the other language widens the round.
    h.click("Scenarioer på engelsk");
    h.get_by_label("Igjen i runden: 1 av 2");
    // A mixed selection is the trainee's choice and stays when the language changes.
    h.click("English");
    h.get_by_label("Left in this round: 1 of 2");
    // A difficulty filter narrows it.
    h.click("Level 2");
    h.get_by_label("Left in this round: 0 of 1");
    h.get_by_label("Roof box");
}

#[test]
fn load_problems_are_listed_in_the_window() {
    let mut h = harness("broken", Language::En);
    h.get_by_label("19 files have errors and were not loaded.");
    h.click("Show the problems");
    h.get_by_label("Problems in the scenario files");
    h.get_by_label("21 files checked: 20 errors, 1 warnings.");
    h.get_by_label_contains("unknown_sale_type.ron:11:13");
}

#[test]
fn load_problems_read_in_norwegian_in_the_norwegian_interface() {
    let mut h = harness("broken", Language::Nb);
    h.click("Vis problemene");
    h.get_by_label("Problemer i scenariofilene");
    h.get_by_label(
        "ukjent salgstype `Oppsalg`: bruk en av `Nysalg`, `Mersalg`, `Gjensalg`, `Kryssalg`, `Tilleggssalg`",
    );
    assert!(h.query_by_label_contains("unknown sale type").is_none());
}

/// Every button lies inside the window and no two overlap, at the smallest supported window
/// and at a common laptop size, before and after answering.
#[test]
fn the_layout_fits_small_and_large_windows() {
    for (width, height) in [(480.0, 360.0), (560.0, 480.0), (1280.0, 800.0)] {
        for lang in Language::ALL {
            let mut h = common::ui::bundled_harness_sized(lang, width, height);
            for answered in [false, true] {
                if answered {
                    h.press_keys(&[egui::Key::Num2, egui::Key::A]);
                    h.press_key(egui::Key::Enter);
                    assert_eq!(h.state().practice().tally().answered, 1);
                }
                let rects = common::ui::button_rects(&h);
                for (label, r) in &rects {
                    assert!(
                        r.max.x <= width + 0.5,
                        "{label:?} at {r:?} leaves a {width}px window"
                    );
                }
                if answered {
                    // The result scrolls into view; scrolled-away buttons sit under the top
                    // bar, clipped, so overlap is only meaningful before scrolling.
                    continue;
                }
                common::ui::assert_no_overlap(&rects, width, &format!("{lang:?}"));
            }
        }
    }
}

#[test]
fn a_scenario_picture_from_assets_is_shown_with_its_title_as_alt_text() {
    let (tmp, dir) = scenario_folder();
    std::fs::create_dir_all(tmp.path().join("assets/images")).unwrap();
    let text = std::fs::read_to_string(fixtures("good/klaer-belte.ron"))
        .unwrap()
        .replace("image: None", "image: Some(\"images/belte.png\")");
    std::fs::write(dir.join("klaer-belte.ron"), text).unwrap();
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, 4, 3);
        encoder.set_color(png::ColorType::Rgb);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[200u8; 4 * 3 * 3]).unwrap();
    }
    std::fs::write(tmp.path().join("assets/images/belte.png"), png).unwrap();

    let bank = Bank::load(BankSource::Folder(dir)).unwrap();
    assert_eq!(bank.problems(), &[]);
    let picture = bank
        .picture("images/belte.png")
        .expect("decoded when the bank loads");
    assert_eq!((picture.width, picture.height), (4, 3));
    let mut h = app_harness(bank, Language::Nb, 7, egui::vec2(1100.0, 900.0));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Image, "Ny dressbukse");
}
