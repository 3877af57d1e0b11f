//! The live preview: the draft as a trainee sees it, answerable, with its feedback.

use egui::{Button, Ui};

use super::{EditorAction, Frame, push};
use crate::domain::authoring::editor::Draft;
use crate::domain::bank::scenario::Scenario;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::scoring::{self, Choice, Outcome};
use crate::ui::widgets::question::{self, QuestionView};

/// The preview's own answer, so an author can try the scenario like a trainee.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Offers in display order.
    pub offer_order: Vec<usize>,
    /// Chosen type.
    pub chosen_type: Option<SaleType>,
    /// Chosen offer (file order).
    pub chosen_offer: Option<usize>,
    /// The score once checked.
    pub outcome: Option<Outcome>,
}

impl Frame<'_> {
    pub(super) fn preview_ui(&mut self, ui: &mut Ui) {
        let (t, state, actions) = (self.t, &mut *self.state, &mut *self.actions);
        let Some(Draft::Scenario(s)) = state.doc.as_ref().map(|d| &d.draft) else {
            return;
        };
        ui.heading(t.editor_preview);
        let p = &mut state.preview;
        if p.offer_order.len() != s.offers.len()
            || p.offer_order.iter().any(|&i| i >= s.offers.len())
        {
            p.offer_order = (0..s.offers.len()).collect();
            p.chosen_offer = None;
            p.outcome = None;
        }
        let view = QuestionView {
            scenario: s,
            offer_order: &p.offer_order,
            chosen_type: p.chosen_type,
            chosen_offer: p.chosen_offer,
            outcome: p.outcome.as_ref(),
            picture: self.bank.picture_of(s),
            lang: self.lang,
        };
        for pick in question::question_ui(ui, t, &view) {
            push(actions, EditorAction::Preview(pick));
        }
        ui.horizontal(|ui| {
            let can_check =
                p.chosen_type.is_some() && p.chosen_offer.is_some() && p.outcome.is_none();
            if ui.add_enabled(can_check, Button::new(t.check)).clicked() {
                push(actions, EditorAction::PreviewCheck);
            }
            if ui.button(t.editor_preview_reset).clicked() {
                push(actions, EditorAction::PreviewReset);
            }
        });
        if let Some(outcome) = &p.outcome {
            question::outcome_ui(ui, t, self.lang, s, outcome);
        }
    }
}

/// Scores the preview's answer.
pub fn check_preview(preview: &mut Preview, scenario: &Scenario) {
    if let (Some(sale_type), Some(offer)) = (preview.chosen_type, preview.chosen_offer) {
        preview.outcome = scoring::score(scenario, Choice { sale_type, offer }, scenario.language);
    }
}
