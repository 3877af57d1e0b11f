//! The egui user interface: screens draw domain state and push [`action::Action`]s.

pub mod action;
pub mod app;
pub mod capture;
pub mod conversation_editor;
pub mod conversations;
pub mod editor;
pub mod guided;
pub use crate::domain::i18n;
pub mod learn;
pub mod practice;
pub mod problems;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod widgets;
