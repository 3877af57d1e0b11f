//! One file of the bank as the editor lists it, readable or not.

use std::path::PathBuf;

use super::conversation::Conversation;
use super::scenario::Scenario;
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::quiz::Quiz;

/// Whether a file holds a scenario, a conversation or a quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A scenario file.
    Scenario,
    /// A conversation file, beside the scenarios.
    Conversation,
    /// A quiz file in `quizzes/`.
    Quiz,
}

/// One file of the bank as the editor lists it: usable or not, with what search and filters
/// need and how many problems it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The file.
    pub path: PathBuf,
    /// Scenario or quiz.
    pub kind: EntryKind,
    /// The id, when the file could be parsed.
    pub id: Option<String>,
    /// The title, when the file could be parsed.
    pub title: Option<String>,
    /// The language, when the file could be parsed.
    pub language: Option<Language>,
    /// The right answer of a scenario.
    pub answer: Option<SaleType>,
    /// The difficulty of a scenario.
    pub difficulty: Option<u8>,
    /// The tags of a scenario.
    pub tags: Vec<String>,
    /// Errors in the file.
    pub errors: u32,
    /// Warnings in the file.
    pub warnings: u32,
}

impl Entry {
    pub(super) fn unreadable(path: PathBuf, kind: EntryKind) -> Entry {
        Entry {
            path,
            kind,
            id: None,
            title: None,
            language: None,
            answer: None,
            difficulty: None,
            tags: Vec::new(),
            errors: 0,
            warnings: 0,
        }
    }

    pub(super) fn describe_scenario(&mut self, s: &Scenario) {
        self.id = Some(s.id.clone());
        self.title = Some(s.title.clone());
        self.language = Some(s.language);
        self.answer = Some(s.answer);
        self.difficulty = Some(s.difficulty);
        self.tags = s.tags.clone();
    }

    pub(super) fn describe_conversation(&mut self, c: &Conversation) {
        self.id = Some(c.id.clone());
        self.title = Some(c.title.clone());
        self.language = Some(c.language);
        self.answer = Some(c.answer);
        self.difficulty = Some(c.difficulty);
        self.tags = c.tags.clone();
    }

    pub(super) fn describe_quiz(&mut self, q: &Quiz) {
        self.id = Some(q.id.clone());
        self.title = Some(q.title.clone());
        self.language = Some(q.language);
    }

    /// The name shown in lists: the title, or the file name when it could not be read.
    pub fn display_name(&self) -> String {
        self.title.clone().unwrap_or_else(|| {
            self.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }
}
