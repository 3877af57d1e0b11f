//! The bank's loading progress, and the panel that opens another scenario folder.

use egui::{ProgressBar, RichText, Ui};

use crate::domain::bank::BankSource;
use crate::domain::bank::loading::ProgressSnapshot;
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::path_field::{self, PathField, Pick};

/// What the "open another scenario folder" panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FolderAction {
    /// Show or hide the panel.
    Toggle,
    /// Open the folder typed (or picked) in the panel.
    OpenTyped,
    /// Go back to the bundled scenarios.
    OpenBundled,
}

/// Shown in place of a screen that needs the bank while it loads.
pub struct LoadingScreen<'a> {
    /// What is loading.
    pub source: &'a BankSource,
    /// The counters now.
    pub progress: ProgressSnapshot,
}

impl LoadingScreen<'_> {
    /// Draws the progress; the app redraws it a few times a second while it loads.
    pub fn ui(&self, ui: &mut Ui, t: &Texts) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.heading(t.loading_heading);
                let source = match self.source {
                    BankSource::Embedded => t.source_bundled.to_owned(),
                    source => source.describe(),
                };
                ui.label(RichText::new(fill(t.loading_source, &[("source", &source)])).weak());
                ui.add_space(12.0);
                let p = self.progress;
                let line = if p.files_total == 0 {
                    t.loading_listing.to_owned()
                } else {
                    fill(
                        t.loading_files,
                        &[("read", &p.files_read), ("total", &p.files_total)],
                    )
                };
                if p.files_total == 0 {
                    ui.spinner();
                } else {
                    // No animation: the window redraws the counters a few times a second.
                    ui.add(
                        ProgressBar::new(p.fraction())
                            .desired_width(ui.available_width().min(420.0)),
                    );
                }
                ui.label(line);
                if p.problems > 0 {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        fill(t.loading_problems, &[("n", &p.problems)]),
                    );
                }
            });
        });
    }
}

/// Opens another scenario folder from the app.
pub struct OpenFolderPanel<'a> {
    /// The folder typed or picked.
    pub path: &'a mut String,
    /// Why the last folder could not be opened.
    pub error: Option<&'a str>,
    /// The bundled scenarios are open now.
    pub bundled: bool,
}

impl OpenFolderPanel<'_> {
    /// Draws the panel under the top bar.
    pub fn ui(self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        egui::Panel::top("open_folder").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(t.open_folder_path);
                let field = PathField::new(self.path, "open_folder", Pick::Folder, t)
                    .width(360.0)
                    .show(ui, label.id, t);
                let typed = !self.path.trim().is_empty();
                if path_field::submit_button(ui, &field, typed, t.open_folder_button) {
                    actions.push(Action::Folder(FolderAction::OpenTyped));
                }
                if !self.bundled && ui.button(t.open_folder_bundled).clicked() {
                    actions.push(Action::Folder(FolderAction::OpenBundled));
                }
            });
            if let Some(error) = self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        });
    }
}
