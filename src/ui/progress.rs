//! The progress screen: quiz scores over time, accuracy per sale type across every answer, and
//! the trainee's most frequent confusions with a way to practise exactly those.
//!
//! [`ProgressState`] is what the screen keeps between frames (the export file typed in).

use egui::{RichText, ScrollArea, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

use crate::domain::language::Language;
use crate::domain::progress::records::Records;
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::charts;
use crate::ui::widgets::path_field::{PathField, Pick};

/// Colours for the quiz lines, in order; sale-type colours are kept for sale types.
const SERIES_COLOURS: [egui::Color32; 6] = [
    egui::Color32::from_rgb(70, 140, 230),
    egui::Color32::from_rgb(230, 130, 40),
    egui::Color32::from_rgb(60, 170, 90),
    egui::Color32::from_rgb(200, 70, 150),
    egui::Color32::from_rgb(130, 110, 220),
    egui::Color32::from_rgb(150, 150, 60),
];

/// What the progress screen keeps between frames.
#[derive(Debug, Default)]
pub struct ProgressState {
    /// Where to export the history as CSV, as typed.
    pub export_path: String,
    /// The outcome of the last export: success, and the message.
    pub export_message: Option<(bool, String)>,
}

impl ProgressState {
    /// The screen for one frame.
    pub fn screen<'a>(&'a mut self, records: &'a Records, lang: Language) -> ProgressScreen<'a> {
        ProgressScreen {
            records,
            lang,
            export_path: &mut self.export_path,
            export_message: self.export_message.as_ref(),
        }
    }
}

/// Draws the trainee's progress.
pub struct ProgressScreen<'a> {
    /// History and figures derived from it.
    pub records: &'a Records,
    /// Interface language.
    pub lang: Language,
    /// Where to export the history as CSV (edited in place).
    pub export_path: &'a mut String,
    /// The outcome of the last export.
    pub export_message: Option<&'a (bool, String)>,
}

impl ProgressScreen<'_> {
    /// Draws the screen and pushes actions.
    pub fn ui(&mut self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(820.0));
                    self.contents_ui(ui, t, actions);
                });
        });
    }

    fn contents_ui(&mut self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let p = self.records.progress();
        ui.heading(t.progress_heading);
        match self.records.path() {
            Some(path) => ui.label(
                RichText::new(fill(t.progress_history_file, &[("path", &path.display())]))
                    .weak()
                    .small(),
            ),
            None => ui.label(RichText::new(t.progress_no_history_file).weak().small()),
        };
        if p.answers == 0 && p.conversations.played == 0 {
            ui.add_space(12.0);
            ui.label(t.progress_empty);
            return;
        }
        ui.label(fill(
            t.progress_summary,
            &[("answers", &p.answers), ("quizzes", &p.quiz_attempts)],
        ));
        let c = p.conversations;
        if c.played > 0 {
            ui.label(fill(
                t.progress_conversations,
                &[
                    ("played", &c.played),
                    ("left", &c.left),
                    ("points", &c.reply_points),
                    ("best", &c.best_points),
                    ("missed", &c.missed_facts),
                ],
            ));
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t.progress_export_path);
            PathField::new(self.export_path, "results_csv", Pick::SaveFile(&["csv"]), t)
                .width(320.0)
                .show(ui, label.id, t);
            let enabled = !self.export_path.trim().is_empty();
            if ui
                .add_enabled(enabled, egui::Button::new(t.progress_export))
                .clicked()
            {
                actions.push(Action::ExportResults);
            }
        });
        if let Some((ok, text)) = self.export_message {
            crate::ui::widgets::question::outcome_label(ui, *ok, text);
        }

        if !p.series.is_empty() {
            ui.add_space(8.0);
            ui.strong(t.progress_scores);
            let all_days: Vec<f64> = p
                .series
                .values()
                .flat_map(|(_, points)| points.iter().map(|(at, _)| days(*at)))
                .collect();
            let first = all_days.iter().copied().fold(f64::INFINITY, f64::min);
            let last = all_days.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            Plot::new("progress_scores")
                .height(200.0)
                // At least a week wide, so a single attempt does not fill the axis with dates.
                .include_x(first - 1.0)
                .include_x(last.max(first + 6.0) + 1.0)
                .include_y(0.0)
                .include_y(100.0)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .legend(Legend::default())
                .x_axis_formatter(|mark, _| day_label(mark.value))
                .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
                .show(ui, |plot| {
                    for (i, (title, points)) in p.series.values().enumerate() {
                        let colour = SERIES_COLOURS[i % SERIES_COLOURS.len()];
                        let xy: Vec<[f64; 2]> = points
                            .iter()
                            .map(|(at, percent)| [days(*at), *percent])
                            .collect();
                        plot.line(
                            Line::new(title.clone(), PlotPoints::new(xy.clone())).color(colour),
                        );
                        plot.points(
                            Points::new(title.clone(), PlotPoints::new(xy))
                                .color(colour)
                                .radius(3.0),
                        );
                    }
                });
        }

        ui.add_space(8.0);
        ui.strong(t.progress_by_type);
        charts::accuracy_chart_ui(ui, t, "progress_accuracy", &p.by_type, self.lang);

        ui.add_space(8.0);
        ui.strong(t.progress_confusions);
        let confusions = p.matrix.confusions();
        if confusions.is_empty() {
            ui.label(t.report_no_confusion);
        }
        for c in confusions.iter().take(3) {
            ui.horizontal_wrapped(|ui| {
                ui.label(fill(
                    t.progress_confusion_row,
                    &[
                        ("right", &c.right.norwegian()),
                        ("chosen", &c.chosen.norwegian()),
                        ("n", &c.count),
                    ],
                ));
                let label = format!(
                    "{}: {} + {}",
                    t.progress_practice_pair,
                    c.right.norwegian(),
                    c.chosen.norwegian()
                );
                if ui.button(label).clicked() {
                    actions.push(Action::PracticePair(c.right, c.chosen));
                }
            });
        }
    }
}

fn days(at: jiff::Timestamp) -> f64 {
    at.as_second() as f64 / 86_400.0
}

/// Axis labels as dates; only whole days get one.
fn day_label(value: f64) -> String {
    if (value - value.round()).abs() > 1e-6 {
        return String::new();
    }
    jiff::Timestamp::from_second((value.round() * 86_400.0) as i64)
        .map(|t| t.strftime("%d.%m.").to_string())
        .unwrap_or_default()
}
