//! Editor operations as domain operations, without a window: drafts, validation, saving,
//! conflicts, rename, trash, templates and copying the bundled bank.

mod common;

use common::{assert_contains, fixtures, good_folder};

use std::fs;
use std::path::Path;

use jiff::Timestamp;

use salgstrener::domain::authoring::editor::{
    self, Document, Draft, SaveMode, SaveOutcome, TRASH_FOLDER, blank_scenario, fresh_id,
};
use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::bank::{Bank, BankSource, assets_folder};
use salgstrener::domain::language::Language;
use salgstrener::domain::teaching::taxonomy::SaleType;

fn bank(dir: &Path) -> Bank {
    Bank::load(BankSource::Folder(dir.to_path_buf())).unwrap()
}

fn no_assets(_: &Path) -> bool {
    false
}

fn scenario(doc: &mut Document) -> &mut salgstrener::domain::bank::scenario::Scenario {
    match &mut doc.draft {
        Draft::Scenario(s) => s,
        other => panic!("expected a scenario, got {other:?}"),
    }
}

#[test]
fn offers_cues_and_ids() {
    let mut s = blank_scenario("x", Language::Nb);
    assert_eq!(s.offers.len(), 3);
    assert!(editor::add_offer(&mut s));
    s.offers[3].text = "fourth".into();
    editor::move_offer(&mut s, 3, true);
    assert_eq!(s.offers[2].text, "fourth");
    editor::move_offer(&mut s, 0, true);
    assert_eq!(s.offers[2].text, "fourth", "the first offer cannot move up");
    editor::move_offer(&mut s, 2, false);
    assert_eq!(s.offers[3].text, "fourth");
    editor::remove_offer(&mut s, 3);
    assert_eq!(s.offers.len(), 3);
    while editor::add_offer(&mut s) {}
    assert_eq!(s.offers.len(), 6, "six offers at most");

    s.situation = "Han sier at beltet er slitt.".into();
    assert!(editor::add_cue(&mut s, "  beltet er slitt "));
    assert!(!editor::add_cue(&mut s, "beltet er slitt"), "no duplicates");
    assert!(!editor::add_cue(&mut s, "   "));
    assert_eq!(s.cues, ["beltet er slitt"]);

    let taken = ["a", "a-2", "b-3"];
    let is_taken = |id: &str| taken.contains(&id);
    assert_eq!(fresh_id("a", is_taken), "a-3");
    assert_eq!(fresh_id("b-3", is_taken), "b-2");
    assert_eq!(fresh_id("c", is_taken), "c");
}

#[test]
fn a_new_scenario_shows_its_errors_by_field_and_saves_once_filled_in() {
    let (_tmp, dir) = good_folder();
    let bank = bank(&dir);
    let path = editor::scenario_path(&dir, "ny");
    let mut doc = Document::create(
        path.clone(),
        Draft::Scenario(blank_scenario("ny", Language::Nb)),
    );
    doc.validate(&bank, &no_assets);
    assert!(doc.is_dirty() && doc.is_new());
    for field in [
        "title",
        "industry",
        "customer",
        "situation",
        "explanation",
        "offers[0].text",
        "offers[2].feedback",
    ] {
        assert!(
            doc.problems_for(field).next().is_some(),
            "no problem shown for {field}"
        );
    }
    let SaveOutcome::Refused(errors) = doc.save(&bank, &no_assets, SaveMode::Normal) else {
        panic!("a draft with errors must not be saved");
    };
    assert!(errors.iter().all(|p| p.is_error()));
    assert!(!path.exists());

    let s = scenario(&mut doc);
    s.title = "Takboks".into();
    s.industry = "Bil".into();
    s.customer = "Kari kjøpte nettopp en bil hos deg.".into();
    s.situation = "Skiene får ikke plass i bagasjerommet.".into();
    s.explanation = "En takboks utvider bilen hun nettopp kjøpte.".into();
    for (i, o) in s.offers.iter_mut().enumerate() {
        o.text = format!("Tilbud {i}");
        o.feedback = format!("Tilbakemelding {i}");
    }
    // The Best offer's kind differs from the answer: a warning does not stop saving.
    s.offers[0].kind = SaleType::Kryssalg;
    doc.validate(&bank, &no_assets);
    assert!(!doc.has_errors(), "{:#?}", doc.problems());
    assert!(doc.problems_for("offers[0].kind").next().is_some());
    assert!(matches!(
        doc.save(&bank, &no_assets, SaveMode::Normal),
        SaveOutcome::Saved
    ));
    assert!(!doc.is_dirty());

    // The file is pretty RON in the documented order and loads cleanly.
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with(
            "Scenario(\n    id: \"ny\",\n    language: \"nb\",\n    title: \"Takboks\","
        ),
        "{text}"
    );
    let reloaded = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    assert!(reloaded.index_of("ny").is_some());
    assert!(reloaded.problems().iter().all(|p| !p.is_error()));
}

#[test]
fn a_duplicate_id_is_an_error_on_the_id_field() {
    let (_tmp, dir) = good_folder();
    let bank = bank(&dir);
    let mut doc = Document::open(&dir.join("bil-takboks.ron")).unwrap();
    scenario(&mut doc).id = "klaer-belte".into();
    doc.validate(&bank, &no_assets);
    let p = doc.problems_for("id").next().expect("id problem");
    assert_contains(&p.message.to_string(), "already used by");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let (_tmp, dir) = good_folder();
    let bank = bank(&dir);
    let path = dir.join("klaer-belte.ron");
    let mut doc = Document::open(&path).unwrap();
    scenario(&mut doc).title = "Min endring".into();

    // Someone edits the file by hand meanwhile.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Ny dressbukse", "Deres endring");
    fs::write(&path, &theirs).unwrap();
    assert!(matches!(
        doc.save(&bank, &no_assets, SaveMode::Normal),
        SaveOutcome::Conflict
    ));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their change is untouched"
    );

    // Save as a copy: a fresh id and file; theirs stays.
    let copy_id = fresh_id("klaer-belte", |id| bank.index_of(id).is_some());
    let mut copy = Document::create(editor::scenario_path(&dir, &copy_id), doc.draft.clone());
    scenario(&mut copy).id = copy_id.clone();
    assert!(matches!(
        copy.save(&bank, &no_assets, SaveMode::Normal),
        SaveOutcome::Saved
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert!(
        fs::read_to_string(copy.path())
            .unwrap()
            .contains("Min endring")
    );

    // Overwrite, when chosen.
    assert!(matches!(
        doc.save(&bank, &no_assets, SaveMode::Overwrite),
        SaveOutcome::Saved
    ));
    assert!(fs::read_to_string(&path).unwrap().contains("Min endring"));

    // Reload takes the disk's version.
    fs::write(&path, &theirs).unwrap();
    doc.reload().unwrap();
    assert_eq!(scenario(&mut doc).title, "Deres endring");
    assert!(!doc.is_dirty());
}

#[test]
fn rename_moves_the_file_and_delete_goes_to_the_trash() {
    let (_tmp, dir) = good_folder();
    let bank = bank(&dir);
    let mut doc = Document::open(&dir.join("klaer-belte.ron")).unwrap();
    assert!(
        editor::rename(&mut doc, "bil-takboks", &bank, &no_assets).is_err(),
        "taken"
    );
    assert!(editor::rename(&mut doc, "Ugyldig Id", &bank, &no_assets).is_err());
    editor::rename(&mut doc, "klaer-sort-belte", &bank, &no_assets).unwrap();
    assert!(!dir.join("klaer-belte.ron").exists());
    let renamed = dir.join("klaer-sort-belte.ron");
    assert!(
        fs::read_to_string(&renamed)
            .unwrap()
            .contains("id: \"klaer-sort-belte\"")
    );
    assert_eq!(doc.path(), renamed);

    let now: Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
    let trashed = editor::move_to_trash(&dir, &renamed, now).unwrap();
    assert_eq!(trashed, dir.join(TRASH_FOLDER).join("klaer-sort-belte.ron"));
    assert!(!renamed.exists());
    // A second file of the same name keeps the first one in the trash.
    fs::write(&renamed, "x").unwrap();
    let second = editor::move_to_trash(&dir, &renamed, now).unwrap();
    assert_ne!(second, trashed);
    assert!(trashed.exists() && second.exists());
    // The trash is not part of the bank.
    let after = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    assert_eq!(after.files_checked(), 1);
}

#[test]
fn a_file_that_does_not_parse_opens_as_text_and_saves_once_fixed() {
    let (_tmp, dir) = good_folder();
    let path = dir.join("broken.ron");
    let good = fs::read_to_string(fixtures("good/klaer-belte.ron"))
        .unwrap()
        .replace("klaer-belte", "broken");
    fs::write(
        &path,
        good.replace("answer: Tilleggssalg", "answer: Oppsalg"),
    )
    .unwrap();
    let bank = bank(&dir);
    let mut doc = Document::open(&path).unwrap();
    doc.validate(&bank, &no_assets);
    assert!(matches!(doc.draft, Draft::Raw(_)));
    assert!(
        doc.problems()[0]
            .message
            .to_string()
            .contains("unknown sale type `Oppsalg`")
    );
    assert!(
        doc.problems()[0].position.is_some(),
        "text problems keep their position"
    );
    doc.draft = Draft::Raw(good.clone());
    assert!(matches!(
        doc.save(&bank, &no_assets, SaveMode::Normal),
        SaveOutcome::Saved
    ));
    assert!(
        matches!(doc.draft, Draft::Scenario(_)),
        "once it parses, the form takes over"
    );
}

#[test]
fn the_new_scenario_example_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("eksempel.ron"),
        editor::example_file("eksempel"),
    )
    .unwrap();
    let bank = Bank::load(BankSource::Folder(tmp.path().to_path_buf())).unwrap();
    assert_eq!(bank.problems(), &[]);
    assert_eq!(bank.scenarios()[0].id, "eksempel");
    assert_eq!(
        bank.scenarios()[0]
            .offers
            .iter()
            .filter(|o| o.fit == Fit::Best)
            .count(),
        1
    );
}

#[test]
fn the_bundled_bank_is_copied_into_an_empty_folder_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("mine");
    let n = editor::copy_bundled_to(&dest).unwrap();
    let bundled = Bank::load(BankSource::Embedded).unwrap();
    assert_eq!(
        n,
        bundled.files_checked() + bundled.conversation_files_checked() + bundled.quizzes().len()
    );
    let copy = Bank::load(BankSource::Folder(dest.clone())).unwrap();
    assert_eq!(copy.problems(), &[]);
    assert_eq!(copy.scenarios(), bundled.scenarios());
    assert_eq!(copy.conversations(), bundled.conversations());
    assert_eq!(copy.quizzes(), bundled.quizzes());
    let err = editor::copy_bundled_to(&dest).unwrap_err();
    assert!(err.to_string().contains("is not empty"), "{err}");
    assert_eq!(assets_folder(&dest), tmp.path().join("assets"));
}
