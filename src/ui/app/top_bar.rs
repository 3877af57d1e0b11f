//! The bar above every screen (the tabs, the language and theme switches) and the notices under
//! it.

use egui::{RichText, Ui};

use super::SalgstrenerApp;
use crate::domain::bank::problem::Severity;
use crate::domain::language::Language;
use crate::ui::action::{Action, Screen};
use crate::ui::i18n::{Texts, fill, texts};
use crate::ui::loading::FolderAction;

/// From this width the language and theme switches sit right-aligned on the tabs' row.
const WIDE_TOP_BAR: f32 = 720.0;

impl SalgstrenerApp {
    pub(super) fn notices_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if self.notices.is_empty() {
            return;
        }
        let t = texts(self.settings.language);
        egui::Panel::top("notices").show(ui, |ui| {
            for (i, notice) in self.notices.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, notice);
                    if ui.button(t.dismiss).clicked() {
                        actions.push(Action::DismissNotice(i));
                    }
                });
            }
        });
    }

    /// The language switch, the theme switch and the folder button: compact, so that they
    /// share the tabs' row at the default window size. `reversed` when laid out right to left,
    /// so that they read in the same order either way.
    fn switches_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>, reversed: bool) {
        let languages_ui = |ui: &mut Ui, actions: &mut Vec<Action>| {
            let mut languages = Language::ALL.to_vec();
            if reversed {
                languages.reverse();
            }
            for lang in languages {
                if ui
                    .selectable_label(self.settings.language == lang, lang.short_name())
                    .on_hover_text(format!(
                        "{} – {}",
                        lang.native_name(),
                        t.language_switch_hover
                    ))
                    .clicked()
                {
                    actions.push(Action::SetLanguage(lang));
                }
            }
        };
        // One button named after the theme a click switches to: two labels would not leave
        // the tabs room on one row at the default window size.
        let theme_ui = |ui: &mut Ui| {
            let (next, label) = match ui.ctx().theme() {
                egui::Theme::Dark => (egui::Theme::Light, t.theme_light),
                egui::Theme::Light => (egui::Theme::Dark, t.theme_dark),
            };
            if ui
                .button(label)
                .on_hover_text(t.theme_switch_hover)
                .clicked()
            {
                ui.ctx().set_theme(next);
            }
        };
        let folder_ui = |ui: &mut Ui, actions: &mut Vec<Action>| {
            if ui
                .selectable_label(self.open_folder.open, t.open_folder_tab)
                .on_hover_text(t.open_folder)
                .clicked()
            {
                actions.push(Action::Folder(FolderAction::Toggle));
            }
        };
        if reversed {
            folder_ui(ui, actions);
            ui.separator();
            theme_ui(ui);
            languages_ui(ui, actions);
        } else {
            languages_ui(ui, actions);
            theme_ui(ui);
            ui.separator();
            folder_ui(ui, actions);
        }
    }

    fn tabs_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.label(RichText::new(t.app_name).heading().strong());
        ui.separator();
        let problems = self.bank.count(Severity::Error) + self.bank.count(Severity::Warning);
        let tabs = [
            (Screen::Learn, t.tab_learn.to_owned()),
            (Screen::Practice, t.tab_practice.to_owned()),
            (Screen::Guided, t.tab_guided.to_owned()),
            (Screen::Conversations, t.tab_conversations.to_owned()),
            (Screen::Quiz, t.tab_quiz.to_owned()),
            (Screen::Progress, t.tab_progress.to_owned()),
            (Screen::Editor, t.tab_editor.to_owned()),
            (Screen::Class, t.tab_class.to_owned()),
            (Screen::Problems, fill(t.tab_problems, &[("n", &problems)])),
        ];
        for (screen, label) in tabs {
            if ui.selectable_label(self.screen == screen, label).clicked() {
                actions.push(Action::Show(screen));
            }
        }
    }

    pub(super) fn top_bar_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = texts(self.settings.language);
        egui::Panel::top("top_bar").show(ui, |ui| {
            if ui.available_width() >= WIDE_TOP_BAR {
                // The switches keep their place on the right; the tabs take what is left and
                // wrap to a second row rather than run under the switches.
                let mut switched = Vec::new();
                egui::containers::Sides::new().shrink_left().show(
                    ui,
                    |ui| ui.horizontal_wrapped(|ui| self.tabs_ui(ui, t, actions)),
                    |ui| self.switches_ui(ui, t, &mut switched, true),
                );
                actions.extend(switched);
            } else {
                ui.horizontal_wrapped(|ui| {
                    self.tabs_ui(ui, t, actions);
                    ui.separator();
                    self.switches_ui(ui, t, actions, false);
                });
            }
        });
    }
}
