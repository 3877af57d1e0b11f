//! The scenario model: what an instructor writes in a `.ron` file.

use serde::{Deserialize, Serialize};

use super::language::Language;
use super::taxonomy::SaleType;

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

/// One customer scenario. Field order here is the documented order in the file format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Unique in the bank, `[a-z0-9-]+`.
    pub id: String,
    /// Language of the texts.
    pub language: Language,
    /// Short title shown above the scenario.
    pub title: String,
    /// Industry, used for filtering and coverage.
    pub industry: String,
    /// 1 (cue stated plainly) to 3 (with distractors).
    pub difficulty: u8,
    /// Free labels for selection.
    #[serde(default)]
    pub tags: Vec<String>,
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
}
