//! The two languages of the content and the interface.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A content or interface language. Scenario files write it as `"nb"` or `"en"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// Norwegian bokmål, the primary language of the course material.
    #[default]
    Nb,
    /// English.
    En,
}

impl Language {
    /// Both languages, Norwegian first.
    pub const ALL: [Language; 2] = [Language::Nb, Language::En];

    /// The code used in files: `"nb"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::En => "en",
        }
    }

    /// Parses a file code. Only the exact codes are accepted so that a file means one thing.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "nb" => Some(Language::Nb),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The language's own name, as shown in a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Nb => "Norsk (bokmål)",
            Language::En => "English",
        }
    }

    /// The language's own name in short, for the language switch in the top bar.
    pub fn short_name(self) -> &'static str {
        match self {
            Language::Nb => "Norsk",
            Language::En => "English",
        }
    }

    /// Picks the interface language from a system locale such as `nb_NO.UTF-8` or `en-US`:
    /// Norwegian for any Norwegian locale (nb, nn, no), English otherwise.
    pub fn from_locale(locale: &str) -> Language {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "nb" | "nn" | "no" => Language::Nb,
            _ => Language::En,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Language::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown language {code:?}: write \"nb\" for Norwegian bokmål or \"en\" for English"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_norwegian_for_all_norwegian_variants() {
        for locale in ["nb_NO.UTF-8", "nn-NO", "no", "NB"] {
            assert_eq!(Language::from_locale(locale), Language::Nb, "{locale}");
        }
        for locale in ["en_US.UTF-8", "sv_SE", "", "C", "de-DE"] {
            assert_eq!(Language::from_locale(locale), Language::En, "{locale}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Language::ALL {
            assert_eq!(Language::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Language::from_code("NB"), None);
    }
}
