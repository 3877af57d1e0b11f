//! Sales conversations as files: the validator against a corpus with one broken file per rule
//! (message and position), random walks through generated valid conversations, and the
//! documented example staying the template.

mod common;

use common::assert_contains;

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use salgstrener::domain::authoring::editor::{conversation_example_file, to_ron};
use salgstrener::domain::bank::conversation::{Conversation, Next, Quality, Reply, Step};
use salgstrener::domain::bank::conversation_rules::{check_conversation_text, is_conversation};
use salgstrener::domain::bank::problem::Severity;
use salgstrener::domain::bank::scenario::{Fit, Offer};
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::teaching::taxonomy::SaleType;

fn fixtures(name: &str) -> PathBuf {
    common::fixtures("conversations").join(name)
}

/// (file, line, column, severity, words the message must contain)
const EXPECTED: &[(&str, usize, usize, Severity, &str)] = &[
    (
        "cue_missing.ron",
        98,
        28,
        Severity::Error,
        "cue \" uten lys\" does not occur in `customer`, a step's `customer` or a `reveals` entry",
    ),
    (
        "cycle.ron",
        89,
        21,
        Severity::Error,
        "step \"morket\", reply 2 leads back to step \"trening\", which the conversation has already passed",
    ),
    (
        "duplicate_step.ron",
        75,
        13,
        Severity::Error,
        "step id \"trening\" is used by step 2 too",
    ),
    (
        "duplicate_step.ron",
        58,
        21,
        Severity::Error,
        "leads to step \"morket\", which does not exist",
    ),
    (
        "missing_comma.ron",
        39,
        21,
        Severity::Error,
        "expected a comma `,` before this point",
    ),
    (
        "no_decide.ron",
        16,
        5,
        Severity::Error,
        "no path from `start` reaches `Decide`",
    ),
    (
        "no_replies.ron",
        77,
        13,
        Severity::Error,
        "step \"morket\" has no replies",
    ),
    // The facts of the missing replies are gone, and with them the cue.
    (
        "no_replies.ron",
        84,
        12,
        Severity::Error,
        "cue \"ingen refleks eller lys\" does not occur",
    ),
    (
        "same_id_as_scenario.ron",
        5,
        5,
        Severity::Error,
        "id \"klaer-belte\" is already used by",
    ),
    (
        "start_unknown.ron",
        16,
        5,
        Severity::Error,
        "`start` names step \"kasse\", which does not exist",
    ),
    (
        "text_too_long.ron",
        22,
        13,
        Severity::Error,
        "step \"kassa\": `customer` is 4200 characters long, over the limit of 4000",
    ),
    (
        "too_few_offers.ron",
        101,
        5,
        Severity::Error,
        "the conversation has 1 offer(s): write between 2 and 6",
    ),
    (
        "too_many_replies.ron",
        77,
        13,
        Severity::Error,
        "step \"morket\" has 10 replies, more than the 9",
    ),
    (
        "two_best.ron",
        103,
        72,
        Severity::Error,
        "2 offers are marked `fit: Best` (offers 1, 2)",
    ),
    (
        "unknown_field.ron",
        28,
        21,
        Severity::Error,
        "unknown field `points` in `Reply`",
    ),
    (
        "unknown_quality.ron",
        37,
        30,
        Severity::Error,
        "unknown value `Middels`: use one of `Good`, `Acceptable`, `Poor`",
    ),
    (
        "unknown_step.ron",
        58,
        21,
        Severity::Error,
        "leads to step \"morke\", which does not exist",
    ),
    (
        "unknown_step.ron",
        75,
        13,
        Severity::Error,
        "step \"morket\" cannot be reached from `start`",
    ),
    (
        "unreachable.ron",
        75,
        13,
        Severity::Error,
        "step \"morket\" cannot be reached from `start`",
    ),
    (
        "warning_long_path.ron",
        120,
        14,
        Severity::Warning,
        "a path passes 15 steps (kassa → trening → morket → ekstra-1",
    ),
    (
        "warning_no_good.ron",
        77,
        13,
        Severity::Warning,
        "step \"morket\" has no `Good` reply",
    ),
];

#[test]
fn every_rule_is_reported_with_file_position_and_words() {
    let bank = Bank::load(BankSource::Folder(fixtures("broken"))).expect("folder loads");
    let problems = bank.problems();
    let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for &(file, line, column, severity, words) in EXPECTED {
        let hit = problems.iter().find(|p| {
            p.path.ends_with(file)
                && p.position.map(|p| (p.line, p.column)) == Some((line, column))
                && p.severity == severity
                && p.message.to_string().contains(words)
        });
        assert!(
            hit.is_some(),
            "{file}:{line}:{column} {words:?} not found in\n{found:#?}"
        );
    }
    assert_eq!(
        problems.len(),
        EXPECTED.len(),
        "a problem is not in the expected list:\n{found:#?}"
    );
    // The duplicate id names the other file.
    let dup = problems
        .iter()
        .find(|p| p.path.ends_with("same_id_as_scenario.ron"))
        .unwrap();
    assert_contains(&dup.message.to_string(), "a-scenario.ron");
    // Files with only warnings load; the scenario beside them too.
    let ids: Vec<&str> = bank.conversations().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["warning-long-path", "warning-no-good"]);
    assert_eq!(bank.scenarios().len(), 1);
    assert_eq!(bank.conversation_files_checked(), 18);
    assert_eq!(
        bank.summary(),
        format!(
            "1 scenarios, 18 conversations, 0 quizzes, {} errors, 2 warnings",
            EXPECTED.len() - 2
        )
    );
}

#[test]
fn the_good_folder_loads_both_examples_beside_a_scenario() {
    let bank = Bank::load(BankSource::Folder(fixtures("good"))).expect("folder loads");
    assert_eq!(bank.problems(), &[], "{:#?}", bank.problems());
    assert_eq!(bank.conversations().len(), 2);
    assert_eq!(bank.scenarios().len(), 1);
    let c = &bank.conversations()[bank.conversation_index("sport-samtale-lopesko").unwrap()];
    assert_eq!(c.language, Language::Nb);
    let best = c.best_path().expect("a best path");
    assert_eq!((best.points, best.replies.len()), (6, 3));
}

#[test]
fn the_documented_example_is_the_template() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conversation-format.md"),
    )
    .unwrap();
    let example = conversation_example_file("sport-samtale-lopesko", Language::Nb);
    assert!(
        doc.contains(&format!("```ron\n{example}```")),
        "docs/conversation-format.md no longer shows the template"
    );
    for language in Language::ALL {
        let text = conversation_example_file("ny-samtale", language);
        assert!(is_conversation(&text));
        let checked = check_conversation_text(Path::new("x.ron"), &text).unwrap();
        assert_eq!(checked.problems, [], "{language:?}");
    }
}

/// A valid conversation of `n` steps: reply 0 of every step leads to the next step (the last
/// to Decide), so every step is reachable and Decide is too; the other replies go forward to
/// any later step, to Decide or to Leave. The texts that do not matter to the walk are the
/// documented example's.
fn valid_conversation() -> impl Strategy<Value = Conversation> {
    let example = conversation_example_file("prop", Language::Nb);
    let example = check_conversation_text(Path::new("x.ron"), &example)
        .unwrap()
        .item;
    (1usize..30)
        .prop_flat_map(|n| {
            let replies = (0..n)
                .map(move |i| {
                    proptest::collection::vec((0usize..n + 2, 0usize..3), 0..4)
                        .prop_map(move |extra| (i, extra))
                })
                .collect::<Vec<_>>();
            (Just(n), replies)
        })
        .prop_map(move |(n, steps)| {
            let reply = |next: Next, quality: usize| Reply {
                text: "r".into(),
                quality: Quality::ALL[quality],
                feedback: "f".into(),
                reveals: vec!["fakta".into()],
                next,
            };
            let steps = steps
                .into_iter()
                .map(|(i, extra)| {
                    let first = if i + 1 < n {
                        Next::Step(format!("s{}", i + 1))
                    } else {
                        Next::Decide
                    };
                    let mut replies = vec![reply(first, 0)];
                    for (target, quality) in extra {
                        let next = match target {
                            t if t > i && t < n => Next::Step(format!("s{t}")),
                            t if t == n => Next::Leave("ha det".into()),
                            _ => Next::Decide,
                        };
                        replies.push(reply(next, quality));
                    }
                    Step {
                        id: format!("s{i}"),
                        customer: "c".into(),
                        replies,
                    }
                })
                .collect();
            let offer = |kind, fit| Offer {
                text: "o".into(),
                kind,
                fit,
                feedback: "f".into(),
            };
            Conversation {
                start: "s0".into(),
                steps,
                answer: SaleType::Kryssalg,
                cues: vec!["fakta".into()],
                offers: vec![
                    offer(SaleType::Kryssalg, Fit::Best),
                    offer(SaleType::Mersalg, Fit::Poor),
                ],
                ..example.clone()
            }
        })
}

proptest! {
    /// Any random walk through a valid conversation ends in Decide or Leave, and never takes
    /// more replies than there are steps.
    #[test]
    fn random_walks_end_in_decide_or_leave_within_the_step_count(
        c in valid_conversation(),
        choices in proptest::collection::vec(0usize..9, 30),
    ) {
        let text = to_ron(&c).unwrap();
        let checked = check_conversation_text(Path::new("x.ron"), &text).unwrap();
        prop_assert!(checked.is_usable(), "{:#?}", checked.problems);
        prop_assert_eq!(&checked.item, &c);

        let index = c.step_indexes();
        let mut at = index[c.start.as_str()];
        let mut taken = 0;
        let end = loop {
            let step = &c.steps[at];
            let reply = &step.replies[choices[taken % choices.len()] % step.replies.len()];
            taken += 1;
            prop_assert!(taken <= c.steps.len(), "more replies than steps");
            match &reply.next {
                Next::Step(id) => at = index[id.as_str()],
                end => break end.clone(),
            }
        };
        prop_assert!(matches!(end, Next::Decide | Next::Leave(_)));
        prop_assert!(c.best_path().is_some());
    }
}
