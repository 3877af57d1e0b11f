//! The edge cases of the taxonomy: the situations its definitions leave open and the project
//! rules explicitly, each with one tag that marks the scenarios exercising it.
//!
//! The rulings themselves are teaching texts, written once in nb and en in the language table
//! ([`crate::i18n::Texts::edge_case`]); this module holds what the rest of the program
//! needs: the cases, their tags, where a ruling lands, and which scenarios exercise a case.

use std::fmt;

use crate::bank::scenario::Scenario;
use crate::teaching::taxonomy::SaleType;

/// An edge case of the taxonomy with its project ruling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeCase {
    /// A customer who has bought from you meets a kind of product new to them: a follow-on
    /// sale, since step 1 asks only whether they bought from you.
    KnownCustomerNewProduct,
    /// Someone else is present or the company changed its name: the buyer is the customer.
    WhoIsTheCustomer,
    /// Worn-out goods replaced in greater numbers: the reason for the purchase decides.
    ReplacementPlusGrowth,
    /// Consumables for a machine: with the machine just bought they extend it; re-ordered
    /// later on agreed terms they are more of the same.
    Consumables,
    /// A worn part replaced: a replacement sale.
    WearingParts,
    /// Services and subscriptions count as products.
    Services,
    /// A different product offered right after a sale, in the same meeting or as a direct
    /// follow-up of it.
    RightAfterASale,
}

impl EdgeCase {
    /// How many cases there are, for tables indexed by case.
    pub const COUNT: usize = 7;

    /// Every case, in the order the lesson teaches them.
    pub const ALL: [EdgeCase; EdgeCase::COUNT] = [
        EdgeCase::KnownCustomerNewProduct,
        EdgeCase::WhoIsTheCustomer,
        EdgeCase::ReplacementPlusGrowth,
        EdgeCase::Consumables,
        EdgeCase::WearingParts,
        EdgeCase::Services,
        EdgeCase::RightAfterASale,
    ];

    /// Every edge-case tag starts with this, so a misspelt one can be told apart from an
    /// ordinary label.
    pub const TAG_PREFIX: &'static str = "grense-";

    /// Position in [`EdgeCase::ALL`], for tables indexed by case.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag a scenario carries in its `tags` when it exercises this case; the same in
    /// both languages, so one quiz or practice selection serves both.
    pub fn tag(self) -> &'static str {
        match self {
            EdgeCase::KnownCustomerNewProduct => "grense-kjent-kunde-ny-vare",
            EdgeCase::WhoIsTheCustomer => "grense-hvem-er-kunden",
            EdgeCase::ReplacementPlusGrowth => "grense-erstatning-og-vekst",
            EdgeCase::Consumables => "grense-forbruksvarer",
            EdgeCase::WearingParts => "grense-slitedeler",
            EdgeCase::Services => "grense-tjenester",
            EdgeCase::RightAfterASale => "grense-rett-etter-salget",
        }
    }

    /// The case a tag names, if it names one.
    pub fn from_tag(tag: &str) -> Option<EdgeCase> {
        EdgeCase::ALL.into_iter().find(|case| case.tag() == tag)
    }

    /// The case a scenario exercises: the first of its tags that names one.
    pub fn of(scenario: &Scenario) -> Option<EdgeCase> {
        scenario.tags.iter().find_map(|tag| EdgeCase::from_tag(tag))
    }

    /// True when the scenario carries this case's tag.
    pub fn is_exercised_by(self, scenario: &Scenario) -> bool {
        scenario.tags.iter().any(|tag| tag == self.tag())
    }

    /// Where the lesson's example lands under the ruling, shown beside the example.
    pub fn example_answer(self) -> SaleType {
        match self {
            EdgeCase::KnownCustomerNewProduct | EdgeCase::RightAfterASale => SaleType::Kryssalg,
            EdgeCase::WhoIsTheCustomer => SaleType::Nysalg,
            EdgeCase::ReplacementPlusGrowth | EdgeCase::WearingParts => SaleType::Gjensalg,
            EdgeCase::Consumables | EdgeCase::Services => SaleType::Tilleggssalg,
        }
    }
}

impl fmt::Display for EdgeCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// How many of `scenarios` exercise each case, in [`EdgeCase::ALL`] order. A scenario with
/// two case tags counts for both.
pub fn counts<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>) -> [usize; EdgeCase::COUNT] {
    let mut counts = [0; EdgeCase::COUNT];
    for s in scenarios {
        for case in s.tags.iter().filter_map(|tag| EdgeCase::from_tag(tag)) {
            counts[case.index()] += 1;
        }
    }
    counts
}

/// A tag that starts like an edge-case tag but names none: almost always a typo, which would
/// silently leave the scenario out of the case's practice and quiz.
pub fn is_unknown_edge_tag(tag: &str) -> bool {
    tag.starts_with(EdgeCase::TAG_PREFIX) && EdgeCase::from_tag(tag).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teaching::decision_path::DecisionPath;

    #[test]
    fn every_case_has_its_own_tag_that_names_it_back() {
        let mut tags: Vec<&str> = EdgeCase::ALL.map(EdgeCase::tag).into();
        for (i, case) in EdgeCase::ALL.into_iter().enumerate() {
            assert_eq!(case.index(), i);
            assert_eq!(EdgeCase::from_tag(case.tag()), Some(case));
            assert!(case.tag().starts_with(EdgeCase::TAG_PREFIX), "{case:?}");
            assert!(!is_unknown_edge_tag(case.tag()));
        }
        tags.sort_unstable();
        tags.dedup();
        assert_eq!(tags.len(), EdgeCase::ALL.len());
        assert_eq!(EdgeCase::from_tag("butikk"), None);
        assert!(is_unknown_edge_tag("grense-tjeneste"));
        assert!(!is_unknown_edge_tag("b2b"));
    }

    #[test]
    fn the_rulings_keep_an_existing_customer_out_of_nysalg() {
        // Only the buyer question can end in nysalg; every other ruling is a follow-on sale.
        for case in EdgeCase::ALL {
            let nysalg = case.example_answer() == SaleType::Nysalg;
            assert_eq!(nysalg, case == EdgeCase::WhoIsTheCustomer, "{case:?}");
        }
        assert!(
            DecisionPath::for_type(EdgeCase::KnownCustomerNewProduct.example_answer())
                .known_customer()
        );
    }

    #[test]
    fn scenarios_are_counted_and_found_by_their_tags() {
        use crate::bank::{Bank, BankSource};
        let bank = Bank::load(BankSource::Embedded).expect("bundled bank");
        let counts = counts(bank.scenarios());
        for case in EdgeCase::ALL {
            let tagged = bank
                .scenarios()
                .iter()
                .filter(|s| case.is_exercised_by(s))
                .count();
            assert_eq!(counts[case.index()], tagged, "{case:?}");
        }
        let tagged = bank
            .scenarios()
            .iter()
            .find(|s| s.id == "kontor-laminator-lommer")
            .expect("a bundled consumables scenario");
        assert_eq!(EdgeCase::of(tagged), Some(EdgeCase::Consumables));
    }
}
