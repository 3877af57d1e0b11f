//! The editor driven through the real UI: create a scenario through the form, see and fix its
//! errors, save; conflicts with changes on disk; unsaved changes; delete; hot reload.

mod common;

use common::good_folder;
use std::fs;
use std::path::Path;
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
    let app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 9);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 2400.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app)
}

/// Focuses a text field found by its label and types into it.
fn type_into(h: &mut Harness<'_, SalgstrenerApp>, role: Role, label: &str, nth: usize, text: &str) {
    let node = h
        .get_all_by_role_and_label(role, label)
        .nth(nth)
        .unwrap_or_else(|| panic!("no field {label:?} #{nth}"));
    node.focus();
    h.run();
    let node = h.get_all_by_role_and_label(role, label).nth(nth).unwrap();
    node.type_text(text);
    h.run();
}

/// Selects all text of a field and types over it.
fn replace_text(h: &mut Harness<'_, SalgstrenerApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

#[test]
fn a_new_scenario_through_the_form_with_errors_fixed_then_saved() {
    let (_tmp, dir) = good_folder();
    let mut h = harness(&dir);
    h.get_by_label("Redigering").click();
    h.run();
    h.get_by_label("2 av 2 filer");
    h.get_by_label("Nytt scenario").click();
    h.run();
    h.get_by_label("Ny fil, ikke lagret ennå");
    // Every empty text is an error beside its field, in the interface language, and saving
    // is refused until fixed.
    h.get_by_label("Kan ikke lagres før feilene er rettet (11).");
    h.get_by_label("`title` er tom: skriv teksten deltakeren skal lese");

    type_into(&mut h, Role::TextInput, "Tittel", 0, "Takboks til ny bil");
    type_into(&mut h, Role::TextInput, "Bransje", 0, "Bil");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Kunden",
        0,
        "Kari kjøpte nettopp en stasjonsvogn hos deg.",
    );
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Situasjonen",
        0,
        "Hun sier at skiene til familien ikke får plass i bagasjerommet.",
    );
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Forklaring",
        0,
        "En takboks utvider bilen hun nettopp kjøpte: tilleggssalg.",
    );
    for (i, (text, feedback)) in [
        ("En takboks", "Hører til bilen."),
        ("Vinterdekk", "Et annet behov."),
        ("En bil til", "Ingen trenger to."),
    ]
    .iter()
    .enumerate()
    {
        type_into(&mut h, Role::TextInput, "Tekst", i, text);
        type_into(
            &mut h,
            Role::MultilineTextInput,
            "Tilbakemelding",
            i,
            feedback,
        );
    }
    assert!(
        h.query_by_label_contains("Kan ikke lagres").is_none(),
        "all errors fixed"
    );

    // A validation error as you type: an id that another file uses.
    replace_text(&mut h, Role::TextInput, "Id (unik)", "klaer-belte");
    h.get_by_label_contains("id-en «klaer-belte» brukes allerede av");
    h.get_by_label("Kan ikke lagres før feilene er rettet (1).");
    replace_text(&mut h, Role::TextInput, "Id (unik)", "bil-takboks-ny");
    assert!(h.query_by_label_contains("Kan ikke lagres").is_none());

    h.get_by_label("Lagre").click();
    h.run();
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

fn open_in_editor(h: &mut Harness<'_, SalgstrenerApp>, title: &str) {
    h.get_by_label("Redigering").click();
    h.run();
    h.get_by_role_and_label(Role::Button, title).click();
    h.run();
}

#[test]
fn saving_over_a_file_changed_on_disk_offers_reload_overwrite_or_copy() {
    let (_tmp, dir) = good_folder();
    let path = dir.join("klaer-belte.ron");
    let mut h = harness(&dir);
    open_in_editor(&mut h, "Ny dressbukse");
    replace_text(&mut h, Role::TextInput, "Tittel", "Min tittel");
    h.get_by_label("Ulagrede endringer");

    // Someone edits the same file by hand meanwhile.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Ny dressbukse", "Deres tittel");
    fs::write(&path, &theirs).unwrap();

    h.get_by_label("Lagre").click();
    h.run();
    h.get_by_label("Filen er endret på disken");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing overwritten without asking"
    );
    h.get_by_label("Lagre min som kopi").click();
    h.run();
    let copy = dir.join("klaer-belte-2.ron");
    assert!(fs::read_to_string(&copy).unwrap().contains("Min tittel"));
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);

    // Back on the original: change it again and choose to load their version.
    h.get_by_role_and_label(Role::Button, "Deres tittel")
        .click();
    h.run();
    replace_text(&mut h, Role::TextInput, "Tittel", "Igjen min");
    fs::write(&path, theirs.replace("Deres tittel", "Deres andre")).unwrap();
    h.get_by_label("Lagre").click();
    h.run();
    h.get_by_label("Last inn deres versjon").click();
    h.run();
    assert!(h.query_by_label("Ulagrede endringer").is_none());
    let title = h.get_by_role_and_label(Role::TextInput, "Tittel");
    assert_eq!(title.value().as_deref(), Some("Deres andre"));

    // And overwrite, when that is what the instructor wants.
    replace_text(&mut h, Role::TextInput, "Tittel", "Endelig min");
    fs::write(&path, theirs).unwrap();
    h.get_by_label("Lagre").click();
    h.run();
    h.get_by_label("Overskriv med min").click();
    h.run();
    assert!(fs::read_to_string(&path).unwrap().contains("Endelig min"));
}

#[test]
fn unsaved_changes_are_kept_until_the_instructor_decides() {
    let (_tmp, dir) = good_folder();
    let mut h = harness(&dir);
    open_in_editor(&mut h, "Ny dressbukse");
    replace_text(&mut h, Role::TextInput, "Bransje", "Herreklær");
    h.get_by_role_and_label(Role::Button, "Roof box").click();
    h.run();
    h.get_by_label("klaer-belte.ron har endringer som ikke er lagret.");
    h.get_by_label("Avbryt").click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Bransje")
            .value()
            .as_deref(),
        Some("Herreklær")
    );
    h.get_by_role_and_label(Role::Button, "Roof box").click();
    h.run();
    h.get_by_label("Forkast endringene").click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Tittel")
            .value()
            .as_deref(),
        Some("Roof box")
    );
    assert!(
        fs::read_to_string(dir.join("klaer-belte.ron"))
            .unwrap()
            .contains("industry: \"Klær\"")
    );
}

#[test]
fn delete_asks_and_moves_the_file_to_the_trash() {
    let (_tmp, dir) = good_folder();
    let mut h = harness(&dir);
    open_in_editor(&mut h, "Roof box");
    h.get_by_label("Slett").click();
    h.run();
    h.get_by_label("Slette bil-takboks.ron?");
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(dir.join("bil-takboks.ron").exists());
    h.get_by_label("Slett").click();
    h.run();
    h.get_all_by_label("Slett").last().unwrap().click();
    h.run();
    assert!(!dir.join("bil-takboks.ron").exists());
    assert!(dir.join(".trash/bil-takboks.ron").exists());
    h.get_by_label("1 av 1 filer");
}

#[test]
fn a_file_changed_by_hand_is_reloaded_and_the_trainee_keeps_their_place() {
    let (_tmp, dir) = good_folder();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let watch = FolderWatch::start(dir.clone(), || {}).unwrap();
    let app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 9).with_watch(watch);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app);
    h.get_by_label("Ny dressbukse");
    h.get_by_label("Tilleggssalg 5").click();
    h.run();

    // An instructor fixes a typo in their own editor.
    let path = dir.join("klaer-belte.ron");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("Ny dressbukse", "Ny mørk dressbukse");
    fs::write(&path, text).unwrap();

    let deadline = Instant::now() + Duration::from_secs(5);
    while h.query_by_label("Ny mørk dressbukse").is_none() {
        assert!(
            Instant::now() < deadline,
            "the change was not picked up within 5 s"
        );
        std::thread::sleep(Duration::from_millis(25));
        h.run();
    }
    // Same question, same choice.
    let q = h.state().practice().question().unwrap();
    assert_eq!(
        q.answer.chosen_type,
        Some(salgstrener::domain::teaching::taxonomy::SaleType::Tilleggssalg)
    );

    // A broken save shows up as a problem, and the rest keeps working.
    fs::write(dir.join("bil-takboks.ron"), "Scenario(id: ").unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while h.query_by_label("Problemer (1)").is_none() {
        assert!(
            Instant::now() < deadline,
            "the broken file was not reported within 5 s"
        );
        std::thread::sleep(Duration::from_millis(25));
        h.run();
    }
    h.get_by_label("Ny mørk dressbukse");
}

#[test]
fn the_bank_is_exported_and_a_sheet_imported_from_the_editor() {
    let (tmp, dir) = good_folder();
    let mut h = harness(&dir);
    h.get_by_label("Redigering").click();
    h.run();
    h.get_by_label("Import og eksport").click();
    h.run();
    let xml = tmp.path().join("bank.xml");
    replace_text(&mut h, Role::TextInput, "Fil", &xml.display().to_string());
    h.get_by_label("Eksporter Moodle XML").click();
    h.run();
    h.get_by_label(&format!("Eksporterte 2 scenarioer til {}", xml.display()));
    let text = fs::read_to_string(&xml).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "quiz");

    // A sheet exported from the bank, with one scenario given a new id, imports that one.
    let sheet = tmp.path().join("bank.csv");
    replace_text(&mut h, Role::TextInput, "Fil", &sheet.display().to_string());
    h.get_by_label("Eksporter CSV").click();
    h.run();
    let csv = fs::read_to_string(&sheet)
        .unwrap()
        .replace("klaer-belte,", "klaer-belte-kopi,");
    fs::write(&sheet, csv).unwrap();
    h.get_by_label("Importer CSV").click();
    h.run();
    // The other row is already in the folder (written by hand, so not byte for byte what an
    // import would write): it is reported and left alone.
    h.get_by_label_contains("2 rader: 1 importert (0 erstattet), 0 uendret, 1 hoppet over");
    h.get_by_label_contains("bank.csv:2:id: error: scenarioet «bil-takboks» finnes allerede");
    assert!(
        fs::read_to_string(dir.join("bil-takboks.ron"))
            .unwrap()
            .contains("Roof box")
    );
    assert!(dir.join("nb/klaer-belte-kopi.ron").is_file());
    h.get_by_label("3 av 3 filer");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_tmp, dir) = good_folder();
    let mut h = harness(&dir);
    open_in_editor(&mut h, "Ny dressbukse");
    replace_text(&mut h, Role::TextInput, "Bransje", "Herreklær");
    h.get_by_label("Lær").click();
    h.run();
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
    assert!(
        fs::read_to_string(dir.join("klaer-belte.ron"))
            .unwrap()
            .contains("Herreklær")
    );
}

#[test]
fn the_bundled_bank_is_copied_into_a_folder_before_editing() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = Bank::load(BankSource::Embedded).unwrap();
    let app = SalgstrenerApp::new(bank, Settings::for_language(Language::Nb), 9);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1200.0))
        .build_ui_state(|ui, app: &mut SalgstrenerApp| app.ui(ui), app);
    h.get_by_label("Redigering").click();
    h.run();
    h.get_by_label_contains("De innebygde scenarioene kan ikke endres.");
    let dest = tmp.path().join("kurs");
    replace_text(
        &mut h,
        Role::TextInput,
        "Mappe",
        &dest.display().to_string(),
    );
    h.get_by_label("Kopier og åpne").click();
    h.run();
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
    let text = fs::read_to_string(dir.join("klaer-belte.ron")).unwrap();
    let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    fs::write(dir.join("klaer-belte.ron"), &latin1).unwrap();
    let mut h = harness(&dir);
    h.get_by_label("Redigering").click();
    h.run();
    // A file with an error is listed by its file name.
    h.get_by_role_and_label(Role::Button, "klaer-belte.ron 1 feil")
        .click();
    h.run();
    // Above the form, and in the file's problems.
    assert_eq!(
        h.get_all_by_label_contains(
            "redigeringen viser den skrivebeskyttet, så ingenting går tapt"
        )
        .count(),
        2
    );
    // Saving would replace æ, ø and å with U+FFFD: the button does nothing.
    h.get_by_role_and_label(Role::Button, "Lagre").click();
    h.run();
    assert_eq!(fs::read(dir.join("klaer-belte.ron")).unwrap(), latin1);
}

#[test]
fn a_new_conversation_opens_from_the_template_with_its_graph() {
    let (_tmp, dir) = good_folder();
    let mut h = harness(&dir);
    h.get_by_label("Redigering").click();
    h.run();
    h.get_by_label("Ny samtale").click();
    h.run();
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
