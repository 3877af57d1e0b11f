//! What the app remembers between runs, through eframe's storage.

use serde::{Deserialize, Serialize};

use crate::domain::language::Language;
use crate::domain::training::practice::Filter;

/// What is remembered between runs (eframe's storage). The default is a first run in
/// Norwegian (the default [`Language`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language.
    pub language: Language,
    /// The practice selection.
    pub filter: Filter,
    /// The scenario folder last opened from the app (or made there by copying the bundled
    /// bank), opened when no other folder is given.
    pub scenario_folder: Option<std::path::PathBuf>,
    /// Where the next file or folder dialog starts: the folder of the last path picked.
    pub last_folder: Option<std::path::PathBuf>,
    /// Conversations show the feedback on each reply only in the result.
    pub conversation_feedback_at_end: bool,
}

impl Settings {
    /// Defaults for a first run in `language`: practise scenarios in the same language.
    pub fn for_language(language: Language) -> Self {
        Self {
            language,
            filter: Filter::for_language(language),
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_a_first_run_in_norwegian_and_english_practises_english() {
        assert_eq!(Settings::default(), Settings::for_language(Language::Nb));
        let en = Settings::for_language(Language::En);
        assert_eq!(en.filter, Filter::for_language(Language::En));
        assert_ne!(en.filter, Settings::default().filter);
    }
}
