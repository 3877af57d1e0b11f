//! Searching the bank's files by their words, for the editor's list.
//!
//! The lower-cased texts are made when a search is first typed, not while the bank loads:
//! most sessions never search, and for a large bank they are a good part of its memory.

use std::collections::HashMap;
use std::path::Path;

use super::{Bank, EntryKind};

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
                let words: Option<Vec<&str>> = match entry.kind {
                    EntryKind::Scenario => scenarios
                        .get(entry.path.as_path())
                        .map(|&i| bank.scenarios()[i].texts().map(|(_, text)| text).collect()),
                    EntryKind::Conversation => conversations.get(entry.path.as_path()).map(|&i| {
                        bank.conversations()[i]
                            .texts()
                            .map(|(_, text)| text)
                            .collect()
                    }),
                    EntryKind::Quiz => None,
                };
                match (words, &entry.header) {
                    (Some(words), _) => words.join("\n").to_lowercase(),
                    (None, Some(header)) => {
                        format!("{}\n{}", header.id, header.title).to_lowercase()
                    }
                    (None, None) => entry.path.to_string_lossy().to_lowercase(),
                }
            })
            .collect();
        SearchIndex { texts }
    }

    /// True when the words of entry `index` hold `needle`, which is already lower-case.
    pub fn matches(&self, index: usize, needle: &str) -> bool {
        self.texts.get(index).is_some_and(|t| t.contains(needle))
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::bank::{BankSource, SourceFile};

    const GOOD: &str = include_str!("../../../../scenarios/nb/bil-elbil-hengerfeste.ron");

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(name),
            text: Ok(text.to_owned()),
        }
    }

    #[test]
    fn a_file_is_found_by_its_words_in_any_case_and_a_file_not_loaded_by_its_name() {
        // The second file is read but not loaded (level 9 is an error); the third cannot be
        // read as a scenario at all.
        let unloaded = GOOD.replacen("difficulty: 1", "difficulty: 9", 1).replacen(
            "bil-elbil-hengerfeste",
            "bil-ikke-lastet",
            1,
        );
        let files = vec![
            file("a.ron", GOOD),
            file("b.ron", &unloaded),
            file("c.ron", "Scenario("),
        ];
        let bank = Bank::from_files(BankSource::Embedded, files, &|_: &Path| false);
        assert_eq!((bank.entries().len(), bank.scenarios().len()), (3, 1));
        let index = SearchIndex::of(&bank);
        let found = |needle: &str| {
            (0..3)
                .filter(|&i| index.matches(i, needle))
                .collect::<Vec<_>>()
        };

        assert_eq!(found("båt på henger"), [0], "a word of the situation");
        assert_eq!(
            found("utvider hva den kan"),
            [0],
            "a word of the explanation"
        );
        assert_eq!(
            found("elbil og båthenger"),
            [0, 1],
            "the title, lower-cased"
        );
        assert_eq!(
            found("bil-ikke-lastet"),
            [1],
            "the id of the file not loaded"
        );
        assert_eq!(
            found("c.ron"),
            [2],
            "the path of the file that could not be read"
        );
        assert!(found("no such words").is_empty());
        assert!(!index.matches(3, ""), "no such entry");
    }
}
