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
//! texts, which name the fields as `{field}`.

mod messages;
mod texts;

pub use messages::{Arg, Message};
pub use texts::{EN, NB, Texts, fill, texts};
