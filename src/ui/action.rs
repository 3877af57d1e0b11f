//! Everything a screen can ask the app to do. Screens push actions while drawing; the app
//! applies them once per frame, so state changes in one place and can be tested without a window.

use crate::domain::language::Language;
use crate::domain::practice::PracticeAction;
use crate::domain::taxonomy::SaleType;
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
    /// Something in the quiz flow.
    Quiz(QuizCommand),
    /// Practise scenarios whose right answer is one of these two types.
    PracticePair(SaleType, SaleType),
    /// Hide the message at this position.
    DismissNotice(usize),
}
