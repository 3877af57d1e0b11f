//! Answering one decision: the offers in the order shown, the sale type and offer picked so far,
//! and the scored outcome. Practice, guided practice, quizzes and the editor's preview all answer
//! through [`Answer`]; what is answered is a [`Decision`], a borrowed view of a scenario (or of
//! anything else that ends in the same choice of sale type and offer).

use rand::Rng;
use rand::seq::SliceRandom;

use crate::bank::scenario::{Offer, Scenario};
use crate::language::Language;
use crate::teaching::taxonomy::SaleType;
use crate::training::scoring::{self, Choice, Outcome};

/// What a decision is about: the facts an answer is scored against and the feedback shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision<'a> {
    /// Identifies the decision among others shown at the same time (the scenario id).
    pub id: &'a str,
    /// The language it is written in; the feedback's deciding difference uses it.
    pub language: Language,
    /// The right sale type.
    pub answer: SaleType,
    /// The offers, in file order.
    pub offers: &'a [Offer],
    /// Phrases that give the answer away, highlighted after checking.
    pub cues: &'a [String],
    /// Why the right answer is right.
    pub explanation: &'a str,
}

impl<'a> From<&'a Scenario> for Decision<'a> {
    fn from(s: &'a Scenario) -> Self {
        Decision {
            id: &s.id,
            language: s.language,
            answer: s.answer,
            offers: &s.offers,
            cues: &s.cues,
            explanation: &s.explanation,
        }
    }
}

/// One thing the trainee picks while answering, by key or by click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A sale type.
    Type(SaleType),
    /// The offer shown at this position (0 = A).
    Offer(usize),
}

/// An answer in progress, or checked once [`Answer::outcome`] is set. Once checked it is
/// locked: picks are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// Offer indices (file order) in the order they are shown.
    pub offer_order: Vec<usize>,
    /// The type picked so far.
    pub chosen_type: Option<SaleType>,
    /// The offer picked so far (file order index, not display position).
    pub chosen_offer: Option<usize>,
    /// The score, once checked.
    pub outcome: Option<Outcome>,
}

impl Answer {
    /// A fresh answer with `offers` offers shown in a random order drawn from `rng`.
    pub fn shuffled(offers: usize, rng: &mut impl Rng) -> Self {
        let mut offer_order: Vec<usize> = (0..offers).collect();
        offer_order.shuffle(rng);
        Self {
            offer_order,
            ..Self::default()
        }
    }

    /// True once checked.
    pub fn is_checked(&self) -> bool {
        self.outcome.is_some()
    }

    /// True when a type and an offer are picked.
    pub fn is_complete(&self) -> bool {
        self.chosen_type.is_some() && self.chosen_offer.is_some()
    }

    /// True when a type and an offer are picked and the answer is not yet checked.
    pub fn can_check(&self) -> bool {
        self.is_complete() && !self.is_checked()
    }

    /// The offer (file order index) shown at display position `shown`.
    pub fn offer_at(&self, shown: usize) -> Option<usize> {
        self.offer_order.get(shown).copied()
    }

    /// The type and offer picked, once both are.
    pub fn choice(&self) -> Option<Choice> {
        Some(Choice {
            sale_type: self.chosen_type?,
            offer: self.chosen_offer?,
        })
    }

    /// Takes a pick unless the answer is checked; a position with no offer is ignored.
    pub fn pick(&mut self, pick: Pick) {
        if self.is_checked() {
            return;
        }
        match pick {
            Pick::Type(t) => self.chosen_type = Some(t),
            Pick::Offer(shown) => {
                if let Some(offer) = self.offer_at(shown) {
                    self.chosen_offer = Some(offer);
                }
            }
        }
    }

    /// Scores a complete, unchecked answer against `decision` and locks it. Returns the new
    /// outcome, or `None` when nothing was scored (incomplete, already checked, or an offer
    /// the decision does not have).
    pub fn check(&mut self, decision: Decision<'_>) -> Option<&Outcome> {
        if self.is_checked() {
            return None;
        }
        let choice = self.choice()?;
        self.outcome = scoring::score(decision, choice, decision.language);
        self.outcome.as_ref()
    }

    /// Keeps the answer valid for a decision that now has `offers` offers (the file changed):
    /// when the shown order no longer fits, the offers are shown in file order and the offer
    /// pick and the outcome are dropped. Returns true when that happened, so a caller that
    /// shuffles can shuffle again.
    pub fn fit_offers(&mut self, offers: usize) -> bool {
        if self.offer_order.len() == offers && self.offer_order.iter().all(|&i| i < offers) {
            return false;
        }
        self.offer_order = (0..offers).collect();
        self.chosen_offer = None;
        self.outcome = None;
        true
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;
    use crate::bank::scenario::Fit;

    fn scenario() -> Scenario {
        Scenario::for_tests(
            SaleType::Kryssalg,
            &[
                (SaleType::Mersalg, Fit::Poor),
                (SaleType::Kryssalg, Fit::Best),
                (SaleType::Gjensalg, Fit::Acceptable),
            ],
        )
    }

    #[test]
    fn picks_map_display_positions_to_offers_and_lock_once_checked() {
        let s = scenario();
        let mut a = Answer {
            offer_order: vec![2, 0, 1],
            ..Answer::default()
        };
        a.pick(Pick::Offer(2));
        assert_eq!(a.chosen_offer, Some(1), "position C shows offer 1");
        a.pick(Pick::Offer(3));
        assert_eq!(a.chosen_offer, Some(1), "no offer at D: ignored");
        assert!(!a.can_check());
        assert_eq!(a.check((&s).into()), None, "no type yet");
        a.pick(Pick::Type(SaleType::Kryssalg));
        assert!(a.can_check());
        let total = a.check((&s).into()).map(|o| o.score.total());
        assert_eq!(total, Some(4));
        assert!(a.is_checked() && !a.can_check());
        a.pick(Pick::Type(SaleType::Nysalg));
        a.pick(Pick::Offer(0));
        assert_eq!(
            a.choice(),
            Some(Choice {
                sale_type: SaleType::Kryssalg,
                offer: 1
            })
        );
        assert_eq!(a.check((&s).into()), None, "checked once");
    }

    #[test]
    fn a_changed_offer_count_resets_the_order_and_the_offer_pick() {
        let mut a = Answer::shuffled(3, &mut StdRng::seed_from_u64(3));
        let mut sorted = a.offer_order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2]);
        a.pick(Pick::Type(SaleType::Mersalg));
        a.pick(Pick::Offer(0));
        assert!(!a.fit_offers(3), "same offers: kept");
        assert!(a.chosen_offer.is_some());
        assert!(a.fit_offers(2));
        assert_eq!(a.offer_order, [0, 1]);
        assert_eq!(a.chosen_offer, None);
        assert_eq!(
            a.chosen_type,
            Some(SaleType::Mersalg),
            "the type still stands"
        );
    }
}
