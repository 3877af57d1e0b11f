//! Quizzes, the report, the history and the progress screen, driven through the real UI.

mod common;

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::{SignedDuration, Timestamp};

use common::ui::{Drive, best_offer_shown, harness_of, offer_key};

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{HISTORY_FILE, HistoryStore, OpenNotice};
use salgstrener::domain::progress::records::Records;
use salgstrener::domain::teaching::taxonomy::SaleType;
use salgstrener::ui::app::{SalgstrenerApp, Settings};
use salgstrener::ui::quiz::QuizStage;

struct Setup {
    harness: Harness<'static, SalgstrenerApp>,
    clock: Rc<Cell<Timestamp>>,
    _dir: tempfile::TempDir,
    history: std::path::PathBuf,
}

/// The app on the bundled bank with a fresh history, after clicking `clicks` in turn.
fn setup(lang: Language, clicks: &[&str]) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join(HISTORY_FILE);
    let start: Timestamp = "2026-11-27T09:00:00Z".parse().unwrap();
    let clock = Rc::new(Cell::new(start));
    let (store, _) = HistoryStore::open(&history, start).unwrap();
    let tick = clock.clone();
    let app = SalgstrenerApp::new(
        Bank::load(BankSource::Embedded).unwrap(),
        Settings::for_language(lang),
        5,
    )
    .with_clock(Box::new(move || tick.get()))
    .with_records(Records::new(Some(store)));
    let mut harness = harness_of(app, egui::vec2(1100.0, 900.0));
    harness.click_each(clicks);
    Setup {
        harness,
        clock,
        _dir: dir,
        history,
    }
}

/// The right type and the shown position of the best offer of the question on screen.
fn right_answer(app: &SalgstrenerApp) -> (SaleType, usize) {
    let QuizStage::Running { run, .. } = app.quiz_stage() else {
        panic!("no quiz running");
    };
    let q = run.current().unwrap();
    let right = app.bank().scenarios()[q.scenario].answer;
    (right, best_offer_shown(app.bank(), q.scenario, &q.answer))
}

/// The keys that answer the question on screen right: its type, then its best offer.
fn right_keys(app: &SalgstrenerApp) -> [egui::Key; 2] {
    let (right, offer) = right_answer(app);
    [TYPE_KEYS[right.index()], offer_key(offer)]
}

const TYPE_KEYS: [egui::Key; 5] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
];

#[test]
fn a_whole_quiz_through_to_the_report_and_into_the_history() {
    let Setup {
        mut harness,
        history,
        ..
    } = setup(
        Language::Nb,
        &["Quiz", "Modul 2: De fire påfølgende salgene"],
    );
    let h = &mut harness;
    h.get_by_label("• 12 spørsmål");
    h.get_by_label("• Du oppgir hvor sikker du er på hvert svar");
    h.click("Start quizen");
    h.get_by_label("Spørsmål 1 av 12");

    // Question 1: right, and sure.
    h.press_keys(&right_keys(h.state()));
    h.click("Sikker");
    h.get_by_label("Besvart: 1 av 12");
    // Flag it, go on with the arrow key.
    h.click("Merk for senere");
    h.get_by_label("Fjern merket");
    h.press_key(egui::Key::ArrowRight);
    h.get_by_label("Spørsmål 2 av 12");

    // Question 2: a wrong follow-on type with the best offer, and sure: sure and wrong.
    let (right, offer) = right_answer(h.state());
    let missed_title = current_title(h.state());
    let wrong = SaleType::ALL
        .into_iter()
        .find(|x| x.is_follow_on() && *x != right)
        .unwrap();
    h.press_keys(&[TYPE_KEYS[wrong.index()], offer_key(offer)]);
    h.click("Sikker");

    // Ten questions unanswered: submitting asks first.
    h.click("Lever");
    h.get_by_label("10 spørsmål er ikke besvart og gir 0 poeng.");
    h.click("Fortsett quizen");
    assert!(h.query_by_label("Levere nå?").is_none());
    h.click("Lever");
    h.click("Lever likevel");

    h.get_by_label("Resultat: Modul 2: De fire påfølgende salgene");
    // 4 + (1 + 2) = 7 of 48 points.
    h.get_by_label("7 av 48 poeng (15 %)");
    h.get_by_label("Ikke bestått");
    h.get_by_label("Ubesvarte spørsmål: 10");
    h.get_by_label(&format!(
        "Du valgte oftest {} der {} var riktig (antall: 1).",
        wrong.norwegian(),
        right.norwegian()
    ));
    h.get_by_label("1 av 2 riktige");
    h.get_by_label(
        "Du var sikker, men tok feil 1 ganger: les forklaringene på de spørsmålene nøye.",
    );
    h.click_containing("Spørsmål 1: ");
    h.get_by_label_contains("Spørsmål 12: ");

    let (store, notice) = HistoryStore::open(&history, Timestamp::now()).unwrap();
    assert_eq!(notice, None);
    let attempts = &store.history().attempts;
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].quiz_id, "modul-2");
    assert_eq!(attempts[0].answers.len(), 12);
    assert_eq!(attempts[0].points(), 7);

    // The progress screen shows it, exports it, and offers to practise the confusion.
    h.click("Fremgang");
    h.get_by_label("12 svar og 1 leverte quizer.");
    h.click("Eksporter som CSV");
    let csv_path = history.with_file_name("results.csv");
    h.get_by_label(&format!("Lagret {}", csv_path.display()));
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(
        csv.lines().count(),
        1 + 12,
        "a header and one row per answer"
    );
    h.get_by_label(&format!(
        "Øv på disse to: {} + {}",
        right.norwegian(),
        wrong.norwegian()
    ))
    .click();
    h.run();
    let mut pair = vec![right, wrong];
    pair.sort();
    assert_eq!(h.state().practice().filter().types, pair);
    // The scenario answered wrong in the quiz is due again, so practice shows it first.
    h.get_by_label(&missed_title);
    h.get_by_label("Sjekk svaret");
}

fn current_title(app: &SalgstrenerApp) -> String {
    let QuizStage::Running { run, .. } = app.quiz_stage() else {
        panic!("no quiz running");
    };
    app.bank().scenarios()[run.current().unwrap().scenario]
        .title
        .clone()
}

#[test]
fn the_clock_submits_a_timed_quiz() {
    let Setup {
        mut harness, clock, ..
    } = setup(Language::En, &["Quizzes", "Final test"]);
    let h = &mut harness;
    h.get_by_label("• Time limit: 25 min");
    h.get_by_label("• Everyone gets the same questions in the same order");
    h.press_key(egui::Key::Enter);
    h.get_by_label("Time left: 25:00");
    clock.set(clock.get() + SignedDuration::from_secs(24 * 60 + 1));
    h.run();
    h.get_by_label("Time left: 0:59");
    clock.set(clock.get() + SignedDuration::from_secs(60));
    h.run();
    h.get_by_label("Time is up, and the quiz was submitted.");
    h.get_by_label("Time used: 25:00");
    h.get_by_label("0 of 80 points (0 %)");
    h.get_by_label("Not passed");
}

#[test]
fn a_corrupt_history_is_kept_aside_and_the_user_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HISTORY_FILE);
    std::fs::write(&path, "this is not a history").unwrap();
    let now: Timestamp = "2026-11-27T09:00:00Z".parse().unwrap();
    let (store, notice) = HistoryStore::open(&path, now).unwrap();
    let Some(notice) = notice else {
        panic!("the corrupt file must be kept aside");
    };
    let OpenNotice::KeptAside { moved_to, .. } = &notice;
    assert_eq!(
        std::fs::read_to_string(moved_to).unwrap(),
        "this is not a history"
    );
    assert!(file_name(moved_to).starts_with("history.ron.corrupt-2026-11-27T09-00-00Z"));

    // The notice says why, where the file went, and that a new history was started.
    let message = notice.text(Language::En);
    let ending = format!(
        "It was moved to {} and a new one was started.",
        moved_to.display()
    );
    assert!(
        message.starts_with(
            "The history file could not be read (the file cannot be read as a history: "
        ) && message.ends_with(&ending),
        "{message}"
    );
    let app = SalgstrenerApp::new(
        Bank::load(BankSource::Embedded).unwrap(),
        Settings::for_language(Language::En),
        1,
    )
    .with_records(Records::new(Some(store)))
    .with_notice(message.clone());
    let mut h = harness_of(app, egui::vec2(1100.0, 800.0));
    h.get_by_label(&message);
    h.click("Dismiss");
    assert!(h.query_by_label(&message).is_none());
    // The app works on with a fresh history.
    h.get_by_label("Check answer");
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn guided_answers_count_in_the_history_like_practice() {
    let Setup {
        mut harness,
        history,
        ..
    } = setup(Language::Nb, &["Steg for steg"]);
    let h = &mut harness;
    h.press_key(egui::Key::N);
    h.press_keys(&[egui::Key::Num1, egui::Key::A]);
    h.press_key(egui::Key::Enter);
    h.get_by_label_contains("av 4 poeng");
    assert_eq!(h.state().records().progress().answers, 1);
    let (store, _) = HistoryStore::open(&history, Timestamp::now()).unwrap();
    assert_eq!(store.history().attempts[0].answers.len(), 1);
}

#[test]
fn an_answer_without_confidence_is_answered_in_the_counter_and_the_submit_dialog_alike() {
    let Setup { mut harness, .. } = setup(
        Language::Nb,
        &["Quiz", "Modul 2: De fire påfølgende salgene"],
    );
    let h = &mut harness;
    h.click("Start quizen");
    h.get_by_label_contains("7–9 hvor sikker");

    // Question 1: type and offer, no confidence: answered, and counted apart.
    h.press_keys(&right_keys(h.state()));
    h.get_by_label("Besvart: 1 av 12");
    h.get_by_label("1 uten oppgitt sikkerhet");

    // Question 2: confidence by its own key.
    h.press_key(egui::Key::ArrowRight);
    let [sale_type, offer] = right_keys(h.state());
    h.press_keys(&[sale_type, offer, egui::Key::Num9]);
    h.get_by_label("Besvart: 2 av 12");
    h.get_by_label("1 uten oppgitt sikkerhet");
    let QuizStage::Running { run, .. } = h.state().quiz_stage() else {
        panic!("no quiz running");
    };
    assert_eq!(
        run.current().unwrap().confidence,
        Some(salgstrener::domain::progress::history::Confidence::High)
    );

    h.click("Lever");
    h.get_by_label("10 spørsmål er ikke besvart og gir 0 poeng.");
    h.get_by_label_contains("1 svar mangler hvor sikker du er.");
}
