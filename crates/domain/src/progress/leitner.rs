//! Spaced repetition with Leitner boxes: each scenario sits in a box from 1 to 5; a wrong
//! answer sends it back to box 1, a right one moves it up a box, and higher boxes come back
//! after longer pauses.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};

use crate::progress::history::{AnswerRecord, History};

/// The highest box.
pub const MAX_BOX: u8 = 5;

/// Pause before a scenario in each box is due again (box 1 is due at once).
fn interval(box_number: u8) -> SignedDuration {
    let hours = match box_number {
        0 | 1 => 0,
        2 => 24,
        3 => 3 * 24,
        4 => 7 * 24,
        _ => 14 * 24,
    };
    SignedDuration::from_hours(hours)
}

/// Where one scenario stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Card {
    /// Box 1 to 5.
    pub box_number: u8,
    /// When it was last answered.
    pub last_seen: Timestamp,
}

impl Card {
    /// True when the pause for its box has passed.
    /// A card whose due time lies beyond the last representable time is never due.
    pub fn is_due(&self, now: Timestamp) -> bool {
        self.last_seen
            .checked_add(interval(self.box_number))
            .is_ok_and(|due| due <= now)
    }
}

/// The boxes of every scenario the trainee has answered. Derived from the history, so there is
/// nothing extra to store or to get out of step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Leitner {
    cards: HashMap<String, Card>,
}

impl Leitner {
    /// Replays every answer in the history, oldest first.
    pub fn from_history(history: &History) -> Leitner {
        let mut leitner = Leitner::default();
        for attempt in &history.attempts {
            for answer in &attempt.answers {
                leitner.record(answer, answer.answered_at.unwrap_or(attempt.finished));
            }
        }
        leitner
    }

    /// Moves a scenario after an answer: up one box when fully right, back to box 1 otherwise.
    /// Unanswered questions leave the box unchanged.
    pub fn record(&mut self, answer: &AnswerRecord, at: Timestamp) {
        if answer.chosen_type.is_none() {
            return;
        }
        let card = self
            .cards
            .entry(answer.scenario_id.clone())
            // A scenario seen for the first time starts in box 1.
            .or_insert(Card {
                box_number: 1,
                last_seen: at,
            });
        card.box_number = if answer.is_perfect() {
            (card.box_number + 1).min(MAX_BOX)
        } else {
            1
        };
        card.last_seen = at;
    }

    /// The card of a scenario, if it has been answered.
    pub fn card(&self, scenario_id: &str) -> Option<Card> {
        self.cards.get(scenario_id).copied()
    }

    /// True when a scenario that has been seen is due again.
    pub fn is_due(&self, scenario_id: &str, now: Timestamp) -> bool {
        self.card(scenario_id).is_some_and(|c| c.is_due(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teaching::taxonomy::SaleType;

    fn answer(id: &str, perfect: bool) -> AnswerRecord {
        AnswerRecord {
            scenario_id: id.into(),
            right_type: SaleType::Mersalg,
            chosen_type: Some(if perfect {
                SaleType::Mersalg
            } else {
                SaleType::Gjensalg
            }),
            type_points: if perfect { 2 } else { 1 },
            offer_points: 2,
            ..AnswerRecord::default()
        }
    }

    #[test]
    fn right_moves_up_wrong_goes_to_box_one_and_due_follows_the_box() {
        let t0: Timestamp = "2026-11-01T08:00:00Z".parse().unwrap();
        let mut l = Leitner::default();
        assert_eq!(l.card("a"), None);
        assert!(!l.is_due("a", t0), "a new scenario is new, not due");
        l.record(&answer("a", true), t0);
        assert_eq!(
            l.card("a").unwrap().box_number,
            2,
            "new cards start in box 1 and move up"
        );
        for expected in 3..=MAX_BOX {
            l.record(&answer("a", true), t0);
            assert_eq!(l.card("a").unwrap().box_number, expected);
        }
        l.record(&answer("a", true), t0);
        assert_eq!(l.card("a").unwrap().box_number, MAX_BOX, "box 5 is the top");
        assert!(!l.is_due("a", t0 + SignedDuration::from_hours(24 * 13)));
        assert!(l.is_due("a", t0 + SignedDuration::from_hours(24 * 14)));
        l.record(&answer("a", false), t0);
        assert_eq!(l.card("a").unwrap().box_number, 1);
        assert!(l.is_due("a", t0), "box 1 is due at once");
        let mut skipped = answer("a", true);
        skipped.chosen_type = None;
        l.record(&skipped, t0);
        assert_eq!(l.card("a").unwrap().box_number, 1);
    }

    #[test]
    fn a_card_seen_at_the_end_of_time_is_not_due_and_does_not_panic() {
        let end: Timestamp = "9999-12-30T00:00:00Z".parse().unwrap();
        let mut l = Leitner::default();
        l.record(&answer("a", true), end);
        assert!(!l.is_due("a", end));
        assert!(!l.is_due("a", Timestamp::MAX));
    }
}
