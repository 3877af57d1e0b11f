//! The report after a quiz: score, pass or fail, time used, accuracy per type, the confusion
//! matrix with the most frequent mistake in words, calibration, and a review of every question.

use egui::{RichText, ScrollArea, Ui};

use crate::domain::bank::Bank;
use crate::domain::language::Language;
use crate::domain::progress::history::Confidence;
use crate::domain::teaching::taxonomy::deciding_difference;
use crate::domain::training::scoring::cue_ranges;
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::quiz::{Finished, QuizCommand, clock_text};
use crate::ui::widgets::question::{self, QuestionView, good_color};
use crate::ui::widgets::{charts, text};

/// Draws a finished quiz's report.
pub struct ReportView<'a> {
    /// The bank the quiz drew from.
    pub bank: &'a Bank,
    /// The submitted quiz with its figures.
    pub done: &'a Finished,
}

impl ReportView<'_> {
    /// Draws the report and pushes actions.
    pub fn ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let r = &self.done.report;
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(1000.0));
                ui.heading(fill(
                    t.report_heading,
                    &[("title", &self.done.attempt.quiz_title)],
                ));
                if self.done.time_up {
                    ui.colored_label(ui.visuals().warn_fg_color, t.quiz_time_up);
                }
                ui.add_space(4.0);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(fill(
                            t.report_score,
                            &[
                                ("points", &r.points),
                                ("max", &r.max_points),
                                ("percent", &format!("{:.0}", r.percent)),
                            ],
                        ))
                        .heading()
                        .strong(),
                    );
                    if let (Some(passed), Some(mark)) = (r.passed, self.done.attempt.pass_percent) {
                        let (word, colour) = if passed {
                            (t.report_passed, good_color(ui.visuals()))
                        } else {
                            (t.report_failed, ui.visuals().error_fg_color)
                        };
                        ui.label(RichText::new(word).heading().strong().color(colour));
                        ui.label(RichText::new(fill(t.report_pass_mark, &[("n", &mark)])).weak());
                    }
                });
                ui.label(fill(
                    t.report_time_used,
                    &[(
                        "time",
                        &clock_text(jiff::SignedDuration::from_secs(r.seconds)),
                    )],
                ));
                if r.unanswered > 0 {
                    ui.label(fill(t.report_unanswered, &[("n", &r.unanswered)]));
                }
                ui.horizontal(|ui| {
                    if ui.button(t.report_again).clicked() {
                        actions.push(Action::Quiz(QuizCommand::Open(
                            self.done.run.quiz().clone(),
                        )));
                    }
                    if ui.button(t.quiz_back).clicked() {
                        actions.push(Action::Quiz(QuizCommand::Leave));
                    }
                });

                ui.separator();
                // Side by side when there is room, so score, chart and matrix fit one screen.
                if ui.available_width() >= TWO_COLUMNS {
                    ui.columns(2, |cols| {
                        self.accuracy_ui(&mut cols[0], t);
                        self.matrix_ui(&mut cols[1], t);
                    });
                } else {
                    self.accuracy_ui(ui, t);
                    ui.add_space(8.0);
                    self.matrix_ui(ui, t);
                }

                if let Some(levels) = r.calibration {
                    ui.add_space(8.0);
                    ui.strong(t.report_calibration);
                    egui::Grid::new("calibration")
                        .num_columns(2)
                        .show(ui, |ui| {
                            for (c, ratio) in Confidence::ALL.iter().zip(levels) {
                                ui.label(confidence_label(t, *c));
                                ui.label(fill(
                                    t.report_calibration_row,
                                    &[("right", &ratio.right), ("total", &ratio.total)],
                                ));
                                ui.end_row();
                            }
                        });
                    let sure_wrong = levels[2].total - levels[2].right;
                    if sure_wrong > 0 {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            fill(t.report_calibration_warning, &[("n", &sure_wrong)]),
                        );
                    }
                }

                ui.separator();
                ui.strong(t.report_review);
                for (k, q) in self.done.run.questions().iter().enumerate() {
                    let Some(s) = self.bank.get(q.scenario) else {
                        continue;
                    };
                    let mark = match &q.answer.outcome {
                        Some(o) => format!("{} / 4", o.score.total()),
                        None => "–".into(),
                    };
                    let title = fill(t.report_question, &[("k", &(k + 1)), ("title", &s.title)]);
                    egui::CollapsingHeader::new(format!("{title}  ({mark})"))
                        .id_salt(("review", k))
                        .show(ui, |ui| match &q.answer.outcome {
                            Some(outcome) => {
                                QuestionView::new(self.bank, s, &q.answer, t.lang).ui(ui, t);
                                question::outcome_ui(ui, t, t.lang, s.into(), outcome);
                            }
                            None => unanswered_ui(ui, t, s, t.lang),
                        });
                }
            });
    }
}

impl ReportView<'_> {
    fn accuracy_ui(&self, ui: &mut Ui, t: &Texts) {
        ui.strong(t.report_by_type);
        charts::accuracy_chart_ui(ui, t, "report_accuracy", &self.done.report.by_type, t.lang);
    }

    fn matrix_ui(&self, ui: &mut Ui, t: &Texts) {
        let matrix = &self.done.report.matrix;
        ui.strong(t.report_matrix);
        charts::confusion_matrix_ui(ui, matrix);
        match matrix.most_frequent() {
            Some(c) => {
                ui.label(
                    RichText::new(fill(
                        t.report_confusion_sentence,
                        &[
                            ("chosen", &c.chosen.norwegian()),
                            ("right", &c.right.norwegian()),
                            ("n", &c.count),
                        ],
                    ))
                    .strong(),
                );
                if let Some(diff) = deciding_difference(c.right, c.chosen, t.lang) {
                    ui.label(diff);
                }
            }
            None => {
                ui.label(t.report_no_confusion);
            }
        }
    }
}

/// From this width the chart and the matrix sit side by side.
const TWO_COLUMNS: f32 = 800.0;

fn unanswered_ui(
    ui: &mut Ui,
    t: &Texts,
    s: &crate::domain::bank::scenario::Scenario,
    lang: Language,
) {
    for (label, body) in [(t.customer, &s.customer), (t.situation, &s.situation)] {
        ui.strong(label);
        ui.label(text::highlighted(ui, body, &cue_ranges(body, &s.cues)));
    }
    ui.label(
        RichText::new(fill(
            t.report_not_answered,
            &[("type", &s.answer.label(lang))],
        ))
        .color(ui.visuals().warn_fg_color),
    );
    ui.strong(t.explanation);
    ui.label(&s.explanation);
    if let Some(best) = s.best_offer() {
        ui.strong(t.best_offer_was);
        ui.label(RichText::new(&best.text).italics());
        ui.label(&best.feedback);
    }
}

fn confidence_label(t: &Texts, c: Confidence) -> &'static str {
    match c {
        Confidence::Low => t.confidence_low,
        Confidence::Medium => t.confidence_medium,
        Confidence::High => t.confidence_high,
    }
}
