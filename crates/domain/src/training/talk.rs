//! Playing one sales conversation: the trainee picks replies, the customer answers and reveals
//! facts, and the conversation ends when the customer leaves or the trainee decides the sale
//! type and offer. Every point of the result is traced to a reply or to the decision.

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::answer::{Answer, Decision, Pick};
use super::scoring::{self, Outcome};
use crate::bank::conversation::{Conversation, Next, Quality, ReplyPath, ReplyRef};
use crate::progress::history::{
    AnswerRecord, Attempt, AttemptKind, ConversationRecord, ReplyRecord, new_registration,
};

/// How a conversation ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The trainee reached the decision.
    Decide,
    /// The customer left with these words.
    Leave(String),
}

/// One reply the trainee chose, with what it earned and revealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// Which reply.
    pub at: ReplyRef,
    /// Its quality (2/1/0 points).
    pub quality: Quality,
}

/// What the trainee can do in a conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TalkAction {
    /// Say the reply at this index of the current step (file order; keys 1-9).
    Reply(usize),
    /// Pick a sale type or an offer at the decision.
    Pick(Pick),
    /// Score the decision.
    Check,
}

/// A conversation being played.
#[derive(Debug)]
pub struct Talk {
    conversation: Conversation,
    at: Option<usize>,
    turns: Vec<Turn>,
    facts: Vec<String>,
    ending: Option<Ending>,
    answer: Option<Answer>,
    best: Option<ReplyPath>,
    rng: StdRng,
}

/// The result of a finished conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TalkResult {
    /// The replies chosen, in order, and their points.
    pub taken: ReplyPath,
    /// The best possible path from `start` to Decide.
    pub best: ReplyPath,
    /// What came out in the conversation, and what the trainee left unasked.
    pub facts: Facts,
    /// How it ended; `None` while it goes on, and while the decision is not checked.
    pub end: Option<TalkEnd>,
}

/// The facts of a conversation, as the trainee brought them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// Facts the trainee uncovered, in the order they came out.
    pub uncovered: Vec<String>,
    /// Facts the best path uncovers, or that hold a cue, which the trainee did not.
    pub missed: Vec<String>,
}

/// The two ways a conversation ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TalkEnd {
    /// The customer left with these parting words.
    Left(String),
    /// The trainee reached the decision and checked it.
    Decided(Outcome),
}

impl TalkResult {
    /// The customer's parting words when they left.
    pub fn left(&self) -> Option<&str> {
        match &self.end {
            Some(TalkEnd::Left(words)) => Some(words),
            _ => None,
        }
    }

    /// The scored decision, when the trainee reached it and checked it.
    pub fn decision(&self) -> Option<&Outcome> {
        match &self.end {
            Some(TalkEnd::Decided(outcome)) => Some(outcome),
            _ => None,
        }
    }

    /// Reply points plus decision points.
    pub fn points(&self) -> u32 {
        self.taken.points + self.decision().map_or(0, |o| u32::from(o.score.total()))
    }

    /// The most a trainee could earn: the best path and a perfect decision.
    pub fn max_points(&self) -> u32 {
        self.best.points + u32::from(scoring::Score::MAX)
    }
}

impl Talk {
    /// Starts `conversation` at its first step; `seed` shuffles the offers of the decision.
    pub fn new(conversation: Conversation, seed: u64) -> Talk {
        let at = conversation.step_index(&conversation.start);
        let best = conversation.best_path();
        Talk {
            conversation,
            at,
            turns: Vec::new(),
            facts: Vec::new(),
            ending: None,
            answer: None,
            best,
            rng: StdRng::seed_from_u64(seed),
        }
    }

    /// The conversation being played.
    pub fn conversation(&self) -> &Conversation {
        &self.conversation
    }

    /// The index of the step the customer is at, while the conversation goes on.
    pub fn current_step(&self) -> Option<usize> {
        self.at.filter(|_| self.ending.is_none())
    }

    /// The replies chosen so far.
    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    /// The facts revealed so far, in the order they came out.
    pub fn facts(&self) -> &[String] {
        &self.facts
    }

    /// How it ended, once it has.
    pub fn ending(&self) -> Option<&Ending> {
        self.ending.as_ref()
    }

    /// The answer to the decision, once the conversation reached it.
    pub fn answer(&self) -> Option<&Answer> {
        self.answer.as_ref()
    }

    /// What the conversation ends in: the sale type and offer, as in a scenario.
    pub fn decision(&self) -> Decision<'_> {
        let c = &self.conversation;
        Decision {
            id: &c.id,
            language: c.language,
            answer: c.answer,
            offers: &c.offers,
            cues: &c.cues,
            explanation: &c.explanation,
        }
    }

    /// Points from the replies so far.
    pub fn reply_points(&self) -> u32 {
        self.turns.iter().map(|t| t.quality.points()).sum()
    }

    /// True once there is nothing left to do: the customer left, or the decision is checked.
    pub fn is_finished(&self) -> bool {
        match &self.ending {
            Some(Ending::Leave(_)) => true,
            Some(Ending::Decide) => self.answer.as_ref().is_some_and(Answer::is_checked),
            None => false,
        }
    }

    /// Applies one action; actions that do not fit the current state are ignored.
    pub fn apply(&mut self, action: TalkAction) {
        match action {
            TalkAction::Reply(index) => self.reply(index),
            TalkAction::Pick(pick) => {
                if let Some(answer) = self.answer.as_mut() {
                    answer.pick(pick);
                }
            }
            TalkAction::Check => {
                if let Some(mut answer) = self.answer.take() {
                    answer.check(self.decision());
                    self.answer = Some(answer);
                }
            }
        }
    }

    fn reply(&mut self, index: usize) {
        let Some(step) = self.current_step() else {
            return;
        };
        let Some(reply) = self.conversation.steps[step].replies.get(index) else {
            return;
        };
        self.turns.push(Turn {
            at: ReplyRef { step, reply: index },
            quality: reply.quality,
        });
        for fact in &reply.reveals {
            if !self.facts.contains(fact) {
                self.facts.push(fact.clone());
            }
        }
        match reply.next.clone() {
            // Validation rules out unknown steps; should one slip through, the conversation
            // ends as a decision rather than getting stuck.
            Next::Step(id) => match self.conversation.step_index(&id) {
                Some(next) => self.at = Some(next),
                None => self.decide(),
            },
            Next::Decide => self.decide(),
            Next::Leave(words) => self.ending = Some(Ending::Leave(words)),
        }
    }

    fn decide(&mut self) {
        self.ending = Some(Ending::Decide);
        self.answer = Some(Answer::shuffled(
            self.conversation.offers.len(),
            &mut self.rng,
        ));
    }

    /// The result so far (complete once [`Self::is_finished`]).
    pub fn result(&self) -> TalkResult {
        let best = self.best.clone().unwrap_or_default();
        let c = &self.conversation;
        let mut expected: Vec<&str> = best
            .replies
            .iter()
            .filter_map(|r| c.reply(*r))
            .flat_map(|r| r.reveals.iter().map(String::as_str))
            .collect();
        for fact in c.all_facts() {
            if c.cues.iter().any(|cue| fact.contains(cue.as_str())) && !expected.contains(&fact) {
                expected.push(fact);
            }
        }
        let missed = expected
            .into_iter()
            .filter(|f| !self.facts.iter().any(|u| u == f))
            .map(str::to_owned)
            .collect();
        TalkResult {
            taken: ReplyPath {
                points: self.reply_points(),
                replies: self.turns.iter().map(|t| t.at).collect(),
            },
            best,
            facts: Facts {
                uncovered: self.facts.clone(),
                missed,
            },
            end: match &self.ending {
                Some(Ending::Leave(words)) => Some(TalkEnd::Left(words.clone())),
                _ => self
                    .answer
                    .as_ref()
                    .and_then(|a| a.outcome.clone())
                    .map(TalkEnd::Decided),
            },
        }
    }

    /// The finished conversation as an attempt for the history, under a new registration.
    pub fn attempt(&self, started: jiff::Timestamp, now: jiff::Timestamp) -> Attempt {
        let (record, answer) = self.record(now);
        Attempt {
            registration: new_registration(),
            kind: AttemptKind::Conversation,
            quiz_id: self.conversation.id.clone(),
            quiz_title: self.conversation.title.clone(),
            started,
            finished: now,
            pass_percent: None,
            partial_credit: true,
            answers: answer.into_iter().collect(),
            conversation: Some(record),
        }
    }

    /// What the history keeps of a finished conversation: every reply, and the decision as
    /// an answer (none when the customer left).
    pub fn record(&self, now: jiff::Timestamp) -> (ConversationRecord, Option<AnswerRecord>) {
        let result = self.result();
        let c = &self.conversation;
        let replies = self
            .turns
            .iter()
            .map(|t| ReplyRecord {
                step_id: c.steps[t.at.step].id.clone(),
                text: c.reply(t.at).map(|r| r.text.clone()).unwrap_or_default(),
                quality: t.quality,
            })
            .collect();
        let answer = result.decision().map(|o| AnswerRecord {
            scenario_id: c.id.clone(),
            right_type: c.answer,
            chosen_type: Some(o.choice.sale_type),
            chosen_offer: c.offers.get(o.choice.offer).map(|f| f.text.clone()),
            offer_fit: Some(o.offer_fit),
            confidence: None,
            type_points: o.score.type_points,
            offer_points: o.score.offer_points,
            answered_at: Some(now),
        });
        let record = ConversationRecord {
            replies,
            best_points: result.best.points,
            left: result.left().map(str::to_owned),
            uncovered: result.facts.uncovered,
            missed: result.facts.missed,
        };
        (record, answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::conversation::tests::example;
    use crate::bank::scenario::Fit;
    use crate::teaching::taxonomy::SaleType;

    /// The display position of the first offer with this fit.
    fn best_shown(talk: &Talk, fit: Fit) -> usize {
        let answer = talk.answer().unwrap();
        answer
            .offer_order
            .iter()
            .position(|&i| talk.conversation().offers[i].fit == fit)
            .unwrap()
    }

    #[test]
    fn the_best_path_then_the_right_decision_earns_every_point() {
        let mut talk = Talk::new(example(), 1);
        assert_eq!(talk.current_step(), Some(0));
        talk.apply(TalkAction::Reply(1));
        assert_eq!(talk.facts(), ["fakta"]);
        assert_eq!(talk.current_step(), Some(1));
        talk.apply(TalkAction::Reply(0));
        assert_eq!(talk.ending(), Some(&Ending::Decide));
        assert_eq!(talk.current_step(), None);
        // Replies after the end change nothing.
        talk.apply(TalkAction::Reply(0));
        assert_eq!(talk.turns().len(), 2);

        let best = best_shown(&talk, Fit::Best);
        talk.apply(TalkAction::Check);
        assert!(!talk.is_finished(), "nothing chosen yet");
        talk.apply(TalkAction::Pick(Pick::Type(SaleType::Kryssalg)));
        talk.apply(TalkAction::Pick(Pick::Offer(best)));
        talk.apply(TalkAction::Check);
        assert!(talk.is_finished());
        let r = talk.result();
        assert_eq!((r.taken.points, r.best.points), (4, 4));
        assert_eq!(r.taken.replies, r.best.replies);
        assert_eq!(r.points(), 8);
        assert_eq!(r.max_points(), 8);
        assert_eq!(r.facts.missed, Vec::<String>::new());
        assert_eq!(r.left(), None);
    }

    #[test]
    fn leaving_ends_with_the_points_so_far_and_the_missed_facts() {
        let mut talk = Talk::new(example(), 1);
        talk.apply(TalkAction::Reply(2));
        assert!(talk.is_finished());
        assert_eq!(talk.ending(), Some(&Ending::Leave("Ha det".into())));
        assert!(talk.answer().is_none());
        talk.apply(TalkAction::Pick(Pick::Type(SaleType::Kryssalg)));
        let r = talk.result();
        assert_eq!(r.taken.points, 0);
        assert_eq!(r.left(), Some("Ha det"));
        assert_eq!(r.facts.missed, ["fakta", "mer"]);
        assert_eq!(r.points(), 0);
        let (record, answer) = talk.record(jiff::Timestamp::UNIX_EPOCH);
        assert!(answer.is_none());
        assert_eq!(record.replies.len(), 1);
        assert_eq!(record.replies[0].quality, Quality::Poor);
        assert_eq!(record.best_points, 4);
        let attempt = talk.attempt(jiff::Timestamp::UNIX_EPOCH, jiff::Timestamp::UNIX_EPOCH);
        assert_eq!((attempt.points(), attempt.max_points()), (0, 8));
        assert!(attempt.answers.is_empty());
    }

    #[test]
    fn a_wrong_type_in_the_same_family_earns_one_point_as_in_a_scenario() {
        let mut talk = Talk::new(example(), 3);
        talk.apply(TalkAction::Reply(0));
        talk.apply(TalkAction::Reply(1));
        let poor = best_shown(&talk, Fit::Poor);
        talk.apply(TalkAction::Pick(Pick::Type(SaleType::Tilleggssalg)));
        talk.apply(TalkAction::Pick(Pick::Offer(poor)));
        talk.apply(TalkAction::Check);
        let r = talk.result();
        assert_eq!(r.taken.points, 1);
        assert_eq!(r.decision().unwrap().score.total(), 1);
        assert_eq!(r.points(), 2);
        assert_eq!(r.facts.missed, ["fakta", "mer"]);
        let (record, answer) = talk.record(jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(answer.unwrap().type_points, 1);
        assert_eq!(record.uncovered, Vec::<String>::new());
    }
}
