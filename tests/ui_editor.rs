//! The editor driven through the real UI: create a scenario through the form, see and fix its
//! errors, save; conflicts with changes on disk; unsaved changes; delete; hot reload.

mod common;

use common::good_folder;
use common::ui::{Drive, app_harness, harness_of};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use salgstrener::domain::bank::watch::FolderWatch;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::ui::app::{SalgstrenerApp, Settings};

fn harness(dir: &Path) -> Harness<'static, SalgstrenerApp> {
    let bank = Bank::load(BankSource::Folder(dir.to_path_buf())).unwrap();
    app_harness(bank, Language::Nb, 9, egui::vec2(1280.0, 2400.0))
}

/// The editor tab on a copy of the two good fixtures in `dir` (the second value). Keep the
/// first value alive as long as the folder is used.
fn editor() -> (tempfile::TempDir, PathBuf, Harness<'static, SalgstrenerApp>) {
    let (tmp, dir) = good_folder();
    let mut h = harness(&dir);
    h.click("Redigering");
    (tmp, dir, h)
}

/// [`editor`] with the belt scenario open and its industry changed to «Herreklær», not saved.
fn unsaved_change() -> (tempfile::TempDir, PathBuf, Harness<'static, SalgstrenerApp>) {
    let (tmp, dir, mut h) = editor();
    h.click_button("Ny dressbukse");
    h.replace_text(Role::TextInput, "Bransje", "Herreklær");
    (tmp, dir, h)
}

/// The text of the file `name` in `dir` as it is on disk.
fn on_disk(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn a_new_scenario_through_the_form_with_errors_fixed_then_saved() {
    let (_tmp, dir, mut h) = editor();
    h.get_by_label("2 av 2 filer");
    h.click("Nytt scenario");
    h.get_by_label("Ny fil, ikke lagret ennå");
    // Every empty text is an error beside its field, in the interface language, and saving
    // is refused until fixed.
    h.get_by_label("Kan ikke lagres før feilene er rettet (11).");
    h.get_by_label("`title` er tom: skriv teksten deltakeren skal lese");

    for (role, label, text) in [
        (Role::TextInput, "Tittel", "Takboks til ny bil"),
        (Role::TextInput, "Bransje", "Bil"),
        (
            Role::MultilineTextInput,
            "Kunden",
            "Kari kjøpte nettopp en stasjonsvogn hos deg.",
        ),
        (
            Role::MultilineTextInput,
            "Situasjonen",
            "Hun sier at skiene til familien ikke får plass i bagasjerommet.",
        ),
        (
            Role::MultilineTextInput,
            "Forklaring",
            "En takboks utvider bilen hun nettopp kjøpte: tilleggssalg.",
        ),
    ] {
        h.type_into(role, label, 0, text);
    }
    for (i, (text, feedback)) in [
        ("En takboks", "Hører til bilen."),
        ("Vinterdekk", "Et annet behov."),
        ("En bil til", "Ingen trenger to."),
    ]
    .iter()
    .enumerate()
    {
        h.type_into(Role::TextInput, "Tekst", i, text);
        h.type_into(Role::MultilineTextInput, "Tilbakemelding", i, feedback);
    }
    assert!(
        h.query_by_label_contains("Kan ikke lagres").is_none(),
        "all errors fixed"
    );

    // A validation error as you type: an id that another file uses.
    h.replace_text(Role::TextInput, "Id (unik)", "klaer-belte");
    h.get_by_label_contains("id-en «klaer-belte» brukes allerede av");
    h.get_by_label("Kan ikke lagres før feilene er rettet (1).");
    h.replace_text(Role::TextInput, "Id (unik)", "bil-takboks-ny");
    assert!(h.query_by_label_contains("Kan ikke lagres").is_none());

    h.click("Lagre");
    let saved = dir.join("bil-takboks-ny.ron");
    h.get_by_label(&format!("Lagret {}", saved.display()));
    let text = fs::read_to_string(&saved).unwrap();
    assert!(text.contains("title: \"Takboks til ny bil\""), "{text}");
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    assert_eq!(bank.problems(), &[], "the saved file loads cleanly");
    assert!(bank.index_of("bil-takboks-ny").is_some());
    // The list follows at once.
    h.get_by_label("3 av 3 filer");
}

#[test]
fn saving_over_a_file_changed_on_disk_offers_reload_overwrite_or_copy() {
    let (_tmp, dir, mut h) = editor();
    let path = dir.join("klaer-belte.ron");
    h.click_button("Ny dressbukse");
    h.replace_text(Role::TextInput, "Tittel", "Min tittel");
    h.get_by_label("Ulagrede endringer");

    // Someone edits the same file by hand meanwhile.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Ny dressbukse", "Deres tittel");
    fs::write(&path, &theirs).unwrap();

    h.click("Lagre");
    h.get_by_label("Filen er endret på disken");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing overwritten without asking"
    );
    h.click("Lagre min som kopi");
    let copy = dir.join("klaer-belte-2.ron");
    assert!(fs::read_to_string(&copy).unwrap().contains("Min tittel"));
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);

    // Back on the original: change it again and choose to load their version.
    h.click_button("Deres tittel");
    h.replace_text(Role::TextInput, "Tittel", "Igjen min");
    fs::write(&path, theirs.replace("Deres tittel", "Deres andre")).unwrap();
    h.click("Lagre");
    h.click("Last inn deres versjon");
    assert!(h.query_by_label("Ulagrede endringer").is_none());
    let title = h.get_by_role_and_label(Role::TextInput, "Tittel");
    assert_eq!(title.value().as_deref(), Some("Deres andre"));

    // And overwrite, when that is what the instructor wants.
    h.replace_text(Role::TextInput, "Tittel", "Endelig min");
    fs::write(&path, theirs).unwrap();
    h.click("Lagre");
    h.click("Overskriv med min");
    assert!(fs::read_to_string(&path).unwrap().contains("Endelig min"));
}

#[test]
fn unsaved_changes_are_kept_until_the_instructor_decides() {
    let (_tmp, dir, mut h) = unsaved_change();
    h.click_button("Roof box");
    h.get_by_label("klaer-belte.ron har endringer som ikke er lagret.");
    h.click("Avbryt");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Bransje")
            .value()
            .as_deref(),
        Some("Herreklær")
    );
    h.click_button("Roof box");
    h.click("Forkast endringene");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Tittel")
            .value()
            .as_deref(),
        Some("Roof box")
    );
    assert!(on_disk(&dir, "klaer-belte.ron").contains("industry: \"Klær\""));
}

#[test]
fn delete_asks_and_moves_the_file_to_the_trash() {
    let (_tmp, dir, mut h) = editor();
    h.click_button("Roof box");
    h.click("Slett");
    h.get_by_label("Slette bil-takboks.ron?");
    h.click("Avbryt");
    assert!(dir.join("bil-takboks.ron").exists());
    h.click("Slett");
    h.get_all_by_label("Slett").last().unwrap().click();
    h.run();
    assert!(!dir.join("bil-takboks.ron").exists());
    assert!(dir.join(".trash/bil-takboks.ron").exists());
    h.get_by_label("1 av 1 filer");
}

#[test]
fn a_large_folder_is_loaded_again_in_the_background_after_a_delete() {
    let (_tmp, dir) = good_folder();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    // Every folder counts as large here, so the edit takes the background path.
    let app =
        SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 9).with_refresh_at_once(0);
    let mut h = harness_of(app, egui::vec2(1280.0, 2400.0));
    h.click("Redigering");
    h.click_button("Roof box");
    h.click("Slett");
    h.get_all_by_label("Slett").last().unwrap().click();
    h.run();
    assert!(dir.join(".trash/bil-takboks.ron").exists());
    // No watch runs here: only the reload after the edit can bring the list up to date.
    run_until_shown(&mut h, "1 av 1 filer", "the list did not follow the delete");
}

#[test]
fn a_file_changed_by_hand_is_reloaded_and_the_trainee_keeps_their_place() {
    let (_tmp, dir) = good_folder();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let watch = FolderWatch::start(dir.clone(), || {}).unwrap();
    let app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 9).with_watch(watch);
    let mut h = harness_of(app, egui::vec2(1100.0, 900.0));
    h.get_by_label("Ny dressbukse");
    h.click("Tilleggssalg 5");

    // An instructor fixes a typo in their own editor.
    let path = dir.join("klaer-belte.ron");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("Ny dressbukse", "Ny mørk dressbukse");
    fs::write(&path, text).unwrap();

    run_until_shown(&mut h, "Ny mørk dressbukse", "the change was not picked up");
    // Same question, same choice.
    let q = h.state().practice().question().unwrap();
    assert_eq!(
        q.answer.chosen_type,
        Some(salgstrener::domain::teaching::taxonomy::SaleType::Tilleggssalg)
    );

    // A broken save shows up as a problem, and the rest keeps working.
    fs::write(dir.join("bil-takboks.ron"), "Scenario(id: ").unwrap();
    run_until_shown(&mut h, "Problemer (1)", "the broken file was not reported");
    h.get_by_label("Ny mørk dressbukse");
}

/// Runs the app until `label` is shown: the folder watch reloads on its own thread. Fails,
/// saying `what`, after 5 s.
fn run_until_shown(h: &mut Harness<'_, SalgstrenerApp>, label: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while h.query_by_label(label).is_none() {
        assert!(Instant::now() < deadline, "{what} within 5 s");
        std::thread::sleep(Duration::from_millis(25));
        h.run();
    }
}

#[test]
fn the_bank_is_exported_and_a_sheet_imported_from_the_editor() {
    let (tmp, dir, mut h) = editor();
    h.click("Import og eksport");
    let xml = tmp.path().join("bank.xml");
    h.replace_text(Role::TextInput, "Fil", &xml.display().to_string());
    h.click("Eksporter Moodle XML");
    h.get_by_label(&format!("Eksporterte 2 scenarioer til {}", xml.display()));
    let text = fs::read_to_string(&xml).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "quiz");

    // A sheet exported from the bank, with one scenario given a new id, imports that one.
    let sheet = tmp.path().join("bank.csv");
    h.replace_text(Role::TextInput, "Fil", &sheet.display().to_string());
    h.click("Eksporter CSV");
    let csv = fs::read_to_string(&sheet)
        .unwrap()
        .replace("klaer-belte,", "klaer-belte-kopi,");
    fs::write(&sheet, csv).unwrap();
    h.click("Importer CSV");
    // The other row is already in the folder (written by hand, so not byte for byte what an
    // import would write): it is reported and left alone.
    h.get_by_label_contains("2 rader: 1 importert (0 erstattet), 0 uendret, 1 hoppet over");
    h.get_by_label_contains("bank.csv:2:id: error: scenarioet «bil-takboks» finnes allerede");
    assert!(on_disk(&dir, "bil-takboks.ron").contains("Roof box"));
    assert!(dir.join("nb/klaer-belte-kopi.ron").is_file());
    h.get_by_label("3 av 3 filer");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_tmp, dir, mut h) = unsaved_change();
    h.click("Lær");
    // The window manager asks the window to close.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close is held back");
    h.run();
    h.get_by_label("klaer-belte.ron har endringer som ikke er lagret.");
    // The dialog's Lagre is the last one drawn (the form's is behind the dialog).
    h.get_all_by_label("Lagre").last().unwrap().click();
    h.run();
    assert!(on_disk(&dir, "klaer-belte.ron").contains("Herreklær"));
}

#[test]
fn the_bundled_bank_is_copied_into_a_folder_before_editing() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = Bank::load(BankSource::Embedded).unwrap();
    let mut h = app_harness(bank, Language::Nb, 9, egui::vec2(1280.0, 1200.0));
    h.click("Redigering");
    h.get_by_label_contains("De innebygde scenarioene kan ikke endres.");
    let dest = tmp.path().join("kurs");
    h.replace_text(Role::TextInput, "Mappe", &dest.display().to_string());
    h.click("Kopier og åpne");
    h.get_by_label_contains("Den mappen er nå åpen.");
    assert_eq!(h.state().bank().source(), &BankSource::Folder(dest.clone()));
    assert_eq!(
        h.state().settings().scenario_folder.as_deref(),
        Some(dest.as_path())
    );
    assert!(dest.join("nb").is_dir() && dest.join("quizzes").is_dir());
    h.get_by_label("Nytt scenario");
}

#[test]
fn a_latin_1_file_is_shown_read_only_and_cannot_be_saved() {
    let (_tmp, dir) = good_folder();
    let text = on_disk(&dir, "klaer-belte.ron");
    let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    fs::write(dir.join("klaer-belte.ron"), &latin1).unwrap();
    let mut h = harness(&dir);
    h.click("Redigering");
    // A file with an error is listed by its file name.
    h.click_button("klaer-belte.ron 1 feil");
    // Above the form, and in the file's problems.
    assert_eq!(
        h.get_all_by_label_contains(
            "redigeringen viser den skrivebeskyttet, så ingenting går tapt"
        )
        .count(),
        2
    );
    // Saving would replace æ, ø and å with U+FFFD: the button does nothing.
    h.click_button("Lagre");
    assert_eq!(fs::read(dir.join("klaer-belte.ron")).unwrap(), latin1);
}

#[test]
fn a_new_conversation_opens_from_the_template_with_its_graph() {
    let (_tmp, dir, mut h) = editor();
    h.click("Ny samtale");
    h.get_by_label("Ny fil, ikke lagret ennå");
    h.get_by_label("Samtalen som graf");
    let doc = h
        .state()
        .editor()
        .doc
        .as_ref()
        .expect("the new file is open");
    assert_eq!(doc.path(), dir.join("ny-samtale.ron"));
}
