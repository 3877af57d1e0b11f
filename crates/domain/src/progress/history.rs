//! The trainee's history: every finished quiz and practice session, kept in one RON file in
//! the user's data folder.

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::bank::conversation::Quality;
use crate::bank::scenario::Fit;
use crate::i18n::{FileMessage, fill, texts};
use crate::language::Language;
use crate::storage::{self, ReadError, StorageError};
use crate::teaching::taxonomy::SaleType;
use crate::training::scoring::Score;

/// How sure the trainee was of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Confidence {
    /// Guessing.
    Low,
    /// Fairly sure.
    Medium,
    /// Sure.
    High,
}

impl Confidence {
    /// All levels, lowest first.
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];
}

/// One answered (or unanswered) question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerRecord {
    /// The scenario's id.
    pub scenario_id: String,
    /// The right sale type.
    pub right_type: SaleType,
    /// The type the trainee chose; `None` when the question was left unanswered.
    pub chosen_type: Option<SaleType>,
    /// The chosen offer's text, so the record stays readable if the scenario changes.
    pub chosen_offer: Option<String>,
    /// How well the chosen offer fits.
    pub offer_fit: Option<Fit>,
    /// How sure the trainee said they were, when asked.
    pub confidence: Option<Confidence>,
    /// Points for the type (0-2).
    pub type_points: u8,
    /// Points for the offer (0-2).
    pub offer_points: u8,
    /// When the answer was checked or the quiz submitted.
    pub answered_at: Option<Timestamp>,
}

impl Default for AnswerRecord {
    fn default() -> Self {
        Self {
            scenario_id: String::new(),
            right_type: SaleType::Nysalg,
            chosen_type: None,
            chosen_offer: None,
            offer_fit: None,
            confidence: None,
            type_points: 0,
            offer_points: 0,
            answered_at: None,
        }
    }
}

impl AnswerRecord {
    /// Raw points, 0..=4.
    pub fn score(&self) -> Score {
        Score {
            type_points: self.type_points,
            offer_points: self.offer_points,
        }
    }

    /// True when the sale type was right.
    pub fn type_right(&self) -> bool {
        self.chosen_type == Some(self.right_type)
    }

    /// True when both the type and the offer earned full points.
    pub fn is_perfect(&self) -> bool {
        self.score().total() == Score::MAX
    }
}

/// Whether an attempt was a quiz or free practice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttemptKind {
    /// A quiz from a quiz file or the built-in quick quiz.
    #[default]
    Quiz,
    /// A practice session.
    Practice,
    /// One sales conversation; `quiz_id` is the conversation's id.
    Conversation,
}

/// One reply the trainee chose in a conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyRecord {
    /// The id of the step it was chosen at.
    pub step_id: String,
    /// The reply's text, so the record stays readable if the file changes.
    pub text: String,
    /// Its quality, which gave 2, 1 or 0 points.
    pub quality: Quality,
}

/// The conversation part of a conversation attempt; the decision is the attempt's one answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConversationRecord {
    /// The replies chosen, in order.
    pub replies: Vec<ReplyRecord>,
    /// The points of the best possible path, against which the replies are reported.
    pub best_points: u32,
    /// The customer's parting words when they left (then there is no decision).
    pub left: Option<String>,
    /// The facts the trainee uncovered.
    pub uncovered: Vec<String>,
    /// The facts the trainee missed.
    pub missed: Vec<String>,
}

impl ConversationRecord {
    /// Points from the replies.
    pub fn reply_points(&self) -> u32 {
        self.replies.iter().map(|r| r.quality.points()).sum()
    }
}

/// One finished quiz or practice session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attempt {
    /// A unique id for this attempt (a UUID), used as the xAPI registration.
    pub registration: String,
    /// Quiz or practice.
    pub kind: AttemptKind,
    /// The quiz id (`practice` for practice sessions).
    pub quiz_id: String,
    /// The quiz title at the time.
    pub quiz_title: String,
    /// When it started.
    pub started: Timestamp,
    /// When it was submitted or the session ended.
    pub finished: Timestamp,
    /// The pass mark in percent, for quizzes.
    pub pass_percent: Option<u8>,
    /// False when only fully right answers earn points.
    pub partial_credit: bool,
    /// Every question, answered or not.
    pub answers: Vec<AnswerRecord>,
    /// The replies of a conversation attempt; `None` for quizzes and practice (and in
    /// history files written before conversations existed).
    pub conversation: Option<ConversationRecord>,
}

impl Default for Attempt {
    fn default() -> Self {
        Self {
            registration: String::new(),
            kind: AttemptKind::Quiz,
            quiz_id: String::new(),
            quiz_title: String::new(),
            started: Timestamp::UNIX_EPOCH,
            finished: Timestamp::UNIX_EPOCH,
            pass_percent: None,
            partial_credit: true,
            answers: Vec::new(),
            conversation: None,
        }
    }
}

impl Attempt {
    /// Points earned for one answer under this attempt's rules.
    pub fn points_for(&self, answer: &AnswerRecord) -> u32 {
        let total = u32::from(answer.score().total());
        if self.partial_credit || answer.is_perfect() {
            total
        } else {
            0
        }
    }

    /// Points earned, with a conversation's reply points.
    pub fn points(&self) -> u32 {
        let replies = self
            .conversation
            .as_ref()
            .map_or(0, ConversationRecord::reply_points);
        replies + self.answers.iter().map(|a| self.points_for(a)).sum::<u32>()
    }

    /// Points possible. A conversation counts its best path and one decision, also when the
    /// customer left before it.
    pub fn max_points(&self) -> u32 {
        match &self.conversation {
            Some(c) => c.best_points + u32::from(Score::MAX),
            None => self.answers.len() as u32 * u32::from(Score::MAX),
        }
    }

    /// Score in percent, 0..=100 (0 for an empty attempt).
    pub fn percent(&self) -> f64 {
        match self.max_points() {
            0 => 0.0,
            max => 100.0 * f64::from(self.points()) / f64::from(max),
        }
    }

    /// Pass or fail against the pass mark; `None` without one.
    pub fn passed(&self) -> Option<bool> {
        self.pass_percent
            .map(|mark| self.percent() + 1e-9 >= f64::from(mark))
    }

    /// Time between start and finish.
    pub fn duration(&self) -> jiff::SignedDuration {
        self.finished.duration_since(self.started)
    }
}

/// Everything the trainee has done, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    /// Format version, for future migrations.
    pub version: u32,
    /// Finished attempts, oldest first.
    pub attempts: Vec<Attempt>,
}

/// What happened when the history file was opened, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenNotice {
    /// The file could not be read as a history; it was moved here and a new one started.
    KeptAside {
        /// Where the unreadable file now is.
        moved_to: PathBuf,
        /// Why it could not be read.
        reason: FileMessage,
        /// The attempts that were usable and kept in the new file; 0 when it could not be
        /// read at all.
        kept: usize,
    },
}

impl OpenNotice {
    /// Why the file could not be used as it was.
    pub fn reason(&self) -> &FileMessage {
        match self {
            OpenNotice::KeptAside { reason, .. } => reason,
        }
    }

    /// What the window tells the trainee, in `lang`.
    pub fn text(&self, lang: Language) -> String {
        let t = texts(lang);
        match self {
            OpenNotice::KeptAside {
                moved_to,
                reason,
                kept,
            } => {
                let template = match kept {
                    0 => t.notice_history_kept_aside,
                    _ => t.notice_history_partly_kept,
                };
                fill(
                    template,
                    &[
                        ("reason", &reason.text(lang)),
                        ("path", &moved_to.display()),
                        ("kept", kept),
                    ],
                )
            }
        }
    }
}

/// The history file on disk and its contents.
#[derive(Debug)]
pub struct HistoryStore {
    path: PathBuf,
    history: History,
}

/// The name of the history file in the data folder.
pub const HISTORY_FILE: &str = "history.ron";

impl HistoryStore {
    /// Opens `path`. A missing file is an empty history. A file that cannot be a history (it
    /// does not parse, is over [`MAX_HISTORY_BYTES`], is a named pipe or another special file)
    /// is moved aside as `history.ron.corrupt-<timestamp>` and reported, never overwritten.
    /// So is one that parses but holds values no run of the app writes (see [`absurdity`]):
    /// the attempts without such values are kept and saved at once, so the trainee keeps their
    /// progress, and the original stays beside it to look into.
    pub fn open(
        path: &Path,
        now: Timestamp,
    ) -> Result<(HistoryStore, Option<OpenNotice>), StorageError> {
        let bytes = match storage::read_regular(path, MAX_HISTORY_BYTES) {
            Ok(bytes) => Ok(bytes),
            Err(ReadError::NotFound) => return Ok((Self::empty(path), None)),
            Err(ReadError::Io(source)) => {
                return Err(StorageError {
                    path: path.to_path_buf(),
                    action: Box::new(FileMessage::ReadHistory {}),
                    source,
                });
            }
            Err(ReadError::TooBig { size, .. }) => Err(FileMessage::HistoryTooBig {
                mib: size.max(MAX_HISTORY_BYTES + 1) / 1024 / 1024,
                limit_mib: MAX_HISTORY_BYTES / 1024 / 1024,
            }),
            Err(e @ ReadError::NotRegular(_)) => Err(e.message()),
        };
        let not_a_history = |detail: String| FileMessage::NotAHistory { detail };
        let parsed = bytes.and_then(|bytes| {
            std::str::from_utf8(&bytes)
                .map_err(|e| not_a_history(e.to_string()))
                .and_then(|t| ron::from_str::<History>(t).map_err(|e| not_a_history(e.to_string())))
        });
        let (mut history, reason) = match parsed {
            Ok(history) => {
                let (kept, reason) = without_absurd(history, now);
                match reason {
                    None => {
                        return Ok((
                            HistoryStore {
                                path: path.to_path_buf(),
                                history: kept,
                            },
                            None,
                        ));
                    }
                    Some(reason) => (kept, reason),
                }
            }
            Err(reason) => (Self::empty(path).history, reason),
        };
        let moved_to = storage::keep_aside(path, &now.to_string())?;
        history.version = history.version.max(1);
        let store = HistoryStore {
            path: path.to_path_buf(),
            history,
        };
        if !store.history.attempts.is_empty() {
            store.save()?;
        }
        let kept = store.history.attempts.len();
        Ok((
            store,
            Some(OpenNotice::KeptAside {
                moved_to,
                reason,
                kept,
            }),
        ))
    }

    /// An empty history that will be saved to `path`.
    pub fn empty(path: &Path) -> HistoryStore {
        HistoryStore {
            path: path.to_path_buf(),
            history: History {
                version: 1,
                attempts: Vec::new(),
            },
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The contents.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Adds an attempt and saves the whole history atomically.
    pub fn record(&mut self, attempt: Attempt) -> Result<(), StorageError> {
        self.history.attempts.push(attempt);
        self.save()
    }

    /// Replaces the last attempt when it has the same registration (a practice session that
    /// grows answer by answer), else adds it; then saves.
    pub fn upsert(&mut self, attempt: Attempt) -> Result<(), StorageError> {
        match self.history.attempts.last_mut() {
            Some(last) if last.registration == attempt.registration => *last = attempt,
            _ => self.history.attempts.push(attempt),
        }
        self.save()
    }

    /// Writes the history atomically.
    pub fn save(&self) -> Result<(), StorageError> {
        let text = ron::ser::to_string_pretty(
            &self.history,
            ron::ser::PrettyConfig::default().struct_names(true),
        )
        .map_err(|e| StorageError {
            path: self.path.clone(),
            action: Box::new(FileMessage::WriteHistory {}),
            source: io::Error::other(e.to_string()),
        })?;
        storage::write_atomic(&self.path, text.as_bytes())
    }
}

/// Largest history read. An answer takes about 300 bytes, so this holds over 200,000 answers:
/// years of daily practice. A bigger file is kept aside like a corrupt one.
pub const MAX_HISTORY_BYTES: u64 = 64 * 1024 * 1024;

/// How far in the future a time in the history may lie: clocks differ a little between
/// machines, never by more than a day.
const CLOCK_SLACK: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Why `attempt` cannot have been written by the app at `now`, if it cannot: points over the
/// maximum (they would show as thousands of percent) or times in the future (they would
/// make a scenario wait for ever, or overflow the date arithmetic).
pub fn absurdity(attempt: &Attempt, now: Timestamp) -> Option<FileMessage> {
    let latest = now.checked_add(CLOCK_SLACK).unwrap_or(Timestamp::MAX);
    let times = [Some(attempt.started), Some(attempt.finished)]
        .into_iter()
        .chain(attempt.answers.iter().map(|a| a.answered_at))
        .flatten();
    if let Some(t) = times.into_iter().find(|t| *t > latest) {
        return Some(FileMessage::FutureTime {
            time: t.to_string(),
        });
    }
    if attempt.finished < attempt.started {
        return Some(FileMessage::FinishedBeforeStarted {});
    }
    if let Some(a) = attempt
        .answers
        .iter()
        .find(|a| a.type_points > 2 || a.offer_points > 2)
    {
        return Some(FileMessage::PointsOverMaximum {
            type_points: a.type_points,
            offer_points: a.offer_points,
        });
    }
    if attempt.pass_percent.is_some_and(|p| p > 100) {
        return Some(FileMessage::PassMarkOver100 {});
    }
    None
}

/// The history without attempts no run of the app writes, and why they were left out.
fn without_absurd(mut history: History, now: Timestamp) -> (History, Option<FileMessage>) {
    let mut reasons = Vec::new();
    let mut index = 0;
    history.attempts.retain(|attempt| {
        index += 1;
        match absurdity(attempt, now) {
            Some(why) => {
                reasons.push(FileMessage::AttemptHolds {
                    n: index,
                    quiz: attempt.quiz_id.clone(),
                    what: Box::new(why),
                });
                false
            }
            None => true,
        }
    });
    let reason = match reasons.len() {
        0 => None,
        1 => Some(FileMessage::LeftOutOne {
            attempt: Box::new(reasons.swap_remove(0)),
        }),
        n => Some(FileMessage::LeftOutSeveral {
            first: Box::new(reasons.swap_remove(0)),
            others: n - 1,
        }),
    };
    (history, reason)
}

/// A new random attempt id in UUID form.
pub fn new_registration() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn answer(right: SaleType, chosen: SaleType, offer_points: u8) -> AnswerRecord {
        AnswerRecord {
            scenario_id: "s".into(),
            right_type: right,
            chosen_type: Some(chosen),
            type_points: crate::training::scoring::type_points(right, chosen),
            offer_points,
            ..AnswerRecord::default()
        }
    }

    #[test]
    fn points_follow_partial_credit() {
        let mut a = Attempt {
            pass_percent: Some(50),
            answers: vec![
                answer(SaleType::Mersalg, SaleType::Mersalg, 2),
                answer(SaleType::Mersalg, SaleType::Gjensalg, 1),
            ],
            ..Attempt::default()
        };
        assert_eq!((a.points(), a.max_points()), (6, 8));
        assert_eq!(a.passed(), Some(true));
        a.partial_credit = false;
        assert_eq!(a.points(), 4);
        assert_eq!(a.percent(), 50.0);
        assert_eq!(a.passed(), Some(true));
        a.pass_percent = Some(51);
        assert_eq!(a.passed(), Some(false));
    }

    #[test]
    fn history_round_trips_and_a_corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(HISTORY_FILE);
        let now: Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
        let (mut store, notice) = HistoryStore::open(&path, now).unwrap();
        assert_eq!(notice, None);
        store
            .record(Attempt {
                registration: new_registration(),
                quiz_id: "modul-1".into(),
                started: now,
                finished: now,
                answers: vec![answer(SaleType::Nysalg, SaleType::Kryssalg, 0)],
                ..Attempt::default()
            })
            .unwrap();
        let (again, _) = HistoryStore::open(&path, now).unwrap();
        assert_eq!(again.history(), store.history());

        fs::write(&path, "History(attempts: [Attempt(quiz_id: ").unwrap();
        let (fresh, notice) = HistoryStore::open(&path, now).unwrap();
        assert!(fresh.history().attempts.is_empty());
        let Some(OpenNotice::KeptAside { moved_to, .. }) = notice else {
            panic!("expected the corrupt file to be kept aside");
        };
        assert_eq!(
            fs::read_to_string(&moved_to).unwrap(),
            "History(attempts: [Attempt(quiz_id: "
        );
        assert!(
            !path.exists(),
            "nothing is written until there is something to save"
        );
    }

    fn attempt_at(when: &str, type_points: u8) -> Attempt {
        let at: Timestamp = when.parse().unwrap();
        Attempt {
            registration: new_registration(),
            quiz_id: "modul-1".into(),
            started: at,
            finished: at,
            answers: vec![AnswerRecord {
                scenario_id: "s".into(),
                right_type: SaleType::Mersalg,
                chosen_type: Some(SaleType::Mersalg),
                type_points,
                offer_points: 2,
                answered_at: Some(at),
                ..AnswerRecord::default()
            }],
            ..Attempt::default()
        }
    }

    #[test]
    fn absurd_dates_and_points_are_left_out_reported_and_the_original_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(HISTORY_FILE);
        let now: Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
        let history = History {
            version: 1,
            attempts: vec![
                attempt_at("2026-11-26T12:00:00Z", 2),
                attempt_at("9999-12-30T00:00:00Z", 2),
                attempt_at("2026-11-26T13:00:00Z", 255),
            ],
        };
        let text = ron::ser::to_string(&history).unwrap();
        fs::write(&path, &text).unwrap();
        let (store, notice) = HistoryStore::open(&path, now).unwrap();
        assert_eq!(store.history().attempts, history.attempts[..1]);
        let Some(notice) = notice else {
            panic!("expected a notice");
        };
        // The window says what was kept, not that a new history was started.
        let said = notice.text(Language::En);
        assert!(
            said.starts_with("The history file held attempts the app cannot use (attempt 2")
                && said.ends_with("; the attempts the app can use are kept (1)."),
            "{said}"
        );
        let OpenNotice::KeptAside {
            moved_to,
            reason,
            kept,
        } = notice;
        assert_eq!(kept, 1);
        // Typed, so the Norwegian interface and `--lang nb` say it in Norwegian.
        let nb = crate::i18n::Localized::text_in(&reason, crate::language::Language::Nb);
        assert!(nb.contains("forsøk 2") && nb.contains("fremtiden"), "{nb}");
        let reason = reason.to_string();
        assert!(reason.contains("attempt 2"), "{reason}");
        assert!(reason.contains("future"), "{reason}");
        assert!(reason.contains("1 other"), "{reason}");
        assert_eq!(fs::read_to_string(moved_to).unwrap(), text);
        // The usable part is saved at once, so the next start finds it and no notice.
        let (again, notice) = HistoryStore::open(&path, now).unwrap();
        assert_eq!(notice, None);
        assert_eq!(again.history().attempts, history.attempts[..1]);
    }

    #[test]
    fn a_history_over_the_limit_is_kept_aside_without_reading_it_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(HISTORY_FILE);
        let file = fs::File::create(&path).unwrap();
        file.set_len(MAX_HISTORY_BYTES + 1).unwrap();
        let now: Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
        let (store, notice) = HistoryStore::open(&path, now).unwrap();
        assert!(store.history().attempts.is_empty());
        let Some(OpenNotice::KeptAside {
            moved_to, reason, ..
        }) = notice
        else {
            panic!("expected a notice, got {notice:?}");
        };
        let reason = reason.to_string();
        assert!(reason.contains("over the limit of 64 MiB"), "{reason}");
        assert_eq!(fs::metadata(moved_to).unwrap().len(), MAX_HISTORY_BYTES + 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_as_the_history_is_kept_aside_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(HISTORY_FILE);
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system
        }
        let now: Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
        let (store, notice) = HistoryStore::open(&path, now).unwrap();
        assert!(store.history().attempts.is_empty());
        let reason = notice.expect("a notice").reason().to_string();
        assert!(reason.contains("named pipe"), "{reason}");
        assert!(!path.exists());
    }
}
