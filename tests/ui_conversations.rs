//! Drives the Conversations screen through egui_kittest, by the labels a trainee sees: a whole
//! conversation from the first reply to the result, a customer who leaves, and the keys.

mod common;

use common::ui::{Drive, app_harness, harness_of, offer_key};
use common::{fixtures, scenario_folder};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::HistoryStore;
use salgstrener::domain::progress::records::Records;
use salgstrener::ui::app::{SalgstrenerApp, Settings};

fn harness(language: Language, width: f32) -> Harness<'static, SalgstrenerApp> {
    let bank = Bank::load(BankSource::Folder(fixtures("conversations/good")))
        .expect("fixture folder loads");
    app_harness(bank, language, 7, egui::vec2(width, 900.0))
}

/// An app that keeps its history in a temporary folder, so that attempts are recorded.
fn harness_with_history(
    language: Language,
    dir: &std::path::Path,
) -> Harness<'static, SalgstrenerApp> {
    let bank = Bank::load(BankSource::Folder(fixtures("conversations/good")))
        .expect("fixture folder loads");
    let (store, _) = HistoryStore::open(&dir.join("history.ron"), jiff::Timestamp::now())
        .expect("a new history");
    let app = SalgstrenerApp::new(bank, Settings::for_language(language), 7)
        .with_records(Records::new(Some(store)));
    harness_of(app, egui::vec2(1100.0, 900.0))
}

#[test]
fn a_whole_conversation_by_mouse_from_the_first_reply_to_the_result() {
    let mut h = harness(Language::Nb, 1100.0);
    h.click_each(&["Samtaler", "Løpesko og mørke kvelder"]);
    h.get_by_label("Takk, da tar jeg disse skoene.");
    h.get_by_label("Ingenting ennå: still gode spørsmål.");

    h.click_containing("Så bra! Hva skal du bruke dem til?");
    // The reply is in the chat with its feedback, the fact in the panel.
    h.get_by_label("Godt svar (2 poeng)");
    h.get_by_label("Hun har meldt seg på et halvmaraton i mars.");
    h.get_by_label("Jeg skal løpe halvmaraton i mars, så nå blir det mye trening.");

    h.click_containing("Når på døgnet pleier du å trene?");
    h.click_containing("Hvordan synes du det er å løpe langs veien i mørket?");

    // The decision, with the same widgets as practice.
    h.get_by_label("Avgjør salget");
    h.answer("Kryssalg 4", "En hodelykt med refleksvest");

    h.get_by_label("4 av 4 poeng");
    h.get_by_label("Til sammen: 10 av 10 poeng");
    h.get_by_label("Samtalen: 6 av 6 poeng (den beste veien gir 6)");
    h.get_by_label("Din vei");
    h.get_by_label("Beste vei");
    h.get_by_label("Ingen: du fikk fram alt som avgjør salget.");
    let talk = h
        .state()
        .conversations()
        .talk
        .as_ref()
        .expect("a conversation");
    assert!(talk.is_finished());
    assert_eq!(talk.result().points(), 10);

    h.click("Tilbake til listen");
    assert!(h.state().conversations().talk.is_none());
    h.get_by_label("1 samtaler i utvalget");
}

#[test]
fn a_customer_who_leaves_ends_with_the_points_so_far_and_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with_history(Language::En, dir.path());
    h.click_each(&["Conversations", "Running shoes and dark evenings"]);
    h.click_containing("Would you like a bag for the shoes?");
    h.click_containing("Then you need a heart-rate watch");
    h.get_by_label("The customer left");
    h.get_by_label("Maybe another time.");
    h.get_by_label("In total: 1 of 10 points");
    h.get_by_label("No decision: the customer left before you got that far (0 of 4 points).");
    // The result and the panel of what is known say what came of the questions, not
    // "nothing yet".
    assert_eq!(
        h.query_all_by_label("None: no question of yours got the customer to tell you anything.")
            .count(),
        2
    );
    assert!(
        h.query_by_label("Nothing yet: ask good questions.")
            .is_none()
    );
    h.get_by_label("What went wrong");
    // The feedback is in the chat and again under what went wrong.
    assert_eq!(
        h.query_all_by_label("An expensive suggestion without knowing anything about her need.")
            .count(),
        2
    );
    h.get_by_label("She has no reflector or light and has felt unsafe on the road.");
    h.click("Try the conversation again");
    assert!(
        !h.state()
            .conversations()
            .talk
            .as_ref()
            .unwrap()
            .is_finished()
    );
    // The attempt is in the progress figures, the customer who left included.
    h.click("Progress");
    h.get_by_label_contains(
        "Sales conversations: 1 played, 1 where the customer left before the decision. Your replies earned 1 of 6 possible points",
    );
}

#[test]
fn keys_pick_replies_and_feedback_can_wait_for_the_end() {
    let mut h = harness(Language::En, 600.0);
    h.click("Conversations");
    // In a narrow window the selection folds away; open it to reach the setting.
    h.click("Selection");
    h.click("Show feedback only at the end");
    assert!(h.state().settings().conversation_feedback_at_end);
    h.click("Running shoes and dark evenings");
    for _ in 0..3 {
        h.press_key(egui::Key::Num1);
    }
    // No feedback in the chat while the conversation goes on.
    assert!(h.query_by_label("Good reply (2 points)").is_none());
    h.press_key(egui::Key::Num4);
    let talk = h.state().conversations().talk.as_ref().unwrap();
    let answer = talk.answer().expect("the decision");
    let best = answer
        .offer_order
        .iter()
        .position(|&i| i == 0)
        .expect("the best offer is shown");
    h.press_key(offer_key(best));
    h.press_key(egui::Key::Enter);
    h.get_by_label("In total: 10 of 10 points");
    h.get_by_label("Feedback on your replies");
    assert!(h.query_all_by_label("Good reply (2 points)").count() >= 3);
}

#[test]
fn the_editor_draws_a_conversation_as_a_graph_and_plays_the_draft() {
    let (_tmp, dir) = scenario_folder();
    let file = dir.join("sport-samtale-lopesko.ron");
    std::fs::copy(
        fixtures("conversations/good/sport-samtale-lopesko.ron"),
        &file,
    )
    .unwrap();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let mut h = app_harness(bank, Language::Nb, 7, egui::vec2(1280.0, 2400.0));
    h.click("Redigering");
    h.click_containing("Løpesko og mørke kvelder");
    h.get_by_label("Samtalen som graf");
    // Every step is a box that can be clicked; the end boxes are drawn after them.
    for step in ["kassa", "trening", "morket"] {
        h.get_by_label(step);
    }
    h.click("trening");
    h.get_by_label("Steg «trening»");
    h.get_by_label("→ morket");

    h.click("Prøv samtalen");
    assert_eq!(
        h.state().screen(),
        salgstrener::ui::action::Screen::Conversations
    );
    h.get_by_label("Takk, da tar jeg disse skoene.");
}
