//! How a sale type looks everywhere in the app: one colour each, and the choice button.

use egui::{Button, Color32, Response, RichText, Ui};

use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::widgets::icons;

/// The colour of a sale type, tuned for both dark and light backgrounds.
pub fn color(t: SaleType, dark_mode: bool) -> Color32 {
    let (dark, light) = match t {
        SaleType::Nysalg => ([110, 170, 255], [25, 90, 190]),
        SaleType::Mersalg => ([110, 210, 130], [20, 125, 60]),
        SaleType::Gjensalg => ([250, 175, 90], [175, 90, 0]),
        SaleType::Kryssalg => ([200, 150, 255], [120, 60, 190]),
        SaleType::Tilleggssalg => ([90, 210, 210], [0, 120, 125]),
    };
    let [r, g, b] = if dark_mode { dark } else { light };
    Color32::from_rgb(r, g, b)
}

/// The sale type's name in its colour, as inline text.
pub fn rich_name(ui: &Ui, t: SaleType, lang: Language) -> RichText {
    RichText::new(t.label(lang))
        .strong()
        .color(color(t, ui.visuals().dark_mode))
}

/// After checking, a choice button carries a mark in words (in place of its shortcut), so
/// that it reads the same to a screen reader: the right type, or the wrong one chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark<'a> {
    /// Not checked yet: show the keyboard shortcut.
    Shortcut(&'a str),
    /// The right answer, with the word for it.
    Right(&'a str),
    /// Chosen, but wrong, with the word for it.
    Wrong(&'a str),
    /// Checked, neither right nor chosen.
    Nothing,
}

/// A toggle button for choosing a sale type, with the type's icon in front. Its accessible name
/// is the type's label followed by the mark's text.
pub fn choice_button(
    ui: &mut Ui,
    t: SaleType,
    lang: Language,
    selected: bool,
    mark: Mark<'_>,
) -> Response {
    let visuals = ui.visuals();
    let text = RichText::new(t.label(lang))
        .color(color(t, visuals.dark_mode))
        .strong();
    let button = Button::new((icons::sale_type_atom(t, 18.0), text))
        .selected(selected)
        .min_size(egui::vec2(120.0, 32.0));
    let button = match mark {
        Mark::Shortcut(key) => button.shortcut_text(key.to_owned()),
        Mark::Right(word) => button.right_text(
            RichText::new(format!("· {word}"))
                .strong()
                .color(visuals.strong_text_color()),
        ),
        Mark::Wrong(word) => button.right_text(
            RichText::new(format!("· {word}"))
                .strong()
                .color(visuals.error_fg_color),
        ),
        Mark::Nothing => button,
    };
    ui.add(button)
}
