//! The scenario model: what an instructor writes in a `.ron` file.

use serde::{Deserialize, Serialize};

use super::format::exercise_format;
use crate::teaching::decision_path::{DecisionPath, StatedPath};
use crate::teaching::taxonomy::SaleType;

/// How well a follow-up offer fits the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fit {
    /// The offer the scenario is built around; exactly one per scenario.
    Best,
    /// Defensible, but not what the situation calls for.
    Acceptable,
    /// Does not fit the customer's situation.
    Poor,
}

impl Fit {
    /// All fits, best first.
    pub const ALL: [Fit; 3] = [Fit::Best, Fit::Acceptable, Fit::Poor];
}

/// A follow-up offer the trainee can choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// What the seller offers, as the trainee reads it.
    pub text: String,
    /// Which sale type making this offer would be.
    pub kind: SaleType,
    /// How well it fits.
    pub fit: Fit,
    /// Shown after the trainee chose this offer: why it fits or not.
    pub feedback: String,
}

exercise_format! {
    texts: [customer, situation, explanation];
    /// One customer scenario. Field order here is the documented order in the file format,
    /// after the fields it shares with conversations (`id` to `tags`).
    pub struct Scenario {
        /// Who the customer is and their history with the seller.
        pub customer: String,
        /// What is happening now.
        pub situation: String,
        /// The right sale type.
        pub answer: SaleType,
        /// Phrases in `customer` or `situation` that decide the answer; highlighted after checking.
        #[serde(default)]
        pub cues: Vec<String>,
        /// Why the answer is right, in the taxonomy's terms.
        pub explanation: String,
        /// The follow-up offers to choose from.
        pub offers: Vec<Offer>,
        /// Optional picture, relative to the `assets/` folder.
        #[serde(default)]
        pub image: Option<String>,
        /// Optional answers to the decision path's two questions, for guided practice. Left out,
        /// they follow from `answer`.
        #[serde(default)]
        pub path: Option<StatedPath>,
    }
}

impl Scenario {
    /// The offer marked `Best`, if the scenario has exactly one such.
    pub fn best_offer(&self) -> Option<&Offer> {
        let mut best = self.offers.iter().filter(|o| o.fit == Fit::Best);
        match (best.next(), best.next()) {
            (Some(offer), None) => Some(offer),
            _ => None,
        }
    }

    /// The path guided practice expects: the stated one when it is complete, else the one
    /// that leads to `answer`.
    pub fn decision_path(&self) -> DecisionPath {
        self.path
            .and_then(StatedPath::resolve)
            .unwrap_or_else(|| DecisionPath::for_type(self.answer))
    }
}

#[cfg(test)]
impl Scenario {
    /// A small scenario for unit tests: `answer` is right, and there is one offer of each
    /// (kind, fit), with placeholder texts.
    pub(crate) fn for_tests(answer: SaleType, offers: &[(SaleType, Fit)]) -> Scenario {
        use crate::language::Language;
        Scenario {
            id: "t".into(),
            language: Language::Nb,
            title: "t".into(),
            industry: "i".into(),
            difficulty: 1,
            tags: vec![],
            customer: "c".into(),
            situation: "s".into(),
            answer,
            cues: vec![],
            explanation: "e".into(),
            offers: offers
                .iter()
                .map(|&(kind, fit)| Offer {
                    text: format!("{kind:?} {fit:?}"),
                    kind,
                    fit,
                    feedback: "f".into(),
                })
                .collect(),
            image: None,
            path: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teaching::decision_path::Relation;

    fn scenario(answer: SaleType, path: Option<StatedPath>) -> Scenario {
        Scenario {
            path,
            ..Scenario::for_tests(answer, &[])
        }
    }

    #[test]
    fn the_path_is_derived_from_the_answer_for_every_type() {
        let expected = [
            DecisionPath::NewCustomer,
            DecisionPath::Known(Relation::More),
            DecisionPath::Known(Relation::Replacement),
            DecisionPath::Known(Relation::Different),
            DecisionPath::Known(Relation::Extension),
        ];
        for (t, path) in SaleType::ALL.into_iter().zip(expected) {
            let s = scenario(t, None);
            assert_eq!(s.decision_path(), path, "{t:?}");
            assert_eq!(s.decision_path().sale_type(), t);
        }
    }

    #[test]
    fn a_stated_path_wins_when_complete() {
        let stated = StatedPath {
            known_customer: true,
            relation: Some(Relation::Extension),
        };
        let s = scenario(SaleType::Kryssalg, Some(stated));
        assert_eq!(s.decision_path(), DecisionPath::Known(Relation::Extension));
        let incomplete = StatedPath {
            known_customer: true,
            relation: None,
        };
        let s = scenario(SaleType::Gjensalg, Some(incomplete));
        assert_eq!(
            s.decision_path(),
            DecisionPath::Known(Relation::Replacement)
        );
    }
}
