//! The live preview: the draft as a trainee sees it, answerable, with its feedback.

use egui::{Button, Ui};

use super::{EditorAction, EditorScreen, EditorState};
use crate::domain::authoring::editor::Draft;
use crate::ui::action::Action;
use crate::ui::i18n::Texts;
use crate::ui::widgets::question::{self, QuestionView};

impl EditorScreen<'_> {
    pub(super) fn preview_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        state: &mut EditorState,
        actions: &mut Vec<Action>,
    ) {
        let Some(Draft::Scenario(s)) = state.doc.as_ref().map(|d| &d.draft) else {
            return;
        };
        ui.heading(t.editor_preview);
        let p = &mut state.preview;
        p.fit_offers(s.offers.len());
        let view = QuestionView {
            scenario: s,
            answer: p,
            picture: self.bank.picture_of(s),
            lang: self.lang,
        };
        for pick in view.ui(ui, t) {
            actions.push(Action::Editor(EditorAction::Preview(pick)));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(p.can_check(), Button::new(t.check))
                .clicked()
            {
                actions.push(Action::Editor(EditorAction::PreviewCheck));
            }
            if ui.button(t.editor_preview_reset).clicked() {
                actions.push(Action::Editor(EditorAction::PreviewReset));
            }
        });
        if let Some(outcome) = &p.outcome {
            question::outcome_ui(ui, t, self.lang, s.into(), outcome);
        }
    }
}
