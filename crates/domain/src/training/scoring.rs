//! Scoring one answer against the taxonomy, and the feedback that teaches from it.

use std::ops::Range;

use crate::bank::scenario::Fit;
use crate::language::Language;
use crate::teaching::taxonomy::{SaleType, deciding_difference};
use crate::training::answer::Decision;

/// What the trainee answered: a sale type and one of the scenario's offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The chosen sale type.
    pub sale_type: SaleType,
    /// Index into the scenario's offers (file order, not display order).
    pub offer: usize,
}

/// Points for one answer: up to 2 for the type and 2 for the offer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// 0, 1 or 2.
    pub type_points: u8,
    /// 0, 1 or 2.
    pub offer_points: u8,
}

impl Score {
    /// The most one answer can earn.
    pub const MAX: u8 = 4;

    /// Type and offer points together.
    pub fn total(self) -> u8 {
        self.type_points + self.offer_points
    }
}

/// How close the chosen type came to the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeVerdict {
    /// The right type.
    Right,
    /// Wrong, but both are follow-on sales: the trainee saw that the customer is not new.
    SameFamily,
    /// Wrong.
    Wrong,
}

/// Points for the sale type: 2 when right; 1 when the answer is a follow-on sale and another
/// follow-on type was picked; 0 otherwise.
pub fn type_points(answer: SaleType, chosen: SaleType) -> u8 {
    match type_verdict(answer, chosen) {
        TypeVerdict::Right => 2,
        TypeVerdict::SameFamily => 1,
        TypeVerdict::Wrong => 0,
    }
}

/// Classifies a chosen type against the right one.
pub fn type_verdict(answer: SaleType, chosen: SaleType) -> TypeVerdict {
    if answer == chosen {
        TypeVerdict::Right
    } else if answer.is_follow_on() && chosen.is_follow_on() {
        TypeVerdict::SameFamily
    } else {
        TypeVerdict::Wrong
    }
}

/// Points for the offer: 2 for `Best`, 1 for `Acceptable`, 0 for `Poor`.
pub fn offer_points(fit: Fit) -> u8 {
    match fit {
        Fit::Best => 2,
        Fit::Acceptable => 1,
        Fit::Poor => 0,
    }
}

/// The scored answer with everything the feedback shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// What the trainee chose.
    pub choice: Choice,
    /// The points.
    pub score: Score,
    /// The right type.
    pub right_type: SaleType,
    /// How close the chosen type was.
    pub verdict: TypeVerdict,
    /// What separates the chosen type from the right one, when they differ.
    pub difference: Option<&'static str>,
    /// Fit of the chosen offer.
    pub offer_fit: Fit,
    /// Index of the best offer (file order).
    pub best_offer: Option<usize>,
}

/// Scores `choice` on a decision (a `&Scenario` or a [`Decision`]). The deciding difference is
/// given in `lang`. Returns `None` when the offer index does not exist in the decision.
pub fn score<'a>(
    decision: impl Into<Decision<'a>>,
    choice: Choice,
    lang: Language,
) -> Option<Outcome> {
    let decision = decision.into();
    let offer = decision.offers.get(choice.offer)?;
    let score = Score {
        type_points: type_points(decision.answer, choice.sale_type),
        offer_points: offer_points(offer.fit),
    };
    Some(Outcome {
        choice,
        score,
        right_type: decision.answer,
        verdict: type_verdict(decision.answer, choice.sale_type),
        difference: deciding_difference(decision.answer, choice.sale_type, lang),
        offer_fit: offer.fit,
        best_offer: decision.offers.iter().position(|o| o.fit == Fit::Best),
    })
}

/// Byte ranges in `text` where any of `cues` occurs, sorted and merged, for highlighting.
pub fn cue_ranges(text: &str, cues: &[String]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = cues
        .iter()
        .filter(|c| !c.is_empty())
        .flat_map(|cue| {
            text.match_indices(cue.as_str())
                .map(|(start, m)| start..start + m.len())
        })
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::scenario::Scenario;
    use SaleType::*;

    #[test]
    fn type_points_over_all_25_pairs() {
        // Rows: right answer; columns: chosen, in SaleType::ALL order.
        let expected: [[u8; 5]; 5] = [
            [2, 0, 0, 0, 0], // Nysalg: no partial credit, it is the only first sale
            [0, 2, 1, 1, 1], // Mersalg
            [0, 1, 2, 1, 1], // Gjensalg
            [0, 1, 1, 2, 1], // Kryssalg
            [0, 1, 1, 1, 2], // Tilleggssalg
        ];
        for (answer, row) in SaleType::ALL.into_iter().zip(expected) {
            for (chosen, points) in SaleType::ALL.into_iter().zip(row) {
                assert_eq!(
                    type_points(answer, chosen),
                    points,
                    "{answer:?} / {chosen:?}"
                );
            }
        }
    }

    #[test]
    fn offer_points_per_fit() {
        assert_eq!(
            Fit::ALL.map(offer_points),
            [2, 1, 0],
            "Best, Acceptable, Poor"
        );
    }

    fn scenario(answer: SaleType) -> Scenario {
        Scenario::for_tests(
            answer,
            &[
                (answer, Fit::Best),
                (Kryssalg, Fit::Acceptable),
                (Mersalg, Fit::Poor),
            ],
        )
    }

    #[test]
    fn total_over_every_type_and_fit() {
        for answer in SaleType::ALL {
            let s = scenario(answer);
            for chosen in SaleType::ALL {
                for (offer, fit) in Fit::ALL.into_iter().enumerate() {
                    let outcome = score(
                        &s,
                        Choice {
                            sale_type: chosen,
                            offer,
                        },
                        Language::Nb,
                    )
                    .expect("offer exists");
                    assert_eq!(outcome.offer_fit, fit);
                    assert_eq!(
                        outcome.score.total(),
                        type_points(answer, chosen) + offer_points(fit)
                    );
                    assert!(outcome.score.total() <= Score::MAX);
                    assert_eq!(outcome.difference.is_some(), answer != chosen);
                    assert_eq!(outcome.best_offer, Some(0));
                }
            }
        }
    }

    #[test]
    fn perfect_answer_scores_max_and_unknown_offer_is_none() {
        let s = scenario(Tilleggssalg);
        let best = score(
            &s,
            Choice {
                sale_type: Tilleggssalg,
                offer: 0,
            },
            Language::En,
        )
        .unwrap();
        assert_eq!(best.score.total(), Score::MAX);
        assert_eq!(best.verdict, TypeVerdict::Right);
        let near = score(
            &s,
            Choice {
                sale_type: Kryssalg,
                offer: 0,
            },
            Language::En,
        )
        .unwrap();
        assert_eq!(near.verdict, TypeVerdict::SameFamily);
        assert!(near.difference.unwrap().contains("add-on sale"));
        assert_eq!(
            score(
                &s,
                Choice {
                    sale_type: Nysalg,
                    offer: 9
                },
                Language::Nb
            ),
            None
        );
    }

    #[test]
    fn cue_ranges_are_merged_and_on_char_boundaries() {
        let text = "Kunden kjøpte bukse, og beltet er slitt. Beltet er slitt.";
        let cues = vec![
            "beltet er slitt".to_string(),
            "er slitt".to_string(),
            String::new(),
        ];
        let ranges = cue_ranges(text, &cues);
        assert_eq!(ranges.len(), 2);
        for r in &ranges {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_eq!(&text[ranges[0].clone()], "beltet er slitt");
        assert_eq!(&text[ranges[1].clone()], "er slitt");
    }
}
