//! The desktop parts of the window: the bank loading in the background with its progress on
//! screen, and the Browse buttons beside path fields (with a fake dialog in place of the
//! system's).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use salgstrener::domain::bank::loading::{BankLoad, LoadProgress};
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::ui::app::{SalgstrenerApp, Settings};
use salgstrener::ui::widgets::path_field::{
    self, DialogUnavailable, FileDialog, Pick, PickRequest,
};

fn fixtures(folder: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
}

fn harness(app: SalgstrenerApp) -> Harness<'static, SalgstrenerApp> {
    Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app)
}

/// Steps the window until `done` holds; the loader and the dialog answer from other threads.
fn step_until(
    h: &mut Harness<'static, SalgstrenerApp>,
    what: &str,
    done: impl Fn(&Harness<'static, SalgstrenerApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waited in vain for {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run();
}

#[test]
fn the_window_shows_the_progress_then_the_loaded_bank() {
    let (release, gate) = mpsc::channel::<()>();
    let folder = fixtures("good");
    let load = BankLoad::start_with(
        BankSource::Folder(folder.clone()),
        || {},
        move |source: BankSource, progress: &LoadProgress| {
            progress.listed(4);
            progress.file_read(0);
            progress.file_read(2);
            // Hold the load here until the test has looked at the window.
            let _ = gate.recv();
            Bank::load(source)
        },
    );
    let app = SalgstrenerApp::loading(load, Settings::for_language(Language::Nb), 7);
    let mut h = harness(app);
    step_until(&mut h, "the progress", |h| {
        h.query_by_label("2 av 4 filer lest").is_some()
    });
    h.get_by_label("Laster scenarioene …");
    h.get_by_label("2 problemer funnet så langt");
    assert!(h.state().is_loading());
    assert!(
        h.query_by_label("Ny dressbukse").is_none(),
        "no scenario before the bank is ready"
    );

    // The Learn screen needs no bank and works meanwhile.
    h.get_by_label("Lær").click();
    h.run();
    assert!(h.query_by_label("Laster scenarioene …").is_none());
    h.get_by_label("Øving").click();
    h.run();

    release.send(()).unwrap();
    step_until(&mut h, "the bank", |h| !h.state().is_loading());
    assert_eq!(h.state().bank().source(), &BankSource::Folder(folder));
    assert!(h.query_by_label("Laster scenarioene …").is_none());
    assert!(h.state().practice().question().is_some());
    h.get_by_label("Hva slags salg er dette?");
}

/// Answers every dialog with a fixed path and remembers what it was asked.
struct FakeDialog {
    answer: Result<Option<PathBuf>, DialogUnavailable>,
    asked: Mutex<Vec<PickRequest>>,
}

impl FileDialog for FakeDialog {
    fn pick(&self, request: PickRequest) -> Result<Option<PathBuf>, DialogUnavailable> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request);
        }
        self.answer.clone()
    }
}

fn with_dialog(
    h: &mut Harness<'static, SalgstrenerApp>,
    answer: Result<Option<PathBuf>, DialogUnavailable>,
) -> Arc<FakeDialog> {
    let dialog = Arc::new(FakeDialog {
        answer,
        asked: Mutex::new(Vec::new()),
    });
    path_field::set_dialog(&h.ctx, dialog.clone());
    dialog
}

fn type_into(h: &mut Harness<'static, SalgstrenerApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn bundled_app() -> SalgstrenerApp {
    let bank = Bank::load(BankSource::Embedded).unwrap();
    SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 7)
}

#[test]
fn browse_fills_the_folder_field_and_open_loads_that_folder() {
    let mut h = harness(bundled_app());
    let folder = fixtures("good");
    let dialog = with_dialog(&mut h, Ok(Some(folder.clone())));
    h.get_by_label("Mappe…").click();
    h.run();
    h.get_by_label("Bla gjennom…").click();
    h.run();
    step_until(&mut h, "the picked folder in the field", |h| {
        h.get_by_label("Scenariomappe").value().as_deref() == Some(&*folder.display().to_string())
    });
    let asked = dialog.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].pick, Pick::Folder);
    assert_eq!(h.state().settings().last_folder.as_deref(), Some(&*folder));

    h.get_by_label("Åpne").click();
    h.step();
    step_until(&mut h, "the folder to load", |h| !h.state().is_loading());
    assert_eq!(
        h.state().bank().source(),
        &BankSource::Folder(folder.clone())
    );
    assert_eq!(
        h.state().settings().scenario_folder.as_deref(),
        Some(&*folder)
    );
    assert!(h.state().practice().question().is_some());
    h.get_by_label("Hva slags salg er dette?");
}

#[test]
fn the_next_dialog_starts_in_the_last_folder_used() {
    let mut h = harness(bundled_app());
    let dialog = with_dialog(&mut h, Ok(None));
    let last = fixtures("good");
    path_field::set_last_folder(&h.ctx, Some(last.clone()));
    h.get_by_label("Mappe…").click();
    h.run();
    h.get_by_label("Bla gjennom…").click();
    h.run();
    step_until(&mut h, "the dialog to be asked", |_| {
        !dialog.asked.lock().unwrap().is_empty()
    });
    let asked = dialog.asked.lock().unwrap().clone();
    assert_eq!(asked[0].pick, Pick::Folder);
    assert_eq!(asked[0].start_in.as_deref(), Some(Path::new(&last)));
}

#[test]
fn without_a_dialog_the_window_says_so_and_the_typed_path_still_opens() {
    let mut h = harness(bundled_app());
    with_dialog(&mut h, Err(DialogUnavailable));
    h.get_by_label("Mappe…").click();
    h.run();
    h.get_by_label("Bla gjennom…").click();
    h.run();
    let message =
        "Fant ingen filvelger (verken skrivebordsportal eller zenity). Skriv stien i feltet.";
    step_until(&mut h, "the message", |h| {
        h.query_by_label(message).is_some()
    });

    let folder = fixtures("good");
    type_into(&mut h, "Scenariomappe", &folder.display().to_string());
    h.run();
    h.get_by_label("Åpne").click();
    h.step();
    step_until(&mut h, "the folder to load", |h| !h.state().is_loading());
    assert_eq!(h.state().bank().source(), &BankSource::Folder(folder));
}

#[test]
fn a_folder_that_does_not_exist_is_refused_before_loading() {
    let mut h = harness(bundled_app());
    h.get_by_label("Mappe…").click();
    h.run();
    let missing = fixtures("no-such-folder");
    type_into(&mut h, "Scenariomappe", &missing.display().to_string());
    h.run();
    h.get_by_label("Åpne").click();
    h.run();
    assert!(!h.state().is_loading());
    assert_eq!(h.state().bank().source(), &BankSource::Embedded);
    let shown = h
        // The interface is Norwegian, so the refusal is too.
        .query_all_by_label_contains("kan ikke åpne scenariomappen")
        .count();
    assert_eq!(shown, 1);
}
