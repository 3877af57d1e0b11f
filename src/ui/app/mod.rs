//! The application: top bar, the screen switch, and the one place where actions are applied.
//! The editor's actions, which touch files, are applied in [`editor_actions`].

mod editor_actions;

use egui::{RichText, Ui};
use jiff::Timestamp;
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::domain::bank::Bank;
use crate::domain::bank::problem::Severity;
use crate::domain::bank::watch::FolderWatch;
use crate::domain::language::Language;
use crate::domain::progress::history::new_registration;
use crate::domain::progress::records::Records;
use crate::domain::progress::stats::Report;
use crate::domain::teaching::lessons::PathNode;
use crate::domain::training::guided::{Guided, GuidedAction};
use crate::domain::training::practice::{Filter, Practice, PracticeAction};
use crate::domain::training::quiz::{QuizAction, QuizRun};
use crate::domain::training::talk::Talk;
use crate::ui::action::{Action, Screen};
use crate::ui::conversations::{ConversationCommand, ConversationsScreen, ConversationsState};
use crate::ui::editor::{EditorScreen, EditorState};
use crate::ui::guided::GuidedScreen;
use crate::ui::i18n::{Texts, fill, texts};
use crate::ui::learn::LearnScreen;
use crate::ui::practice::PracticeScreen;
use crate::ui::problems::ProblemsScreen;
use crate::ui::progress::ProgressScreen;
use crate::ui::quiz::{Finished, QuizCommand, QuizScreen, QuizStage};

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
    /// A scenario folder the instructor made (by copying the bundled bank), opened when no
    /// other folder is given.
    pub scenario_folder: Option<std::path::PathBuf>,
    /// Conversations show the feedback on each reply only in the result.
    pub conversation_feedback_at_end: bool,
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
            scenario_folder: None,
            conversation_feedback_at_end: false,
        }
    }
}

/// Where the app gets the time; tests fix it.
pub type Clock = Box<dyn Fn() -> Timestamp>;

/// The whole app state: the bank, the sessions, the records, the settings and which screen is
/// shown.
pub struct SalgstrenerApp {
    bank: Bank,
    practice: Practice,
    guided: Guided,
    settings: Settings,
    screen: Screen,
    scroll_to_result: bool,
    records: Records,
    quiz: QuizStage,
    notices: Vec<String>,
    clock: Clock,
    rng: StdRng,
    explained_node: Option<PathNode>,
    scroll_to_explanation: bool,
    reveal_step: bool,
    editor: EditorState,
    /// Bumped whenever the bank is replaced, so cached views know to refresh.
    generation: u64,
    watch: Option<FolderWatch>,
    ctx: Option<egui::Context>,
    /// The user chose to close despite unsaved changes.
    close_confirmed: bool,
    results_path: String,
    results_message: Option<(bool, String)>,
    conversations: ConversationsState,
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
            settings,
            screen: Screen::default(),
            scroll_to_result: false,
            records: Records::new(None),
            quiz: QuizStage::default(),
            notices: Vec::new(),
            clock: Box::new(Timestamp::now),
            rng: StdRng::seed_from_u64(seed.wrapping_add(1)),
            explained_node: None,
            scroll_to_explanation: false,
            reveal_step: false,
            editor: EditorState::default(),
            generation: 0,
            watch: None,
            ctx: None,
            close_confirmed: false,
            results_path: String::new(),
            results_message: None,
            conversations: ConversationsState::default(),
        }
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
            self.results_path = dir.join("results.csv").display().to_string();
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
        &self.conversations
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
        let now = (self.clock)();
        self.tick(now);
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        if let Some(bank) = self.watch.as_ref().and_then(FolderWatch::latest) {
            self.replace_bank(bank);
        }
        self.guard_close(ui);
        let mut actions = Vec::new();
        self.top_bar_ui(ui, &mut actions);
        self.notices_ui(ui, &mut actions);
        let lang = self.settings.language;
        match self.screen {
            Screen::Practice => PracticeScreen {
                bank: &self.bank,
                practice: &self.practice,
                lang,
                scroll_to_result: std::mem::take(&mut self.scroll_to_result),
            }
            .ui(ui, &mut actions),
            Screen::Quiz => QuizScreen {
                bank: &self.bank,
                stage: &self.quiz,
                lang,
                now,
            }
            .ui(ui, &mut actions),
            Screen::Progress => ProgressScreen {
                records: &self.records,
                lang,
                export_path: &mut self.results_path,
                export_message: self.results_message.as_ref(),
            }
            .ui(ui, texts(lang), &mut actions),
            Screen::Problems => ProblemsScreen { bank: &self.bank }.ui(ui, texts(lang)),
            Screen::Editor => EditorScreen {
                bank: &self.bank,
                generation: self.generation,
                lang,
            }
            .ui(ui, texts(lang), &mut self.editor, &mut actions),
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
            Screen::Conversations => ConversationsScreen {
                bank: &self.bank,
                filter: self.practice.filter(),
                state: &self.conversations,
                feedback_at_end: self.settings.conversation_feedback_at_end,
                lang,
            }
            .ui(ui, &mut actions),
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

    /// Submits a running quiz whose time is up.
    fn tick(&mut self, now: Timestamp) {
        if let QuizStage::Running { run, .. } = &mut self.quiz
            && run.tick(&self.bank, now)
        {
            self.finish_quiz(true);
        }
    }

    /// Applies one action to the state at time `now`.
    pub fn apply(&mut self, action: Action, now: Timestamp) {
        match action {
            Action::Practice(action) => {
                let check = action == PracticeAction::Check;
                self.scroll_to_result = check;
                let was_checked = self.practice.question().is_some_and(|q| q.is_checked());
                if let PracticeAction::SetFilter(filter) = &action {
                    // Guided practice draws from the same selection.
                    let follow = PracticeAction::SetFilter(filter.clone());
                    self.guided
                        .apply(&self.bank, GuidedAction::Practice(follow));
                }
                self.practice.apply(&self.bank, action);
                self.settings.filter = self.practice.filter().clone();
                if check && !was_checked {
                    self.record_practice(now);
                }
            }
            Action::Show(screen) => self.screen = screen,
            Action::SetLanguage(language) => {
                let old = self.settings.language;
                self.settings.language = language;
                // Practice follows the interface language unless the trainee chose otherwise.
                if self.practice.filter().languages == [old] && old != language {
                    let mut filter = self.practice.filter().clone();
                    filter.languages = vec![language];
                    self.apply(Action::Practice(PracticeAction::SetFilter(filter)), now);
                }
            }
            Action::Quiz(command) => self.apply_quiz(command, now),
            Action::Editor(action) => self.apply_editor(action, now),
            Action::PracticePair(a, b) => {
                let mut filter = self.practice.filter().clone();
                filter.types = vec![a.min(b), a.max(b)];
                filter.difficulties.clear();
                self.apply(Action::Practice(PracticeAction::SetFilter(filter)), now);
                self.screen = Screen::Practice;
            }
            Action::ExportResults => {
                let t = texts(self.settings.language);
                let path = std::path::PathBuf::from(self.results_path.trim());
                let csv = crate::domain::interop::results_csv::history_csv(&self.records.history());
                self.results_message = Some(
                    match crate::domain::storage::write_output(&path, csv.as_bytes()) {
                        Ok(()) => (
                            true,
                            fill(t.progress_exported, &[("path", &path.display())]),
                        ),
                        Err(e) => (false, fill(t.notice_save_failed, &[("error", &e)])),
                    },
                );
            }
            Action::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::ExplainNode(node) => {
                self.explained_node = Some(node);
                // In a narrow window the explanation is below the fold.
                self.scroll_to_explanation = true;
            }
            Action::Conversation(command) => self.apply_conversation(command, now),
            Action::Guided(action) => {
                let check = action == GuidedAction::Practice(PracticeAction::Check);
                self.scroll_to_result = check;
                self.reveal_step = matches!(
                    action,
                    GuidedAction::AnswerKnownCustomer(_) | GuidedAction::AnswerRelation(_)
                );
                let was_checked = self
                    .guided
                    .practice()
                    .question()
                    .is_some_and(|q| q.is_checked());
                self.guided.apply(&self.bank, action);
                if check && !was_checked {
                    // Guided answers count in the history and the Leitner boxes like practice.
                    let q = self.guided.practice().question();
                    if let Some((outcome, scenario)) = q.and_then(|q| {
                        Some((q.outcome.clone()?, self.bank.get(q.scenario)?.clone()))
                    }) && let Err(e) = self.records.record_practice(&scenario, &outcome, now)
                    {
                        self.save_failed(&e);
                    }
                }
            }
        }
    }

    fn apply_conversation(&mut self, command: ConversationCommand, now: Timestamp) {
        match command {
            ConversationCommand::Open(id) => {
                let Some(c) = self
                    .bank
                    .conversation_index(&id)
                    .and_then(|i| self.bank.conversations().get(i))
                else {
                    return;
                };
                self.conversations.talk = Some(Talk::new(c.clone(), self.rng.next_u64()));
                self.conversations.started = Some(now);
            }
            ConversationCommand::Talk(action) => {
                let Some(talk) = self.conversations.talk.as_mut() else {
                    return;
                };
                let was_finished = talk.is_finished();
                talk.apply(action);
                if talk.is_finished() && !was_finished {
                    let started = self.conversations.started.unwrap_or(now);
                    let attempt = talk.attempt(started, now);
                    if let Err(e) = self.records.record_conversation(attempt) {
                        self.save_failed(&e);
                    }
                }
            }
            ConversationCommand::Close => self.conversations = ConversationsState::default(),
            ConversationCommand::SetFeedbackAtEnd(at_end) => {
                self.settings.conversation_feedback_at_end = at_end;
            }
        }
    }

    fn record_practice(&mut self, now: Timestamp) {
        let Some(q) = self.practice.question() else {
            return;
        };
        let (Some(outcome), Some(scenario)) = (&q.outcome, self.bank.get(q.scenario)) else {
            return;
        };
        if let Err(e) = self.records.record_practice(scenario, outcome, now) {
            self.save_failed(&e);
        }
        let due = self.records.due_ids(&self.bank, now);
        self.practice.set_due(&self.bank, due);
    }

    fn save_failed(&mut self, error: &dyn std::fmt::Display) {
        let t = texts(self.settings.language);
        self.notices
            .push(fill(t.notice_save_failed, &[("error", error)]));
    }

    fn apply_quiz(&mut self, command: QuizCommand, now: Timestamp) {
        match command {
            QuizCommand::Open(quiz) => {
                let available = quiz.matching(&self.bank).len();
                self.quiz = QuizStage::Ready { quiz, available };
            }
            QuizCommand::Start => {
                if let QuizStage::Ready { quiz, .. } = &self.quiz {
                    let quiz = quiz.clone();
                    let drawn = quiz.draw(&self.bank, self.rng.next_u64());
                    let run = QuizRun::start(
                        quiz,
                        &self.bank,
                        &drawn,
                        now,
                        self.rng.next_u64(),
                        new_registration(),
                    );
                    self.quiz = QuizStage::Running {
                        run,
                        confirm_submit: false,
                    };
                }
            }
            QuizCommand::Run(action) => {
                if let QuizStage::Running {
                    run,
                    confirm_submit,
                } = &mut self.quiz
                {
                    if action == QuizAction::Submit {
                        *confirm_submit = false;
                    }
                    let was_submitted = run.is_submitted();
                    run.apply(&self.bank, action, now);
                    if run.is_submitted() && !was_submitted {
                        let by_clock = run.time_left(now).is_some_and(|l| l.is_zero());
                        self.finish_quiz(by_clock);
                    }
                }
            }
            QuizCommand::AskSubmit => {
                if let QuizStage::Running {
                    run,
                    confirm_submit,
                } = &mut self.quiz
                {
                    if run.answered() == run.questions().len() {
                        self.apply_quiz(QuizCommand::Run(QuizAction::Submit), now);
                    } else {
                        *confirm_submit = true;
                    }
                }
            }
            QuizCommand::CancelSubmit => {
                if let QuizStage::Running { confirm_submit, .. } = &mut self.quiz {
                    *confirm_submit = false;
                }
            }
            QuizCommand::Leave => self.quiz = QuizStage::List,
        }
    }

    /// Moves a submitted quiz to its report and saves the attempt.
    fn finish_quiz(&mut self, time_up: bool) {
        let QuizStage::Running { run, .. } = std::mem::take(&mut self.quiz) else {
            return;
        };
        let Some(attempt) = run.attempt(&self.bank) else {
            self.quiz = QuizStage::Running {
                run,
                confirm_submit: false,
            };
            return;
        };
        let report = Report::of(&attempt);
        if let Err(e) = self.records.record_quiz(attempt.clone()) {
            self.save_failed(&e);
        }
        let due = self.records.due_ids(&self.bank, attempt.finished);
        self.practice.set_due(&self.bank, due);
        self.quiz = QuizStage::Report(Box::new(Finished {
            run,
            attempt,
            report,
            time_up,
        }));
    }

    fn notices_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
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
                    (Screen::Conversations, t.tab_conversations.to_owned()),
                    (Screen::Quiz, t.tab_quiz.to_owned()),
                    (Screen::Progress, t.tab_progress.to_owned()),
                    (Screen::Editor, t.tab_editor.to_owned()),
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
