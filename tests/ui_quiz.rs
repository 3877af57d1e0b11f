//! Quizzes, the report, the history and the progress screen, driven through the real UI.

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::{SignedDuration, Timestamp};

use salgstrener::domain::bank::scenario::Fit;
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
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app);
    for label in clicks {
        harness.get_by_label(label).click();
        harness.run();
    }
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
    let s = &app.bank().scenarios()[q.scenario];
    let shown = q
        .answer
        .offer_order
        .iter()
        .position(|&i| s.offers[i].fit == Fit::Best)
        .unwrap();
    (s.answer, shown)
}

const TYPE_KEYS: [egui::Key; 5] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
];
const OFFER_KEYS: [egui::Key; 6] = [
    egui::Key::A,
    egui::Key::B,
    egui::Key::C,
    egui::Key::D,
    egui::Key::E,
    egui::Key::F,
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
    h.get_by_label("Start quizen").click();
    h.run();
    h.get_by_label("Spørsmål 1 av 12");

    // Question 1: right, and sure.
    let (t, offer) = right_answer(h.state());
    h.key_press(TYPE_KEYS[t.index()]);
    h.key_press(OFFER_KEYS[offer]);
    h.run();
    h.get_by_label("Sikker").click();
    h.run();
    h.get_by_label("Besvart: 1 av 12");
    // Flag it, go on with the arrow key.
    h.get_by_label("Merk for senere").click();
    h.run();
    h.get_by_label("Fjern merket");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.get_by_label("Spørsmål 2 av 12");

    // Question 2: a wrong follow-on type with the best offer, and sure: sure and wrong.
    let (right, offer) = right_answer(h.state());
    let missed_title = current_title(h.state());
    let wrong = SaleType::ALL
        .into_iter()
        .find(|x| x.is_follow_on() && *x != right)
        .unwrap();
    h.key_press(TYPE_KEYS[wrong.index()]);
    h.key_press(OFFER_KEYS[offer]);
    h.run();
    h.get_by_label("Sikker").click();
    h.run();

    // Ten questions unanswered: submitting asks first.
    h.get_by_label("Lever").click();
    h.run();
    h.get_by_label("10 spørsmål er ikke besvart og gir 0 poeng.");
    h.get_by_label("Fortsett quizen").click();
    h.run();
    assert!(h.query_by_label("Levere nå?").is_none());
    h.get_by_label("Lever").click();
    h.run();
    h.get_by_label("Lever likevel").click();
    h.run();

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
    h.get_by_label_contains("Spørsmål 1: ").click();
    h.run();
    h.get_by_label_contains("Spørsmål 12: ");

    let (store, notice) = HistoryStore::open(&history, Timestamp::now()).unwrap();
    assert_eq!(notice, None);
    let attempts = &store.history().attempts;
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].quiz_id, "modul-2");
    assert_eq!(attempts[0].answers.len(), 12);
    assert_eq!(attempts[0].points(), 7);

    // The progress screen shows it, exports it, and offers to practise the confusion.
    h.get_by_label("Fremgang").click();
    h.run();
    h.get_by_label("12 svar og 1 leverte quizer.");
    h.get_by_label("Eksporter som CSV").click();
    h.run();
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
    h.key_press(egui::Key::Enter);
    h.run();
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
    let Some(OpenNotice::KeptAside { moved_to, .. }) = notice else {
        panic!("the corrupt file must be kept aside");
    };
    assert_eq!(
        std::fs::read_to_string(&moved_to).unwrap(),
        "this is not a history"
    );
    assert!(file_name(&moved_to).starts_with("history.ron.corrupt-2026-11-27T09-00-00Z"));

    let message = format!(
        "The history file could not be read. It was moved to {} and a new one was started.",
        moved_to.display()
    );
    let app = SalgstrenerApp::new(
        Bank::load(BankSource::Embedded).unwrap(),
        Settings::for_language(Language::En),
        1,
    )
    .with_records(Records::new(Some(store)))
    .with_notice(message.clone());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app);
    h.get_by_label(&message);
    h.get_by_label("Dismiss").click();
    h.run();
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
    h.key_press(egui::Key::N);
    h.run();
    h.key_press(egui::Key::Num1);
    h.key_press(egui::Key::A);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
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
    h.get_by_label("Start quizen").click();
    h.run();
    h.get_by_label_contains("7–9 hvor sikker");

    // Question 1: type and offer, no confidence: answered, and counted apart.
    let (t, offer) = right_answer(h.state());
    h.key_press(TYPE_KEYS[t.index()]);
    h.key_press(OFFER_KEYS[offer]);
    h.run();
    h.get_by_label("Besvart: 1 av 12");
    h.get_by_label("1 uten oppgitt sikkerhet");

    // Question 2: confidence by its own key.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let (t, offer) = right_answer(h.state());
    h.key_press(TYPE_KEYS[t.index()]);
    h.key_press(OFFER_KEYS[offer]);
    h.key_press(egui::Key::Num9);
    h.run();
    h.get_by_label("Besvart: 2 av 12");
    h.get_by_label("1 uten oppgitt sikkerhet");
    let QuizStage::Running { run, .. } = h.state().quiz_stage() else {
        panic!("no quiz running");
    };
    assert_eq!(
        run.current().unwrap().confidence,
        Some(salgstrener::domain::progress::history::Confidence::High)
    );

    h.get_by_label("Lever").click();
    h.run();
    h.get_by_label("10 spørsmål er ikke besvart og gir 0 poeng.");
    h.get_by_label_contains("1 svar mangler hvor sikker du er.");
}
