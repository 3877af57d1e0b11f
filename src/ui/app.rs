//! The application: top bar, the screen switch, and the one place where actions are applied.

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::domain::bank::Bank;
use crate::domain::guided::{Guided, GuidedAction};
use crate::domain::language::Language;
use crate::domain::lessons::PathNode;
use crate::domain::practice::{Filter, Practice, PracticeAction};
use crate::domain::problem::Severity;
use crate::ui::action::{Action, Screen};
use crate::ui::guided::GuidedScreen;
use crate::ui::i18n::{Texts, fill, texts};
use crate::ui::learn::LearnScreen;
use crate::ui::practice::PracticeScreen;
use crate::ui::problems::ProblemsScreen;

/// From this width the language and theme switches sit right-aligned on the tabs' row.
const WIDE_TOP_BAR: f32 = 720.0;

/// What is remembered between runs (eframe's storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language.
    pub language: Language,
    /// The practice selection.
    pub filter: Filter,
}

impl Default for Settings {
    fn default() -> Self {
        Self::for_language(Language::Nb)
    }
}

impl Settings {
    /// Defaults for a first run in `language`: practise scenarios in the same language.
    pub fn for_language(language: Language) -> Self {
        Self {
            language,
            filter: Filter::for_language(language),
        }
    }
}

/// The whole app state: the bank, the session, the settings and which screen is shown.
pub struct SalgstrenerApp {
    bank: Bank,
    practice: Practice,
    guided: Guided,
    settings: Settings,
    screen: Screen,
    scroll_to_result: bool,
    explained_node: Option<PathNode>,
    scroll_to_explanation: bool,
    reveal_step: bool,
}

impl SalgstrenerApp {
    /// An app over `bank`. `seed` drives the order of scenarios and offers (fixed in tests).
    pub fn new(bank: Bank, settings: Settings, seed: u64) -> Self {
        let practice = Practice::new(&bank, settings.filter.clone(), seed);
        // Its own order, so that the two tabs do not show the same scenario side by side.
        let guided = Guided::new(&bank, settings.filter.clone(), seed.wrapping_add(1));
        Self {
            bank,
            practice,
            guided,
            settings,
            screen: Screen::default(),
            scroll_to_result: false,
            explained_node: None,
            scroll_to_explanation: false,
            reveal_step: false,
        }
    }

    /// The loaded bank.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The practice session.
    pub fn practice(&self) -> &Practice {
        &self.practice
    }

    /// The guided practice session.
    pub fn guided(&self) -> &Guided {
        &self.guided
    }

    /// The box of the decision path whose explanation the Learn screen shows.
    pub fn explained_node(&self) -> Option<PathNode> {
        self.explained_node
    }

    /// The settings to persist.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Draws one frame and then applies what the user did in it.
    pub fn ui(&mut self, ui: &mut Ui) {
        let mut actions = Vec::new();
        self.top_bar_ui(ui, &mut actions);
        let lang = self.settings.language;
        match self.screen {
            Screen::Practice => PracticeScreen {
                bank: &self.bank,
                practice: &self.practice,
                lang,
                scroll_to_result: std::mem::take(&mut self.scroll_to_result),
            }
            .ui(ui, &mut actions),
            Screen::Problems => ProblemsScreen { bank: &self.bank }.ui(ui, texts(lang)),
            Screen::Learn => LearnScreen {
                lang,
                selected: self.explained_node,
                scroll_to_explanation: std::mem::take(&mut self.scroll_to_explanation),
            }
            .ui(ui, &mut actions),
            Screen::Guided => GuidedScreen {
                bank: &self.bank,
                guided: &self.guided,
                lang,
                scroll_to_result: std::mem::take(&mut self.scroll_to_result),
                reveal_step: std::mem::take(&mut self.reveal_step),
            }
            .ui(ui, &mut actions),
        }
        if !actions.is_empty() {
            // The frame already drawn shows the old state; draw the new one right away.
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(action);
        }
    }

    /// Applies one action to the state.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Practice(action) => {
                self.scroll_to_result = action == PracticeAction::Check;
                if let PracticeAction::SetFilter(filter) = &action {
                    // Guided practice draws from the same selection.
                    let follow = PracticeAction::SetFilter(filter.clone());
                    self.guided
                        .apply(&self.bank, GuidedAction::Practice(follow));
                }
                self.practice.apply(&self.bank, action);
                self.settings.filter = self.practice.filter().clone();
            }
            Action::Show(screen) => self.screen = screen,
            Action::SetLanguage(language) => self.settings.language = language,
            Action::ExplainNode(node) => {
                self.explained_node = Some(node);
                // In a narrow window the explanation is below the fold.
                self.scroll_to_explanation = true;
            }
            Action::Guided(action) => {
                self.scroll_to_result = action == GuidedAction::Practice(PracticeAction::Check);
                self.reveal_step = matches!(
                    action,
                    GuidedAction::AnswerKnownCustomer(_) | GuidedAction::AnswerRelation(_)
                );
                self.guided.apply(&self.bank, action);
            }
        }
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

    fn top_bar_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
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
                    (Screen::Problems, fill(t.tab_problems, &[("n", &problems)])),
                ];
                for (screen, label) in tabs {
                    if ui.selectable_label(self.screen == screen, label).clicked() {
                        actions.push(Action::Show(screen));
                    }
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

impl eframe::App for SalgstrenerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        SalgstrenerApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
