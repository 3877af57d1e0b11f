//! The quiz screens: choosing a quiz, its start page, taking it, and the submit confirmation.
//! The report after submitting is in [`crate::ui::report`].

use egui::{Button, Key, Modifiers, RichText, ScrollArea, Ui};
use jiff::{SignedDuration, Timestamp};

use crate::domain::bank::Bank;
use crate::domain::progress::history::{Attempt, Confidence};
use crate::domain::progress::stats::Report;
use crate::domain::training::quiz::{FeedbackTiming, Quiz, QuizAction, QuizRun};
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::report::ReportView;
use crate::ui::widgets::layout;
use crate::ui::widgets::question::{self, AnswerKey, QuestionView};

/// Where the trainee is in the quiz flow.
#[derive(Clone, Debug, Default)]
pub enum QuizStage {
    /// Choosing a quiz.
    #[default]
    List,
    /// The start page of a chosen quiz.
    Ready {
        /// The quiz.
        quiz: Quiz,
        /// How many scenarios its selection matches, counted when it was opened (the start
        /// page shows it every frame, and counting looks at the whole bank).
        available: usize,
    },
    /// Taking it.
    Running {
        /// The attempt in progress.
        run: QuizRun,
        /// The "submit with unanswered questions?" question is showing.
        confirm_submit: bool,
    },
    /// Submitted: the report.
    Report(Box<Finished>),
}

/// A submitted quiz with what the report shows.
#[derive(Clone, Debug)]
pub struct Finished {
    /// The submitted run, for the review.
    pub run: QuizRun,
    /// What was saved in the history.
    pub attempt: Attempt,
    /// Figures computed once at submission.
    pub report: Report,
    /// True when the clock submitted it.
    pub time_up: bool,
}

/// What the quiz screens ask the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizCommand {
    /// Show the start page of a quiz.
    Open(Quiz),
    /// Draw the questions and start.
    Start,
    /// An action inside the running quiz.
    Run(QuizAction),
    /// Submit, asking first when questions are unanswered.
    AskSubmit,
    /// Close the submit question and keep going.
    CancelSubmit,
    /// Back to the list of quizzes.
    Leave,
}

/// Draws the quiz flow for the current stage.
pub struct QuizScreen<'a> {
    /// The loaded bank with its quizzes.
    pub bank: &'a Bank,
    /// Where the trainee is.
    pub stage: &'a QuizStage,
    /// The current time, for the countdown.
    pub now: Timestamp,
}

impl QuizScreen<'_> {
    /// Draws the screen and pushes actions.
    pub fn ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        egui::CentralPanel::default().show(ui, |ui| match self.stage {
            QuizStage::List => self.list_ui(ui, t, actions),
            QuizStage::Ready { quiz, available } => {
                self.ready_ui(ui, t, quiz, *available, actions);
            }
            QuizStage::Running {
                run,
                confirm_submit,
            } => self.running_ui(ui, t, run, *confirm_submit, actions),
            QuizStage::Report(done) => ReportView {
                bank: self.bank,
                done,
            }
            .ui(ui, t, actions),
        });
    }

    fn list_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        layout::text_column(ui, ScrollArea::vertical(), |ui| {
            ui.heading(t.quiz_list_heading);
            ui.add_space(6.0);
            let (mine, others): (Vec<&Quiz>, Vec<&Quiz>) = self
                .bank
                .quizzes()
                .iter()
                .partition(|q| q.language == t.lang);
            if mine.is_empty() {
                ui.label(t.quiz_none_in_language);
                self.quiz_row_ui(ui, t, &Quiz::quick(t.lang), actions);
            }
            for quiz in mine {
                self.quiz_row_ui(ui, t, quiz, actions);
            }
            if !others.is_empty() {
                ui.add_space(8.0);
                egui::CollapsingHeader::new(t.quiz_other_language)
                    .id_salt("quizzes_other_language")
                    .show(ui, |ui| {
                        for quiz in others {
                            self.quiz_row_ui(ui, t, quiz, actions);
                        }
                    });
            }
        });
    }

    fn quiz_row_ui(&self, ui: &mut Ui, t: &Texts, quiz: &Quiz, actions: &mut Vec<Action>) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = Button::new(RichText::new(&quiz.title).strong().size(16.0)).frame(false);
            if ui.add(title).clicked() {
                actions.push(Action::Quiz(QuizCommand::Open(quiz.clone())));
            }
            ui.label(RichText::new(summary_line(t, quiz)).weak());
        });
    }

    fn ready_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        quiz: &Quiz,
        available: usize,
        actions: &mut Vec<Action>,
    ) {
        layout::text_column(ui, ScrollArea::vertical(), |ui| {
            ui.heading(&quiz.title);
            ui.add_space(6.0);
            let questions = quiz.questions.min(available);
            for line in [
                fill(t.quiz_questions, &[("n", &questions)]),
                match quiz.time_limit_minutes {
                    Some(n) => fill(t.quiz_limit, &[("n", &n)]),
                    None => t.quiz_no_limit.to_owned(),
                },
                fill(t.quiz_pass_mark, &[("n", &quiz.pass_percent)]),
                match quiz.feedback {
                    FeedbackTiming::AfterEach => t.quiz_feedback_after_each.to_owned(),
                    FeedbackTiming::AtEnd => t.quiz_feedback_at_end.to_owned(),
                },
            ] {
                ui.label(format!("• {line}"));
            }
            for (on, text) in [
                (quiz.ask_confidence, t.quiz_confidence_asked),
                (quiz.seed.is_some(), t.quiz_same_for_all),
                (!quiz.partial_credit, t.quiz_only_full_points),
            ] {
                if on {
                    ui.label(format!("• {text}"));
                }
            }
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                let start = Button::new(RichText::new(t.quiz_start).strong())
                    .min_size(egui::vec2(160.0, 32.0));
                if ui.add_enabled(questions > 0, start).clicked() {
                    actions.push(Action::Quiz(QuizCommand::Start));
                }
                if ui.button(t.quiz_back).clicked() {
                    actions.push(Action::Quiz(QuizCommand::Leave));
                }
            });
        });
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            actions.push(Action::Quiz(QuizCommand::Start));
        }
    }

    fn running_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        run: &QuizRun,
        confirm_submit: bool,
        actions: &mut Vec<Action>,
    ) {
        let quiz = run.quiz();
        let n = run.questions().len();
        let k = run.current_index();
        let ask = quiz.ask_confidence;
        let push = |actions: &mut Vec<Action>, a: QuizAction| {
            actions.push(Action::Quiz(QuizCommand::Run(a)))
        };

        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&quiz.title).strong());
            ui.separator();
            ui.label(fill(t.quiz_question_of, &[("k", &(k + 1)), ("n", &n)]));
            ui.separator();
            ui.label(fill(
                t.quiz_answered_count,
                &[("n", &run.answered()), ("total", &n)],
            ));
            let without = run.without_confidence();
            if without > 0 {
                ui.label(fill(t.quiz_without_confidence_count, &[("n", &without)]));
            }
            if let Some(left) = run.time_left(self.now) {
                ui.separator();
                let text = fill(t.quiz_time_left, &[("time", &clock_text(left))]);
                let colour = if left.as_secs() < 60 {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().strong_text_color()
                };
                ui.label(RichText::new(text).color(colour).strong().monospace());
            }
        });
        // One button per question: answered ones filled, flagged ones marked, the current one selected.
        ui.horizontal_wrapped(|ui| {
            for (i, q) in run.questions().iter().enumerate() {
                let mut label = (i + 1).to_string();
                if q.flagged {
                    label.push('*');
                }
                let mut text = RichText::new(label).monospace();
                if q.has_choice() {
                    text = text.strong();
                } else {
                    text = text.weak();
                }
                let button = Button::new(text)
                    .selected(i == k)
                    .min_size(egui::vec2(30.0, 24.0));
                if ui
                    .add(button)
                    .on_hover_text(fill(t.quiz_go_to, &[("k", &(i + 1))]))
                    .clicked()
                {
                    push(actions, QuizAction::GoTo(i));
                }
            }
        });
        ui.separator();

        let Some(q) = run.current() else {
            return;
        };
        let Some(s) = self.bank.get(q.scenario) else {
            return;
        };
        let after_each = quiz.feedback == FeedbackTiming::AfterEach;
        layout::text_column(ui, ScrollArea::vertical(), |ui| {
            let view = QuestionView::new(self.bank, s, &q.answer, t.lang);
            for pick in view.ui(ui, t) {
                push(actions, pick.into());
            }
            let locked = q.answer.is_checked();
            if ask {
                ui.add_space(8.0);
                ui.strong(t.confidence_question);
                ui.add_enabled_ui(!locked, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for c in Confidence::ALL {
                            let label = match c {
                                Confidence::Low => t.confidence_low,
                                Confidence::Medium => t.confidence_medium,
                                Confidence::High => t.confidence_high,
                            };
                            if ui
                                .selectable_label(q.confidence == Some(c), label)
                                .clicked()
                            {
                                push(actions, QuizAction::ChooseConfidence(c));
                            }
                        }
                    });
                });
            }
            ui.add_space(10.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(k > 0, Button::new(t.quiz_previous))
                    .clicked()
                {
                    push(actions, QuizAction::Previous);
                }
                if after_each && !locked {
                    let check = Button::new(RichText::new(t.check).strong());
                    if ui
                        .add_enabled(q.is_answered(ask), check)
                        .on_disabled_hover_text(t.check_disabled_hover)
                        .clicked()
                    {
                        push(actions, QuizAction::CheckCurrent);
                    }
                }
                if ui
                    .add_enabled(k + 1 < n, Button::new(t.quiz_next))
                    .clicked()
                {
                    push(actions, QuizAction::Next);
                }
                let flag = if q.flagged {
                    t.quiz_unflag
                } else {
                    t.quiz_flag
                };
                if ui.button(flag).clicked() {
                    push(actions, QuizAction::ToggleFlag);
                }
                if ui.button(RichText::new(t.quiz_submit).strong()).clicked() {
                    actions.push(Action::Quiz(QuizCommand::AskSubmit));
                }
            });
            let hint = if ask {
                t.quiz_nav_hint_confidence
            } else {
                t.quiz_nav_hint
            };
            ui.label(RichText::new(hint).weak().small());
            if let Some(outcome) = &q.answer.outcome {
                ui.add_space(10.0);
                question::outcome_ui(ui, t, t.lang, s.into(), outcome);
            }
        });

        if confirm_submit {
            self.confirm_ui(ui, t, n - run.answered(), run.without_confidence(), actions);
        } else if !ui.ctx().text_edit_focused() {
            ui.input_mut(|i| {
                if ask {
                    for (key, c) in CONFIDENCE_KEYS {
                        if i.consume_key(Modifiers::NONE, key) {
                            push(actions, QuizAction::ChooseConfidence(c));
                        }
                    }
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                    push(actions, QuizAction::Next);
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                    push(actions, QuizAction::Previous);
                }
            });
            for key in question::answer_keys(ui, &q.answer) {
                push(
                    actions,
                    match key {
                        AnswerKey::Pick(pick) => pick.into(),
                        AnswerKey::Enter
                            if after_each && !q.answer.is_checked() && q.is_answered(ask) =>
                        {
                            QuizAction::CheckCurrent
                        }
                        AnswerKey::Enter => QuizAction::Next,
                    },
                );
            }
        }
    }

    fn confirm_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        unanswered: usize,
        without_confidence: usize,
        actions: &mut Vec<Action>,
    ) {
        let modal = egui::Modal::new(egui::Id::unique("confirm_submit")).show(ui.ctx(), |ui| {
            ui.set_max_width(360.0);
            ui.heading(t.quiz_confirm_heading);
            if unanswered > 0 {
                ui.label(fill(t.quiz_confirm_unanswered, &[("n", &unanswered)]));
            }
            if without_confidence > 0 {
                ui.label(fill(
                    t.quiz_confirm_without_confidence,
                    &[("n", &without_confidence)],
                ));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(t.quiz_confirm_yes).strong())
                    .clicked()
                {
                    actions.push(Action::Quiz(QuizCommand::Run(QuizAction::Submit)));
                }
                if ui.button(t.quiz_confirm_no).clicked() {
                    actions.push(Action::Quiz(QuizCommand::CancelSubmit));
                }
            });
        });
        if modal.should_close() {
            actions.push(Action::Quiz(QuizCommand::CancelSubmit));
        }
    }
}

/// Keys that state a confidence, low to high: a row of their own beside the sale types'
/// 1-5, the same in both languages.
const CONFIDENCE_KEYS: [(Key, Confidence); 3] = [
    (Key::Num7, Confidence::Low),
    (Key::Num8, Confidence::Medium),
    (Key::Num9, Confidence::High),
];

/// One line describing a quiz in the list.
fn summary_line(t: &Texts, quiz: &Quiz) -> String {
    let mut parts = vec![fill(t.quiz_questions, &[("n", &quiz.questions)])];
    parts.push(match quiz.time_limit_minutes {
        Some(n) => fill(t.quiz_limit, &[("n", &n)]),
        None => t.quiz_no_limit.to_owned(),
    });
    parts.push(fill(t.quiz_pass_mark, &[("n", &quiz.pass_percent)]));
    parts.join(" · ")
}

/// `m:ss` (or `h:mm:ss`) for a countdown or a time used.
pub fn clock_text(d: SignedDuration) -> String {
    let secs = d.as_secs().max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}
