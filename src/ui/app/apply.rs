//! [`SalgstrenerApp::apply`]: the one place where what a screen asked for changes the state.
//! Each action family has its tests in `tests.rs`, without a window.

use jiff::Timestamp;
use rand::Rng as _;

use super::SalgstrenerApp;
use crate::domain::progress::history::new_registration;
use crate::domain::progress::stats::Report;
use crate::domain::storage::StorageError;
use crate::domain::training::guided::GuidedAction;
use crate::domain::training::practice::{Practice, PracticeAction};
use crate::domain::training::quiz::{QuizAction, QuizRun};
use crate::domain::training::talk::Talk;
use crate::ui::action::{Action, Screen};
use crate::ui::class::ClassAction;
use crate::ui::conversations::{ConversationCommand, ConversationsState};
use crate::ui::i18n::{fill, texts};
use crate::ui::loading::FolderAction;
use crate::ui::quiz::{Finished, QuizCommand, QuizStage};

/// The two sessions that answer scenarios one by one and record each answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Session {
    Practice,
    Guided,
}

fn is_checked(practice: &Practice) -> bool {
    practice.question().is_some_and(|q| q.answer.is_checked())
}

impl SalgstrenerApp {
    /// Submits a running quiz whose time is up.
    pub(super) fn tick(&mut self, now: Timestamp) {
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
                self.screens.practice.scroll_to_result = check;
                let was_checked = is_checked(&self.practice);
                if let PracticeAction::SetFilter(filter) = &action {
                    // Guided practice draws from the same selection.
                    let follow = PracticeAction::SetFilter(filter.clone());
                    self.guided
                        .apply(&self.bank, GuidedAction::Practice(follow));
                }
                self.practice.apply(&self.bank, action);
                self.settings.filter = self.practice.filter().clone();
                if check && !was_checked {
                    self.record_answer(Session::Practice, now);
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
                filter.tags.clear();
                self.apply(Action::Practice(PracticeAction::SetFilter(filter)), now);
                self.screen = Screen::Practice;
            }
            Action::PracticeEdgeCase(case) => {
                let filter = self.practice.filter().for_edge_case(case);
                self.apply(Action::Practice(PracticeAction::SetFilter(filter)), now);
                self.screen = Screen::Practice;
            }
            Action::ExportResults => {
                let t = texts(self.settings.language);
                let progress = &mut self.screens.progress;
                let csv = crate::domain::interop::results_csv::history_csv(&self.records.history());
                progress.export_message = Some(write_export(t, &progress.export_path, &csv));
            }
            Action::Folder(FolderAction::Toggle) => {
                self.open_folder.open = !self.open_folder.open;
                self.open_folder.error = None;
            }
            Action::Folder(FolderAction::OpenTyped) => self.open_typed_folder(),
            Action::Folder(FolderAction::OpenBundled) => {
                self.open_source(crate::domain::bank::BankSource::Embedded, true);
            }
            Action::Class(ClassAction::SaveHtml) => self.save_class_html(),
            Action::Class(action) => {
                self.screens
                    .class
                    .apply(action, &self.bank, self.ctx.as_ref());
            }
            Action::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::ExplainNode(node) => self.screens.learn.explain(node),
            Action::Conversation(command) => self.apply_conversation(command, now),
            Action::Guided(action) => {
                let check = action == GuidedAction::Practice(PracticeAction::Check);
                self.screens.guided.scroll_to_result = check;
                self.screens.guided.reveal_step = matches!(
                    action,
                    GuidedAction::AnswerKnownCustomer(_) | GuidedAction::AnswerRelation(_)
                );
                let was_checked = is_checked(self.guided.practice());
                self.guided.apply(&self.bank, action);
                if check && !was_checked {
                    self.record_answer(Session::Guided, now);
                }
            }
        }
    }

    /// Records the answer just checked in `session`: history, Leitner boxes and statistics,
    /// then the due list practice draws from first. Practice and guided practice both record
    /// through here, so the two cannot drift apart.
    fn record_answer(&mut self, session: Session, now: Timestamp) {
        let practice = match session {
            Session::Practice => &self.practice,
            Session::Guided => self.guided.practice(),
        };
        let Some((scenario, outcome)) = practice.checked(&self.bank) else {
            return;
        };
        if let Err(e) = self.records.record_practice(scenario, outcome, now) {
            self.save_failed(&e);
        }
        let due = self.records.due_ids(&self.bank, now);
        self.practice.set_due(&self.bank, due);
    }

    fn apply_conversation(&mut self, command: ConversationCommand, now: Timestamp) {
        let state = &mut self.screens.conversations;
        match command {
            ConversationCommand::Open(id) => {
                let Some(c) = self
                    .bank
                    .conversation_index(&id)
                    .and_then(|i| self.bank.conversations().get(i))
                else {
                    return;
                };
                state.talk = Some(Talk::new(c.clone(), self.rng.next_u64()));
                state.started = Some(now);
            }
            ConversationCommand::Preview(c) => {
                state.talk = Some(Talk::new(*c, self.rng.next_u64()));
                state.started = Some(now);
                self.screen = Screen::Conversations;
            }
            ConversationCommand::Talk(action) => {
                let Some(talk) = state.talk.as_mut() else {
                    return;
                };
                let was_finished = talk.is_finished();
                talk.apply(action);
                if talk.is_finished() && !was_finished {
                    let attempt = talk.attempt(state.started.unwrap_or(now), now);
                    if let Err(e) = self.records.record_conversation(attempt) {
                        self.save_failed(&e);
                    }
                }
            }
            ConversationCommand::Close => *state = ConversationsState::default(),
            ConversationCommand::SetFeedbackAtEnd(at_end) => {
                self.settings.conversation_feedback_at_end = at_end;
            }
        }
    }

    /// Writes the Class screen's report as one self-contained HTML file, in the interface
    /// language, and says how it went under the button.
    fn save_class_html(&mut self) {
        let t = texts(self.settings.language);
        let class = &mut self.screens.class;
        let Some(report) = class.report() else {
            return;
        };
        let html = crate::domain::class_report::html::html(report, self.settings.language);
        class.html_message = Some(write_export(t, &class.html_path, &html));
    }

    pub(super) fn save_failed(&mut self, error: &StorageError) {
        let t = texts(self.settings.language);
        let error = t.message(&error.message());
        self.notices
            .push(fill(t.notice_save_failed, &[("error", &error)]));
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
                    if run.answered() == run.questions().len() && run.without_confidence() == 0 {
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
    pub(super) fn finish_quiz(&mut self, time_up: bool) {
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
}

/// Writes an export the user asked for to the path typed in, and says how it went: whether it
/// was written, and the line to show under the button.
fn write_export(t: &crate::ui::i18n::Texts, typed_path: &str, contents: &str) -> (bool, String) {
    let path = std::path::PathBuf::from(typed_path.trim());
    match crate::domain::storage::write_output(&path, contents.as_bytes()) {
        Ok(()) => (
            true,
            fill(t.progress_exported, &[("path", &path.display())]),
        ),
        Err(e) => (
            false,
            fill(t.notice_save_failed, &[("error", &t.message(&e.message()))]),
        ),
    }
}
