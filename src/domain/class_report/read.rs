//! Reading the trainees' exports: files and folders of xAPI statements (a JSON array as
//! `salgstrener results --format xapi` writes it, or an LRS `StatementResult`) and results CSV
//! files, turned into [`Observation`]s. Nothing here stops at bad input: a file or a statement
//! that cannot be used becomes an [`InputProblem`] with the file and position, and the rest is
//! read.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::value::RawValue;
use uuid::Uuid;

use super::conversation;
use crate::domain::background::Progress;
use crate::domain::bank::problem::Position;
use crate::domain::interop::xapi::{PLATFORM, statement_id, verbs};
use crate::domain::progress::records::PRACTICE_ID;
use crate::domain::teaching::taxonomy::SaleType;

/// Something in the input that could not be used, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    /// The file, as it was found under the input the user named.
    pub path: PathBuf,
    /// Line and column in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, in words the instructor can act on.
    pub message: String,
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                p.line,
                p.column,
                self.message
            ),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
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
    Answered {
        /// The scenario's id.
        scenario_id: String,
        /// The right sale type.
        right: SaleType,
        /// The chosen type; `None` for a question left unanswered (CSV only).
        chosen: Option<SaleType>,
        /// Points the answer counted in its attempt, 0-4.
        points: u8,
        /// When it was answered.
        at: Option<Timestamp>,
        /// Its place in the attempt, when known (CSV rows).
        position: Option<usize>,
    },
    /// A reply chosen in a sales conversation (the attempt is a conversation).
    Replied {
        /// The step it was chosen at.
        step_id: String,
        /// Its points: 2, 1 or 0 for a good, acceptable or poor reply.
        points: u8,
    },
    /// The attempt was finished.
    Completed {
        /// The quiz's title as the trainee saw it.
        title: Option<String>,
        /// A practice session rather than a quiz.
        practice: bool,
        /// A sales conversation rather than a quiz; its score's maximum is the best path's
        /// points and the decision's 4.
        conversation: bool,
        /// Points and points possible.
        score: Option<(u32, u32)>,
        /// Every question in order, answered or not, when the export lists them.
        questions: Option<Vec<String>>,
        /// When.
        at: Option<Timestamp>,
    },
    /// The attempt reached the pass mark (`true`) or not.
    Verdict(bool),
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
    /// Files opened.
    pub files: usize,
    /// Statements and rows seen, usable or not.
    pub records: usize,
    /// The usable ones.
    pub observations: Vec<Observation>,
    /// Statements from this app that the report does not use (such as conversation
    /// statements).
    pub ignored: usize,
    /// What could not be used.
    pub problems: Vec<InputProblem>,
}

impl Inputs {
    fn append(&mut self, other: Inputs) {
        self.files += other.files;
        self.records += other.records;
        self.observations.extend(other.observations);
        self.ignored += other.ignored;
        self.problems.extend(other.problems);
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
            Ok(meta) if meta.is_dir() => collect_files(input, &mut files, &mut out.problems),
            Ok(_) => files.push(input.clone()),
            Err(e) => out.problems.push(InputProblem {
                path: input.clone(),
                position: None,
                message: format!("cannot be opened ({e}): check the path"),
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
                            progress.file_read(read.problems.len());
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
                message: format!("the folder cannot be read ({e})"),
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
    let mut out = Inputs {
        files: 1,
        ..Inputs::default()
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out.problem(path, None, format!("cannot be read ({e})"));
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
        out.problem(
            path,
            None,
            "is not UTF-8 text: it is not an xAPI export or a results CSV".into(),
        );
        return;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match text.trim_start().chars().next() {
        Some('[' | '{') => read_json(path, text, out),
        _ if looks_like_results_csv(text) => read_csv(path, text, out),
        _ => out.problem(
            path,
            None,
            "is neither JSON (xAPI statements) nor a results CSV with a header row: it was skipped"
                .into(),
        ),
    }
}

impl Inputs {
    fn problem(&mut self, path: &Path, position: Option<Position>, message: String) {
        self.problems.push(InputProblem {
            path: path.to_path_buf(),
            position,
            message,
        });
    }
}

// ------------------------------------------------------------------ JSON

#[derive(Deserialize)]
struct StatementResult<'a> {
    #[serde(borrow)]
    statements: Vec<&'a RawValue>,
    #[serde(default)]
    more: Option<String>,
}

#[derive(Deserialize)]
struct RawStatement {
    id: Option<String>,
    actor: Option<RawActor>,
    verb: Option<RawVerb>,
    object: Option<RawObject>,
    result: Option<RawResult>,
    context: Option<RawContext>,
    timestamp: Option<String>,
}

#[derive(Deserialize)]
struct RawActor {
    name: Option<String>,
    mbox: Option<String>,
    account: Option<RawAccount>,
}

#[derive(Deserialize)]
struct RawAccount {
    #[serde(rename = "homePage")]
    home_page: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
struct RawVerb {
    id: String,
}

#[derive(Deserialize)]
struct RawObject {
    id: Option<String>,
    definition: Option<RawDefinition>,
}

#[derive(Deserialize)]
struct RawDefinition {
    #[serde(rename = "type")]
    kind: Option<String>,
    name: Option<HashMap<String, String>>,
    #[serde(rename = "correctResponsesPattern")]
    correct: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct RawResult {
    response: Option<String>,
    score: Option<RawScore>,
    success: Option<bool>,
    extensions: Option<HashMap<String, serde_json::Value>>,
}

#[derive(Deserialize)]
struct RawScore {
    raw: Option<f64>,
    max: Option<f64>,
}

#[derive(Deserialize)]
struct RawContext {
    registration: Option<String>,
    #[serde(rename = "contextActivities")]
    activities: Option<RawContextActivities>,
    platform: Option<String>,
}

#[derive(Deserialize)]
struct RawContextActivities {
    parent: Option<Vec<RawRef>>,
}

#[derive(Deserialize)]
struct RawRef {
    id: String,
}

fn read_json(path: &Path, text: &str, out: &mut Inputs) {
    let array = text.trim_start().starts_with('[');
    let parsed = if array {
        serde_json::from_str::<Vec<&RawValue>>(text).map(|s| (s, None))
    } else {
        serde_json::from_str::<StatementResult>(text).map(|r| (r.statements, r.more))
    };
    let (statements, more) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let what = if array {
                "is not a valid JSON array of xAPI statements"
            } else {
                "is not an LRS StatementResult (an object with a \"statements\" array)"
            };
            out.problem(
                path,
                Some(Position::new(e.line(), e.column())),
                format!("{what}: {}; nothing in it was read", message_of(&e)),
            );
            return;
        }
    };
    if let Some(more) = more.filter(|m| !m.trim().is_empty()) {
        out.problem(
            path,
            None,
            format!(
                "the LRS has more statements than this page holds: fetch {more:?} too (see docs/class-report.md)"
            ),
        );
    }
    let mut lines = LineIndex::new(text);
    for (number, raw) in statements.iter().enumerate() {
        out.records += 1;
        let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        match serde_json::from_str::<RawStatement>(raw.get()) {
            Ok(statement) => match observe(statement) {
                Seen::Used(observation) => out.observations.push(observation),
                Seen::Ignored => out.ignored += 1,
                Seen::Problem(message) => {
                    let at = lines.position(offset);
                    out.problem(
                        path,
                        Some(at),
                        format!("statement {}: {message}", number + 1),
                    );
                }
            },
            Err(e) => {
                let start = lines.position(offset);
                let at = if e.line() <= 1 {
                    Position::new(start.line, start.column + e.column().saturating_sub(1))
                } else {
                    Position::new(start.line + e.line() - 1, e.column())
                };
                out.problem(
                    path,
                    Some(at),
                    format!(
                        "statement {} is not a valid xAPI statement: {}; it was skipped",
                        number + 1,
                        message_of(&e)
                    ),
                );
            }
        }
    }
}

/// serde_json's message without its own "at line L column C", which is relative to the
/// statement rather than the file.
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Line and column of byte offsets that come in increasing order, counted once.
struct LineIndex<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Self::new(self.text);
        }
        let bytes = &self.text.as_bytes()[self.offset..offset];
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        let column = self
            .text
            .get(self.line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Position::new(self.line, column)
    }
}

enum Seen {
    Used(Observation),
    Ignored,
    Problem(String),
}

fn observe(s: RawStatement) -> Seen {
    let verb = s.verb.as_ref().map_or("", |v| v.id.as_str());
    let object_id = s
        .object
        .as_ref()
        .and_then(|o| o.id.as_deref())
        .unwrap_or("");
    let platform = s.context.as_ref().and_then(|c| c.platform.as_deref());
    let answered = verb == verbs::ANSWERED && object_id.contains("/scenarios/");
    let replied = verb == verbs::ANSWERED && conversation::is_step(object_id);
    let about_attempt = matches!(verb, verbs::COMPLETED | verbs::PASSED | verbs::FAILED)
        && (object_id.contains("/quizzes/") || object_id.contains(conversation::FOLDER));
    if !answered && !replied && !about_attempt {
        return if platform == Some(PLATFORM) {
            Seen::Ignored
        } else {
            Seen::Problem(format!(
                "is not a Salgstreneren answer or attempt (verb {verb:?}, object {object_id:?}); it was skipped"
            ))
        };
    }
    let Some(id) = s.id.as_deref().and_then(|id| Uuid::parse_str(id).ok()) else {
        return Seen::Problem(format!(
            "has no valid statement id ({:?}), so it cannot be counted once; it was skipped",
            s.id.as_deref().unwrap_or("")
        ));
    };
    let Some(who) = s.actor.as_ref().and_then(who_of) else {
        return Seen::Problem(
            "names no trainee (no actor mbox, account or name); it was skipped".into(),
        );
    };
    let Some(registration) = s
        .context
        .as_ref()
        .and_then(|c| c.registration.clone())
        .filter(|r| !r.trim().is_empty())
    else {
        return Seen::Problem(
            "has no context.registration, so its attempt is unknown; it was skipped".into(),
        );
    };
    let at = s.timestamp.as_deref().and_then(|t| t.parse().ok());
    let result = s.result.as_ref();
    let definition = s.object.as_ref().and_then(|o| o.definition.as_ref());
    let (quiz_id, fact) = if replied {
        let points = result.and_then(|r| r.score.as_ref()).and_then(|s| s.raw);
        match conversation::reply(object_id, points) {
            Ok(found) => found,
            Err(message) => return Seen::Problem(message),
        }
    } else if answered {
        // The parent is the quiz, or the conversation the decision ends.
        let parent = s
            .context
            .as_ref()
            .and_then(|c| c.activities.as_ref())
            .and_then(|a| a.parent.as_ref())
            .and_then(|p| p.first());
        let quiz_id = parent
            .and_then(|p| {
                segment_after(&p.id, "/quizzes/")
                    .or_else(|| segment_after(&p.id, conversation::FOLDER))
            })
            .unwrap_or_default();
        let scenario_id = segment_after(object_id, "/scenarios/").unwrap_or_default();
        let Some(right) = definition
            .and_then(|d| d.correct.as_ref())
            .and_then(|c| c.first())
            .and_then(|c| sale_type(c))
        else {
            return Seen::Problem(format!(
                "answer to {scenario_id:?} has no sale type as its correct response; it was skipped"
            ));
        };
        let response = result.and_then(|r| r.response.as_deref()).unwrap_or("");
        let chosen = sale_type(response);
        if chosen.is_none() && !response.is_empty() {
            return Seen::Problem(format!(
                "answer to {scenario_id:?} has {response:?} as its response, which is not a sale type; it was skipped"
            ));
        }
        let Some(points) = result
            .and_then(|r| r.score.as_ref())
            .and_then(|s| s.raw)
            .filter(|p| (0.0..=4.0).contains(p) && p.fract() == 0.0)
        else {
            return Seen::Problem(format!(
                "answer to {scenario_id:?} has no score from 0 to 4 points; it was skipped"
            ));
        };
        (
            quiz_id,
            Fact::Answered {
                scenario_id,
                right,
                chosen,
                points: points as u8,
                at,
                position: None,
            },
        )
    } else {
        let conversation = !object_id.contains("/quizzes/");
        let quiz_id = segment_after(object_id, "/quizzes/")
            .or_else(|| segment_after(object_id, conversation::FOLDER))
            .unwrap_or_default();
        let fact = if verb == verbs::COMPLETED {
            let practice = !conversation
                && definition
                    .and_then(|d| d.kind.as_deref())
                    .map_or(quiz_id == PRACTICE_ID, |k| k.ends_with("/lesson"));
            let title = definition
                .and_then(|d| d.name.as_ref())
                .and_then(|n| n.get("und").or_else(|| n.values().next()))
                .cloned();
            let score = result.and_then(|r| r.score.as_ref()).and_then(|s| {
                let (raw, max) = (s.raw?, s.max?);
                (raw >= 0.0 && max >= raw).then_some((raw as u32, max as u32))
            });
            let questions = result
                .and_then(|r| r.extensions.as_ref())
                .and_then(|e| {
                    e.iter()
                        .find(|(k, _)| k.ends_with("/extensions/questions"))
                        .map(|(_, v)| v)
                })
                .and_then(|v| v.as_array())
                .map(|list| {
                    list.iter()
                        .filter_map(|q| q.as_str().map(str::to_owned))
                        .collect()
                });
            Fact::Completed {
                title,
                practice,
                conversation,
                score,
                questions,
                at,
            }
        } else {
            Fact::Verdict(
                result
                    .and_then(|r| r.success)
                    .unwrap_or(verb == verbs::PASSED),
            )
        };
        (quiz_id, fact)
    };
    Seen::Used(Observation {
        id,
        who,
        registration,
        quiz_id,
        fact,
    })
}

fn who_of(actor: &RawActor) -> Option<Who> {
    let name = actor
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if let Some(mbox) = actor
        .mbox
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        let address = mbox.strip_prefix("mailto:").unwrap_or(mbox);
        return Some(Who {
            key: format!("mbox:{}", address.to_lowercase()),
            name: name.unwrap_or(address).to_owned(),
        });
    }
    if let Some(account) = &actor.account {
        let home = account.home_page.as_deref().unwrap_or("");
        let account_name = account.name.as_deref().unwrap_or("");
        if !account_name.is_empty() {
            return Some(Who {
                key: format!("account:{home}|{account_name}"),
                name: name.unwrap_or(account_name).to_owned(),
            });
        }
    }
    name.map(|n| Who {
        key: format!("name:{n}"),
        name: n.to_owned(),
    })
}

/// The percent-decoded path segment after `marker` in an activity id.
pub(super) fn segment_after(iri: &str, marker: &str) -> Option<String> {
    let start = iri.rfind(marker)? + marker.len();
    let segment = iri[start..].split(['/', '?', '#']).next().unwrap_or("");
    Some(percent_decode(segment))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A sale type by its Norwegian name, in any case.
pub fn sale_type(name: &str) -> Option<SaleType> {
    let name = name.trim();
    SaleType::ALL
        .into_iter()
        .find(|t| t.title().eq_ignore_ascii_case(name))
}

// ------------------------------------------------------------------- CSV

fn looks_like_results_csv(text: &str) -> bool {
    let header = text.lines().next().unwrap_or("");
    header.contains("registration") && header.contains("scenario_id")
}

/// The results CSV columns the report needs; the others are optional.
const REQUIRED: [&str; 5] = [
    "registration",
    "quiz_id",
    "scenario_id",
    "right_type",
    "chosen_type",
];

fn read_csv(path: &Path, text: &str, out: &mut Inputs) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            out.problem(
                path,
                Some(Position::new(1, 1)),
                format!("the header row cannot be read: {e}"),
            );
            return;
        }
    };
    let column = |name: &str| header.iter().position(|c| c == name);
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| column(c).is_none())
        .collect();
    if !missing.is_empty() {
        out.problem(
            path,
            Some(Position::new(1, 1)),
            format!(
                "is a CSV without the column(s) {}: export it with `salgstrener results --format csv`; nothing in it was read",
                missing.join(", ")
            ),
        );
        return;
    }
    let get = |record: &csv::StringRecord, name: &str| -> String {
        column(name)
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let file_trainee = Who {
        key: format!("file:{}", path.display()),
        name: path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        ),
    };
    struct Pending {
        who: Who,
        quiz_id: String,
        title: String,
        practice: bool,
        conversation: bool,
        best_points: Option<u32>,
        replies: usize,
        finished: Option<Timestamp>,
        questions: Vec<String>,
        points: u32,
    }
    let mut attempts: Vec<(String, Pending)> = Vec::new();
    for record in reader.records() {
        out.records += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                out.problem(
                    path,
                    Some(Position::new(line, 1)),
                    format!("row cannot be read: {e}; it was skipped"),
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let at_column = |name: &str| Some(Position::new(line, column(name).map_or(1, |i| i + 1)));
        let registration = get(&record, "registration");
        if registration.is_empty() {
            out.problem(
                path,
                at_column("registration"),
                "`registration` is empty, so the row's attempt is unknown; it was skipped".into(),
            );
            continue;
        }
        let scenario_id = get(&record, "scenario_id");
        let step_id = get(&record, "step_id");
        // A conversation's reply row has a step and no sale type (read further below).
        let right = sale_type(&get(&record, "right_type"));
        let reply = if step_id.is_empty() {
            None
        } else {
            match conversation::reply_points(&get(&record, "points")) {
                Some(points) => Some(points),
                None => {
                    out.problem(
                        path,
                        at_column("points"),
                        format!(
                            "`points` {:?} of a conversation's reply is not 0, 1 or 2; the row was skipped",
                            get(&record, "points")
                        ),
                    );
                    continue;
                }
            }
        };
        // A reply row's sale type, chosen type and answer points are never used.
        let Some(right) = right.or(reply.map(|_| SaleType::Nysalg)) else {
            out.problem(
                path,
                at_column("right_type"),
                format!(
                    "`right_type` {:?} is not a sale type; the row was skipped",
                    get(&record, "right_type")
                ),
            );
            continue;
        };
        let chosen_text = get(&record, "chosen_type");
        let chosen = sale_type(&chosen_text);
        if chosen.is_none() && !chosen_text.is_empty() {
            out.problem(
                path,
                at_column("chosen_type"),
                format!("`chosen_type` {chosen_text:?} is not a sale type; the row was skipped"),
            );
            continue;
        }
        let points_text = get(&record, "points");
        let points = if reply.is_some() {
            Some(0)
        } else if points_text.is_empty() {
            let part = |name: &str| get(&record, name).parse::<u8>().unwrap_or(0);
            Some(part("type_points") + part("offer_points"))
        } else {
            points_text.parse::<u8>().ok()
        };
        let Some(points) = points.filter(|p| *p <= 4) else {
            out.problem(
                path,
                at_column("points"),
                format!(
                    "`points` {points_text:?} is not a number from 0 to 4; the row was skipped"
                ),
            );
            continue;
        };
        let mbox = get(&record, "actor_mbox");
        let mbox = if mbox.is_empty() {
            get(&record, "actor_email")
        } else {
            mbox
        };
        let actor_name = get(&record, "actor_name");
        let who = if !mbox.is_empty() {
            let address = mbox.strip_prefix("mailto:").unwrap_or(&mbox).to_owned();
            Who {
                key: format!("mbox:{}", address.to_lowercase()),
                name: if actor_name.is_empty() {
                    address
                } else {
                    actor_name
                },
            }
        } else if !actor_name.is_empty() {
            Who {
                key: format!("name:{actor_name}"),
                name: actor_name,
            }
        } else {
            file_trainee.clone()
        };
        let quiz_id = get(&record, "quiz_id");
        let index = match attempts
            .iter()
            .position(|(r, p)| *r == registration && p.who == who)
        {
            Some(i) => i,
            None => {
                attempts.push((
                    registration.clone(),
                    Pending {
                        who: who.clone(),
                        quiz_id: quiz_id.clone(),
                        title: get(&record, "quiz_title"),
                        practice: get(&record, "kind") == "practice" || quiz_id == PRACTICE_ID,
                        conversation: get(&record, "kind") == conversation::KIND,
                        best_points: get(&record, "best_points").parse().ok(),
                        replies: 0,
                        finished: get(&record, "finished").parse().ok(),
                        questions: Vec::new(),
                        points: 0,
                    },
                ));
                attempts.len() - 1
            }
        };
        let pending = &mut attempts[index].1;
        if let Some(points) = reply {
            let position = pending.replies;
            pending.replies += 1;
            pending.conversation = true;
            pending.points += u32::from(points);
            out.observations.push(conversation::reply_row(
                who,
                registration,
                quiz_id,
                position,
                step_id,
                points,
            ));
            continue;
        }
        let position = pending.questions.len();
        pending.questions.push(scenario_id.clone());
        pending.points += u32::from(points);
        out.observations.push(Observation {
            id: row_id(&registration, &who, position, &scenario_id),
            who,
            registration,
            quiz_id,
            fact: Fact::Answered {
                scenario_id,
                right,
                chosen,
                points,
                at: get(&record, "finished").parse().ok(),
                position: Some(position),
            },
        });
    }
    for (registration, p) in attempts {
        let id = match Uuid::parse_str(&registration) {
            Ok(reg) => statement_id(reg, verbs::COMPLETED, None),
            Err(_) => Uuid::new_v5(
                &Uuid::NAMESPACE_OID,
                format!("csv {} {registration}", p.who.key).as_bytes(),
            ),
        };
        let max = if p.conversation {
            p.best_points.map(|best| best + 4)
        } else {
            Some(p.questions.len() as u32 * 4)
        };
        out.observations.push(Observation {
            id,
            who: p.who,
            registration,
            quiz_id: p.quiz_id,
            fact: Fact::Completed {
                title: (!p.title.is_empty()).then_some(p.title),
                practice: p.practice,
                conversation: p.conversation,
                score: max.map(|max| (p.points, max)),
                questions: Some(p.questions),
                at: p.finished,
            },
        });
    }
}

/// The id the xAPI export gives the same answer, so a CSV and an xAPI export of the same
/// history count once (for an answered question with a UUID registration).
fn row_id(registration: &str, who: &Who, position: usize, scenario_id: &str) -> Uuid {
    match Uuid::parse_str(registration) {
        Ok(reg) => statement_id(reg, verbs::ANSWERED, Some((position, scenario_id))),
        Err(_) => Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("csv {} {registration} {position} {scenario_id}", who.key).as_bytes(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_and_segments() {
        assert_eq!(
            segment_after("https://x/quizzes/modul%201%2F%C3%A6", "/quizzes/").as_deref(),
            Some("modul 1/æ")
        );
        assert_eq!(
            segment_after("https://x/scenarios/a-b", "/scenarios/").as_deref(),
            Some("a-b")
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn line_index_counts_lines_and_characters() {
        let text = "[\n  {æ},\n  {}\n]";
        let mut lines = LineIndex::new(text);
        assert_eq!(lines.position(4), Position::new(2, 3));
        let second = text.rfind("{}").unwrap();
        assert_eq!(lines.position(second), Position::new(3, 3));
        assert_eq!(lines.position(0), Position::new(1, 1));
    }
}
