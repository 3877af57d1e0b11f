//! Every text of the program in Norwegian bokmål and English, in one place with no egui.
//!
//! One rule for every table: each text is written once with its Norwegian and English side by
//! side in one macro entry, so a text missing in one language does not compile. Fixed texts
//! are `text_table!`s, texts with values are `messages!` enums (both in `macros.rs`).
//!
//! - [`Texts`] holds the fixed texts of the interface and the command line (`{name}`
//!   placeholders filled with [`fill`]).
//! - [`Message`] holds the texts built from domain values: validation and import problems,
//!   guided practice's slips. The domain stores a `Message` (what happened, with its values) and
//!   the reader renders it in their language with [`Message::text`] or [`Texts::message`], so a
//!   problem reads in Norwegian in the Norwegian interface and from `check --lang nb`.
//!
//! - [`TeachingTexts`] holds the taxonomy's teaching texts (what decides each sale type, what
//!   separates two), in the same kind of table as [`Texts`].
//! - [`ReportWords`] holds the class report's words (headings, columns, lines, the flags and
//!   their advice), in the same kind of table.
//! - [`FileMessage`] holds the same kind of texts about files outside the bank: saving and
//!   reading (`StorageError`), opening a folder, import, export, results and the class
//!   report's inputs. The command line prints them in the language of `--lang` or the system.
//!
//! Adding a message is one entry in `messages.rs` (or `file_messages.rs`):
//!
//! ```text
//! /// What the message is about (shown in the docs).
//! QuizTitleEmpty {}
//!     nb: "`title` er tom: skriv navnet deltakerne skal se",
//!     en: "`title` is empty: write the name trainees will see";
//! ```
//!
//! and build it where it happens: `Problem::error(path, position, Message::QuizTitleEmpty {})`.
//! Fields are named in the texts as `{field}` (or `{field:?}` for a quoted value); the
//! compiler checks each text names only fields the variant has, and that every field is used.
//! A field of type `Box<Message>` is a message inside a message, rendered in the same
//! language. `macros.rs` turns each table into its enum and rendering.

#[macro_use]
mod macros;
mod file_messages;
mod messages;
mod report_words;
mod teaching_texts;
mod texts;

pub use file_messages::FileMessage;
pub use macros::{Arg, Localized};
pub use messages::Message;
pub use report_words::{REPORT_EN, REPORT_NB, ReportWords, report_words};
pub use teaching_texts::{TEACHING_EN, TEACHING_NB, TeachingTexts, teaching_texts};
pub use texts::{EN, NB, Texts, fill, texts};

/// The `{name}`s a text or template uses (format specs such as `:?` left off), sorted, for the
/// tests that both languages use the same ones.
#[cfg(test)]
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .map(|name| name.split(':').next().unwrap_or(name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Checks a fixed-text table in both languages: every key has a text in each, both texts name
/// the same placeholders, and they differ unless `same_in_both(key)` (a name such as "IT"
/// may be written the same way).
#[cfg(test)]
fn assert_translated(
    nb: &[(&str, &str)],
    en: &[(&str, &str)],
    same_in_both: impl Fn(&str) -> bool,
) {
    assert_eq!(nb.len(), en.len());
    for ((key, nb_text), (_, en_text)) in nb.iter().zip(en) {
        assert!(!nb_text.trim().is_empty(), "nb text `{key}` is empty");
        assert!(!en_text.trim().is_empty(), "en text `{key}` is empty");
        assert_eq!(
            placeholders(nb_text),
            placeholders(en_text),
            "`{key}` has different placeholders in nb and en"
        );
        if !same_in_both(key) {
            assert_ne!(nb_text, en_text, "`{key}` looks untranslated");
        }
    }
}
