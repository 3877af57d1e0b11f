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
mod teaching_texts;
mod texts;

pub use file_messages::FileMessage;
pub use macros::{Arg, Localized};
pub use messages::Message;
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
