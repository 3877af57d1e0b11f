//! The scenario bank: every usable scenario from a folder or from the copy built into the
//! binary, with the problems found while loading.
//!
//! This file is the [`Bank`] itself: loading, indexing and what the screens ask of it. The
//! sub-modules are its parts: where it comes from and reading its files (`source.rs`),
//! the [`Entry`] each file is listed as, the [`scenario`] and [`conversation`] models, their
//! rules ([`validate`], [`conversation_rules`]) and the [`problem`]s they report with positions
//! from the [`source_map`], scenario [`picture`]s, the bank's [`coverage`] of the taxonomy, and
//! the folder [`watch`] that reloads it.

pub mod conversation;
pub mod conversation_rules;
pub mod coverage;
mod entry;
mod format;
pub mod loading;
mod parallel;
pub mod picture;
pub mod problem;
pub mod scenario;
pub mod search;
mod source;
pub mod source_map;
pub mod validate;
pub mod watch;

pub use entry::{Entry, EntryKind, Header, Profile};
pub use source::{
    BankSource, LoadError, MAX_FILES, QUIZ_FOLDER, SourceFile, assets_folder, embedded_files,
    embedded_quiz_files, read_folder, read_quiz_folder, read_scenario_file,
};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use self::conversation::Conversation;
use self::loading::LoadProgress;
use self::parallel::parallel_map;
use self::picture::{Picture, PictureCache};
use self::problem::{Problem, Severity};
use self::scenario::Scenario;
use self::source::{EMBEDDED_ASSETS, EmbeddedAssets, list_folder};
pub use self::source::{FolderAssets, kind_message, strip_bom};
use self::source_map::{Locus, SourceMap};
use self::validate::{AssetLookup, Checked};
use crate::i18n::Message;
use crate::language::Language;
use crate::training::quiz::{self, Quiz};

/// What a content file turned out to hold, with the problems its rules found.
#[derive(Debug)]
pub enum Content {
    /// A `Scenario(...)`.
    Scenario(Checked<Scenario>),
    /// A `Conversation(...)`.
    Conversation(Checked<Conversation>),
}

/// Parses and checks one content file, telling a conversation from a scenario by its
/// top-level name. The kind is known even when the file does not parse, so `check` can count it.
pub fn check_content(
    path: &Path,
    text: &str,
    assets: &dyn AssetLookup,
) -> (EntryKind, Result<Content, Problem>) {
    if conversation_rules::is_conversation(text) {
        (
            EntryKind::Conversation,
            conversation_rules::check_conversation_text(path, text).map(Content::Conversation),
        )
    } else {
        (
            EntryKind::Scenario,
            validate::check_text(path, text, assets).map(Content::Scenario),
        )
    }
}

/// One content file after reading and checking.
struct Loaded {
    path: PathBuf,
    /// The text, when it was given rather than read here.
    text: Option<String>,
    /// Scenario or conversation (a file that cannot be read counts as a scenario).
    kind: EntryKind,
    /// The scenario or conversation and its problems, or why there is none.
    checked: Result<Content, Problem>,
}

/// Every usable scenario of one source, indexed, with the problems found on the way.
#[derive(Debug)]
pub struct Bank {
    source: BankSource,
    scenarios: Vec<Scenario>,
    paths: Vec<PathBuf>,
    by_id: HashMap<String, usize>,
    conversations: Vec<Conversation>,
    conversation_paths: Vec<PathBuf>,
    conversation_by_id: HashMap<String, usize>,
    conversation_files: usize,
    problems: Vec<Problem>,
    files: usize,
    quizzes: Vec<Quiz>,
    quiz_paths: Vec<PathBuf>,
    quiz_files: usize,
    /// Counted when the problems change, because the screens show them every frame.
    counts: ProblemCounts,
    entries: Vec<Entry>,
    pictures: PictureCache,
}

#[derive(Clone, Copy, Debug, Default)]
struct ProblemCounts {
    errors: usize,
    warnings: usize,
    files_with_errors: usize,
}

/// How many problems one checked file has, for the loading counters.
fn problems_in(checked: &Result<Content, Problem>) -> usize {
    match checked {
        Ok(Content::Scenario(c)) => c.problems.len(),
        Ok(Content::Conversation(c)) => c.problems.len(),
        Err(_) => 1,
    }
}

impl Bank {
    /// Loads a whole source. Only an unreadable folder is an error; bad files become problems.
    pub fn load(source: BankSource) -> Result<Bank, LoadError> {
        Bank::load_counting(source, &LoadProgress::default())
    }

    /// [`Bank::load`], counting the files read and the problems found in `progress` as it
    /// goes (see [`loading`]).
    pub fn load_counting(source: BankSource, progress: &LoadProgress) -> Result<Bank, LoadError> {
        let mut bank = match &source {
            BankSource::Folder(dir) => Bank::load_folder(source.clone(), dir, MAX_FILES, progress)?,
            BankSource::Embedded => {
                let files = embedded_files();
                progress.listed(files.len());
                let mut bank = Bank::from_files_counting(source, files, &EmbeddedAssets, progress);
                bank.add_quizzes(embedded_quiz_files());
                bank
            }
        };
        bank.load_pictures();
        Ok(bank)
    }

    /// Sets up reading the pictures the scenarios name. Nothing is decoded here: a picture is
    /// decoded when a screen first shows it (so `check` never decodes one).
    fn load_pictures(&mut self) {
        self.pictures = match &self.source {
            BankSource::Folder(dir) => {
                let assets = FolderAssets::of(dir);
                PictureCache::new(move |relative| assets.read(relative))
            }
            BankSource::Embedded => PictureCache::new(|relative| {
                EMBEDDED_ASSETS
                    .get_file(relative)
                    .map(|f| f.contents().to_vec())
            }),
        };
    }

    /// A scenario's picture with its path, when it has one that can be read.
    pub fn picture_of<'a>(&self, s: &'a Scenario) -> Option<(&'a str, Arc<Picture>)> {
        let path = s.image.as_deref()?;
        self.picture(path).map(|p| (path, p))
    }

    /// The decoded picture for an image path (relative to `assets/`), if it can be read.
    /// Decoded on first use and kept while it is among the few most recently shown.
    pub fn picture(&self, path: &str) -> Option<Arc<Picture>> {
        self.pictures.get(path)
    }

    /// How many pictures are decoded and kept in memory now.
    pub fn pictures_decoded(&self) -> usize {
        self.pictures.decoded()
    }

    fn load_folder(
        source: BankSource,
        dir: &Path,
        max_files: usize,
        progress: &LoadProgress,
    ) -> Result<Bank, LoadError> {
        let listing = list_folder(dir, max_files)?;
        progress.listed(listing.paths.len());
        let assets = FolderAssets::of(dir);
        // Each core reads and checks its share in one pass, parsing a file while its text is
        // still in the cache. The text is dropped right after: keeping 10,000 of them until
        // the bank is built would add their size to the peak memory.
        let checked = parallel_map(&listing.paths, |path| {
            let checked = match read_scenario_file(path) {
                Ok(text) => check_content(path, &text, &assets),
                Err(problem) => (EntryKind::Scenario, Err(problem)),
            };
            progress.file_read(problems_in(&checked.1));
            checked
        });
        let problems = listing.problems.into_iter().map(|problem| Loaded {
            path: problem.path.clone(),
            text: None,
            kind: EntryKind::Scenario,
            checked: Err(problem),
        });
        let files = listing
            .paths
            .into_iter()
            .zip(checked)
            .map(|(path, (kind, checked))| Loaded {
                path,
                text: None,
                kind,
                checked,
            });
        let mut bank = Bank::assemble(source, problems.chain(files));
        bank.add_quizzes(read_quiz_folder(dir));
        Ok(bank)
    }

    /// Builds a bank from files already read: parse and check each (on every core), then the
    /// cross-file rules in path order.
    pub fn from_files(
        source: BankSource,
        files: Vec<SourceFile>,
        assets: &dyn AssetLookup,
    ) -> Bank {
        Bank::from_files_counting(source, files, assets, &LoadProgress::default())
    }

    fn from_files_counting(
        source: BankSource,
        files: Vec<SourceFile>,
        assets: &dyn AssetLookup,
        progress: &LoadProgress,
    ) -> Bank {
        let checked = parallel_map(&files, |file| {
            let checked = file
                .text
                .as_ref()
                .ok()
                .map(|text| check_content(&file.path, text, assets));
            progress.file_read(checked.as_ref().map_or(1, |(_, c)| problems_in(c)));
            checked
        });
        let files = files
            .into_iter()
            .zip(checked)
            .map(|(file, checked)| match file.text {
                Ok(text) => {
                    let (kind, checked) =
                        checked.unwrap_or_else(|| check_content(&file.path, &text, assets));
                    Loaded {
                        kind,
                        checked,
                        path: file.path,
                        text: Some(text),
                    }
                }
                Err(problem) => Loaded {
                    path: file.path,
                    text: None,
                    kind: EntryKind::Scenario,
                    checked: Err(problem),
                },
            });
        Bank::assemble(source, files)
    }

    /// Applies the cross-file rules to files checked one by one, in order, keeping the first
    /// of two files with the same id.
    fn assemble(source: BankSource, files: impl Iterator<Item = Loaded>) -> Bank {
        let capacity = files.size_hint().0;
        let mut bank = Bank {
            source,
            scenarios: Vec::with_capacity(capacity),
            paths: Vec::with_capacity(capacity),
            by_id: HashMap::with_capacity(capacity),
            conversations: Vec::new(),
            conversation_paths: Vec::new(),
            conversation_by_id: HashMap::new(),
            conversation_files: 0,
            problems: Vec::new(),
            files: 0,
            quizzes: Vec::new(),
            quiz_paths: Vec::new(),
            quiz_files: 0,
            counts: ProblemCounts::default(),
            entries: Vec::with_capacity(capacity),
            pictures: PictureCache::default(),
        };
        for file in files {
            let is_scenario = file.path.extension().is_some_and(|e| e == "ron");
            if !is_scenario {
                // A problem about the folder itself (such as too many files), not a file.
                if let Err(problem) = file.checked {
                    bank.problems.push(problem);
                }
                continue;
            }
            match file.kind {
                EntryKind::Conversation => bank.conversation_files += 1,
                _ => bank.files += 1,
            }
            let checked = match file.checked {
                Ok(checked) => checked,
                Err(problem) => {
                    bank.list_unreadable(&file.path, file.kind, problem);
                    continue;
                }
            };
            let (entry, id, usable) = match &checked {
                Content::Scenario(c) => (
                    Entry::scenario(file.path.clone(), &c.item),
                    c.item.id.clone(),
                    c.is_usable(),
                ),
                Content::Conversation(c) => (
                    Entry::conversation(file.path.clone(), &c.item),
                    c.item.id.clone(),
                    c.is_usable(),
                ),
            };
            bank.entries.push(entry);
            let (problems, content) = match checked {
                Content::Scenario(c) => (c.problems, Ok(c.item)),
                Content::Conversation(c) => (c.problems, Err(c.item)),
            };
            bank.problems.extend(problems);
            if !usable {
                continue;
            }
            // Ids are unique across scenarios and conversations: results and history name
            // them by id alone.
            let first = bank.by_id.get(&id).map(|&i| &bank.paths[i]).or_else(|| {
                bank.conversation_by_id
                    .get(&id)
                    .map(|&i| &bank.conversation_paths[i])
            });
            if let Some(first) = first {
                // Rare, so a text already dropped is read again for the position.
                let first = first.clone();
                let text = file.text.or_else(|| read_scenario_file(&file.path).ok());
                let position = text.and_then(|t| SourceMap::new(&t).position(&Locus::Field("id")));
                bank.problems.push(
                    Problem::error(
                        &file.path,
                        position,
                        Message::IdUsedBy {
                            id: id.clone(),
                            other: first,
                        },
                    )
                    .with_field("id"),
                );
                continue;
            }
            match content {
                Ok(scenario) => {
                    bank.by_id.insert(id, bank.scenarios.len());
                    bank.scenarios.push(scenario);
                    bank.paths.push(file.path);
                }
                Err(conversation) => {
                    bank.conversation_by_id.insert(id, bank.conversations.len());
                    bank.conversations.push(conversation);
                    bank.conversation_paths.push(file.path);
                }
            }
        }
        bank.sort_problems();
        bank
    }

    fn sort_problems(&mut self) {
        self.problems.sort_by(|a, b| {
            (&a.path, a.position, a.severity).cmp(&(&b.path, b.position, b.severity))
        });
        let mut broken: Vec<&Path> = self
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.path.as_path())
            .collect();
        broken.dedup();
        let errors = self.problems.iter().filter(|p| p.is_error()).count();
        self.counts = ProblemCounts {
            errors,
            warnings: self.problems.len() - errors,
            files_with_errors: broken.len(),
        };
        let mut per_file: HashMap<&Path, (u32, u32)> = HashMap::new();
        for p in &self.problems {
            let c = per_file.entry(p.path.as_path()).or_default();
            match p.severity {
                Severity::Error => c.0 += 1,
                Severity::Warning => c.1 += 1,
            }
        }
        for e in &mut self.entries {
            (e.errors, e.warnings) = per_file.get(e.path.as_path()).copied().unwrap_or_default();
        }
    }

    /// Lists a file that could not be read or parsed, with the problem that says why.
    fn list_unreadable(&mut self, path: &Path, kind: EntryKind, problem: Problem) {
        self.problems.push(problem);
        self.entries
            .push(Entry::unreadable(path.to_path_buf(), kind));
    }

    /// Every file of the bank, scenarios in path order then quizzes, for the editor's list.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many quiz files were looked at, usable or not.
    pub fn quiz_files_checked(&self) -> usize {
        self.quiz_files
    }

    /// Parses and checks quiz files against the scenarios already loaded, keeping the usable ones.
    pub fn add_quizzes(&mut self, files: Vec<SourceFile>) {
        for file in files {
            self.quiz_files += 1;
            let parsed = file
                .text
                .and_then(|text| Ok((quiz::parse_quiz(&file.path, &text)?, text)));
            let (quiz, text) = match parsed {
                Ok(parsed) => parsed,
                Err(problem) => {
                    self.list_unreadable(&file.path, EntryKind::Quiz, problem);
                    continue;
                }
            };
            self.entries.push(Entry::quiz(file.path.clone(), &quiz));
            let mut problems = quiz::validate_quiz(&file.path, &text, &quiz, self);
            if let Some(first) = self.quizzes.iter().position(|q| q.id == quiz.id) {
                let position = SourceMap::new(&text).position(&Locus::Field("id"));
                problems.push(
                    Problem::error(
                        &file.path,
                        position,
                        Message::QuizIdUsedBy {
                            id: quiz.id.clone(),
                            other: self.quiz_paths[first].clone(),
                        },
                    )
                    .with_field("id"),
                );
            }
            let usable = !problems.iter().any(Problem::is_error);
            self.problems.extend(problems);
            if usable {
                self.quizzes.push(quiz);
                self.quiz_paths.push(file.path);
            }
        }
        self.sort_problems();
    }

    /// Every usable quiz, in file order.
    pub fn quizzes(&self) -> &[Quiz] {
        &self.quizzes
    }

    /// Where the bank came from.
    pub fn source(&self) -> &BankSource {
        &self.source
    }

    /// Every usable scenario, in path order.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// The scenario at `index`.
    pub fn get(&self, index: usize) -> Option<&Scenario> {
        self.scenarios.get(index)
    }

    /// The index of the scenario with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The file a scenario was loaded from.
    pub fn path_of(&self, index: usize) -> Option<&Path> {
        self.paths.get(index).map(PathBuf::as_path)
    }

    /// Every problem found, sorted by file and position.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many scenario files were looked at, usable or not.
    pub fn files_checked(&self) -> usize {
        self.files
    }

    /// How many files have at least one error and so are left out.
    pub fn files_with_errors(&self) -> usize {
        self.counts.files_with_errors
    }

    /// Number of problems of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.counts.errors,
            Severity::Warning => self.counts.warnings,
        }
    }

    /// Every usable conversation, in path order.
    pub fn conversations(&self) -> &[Conversation] {
        &self.conversations
    }

    /// The index of the conversation with this id.
    pub fn conversation_index(&self, id: &str) -> Option<usize> {
        self.conversation_by_id.get(id).copied()
    }

    /// The file a conversation was loaded from.
    pub fn conversation_path(&self, index: usize) -> Option<&Path> {
        self.conversation_paths.get(index).map(PathBuf::as_path)
    }

    /// How many conversation files were looked at, usable or not.
    pub fn conversation_files_checked(&self) -> usize {
        self.conversation_files
    }

    /// The summary line of `check`: `N scenarios, C conversations, Q quizzes, E errors,
    /// W warnings`.
    pub fn summary(&self) -> String {
        format!(
            "{} scenarios, {} conversations, {} quizzes, {} errors, {} warnings",
            self.files,
            self.conversation_files,
            self.quiz_files,
            self.count(Severity::Error),
            self.count(Severity::Warning)
        )
    }

    /// How many usable scenarios there are of each sale type in a language (or all languages).
    pub fn count_by_type(&self, language: Option<Language>) -> [usize; 5] {
        let mut counts = [0; 5];
        for s in &self.scenarios {
            if language.is_none_or(|l| l == s.language) {
                counts[s.answer.index()] += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const GOOD: &str = include_str!("../../../../tests/fixtures/good/klaer-belte.ron");

    #[test]
    fn more_files_than_the_limit_is_an_error_and_the_first_ones_in_path_order_load() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["d", "a", "c", "b/e"] {
            let path = dir.path().join(format!("{name}.ron"));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, GOOD.replace("klaer-belte", &name.replace('/', "-"))).unwrap();
        }
        let source = BankSource::Folder(dir.path().to_path_buf());
        let bank = Bank::load_folder(source, dir.path(), 3, &LoadProgress::default()).unwrap();
        let lines: Vec<String> = bank.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [format!(
                "{}: error: the folder holds 4 scenario files, more than the 3 supported; only the first 3 are loaded: point to the folder of one course instead",
                dir.path().display()
            )]
        );
        let ids: Vec<&str> = bank.scenarios().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b-e", "c"]);
    }
}
