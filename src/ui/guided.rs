//! Guided practice: a scenario, then the decision path's questions one at a time, then the sale
//! type and offer; the feedback names the step where the reasoning went off.
//!
//! [`GuidedState`] is what the screen keeps between frames (its scroll requests).

use egui::{Align, Button, Key, Modifiers, RichText, ScrollArea, Ui};

use crate::domain::bank::scenario::Scenario;
use crate::domain::teaching::decision_path::{Relation, Step};
use crate::domain::teaching::edge_cases::EdgeCase;
use crate::domain::training::guided::{Guided, GuidedAction, GuidedStage};
use crate::domain::training::practice::PracticeAction;
use crate::domain::training::scoring::{Outcome, TypeVerdict};
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::practice::{SessionScreen, restart_key, round_over_ui};
use crate::ui::widgets::layout;
use crate::ui::widgets::question::{
    self, AnswerKey, AnswerView, QuestionView, TYPE_KEYS as NUMBER_KEYS, good_color,
};

/// What the guided practice screen keeps between frames: requests for the next frame only,
/// which the screen takes whole ([`SessionScreen::take`]).
#[derive(Debug, Default)]
pub struct GuidedState {
    /// Bring the result into view on the next frame (the trainee just checked).
    pub scroll_to_result: bool,
    /// Bring the step just revealed into view on the next frame.
    pub reveal_step: bool,
}

/// Draws guided practice from the session and pushes what the trainee does.
pub type GuidedScreen<'a> = SessionScreen<'a, Guided, GuidedState>;

fn push(actions: &mut Vec<Action>, action: GuidedAction) {
    actions.push(Action::Guided(action));
}

fn practice(actions: &mut Vec<Action>, action: PracticeAction) {
    push(actions, GuidedAction::Practice(action));
}

impl GuidedScreen<'_> {
    /// Draws the screen, pushing actions to `actions`.
    pub fn ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        egui::CentralPanel::default().show(ui, |ui| {
            let scroll = ScrollArea::vertical().id_salt("guided_scroll");
            layout::text_column(ui, scroll, |ui| {
                ui.label(RichText::new(t.guided_intro).weak());
                ui.add_space(8.0);
                let practice = self.session.practice();
                match practice
                    .question()
                    .and_then(|q| Some((q, self.bank.get(q.scenario)?)))
                {
                    Some((q, s)) => {
                        let view = QuestionView::new(self.bank, s, &q.answer, t.lang);
                        self.question_ui(ui, t, view, actions);
                    }
                    None => self.empty_ui(ui, t, actions),
                }
            });
        });
        self.keyboard(ui, actions);
    }

    fn keyboard(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if ui.ctx().text_edit_focused() {
            return;
        }
        let Some(stage) = self.session.stage() else {
            if restart_key(ui, self.session.practice()) {
                practice(actions, PracticeAction::Restart);
            }
            return;
        };
        let Some(q) = self.session.practice().question() else {
            return;
        };
        match stage {
            GuidedStage::Step(step) => ui.input_mut(|input| {
                let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
                if step == Step::KnownCustomer {
                    if pressed(Key::J) || pressed(Key::Y) {
                        push(actions, GuidedAction::AnswerKnownCustomer(true));
                    } else if pressed(Key::N) {
                        push(actions, GuidedAction::AnswerKnownCustomer(false));
                    }
                } else {
                    for (relation, key) in Relation::ALL.into_iter().zip(NUMBER_KEYS) {
                        if pressed(key) {
                            push(actions, GuidedAction::AnswerRelation(relation));
                        }
                    }
                }
            }),
            GuidedStage::Answer | GuidedStage::Checked => {
                for key in question::answer_keys(ui, &q.answer) {
                    match key {
                        AnswerKey::Pick(pick) => practice(actions, pick.into()),
                        AnswerKey::Enter if stage == GuidedStage::Checked => {
                            practice(actions, PracticeAction::Next);
                        }
                        AnswerKey::Enter if self.session.can_check() => {
                            practice(actions, PracticeAction::Check);
                        }
                        AnswerKey::Enter => {}
                    }
                }
            }
        }
    }

    fn empty_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.add_space(16.0);
        let hint = t.guided_selection_hint;
        if round_over_ui(ui, t, self.session.practice(), hint) {
            practice(actions, PracticeAction::Restart);
        }
    }

    fn question_ui(&self, ui: &mut Ui, t: &Texts, view: QuestionView, actions: &mut Vec<Action>) {
        let (s, answer) = (view.scenario, view.answer);
        let tally = self.session.practice().tally();
        ui.label(
            RichText::new(fill(
                t.points_of,
                &[("points", &tally.points), ("possible", &tally.possible)],
            ))
            .weak(),
        );
        let checked = answer.is_checked();
        view.scenario_ui(ui, t);

        let answers = self.session.answers();
        let expected = s.decision_path();
        ui.add_space(4.0);
        step_frame(ui, |ui| {
            step_heading_ui(ui, t, Step::KnownCustomer);
            ui.add_enabled_ui(!checked, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (known, label, key) in
                        [(true, t.diagram_yes, t.yes_key), (false, t.diagram_no, "N")]
                    {
                        let chosen = answers.known_customer == Some(known);
                        let mark =
                            step_mark(t, checked, chosen, expected.known_customer() == known);
                        if step_button(ui, label, key, chosen, mark).clicked() {
                            push(actions, GuidedAction::AnswerKnownCustomer(known));
                        }
                    }
                });
            });
        });

        let stage = self.session.stage();
        let reveal = |response: egui::Response, when: GuidedStage| {
            if self.requests.reveal_step && stage == Some(when) {
                response.scroll_to_me(None);
            }
        };
        if answers.known_customer == Some(true) {
            let response = step_frame(ui, |ui| {
                step_heading_ui(ui, t, Step::Relation);
                ui.add_enabled_ui(!checked, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for (relation, key) in Relation::ALL.into_iter().zip(NUMBER_KEYS) {
                            let chosen = answers.relation == Some(relation);
                            let right = expected.relation() == Some(relation);
                            let mark = step_mark(t, checked, chosen, right);
                            let label = relation.label(t.lang);
                            if step_button(ui, label, key.name(), chosen, mark).clicked() {
                                push(actions, GuidedAction::AnswerRelation(relation));
                            }
                        }
                    });
                });
            });
            reveal(response, GuidedStage::Step(Step::Relation));
        }

        if let Some(path) = answers.path() {
            let response = step_frame(ui, |ui| {
                ui.strong(t.final_step);
                if !checked {
                    ui.label(fill(
                        t.path_leads_to,
                        &[("type", &path.sale_type().label(t.lang))],
                    ));
                }
                ui.add_space(4.0);
                self.final_answer_ui(ui, t, view.answer_view(), actions);
            });
            reveal(response, GuidedStage::Answer);
        }
        ui.label(RichText::new(t.guided_keys_hint).weak().small());

        if let Some(outcome) = &answer.outcome {
            ui.add_space(10.0);
            self.result_ui(ui, t, s, outcome);
        }
    }

    fn final_answer_ui(&self, ui: &mut Ui, t: &Texts, view: AnswerView, actions: &mut Vec<Action>) {
        let checked = view.answer.is_checked();
        if let Some(pick) = view.type_buttons_ui(ui, t) {
            practice(actions, pick.into());
        }
        ui.add_space(6.0);
        ui.strong(t.which_offer);
        if let Some(pick) = view.offers_ui(ui, t) {
            practice(actions, pick.into());
        }
        ui.add_space(8.0);
        let (label, action, enabled) = if checked {
            (t.next, PracticeAction::Next, true)
        } else {
            (t.check, PracticeAction::Check, self.session.can_check())
        };
        let button = Button::new(RichText::new(label).strong()).min_size(egui::vec2(160.0, 32.0));
        let response = ui
            .add_enabled(enabled, button)
            .on_disabled_hover_text(t.check_disabled_hover);
        if response.clicked() {
            practice(actions, action);
        }
    }

    fn result_ui(&self, ui: &mut Ui, t: &Texts, s: &Scenario, outcome: &Outcome) {
        // The diagnosis comes first: it is what guided practice is for.
        let diagnosis = |ui: &mut Ui| {
            let visuals = ui.visuals().clone();
            ui.add_space(6.0);
            ui.strong(t.your_path);
            match self.session.slip() {
                Some(slip) => {
                    let colour = if outcome.verdict == TypeVerdict::Right {
                        visuals.warn_fg_color
                    } else {
                        visuals.error_fg_color
                    };
                    ui.colored_label(colour, slip.describe(t.lang));
                    if let Some(case) = self.session.edge_case() {
                        edge_case_note_ui(ui, t, case);
                    }
                }
                None => {
                    ui.colored_label(good_color(&visuals), t.path_all_right);
                }
            }
        };
        let response = question::outcome_with_ui(ui, t, t.lang, s.into(), outcome, diagnosis);
        if self.requests.scroll_to_result {
            response.scroll_to_me(Some(Align::Min));
        }
    }
}

/// The edge case behind a slip: its name and ruling, where to read more.
fn edge_case_note_ui(ui: &mut Ui, t: &Texts, case: EdgeCase) {
    let texts = t.edge_case(case);
    ui.add_space(4.0);
    ui.strong(fill(t.guided_edge_case, &[("case", &texts.title)]));
    ui.label(texts.ruling);
    ui.label(RichText::new(t.guided_edge_case_more).weak().small());
}

/// A light frame around one step, so the steps read as a sequence.
fn step_frame(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui)) -> egui::Response {
    let response = egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add_contents(ui);
        })
        .response;
    ui.add_space(6.0);
    response
}

fn step_heading_ui(ui: &mut Ui, t: &Texts, step: Step) {
    ui.label(
        RichText::new(fill(t.step_n, &[("n", &step.number())]))
            .weak()
            .small(),
    );
    ui.strong(step.question(t.lang));
    ui.add_space(2.0);
}

/// The mark on a step's answer button: its key before checking; after checking, the right
/// answer and a wrong choice are marked in words.
fn step_mark<'a>(t: &'a Texts, checked: bool, chosen: bool, right: bool) -> StepMark<'a> {
    match (checked, right, chosen) {
        (false, _, _) => StepMark::Key,
        (true, true, _) => StepMark::Word(t.mark_right, false),
        (true, false, true) => StepMark::Word(t.mark_chosen, true),
        (true, false, false) => StepMark::None,
    }
}

enum StepMark<'a> {
    Key,
    /// A word, and whether it marks an error.
    Word(&'a str, bool),
    None,
}

fn step_button(
    ui: &mut Ui,
    label: &str,
    key: &str,
    selected: bool,
    mark: StepMark<'_>,
) -> egui::Response {
    let visuals = ui.visuals();
    let button = Button::new(RichText::new(label).strong())
        .selected(selected)
        .min_size(egui::vec2(90.0, 30.0));
    let button = match mark {
        StepMark::Key => button.shortcut_text(key.to_owned()),
        StepMark::Word(word, wrong) => {
            button.right_text(RichText::new(format!("· {word}")).strong().color(if wrong {
                visuals.error_fg_color
            } else {
                visuals.strong_text_color()
            }))
        }
        StepMark::None => button,
    };
    ui.add(button)
}
