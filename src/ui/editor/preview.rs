//! The live preview: the draft as a trainee sees it, answerable, with its feedback. Its
//! answer is the same [`Answer`](crate::domain::training::answer::Answer) practice uses,
//! kept in [`EditorState::preview`](super::EditorState::preview).

use egui::{Button, Ui};

use super::{EditorAction, Frame, push};
use crate::domain::authoring::editor::Draft;
use crate::ui::widgets::question::{self, QuestionView};

impl Frame<'_> {
    pub(super) fn preview_ui(&mut self, ui: &mut Ui) {
        let (t, state, actions) = (self.t, &mut *self.state, &mut *self.actions);
        let Some(Draft::Scenario(s)) = state.doc.as_ref().map(|d| &d.draft) else {
            return;
        };
        ui.heading(t.editor_preview);
        let p = &mut state.preview;
        p.fit_offers(s.offers.len());
        let view = QuestionView::new(self.bank, s, p, self.lang);
        for pick in view.ui(ui, t) {
            push(actions, EditorAction::Preview(pick));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(p.can_check(), Button::new(t.check))
                .clicked()
            {
                push(actions, EditorAction::PreviewCheck);
            }
            if ui.button(t.editor_preview_reset).clicked() {
                push(actions, EditorAction::PreviewReset);
            }
        });
        if let Some(outcome) = &p.outcome {
            question::outcome_ui(ui, t, self.lang, s.into(), outcome);
        }
    }
}
