//! Sales conversations in the trainees' exports, read and summarised.
//!
//! A conversation attempt is exported as one `answered` statement per reply (object
//! `<base>/conversations/<id>/steps/<step>`, score 2/1/0), one `answered` statement for the
//! decision (a scenario named by the conversation's id, its parent the conversation) and a
//! `completed` statement whose maximum score is the best path's points plus the decision's 4.
//! In a results CSV it is `kind` `conversation`: a row per reply (`step_id`, `points` 2/1/0),
//! the decision's row, and `best_points`. Here the replies become [`Fact::Replied`]; the
//! decision is read like any answer, and [`summarise`] makes each conversation's figures.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::BankInfo;
use super::assemble::ClassAttempt;
use super::compute::ItemStats;
use super::math;
use super::read::{Fact, Observation, Who, segment_after};
use crate::i18n::FileMessage;
use crate::interop::xapi::statement_id;

/// The path segment of conversation activities.
pub const FOLDER: &str = "/conversations/";

/// The `kind` of a conversation's rows in a results CSV.
pub const KIND: &str = "conversation";

/// The verb the export mixes into a reply statement's id (the decision's id uses `answered`).
const REPLY_ID_VERB: &str = "replied";

/// True for a conversation step's activity id.
pub fn is_step(object_id: &str) -> bool {
    object_id.contains(FOLDER) && object_id.contains("/steps/")
}

/// The conversation's id and the reply of a reply statement about `object_id` with the score
/// `points`, or why it cannot be used.
pub fn reply(object_id: &str, points: Option<f64>) -> Result<(String, Fact), FileMessage> {
    let conversation = segment_after(object_id, FOLDER).unwrap_or_default();
    let step_id = segment_after(object_id, "/steps/").unwrap_or_default();
    let Some(points) = points.filter(|p| (0.0..=2.0).contains(p) && p.fract() == 0.0) else {
        return Err(FileMessage::ReplyNoScore {
            step: step_id,
            conversation,
        });
    };
    Ok((
        conversation,
        Fact::Replied {
            step_id,
            points: points as u8,
        },
    ))
}

/// A CSV reply row's points, when they are 0, 1 or 2.
pub fn reply_points(text: &str) -> Option<u8> {
    text.trim().parse::<u8>().ok().filter(|p| *p <= 2)
}

/// A CSV reply row as an observation, with the id the xAPI export gives the same reply (so a
/// CSV and an xAPI export of one history count once).
pub fn reply_row(
    who: Who,
    registration: String,
    quiz_id: String,
    position: usize,
    step_id: String,
    points: u8,
) -> Observation {
    let id = match Uuid::parse_str(&registration) {
        Ok(reg) => statement_id(reg, REPLY_ID_VERB, Some((position, &step_id))),
        Err(_) => Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("csv {} {registration} reply {position} {step_id}", who.key).as_bytes(),
        ),
    };
    Observation {
        id,
        who,
        registration,
        quiz_id,
        fact: Fact::Replied { step_id, points },
    }
}

/// One conversation over the included attempts.
#[derive(Clone, Debug, PartialEq)]
pub struct ConversationStats {
    /// The conversation's id.
    pub conversation_id: String,
    /// Its title: from the bank, else from the statements, else the id.
    pub title: String,
    /// Included attempts.
    pub attempts: u32,
    /// Attempts in which the customer left before the decision.
    pub left: u32,
    /// Mean reply points per attempt.
    pub reply_mean: Option<f64>,
    /// The best path's points (the most recent attempt that says).
    pub best_points: Option<u32>,
    /// Mean of each attempt's reply points / the best path's points, 0-1 (attempts whose best
    /// path is known and worth points).
    pub reply_share: Option<f64>,
    /// The step with the lowest mean reply points, with that mean (0-2) and its replies.
    pub weakest_step: Option<(String, f64, u32)>,
    /// The decision as an item: x its points (0-4) in the attempts that reached it, and the
    /// rest of the attempt its reply points.
    pub items: Vec<ItemStats>,
}

impl ConversationStats {
    /// The share of attempts in which the customer left, 0-1.
    pub fn left_share(&self) -> Option<f64> {
        (self.attempts > 0).then(|| f64::from(self.left) / f64::from(self.attempts))
    }

    /// The decision's item statistics.
    pub fn decision(&self) -> Option<&ItemStats> {
        self.items.first()
    }
}

/// Each conversation's figures over `attempts` (the included conversation attempts), by id.
pub fn summarise(
    attempts: &[&ClassAttempt],
    bank: &BankInfo,
    decision_item: impl Fn(&str, &[&ClassAttempt]) -> ItemStats,
) -> Vec<ConversationStats> {
    let mut by_id: BTreeMap<&str, Vec<&ClassAttempt>> = BTreeMap::new();
    for a in attempts {
        by_id.entry(&a.quiz_id).or_default().push(a);
    }
    by_id
        .into_iter()
        .map(|(id, attempts)| {
            let replies: Vec<f64> = attempts
                .iter()
                .map(|a| f64::from(a.reply_points()))
                .collect();
            let shares: Vec<f64> = attempts.iter().filter_map(|a| a.reply_share()).collect();
            let mut steps: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
            for (step, points) in attempts.iter().flat_map(|a| &a.replies) {
                steps.entry(step).or_default().push(f64::from(*points));
            }
            let weakest_step = steps
                .into_iter()
                .filter_map(|(step, points)| {
                    Some((step.to_owned(), math::mean(&points)?, points.len() as u32))
                })
                // The lowest mean; ties go to the first step by id.
                .reduce(|a, b| if b.1 < a.1 { b } else { a });
            let title = bank
                .scenario_title(id)
                .map(str::to_owned)
                .or_else(|| attempts.iter().rev().find_map(|a| a.title.clone()))
                .unwrap_or_else(|| id.to_owned());
            let decided: Vec<&ClassAttempt> = attempts
                .iter()
                .copied()
                .filter(|a| !a.answers.is_empty())
                .collect();
            let mut decision = (!decided.is_empty()).then(|| decision_item(id, &decided));
            if let Some(d) = decision.as_mut().filter(|d| d.title.is_none()) {
                // Named like its conversation even when the bank does not have it.
                d.title = Some(title.clone());
            }
            ConversationStats {
                conversation_id: id.to_owned(),
                title,
                attempts: attempts.len() as u32,
                left: (attempts.len() - decided.len()) as u32,
                reply_mean: math::mean(&replies),
                best_points: attempts.iter().rev().find_map(|a| a.best_points),
                reply_share: math::mean(&shares),
                weakest_step,
                items: decision.into_iter().collect(),
            }
        })
        .collect()
}
