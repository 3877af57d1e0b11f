//! The trainee's records while the app runs: the history on disk and what is derived from it
//! (Leitner boxes, progress figures), kept in step whenever an answer is recorded.

use std::collections::HashSet;

use jiff::Timestamp;

use crate::bank::Bank;
use crate::bank::scenario::Scenario;
use crate::progress::history::{
    AnswerRecord, Attempt, AttemptKind, History, HistoryStore, new_registration,
};
use crate::progress::leitner::Leitner;
use crate::progress::stats::Progress;
use crate::storage::StorageError;
use crate::training::scoring::Outcome;

/// Id under which practice sessions are stored in the history.
pub const PRACTICE_ID: &str = "practice";

/// History, boxes and progress. Without a store (no data folder) nothing is saved, but the
/// session still works.
#[derive(Debug)]
pub struct Records {
    store: Option<HistoryStore>,
    leitner: Leitner,
    progress: Progress,
    practice: Option<Attempt>,
}

impl Records {
    /// Records backed by `store`, or in memory only.
    pub fn new(store: Option<HistoryStore>) -> Records {
        let empty = History::default();
        let history = store.as_ref().map_or(&empty, HistoryStore::history);
        Records {
            leitner: Leitner::from_history(history),
            progress: Progress::of(history),
            store,
            practice: None,
        }
    }

    /// The saved history (empty without a store).
    pub fn history(&self) -> History {
        self.store
            .as_ref()
            .map(|s| s.history().clone())
            .unwrap_or_default()
    }

    /// Where the history is saved, if anywhere.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.store.as_ref().map(HistoryStore::path)
    }

    /// Figures across the history.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The Leitner boxes.
    pub fn leitner(&self) -> &Leitner {
        &self.leitner
    }

    /// Ids of the bank's scenarios that are due for repetition at `now`.
    pub fn due_ids(&self, bank: &Bank, now: Timestamp) -> HashSet<String> {
        bank.scenarios()
            .iter()
            .filter(|s| self.leitner.is_due(&s.id, now))
            .map(|s| s.id.clone())
            .collect()
    }

    /// Records one checked practice answer; the session is saved as one growing attempt.
    pub fn record_practice(
        &mut self,
        scenario: &Scenario,
        outcome: &Outcome,
        now: Timestamp,
    ) -> Result<(), StorageError> {
        let answer = AnswerRecord {
            scenario_id: scenario.id.clone(),
            right_type: scenario.answer,
            chosen_type: Some(outcome.choice.sale_type),
            chosen_offer: scenario
                .offers
                .get(outcome.choice.offer)
                .map(|o| o.text.clone()),
            offer_fit: Some(outcome.offer_fit),
            confidence: None,
            type_points: outcome.score.type_points,
            offer_points: outcome.score.offer_points,
            answered_at: Some(now),
        };
        self.leitner.record(&answer, now);
        let attempt = self.practice.get_or_insert_with(|| Attempt {
            registration: new_registration(),
            kind: AttemptKind::Practice,
            quiz_id: PRACTICE_ID.into(),
            quiz_title: "Øving / Practice".into(),
            started: now,
            finished: now,
            pass_percent: None,
            partial_credit: true,
            answers: Vec::new(),
            conversation: None,
        });
        attempt.answers.push(answer);
        attempt.finished = now;
        let attempt = attempt.clone();
        self.save(|store| store.upsert(attempt))
    }

    /// Records a finished quiz attempt.
    pub fn record_quiz(&mut self, attempt: Attempt) -> Result<(), StorageError> {
        for answer in &attempt.answers {
            self.leitner
                .record(answer, answer.answered_at.unwrap_or(attempt.finished));
        }
        self.save(|store| store.record(attempt))
    }

    /// Records a finished conversation. Its decision does not move the Leitner boxes, which
    /// schedule scenarios.
    pub fn record_conversation(&mut self, attempt: Attempt) -> Result<(), StorageError> {
        self.save(|store| store.record(attempt))
    }

    /// Writes to the store, if there is one, and brings the progress figures up to date.
    fn save(
        &mut self,
        write: impl FnOnce(&mut HistoryStore) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        let result = self.store.as_mut().map_or(Ok(()), write);
        if let Some(store) = &self.store {
            self.progress = Progress::of(store.history());
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::BankSource;
    use crate::storage::temp_file;
    use crate::training::scoring::{Choice, score};

    #[test]
    fn practice_answers_are_saved_as_one_session_and_feed_the_boxes() {
        let (_dir, path) = temp_file("history.ron");
        let now: Timestamp = "2026-11-27T10:00:00Z".parse().unwrap();
        let (store, _) = HistoryStore::open(&path, now).unwrap();
        let mut records = Records::new(Some(store));
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let s = &bank.scenarios()[0];
        let wrong_type = crate::teaching::taxonomy::SaleType::ALL[(s.answer.index() + 1) % 5];
        let outcome = score(
            s,
            Choice {
                sale_type: wrong_type,
                offer: 0,
            },
            s.language,
        )
        .unwrap();
        records.record_practice(s, &outcome, now).unwrap();
        let s2 = &bank.scenarios()[1];
        let best = s2
            .offers
            .iter()
            .position(|o| o.fit == crate::bank::scenario::Fit::Best)
            .unwrap();
        let outcome2 = score(
            s2,
            Choice {
                sale_type: s2.answer,
                offer: best,
            },
            s2.language,
        )
        .unwrap();
        records.record_practice(s2, &outcome2, now).unwrap();

        let (reopened, _) = HistoryStore::open(&path, now).unwrap();
        assert_eq!(
            reopened.history().attempts.len(),
            1,
            "one session, not one attempt per answer"
        );
        assert_eq!(reopened.history().attempts[0].answers.len(), 2);
        assert_eq!(records.progress().answers, 2);
        let due = records.due_ids(&bank, now);
        assert!(due.contains(&s.id), "a wrong answer is due again at once");
        assert!(!due.contains(&s2.id), "a right answer moves up and waits");
        // A new Records over the same file derives the same boxes.
        let again = Records::new(Some(reopened));
        assert_eq!(again.leitner(), records.leitner());
    }
}
