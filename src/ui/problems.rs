//! The problems screen: every problem found in the scenario files, file by file.

use egui::{Label, RichText, ScrollArea, Ui};

use crate::domain::bank::Bank;
use crate::domain::bank::problem::Severity;
use crate::ui::i18n::{Texts, fill};

/// Draws the list of problems of a bank.
pub struct ProblemsScreen<'a> {
    /// The loaded bank with its problems.
    pub bank: &'a Bank,
}

impl ProblemsScreen<'_> {
    /// Draws the screen. Only the rows in view are laid out, so a badly broken bank stays fast.
    pub fn ui(&self, ui: &mut Ui, t: &Texts) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(t.problems_heading);
            let problems = self.bank.problems();
            ui.label(fill(
                t.problems_summary,
                &[
                    (
                        "files",
                        &(self.bank.files_checked() + self.bank.conversation_files_checked()),
                    ),
                    ("errors", &self.bank.count(Severity::Error)),
                    ("warnings", &self.bank.count(Severity::Warning)),
                ],
            ));
            if problems.is_empty() {
                ui.add_space(12.0);
                ui.label(t.problems_none);
                return;
            }
            ui.label(RichText::new(t.problems_explain).weak());
            ui.separator();
            let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0
                + ui.spacing().item_spacing.y * 2.0;
            ScrollArea::both().auto_shrink([false, false]).show_rows(
                ui,
                row_height,
                problems.len(),
                |ui, rows| {
                    for problem in &problems[rows] {
                        ui.horizontal(|ui| {
                            let (label, colour) = match problem.severity {
                                Severity::Error => (t.severity_error, ui.visuals().error_fg_color),
                                Severity::Warning => {
                                    (t.severity_warning, ui.visuals().warn_fg_color)
                                }
                            };
                            ui.label(RichText::new(label).color(colour).strong());
                            ui.label(RichText::new(problem.location()).monospace());
                        });
                        let message = t.message(&problem.message);
                        ui.add(Label::new(&message).truncate())
                            .on_hover_text(message);
                    }
                },
            );
        });
    }
}
