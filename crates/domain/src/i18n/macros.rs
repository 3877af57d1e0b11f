//! The machinery behind [`Message`]: the `messages!` macro that builds the enum and its
//! rendering from the table in `messages.rs`, and [`Arg`], which shows a field in a language.

use std::path::PathBuf;

use crate::language::Language;
use crate::teaching::taxonomy::SaleType;

/// A value a message shows, rendered for a language. Plain values show as themselves; a
/// nested [`Message`](super::Message) shows in the language of the message around it.
pub trait Arg {
    /// The value as it appears in a text in `lang`.
    fn arg(&self, lang: Language) -> String;
}

macro_rules! display_args {
    ($($ty:ty),*) => {
        $(impl Arg for $ty {
            fn arg(&self, _: Language) -> String {
                self.to_string()
            }
        })*
    };
}

display_args!(
    String,
    &'static str,
    usize,
    u8,
    u32,
    u64,
    SaleType,
    Language
);

impl Arg for PathBuf {
    fn arg(&self, _: Language) -> String {
        self.display().to_string()
    }
}

/// A typed text the `messages!` macro made: renders itself in either language.
pub trait Localized {
    /// The text in `lang`.
    fn text_in(&self, lang: Language) -> String;
}

impl<M: Localized> Localized for Box<M> {
    fn text_in(&self, lang: Language) -> String {
        (**self).text_in(lang)
    }
}

impl<M: Localized> Arg for Box<M> {
    fn arg(&self, lang: Language) -> String {
        self.text_in(lang)
    }
}

impl<M: Localized> Arg for Option<Box<M>> {
    fn arg(&self, lang: Language) -> String {
        self.as_ref().map(|m| m.text_in(lang)).unwrap_or_default()
    }
}

/// Builds a table of fixed texts: a struct with one `&'static str` field per key, one
/// constant per language and the function that picks a language's. A key without both texts
/// does not compile.
macro_rules! text_table {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident;
        $(#[doc = $lookup_doc:literal])*
        pub fn $lookup:ident;
        $nb_const:ident, $en_const:ident;
        $($key:ident: $nb:literal, $en:literal;)*
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub struct $name {
            /// The language of every text below.
            pub lang: $crate::language::Language,
            $(
                #[doc = $en]
                pub $key: &'static str,
            )*
        }

        /// Norwegian bokmål.
        pub const $nb_const: $name = $name {
            lang: $crate::language::Language::Nb,
            $($key: $nb,)*
        };
        /// English.
        pub const $en_const: $name = $name {
            lang: $crate::language::Language::En,
            $($key: $en,)*
        };

        $(#[doc = $lookup_doc])*
        pub fn $lookup(lang: $crate::language::Language) -> &'static $name {
            match lang {
                $crate::language::Language::Nb => &$nb_const,
                $crate::language::Language::En => &$en_const,
            }
        }

        impl $name {
            /// Every (key, text) pair, for completeness checks.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }
    };
}

/// Builds a message enum from `Variant { fields } nb: "...", en: "...";` entries: the enum,
/// its rendering in each language, and `Display` in English (for logs and tests).
macro_rules! messages {
    (
        $(#[doc = $enum_doc:literal])*
        pub enum $enum:ident {
            $(
                $(#[doc = $doc:literal])*
                $name:ident { $($field:ident: $ty:ty),* $(,)? }
                    nb: $nb:literal,
                    en: $en:literal;
            )*
        }
    ) => {
        $(#[doc = $enum_doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum $enum {
            $(
                $(#[doc = $doc])*
                $name { $($field: $ty),* },
            )*
        }

        impl $enum {
            /// The message in `lang`.
            pub fn text(&self, lang: $crate::language::Language) -> String {
                match self {
                    $($enum::$name { $($field),* } => {
                        $(let $field = $crate::i18n::Arg::arg($field, lang);)*
                        match lang {
                            $crate::language::Language::Nb => format!($nb),
                            $crate::language::Language::En => format!($en),
                        }
                    })*
                }
            }

            /// Every (variant, nb, en) template, for the completeness test.
            #[cfg(test)]
            pub(crate) fn templates() -> Vec<(&'static str, &'static str, &'static str)> {
                vec![$((stringify!($name), $nb, $en)),*]
            }
        }

        impl $crate::i18n::Localized for $enum {
            fn text_in(&self, lang: $crate::language::Language) -> String {
                self.text(lang)
            }
        }

        impl ::std::fmt::Display for $enum {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.text($crate::language::Language::En))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{FileMessage, Message, placeholders};

    #[test]
    fn every_message_names_the_same_fields_in_both_languages() {
        // English glosses the Norwegian sale type names here; Norwegian needs no gloss.
        const GLOSSED: &[&str] = &["SlipFinalType"];
        let all = Message::templates()
            .into_iter()
            .chain(FileMessage::templates());
        for (name, nb, en) in all {
            assert!(!nb.trim().is_empty() && !en.trim().is_empty(), "{name}");
            if !GLOSSED.contains(&name) {
                assert_eq!(placeholders(nb), placeholders(en), "{name}");
            }
        }
    }

    #[test]
    fn a_nested_message_renders_in_the_language_around_it() {
        let message = Message::TooLong {
            what: Box::new(Message::CueNumber { n: 2 }),
            chars: 2001,
            limit: 2000,
            advice: Box::new(Message::ShortenQuiz {}),
        };
        assert_eq!(
            message.text(Language::Nb),
            "nøkkelfrase 2 er 2001 tegn lang, over grensen på 2000: kort den ned til det deltakerne trenger å lese"
        );
        assert!(
            message
                .to_string()
                .starts_with("cue 2 is 2001 characters long")
        );
    }

    #[test]
    fn quoted_values_use_each_languages_quotes() {
        let message = Message::IdInvalid { id: "Klær".into() };
        assert!(
            message
                .text(Language::Nb)
                .starts_with("id-en «Klær» kan bare")
        );
        assert!(
            message
                .text(Language::En)
                .starts_with("id \"Klær\" may only")
        );
    }
}
