//! Observations deduplicated by statement id and grouped into trainees and attempts.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use uuid::Uuid;

use super::read::{Fact, Inputs, Tally};
use crate::progress::records::PRACTICE_ID;
use crate::teaching::taxonomy::SaleType;

/// One trainee, as the statements' actor (or the CSV file) identifies them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trainee {
    /// What identifies them (`mbox:…`, `account:…`, `name:…`, `file:…`).
    pub key: String,
    /// The name to show.
    pub name: String,
}

/// One answer in an attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassAnswer {
    /// The scenario.
    pub scenario_id: String,
    /// The right type.
    pub right: SaleType,
    /// The chosen type (`None`: unanswered, from a CSV).
    pub chosen: Option<SaleType>,
    /// Points it counted, 0-4.
    pub points: u8,
    /// When.
    pub at: Option<Timestamp>,
    /// Its place in the attempt, when the input says.
    pub position: Option<usize>,
}

/// One attempt (quiz or practice session) of one trainee.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassAttempt {
    /// Index into [`ClassData::trainees`].
    pub trainee: usize,
    /// The xAPI registration.
    pub registration: String,
    /// The quiz's id.
    pub quiz_id: String,
    /// The quiz's title as the statements carry it.
    pub title: Option<String>,
    /// A practice session rather than a quiz.
    pub practice: bool,
    /// A sales conversation rather than a quiz: its one answer is the decision (none when
    /// the customer left), and its replies are in [`ClassAttempt::replies`].
    pub conversation: bool,
    /// A conversation's best path's points, when the export says.
    pub best_points: Option<u32>,
    /// A conversation's replies: the step and the points (2/1/0), in the order read.
    pub replies: Vec<(String, u8)>,
    /// A completed statement (or a CSV row) says the attempt was finished.
    pub completed: bool,
    /// When it was finished (else the last answer's time).
    pub finished: Option<Timestamp>,
    /// Pass or fail, when a verdict was read.
    pub passed: Option<bool>,
    /// Every question in order, when the export lists them.
    pub questions: Option<Vec<String>>,
    /// The answers read, in the attempt's order.
    pub answers: Vec<ClassAnswer>,
}

impl ClassAttempt {
    /// The attempt's questions with their points x (0 for an unanswered one) and the answer,
    /// in order. Without a question list, the answers read are the questions.
    pub fn items(&self) -> Vec<(&str, u8, Option<&ClassAnswer>)> {
        let Some(questions) = &self.questions else {
            return self
                .answers
                .iter()
                .map(|a| (a.scenario_id.as_str(), a.points, Some(a)))
                .collect();
        };
        let mut used = vec![false; self.answers.len()];
        questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let found =
                    self.answers
                        .iter()
                        .enumerate()
                        .find(|(j, a)| !used[*j] && a.position == Some(i) && a.scenario_id == *q)
                        .or_else(|| {
                            self.answers.iter().enumerate().find(|(j, a)| {
                                !used[*j] && a.position.is_none() && a.scenario_id == *q
                            })
                        });
                match found {
                    Some((j, a)) => {
                        used[j] = true;
                        (q.as_str(), a.points, Some(a))
                    }
                    None => (q.as_str(), 0, None),
                }
            })
            .collect()
    }

    /// A conversation's reply points.
    pub fn reply_points(&self) -> u32 {
        self.replies.iter().map(|(_, p)| u32::from(*p)).sum()
    }

    /// A conversation's reply points / the best path's points, 0-1, when the best path is
    /// known and worth points.
    pub fn reply_share(&self) -> Option<f64> {
        let best = self.best_points.filter(|b| *b > 0)?;
        Some(f64::from(self.reply_points()) / f64::from(best))
    }

    /// Points earned and possible.
    pub fn score(&self) -> (u32, u32) {
        let items = self.items();
        (
            items.iter().map(|(_, x, _)| u32::from(*x)).sum(),
            items.len() as u32 * 4,
        )
    }
}

/// Everything read, counted once.
#[derive(Clone, Debug, Default)]
pub struct ClassData {
    /// The trainees, in the order first seen.
    pub trainees: Vec<Trainee>,
    /// Every attempt.
    pub attempts: Vec<ClassAttempt>,
    /// Statements read more than once (same id), counted once.
    pub duplicates: usize,
    /// How much was read and what could not be used.
    pub tally: Tally,
}

/// Dedupes the observations by statement id (the first one read counts) and groups them.
pub fn assemble(inputs: Inputs) -> ClassData {
    let mut data = ClassData {
        tally: inputs.tally,
        ..ClassData::default()
    };
    let mut seen: HashSet<Uuid> = HashSet::with_capacity(inputs.observations.len());
    let mut trainees: HashMap<String, usize> = HashMap::new();
    let mut attempts: HashMap<(usize, String), usize> = HashMap::new();
    for o in inputs.observations {
        if !seen.insert(o.id) {
            data.duplicates += 1;
            continue;
        }
        let trainee = *trainees.entry(o.who.key.clone()).or_insert_with(|| {
            data.trainees.push(Trainee {
                key: o.who.key.clone(),
                name: o.who.name.clone(),
            });
            data.trainees.len() - 1
        });
        let index = *attempts
            .entry((trainee, o.registration.clone()))
            .or_insert_with(|| {
                data.attempts.push(ClassAttempt {
                    trainee,
                    registration: o.registration.clone(),
                    quiz_id: o.quiz_id.clone(),
                    title: None,
                    practice: o.quiz_id == PRACTICE_ID,
                    conversation: false,
                    best_points: None,
                    replies: Vec::new(),
                    completed: false,
                    finished: None,
                    passed: None,
                    questions: None,
                    answers: Vec::new(),
                });
                data.attempts.len() - 1
            });
        let attempt = &mut data.attempts[index];
        match o.fact {
            Fact::Answered(answer) => {
                if attempt.quiz_id.is_empty() {
                    attempt.quiz_id = o.quiz_id;
                }
                attempt.answers.push(answer);
            }
            Fact::Replied { step_id, points } => {
                attempt.conversation = true;
                attempt.replies.push((step_id, points));
            }
            Fact::Completed(done) => {
                attempt.quiz_id = o.quiz_id;
                attempt.completed = true;
                attempt.practice = done.practice;
                attempt.conversation |= done.conversation;
                if done.conversation {
                    // The maximum is the best path's points and the decision's 4.
                    attempt.best_points = done.score.map(|(_, max)| max.saturating_sub(4));
                }
                attempt.title = done.title;
                attempt.questions = done.questions;
                attempt.finished = done.at;
            }
            Fact::Verdict(passed) => attempt.passed = Some(passed),
        }
    }
    for attempt in &mut data.attempts {
        // Statements can come in any order (an LRS returns the newest first).
        attempt
            .answers
            .sort_by_key(|a| (a.position.unwrap_or(usize::MAX), a.at));
        if attempt.finished.is_none() {
            attempt.finished = attempt.answers.iter().filter_map(|a| a.at).max();
        }
    }
    data
}
