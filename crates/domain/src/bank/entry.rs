//! One file of the bank as the editor lists it, readable or not.

use std::path::PathBuf;

use super::conversation::Conversation;
use super::scenario::Scenario;
use crate::language::Language;
use crate::teaching::taxonomy::SaleType;
use crate::training::quiz::Quiz;

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
    /// Scenario, conversation or quiz.
    pub kind: EntryKind,
    /// What the file says about itself, when it could be parsed.
    pub header: Option<Header>,
    /// Errors in the file.
    pub errors: u32,
    /// Warnings in the file.
    pub warnings: u32,
}

/// What a file that could be parsed says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The language of the texts.
    pub language: Language,
    /// What a scenario or a conversation is filtered by; a quiz has none.
    pub profile: Option<Profile>,
}

/// What the list filters a scenario or a conversation by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The right answer.
    pub answer: SaleType,
    /// The difficulty, 1 to 3.
    pub difficulty: u8,
    /// The tags.
    pub tags: Vec<String>,
}

impl Entry {
    /// A file that could not be read or parsed: found by its path alone.
    pub(super) fn unreadable(path: PathBuf, kind: EntryKind) -> Entry {
        Entry {
            path,
            kind,
            header: None,
            errors: 0,
            warnings: 0,
        }
    }

    fn parsed(path: PathBuf, kind: EntryKind, header: Header) -> Entry {
        Entry {
            header: Some(header),
            ..Entry::unreadable(path, kind)
        }
    }

    pub(super) fn scenario(path: PathBuf, s: &Scenario) -> Entry {
        let profile = Profile::new(s.answer, s.difficulty, &s.tags);
        let header = Header::new(&s.id, &s.title, s.language, Some(profile));
        Entry::parsed(path, EntryKind::Scenario, header)
    }

    pub(super) fn conversation(path: PathBuf, c: &Conversation) -> Entry {
        let profile = Profile::new(c.answer, c.difficulty, &c.tags);
        let header = Header::new(&c.id, &c.title, c.language, Some(profile));
        Entry::parsed(path, EntryKind::Conversation, header)
    }

    pub(super) fn quiz(path: PathBuf, q: &Quiz) -> Entry {
        let header = Header::new(&q.id, &q.title, q.language, None);
        Entry::parsed(path, EntryKind::Quiz, header)
    }

    /// The id, when the file could be parsed.
    pub fn id(&self) -> Option<&str> {
        self.header.as_ref().map(|h| h.id.as_str())
    }

    /// The language, when the file could be parsed.
    pub fn language(&self) -> Option<Language> {
        self.header.as_ref().map(|h| h.language)
    }

    /// The answer, difficulty and tags of a readable scenario or conversation.
    pub fn profile(&self) -> Option<&Profile> {
        self.header.as_ref()?.profile.as_ref()
    }

    /// The name shown in lists: the title, or the file name when it could not be read.
    pub fn display_name(&self) -> String {
        match &self.header {
            Some(header) => header.title.clone(),
            None => self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

impl Header {
    fn new(id: &str, title: &str, language: Language, profile: Option<Profile>) -> Header {
        Header {
            id: id.to_owned(),
            title: title.to_owned(),
            language,
            profile,
        }
    }
}

impl Profile {
    fn new(answer: SaleType, difficulty: u8, tags: &[String]) -> Profile {
        Profile {
            answer,
            difficulty,
            tags: tags.to_vec(),
        }
    }
}
