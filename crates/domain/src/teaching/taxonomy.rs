//! The five sale types of the Norwegian sales taxonomy and what tells them apart.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::teaching_texts;
use crate::language::Language;

/// The kind of sale, by the relation between seller, customer and what was bought before.
///
/// The Norwegian names are the variants because they are the terms the course material uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SaleType {
    /// A first sale: a customer who has never bought from you (usually also new to the product).
    Nysalg,
    /// More of the same product, now or again later from the same supplier.
    Mersalg,
    /// A replacement for something worn out or outdated.
    Gjensalg,
    /// A different product, not tied to the one just bought.
    Kryssalg,
    /// An extension of the product just bought: accessories and extras.
    Tilleggssalg,
}

impl SaleType {
    /// All five types in the order the course teaches them.
    pub const ALL: [SaleType; 5] = [
        SaleType::Nysalg,
        SaleType::Mersalg,
        SaleType::Gjensalg,
        SaleType::Kryssalg,
        SaleType::Tilleggssalg,
    ];

    /// Position in [`SaleType::ALL`], for tables indexed by type.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The Norwegian term, in lower case as used in running text.
    pub fn norwegian(self) -> &'static str {
        match self {
            SaleType::Nysalg => "nysalg",
            SaleType::Mersalg => "mersalg",
            SaleType::Gjensalg => "gjensalg",
            SaleType::Kryssalg => "kryssalg",
            SaleType::Tilleggssalg => "tilleggssalg",
        }
    }

    /// The Norwegian term with a capital letter, for buttons and headings.
    pub fn title(self) -> &'static str {
        match self {
            SaleType::Nysalg => "Nysalg",
            SaleType::Mersalg => "Mersalg",
            SaleType::Gjensalg => "Gjensalg",
            SaleType::Kryssalg => "Kryssalg",
            SaleType::Tilleggssalg => "Tilleggssalg",
        }
    }

    /// The English name shown beside the Norwegian term.
    pub fn english(self) -> &'static str {
        match self {
            SaleType::Nysalg => "new sale",
            SaleType::Mersalg => "more of the same",
            SaleType::Gjensalg => "replacement sale",
            SaleType::Kryssalg => "cross-sale",
            SaleType::Tilleggssalg => "add-on sale",
        }
    }

    /// True for the four follow-on sales (påfølgende salg) that come after a first sale.
    pub fn is_follow_on(self) -> bool {
        self != SaleType::Nysalg
    }

    /// The one question that decides this type, in the given language.
    pub fn deciding_cue(self, lang: Language) -> &'static str {
        let t = teaching_texts(lang);
        match self {
            SaleType::Nysalg => t.cue_nysalg,
            SaleType::Mersalg => t.cue_mersalg,
            SaleType::Gjensalg => t.cue_gjensalg,
            SaleType::Kryssalg => t.cue_kryssalg,
            SaleType::Tilleggssalg => t.cue_tilleggssalg,
        }
    }

    /// The display name in the interface language: the Norwegian term, with the English
    /// name beside it in the English interface.
    pub fn label(self, lang: Language) -> String {
        match lang {
            Language::Nb => self.title().to_owned(),
            Language::En => format!("{} ({})", self.title(), self.english()),
        }
    }
}

impl fmt::Display for SaleType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.norwegian())
    }
}

/// What separates two sale types, for feedback when a trainee picked one where the other was
/// right. `None` when they are the same type. The text is the same whichever way round.
pub fn deciding_difference(a: SaleType, b: SaleType, lang: Language) -> Option<&'static str> {
    use SaleType::*;
    if a == b {
        return None;
    }
    let t = teaching_texts(lang);
    let (first, second) = if a < b { (a, b) } else { (b, a) };
    Some(match (first, second) {
        (Nysalg, Mersalg) => t.difference_nysalg_mersalg,
        (Nysalg, Gjensalg) => t.difference_nysalg_gjensalg,
        (Nysalg, Kryssalg) => t.difference_nysalg_kryssalg,
        (Nysalg, Tilleggssalg) => t.difference_nysalg_tilleggssalg,
        (Mersalg, Gjensalg) => t.difference_mersalg_gjensalg,
        (Mersalg, Kryssalg) => t.difference_mersalg_kryssalg,
        (Mersalg, Tilleggssalg) => t.difference_mersalg_tilleggssalg,
        (Gjensalg, Kryssalg) => t.difference_gjensalg_kryssalg,
        (Gjensalg, Tilleggssalg) => t.difference_gjensalg_tilleggssalg,
        (Kryssalg, Tilleggssalg) => t.difference_kryssalg_tilleggssalg,
        _ => unreachable!("pairs are ordered and distinct"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order() {
        for (i, t) in SaleType::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
        }
    }

    #[test]
    fn only_nysalg_is_a_first_sale() {
        let follow_on: Vec<_> = SaleType::ALL
            .into_iter()
            .filter(|t| t.is_follow_on())
            .collect();
        assert_eq!(
            follow_on,
            [
                SaleType::Mersalg,
                SaleType::Gjensalg,
                SaleType::Kryssalg,
                SaleType::Tilleggssalg
            ]
        );
    }

    #[test]
    fn every_pair_of_distinct_types_has_a_symmetric_difference_in_both_languages() {
        for a in SaleType::ALL {
            for b in SaleType::ALL {
                for lang in Language::ALL {
                    let d = deciding_difference(a, b, lang);
                    if a == b {
                        assert_eq!(d, None);
                    } else {
                        let text = d.expect("distinct types differ");
                        assert_eq!(Some(text), deciding_difference(b, a, lang));
                        // Each difference names both of its types so the trainee can place it.
                        let lower = text.to_lowercase();
                        for t in [a, b] {
                            let name = match lang {
                                Language::Nb => t.norwegian(),
                                Language::En => t.english(),
                            };
                            assert!(lower.contains(name), "{a:?}/{b:?} {lang:?}: {text}");
                        }
                    }
                }
            }
        }
    }
}
