//! The layout the training screens share: a column of text no wider than reads well, and side
//! panels beside it that fold into the column in a narrow window.

use egui::{Panel, ScrollArea, Ui};

/// Long lines are hard to read; a screen's text column stops at this width.
pub const MAX_TEXT_WIDTH: f32 = 760.0;
/// Below this window width a screen's side panels fold into its main column.
const NARROW_WIDTH: f32 = 720.0;

/// True when the window is too narrow for side panels: the screen folds them into its column.
pub fn is_narrow(ui: &Ui) -> bool {
    ui.available_width() < NARROW_WIDTH
}

/// `add` in `scroll`, which fills the space it has, in a column no wider than
/// [`MAX_TEXT_WIDTH`].
pub fn text_column<R>(ui: &mut Ui, scroll: ScrollArea, add: impl FnOnce(&mut Ui) -> R) -> R {
    scroll
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(MAX_TEXT_WIDTH));
            add(ui)
        })
        .inner
}

/// A resizable side panel with its own scroll bar.
pub fn side_panel(ui: &mut Ui, panel: Panel, add: impl FnOnce(&mut Ui)) {
    panel.resizable(true).show(ui, |ui| {
        ScrollArea::vertical().show(ui, add);
    });
}
