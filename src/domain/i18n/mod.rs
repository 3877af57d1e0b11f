//! Every text of the program in Norwegian bokmål and English, in one place with no egui.
//!
//! Two tables, one rule: each text is written once with its Norwegian and English side by side
//! in one macro entry, so a text missing in one language does not compile.
//!
//! - [`Texts`] holds the fixed texts of the interface and the command line (`{name}`
//!   placeholders filled with [`fill`]).
//! - [`Message`] holds the texts built from domain values: validation and import problems,
//!   guided practice's slips. The domain stores a `Message` (what happened, with its values) and
//!   the reader renders it in their language with [`Message::text`] or [`Texts::message`], so a
//!   problem reads in Norwegian in the Norwegian interface and from `check --lang nb`.
//!
//! Adding a message is one entry in `messages.rs`: a variant with its fields and the two
//! texts, which name the fields as `{field}`. `macros.rs` turns that table into the
//! [`Message`] enum and its rendering.

#[macro_use]
mod macros;
mod messages;
mod texts;

pub use macros::Arg;
pub use messages::Message;
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
