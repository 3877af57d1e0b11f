//! The decision path that sorts a sale into one of the five types with two questions: has this
//! customer ever bought from you, and if so, what is offered relative to what they have or just
//! bought.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{Message, texts};
use crate::language::Language;
use crate::teaching::taxonomy::SaleType;

/// What is offered relative to what a known customer has or has just bought: the answer to
/// the second question of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Relation {
    /// More of the same product, now or again later.
    More,
    /// A replacement for something worn out or outdated.
    Replacement,
    /// An accessory or extension that belongs to the product.
    Extension,
    /// A different product, not tied to the first.
    Different,
}

impl Relation {
    /// All four in the order the path asks them.
    pub const ALL: [Relation; 4] = [
        Relation::More,
        Relation::Replacement,
        Relation::Extension,
        Relation::Different,
    ];

    /// The follow-on sale this relation makes.
    pub fn sale_type(self) -> SaleType {
        match self {
            Relation::More => SaleType::Mersalg,
            Relation::Replacement => SaleType::Gjensalg,
            Relation::Extension => SaleType::Tilleggssalg,
            Relation::Different => SaleType::Kryssalg,
        }
    }

    /// A short label for a branch of the diagram or an answer button.
    pub fn label(self, lang: Language) -> &'static str {
        let t = texts(lang);
        match self {
            Relation::More => t.path_relation_more,
            Relation::Replacement => t.path_relation_replacement,
            Relation::Extension => t.path_relation_extension,
            Relation::Different => t.path_relation_different,
        }
    }

    /// The relation as a phrase inside a sentence ("you said the offer is ...").
    pub fn phrase(self) -> Message {
        match self {
            Relation::More => Message::RelationMore {},
            Relation::Replacement => Message::RelationReplacement {},
            Relation::Extension => Message::RelationExtension {},
            Relation::Different => Message::RelationDifferent {},
        }
    }
}

/// The two questions of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Has this customer ever bought from you? Only the customer's history with you counts,
    /// not whether the product is new to them: an existing customer meeting an unfamiliar
    /// product goes on to step 2.
    KnownCustomer,
    /// What is offered relative to what they have or just bought?
    Relation,
}

impl Step {
    /// Both steps in order.
    pub const ALL: [Step; 2] = [Step::KnownCustomer, Step::Relation];

    /// 1 or 2, as the trainee counts them.
    pub fn number(self) -> usize {
        match self {
            Step::KnownCustomer => 1,
            Step::Relation => 2,
        }
    }

    /// The question the step asks.
    pub fn question(self, lang: Language) -> &'static str {
        let t = texts(lang);
        match self {
            Step::KnownCustomer => t.path_step_known_customer,
            Step::Relation => t.path_step_relation,
        }
    }
}

/// Where the path ends for one sale: the answers to both questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecisionPath {
    /// Step 1 answered no: the customer has never bought from you.
    NewCustomer,
    /// Step 1 answered yes, and step 2 with this relation.
    Known(Relation),
}

impl DecisionPath {
    /// The path that leads to `t`. Each type has exactly one.
    pub fn for_type(t: SaleType) -> DecisionPath {
        match t {
            SaleType::Nysalg => DecisionPath::NewCustomer,
            SaleType::Mersalg => DecisionPath::Known(Relation::More),
            SaleType::Gjensalg => DecisionPath::Known(Relation::Replacement),
            SaleType::Tilleggssalg => DecisionPath::Known(Relation::Extension),
            SaleType::Kryssalg => DecisionPath::Known(Relation::Different),
        }
    }

    /// The sale type at the end of the path.
    pub fn sale_type(self) -> SaleType {
        match self {
            DecisionPath::NewCustomer => SaleType::Nysalg,
            DecisionPath::Known(relation) => relation.sale_type(),
        }
    }

    /// The answer to step 1.
    pub fn known_customer(self) -> bool {
        matches!(self, DecisionPath::Known(_))
    }

    /// The answer to step 2, when it is asked.
    pub fn relation(self) -> Option<Relation> {
        match self {
            DecisionPath::NewCustomer => None,
            DecisionPath::Known(relation) => Some(relation),
        }
    }
}

/// The path as a scenario file states it, for scenarios where deriving it from the answer is
/// not what the author wants to teach. Written `path: Some((known_customer: true, relation:
/// Extension))`; `relation` is left out for a new customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedPath {
    /// The answer to step 1: has this customer ever bought from you? (Before issue #13 the
    /// step also asked whether they knew the product; the field keeps its name so older files
    /// load unchanged, and now means only the customer's history with you.)
    pub known_customer: bool,
    /// The answer to step 2; only meaningful when `known_customer` is true.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_relation::serialize",
        deserialize_with = "bare_relation::deserialize"
    )]
    pub relation: Option<Relation>,
}

impl StatedPath {
    /// The path this states, or `None` when a known customer has no relation to follow.
    /// A relation stated for a new customer is ignored, as the path never asks for it.
    pub fn resolve(self) -> Option<DecisionPath> {
        match (self.known_customer, self.relation) {
            (false, _) => Some(DecisionPath::NewCustomer),
            (true, Some(relation)) => Some(DecisionPath::Known(relation)),
            (true, None) => None,
        }
    }
}

/// `relation: Extension` in the file rather than `relation: Some(Extension)`: the field is
/// optional by being left out, which reads better for instructors.
mod bare_relation {
    use super::*;

    pub fn serialize<S: Serializer>(
        relation: &Option<Relation>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match relation {
            Some(r) => r.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Relation>, D::Error> {
        Relation::deserialize(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_one_path_that_leads_back_to_it() {
        // Every path there is: no at step 1, or yes and one of the relations at step 2.
        let ends: Vec<SaleType> = std::iter::once(DecisionPath::NewCustomer)
            .chain(Relation::ALL.map(DecisionPath::Known))
            .map(DecisionPath::sale_type)
            .collect();
        for t in SaleType::ALL {
            assert_eq!(ends.iter().filter(|&&end| end == t).count(), 1, "{t:?}");
            let path = DecisionPath::for_type(t);
            assert_eq!(path.sale_type(), t);
            assert_eq!(path.known_customer(), t.is_follow_on(), "{t:?}");
            assert_eq!(path.relation().is_some(), t.is_follow_on(), "{t:?}");
        }
        let relations: Vec<_> = Relation::ALL.map(Relation::sale_type).into();
        assert_eq!(
            relations,
            [
                SaleType::Mersalg,
                SaleType::Gjensalg,
                SaleType::Tilleggssalg,
                SaleType::Kryssalg
            ]
        );
    }

    #[test]
    fn stated_paths_resolve_and_round_trip_through_ron() {
        let known: StatedPath =
            ron::from_str("(known_customer: true, relation: Extension)").expect("parses");
        assert_eq!(
            known.resolve(),
            Some(DecisionPath::Known(Relation::Extension))
        );
        let new: StatedPath = ron::from_str("(known_customer: false)").expect("parses");
        assert_eq!(new.resolve(), Some(DecisionPath::NewCustomer));
        let incomplete: StatedPath = ron::from_str("(known_customer: true)").expect("parses");
        assert_eq!(incomplete.resolve(), None);
        for path in [known, new] {
            let text = ron::to_string(&path).expect("serialises");
            assert_eq!(ron::from_str::<StatedPath>(&text), Ok(path), "{text}");
        }
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for lang in Language::ALL {
            for r in Relation::ALL {
                assert!(!r.label(lang).is_empty() && !r.phrase().text(lang).is_empty());
            }
            for s in Step::ALL {
                assert!(s.question(lang).ends_with('?'));
            }
        }
    }
}
