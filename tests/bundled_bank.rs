//! The bundled bank's size and spread, counted from the loaded bank: enough for a whole course
//! in both languages.

use std::collections::BTreeSet;

use salgstrener::domain::bank::scenario::Scenario;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::teaching::taxonomy::SaleType;

/// The industries the course covers, in each language's own words.
const INDUSTRIES: [(&str, &str); 11] = [
    ("Klær", "Clothing"),
    ("Sport", "Sports"),
    ("Elektronikk", "Electronics"),
    ("Møbler", "Furniture"),
    ("Bil", "Cars"),
    ("Maskiner", "Machinery"),
    ("Programvarelisenser", "Software licences"),
    ("Kontorrekvisita", "Office supplies"),
    ("Kurs og bøker", "Courses and books"),
    ("Telekom", "Telecom"),
    ("Hotell og restaurant", "Hospitality"),
];

/// The bank's scenarios in `lang`.
fn scenarios_in(bank: &Bank, lang: Language) -> Vec<&Scenario> {
    bank.scenarios()
        .iter()
        .filter(|s| s.language == lang)
        .collect()
}

#[test]
fn each_language_has_sixty_scenarios_over_every_type_level_and_industry() {
    let bank = Bank::load(BankSource::Embedded).unwrap();
    assert_eq!(
        bank.problems(),
        &[],
        "check --strict must pass on the bundled bank"
    );
    for lang in Language::ALL {
        let scenarios = scenarios_in(&bank, lang);
        assert!(scenarios.len() >= 60, "{lang:?}: {}", scenarios.len());
        for t in SaleType::ALL {
            let n = scenarios.iter().filter(|s| s.answer == t).count();
            assert!(n >= 10, "{lang:?} has only {n} {t}");
        }
        for level in 1..=3u8 {
            let n = scenarios.iter().filter(|s| s.difficulty == level).count();
            // "Well represented": at least a quarter of the language's scenarios on each level.
            assert!(
                n * 4 >= scenarios.len(),
                "{lang:?} has only {n} on level {level}"
            );
        }
        let industries: BTreeSet<&str> = scenarios.iter().map(|s| s.industry.as_str()).collect();
        assert!(industries.len() >= 10, "{lang:?}: {industries:?}");
        for (nb, en) in INDUSTRIES {
            let name = match lang {
                Language::Nb => nb,
                Language::En => en,
            };
            assert!(industries.contains(name), "{lang:?} lacks {name}");
        }
    }
}

#[test]
fn each_language_has_the_three_course_modules_as_quizzes() {
    let bank = Bank::load(BankSource::Embedded).unwrap();
    for lang in Language::ALL {
        let quizzes: Vec<_> = bank
            .quizzes()
            .iter()
            .filter(|q| q.language == lang)
            .collect();
        assert!(quizzes.len() >= 3, "{lang:?}");
        // Module 2 covers the four follow-on types only; the final test has a time limit.
        assert!(quizzes.iter().any(|q| {
            q.select.types.len() == 4 && q.select.types.iter().all(|t| t.is_follow_on())
        }));
        assert!(
            quizzes
                .iter()
                .any(|q| q.time_limit_minutes.is_some() && q.select.types.is_empty())
        );
        for q in quizzes {
            assert!(
                q.matching(&bank).len() >= q.questions,
                "{} cannot be drawn",
                q.id
            );
        }
    }
}

#[test]
fn every_edge_case_is_trained_by_four_scenarios_per_language_and_every_level_three_is_tagged() {
    use salgstrener::domain::teaching::edge_cases::{self, EdgeCase};

    let bank = Bank::load(BankSource::Embedded).unwrap();
    for lang in Language::ALL {
        let scenarios = scenarios_in(&bank, lang);
        let counts = edge_cases::counts(scenarios.iter().copied());
        for case in EdgeCase::ALL {
            assert!(
                counts[case.index()] >= 4,
                "{lang:?}: only {} scenarios tagged {}",
                counts[case.index()],
                case.tag()
            );
        }
        for s in scenarios.iter().filter(|s| s.difficulty == 3) {
            assert!(
                EdgeCase::of(s).is_some(),
                "{} is level 3 without a case",
                s.id
            );
        }
    }
}
