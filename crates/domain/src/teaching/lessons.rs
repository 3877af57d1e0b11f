//! What the Learn screen teaches: examples of each sale type, the type it is most often
//! confused with, why follow-on sales pay, how to find the next offer, and what each box of the
//! decision path means. Texts in both languages; the deciding cue and the difference between
//! two types come from [`crate::teaching::taxonomy`].

use crate::i18n::{TEACHING_EN, TEACHING_NB, teaching_texts};
use crate::language::Language;
use crate::teaching::decision_path::Step;
use crate::teaching::taxonomy::{SaleType, deciding_difference};

/// One short example of a sale type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The industry it comes from.
    pub industry: &'static str,
    /// What happens, in one sentence.
    pub text: &'static str,
}

/// The lesson for one sale type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// The type taught.
    pub sale_type: SaleType,
    /// The one question that decides it.
    pub cue: &'static str,
    /// Two or three examples, each from a different industry.
    pub examples: Vec<Example>,
    /// The type trainees most often pick instead.
    pub confused_with: SaleType,
    /// What separates the two.
    pub difference: &'static str,
}

/// The type most often mistaken for `t`, by trainees and in the course material.
pub fn confused_with(t: SaleType) -> SaleType {
    match t {
        SaleType::Nysalg => SaleType::Kryssalg,
        SaleType::Mersalg => SaleType::Gjensalg,
        SaleType::Gjensalg => SaleType::Mersalg,
        SaleType::Kryssalg => SaleType::Tilleggssalg,
        SaleType::Tilleggssalg => SaleType::Kryssalg,
    }
}

/// The lesson for `t` in `lang`.
pub fn lesson(t: SaleType, lang: Language) -> Lesson {
    let other = confused_with(t);
    Lesson {
        sale_type: t,
        cue: t.deciding_cue(lang),
        examples: examples(t, lang)
            .into_iter()
            .map(|(industry, text)| Example { industry, text })
            .collect(),
        confused_with: other,
        difference: deciding_difference(t, other, lang).unwrap_or_default(),
    }
}

/// All five lessons in teaching order.
pub fn lessons(lang: Language) -> Vec<Lesson> {
    SaleType::ALL.map(|t| lesson(t, lang)).into()
}

fn examples(sale_type: SaleType, lang: Language) -> [(&'static str, &'static str); 3] {
    let t = teaching_texts(lang);
    match sale_type {
        SaleType::Nysalg => [
            (t.example_nysalg_1_industry, t.example_nysalg_1),
            (t.example_nysalg_2_industry, t.example_nysalg_2),
            (t.example_nysalg_3_industry, t.example_nysalg_3),
        ],
        SaleType::Mersalg => [
            (t.example_mersalg_1_industry, t.example_mersalg_1),
            (t.example_mersalg_2_industry, t.example_mersalg_2),
            (t.example_mersalg_3_industry, t.example_mersalg_3),
        ],
        SaleType::Gjensalg => [
            (t.example_gjensalg_1_industry, t.example_gjensalg_1),
            (t.example_gjensalg_2_industry, t.example_gjensalg_2),
            (t.example_gjensalg_3_industry, t.example_gjensalg_3),
        ],
        SaleType::Kryssalg => [
            (t.example_kryssalg_1_industry, t.example_kryssalg_1),
            (t.example_kryssalg_2_industry, t.example_kryssalg_2),
            (t.example_kryssalg_3_industry, t.example_kryssalg_3),
        ],
        SaleType::Tilleggssalg => [
            (t.example_tilleggssalg_1_industry, t.example_tilleggssalg_1),
            (t.example_tilleggssalg_2_industry, t.example_tilleggssalg_2),
            (t.example_tilleggssalg_3_industry, t.example_tilleggssalg_3),
        ],
    }
}

/// A titled list of points: one section of the text about follow-on sales.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading.
    pub title: &'static str,
    /// A lead paragraph.
    pub lead: &'static str,
    /// The points, one sentence or two each.
    pub points: &'static [&'static str],
}

/// What follow-on sales (påfølgende salg) are and why they matter, then how to find the next
/// offer.
pub fn follow_on_sections(lang: Language) -> [Section; 3] {
    match lang {
        Language::Nb => NB_SECTIONS,
        Language::En => EN_SECTIONS,
    }
}

/// The three sections of a language's teaching texts. A macro so that each list of points is
/// a constant, as [`Section`] borrows it for the whole program.
macro_rules! sections_of {
    ($t:path) => {
        [
            Section {
                title: $t.follow_on_title,
                lead: $t.follow_on_lead,
                points: &[$t.follow_on_aim, $t.follow_on_sign, $t.follow_on_measure],
            },
            Section {
                title: $t.why_pay_title,
                lead: $t.why_pay_lead,
                points: &[
                    $t.why_pay_reach,
                    $t.why_pay_trust,
                    $t.why_pay_negotiation,
                    $t.why_pay_belongs,
                ],
            },
            Section {
                title: $t.next_offer_title,
                lead: $t.next_offer_lead,
                points: &[
                    $t.next_offer_need,
                    $t.next_offer_know,
                    $t.next_offer_knowledge,
                    $t.next_offer_one_place,
                ],
            },
        ]
    };
}

const NB_SECTIONS: [Section; 3] = sections_of!(TEACHING_NB);
const EN_SECTIONS: [Section; 3] = sections_of!(TEACHING_EN);

/// A box in the decision path diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PathNode {
    /// One of the two questions.
    Question(Step),
    /// Where the path ends: a sale type.
    Outcome(SaleType),
}

impl PathNode {
    /// Every box: the two questions, then the five outcomes.
    pub fn all() -> Vec<PathNode> {
        let mut nodes: Vec<PathNode> = Step::ALL.map(PathNode::Question).into();
        nodes.extend(SaleType::ALL.map(PathNode::Outcome));
        nodes
    }

    /// What a box means, shown when the trainee selects it.
    pub fn explanation(self, lang: Language) -> &'static str {
        let t = teaching_texts(lang);
        match self {
            PathNode::Question(Step::KnownCustomer) => t.path_known_customer_explained,
            PathNode::Question(Step::Relation) => t.path_relation_explained,
            PathNode::Outcome(sale_type) => sale_type.deciding_cue(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_two_or_three_examples_from_different_industries() {
        for lang in Language::ALL {
            for lesson in lessons(lang) {
                let n = lesson.examples.len();
                assert!((2..=3).contains(&n), "{:?} {lang:?}", lesson.sale_type);
                let mut industries: Vec<_> = lesson.examples.iter().map(|e| e.industry).collect();
                industries.sort_unstable();
                industries.dedup();
                assert_eq!(industries.len(), n, "{:?} {lang:?}", lesson.sale_type);
            }
        }
    }

    #[test]
    fn the_confusion_pairs_follow_the_course_and_name_both_types() {
        use SaleType::*;
        let pairs = SaleType::ALL.map(|t| (t, confused_with(t)));
        assert_eq!(
            pairs,
            [
                (Nysalg, Kryssalg),
                (Mersalg, Gjensalg),
                (Gjensalg, Mersalg),
                (Kryssalg, Tilleggssalg),
                (Tilleggssalg, Kryssalg),
            ]
        );
        for lang in Language::ALL {
            for lesson in lessons(lang) {
                assert!(!lesson.difference.is_empty());
                assert_eq!(lesson.cue, lesson.sale_type.deciding_cue(lang));
            }
        }
    }

    #[test]
    fn every_node_explains_itself_in_both_languages() {
        let nodes = PathNode::all();
        assert_eq!(nodes.len(), 7);
        for node in nodes {
            let (nb, en) = (
                node.explanation(Language::Nb),
                node.explanation(Language::En),
            );
            assert!(!nb.is_empty() && !en.is_empty() && nb != en, "{node:?}");
        }
        for lang in Language::ALL {
            for section in follow_on_sections(lang) {
                assert!(!section.points.is_empty(), "{}", section.title);
            }
        }
    }
}
