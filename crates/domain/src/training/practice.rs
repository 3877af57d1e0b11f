//! A practice session: draws scenarios without repeats from a filtered selection, keeps the
//! trainee's choices for the current question and a running score.

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::bank::conversation::Conversation;
use crate::bank::scenario::Scenario;
use crate::language::Language;
use crate::teaching::edge_cases::EdgeCase;
use crate::teaching::taxonomy::SaleType;
use crate::training::answer::{Answer, Pick};
use crate::training::scoring::{Outcome, Score};

/// Which scenarios practice draws from. An empty selection in a group means "any".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Scenario languages to include.
    pub languages: Vec<Language>,
    /// Difficulties to include (1..=3).
    pub difficulties: Vec<u8>,
    /// Right answers to include.
    pub types: Vec<SaleType>,
    /// Scenarios carrying at least one of these tags (an edge case's tag, say).
    pub tags: Vec<String>,
}

impl Default for Filter {
    fn default() -> Self {
        Self::for_language(Language::Nb)
    }
}

impl Filter {
    /// Everything in one language: the default for a trainee.
    pub fn for_language(language: Language) -> Self {
        Self {
            languages: vec![language],
            difficulties: Vec::new(),
            types: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// True when the scenario is in the selection.
    pub fn matches(&self, s: &Scenario) -> bool {
        self.admits(s.language, s.difficulty, s.answer)
            && (self.tags.is_empty() || s.tags.iter().any(|tag| self.tags.contains(tag)))
    }

    /// True when the conversation is in the selection: the same groups as for scenarios, with
    /// the decision's answer as its sale type.
    pub fn matches_conversation(&self, c: &Conversation) -> bool {
        self.admits(c.language, c.difficulty, c.answer)
            && (self.tags.is_empty() || c.tags.iter().any(|tag| self.tags.contains(tag)))
    }

    /// True when the scenario is in one of the selected languages.
    pub fn matches_language(&self, s: &Scenario) -> bool {
        self.languages.is_empty() || self.languages.contains(&s.language)
    }

    /// The selection that practises one edge case: every scenario with its tag in this
    /// selection's languages, whatever its type or level.
    pub fn for_edge_case(&self, case: EdgeCase) -> Filter {
        Filter {
            languages: self.languages.clone(),
            difficulties: Vec::new(),
            types: Vec::new(),
            tags: vec![case.tag().to_owned()],
        }
    }

    fn admits(&self, language: Language, difficulty: u8, answer: SaleType) -> bool {
        (self.languages.is_empty() || self.languages.contains(&language))
            && (self.difficulties.is_empty() || self.difficulties.contains(&difficulty))
            && (self.types.is_empty() || self.types.contains(&answer))
    }

    /// Adds or removes `item` from a group of the filter.
    pub fn toggle<T: PartialEq + Ord + Copy>(group: &mut Vec<T>, item: T) {
        if let Some(i) = group.iter().position(|x| *x == item) {
            group.remove(i);
        } else {
            group.push(item);
            group.sort();
        }
    }
}

/// Running totals for a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Points earned.
    pub points: u32,
    /// Points possible for the questions answered.
    pub possible: u32,
    /// Questions answered.
    pub answered: u32,
    /// Questions answered with full points.
    pub perfect: u32,
}

impl Tally {
    fn add(&mut self, score: Score) {
        self.points += u32::from(score.total());
        self.possible += u32::from(Score::MAX);
        self.answered += 1;
        if score.total() == Score::MAX {
            self.perfect += 1;
        }
    }
}

/// The question on screen: a scenario and the trainee's answer to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Index into the bank.
    pub scenario: usize,
    /// The answer; its offers are shuffled per showing.
    pub answer: Answer,
}

/// What the trainee can do in practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PracticeAction {
    /// Pick a sale type.
    ChooseType(SaleType),
    /// Pick the offer shown at this position (0 = A).
    ChooseOffer(usize),
    /// Score the answer.
    Check,
    /// Go to the next scenario.
    Next,
    /// Change the selection; starts a new round.
    SetFilter(Filter),
    /// Start the same selection again after a finished round.
    Restart,
}

impl From<Pick> for PracticeAction {
    fn from(pick: Pick) -> Self {
        match pick {
            Pick::Type(t) => PracticeAction::ChooseType(t),
            Pick::Offer(shown) => PracticeAction::ChooseOffer(shown),
        }
    }
}

/// A practice session over one bank.
#[derive(Debug)]
pub struct Practice {
    filter: Filter,
    deck: Vec<usize>,
    round_size: usize,
    question: Option<Question>,
    tally: Tally,
    rng: StdRng,
    due: HashSet<String>,
    due_left: usize,
}

impl Practice {
    /// A session over `bank` with `filter`, drawing with a random generator seeded by `seed`.
    pub fn new(bank: &Bank, filter: Filter, seed: u64) -> Self {
        let mut practice = Self {
            filter,
            deck: Vec::new(),
            round_size: 0,
            question: None,
            tally: Tally::default(),
            rng: StdRng::seed_from_u64(seed),
            due: HashSet::new(),
            due_left: 0,
        };
        practice.start_round(bank);
        practice
    }

    /// The current selection.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The question on screen, or `None` when the round is used up or the selection is empty.
    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// Running totals.
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// Scenarios in the selection for this round.
    pub fn round_size(&self) -> usize {
        self.round_size
    }

    /// Tells the session which scenarios are due for repetition (by id); they are drawn
    /// first from now on. Takes effect for the rest of the round without reshuffling it.
    pub fn set_due(&mut self, bank: &Bank, due: HashSet<String>) {
        self.due = due;
        self.order_deck(bank);
    }

    /// How many scenarios left in this round are due for repetition. Counted when the deck
    /// changes, not when asked, because the screen asks every frame.
    pub fn due_remaining(&self) -> usize {
        self.due_left
    }

    fn count_due(&mut self, bank: &Bank) {
        self.due_left = self
            .deck
            .iter()
            .filter(|&&i| bank.get(i).is_some_and(|s| self.due.contains(&s.id)))
            .count();
    }

    /// Moves the session onto a reloaded bank, keeping the trainee's place: the question on
    /// screen and the rest of the round are found again by id. A question whose scenario is
    /// gone is replaced by the next one; one whose offers changed starts its choices again.
    pub fn rebase(&mut self, old: &Bank, new: &Bank) {
        let map = |i: usize| old.get(i).and_then(|s| new.index_of(&s.id));
        self.deck = self.deck.iter().filter_map(|&i| map(i)).collect();
        self.round_size = self.round_size.min(self.deck.len() + 1);
        let current = self.question.take();
        match current.and_then(|q| map(q.scenario).map(|i| (q, i))) {
            Some((mut q, index)) => {
                let offers = new.get(index).map_or(0, |s| s.offers.len());
                if q.answer.fit_offers(offers) {
                    q.answer.offer_order.shuffle(&mut self.rng);
                }
                q.scenario = index;
                self.question = Some(q);
            }
            None => self.draw(new),
        }
        self.count_due(new);
    }

    /// Scenarios not yet shown in this round, not counting the one on screen.
    pub fn remaining(&self) -> usize {
        self.deck.len()
    }

    /// Applies one action; actions that do not fit the current state are ignored.
    pub fn apply(&mut self, bank: &Bank, action: PracticeAction) {
        match action {
            PracticeAction::ChooseType(t) => self.pick(Pick::Type(t)),
            PracticeAction::ChooseOffer(shown) => self.pick(Pick::Offer(shown)),
            PracticeAction::Check => self.check(bank),
            PracticeAction::Next => {
                if self.question.as_ref().is_none_or(|q| q.answer.is_checked()) {
                    self.draw(bank);
                }
            }
            PracticeAction::SetFilter(filter) => {
                self.filter = filter;
                self.start_round(bank);
            }
            PracticeAction::Restart => self.start_round(bank),
        }
    }

    fn pick(&mut self, pick: Pick) {
        if let Some(q) = self.question.as_mut() {
            q.answer.pick(pick);
        }
    }

    fn check(&mut self, bank: &Bank) {
        let Some(q) = self.question.as_mut() else {
            return;
        };
        let Some(scenario) = bank.get(q.scenario) else {
            return;
        };
        if let Some(outcome) = q.answer.check(scenario.into()) {
            self.tally.add(outcome.score);
        }
    }

    /// The scenario and outcome of the question on screen, once checked: what the records
    /// keep of an answer.
    pub fn checked<'b>(&self, bank: &'b Bank) -> Option<(&'b Scenario, &Outcome)> {
        let q = self.question.as_ref()?;
        Some((bank.get(q.scenario)?, q.answer.outcome.as_ref()?))
    }

    fn start_round(&mut self, bank: &Bank) {
        self.deck = bank
            .scenarios()
            .iter()
            .enumerate()
            .filter(|(_, s)| self.filter.matches(s))
            .map(|(i, _)| i)
            .collect();
        self.deck.shuffle(&mut self.rng);
        self.order_deck(bank);
        self.round_size = self.deck.len();
        self.draw(bank);
    }

    /// Puts due scenarios at the end of the deck, which is drawn first; a stable sort keeps
    /// the random order within each group.
    fn order_deck(&mut self, bank: &Bank) {
        let due = &self.due;
        self.deck
            .sort_by_key(|&i| bank.get(i).is_some_and(|s| due.contains(&s.id)));
        self.count_due(bank);
    }

    fn draw(&mut self, bank: &Bank) {
        let next = self.deck.pop();
        if next.is_some_and(|i| bank.get(i).is_some_and(|s| self.due.contains(&s.id))) {
            self.due_left = self.due_left.saturating_sub(1);
        }
        self.question = next.and_then(|index| {
            let scenario = bank.get(index)?;
            Some(Question {
                scenario: index,
                answer: Answer::shuffled(scenario.offers.len(), &mut self.rng),
            })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::BankSource;

    #[test]
    fn due_scenarios_are_drawn_first_and_the_round_has_no_repeats() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let filter = Filter::for_language(Language::Nb);
        let mut practice = Practice::new(&bank, filter, 11);
        let first = practice.question().unwrap().scenario;
        let due: HashSet<String> = bank
            .scenarios()
            .iter()
            .filter(|s| s.language == Language::Nb && s.answer == SaleType::Gjensalg)
            .map(|s| s.id.clone())
            .collect();
        assert!(!due.contains(&bank.scenarios()[first].id) || due.len() > 1);
        practice.set_due(&bank, due.clone());
        let due_left = practice.due_remaining();
        assert_eq!(
            due_left,
            due.len() - usize::from(due.contains(&bank.scenarios()[first].id))
        );

        let mut seen = vec![first];
        for _ in 0..due_left {
            answer_and_next(&mut practice, &bank);
            let q = practice.question().unwrap().scenario;
            assert!(due.contains(&bank.scenarios()[q].id), "due ones come first");
            assert_eq!(practice.due_remaining(), due_left - seen.len());
            seen.push(q);
        }
        while practice.question().is_some() {
            answer_and_next(&mut practice, &bank);
            if let Some(q) = practice.question() {
                seen.push(q.scenario);
            }
        }
        let total = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), total, "no repeats within a round");
        assert_eq!(total, practice.round_size());
        assert_eq!(practice.tally().answered as usize, total);
    }

    fn answer_and_next(practice: &mut Practice, bank: &Bank) {
        practice.apply(bank, PracticeAction::ChooseType(SaleType::Mersalg));
        practice.apply(bank, PracticeAction::ChooseOffer(0));
        practice.apply(bank, PracticeAction::Check);
        practice.apply(bank, PracticeAction::Next);
    }
}
