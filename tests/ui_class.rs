//! The Class screen driven like an instructor: type the folder of exports, make the report
//! (read on a background thread, its progress on screen meanwhile), read the flagged
//! scenarios, sort a table, and open a flagged scenario in the editor.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::ui::{Drive, app_harness};
use common::{answer, fixtures};
use salgstrener::domain::background::{Job, Progress};
use salgstrener::domain::bank::scenario::Fit::{self, Acceptable, Best, Poor};
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::class_report::{self, AttemptChoice, BankInfo, ClassReport};
use salgstrener::domain::interop::xapi::{self, Actor, XapiOptions};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{Attempt, AttemptKind, History};
use salgstrener::domain::teaching::taxonomy::SaleType::*;
use salgstrener::ui::action::Screen;
use salgstrener::ui::app::SalgstrenerApp;

/// Four trainees answer the two fixture scenarios so that both discriminate negatively (as
/// in tests/class_report.rs).
fn write_class(dir: &Path) {
    // Each trainee's chosen type and offer for the belt, then for the roof box.
    let rows = [
        ("kari", [(Tilleggssalg, Best), (Tilleggssalg, Best)]),
        ("ola", [(Tilleggssalg, Best), (Kryssalg, Acceptable)]),
        ("per", [(Tilleggssalg, Poor), (Nysalg, Poor)]),
        ("siri", [(Nysalg, Poor), (Tilleggssalg, Best)]),
    ];
    for (n, (name, [belt, roof])) in rows.into_iter().enumerate() {
        let history = History {
            version: 1,
            attempts: vec![Attempt {
                registration: uuid::Uuid::from_u128(n as u128 + 1).to_string(),
                kind: AttemptKind::Quiz,
                quiz_id: "modul-1".into(),
                quiz_title: "Modul 1".into(),
                answers: vec![
                    answer("klaer-belte", Tilleggssalg, belt.0, belt.1),
                    answer("bil-takboks", Tilleggssalg, roof.0, roof.1),
                ],
                ..Attempt::default()
            }],
        };
        let actor = Actor::new(Some(name), Some(&format!("{name}@klasse.example"))).unwrap();
        let options = XapiOptions {
            actor,
            ..XapiOptions::default()
        };
        let json = xapi::statements_json(&xapi::statements(&history, &options)).unwrap();
        fs::write(dir.join(format!("{name}.json")), json).unwrap();
    }
    fs::write(dir.join("notes.txt"), "not an export").unwrap();
}

type ClassHarness = Harness<'static, SalgstrenerApp>;

/// The app on the good fixtures, on the Class screen.
fn class_screen() -> ClassHarness {
    let bank = Bank::load(BankSource::Folder(fixtures("good"))).expect("fixture folder loads");
    let mut h = app_harness(bank, Language::Nb, 7, egui::vec2(1200.0, 2400.0));
    h.click("Klasse");
    h
}

/// Steps the window until the report is ready: the folder is read on another thread. Bounded
/// by a number of frames, not by a clock.
fn step_until_read(h: &mut ClassHarness) {
    for _ in 0..10_000 {
        if !h.state().screens().class.is_reading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
        h.step();
    }
    assert!(
        !h.state().screens().class.is_reading(),
        "the report was never ready"
    );
    h.run();
}

/// A read of the class that stops, as if reading a large folder, until it is released.
struct HeldRead {
    job: Job<ClassReport>,
    /// Lets the read go on (or dropped, too).
    release: mpsc::Sender<()>,
    /// Once released, whether the read had been asked to stop.
    was_cancelled: mpsc::Receiver<bool>,
}

/// A read that lists `listed` files and reads those with `problems` (one count a file), then
/// is held; once released it reads `folders`.
fn held_read(listed: usize, problems: &[usize], folders: Vec<PathBuf>) -> HeldRead {
    let (release, gate) = mpsc::channel();
    let (cancelled, was_cancelled) = mpsc::channel();
    let problems = problems.to_vec();
    let job = Job::start(
        "held-class-read",
        || {},
        move |progress: &Progress| {
            progress.listed(listed);
            for &n in &problems {
                progress.file_read(n);
            }
            let _ = gate.recv();
            let _ = cancelled.send(progress.is_cancelled());
            class_report::report_of(&folders, AttemptChoice::First, &BankInfo::default())
        },
    );
    HeldRead {
        job,
        release,
        was_cancelled,
    }
}

#[test]
fn the_screen_shows_the_progress_while_the_class_is_read_and_stays_usable() {
    let exports = tempfile::tempdir().unwrap();
    write_class(exports.path());
    let mut h = class_screen();

    // A read held after two of five files, the second with a problem.
    let held = held_read(5, &[0, 1], vec![exports.path().to_path_buf()]);
    let class = &mut h.state_mut().screens_mut().class;
    class.folder = exports.path().display().to_string();
    class.read_with(held.job);
    h.run();
    h.get_by_label("Leser eksportene …");
    h.get_by_label("2 av 5 filer lest");
    h.get_by_label("1 problemer funnet så langt");
    assert!(h.state().screens().class.is_reading());
    assert!(h.state().screens().class.report().is_none());
    // One read at a time: the button does not start another.
    h.click("Lag rapport");
    h.get_by_label("2 av 5 filer lest");

    // The window is not waiting on the reader: other screens work meanwhile.
    h.click("Øving");
    assert_eq!(h.state().screen(), Screen::Practice);
    h.click("Klasse");
    h.get_by_label("2 av 5 filer lest");

    held.release.send(()).unwrap();
    step_until_read(&mut h);
    assert!(h.query_by_label("Leser eksportene …").is_none());
    h.get_by_label("4 deltakere, 5 filer, 12 utsagn og rader lest");
    assert_eq!(
        h.state().screens().class.report().map(|r| r.trainees.len()),
        Some(4)
    );
}

#[test]
fn a_read_can_be_cancelled() {
    let mut h = class_screen();
    let held = held_read(3, &[], Vec::new());
    h.state_mut().screens_mut().class.read_with(held.job);
    h.run();
    h.get_by_label("0 av 3 filer lest");
    h.click("Avbryt");
    assert!(!h.state().screens().class.is_reading());
    assert!(h.state().screens().class.report().is_none());
    assert!(h.query_by_label("0 av 3 filer lest").is_none());
    held.release.send(()).unwrap();
    assert_eq!(
        held.was_cancelled.recv(),
        Ok(true),
        "the reader was told to stop"
    );
}

#[test]
fn an_instructor_reads_the_class_and_opens_a_flagged_scenario() {
    let exports = tempfile::tempdir().unwrap();
    write_class(exports.path());
    let mut h = class_screen();
    assert_eq!(h.state().screen(), Screen::Class);
    h.type_into(
        Role::TextInput,
        "Mappe med eksporter",
        0,
        &exports.path().display().to_string(),
    );
    h.get_by_label("Lag rapport").click();
    h.step();
    step_until_read(&mut h);

    let report = h
        .state()
        .screens()
        .class
        .report()
        .expect("the report was made");
    assert_eq!(report.trainees.len(), 4);
    // The heading (and the flagged points' legend in the chart).
    assert!(h.query_all_by_label("Scenarioer som bør ses på").count() >= 1);
    h.get_by_label("4 deltakere, 5 filer, 12 utsagn og rader lest");
    // Said at the top, and listed at the bottom.
    assert_eq!(h.query_all_by_label("Problemer i inndata (1)").count(), 2);
    // Both scenarios are flagged, each with a button to the editor.
    assert!(h.query_all_by_label("negativ diskriminering").count() >= 2);
    assert_eq!(h.query_all_by_label("Åpne i redigering").count(), 2);
    // The trainees' table, sorted by name, then by mean score the other way round.
    h.get_by_label("kari");
    h.click_containing("Snitt");
    h.get_by_label("Snitt (stigende)");
    h.click("Snitt (stigende)");
    h.get_by_label("Snitt (synkende)");

    // The report saved as one HTML file, in the interface's language.
    let html_path = exports.path().join("rapport.html");
    h.type_into(
        Role::TextInput,
        "HTML-fil",
        0,
        &html_path.display().to_string(),
    );
    h.click("Lagre som HTML");
    h.get_by_label(&format!("Lagret {}", html_path.display()));
    let html = std::fs::read_to_string(&html_path).expect("the HTML report is written");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.contains("lang=\"nb\""), "in Norwegian");
    assert!(html.contains("kari"), "with the trainees");

    assert!(
        h.query_all_by_label_contains("å skille tilleggssalg fra nysalg")
            .count()
            >= 1
    );

    // Open the first flagged scenario in the editor.
    let open = h
        .query_all_by_label("Åpne i redigering")
        .next()
        .expect("a button per flagged scenario");
    open.click();
    h.run();
    h.run();
    assert_eq!(h.state().screen(), Screen::Editor);
    let path = h
        .state()
        .editor()
        .doc
        .as_ref()
        .map(|d| d.path().to_path_buf());
    let path = path.expect("a file is open in the editor");
    assert!(
        path.ends_with("bil-takboks.ron") || path.ends_with("klaer-belte.ron"),
        "{}",
        path.display()
    );
}

#[test]
fn the_screen_summarises_each_sales_conversation() {
    use salgstrener::domain::bank::conversation::Quality;
    use salgstrener::domain::progress::history::{ConversationRecord, ReplyRecord};

    let exports = tempfile::tempdir().unwrap();
    let reply = |step: &str| ReplyRecord {
        step_id: step.into(),
        text: format!("Svar ved {step}"),
        quality: Quality::Good,
    };
    let history = History {
        version: 1,
        attempts: vec![Attempt {
            registration: uuid::Uuid::from_u128(77).to_string(),
            kind: AttemptKind::Conversation,
            quiz_id: "sport-samtale-lopesko".into(),
            quiz_title: "Løpesko".into(),
            answers: vec![answer(
                "sport-samtale-lopesko",
                Kryssalg,
                Kryssalg,
                Fit::Best,
            )],
            conversation: Some(ConversationRecord {
                replies: vec![reply("kassa"), reply("trening"), reply("morket")],
                best_points: 6,
                ..ConversationRecord::default()
            }),
            ..Attempt::default()
        }],
    };
    let json = xapi::statements_json(&xapi::statements(&history, &XapiOptions::default())).unwrap();
    fs::write(exports.path().join("kari.json"), json).unwrap();

    let mut h = class_screen();
    h.state_mut().screens_mut().class.folder = exports.path().display().to_string();
    h.run();
    h.get_by_label("Lag rapport").click();
    h.step();
    step_until_read(&mut h);
    h.get_by_label("Salgssamtaler");
    h.get_by_label("Løpesko (sport-samtale-lopesko): 1 forsøk; kunden gikk 0 ganger (0.0 %)");
    h.get_by_label("Svarene ga i snitt 6.0 av 6 poeng på beste vei (100.0 %)");
    // No problem and nothing left unused: every reply statement was understood.
    assert!(h.query_by_label_contains("Problemer i inndata").is_none());
    h.get_by_label("1 deltakere, 1 filer, 5 utsagn og rader lest");
}
