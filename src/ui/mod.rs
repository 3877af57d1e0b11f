//! The egui user interface: screens draw domain state and push [`action::Action`]s, which
//! [`app::SalgstrenerApp::apply`] applies once per frame. Each screen module holds the screen
//! and what it keeps between frames; `widgets/` has what several screens draw.

pub mod action;
pub mod app;
pub mod capture;
pub mod class;
pub mod conversations;
pub mod editor;
pub mod guided;
pub mod learn;
pub mod loading;
pub mod practice;
pub mod problems;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod widgets;

/// The language table, under the name screens import it by. It lives in the domain because
/// domain messages (problems, slips) render through it too.
pub use crate::domain::i18n;
