//! Editing scenario and quiz files: drafts validated as they change, saving that never
//! overwrites someone else's change, and the file operations (new, duplicate, rename, delete
//! to the trash folder).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::bank::problem::Problem;
use crate::bank::scenario::{Fit, Offer, Scenario};
use crate::bank::validate::{self, AssetLookup, MAX_OFFERS};
use crate::bank::{Bank, QUIZ_FOLDER};
use crate::i18n::{FileMessage, Message};
use crate::language::Language;
use crate::storage::{self, Stamp, StorageError};
use crate::teaching::taxonomy::SaleType;
use crate::training::quiz::{self, Quiz};

/// Name of the folder inside the scenario folder where deleted files go.
pub const TRASH_FOLDER: &str = ".trash";

/// What is being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Draft {
    /// A scenario, edited field by field.
    Scenario(Scenario),
    /// A quiz, edited field by field.
    Quiz(Quiz),
    /// A file that does not parse, edited as text until it does.
    Raw(String),
}

/// The outcome of a save.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Written.
    Saved,
    /// Not written: the draft has errors (listed).
    Refused(Vec<Problem>),
    /// Not written: the file changed on disk since it was opened (or a new file's name is
    /// taken). The user chooses: reload, overwrite or save as a copy.
    Conflict,
    /// Not written: the disk said no.
    Failed(StorageError),
}

/// How to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveMode {
    /// Refuse when the file changed on disk.
    Normal,
    /// The user chose to overwrite the changed file.
    Overwrite,
}

/// One open file: the draft, what was last read or saved, and the problems of the draft.
#[derive(Debug)]
pub struct Document {
    path: PathBuf,
    /// The draft being edited.
    pub draft: Draft,
    saved: Draft,
    stamp: Option<Stamp>,
    problems: Vec<Problem>,
    validated: Option<Draft>,
    /// Why the file could not be read without loss (it is not UTF-8): it is then shown but
    /// never saved over, because saving would replace every character that did not read.
    read_problem: Option<Problem>,
}

/// Pretty RON in the documented field order, readable in diffs.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned())
        .new_line("\n".to_owned());
    ron::ser::to_string_pretty(value, config).map(|mut text| {
        text.push('\n');
        text
    })
}

fn is_quiz_path(path: &Path) -> bool {
    path.parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == QUIZ_FOLDER)
}

fn parse_draft(path: &Path, text: &str) -> Draft {
    if is_quiz_path(path) {
        quiz::parse_quiz(path, text).map_or_else(|_| Draft::Raw(text.to_owned()), Draft::Quiz)
    } else {
        validate::parse_scenario(path, text)
            .map_or_else(|_| Draft::Raw(text.to_owned()), Draft::Scenario)
    }
}

impl Document {
    /// Opens a file from disk. A file that does not parse opens as text. A file that is not
    /// UTF-8 (such as one saved as Latin-1) opens read-only, with the problem: its text is
    /// shown as Windows-1252, and never saved over.
    pub fn open(path: &Path) -> Result<Document, StorageError> {
        let bytes =
            storage::read_regular(path, validate::MAX_FILE_BYTES).map_err(|e| StorageError {
                path: path.to_path_buf(),
                action: Box::new(FileMessage::OpenFile {}),
                source: match e {
                    storage::ReadError::Io(source) => source,
                    other => io::Error::other(other.to_string()),
                },
            })?;
        let (text, read_problem) = match String::from_utf8(bytes.clone()) {
            Ok(text) => (crate::bank::strip_bom(text), None),
            Err(_) => {
                let problem = crate::bank::read_scenario_file(path)
                    .err()
                    .unwrap_or_else(|| Problem::error(path, None, Message::NotUtf8 {}));
                let problem = Problem {
                    message: Box::new(Message::ShownReadOnly {
                        problem: problem.message,
                    }),
                    ..problem
                };
                // Shown as Windows-1252, which reads every byte and is what a file that is
                // not UTF-8 almost always is here (Latin-1 is a part of it): æ, ø and å show
                // as they were written.
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
                (text.into_owned(), Some(problem))
            }
        };
        let draft = parse_draft(path, &text);
        Ok(Document {
            path: path.to_path_buf(),
            saved: draft.clone(),
            draft,
            stamp: Some(Stamp::of(&bytes)),
            problems: read_problem.iter().cloned().collect(),
            validated: None,
            read_problem,
        })
    }

    /// True when the file could not be read without loss and so is never saved over.
    pub fn is_read_only(&self) -> bool {
        self.read_problem.is_some()
    }

    /// Why the file is read-only, when it could not be read without loss.
    pub fn read_problem(&self) -> Option<&Problem> {
        self.read_problem.as_ref()
    }

    /// A new file that does not exist yet.
    pub fn create(path: PathBuf, draft: Draft) -> Document {
        Document {
            path,
            saved: draft.clone(),
            draft,
            stamp: None,
            problems: Vec::new(),
            validated: None,
            read_problem: None,
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True for a file not yet written.
    pub fn is_new(&self) -> bool {
        self.stamp.is_none()
    }

    /// True when the draft differs from what was opened or last saved (always for a new file).
    pub fn is_dirty(&self) -> bool {
        self.is_new() || self.draft != self.saved
    }

    /// True when the file on disk is no longer what was opened or saved.
    pub fn changed_on_disk(&self) -> bool {
        match &self.stamp {
            Some(stamp) => stamp.changed_on_disk(&self.path),
            None => self.path.exists(),
        }
    }

    /// Problems of the draft as of the last [`Document::validate`].
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Problems tied to one field (`title`, `offers[1].text`, ...).
    pub fn problems_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems
            .iter()
            .filter(move |p| p.field.as_deref() == Some(field))
    }

    /// True when the draft has errors.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// Validates the draft with the same rules as `check` when it changed since last time.
    /// Cheap when nothing changed, so the editor may call it every frame.
    pub fn validate(&mut self, bank: &Bank, assets: &dyn AssetLookup) {
        if self.validated.as_ref() == Some(&self.draft) {
            return;
        }
        self.problems = validate_draft(&self.path, &self.draft, bank, assets);
        self.problems
            .splice(0..0, self.read_problem.iter().cloned());
        self.validated = Some(self.draft.clone());
    }

    /// The text that saving would write.
    pub fn text(&self) -> Result<String, ron::Error> {
        match &self.draft {
            Draft::Scenario(s) => to_ron(s),
            Draft::Quiz(q) => to_ron(q),
            Draft::Raw(text) => Ok(text.clone()),
        }
    }

    /// Saves the draft atomically, unless it has errors or the file changed on disk (in
    /// `Normal` mode).
    pub fn save(&mut self, bank: &Bank, assets: &dyn AssetLookup, mode: SaveMode) -> SaveOutcome {
        self.validate(bank, assets);
        let errors: Vec<Problem> = self
            .problems
            .iter()
            .filter(|p| p.is_error())
            .cloned()
            .collect();
        if !errors.is_empty() {
            return SaveOutcome::Refused(errors);
        }
        if mode == SaveMode::Normal && self.changed_on_disk() {
            return SaveOutcome::Conflict;
        }
        let text = match self.text() {
            Ok(text) => text,
            Err(e) => {
                return SaveOutcome::Failed(StorageError {
                    path: self.path.clone(),
                    action: Box::new(FileMessage::WriteDraft {}),
                    source: io::Error::other(e.to_string()),
                });
            }
        };
        if let Err(e) = storage::write_atomic(&self.path, text.as_bytes()) {
            return SaveOutcome::Failed(e);
        }
        self.stamp = Some(Stamp::of(text.as_bytes()));
        // What is on disk now parses to the draft (round trip), so the draft is clean.
        self.saved = parse_draft(&self.path, &text);
        self.draft = self.saved.clone();
        SaveOutcome::Saved
    }

    /// Drops the draft and reads the file again.
    pub fn reload(&mut self) -> Result<(), StorageError> {
        *self = Document::open(&self.path)?;
        Ok(())
    }

    /// Moves the draft to a new file `path` (used for "save as a copy"); it is new until saved.
    pub fn retarget(&mut self, path: PathBuf) {
        self.path = path;
        self.stamp = None;
        self.validated = None;
    }
}

/// The rules of `check` applied to a draft, plus the cross-file id rule against the bank.
pub fn validate_draft(
    path: &Path,
    draft: &Draft,
    bank: &Bank,
    assets: &dyn AssetLookup,
) -> Vec<Problem> {
    match draft {
        Draft::Scenario(s) => {
            let Ok(text) = to_ron(s) else {
                return vec![Problem::error(path, None, Message::ScenarioNotWritable {})];
            };
            let mut problems = match validate::check_text(path, &text, assets) {
                Ok(checked) => checked.problems,
                Err(problem) => vec![problem],
            };
            if let Some(other) = bank
                .index_of(&s.id)
                .and_then(|i| bank.path_of(i))
                .filter(|other| *other != path)
            {
                problems.push(
                    Problem::error(
                        path,
                        None,
                        Message::IdTakenChooseAnother {
                            id: s.id.clone(),
                            other: other.to_path_buf(),
                        },
                    )
                    .with_field("id"),
                );
            }
            // Positions refer to the text as the app writes it, not to what is on screen.
            for p in &mut problems {
                p.position = None;
            }
            problems
        }
        Draft::Quiz(q) => {
            let Ok(text) = to_ron(q) else {
                return vec![Problem::error(path, None, Message::QuizNotWritable {})];
            };
            let mut problems = quiz::validate_quiz(path, &text, q, bank);
            let clash = bank.entries().iter().any(|e| {
                e.kind == crate::bank::EntryKind::Quiz
                    && e.id() == Some(q.id.as_str())
                    && e.path != path
            });
            if clash {
                problems.push(
                    Problem::error(path, None, Message::QuizIdTaken { id: q.id.clone() })
                        .with_field("id"),
                );
            }
            for p in &mut problems {
                p.position = None;
            }
            problems
        }
        Draft::Raw(text) => {
            if is_quiz_path(path) {
                quiz::parse_quiz(path, text).err().into_iter().collect()
            } else {
                match crate::bank::check_content(path, text, assets).1 {
                    Ok(crate::bank::Content::Scenario(checked)) => checked.problems,
                    Ok(crate::bank::Content::Conversation(checked)) => checked.problems,
                    Err(problem) => vec![problem],
                }
            }
        }
    }
}

/// A blank scenario to fill in: every text empty (so validation points at what is missing),
/// three offers ready for best, acceptable and poor.
pub fn blank_scenario(id: &str, language: Language) -> Scenario {
    let offer = |kind, fit| Offer {
        text: String::new(),
        kind,
        fit,
        feedback: String::new(),
    };
    Scenario {
        id: id.to_owned(),
        language,
        title: String::new(),
        industry: String::new(),
        difficulty: 1,
        tags: Vec::new(),
        customer: String::new(),
        situation: String::new(),
        answer: SaleType::Tilleggssalg,
        cues: Vec::new(),
        explanation: String::new(),
        offers: vec![
            offer(SaleType::Tilleggssalg, Fit::Best),
            offer(SaleType::Kryssalg, Fit::Acceptable),
            offer(SaleType::Mersalg, Fit::Poor),
        ],
        image: None,
        path: None,
    }
}

/// A blank quiz: ten questions in `language`, no restrictions.
pub fn blank_quiz(id: &str, language: Language) -> Quiz {
    Quiz {
        id: id.to_owned(),
        title: String::new(),
        ..Quiz::quick(language)
    }
}

/// A filled-in, commented scenario file to start from (for `new-scenario`); it passes `check`.
pub fn example_file(id: &str) -> String {
    include_str!("example_scenario.ron").replace("EXAMPLE-ID", id)
}

/// A complete, commented conversation file to start from, in `language`, with `id` filled in.
/// The same example is shown in docs/conversation-format.md.
pub fn conversation_example_file(id: &str, language: Language) -> String {
    let text = match language {
        Language::Nb => include_str!("example_conversation_nb.ron"),
        Language::En => include_str!("example_conversation_en.ron"),
    };
    text.replace("EXAMPLE-ID", id)
}

/// `base`, or `base-2`, `base-3`, ... whichever is free.
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let stem = match base.rsplit_once('-') {
        Some((stem, n)) if !stem.is_empty() && n.parse::<u32>().is_ok() => stem,
        _ => base,
    };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| format!("{stem}-copy"))
}

/// The file for a scenario id in a folder.
pub fn scenario_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.ron"))
}

/// Adds an offer (up to the maximum). Returns false when there is no room.
pub fn add_offer(s: &mut Scenario) -> bool {
    if s.offers.len() >= MAX_OFFERS {
        return false;
    }
    s.offers.push(Offer {
        text: String::new(),
        kind: s.answer,
        fit: Fit::Poor,
        feedback: String::new(),
    });
    true
}

/// Removes offer `i` if it exists.
pub fn remove_offer(s: &mut Scenario, i: usize) {
    remove_at(&mut s.offers, i);
}

/// Moves offer `i` up (`-1`) or down (`+1`) when there is room.
pub fn move_offer(s: &mut Scenario, i: usize, up: bool) {
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < s.offers.len())
        && i < s.offers.len()
    {
        s.offers.swap(i, j);
    }
}

/// Adds `text` as a cue, trimmed; ignores empty text and cues already there.
pub fn add_cue(s: &mut Scenario, text: &str) -> bool {
    add_unique(&mut s.cues, text)
}

/// Removes cue `i` if it exists.
pub fn remove_cue(s: &mut Scenario, i: usize) {
    remove_at(&mut s.cues, i);
}

/// Adds `tag`, trimmed; ignores empty tags and tags already there.
pub fn add_tag(s: &mut Scenario, tag: &str) -> bool {
    add_unique(&mut s.tags, tag)
}

/// Removes tag `i` if it exists.
pub fn remove_tag(s: &mut Scenario, i: usize) {
    remove_at(&mut s.tags, i);
}

/// Adds `text` trimmed, unless it is empty or already in `list`.
fn add_unique(list: &mut Vec<String>, text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || list.iter().any(|t| t == text) {
        return false;
    }
    list.push(text.to_owned());
    true
}

/// Removes item `i` when it exists: an action may arrive after the list got shorter.
fn remove_at<T>(list: &mut Vec<T>, i: usize) {
    if i < list.len() {
        list.remove(i);
    }
}

/// Renames the open scenario or quiz: a new id and a file named after it in the same folder.
/// The old file is removed only after the new one is written. Refused when the new name is
/// taken or the old file changed on disk.
pub fn rename(
    doc: &mut Document,
    new_id: &str,
    bank: &Bank,
    assets: &dyn AssetLookup,
) -> Result<(), Message> {
    if !validate::is_valid_id(new_id) {
        return Err(Message::IdInvalid {
            id: new_id.to_owned(),
        });
    }
    let dir = doc
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let new_path = scenario_path(&dir, new_id);
    if new_path != doc.path() && new_path.exists() {
        return Err(Message::FileExists { path: new_path });
    }
    if !doc.is_new() && doc.changed_on_disk() {
        return Err(Message::ChangedOnDiskReloadFirst {});
    }
    match &mut doc.draft {
        Draft::Scenario(s) => s.id = new_id.to_owned(),
        Draft::Quiz(q) => q.id = new_id.to_owned(),
        Draft::Raw(_) => return Err(Message::FixBeforeRenaming {}),
    }
    let old_path = doc.path().to_path_buf();
    let was_new = doc.is_new();
    doc.retarget(new_path);
    match doc.save(bank, assets, SaveMode::Normal) {
        SaveOutcome::Saved => {
            if !was_new && old_path != doc.path() {
                fs::remove_file(&old_path).map_err(|e| Message::CannotRemove {
                    path: old_path.clone(),
                    reason: e.to_string(),
                })?;
            }
            Ok(())
        }
        SaveOutcome::Refused(problems) => Err(problems
            .into_iter()
            .next()
            .map_or(Message::DraftHasErrors {}, |p| *p.message)),
        SaveOutcome::Conflict => Err(Message::NewNameTaken {}),
        SaveOutcome::Failed(e) => Err(Message::Detail {
            detail: e.to_string(),
        }),
    }
}

/// Moves a file into `.trash/` inside the scenario folder, keeping its relative path; a file
/// already in the trash under that name is kept too (the new one gets a time suffix).
pub fn move_to_trash(root: &Path, path: &Path, now: Timestamp) -> Result<PathBuf, StorageError> {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let relative = if relative.is_absolute() {
        PathBuf::from(path.file_name().unwrap_or_default())
    } else {
        relative.to_path_buf()
    };
    let mut target = root.join(TRASH_FOLDER).join(&relative);
    if target.exists() {
        let stamp = now.strftime("%Y%m%dT%H%M%S").to_string();
        let name = format!(
            "{}.{stamp}",
            target.file_name().unwrap_or_default().to_string_lossy()
        );
        target.set_file_name(name);
    }
    let err = |action| {
        move |source| StorageError {
            path: path.to_path_buf(),
            action: Box::new(action),
            source,
        }
    };
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(err(FileMessage::CreateTrash {}))?;
    }
    fs::rename(path, &target).map_err(err(FileMessage::MoveToTrash {}))?;
    Ok(target)
}

/// Writes the bundled scenarios and quizzes into `dest` so they can be edited. `dest` must be
/// empty or not exist, so nothing there is overwritten.
pub fn copy_bundled_to(dest: &Path) -> Result<usize, Message> {
    if dest.exists() {
        let mut entries = fs::read_dir(dest).map_err(|e| Message::CannotReadFolder {
            path: dest.to_path_buf(),
            reason: e.to_string(),
        })?;
        if entries.next().is_some() {
            return Err(Message::FolderNotEmpty {
                path: dest.to_path_buf(),
            });
        }
    }
    let mut written = 0;
    for file in crate::bank::embedded_files()
        .into_iter()
        .chain(crate::bank::embedded_quiz_files())
    {
        let Ok(text) = file.text else { continue };
        let relative = file.path.strip_prefix("scenarios").unwrap_or(&file.path);
        storage::write_atomic(&dest.join(relative), text.as_bytes()).map_err(|e| {
            Message::Detail {
                detail: e.to_string(),
            }
        })?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_cues_are_trimmed_unique_and_removed_by_index() {
        let mut s = blank_scenario("x", Language::Nb);
        assert!(add_tag(&mut s, " sko "));
        assert!(!add_tag(&mut s, "sko"), "no duplicates");
        assert!(!add_tag(&mut s, "  "));
        assert!(add_tag(&mut s, "klær"));
        remove_tag(&mut s, 0);
        remove_tag(&mut s, 5);
        assert_eq!(s.tags, ["klær"]);
        assert!(add_cue(&mut s, "slitt"));
        remove_cue(&mut s, 1);
        assert_eq!(s.cues, ["slitt"]);
        remove_cue(&mut s, 0);
        assert!(s.cues.is_empty());
    }
}
