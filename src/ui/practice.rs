//! The practice screen: one scenario, a sale type, an offer, check, feedback, next.
//!
//! [`PracticeState`] is what the screen keeps between frames; [`SessionScreen::take`] hands it
//! to one frame's [`PracticeScreen`], which draws the session and pushes actions.

use egui::{Align, Button, Key, Modifiers, RichText, ScrollArea, Ui};

use crate::domain::bank::Bank;
use crate::domain::teaching::edge_cases::EdgeCase;
use crate::domain::training::practice::{Practice, PracticeAction};
use crate::ui::action::{Action, Screen};
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::question::{self, AnswerKey, QuestionView};
use crate::ui::widgets::{filter, layout};

/// What the practice screen keeps between frames: requests for the next frame only, which
/// the screen takes whole ([`SessionScreen::take`]).
#[derive(Debug, Default)]
pub struct PracticeState {
    /// Bring the result into view on the next frame (the trainee just checked).
    pub scroll_to_result: bool,
}

/// A screen over a training session `S` (practice, guided practice) for one frame: the session,
/// the bank it draws from, and the screen's requests `R` for this frame.
pub struct SessionScreen<'a, S, R> {
    /// The loaded scenarios.
    pub bank: &'a Bank,
    /// The session.
    pub session: &'a S,
    /// What the app asked of this frame (a scroll into view, say).
    pub requests: R,
}

impl<'a, S, R: Default> SessionScreen<'a, S, R> {
    /// The screen for one frame; the requests kept in `state` are used up by it.
    pub fn take(state: &mut R, bank: &'a Bank, session: &'a S) -> Self {
        Self {
            bank,
            session,
            requests: std::mem::take(state),
        }
    }
}

/// Draws the practice screen from the session and pushes what the trainee does.
pub type PracticeScreen<'a> = SessionScreen<'a, Practice, PracticeState>;

impl PracticeScreen<'_> {
    /// Draws the selection panel and the question, pushing actions to `actions`.
    pub fn ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        // In a narrow window the selection folds into the question column instead of taking
        // a third of the width as a side panel.
        let narrow = layout::is_narrow(ui);
        if !narrow {
            let panel = egui::Panel::left("practice_selection").default_size(220.0);
            layout::side_panel(ui, panel, |ui| self.selection_ui(ui, t, actions));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            layout::text_column(ui, ScrollArea::vertical(), |ui| {
                if narrow {
                    egui::CollapsingHeader::new(t.selection_and_score)
                        .id_salt("practice_selection_folded")
                        .show(ui, |ui| self.selection_ui(ui, t, actions));
                }
                self.problems_banner_ui(ui, t, actions);
                match self.session.question() {
                    Some(q) => match self.bank.get(q.scenario) {
                        Some(s) => {
                            let view = QuestionView::new(self.bank, s, &q.answer, t.lang);
                            self.question_ui(ui, t, view, actions);
                        }
                        None => self.empty_ui(ui, t, actions),
                    },
                    None => self.empty_ui(ui, t, actions),
                }
            });
        });
        self.keyboard(ui, actions);
    }

    fn keyboard(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(q) = self.session.question() else {
            if restart_key(ui, self.session) {
                actions.push(Action::Practice(PracticeAction::Restart));
            }
            return;
        };
        for key in question::answer_keys(ui, &q.answer) {
            let action = match key {
                AnswerKey::Pick(pick) => pick.into(),
                AnswerKey::Enter if q.answer.is_checked() => PracticeAction::Next,
                AnswerKey::Enter if q.answer.can_check() => PracticeAction::Check,
                AnswerKey::Enter => continue,
            };
            actions.push(Action::Practice(action));
        }
    }

    fn selection_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let filter = self.session.filter();
        ui.heading(t.selection);
        ui.label(RichText::new(t.filter_hint).weak().small());
        ui.add_space(4.0);

        if let Some(f) = filter::filter_ui(ui, t, t.lang, filter) {
            actions.push(Action::Practice(PracticeAction::SetFilter(f)));
        }
        if !filter.tags.is_empty() {
            // Set from the Learn screen's edge-case lesson; shown so the selection never
            // narrows without the trainee seeing why.
            ui.add_space(4.0);
            ui.strong(t.edge_filter);
            for tag in &filter.tags {
                let name = EdgeCase::from_tag(tag).map_or(tag.as_str(), |c| t.edge_case(c).title);
                ui.label(name);
            }
            if ui.button(t.edge_filter_clear).clicked() {
                let mut f = filter.clone();
                f.tags.clear();
                actions.push(Action::Practice(PracticeAction::SetFilter(f)));
            }
        }

        ui.separator();
        ui.heading(t.session);
        let tally = self.session.tally();
        ui.label(
            RichText::new(fill(
                t.points_of,
                &[("points", &tally.points), ("possible", &tally.possible)],
            ))
            .strong(),
        );
        ui.label(fill(t.answered_count, &[("n", &tally.answered)]));
        ui.label(fill(t.perfect_count, &[("n", &tally.perfect)]));
        ui.label(fill(
            t.remaining_count,
            &[
                ("n", &self.session.remaining()),
                ("total", &self.session.round_size()),
            ],
        ));
        let due = self.session.due_remaining();
        if due > 0 {
            ui.label(RichText::new(fill(t.due_count, &[("n", &due)])).strong());
        }
        ui.add_space(8.0);
        ui.label(
            RichText::new(fill(
                t.source_label,
                &[(
                    "source",
                    &match self.bank.source() {
                        crate::domain::bank::BankSource::Embedded => t.source_bundled.to_owned(),
                        source => source.describe(),
                    },
                )],
            ))
            .weak()
            .small(),
        );
    }

    fn problems_banner_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let broken = self.bank.files_with_errors();
        if broken == 0 {
            return;
        }
        egui::Frame::group(ui.style())
            .fill(ui.visuals().extreme_bg_color)
            .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        fill(t.problems_banner, &[("n", &broken)]),
                    );
                    if ui.button(t.problems_show).clicked() {
                        actions.push(Action::Show(Screen::Problems));
                    }
                });
            });
        ui.add_space(8.0);
    }

    fn empty_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.add_space(24.0);
        if round_over_ui(ui, t, self.session, t.empty_selection_hint) {
            actions.push(Action::Practice(PracticeAction::Restart));
        }
    }

    fn question_ui(&self, ui: &mut Ui, t: &Texts, view: QuestionView, actions: &mut Vec<Action>) {
        let answer = view.answer;
        for pick in view.ui(ui, t) {
            actions.push(Action::Practice(pick.into()));
        }

        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if answer.is_checked() {
                if ui
                    .add(
                        Button::new(RichText::new(t.next).strong())
                            .min_size(egui::vec2(160.0, 32.0)),
                    )
                    .clicked()
                {
                    actions.push(Action::Practice(PracticeAction::Next));
                }
            } else {
                let button =
                    Button::new(RichText::new(t.check).strong()).min_size(egui::vec2(160.0, 32.0));
                let response = ui
                    .add_enabled(answer.can_check(), button)
                    .on_disabled_hover_text(t.check_disabled_hover);
                if response.clicked() {
                    actions.push(Action::Practice(PracticeAction::Check));
                }
            }
        });
        ui.label(RichText::new(t.keys_hint).weak().small());

        if let Some(outcome) = &answer.outcome {
            ui.add_space(10.0);
            let response = question::outcome_ui(ui, t, t.lang, view.scenario.into(), outcome);
            if self.requests.scroll_to_result {
                response.scroll_to_me(Some(Align::Min));
            }
        }
    }
}

/// What practice and guided practice show without a question: an empty selection with `hint`,
/// or the finished round with its score and a button to start again (true when clicked).
pub fn round_over_ui(ui: &mut Ui, t: &Texts, practice: &Practice, hint: &str) -> bool {
    if practice.round_size() == 0 {
        ui.heading(t.empty_selection);
        ui.label(hint);
        return false;
    }
    ui.heading(fill(t.round_done, &[("n", &practice.round_size())]));
    let tally = practice.tally();
    ui.label(fill(
        t.points_of,
        &[("points", &tally.points), ("possible", &tally.possible)],
    ));
    ui.add_space(8.0);
    ui.button(t.restart).clicked()
}

/// Enter, once the round is over, starts it again: true when pressed (and there was a round,
/// and no text field has the keyboard).
pub fn restart_key(ui: &mut Ui, practice: &Practice) -> bool {
    !ui.ctx().text_edit_focused()
        && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        && practice.round_size() > 0
}
