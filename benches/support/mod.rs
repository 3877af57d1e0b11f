//! Synthetic scenario banks and histories for the benchmarks and `examples/generate_bank.rs`
//! (and how the generator examples end, for `examples/generate_class.rs` too):
//! valid files of realistic size (about 1.7 KB, like the bundled ones), varied in language,
//! sale type, difficulty, industry and tags, and the same for the same `n` every time.

#![allow(dead_code)] // Each bench uses a different part of this module.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::{SignedDuration, Timestamp};

use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::bank::{Bank, BankSource, SourceFile};
use salgstrener::domain::progress::history::{AnswerRecord, Attempt, AttemptKind, History};
use salgstrener::domain::teaching::edge_cases::EdgeCase;
use salgstrener::domain::teaching::taxonomy::SaleType;

const INDUSTRIES: [(&str, &str, &str); 10] = [
    ("bil", "Bil", "Cars"),
    ("klaer", "Klær", "Clothing"),
    ("bank", "Bank", "Banking"),
    ("forsikring", "Forsikring", "Insurance"),
    ("it", "IT", "IT"),
    ("sport", "Sport", "Sports"),
    ("reise", "Reise", "Travel"),
    ("bygg", "Byggevare", "Building supplies"),
    ("telekom", "Telekom", "Telecom"),
    ("moebler", "Møbler", "Furniture"),
];
const TAGS: [&str; 6] = [
    "privat",
    "bedrift",
    "butikk",
    "telefon",
    "nett",
    "forhandler",
];
const NAMES: [&str; 8] = [
    "Nina Olsen",
    "Per Hansen",
    "Kari Berg",
    "Ola Nilsen",
    "Anne Lie",
    "Jonas Dahl",
    "Sofie Moen",
    "Emil Bakke",
];

/// The language code, industry folder and id of scenario `i`.
fn identity(i: usize) -> (&'static str, &'static str, String) {
    let lang = if i.is_multiple_of(2) { "nb" } else { "en" };
    let (folder, _, _) = INDUSTRIES[(i / 2) % INDUSTRIES.len()];
    (lang, folder, format!("{folder}-{lang}-{i:05}"))
}

/// The text of valid scenario `i`.
pub fn scenario_text(i: usize) -> String {
    let (lang, _, id) = identity(i);
    let (_, nb_industry, en_industry) = INDUSTRIES[(i / 2) % INDUSTRIES.len()];
    let answer = SaleType::ALL[i % 5];
    let other = SaleType::ALL[(i + 2) % 5];
    let third = SaleType::ALL[(i + 3) % 5];
    let difficulty = 1 + (i / 5) % 3;
    let name = NAMES[i % NAMES.len()];
    // Level 3 is for the edge cases, and a level-3 scenario names its case in a tag.
    let second = if difficulty == 3 {
        EdgeCase::ALL[i % EdgeCase::COUNT].tag()
    } else {
        TAGS[(i / 3 + 1) % TAGS.len()]
    };
    let tags = [TAGS[i % TAGS.len()], second];
    let (industry, customer, situation, cue, explanation) = if lang == "nb" {
        (
            nb_industry,
            format!(
                "{name} har vært kunde hos dere i {} år og handlet jevnlig, både i butikken og på nett. Hun kjenner selgerne godt og kommer ofte innom når hun har spørsmål om noe nytt (scenario {i}).",
                2 + i % 9
            ),
            format!(
                "I dag tar hun kontakt fordi hun har behov som henger sammen med det hun kjøpte sist. Hun forteller at hun vurderer flere løsninger, og at hun vil bestemme seg før helgen. Hun spør hva du vil anbefale i situasjon nummer {i}."
            ),
            format!("situasjon nummer {i}"),
            format!(
                "Her er svaret {}: kunden og situasjonen viser hva slags salg det er, og signalet i teksten avgjør det. Tenk på om kunden er ny eller kjent, og om tilbudet hører til det som nettopp ble kjøpt eller er et eget produkt.",
                answer.title()
            ),
        )
    } else {
        (
            en_industry,
            format!(
                "{name} has been a customer of yours for {} years and buys regularly, both in the shop and online. She knows the sales staff well and often drops by when she has questions about something new (scenario {i}).",
                2 + i % 9
            ),
            format!(
                "Today she gets in touch because she has needs related to what she bought last time. She says she is considering several options and wants to decide before the weekend. She asks what you would recommend in situation number {i}."
            ),
            format!("situation number {i}"),
            format!(
                "The answer here is {}: the customer and the situation show what kind of sale it is, and the cue in the text decides it. Consider whether the customer is new or known, and whether the offer belongs to what was just bought or is a product of its own.",
                answer.title()
            ),
        )
    };
    let title = if lang == "nb" {
        format!("{nb_industry}: oppfølging {i}")
    } else {
        format!("{en_industry}: follow-up {i}")
    };
    format!(
        r#"Scenario(
    id: "{id}",
    language: "{lang}",
    title: "{title}",
    industry: "{industry}",
    difficulty: {difficulty},
    tags: ["{t0}", "{t1}"],
    customer: "{customer}",
    situation: "{situation}",
    answer: {answer},
    cues: ["{cue}"],
    explanation: "{explanation}",
    offers: [
        Offer(text: "The offer that fits the situation best, number {i}", kind: {answer}, fit: Best, feedback: "Right: this is what the situation calls for, and the customer gets what she asked about."),
        Offer(text: "A reasonable alternative that she may also like", kind: {other}, fit: Acceptable, feedback: "Defensible, but it is not what the customer asked about today."),
        Offer(text: "Something that does not fit at all", kind: {third}, fit: Poor, feedback: "This does not fit: the customer has no need for it right now."),
    ],
    image: None,
)
"#,
        answer = answer.title(),
        other = other.title(),
        third = third.title(),
        t0 = tags[0],
        t1 = tags[1],
    )
}

/// A quiz file drawing `questions` questions with filters on type, difficulty and tags.
pub fn quiz_text(id: &str, lang: &str, questions: usize) -> String {
    format!(
        r#"Quiz(
    id: "{id}",
    title: "Generated quiz {id}",
    language: "{lang}",
    questions: {questions},
    select: (types: [Mersalg, Gjensalg, Kryssalg, Tilleggssalg], tags: ["privat", "bedrift", "nett"], difficulty: [1, 2], ids: []),
    seed: Some(42),
    time_limit_minutes: Some(30),
    pass_percent: 70,
    feedback: AfterEach,
    partial_credit: true,
    ask_confidence: true,
)
"#
    )
}

/// Relative path of scenario `i` in a generated folder: `LANG/INDUSTRY/ID.ron`.
pub fn relative_path(i: usize) -> PathBuf {
    let (lang, folder, id) = identity(i);
    Path::new(lang).join(folder).join(format!("{id}.ron"))
}

/// Writes `n` scenarios and two quiz files under `dir` (which must not hold other files).
pub fn write_bank(dir: &Path, n: usize) -> io::Result<()> {
    for i in 0..n {
        let path = dir.join(relative_path(i));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, scenario_text(i))?;
    }
    let quizzes = dir.join("quizzes");
    fs::create_dir_all(&quizzes)?;
    fs::write(quizzes.join("gen-nb.ron"), quiz_text("gen-nb", "nb", 20))?;
    fs::write(quizzes.join("gen-en.ron"), quiz_text("gen-en", "en", 20))?;
    Ok(())
}

/// A generated bank folder under the system's temporary folder, written once and reused by
/// later runs while the generator writes the same files (the marker holds a sample of them).
pub fn bank_folder(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("salgstrener-bench-bank-{n}"));
    let marker = dir.join(".complete");
    let sample = format!("{}{}", scenario_text(n - 1), quiz_text("gen-nb", "nb", 20));
    if fs::read_to_string(&marker).ok().as_ref() != Some(&sample) {
        let _ = fs::remove_dir_all(&dir);
        write_bank(&dir, n).expect("the generated bank can be written");
        fs::write(&marker, sample).expect("the marker can be written");
    }
    dir
}

/// A bank of `n` generated scenarios built in memory, with every `broken_every`-th file
/// broken (0: none), so the problems screen has something to list.
pub fn bank_in_memory(n: usize, broken_every: usize) -> Bank {
    let files = (0..n)
        .map(|i| {
            let mut text = scenario_text(i);
            if broken_every > 0 && i.is_multiple_of(broken_every) {
                text = text.replace("difficulty: ", "difficulty: 9");
            }
            SourceFile {
                path: PathBuf::from("scenarios").join(relative_path(i)),
                text: Ok(text),
            }
        })
        .collect();
    let mut bank = Bank::from_files(
        BankSource::Folder(PathBuf::from("scenarios")),
        files,
        &|_: &Path| false,
    );
    bank.add_quizzes(
        ["nb", "en"]
            .map(|lang| SourceFile {
                path: PathBuf::from(format!("scenarios/quizzes/gen-{lang}.ron")),
                text: Ok(quiz_text(&format!("gen-{lang}"), lang, 20)),
            })
            .into(),
    );
    bank
}

/// A history of `attempts` quiz attempts of 20 answers over the bank's scenarios, a day
/// apart, with some mistakes and confidence so every chart has data, plus one practice
/// session.
pub fn history(bank: &Bank, attempts: usize) -> History {
    let scenarios = bank.scenarios();
    let start: Timestamp = "2026-01-01T09:00:00Z".parse().expect("a valid time");
    let mut out = Vec::new();
    for a in 0..attempts {
        let finished = start + SignedDuration::from_hours(24 * a as i64);
        let answers = (0..20)
            .map(|q| {
                let s = &scenarios[(a * 20 + q) * 7 % scenarios.len()];
                let wrong = (a + q) % 4 == 0;
                let chosen = if wrong {
                    SaleType::ALL[(s.answer.index() + 1) % 5]
                } else {
                    s.answer
                };
                AnswerRecord {
                    scenario_id: s.id.clone(),
                    right_type: s.answer,
                    chosen_type: Some(chosen),
                    chosen_offer: Some(s.offers[0].text.clone()),
                    offer_fit: Some(Fit::Best),
                    confidence: None,
                    type_points: if wrong { 1 } else { 2 },
                    offer_points: 2,
                    answered_at: Some(finished),
                }
            })
            .collect();
        out.push(Attempt {
            registration: format!("attempt-{a}"),
            kind: if a % 10 == 9 {
                AttemptKind::Practice
            } else {
                AttemptKind::Quiz
            },
            quiz_id: format!("gen-{}", a % 3),
            quiz_title: format!("Generated quiz {}", a % 3),
            started: finished - SignedDuration::from_mins(15),
            finished,
            pass_percent: Some(70),
            partial_credit: true,
            answers,
            conversation: None,
        });
    }
    History {
        version: 1,
        attempts: out,
    }
}

/// The text of a valid conversation `i` with `steps` steps: each step's first reply (Good)
/// leads to the next step and the last one to Decide; a second reply (Acceptable) skips a step
/// and a third (Poor) ends with Leave, so the graph has branches, joins and both endings.
pub fn conversation_text(i: usize, steps: usize) -> String {
    let lang = if i.is_multiple_of(2) { "nb" } else { "en" };
    let (folder, nb_industry, _) = INDUSTRIES[(i / 2) % INDUSTRIES.len()];
    let answer = SaleType::ALL[i % 5];
    let mut text = format!(
        "Conversation(\n    id: \"{folder}-samtale-{i:05}\",\n    language: \"{lang}\",\n    title: \"Samtale {i}\",\n    industry: \"{nb_industry}\",\n    difficulty: {},\n    customer: \"{} kommer inn i butikken.\",\n    start: \"s0\",\n    steps: [\n",
        1 + i % 3,
        NAMES[i % NAMES.len()],
    );
    for s in 0..steps {
        let next = |k: usize| {
            if s + k < steps {
                format!("Step(\"s{}\")", s + k)
            } else {
                "Decide".to_owned()
            }
        };
        text.push_str(&format!(
            "        Step(\n            id: \"s{s}\",\n            customer: \"Kunden forteller litt mer om behovet sitt, steg {s}.\",\n            replies: [\n                Reply(text: \"Hva skal du bruke det til?\", quality: Good, feedback: \"Et åpent spørsmål.\", reveals: [\"Fakta nummer {s}.\"], next: {}),\n                Reply(text: \"Fint.\", quality: Acceptable, feedback: \"Lite nytt.\", next: {}),\n                Reply(text: \"Kjøp dette nå!\", quality: Poor, feedback: \"Press.\", next: Leave(\"Ha det.\")),\n            ],\n        ),\n",
            next(1),
            next(2),
        ));
    }
    text.push_str(&format!(
        "    ],\n    answer: {answer:?},\n    cues: [\"Fakta nummer 0.\"],\n    explanation: \"Forklaringen.\",\n    offers: [\n        Offer(text: \"Det beste tilbudet\", kind: {answer:?}, fit: Best, feedback: \"Passer.\"),\n        Offer(text: \"Et annet tilbud\", kind: {answer:?}, fit: Poor, feedback: \"Passer ikke.\"),\n    ],\n)\n"
    ));
    text
}

/// [`bank_in_memory`] with `conversations` generated conversations of 6 steps beside the
/// scenarios.
pub fn bank_with_conversations(n: usize, conversations: usize) -> Bank {
    let files = (0..n)
        .map(|i| SourceFile {
            path: PathBuf::from("scenarios").join(relative_path(i)),
            text: Ok(scenario_text(i)),
        })
        .chain((0..conversations).map(|i| SourceFile {
            path: PathBuf::from(format!("scenarios/samtaler/samtale-{i:05}.ron")),
            text: Ok(conversation_text(i, 6)),
        }))
        .collect();
    Bank::from_files(
        BankSource::Folder(PathBuf::from("scenarios")),
        files,
        &|_: &Path| false,
    )
}

/// How a generator example ends: `done` on standard output once `written` succeeded, else why
/// `dir` could not be written on standard error.
pub fn report_written(written: io::Result<()>, dir: &Path, done: &str) -> ExitCode {
    match written {
        Ok(()) => {
            println!("{done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
