//! Searching the bank's files by their words, for the editor's list.
//!
//! The lower-cased texts are made when a search is first typed, not while the bank loads:
//! most sessions never search, and for a large bank they are a good part of its memory.

use std::collections::HashMap;
use std::path::Path;

use super::{Bank, Entry, EntryKind};

/// The lower-cased words of each of the bank's files, in the order of [`Bank::entries`].
#[derive(Debug, Default)]
pub struct SearchIndex {
    texts: Vec<String>,
}

impl SearchIndex {
    /// The words of every file of `bank`: id, title and texts of a scenario or conversation,
    /// id and title of a quiz, and the path of a file that could not be read. A file that
    /// was read but not loaded (an error in it, or a repeated id) is found by its id, title
    /// and path.
    pub fn of(bank: &Bank) -> SearchIndex {
        let scenarios: HashMap<&Path, usize> = (0..bank.scenarios().len())
            .filter_map(|i| bank.path_of(i).map(|p| (p, i)))
            .collect();
        let conversations: HashMap<&Path, usize> = (0..bank.conversations().len())
            .filter_map(|i| bank.conversation_path(i).map(|p| (p, i)))
            .collect();
        let texts = bank
            .entries()
            .iter()
            .map(|entry| {
                let words: Vec<&str> = match entry.kind {
                    EntryKind::Scenario => scenarios.get(entry.path.as_path()).map(|&i| {
                        let s = &bank.scenarios()[i];
                        vec![
                            &s.id,
                            &s.title,
                            &s.industry,
                            &s.customer,
                            &s.situation,
                            &s.explanation,
                        ]
                        .into_iter()
                        .map(String::as_str)
                        .collect()
                    }),
                    EntryKind::Conversation => conversations.get(entry.path.as_path()).map(|&i| {
                        let c = &bank.conversations()[i];
                        [&c.id, &c.title, &c.industry, &c.customer, &c.explanation]
                            .into_iter()
                            .map(String::as_str)
                            .collect()
                    }),
                    EntryKind::Quiz => None,
                }
                .unwrap_or_else(|| named_by(entry));
                words.join("\n").to_lowercase()
            })
            .collect();
        SearchIndex { texts }
    }

    /// True when the words of entry `index` hold `needle`, which is already lower-case.
    pub fn matches(&self, index: usize, needle: &str) -> bool {
        self.texts.get(index).is_some_and(|t| t.contains(needle))
    }
}

/// What names a file whose texts are not in the bank.
fn named_by(entry: &Entry) -> Vec<&str> {
    match (&entry.id, &entry.title) {
        (Some(id), Some(title)) => vec![id, title],
        _ => vec![entry.path.to_str().unwrap_or_default()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::BankSource;

    #[test]
    fn every_file_is_found_by_its_words_in_any_case_and_only_by_its_own() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let index = SearchIndex::of(&bank);
        let s = &bank.scenarios()[0];
        let word = s
            .situation
            .split_whitespace()
            .last()
            .unwrap()
            .to_lowercase();
        let at = bank
            .entries()
            .iter()
            .position(|e| e.id.as_deref() == Some(s.id.as_str()))
            .unwrap();
        assert!(index.matches(at, &word), "{word:?} in {}", s.id);
        assert!(index.matches(at, &s.title.to_lowercase()));
        assert!(!index.matches(at, "no such words anywhere"));
        let quiz = bank
            .entries()
            .iter()
            .position(|e| e.kind == EntryKind::Quiz)
            .unwrap();
        let title = bank.entries()[quiz].title.clone().unwrap().to_lowercase();
        assert!(index.matches(quiz, &title));
        assert!(!index.matches(bank.entries().len(), ""), "no such entry");
    }
}
