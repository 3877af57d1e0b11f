//! Everything a screen can ask the app to do. Screens push actions while drawing; the app
//! applies them once per frame, so state changes in one place and can be tested without a window.

use crate::domain::language::Language;
use crate::domain::teaching::edge_cases::EdgeCase;
use crate::domain::teaching::lessons::PathNode;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::guided::GuidedAction;
use crate::domain::training::practice::PracticeAction;
use crate::ui::class::ClassAction;
use crate::ui::conversations::ConversationCommand;
use crate::ui::editor::EditorAction;
use crate::ui::loading::FolderAction;
use crate::ui::quiz::QuizCommand;

/// The screens reachable from the top bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Screen {
    /// Answer scenarios one by one.
    #[default]
    Practice,
    /// Choose and take quizzes, and read their reports.
    Quiz,
    /// Scores over time, accuracy per type, frequent confusions.
    Progress,
    /// Problems found while loading the scenario files.
    Problems,
    /// The taxonomy explained: the decision path, the five types, follow-on sales.
    Learn,
    /// Practice that walks through the decision path before the answer.
    Guided,
    /// Write and maintain scenario and quiz files.
    Editor,
    /// The instructor's class report from the trainees' exports.
    Class,
    /// Sales conversations: ask, uncover the facts, decide.
    Conversations,
}

/// A request from a screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Something in the practice session.
    Practice(PracticeAction),
    /// Switch screen.
    Show(Screen),
    /// Switch the interface language.
    SetLanguage(Language),
    /// Something in the editor.
    Editor(EditorAction),
    /// Something in the quiz flow.
    Quiz(QuizCommand),
    /// Practise scenarios whose right answer is one of these two types.
    PracticePair(SaleType, SaleType),
    /// Practise the scenarios that exercise this edge case.
    PracticeEdgeCase(EdgeCase),
    /// Hide the message at this position.
    DismissNotice(usize),
    /// Write the history as CSV to the file typed in on the progress screen.
    ExportResults,
    /// Show what a box of the decision path diagram means.
    ExplainNode(PathNode),
    /// Something in the guided practice session.
    Guided(GuidedAction),
    /// Open another scenario folder.
    Folder(FolderAction),
    /// Something on the Class screen.
    Class(ClassAction),
    /// Something on the Conversations screen.
    Conversation(ConversationCommand),
}
