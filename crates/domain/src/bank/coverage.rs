//! How well a bank covers the taxonomy: scenarios per sale type, difficulty and language, and
//! a warning for a type so thin that quizzes can hardly draw it.

use crate::bank::Bank;
use crate::bank::problem::Problem;
use crate::i18n::Message;
use crate::language::Language;
use crate::teaching::taxonomy::SaleType;

/// Counts of usable scenarios.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Per right answer, in [`SaleType::ALL`] order.
    pub by_type: [usize; 5],
    /// Per difficulty 1, 2, 3.
    pub by_difficulty: [usize; 3],
    /// Per language, in [`Language::ALL`] order.
    pub by_language: [usize; 2],
    /// Usable conversations per right answer, in [`SaleType::ALL`] order.
    pub conversations_by_type: [usize; 5],
    /// Usable conversations per language, in [`Language::ALL`] order.
    pub conversations_by_language: [usize; 2],
}

impl Coverage {
    /// Counts the bank's usable scenarios.
    pub fn of(bank: &Bank) -> Coverage {
        let mut c = Coverage::default();
        for s in bank.scenarios() {
            c.by_type[s.answer.index()] += 1;
            if let Some(d) = c
                .by_difficulty
                .get_mut(usize::from(s.difficulty).wrapping_sub(1))
            {
                *d += 1;
            }
            let lang = Language::ALL
                .iter()
                .position(|l| *l == s.language)
                .unwrap_or(0);
            c.by_language[lang] += 1;
        }
        for conversation in bank.conversations() {
            c.conversations_by_type[conversation.answer.index()] += 1;
            let lang = Language::ALL
                .iter()
                .position(|l| *l == conversation.language)
                .unwrap_or(0);
            c.conversations_by_language[lang] += 1;
        }
        c
    }

    /// The four `coverage:` lines of `check`: scenarios by sale type, difficulty and language,
    /// then conversations by sale type and language.
    pub fn lines(&self) -> Vec<Message> {
        let by_type = |counts: [usize; 5]| counted(SaleType::ALL.map(SaleType::norwegian), counts);
        let by_language = |counts: [usize; 2]| counted(Language::ALL.map(Language::code), counts);
        let types = by_type(self.by_type);
        let levels = self
            .by_difficulty
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}: {n}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        vec![
            Message::CoverageByType { counts: types },
            Message::CoverageByDifficulty { counts: levels },
            Message::CoverageByLanguage {
                counts: by_language(self.by_language),
            },
            Message::CoverageConversations {
                by_type: by_type(self.conversations_by_type),
                by_language: by_language(self.conversations_by_language),
            },
        ]
    }

    /// A warning for every sale type with fewer than a quarter of the average per type.
    pub fn warnings(&self, folder: &std::path::Path) -> Vec<Problem> {
        let total: usize = self.by_type.iter().sum();
        let average = total as f64 / SaleType::ALL.len() as f64;
        SaleType::ALL
            .iter()
            .zip(self.by_type)
            .filter(|(_, n)| (*n as f64) < average / 4.0)
            .map(|(t, n)| {
                Problem::warning(
                    folder,
                    None,
                    Message::FewOfType {
                        n,
                        sale_type: *t,
                        average: format!("{average:.1}"),
                    },
                )
            })
            .collect()
    }
}

/// "label n" for each label and its count, joined with commas, as a `coverage:` line lists them.
fn counted<const N: usize>(labels: [&str; N], counts: [usize; N]) -> String {
    labels
        .iter()
        .zip(counts)
        .map(|(label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::BankSource;

    #[test]
    fn the_bundled_bank_is_balanced() {
        let bank = Bank::load(BankSource::Embedded).unwrap();
        let c = Coverage::of(&bank);
        assert_eq!(c.by_type.iter().sum::<usize>(), bank.scenarios().len());
        assert_eq!(
            c.by_difficulty.iter().sum::<usize>(),
            bank.scenarios().len()
        );
        assert!(
            c.warnings(std::path::Path::new("scenarios")).is_empty(),
            "{:?}",
            c
        );
        assert!(
            c.lines()[0]
                .to_string()
                .starts_with("coverage: by sale type: nysalg ")
        );
    }

    #[test]
    fn a_thin_type_is_warned_about() {
        let c = Coverage {
            by_type: [10, 10, 10, 10, 2],
            ..Coverage::default()
        };
        // Average 8.4, a quarter is 2.1: two tilleggssalg scenarios are too few.
        let w = c.warnings(std::path::Path::new("x"));
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message
                .to_string()
                .starts_with("only 2 tilleggssalg scenario(s)"),
            "{}",
            w[0].message
        );
        let fine = Coverage {
            by_type: [10, 10, 10, 10, 3],
            ..Coverage::default()
        };
        assert!(fine.warnings(std::path::Path::new("x")).is_empty());
    }
}
