//! The five sale types of the Norwegian sales taxonomy and what tells them apart.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::language::Language;

/// The kind of sale, by the relation between seller, customer and what was bought before.
///
/// The Norwegian names are the variants because they are the terms the course material uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SaleType {
    /// A first sale: a customer you have never sold to, a product they do not know.
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
        use Language::{En, Nb};
        match (self, lang) {
            (SaleType::Nysalg, Nb) => {
                "Kunden har aldri kjøpt av deg, og produktet er nytt for kunden (eller så lenge siden at det føles nytt)."
            }
            (SaleType::Nysalg, En) => {
                "The customer has never bought from you, and the product is new to them (or bought so long ago that it feels new)."
            }
            (SaleType::Mersalg, Nb) => {
                "Kunden kjøper mer av det samme produktet: flere nå enn planlagt, eller igjen senere hos deg."
            }
            (SaleType::Mersalg, En) => {
                "The customer buys more of the same product: more units now than planned, or again later from you."
            }
            (SaleType::Gjensalg, Nb) => {
                "Kunden bytter ut noe som er slitt eller utdatert, og kan lett gå til en konkurrent for å gjøre det."
            }
            (SaleType::Gjensalg, En) => {
                "The customer replaces something worn out or outdated, and could easily go to a competitor to do it."
            }
            (SaleType::Kryssalg, Nb) => {
                "Rett etter et salg tilbyr du et annet produkt, uten binding til det første, valgt ut fra det du har lært om behovet."
            }
            (SaleType::Kryssalg, En) => {
                "Right after a sale you offer a different product, not tied to the first, chosen from what you learned about the need."
            }
            (SaleType::Tilleggssalg, Nb) => {
                "Du tilbyr noe som utvider produktet kunden nettopp kjøpte: tilbehør og ekstrautstyr som hører til."
            }
            (SaleType::Tilleggssalg, En) => {
                "You offer something that extends the product just bought: accessories and extras that belong to it."
            }
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
    use Language::{En, Nb};
    use SaleType::*;
    if a == b {
        return None;
    }
    let (first, second) = if a < b { (a, b) } else { (b, a) };
    Some(match (first, second, lang) {
        (Nysalg, Mersalg, Nb) => {
            "Nysalg er første kjøp fra en kunde som ikke kjenner deg eller produktet. Mersalg er når en kunde som allerede har produktet, kjøper flere av det samme."
        }
        (Nysalg, Mersalg, En) => {
            "A new sale is the first purchase by a customer who knows neither you nor the product. More of the same is when a customer who already has the product buys more of it."
        }
        (Nysalg, Gjensalg, Nb) => {
            "Ved nysalg har kunden ingen erfaring med produktet. Ved gjensalg har kunden et slikt produkt fra før, men det er slitt eller utdatert og skal byttes ut."
        }
        (Nysalg, Gjensalg, En) => {
            "In a new sale the customer has no experience with the product. In a replacement sale they already own one, but it is worn out or outdated and must be replaced."
        }
        (Nysalg, Kryssalg, Nb) => {
            "Et produkt som er nytt for en kunde du allerede selger til, er kryssalg, ikke nysalg. Nysalg krever at du aldri har solgt til kunden før."
        }
        (Nysalg, Kryssalg, En) => {
            "A product that is new to a customer you already sell to is a cross-sale, not a new sale. A new sale needs a customer you have never sold to."
        }
        (Nysalg, Tilleggssalg, Nb) => {
            "Tilleggssalg bygger videre på et produkt kunden nettopp har kjøpt. Nysalg er selve førstegangskjøpet, uten noe tidligere kjøp å bygge på."
        }
        (Nysalg, Tilleggssalg, En) => {
            "An add-on sale builds on a product the customer has just bought. A new sale is the first purchase itself, with nothing earlier to build on."
        }
        (Mersalg, Gjensalg, Nb) => {
            "Begge gjelder det samme produktet igjen. Ved mersalg kjøper kunden fordi de vil ha mer; ved gjensalg fordi det gamle er slitt ut eller gått ut på dato."
        }
        (Mersalg, Gjensalg, En) => {
            "Both concern the same product again. In more of the same the customer buys because they want more; in a replacement sale because the old one is worn out or outdated."
        }
        (Mersalg, Kryssalg, Nb) => {
            "Mersalg er flere av samme produkt. Kryssalg er et annet produkt, valgt ut fra behovet du har avdekket."
        }
        (Mersalg, Kryssalg, En) => {
            "More of the same is more units of the same product. A cross-sale is a different product, chosen from the need you uncovered."
        }
        (Mersalg, Tilleggssalg, Nb) => {
            "Mersalg er flere av selve produktet. Tilleggssalg er tilbehør som hører til produktet, ikke et eksemplar til."
        }
        (Mersalg, Tilleggssalg, En) => {
            "More of the same is more of the product itself. An add-on sale is an accessory that belongs to the product, not another unit of it."
        }
        (Gjensalg, Kryssalg, Nb) => {
            "Gjensalg erstatter noe kunden har fra før. Kryssalg kommer i tillegg: et annet produkt som dekker et annet behov."
        }
        (Gjensalg, Kryssalg, En) => {
            "A replacement sale replaces something the customer already has. A cross-sale comes on top: a different product for a different need."
        }
        (Gjensalg, Tilleggssalg, Nb) => {
            "Gjensalg bytter ut det gamle produktet i sin helhet. Tilleggssalg utvider det produktet kunden nettopp kjøpte."
        }
        (Gjensalg, Tilleggssalg, En) => {
            "A replacement sale swaps out the old product as a whole. An add-on sale extends the product the customer has just bought."
        }
        (Kryssalg, Tilleggssalg, Nb) => {
            "Tilleggssalg er en utvidelse av produktet som nettopp ble kjøpt (beltet til buksen). Kryssalg er et annet produkt som står på egne ben (dressjakken til buksen)."
        }
        (Kryssalg, Tilleggssalg, En) => {
            "An add-on sale extends the product just bought (the belt for the trousers). A cross-sale is a different product that stands on its own (the suit jacket after the trousers)."
        }
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
