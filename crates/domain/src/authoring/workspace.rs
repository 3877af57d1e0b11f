//! The scenario folder the editor works in: creating, duplicating, saving (with renaming and
//! conflict detection), deleting to the trash and importing, each returning what happened so
//! the app only has to show it.
//!
//! The bundled bank is read-only and has no workspace; [`Workspace::copy_bundled`] makes one
//! from a copy of it.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::editor::{
    self, Document, Draft, SaveMode, SaveOutcome, blank_quiz, blank_scenario,
    conversation_example_file, fresh_id, scenario_path,
};
use crate::bank::validate::AssetLookup;
use crate::bank::{Bank, BankSource, QUIZ_FOLDER, assets_folder};
use crate::i18n::{Message, texts};
use crate::interop::import::{self, ImportError, ImportReport};
use crate::language::Language;
use crate::storage::StorageError;

/// Image files the form offers, by extension.
const IMAGE_EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "svg"];

/// What saving the open file did.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    /// Written (under a new name when the id changed).
    Written,
    /// Not written, for the reason given: the draft has errors, or the new name is refused.
    Refused(Message),
    /// Not written: the file changed on disk since it was opened. The author chooses.
    Conflict,
    /// Not written: the disk said no.
    Failed(String),
}

/// A scenario folder open for editing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// The folder at `root`.
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    /// The folder a bank was loaded from; `None` for the read-only bundled bank.
    pub fn of(bank: &Bank) -> Option<Self> {
        match bank.source() {
            BankSource::Folder(dir) => Some(Self::new(dir.clone())),
            BankSource::Embedded => None,
        }
    }

    /// Copies the bundled bank into `dest` (which must be empty or missing) and returns the
    /// workspace there with the number of files written.
    pub fn copy_bundled(dest: &Path) -> Result<(Self, usize), Message> {
        let written = editor::copy_bundled_to(dest)?;
        Ok((Self::new(dest.to_path_buf()), written))
    }

    /// The scenario folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// True when a file of the bank, or a file on disk where a new one would go, has `id`.
    pub fn id_taken(&self, bank: &Bank, id: &str) -> bool {
        bank.entries().iter().any(|e| e.id() == Some(id))
            || scenario_path(&self.root, id).exists()
            || Language::ALL
                .iter()
                .any(|l| scenario_path(&self.root.join(l.code()), id).exists())
    }

    /// New scenarios go in the folder for their language when the bank is organised that
    /// way (as the bundled one is), else at the root.
    fn folder_for(&self, language: Language) -> PathBuf {
        let sub = self.root.join(language.code());
        if sub.is_dir() { sub } else { self.root.clone() }
    }

    /// A blank scenario in `language` under a fresh id, not written yet.
    pub fn new_scenario(&self, bank: &Bank, language: Language) -> Document {
        let base = texts(language).new_scenario_id;
        let id = fresh_id(base, |id| self.id_taken(bank, id));
        let path = scenario_path(&self.folder_for(language), &id);
        Document::create(path, Draft::Scenario(blank_scenario(&id, language)))
    }

    /// A blank quiz in `language` under a fresh id, not written yet.
    pub fn new_quiz(&self, bank: &Bank, language: Language) -> Document {
        let base = texts(language).new_quiz_id;
        let id = fresh_id(base, |id| self.id_taken(bank, id));
        let path = scenario_path(&self.root.join(QUIZ_FOLDER), &id);
        Document::create(path, Draft::Quiz(blank_quiz(&id, language)))
    }

    /// A new conversation in `language` from the commented template, not written yet. It
    /// opens as text (with its graph) until it parses; it goes in the language folder's
    /// conversation folder when there is one, as in the bundled bank.
    pub fn new_conversation(&self, bank: &Bank, language: Language) -> Document {
        let t = texts(language);
        let (base, sub) = (t.new_conversation_id, t.conversation_folder);
        let id = fresh_id(base, |id| self.id_taken(bank, id));
        let folder = self.folder_for(language);
        let folder = match folder.join(sub) {
            conversations if conversations.is_dir() => conversations,
            _ => folder,
        };
        let text = conversation_example_file(&id, language);
        Document::create(scenario_path(&folder, &id), Draft::Raw(text))
    }

    /// The draft of `doc` under a fresh id, as a new file next to it; `None` for a file that
    /// does not parse.
    pub fn duplicate(&self, bank: &Bank, doc: &Document) -> Option<Document> {
        let mut draft = doc.draft.clone();
        let id = match &mut draft {
            Draft::Scenario(s) => {
                s.id = fresh_id(&s.id, |id| self.id_taken(bank, id));
                s.id.clone()
            }
            Draft::Quiz(q) => {
                q.id = fresh_id(&q.id, |id| self.id_taken(bank, id));
                q.id.clone()
            }
            Draft::Raw(_) => return None,
        };
        let dir = doc.path().parent().unwrap_or(&self.root);
        Some(Document::create(scenario_path(dir, &id), draft))
    }

    /// Saves `doc`. A changed id renames the file (a new file is only retargeted); the old
    /// file goes only after the new one is written.
    pub fn save(
        &self,
        doc: &mut Document,
        bank: &Bank,
        assets: &dyn AssetLookup,
        mode: SaveMode,
    ) -> Saved {
        let id = match &doc.draft {
            Draft::Scenario(s) => Some(s.id.clone()),
            Draft::Quiz(q) => Some(q.id.clone()),
            Draft::Raw(_) => None,
        };
        let stem = doc
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        if let Some(id) = id.filter(|id| Some(id) != stem.as_ref()) {
            if !doc.is_new() {
                return match editor::rename(doc, &id, bank, assets) {
                    Ok(()) => Saved::Written,
                    Err(reason) => Saved::Refused(reason),
                };
            }
            let dir = doc.path().parent().map(Path::to_path_buf);
            doc.retarget(scenario_path(&dir.unwrap_or_default(), &id));
        }
        match doc.save(bank, assets, mode) {
            SaveOutcome::Saved => Saved::Written,
            SaveOutcome::Refused(errors) => Saved::Refused(
                errors
                    .into_iter()
                    .next()
                    .map_or(Message::DraftHasErrors {}, |p| *p.message),
            ),
            SaveOutcome::Conflict => Saved::Conflict,
            SaveOutcome::Failed(e) => Saved::Failed(e.to_string()),
        }
    }

    /// "Save mine as a copy": the draft under a fresh id in a new file, saved. Returns the new
    /// document (the open one from now on) and what saving it did.
    pub fn save_copy(
        &self,
        doc: &Document,
        bank: &Bank,
        assets: &dyn AssetLookup,
    ) -> Option<(Document, Saved)> {
        let mut copy = self.duplicate(bank, doc)?;
        let saved = self.save(&mut copy, bank, assets, SaveMode::Normal);
        Some((copy, saved))
    }

    /// Moves the file of `doc` to the trash folder and returns where it went.
    pub fn trash(&self, doc: &Document, now: Timestamp) -> Result<PathBuf, StorageError> {
        editor::move_to_trash(&self.root, doc.path(), now)
    }

    /// Imports the spreadsheet at `sheet` into this folder, skipping scenarios that exist.
    pub fn import_csv(&self, sheet: &Path) -> Result<ImportReport, ImportError> {
        import::import_csv_file(sheet, &self.root, false)
    }

    /// The image files under the assets folder, relative to it with `/` separators, sorted.
    /// Read when a file is opened, not every frame.
    pub fn image_files(&self) -> Vec<String> {
        let assets = assets_folder(&self.root);
        let mut found = Vec::new();
        let mut stack = vec![assets.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| {
                    IMAGE_EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str())
                }) && let Ok(relative) = path.strip_prefix(&assets)
                {
                    found.push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        found.sort();
        found
    }
}

/// Checks image paths against the assets folder of a bank (none exist for the bundled bank).
pub struct AssetCheck(Option<PathBuf>);

impl AssetCheck {
    /// The assets folder next to the bank's folder.
    pub fn for_bank(bank: &Bank) -> AssetCheck {
        AssetCheck(Workspace::of(bank).map(|w| assets_folder(w.root())))
    }
}

impl AssetLookup for AssetCheck {
    fn exists(&self, relative: &Path) -> bool {
        // Only called when the draft changes, never per frame.
        self.0
            .as_ref()
            .is_some_and(|dir| dir.join(relative).is_file())
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::bank::BankSource;

    const GOOD: &str = include_str!("../../../../tests/fixtures/good/klaer-belte.ron");

    /// A folder `scenarios/` with one scenario, its bank and workspace.
    fn folder() -> (tempfile::TempDir, Workspace, Bank) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("scenarios");
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("klaer-belte.ron"), GOOD).unwrap();
        let bank = Bank::load(BankSource::Folder(root.clone())).unwrap();
        (tmp, Workspace::new(root), bank)
    }

    fn no_assets(_: &Path) -> bool {
        false
    }

    fn set_id(doc: &mut Document, id: &str) {
        match &mut doc.draft {
            Draft::Scenario(s) => s.id = id.to_owned(),
            Draft::Quiz(q) => q.id = id.to_owned(),
            Draft::Raw(_) => panic!("not parsed"),
        }
    }

    #[test]
    fn the_bundled_bank_has_no_workspace() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        assert_eq!(Workspace::of(&bank), None);
        assert!(!AssetCheck::for_bank(&bank).exists(Path::new("images/x.png")));
    }

    #[test]
    fn new_files_get_fresh_ids_in_the_folder_for_their_language() {
        let (_tmp, ws, bank) = folder();
        let first = ws.new_scenario(&bank, Language::Nb);
        assert_eq!(first.path(), ws.root().join("nytt-scenario.ron"));
        fs::write(first.path(), "taken").unwrap();
        let second = ws.new_scenario(&bank, Language::Nb);
        assert_eq!(second.path(), ws.root().join("nytt-scenario-2.ron"));
        fs::create_dir(ws.root().join("en")).unwrap();
        let english = ws.new_scenario(&bank, Language::En);
        assert_eq!(english.path(), ws.root().join("en/new-scenario.ron"));
        let quiz = ws.new_quiz(&bank, Language::En);
        assert_eq!(quiz.path(), ws.root().join("quizzes/new-quiz.ron"));
        assert!(ws.id_taken(&bank, "klaer-belte"), "an id in the bank");
        assert!(!ws.id_taken(&bank, "ny"));
    }

    #[test]
    fn a_new_conversation_is_the_template_under_a_fresh_id_in_the_conversation_folder() {
        let (_tmp, ws, bank) = folder();
        let at_root = ws.new_conversation(&bank, Language::Nb);
        assert_eq!(at_root.path(), ws.root().join("ny-samtale.ron"));
        fs::create_dir_all(ws.root().join("en/conversations")).unwrap();
        let english = ws.new_conversation(&bank, Language::En);
        assert_eq!(
            english.path(),
            ws.root().join("en/conversations/new-conversation.ron")
        );
        assert!(english.is_new());
        match &english.draft {
            Draft::Raw(text) => {
                assert!(text.contains("Conversation("), "{text}");
                assert!(text.contains("\"new-conversation\""), "the id is filled in");
            }
            other => panic!("a conversation opens as text, got {other:?}"),
        }
    }

    #[test]
    fn a_duplicate_is_a_new_unsaved_file_under_a_fresh_id() {
        let (_tmp, ws, bank) = folder();
        let doc = Document::open(&ws.root().join("klaer-belte.ron")).unwrap();
        let copy = ws.duplicate(&bank, &doc).unwrap();
        assert_eq!(copy.path(), ws.root().join("klaer-belte-2.ron"));
        assert!(copy.is_new());
        assert!(matches!(&copy.draft, Draft::Scenario(s) if s.id == "klaer-belte-2"));
        let raw = Document::create(ws.root().join("x.ron"), Draft::Raw("(".into()));
        assert!(ws.duplicate(&bank, &raw).is_none());
    }

    #[test]
    fn saving_under_a_new_id_renames_and_a_taken_id_is_refused() {
        let (_tmp, ws, bank) = folder();
        let old = ws.root().join("klaer-belte.ron");
        let mut doc = Document::open(&old).unwrap();
        set_id(&mut doc, "klaer-sort-belte");
        let saved = ws.save(&mut doc, &bank, &no_assets, SaveMode::Normal);
        assert_eq!(saved, Saved::Written);
        assert!(!old.exists());
        assert_eq!(doc.path(), ws.root().join("klaer-sort-belte.ron"));

        let bank = Bank::load(BankSource::Folder(ws.root().to_path_buf())).unwrap();
        let mut other = ws.new_scenario(&bank, Language::Nb);
        set_id(&mut other, "klaer-sort-belte");
        let Saved::Refused(reason) = ws.save(&mut other, &bank, &no_assets, SaveMode::Normal)
        else {
            panic!("a blank draft with a taken id is refused");
        };
        assert!(reason.to_string().contains("is empty"), "{reason}");
    }

    #[test]
    fn a_file_changed_on_disk_is_a_conflict_until_overwritten_or_copied() {
        let (_tmp, ws, bank) = folder();
        let path = ws.root().join("klaer-belte.ron");
        let mut doc = Document::open(&path).unwrap();
        if let Draft::Scenario(s) = &mut doc.draft {
            s.title = "Mitt belte".into();
        }
        fs::write(&path, GOOD.replace("Ny dressbukse", "Deres bukse")).unwrap();
        assert_eq!(
            ws.save(&mut doc, &bank, &no_assets, SaveMode::Normal),
            Saved::Conflict
        );
        let (copy, saved) = ws.save_copy(&doc, &bank, &no_assets).unwrap();
        assert_eq!(saved, Saved::Written);
        assert!(
            fs::read_to_string(copy.path())
                .unwrap()
                .contains("Mitt belte")
        );
        assert_eq!(
            ws.save(&mut doc, &bank, &no_assets, SaveMode::Overwrite),
            Saved::Written
        );
        assert!(fs::read_to_string(&path).unwrap().contains("Mitt belte"));
    }

    #[test]
    fn trash_keeps_the_file_and_images_are_listed_from_assets() {
        let (tmp, ws, _bank) = folder();
        let doc = Document::open(&ws.root().join("klaer-belte.ron")).unwrap();
        let now: Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
        let moved = ws.trash(&doc, now).unwrap();
        assert!(moved.exists() && !doc.path().exists());

        let images = tmp.path().join("assets/images");
        fs::create_dir_all(images.join("sub")).unwrap();
        for name in ["b.PNG", "a.jpg", "sub/c.svg", "notes.txt"] {
            fs::write(images.join(name), "x").unwrap();
        }
        assert_eq!(
            ws.image_files(),
            ["images/a.jpg", "images/b.PNG", "images/sub/c.svg"]
        );
    }
}
