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

    /// Language and theme switches; `reversed` when laid out right to left, so that they read
    /// in the same order either way.
    fn switches_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>, reversed: bool) {
        let mut languages = Language::ALL.to_vec();
        let mut themes = vec![
            (egui::Theme::Light, t.theme_light),
            (egui::Theme::Dark, t.theme_dark),
        ];
        if reversed {
            languages.reverse();
            themes.reverse();
        }
        let languages_ui = |ui: &mut Ui, actions: &mut Vec<Action>| {
            for lang in languages {
                if ui
                    .selectable_label(self.settings.language == lang, lang.native_name())
                    .on_hover_text(t.language_switch_hover)
                    .clicked()
                {
                    actions.push(Action::SetLanguage(lang));
                }
            }
        };
        let themes_ui = |ui: &mut Ui| {
            let current = ui.ctx().theme();
            for (theme, label) in themes {
                if ui.selectable_label(current == theme, label).clicked() {
                    ui.ctx().set_theme(theme);
                }
            }
        };
        if reversed {
            themes_ui(ui);
            ui.separator();
            languages_ui(ui, actions);
        } else {
            languages_ui(ui, actions);
            ui.separator();
            themes_ui(ui);
        }
    }

    pub(super) fn top_bar_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = texts(self.settings.language);
        egui::Panel::top("top_bar").show(ui, |ui| {
            let wide = ui.available_width() >= WIDE_TOP_BAR;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(t.app_name).heading().strong());
                ui.separator();
                let problems =
                    self.bank.count(Severity::Error) + self.bank.count(Severity::Warning);
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
                if ui
                    .selectable_label(self.open_folder.open, t.open_folder_tab)
                    .on_hover_text(t.open_folder)
                    .clicked()
                {
                    actions.push(Action::Folder(FolderAction::Toggle));
                }
                // Right-align the switches when they fit; in a narrow window they wrap to a
                // second row instead of overlapping the tabs.
                if wide {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.switches_ui(ui, t, actions, true);
                    });
                } else {
                    self.switches_ui(ui, t, actions, false);
                }
            });
        });
    }
}
