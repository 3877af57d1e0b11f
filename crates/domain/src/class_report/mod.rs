//! The instructor's class report: the trainees' exported results (xAPI statements, an LRS
//! response or results CSV files) read together, counted once each, and turned into item
//! statistics per quiz and scenario, figures per trainee and for the class.
//!
//! The steps are separate so each can be tested alone: [`read`] turns files into
//! observations and problems, [`assemble`] dedupes them into trainees and attempts,
//! [`compute`] makes the figures, and [`render`] writes them as text, CSV or HTML. The
//! formulas are in `docs/class-report.md`.

pub mod assemble;
pub mod compute;
pub mod conversation;
pub mod html;
pub mod math;
pub mod read;
pub mod render;
pub mod sample;
pub mod words;

use std::path::{Path, PathBuf};

pub use assemble::{ClassAnswer, ClassAttempt, ClassData, Trainee};
pub use compute::{ClassReport, Flag, ItemStats, QuizStats, TraineeStats};
pub use conversation::ConversationStats;
pub use read::{InputProblem, Inputs, Tally};

use super::background::{Job, Progress};
use super::bank::Bank;

/// Which attempts of a quiz count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AttemptChoice {
    /// Each trainee's first completed attempt of each quiz (as Moodle's statistics do).
    #[default]
    First,
    /// Every completed attempt.
    All,
}

/// What the bank can add to a report: titles and the file each scenario lives in.
///
/// The report never needs it: a quiz or scenario that is not in the bank is reported under
/// the id and title the statements carry.
#[derive(Clone, Debug, Default)]
pub struct BankInfo {
    scenarios: std::collections::HashMap<String, (String, Option<PathBuf>)>,
    quizzes: std::collections::HashMap<String, String>,
}

impl BankInfo {
    /// Titles and files of every scenario, conversation and quiz in `bank`.
    pub fn of(bank: &Bank) -> BankInfo {
        let mut info = BankInfo::default();
        for (index, scenario) in bank.scenarios().iter().enumerate() {
            info.scenarios.insert(
                scenario.id.clone(),
                (
                    scenario.title.clone(),
                    bank.path_of(index).map(Path::to_path_buf),
                ),
            );
        }
        // Conversation ids are unique across scenarios and conversations: a conversation's
        // decision is reported under its id, as a scenario is.
        for (index, conversation) in bank.conversations().iter().enumerate() {
            info.scenarios.insert(
                conversation.id.clone(),
                (
                    conversation.title.clone(),
                    bank.conversation_path(index).map(Path::to_path_buf),
                ),
            );
        }
        for quiz in bank.quizzes() {
            info.quizzes.insert(quiz.id.clone(), quiz.title.clone());
        }
        info
    }

    /// The scenario's title in the bank.
    pub fn scenario_title(&self, id: &str) -> Option<&str> {
        self.scenarios.get(id).map(|(title, _)| title.as_str())
    }

    /// The file the scenario was loaded from.
    pub fn scenario_path(&self, id: &str) -> Option<&Path> {
        self.scenarios.get(id).and_then(|(_, path)| path.as_deref())
    }

    /// The quiz's title in the bank.
    pub fn quiz_title(&self, id: &str) -> Option<&str> {
        self.quizzes.get(id).map(String::as_str)
    }
}

/// Reads `inputs` (files or folders, read recursively) and computes the report: the whole
/// pipeline, for the command line.
pub fn report_of(inputs: &[PathBuf], choice: AttemptChoice, bank: &BankInfo) -> ClassReport {
    report_counting(inputs, choice, bank, &Progress::default())
}

/// [`report_of`], counting the files read and their problems in `progress`.
pub fn report_counting(
    inputs: &[PathBuf],
    choice: AttemptChoice,
    bank: &BankInfo,
    progress: &Progress,
) -> ClassReport {
    let read = read::read_inputs_counting(inputs, progress);
    let data = assemble::assemble(read);
    compute::compute(&data, choice, bank)
}

/// Starts making the report on its own thread, for the Class screen: the window shows the
/// job's progress (files read of the total, problems so far) and takes the report when it is
/// ready. `notify` is called when the report is ready.
pub fn start(
    inputs: Vec<PathBuf>,
    choice: AttemptChoice,
    bank: BankInfo,
    notify: impl Fn() + Send + Sync + 'static,
) -> Job<ClassReport> {
    Job::start("class-report", notify, move |progress| {
        report_counting(&inputs, choice, &bank, progress)
    })
}
