//! The application: the state that outlives a screen (the bank, the sessions, the records, the
//! settings, messages for the user), one frame's drawing, and the one place where actions are
//! applied.
//!
//! - `apply.rs`: [`SalgstrenerApp::apply`], every action's effect on the state, tested without a
//!   window in `tests.rs`.
//! - `editor_actions.rs`: the editor's actions, which touch files.
//! - `top_bar.rs`: the tabs, the language and theme switches, and the notices.
//! - `settings.rs`: what is remembered between runs.
//! - `loading.rs`: the bank loading in the background, and opening another scenario folder.
//!
//! What a screen keeps for itself between frames (a scroll request, text being typed) lives in
//! that screen's module as its `…State` ([`PracticeState`], [`LearnState`], …); the app holds
//! them in [`ScreenStates`] and hands each screen its own.

mod apply;
mod editor_actions;
mod loading;
mod settings;
#[cfg(test)]
mod tests;
mod top_bar;

pub use settings::Settings;

use egui::Ui;
use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::domain::bank::loading::BankLoad;
use crate::domain::bank::watch::FolderWatch;
use crate::domain::bank::{Bank, BankSource};
use crate::domain::progress::records::Records;
use crate::domain::teaching::edge_cases;
use crate::domain::teaching::lessons::PathNode;
use crate::domain::training::guided::Guided;
use crate::domain::training::practice::Practice;
use crate::ui::action::{Action, Screen};
use crate::ui::class::ClassState;
use crate::ui::conversations::{ConversationsScreen, ConversationsState};
use crate::ui::editor::{EditorScreen, EditorState};
use crate::ui::guided::{GuidedScreen, GuidedState};
use crate::ui::i18n::texts;
use crate::ui::learn::LearnState;
use crate::ui::loading::{LoadingScreen, OpenFolderPanel};
use crate::ui::practice::{PracticeScreen, PracticeState};
use crate::ui::problems::ProblemsScreen;
use crate::ui::progress::ProgressState;
use crate::ui::quiz::{QuizScreen, QuizStage};
use crate::ui::widgets::path_field;

/// Where the app gets the time; tests fix it.
pub type Clock = Box<dyn Fn() -> Timestamp>;

/// What each screen keeps for itself between frames. The editor's, which is larger, is
/// [`SalgstrenerApp::editor`].
#[derive(Debug, Default)]
pub struct ScreenStates {
    /// The practice screen's.
    pub practice: PracticeState,
    /// Guided practice's.
    pub guided: GuidedState,
    /// The Learn screen's.
    pub learn: LearnState,
    /// The progress screen's.
    pub progress: ProgressState,
    /// The Class screen's.
    pub class: ClassState,
    /// The Conversations screen's: the conversation being played.
    pub conversations: ConversationsState,
}

/// The whole app: what outlives a screen, and which screen is shown.
pub struct SalgstrenerApp {
    // What the trainee works on and keeps.
    bank: Bank,
    practice: Practice,
    guided: Guided,
    quiz: QuizStage,
    records: Records,
    settings: Settings,
    /// Messages for the user, shown above every screen until dismissed.
    notices: Vec<String>,
    // What is shown.
    screen: Screen,
    screens: ScreenStates,
    editor: EditorState,
    // Infrastructure.
    clock: Clock,
    rng: StdRng,
    /// Bumped whenever the bank is replaced, so cached views know to refresh.
    generation: u64,
    watch: Option<FolderWatch>,
    ctx: Option<egui::Context>,
    /// The user chose to close despite unsaved changes.
    close_confirmed: bool,
    /// The bank being loaded in the background, if any.
    loading: Option<loading::Loading>,
    /// The folder loaded again after an edit, in the background: taken over like a bank from
    /// the watch, without showing progress.
    refresh: Option<BankLoad>,
    /// Folders up to this many files are loaded again at once after an edit.
    refresh_at_once: usize,
    open_folder: loading::OpenFolder,
}

impl SalgstrenerApp {
    /// An app over `bank` that keeps no history. `seed` drives the order of scenarios and
    /// offers (fixed in tests).
    pub fn new(bank: Bank, settings: Settings, seed: u64) -> Self {
        let practice = Practice::new(&bank, settings.filter.clone(), seed);
        // Its own order, so that the two tabs do not show the same scenario side by side.
        let guided = Guided::new(&bank, settings.filter.clone(), seed.wrapping_add(1));
        Self {
            bank,
            practice,
            guided,
            quiz: QuizStage::default(),
            records: Records::new(None),
            settings,
            notices: Vec::new(),
            screen: Screen::default(),
            screens: ScreenStates::default(),
            editor: EditorState::default(),
            clock: Box::new(Timestamp::now),
            rng: StdRng::seed_from_u64(seed.wrapping_add(1)),
            generation: 0,
            watch: None,
            ctx: None,
            close_confirmed: false,
            loading: None,
            refresh: None,
            refresh_at_once: loading::REFRESH_AT_ONCE,
            open_folder: loading::OpenFolder::default(),
        }
    }

    /// Loads a folder of more than `files` files again in the background after an edit (the
    /// default is 1,000), so a test can take that path on a small folder.
    pub fn with_refresh_at_once(mut self, files: usize) -> Self {
        self.refresh_at_once = files;
        self
    }

    /// Reloads the bank whenever files in its folder change.
    pub fn with_watch(mut self, watch: FolderWatch) -> Self {
        self.watch = Some(watch);
        self
    }

    /// How many times the bank has been replaced (reloaded) since the app started.
    pub fn bank_generation(&self) -> u64 {
        self.generation
    }

    /// The editor's state.
    pub fn editor(&self) -> &EditorState {
        &self.editor
    }

    /// The editor's state, for tests that type into the open draft.
    pub fn editor_mut(&mut self) -> &mut EditorState {
        &mut self.editor
    }

    /// Swaps in a reloaded bank, keeping every session's place (by scenario id), and
    /// refreshing the open file when it changed on disk and has no unsaved edits.
    pub fn replace_bank(&mut self, bank: Bank) {
        let old = std::mem::replace(&mut self.bank, bank);
        self.practice.rebase(&old, &self.bank);
        self.guided.rebase(&old, &self.bank);
        if let QuizStage::Running { run, .. } = &mut self.quiz {
            run.rebase(&old, &self.bank);
        }
        self.generation += 1;
        self.editor.bank_changed();
        let now = (self.clock)();
        let due = self.records.due_ids(&self.bank, now);
        self.practice.set_due(&self.bank, due);
        self.refresh_open_file();
    }

    /// Uses `clock` for the time (quiz timers, history timestamps).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Keeps the trainee's records: practice draws due scenarios first from now on.
    pub fn with_records(mut self, records: Records) -> Self {
        // Results are exported next to the history unless the trainee types another file.
        if let Some(dir) = records.path().and_then(std::path::Path::parent) {
            self.screens.progress.export_path = dir.join("results.csv").display().to_string();
        }
        self.records = records;
        let now = (self.clock)();
        self.practice
            .set_due(&self.bank, self.records.due_ids(&self.bank, now));
        self
    }

    /// Shows a message to the user until dismissed (for example a history kept aside).
    pub fn with_notice(mut self, notice: String) -> Self {
        self.notices.push(notice);
        self
    }

    /// The trainee's records.
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Where the quiz flow is.
    pub fn quiz_stage(&self) -> &QuizStage {
        &self.quiz
    }

    /// Messages waiting to be dismissed.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// The loaded bank.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The practice session.
    pub fn practice(&self) -> &Practice {
        &self.practice
    }

    /// The Conversations screen's state.
    pub fn conversations(&self) -> &ConversationsState {
        &self.screens.conversations
    }

    /// The guided practice session.
    pub fn guided(&self) -> &Guided {
        &self.guided
    }

    /// The box of the decision path whose explanation the Learn screen shows.
    pub fn explained_node(&self) -> Option<PathNode> {
        self.screens.learn.selected
    }

    /// What each screen keeps between frames.
    pub fn screen_states(&self) -> &ScreenStates {
        &self.screens
    }

    /// The settings to persist.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// What each screen keeps between frames.
    pub fn screens(&self) -> &ScreenStates {
        &self.screens
    }

    /// What each screen keeps between frames, for tests that hand a screen a prepared state
    /// (such as a class report held half-read).
    pub fn screens_mut(&mut self) -> &mut ScreenStates {
        &mut self.screens
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Draws one frame and then applies what the user did in it.
    pub fn ui(&mut self, ui: &mut Ui) {
        let now = (self.clock)();
        self.tick(now);
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
            path_field::set_last_folder(ui.ctx(), self.settings.last_folder.clone());
        }
        self.poll_loading(ui.ctx());
        self.poll_refresh();
        self.screens.class.poll();
        if let Some(bank) = self.watch.as_ref().and_then(FolderWatch::latest) {
            self.replace_bank(bank);
        }
        self.guard_close(ui);
        let mut actions = Vec::new();
        self.top_bar_ui(ui, &mut actions);
        self.notices_ui(ui, &mut actions);
        let lang = self.settings.language;
        if self.open_folder.open {
            let bundled = self.loading_source() == &BankSource::Embedded;
            OpenFolderPanel {
                path: &mut self.open_folder.path,
                error: self.open_folder.error.as_deref(),
                bundled,
            }
            .ui(ui, texts(lang), &mut actions);
        }
        // The Learn screen needs no bank; the others show the progress until it is ready.
        let loading = self
            .loading
            .as_ref()
            .filter(|_| self.screen != Screen::Learn);
        if let Some(loading) = loading {
            LoadingScreen {
                source: loading.load.source(),
                progress: loading.load.progress(),
            }
            .ui(ui, texts(lang));
        } else {
            self.screen_ui(ui, now, &mut actions);
        }
        let last_folder = path_field::last_folder(ui.ctx());
        if last_folder.is_some() && last_folder != self.settings.last_folder {
            self.settings.last_folder = last_folder;
        }
        if let QuizStage::Running { run, .. } = &self.quiz
            && run.quiz().time_limit_minutes.is_some()
        {
            // Keep the countdown moving (and submit on time) without input.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
        if !actions.is_empty() {
            // The frame already drawn shows the old state; draw the new one right away.
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(action, now);
        }
    }

    /// The screen on show.
    fn screen_ui(&mut self, ui: &mut Ui, now: Timestamp, actions: &mut Vec<Action>) {
        let lang = self.settings.language;
        let screens = &mut self.screens;
        match self.screen {
            Screen::Practice => PracticeScreen::take(
                &mut screens.practice,
                &self.bank,
                &self.practice,
            )
            .ui(ui, texts(lang), actions),
            Screen::Quiz => QuizScreen {
                bank: &self.bank,
                stage: &self.quiz,
                now,
            }
            .ui(ui, texts(lang), actions),
            Screen::Progress => {
                screens
                    .progress
                    .screen(&self.records, lang)
                    .ui(ui, texts(lang), actions)
            }
            Screen::Problems => ProblemsScreen { bank: &self.bank }.ui(ui, texts(lang)),
            Screen::Editor => EditorScreen {
                bank: &self.bank,
                generation: self.generation,
                lang,
            }
            .ui(ui, texts(lang), &mut self.editor, actions),
            Screen::Learn => {
                // What each edge case's button would draw.
                let filter = self.practice.filter();
                let bank = &self.bank;
                let edge_counts =
                    screens
                        .learn
                        .edge_counts(self.generation, &filter.languages, || {
                            edge_cases::counts(
                                bank.scenarios()
                                    .iter()
                                    .filter(|s| filter.matches_language(s)),
                            )
                        });
                screens.learn.screen(lang, edge_counts).ui(ui, actions)
            }
            Screen::Class => screens.class.ui(ui, lang, texts(lang), actions),
            Screen::Conversations => ConversationsScreen {
                bank: &self.bank,
                filter: self.practice.filter(),
                state: &screens.conversations,
                feedback_at_end: self.settings.conversation_feedback_at_end,
            }
            .ui(ui, texts(lang), actions),
            Screen::Guided => GuidedScreen::take(&mut screens.guided, &self.bank, &self.guided).ui(
                ui,
                texts(lang),
                actions,
            ),
        }
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
