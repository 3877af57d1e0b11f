//! Reading the trainees' exports: files and folders of xAPI statements (a JSON array as
//! `salgstrener results --format xapi` writes it, or an LRS `StatementResult`) and results CSV
//! files, turned into [`Observation`]s. Nothing here stops at bad input: a file or a statement
//! that cannot be used becomes an [`InputProblem`] with the file and position, and the rest is
//! read. `xapi.rs` reads the JSON kinds, `csv.rs` the results CSV files.

mod csv;
mod xapi;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use uuid::Uuid;

use crate::background::Progress;
use crate::bank::problem::Position;
use crate::class_report::assemble::ClassAnswer;
use crate::i18n::FileMessage;
use crate::language::Language;
use crate::teaching::taxonomy::SaleType;
use csv::{looks_like_results_csv, read_csv};
use xapi::read_json;
pub(super) use xapi::segment_after;

/// Something in the input that could not be used, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    /// The file, as it was found under the input the user named.
    pub path: PathBuf,
    /// Line and column in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, in words the instructor can act on.
    pub message: FileMessage,
}

impl InputProblem {
    /// `PATH:LINE:COL: MESSAGE` (or `PATH: MESSAGE`) in `lang`.
    pub fn line(&self, lang: Language) -> String {
        let message = self.message.text(lang);
        match self.position {
            Some(p) => format!("{}:{}:{}: {message}", self.path.display(), p.line, p.column),
            None => format!("{}: {message}", self.path.display()),
        }
    }
}

/// The line in English.
impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Language::En))
    }
}

/// Who a statement or row is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Who {
    /// What identifies the trainee: `mbox:…`, `account:…`, `name:…` or `file:…`.
    pub key: String,
    /// The name to show.
    pub name: String,
}

/// What one statement (or one CSV row) says.
#[derive(Clone, Debug, PartialEq)]
pub enum Fact {
    /// A question was answered.
    Answered(ClassAnswer),
    /// A reply chosen in a sales conversation (the attempt is a conversation).
    Replied {
        /// The step it was chosen at.
        step_id: String,
        /// Its points: 2, 1 or 0 for a good, acceptable or poor reply.
        points: u8,
    },
    /// The attempt was finished.
    Completed(Completion),
    /// The attempt reached the pass mark (`true`) or not.
    Verdict(bool),
}

/// What a `completed` statement (or a results CSV's attempt) says about its attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct Completion {
    /// The quiz's title as the trainee saw it.
    pub title: Option<String>,
    /// A practice session rather than a quiz.
    pub practice: bool,
    /// A sales conversation rather than a quiz; its score's maximum is the best path's
    /// points and the decision's 4.
    pub conversation: bool,
    /// Points and points possible.
    pub score: Option<(u32, u32)>,
    /// Every question in order, answered or not, when the export lists them.
    pub questions: Option<Vec<String>>,
    /// When.
    pub at: Option<Timestamp>,
}

/// One statement or row: who, which attempt, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// The statement id (for CSV rows, the id the xAPI export gives the same answer), so
    /// the same statement read twice counts once.
    pub id: Uuid,
    /// The trainee.
    pub who: Who,
    /// The attempt (the xAPI registration).
    pub registration: String,
    /// The quiz's id (`practice` for practice sessions).
    pub quiz_id: String,
    /// What it says.
    pub fact: Fact,
}

/// Everything read from the inputs, in the order the files were read (sorted by path).
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// The usable statements and rows.
    pub observations: Vec<Observation>,
    /// How much was read and what could not be used.
    pub tally: Tally,
}

/// How much reading the inputs came to besides the observations, and what could not be used:
/// counted here and carried whole into the class data.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Files opened.
    pub files: usize,
    /// Statements and rows seen, usable or not.
    pub records: usize,
    /// Statements from this app that the report does not use (a later version's new kinds).
    pub ignored: usize,
    /// What could not be used.
    pub problems: Vec<InputProblem>,
}

impl Inputs {
    fn append(&mut self, other: Inputs) {
        self.observations.extend(other.observations);
        let (mine, theirs) = (&mut self.tally, other.tally);
        mine.files += theirs.files;
        mine.records += theirs.records;
        mine.ignored += theirs.ignored;
        mine.problems.extend(theirs.problems);
    }
}

/// Reads every input: files, and folders read recursively (files in sorted order; hidden
/// files and folders are skipped). Uses up to two threads, as the files are independent; the
/// result is the same as reading them one by one.
pub fn read_inputs(inputs: &[PathBuf]) -> Inputs {
    read_inputs_counting(inputs, &Progress::default())
}

/// [`read_inputs`], counting the files listed and read and their problems in `progress`, and
/// stopping early (with what was read) when it is cancelled.
pub fn read_inputs_counting(inputs: &[PathBuf], progress: &Progress) -> Inputs {
    let mut out = Inputs::default();
    let mut files = Vec::new();
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => collect_files(input, &mut files, &mut out.tally.problems),
            Ok(_) => files.push(input.clone()),
            Err(e) => out.tally.problems.push(InputProblem {
                path: input.clone(),
                position: None,
                message: FileMessage::InputCannotOpen {
                    reason: e.to_string(),
                },
            }),
        }
    }
    progress.listed(files.len());
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 2);
    let chunk = files.len().div_ceil(threads).max(1);
    let parts: Vec<Inputs> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .take_while(|_| !progress.is_cancelled())
                        .map(|p| {
                            let read = read_file(p);
                            progress.file_read(read.tally.problems.len());
                            read
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for part in parts {
        out.append(part);
    }
    out
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<InputProblem>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(InputProblem {
                path: dir.to_path_buf(),
                position: None,
                message: FileMessage::InputFolderUnreadable {
                    reason: e.to_string(),
                },
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_files(&path, files, problems);
        } else {
            files.push(path);
        }
    }
}

/// Reads one file of any of the three kinds.
pub fn read_file(path: &Path) -> Inputs {
    let mut out = Inputs::default();
    out.tally.files = 1;
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out.problem(
                path,
                None,
                FileMessage::InputUnreadable {
                    reason: e.to_string(),
                },
            );
            return out;
        }
    };
    read_bytes(path, &bytes, &mut out);
    out
}

/// Reads the contents of one file; `path` is used for problems and, for CSV files without
/// actor columns, as the trainee's name.
pub fn read_bytes(path: &Path, bytes: &[u8], out: &mut Inputs) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        out.problem(path, None, FileMessage::InputNotUtf8 {});
        return;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match text.trim_start().chars().next() {
        Some('[' | '{') => read_json(path, text, out),
        _ if looks_like_results_csv(text) => read_csv(path, text, out),
        _ => out.problem(path, None, FileMessage::InputUnknownKind {}),
    }
}

impl Inputs {
    fn problem(&mut self, path: &Path, position: Option<Position>, message: FileMessage) {
        self.tally.problems.push(InputProblem {
            path: path.to_path_buf(),
            position,
            message,
        });
    }
}

// ------------------------------------------------------------------ JSON

/// A sale type by its Norwegian name, in any case.
pub fn sale_type(name: &str) -> Option<SaleType> {
    let name = name.trim();
    SaleType::ALL
        .into_iter()
        .find(|t| t.title().eq_ignore_ascii_case(name))
}

// ------------------------------------------------------------------- CSV
