//! How a sale type looks everywhere in the app: one colour each, and the choice button.

use egui::{Button, Color32, Response, RichText, Ui};

use crate::domain::language::Language;
use crate::domain::taxonomy::SaleType;

/// The colour of a sale type, tuned for both dark and light backgrounds.
pub fn color(t: SaleType, dark_mode: bool) -> Color32 {
    let (dark, light) = match t {
        SaleType::Nysalg => (
            Color32::from_rgb(110, 170, 255),
            Color32::from_rgb(25, 90, 190),
        ),
        SaleType::Mersalg => (
            Color32::from_rgb(110, 210, 130),
            Color32::from_rgb(20, 125, 60),
        ),
        SaleType::Gjensalg => (
            Color32::from_rgb(250, 175, 90),
            Color32::from_rgb(175, 90, 0),
        ),
        SaleType::Kryssalg => (
            Color32::from_rgb(200, 150, 255),
            Color32::from_rgb(120, 60, 190),
        ),
        SaleType::Tilleggssalg => (
            Color32::from_rgb(90, 210, 210),
            Color32::from_rgb(0, 120, 125),
        ),
    };
    if dark_mode { dark } else { light }
}

/// The sale type's name in its colour, as inline text.
pub fn rich_name(ui: &Ui, t: SaleType, lang: Language) -> RichText {
    RichText::new(t.label(lang))
        .strong()
        .color(color(t, ui.visuals().dark_mode))
}

/// A toggle button for choosing a sale type, with its keyboard shortcut shown on the right.
/// Its accessible name is the type's label followed by the shortcut.
pub fn choice_button(
    ui: &mut Ui,
    t: SaleType,
    lang: Language,
    selected: bool,
    shortcut: &str,
) -> Response {
    let text = RichText::new(t.label(lang))
        .color(color(t, ui.visuals().dark_mode))
        .strong();
    ui.add(
        Button::new(text)
            .selected(selected)
            .shortcut_text(shortcut.to_owned())
            .min_size(egui::vec2(120.0, 32.0)),
    )
}
