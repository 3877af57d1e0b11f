//! Salgstreneren: a trainer for the Norwegian sales taxonomy.
//!
//! [`domain`] holds the taxonomy, scenarios, validation, scoring and practice logic without
//! any user interface; [`ui`] draws it with egui.

pub use salgstrener_domain as domain;
pub mod ui;
