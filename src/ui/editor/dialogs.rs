//! The questions that keep work from being lost: unsaved changes, a file changed on disk,
//! delete.

use egui::Ui;

use super::{Dialog, EditorAction, Frame, push};
use crate::ui::i18n::fill;

impl Frame<'_> {
    pub(super) fn dialog_ui(&mut self, ui: &mut Ui) {
        let (t, state, actions) = (self.t, &mut *self.state, &mut *self.actions);
        let name = state
            .doc
            .as_ref()
            .map(|d| {
                d.path()
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .unwrap_or_default();
        let (heading, text, buttons): (String, String, Vec<(&str, EditorAction)>) =
            match &state.dialog {
                Dialog::None => return,
                Dialog::Discard(_) => (
                    t.editor_unsaved.to_owned(),
                    fill(t.dialog_discard_text, &[("name", &name)]),
                    vec![
                        (t.editor_save, EditorAction::SaveAndContinue),
                        (t.dialog_discard, EditorAction::Discard),
                    ],
                ),
                Dialog::Conflict => (
                    t.dialog_conflict_heading.to_owned(),
                    fill(t.dialog_conflict_text, &[("name", &name)]),
                    vec![
                        (t.dialog_reload, EditorAction::Reload),
                        (t.dialog_overwrite, EditorAction::Overwrite),
                        (t.dialog_save_copy, EditorAction::SaveCopy),
                    ],
                ),
                Dialog::Delete => (
                    fill(t.dialog_delete_heading, &[("name", &name)]),
                    t.dialog_delete_text.to_owned(),
                    vec![(t.editor_delete, EditorAction::ConfirmDelete)],
                ),
            };
        // Every dialog ends with Cancel.
        let cancel = (t.dialog_cancel, EditorAction::CloseDialog);
        let modal = egui::Modal::new(egui::Id::unique("editor_dialog")).show(ui.ctx(), |ui| {
            ui.set_max_width(420.0);
            ui.heading(heading);
            ui.label(text);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                for (label, action) in buttons.into_iter().chain([cancel]) {
                    if ui.button(label).clicked() {
                        push(actions, action);
                    }
                }
            });
        });
        if modal.should_close() {
            push(actions, EditorAction::CloseDialog);
        }
    }
}
