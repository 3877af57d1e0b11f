//! Property tests where the input space is open-ended: whatever a person types into a file,
//! and whatever a disk or a transfer does to it.
//!
//! Each property runs proptest's default 256 cases; run longer by hand with
//! `PROPTEST_CASES=100000 cargo test --release --test properties`.

use std::path::Path;

use proptest::prelude::*;

use salgstrener::domain::bank::scenario::{Fit, Offer, Scenario};
use salgstrener::domain::bank::source_map::{Locus, SourceMap};
use salgstrener::domain::bank::validate::{MAX_FILE_BYTES, check_text};
use salgstrener::domain::bank::{Bank, BankSource, read_scenario_file};
use salgstrener::domain::language::Language;
use salgstrener::domain::teaching::decision_path::{Relation, StatedPath};
use salgstrener::domain::teaching::taxonomy::SaleType;
use salgstrener::domain::training::scoring::cue_ranges;

const GOOD: &str = include_str!("fixtures/good/klaer-belte.ron");

fn no_assets(_: &Path) -> bool {
    false
}

/// Valid files cut, spliced and garbled the way editing mistakes do.
fn mutated_good_file() -> impl Strategy<Value = String> {
    let len = GOOD.chars().count();
    prop_oneof![
        (0..len).prop_map(|n| GOOD.chars().take(n).collect()),
        (0..len, 0..len).prop_map(|(a, b)| {
            let chars: Vec<char> = GOOD.chars().collect();
            let (a, b) = (a.min(b), a.max(b));
            chars[..a].iter().chain(&chars[b..]).collect()
        }),
        (0..len, "[\"(){}\\[\\],:\\\\/*rR#a-zæøå0-9 \n]{1,8}").prop_map(|(at, junk)| {
            let mut s: String = GOOD.chars().take(at).collect();
            s.push_str(&junk);
            s.extend(GOOD.chars().skip(at));
            s
        }),
        (1usize..5000).prop_map(|depth| format!("Scenario(tags: {}", "[".repeat(depth))),
        (1usize..300_000).prop_map(|n| GOOD.replace("Ny dressbukse", &"x".repeat(n))),
    ]
}

/// The fixture as bytes, damaged the way files get damaged on disk and in transfer: cut
/// anywhere (also inside a multi-byte character), bytes overwritten with anything (invalid
/// UTF-8 included), two fields swapped or written twice, a text blown up past the limits, a
/// byte-order mark or a Latin-1 letter in front.
fn damaged_good_file() -> impl Strategy<Value = Vec<u8>> {
    let bytes = GOOD.as_bytes().to_vec();
    let len = bytes.len();
    let lines: Vec<String> = GOOD.lines().map(str::to_owned).collect();
    let fields = 2..lines.len() - 1;
    prop_oneof![
        (0..=len).prop_map({
            let bytes = bytes.clone();
            move |n| bytes[..n].to_vec()
        }),
        proptest::collection::vec((0..len, any::<u8>()), 1..8).prop_map({
            let bytes = bytes.clone();
            move |edits| {
                let mut b = bytes.clone();
                for (at, byte) in edits {
                    b[at] = byte;
                }
                b
            }
        }),
        (fields.clone(), fields.clone()).prop_map({
            let lines = lines.clone();
            move |(a, b)| {
                let mut l = lines.clone();
                l.swap(a, b);
                l.join("\n").into_bytes()
            }
        }),
        (fields.clone(), fields).prop_map({
            let lines = lines.clone();
            move |(from, to)| {
                let mut l = lines.clone();
                let copy = l[from].clone();
                l.insert(to, copy);
                l.join("\n").into_bytes()
            }
        }),
        (
            prop::sample::select(vec!["Ny dressbukse", "butikk", "Klær", "Et annet produkt."]),
            3_990usize..300_000,
            prop::sample::select(vec!["x", "æ", "\\\"", "🙂"])
        )
            .prop_map(|(field, n, unit)| GOOD
                .replace(field, &unit.repeat(n / unit.len().max(1)))
                .into_bytes()),
        prop::sample::select(vec![&b"\xEF\xBB\xBF"[..], b"\xE6", b"\xFF\xFE", b"\0"]).prop_map({
            let bytes = bytes.clone();
            move |prefix| [prefix, &bytes[..]].concat()
        }),
    ]
}

/// Writes `bytes` as the only scenario of a fresh folder and loads it with the real loader.
fn load_one(bytes: &[u8]) -> (tempfile::TempDir, Bank) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("x.ron"), bytes).expect("writable");
    let bank = Bank::load(BankSource::Folder(dir.path().to_path_buf())).expect("the folder loads");
    (dir, bank)
}

/// What must hold whatever the file held: one file looked at, and either its scenario or at
/// least one error about that file (with a position when the file was text that RON read).
fn assert_scenario_or_error(dir: &Path, bank: &Bank) -> Result<(), TestCaseError> {
    let file = dir.join("x.ron");
    prop_assert_eq!(bank.files_checked(), 1);
    for p in bank.problems() {
        prop_assert_eq!(&p.path, &file);
        prop_assert!(!p.message.to_string().is_empty());
    }
    match bank.scenarios().len() {
        1 => prop_assert_eq!(bank.files_with_errors(), 0),
        0 => prop_assert_eq!(bank.files_with_errors(), 1),
        n => prop_assert!(false, "{} scenarios from one file", n),
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_bytes_through_the_file_loader_give_a_scenario_or_an_error(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let (dir, bank) = load_one(&bytes);
        let read = read_scenario_file(&dir.path().join("x.ron"));
        prop_assert_eq!(read.is_ok(), std::str::from_utf8(&bytes).is_ok());
        assert_scenario_or_error(dir.path(), &bank)?;
    }

    #[test]
    fn damaged_files_through_the_loader_give_a_scenario_or_an_error(bytes in damaged_good_file()) {
        let (dir, bank) = load_one(&bytes);
        assert_scenario_or_error(dir.path(), &bank)?;
        if let Ok(text) = std::str::from_utf8(&bytes)
            && bytes.len() as u64 <= MAX_FILE_BYTES
        {
            for p in bank.problems() {
                let pos = p.position.expect("problems in a readable file have a position");
                prop_assert!(pos.line >= 1 && pos.line <= text.lines().count() + 1, "{}", p);
            }
        }
    }

    #[test]
    fn any_text_gives_a_scenario_or_a_problem_never_a_panic(text in any::<String>()) {
        let path = Path::new("x.ron");
        if let Err(problem) = check_text(path, &text, &no_assets) {
            prop_assert!(problem.is_error());
            prop_assert!(problem.position.is_some());
        }
        let _ = SourceMap::new(&text);
    }

    #[test]
    fn mutated_files_give_a_scenario_or_a_positioned_problem(text in mutated_good_file()) {
        match check_text(Path::new("x.ron"), &text, &no_assets) {
            Ok(checked) => {
                for p in &checked.problems {
                    prop_assert!(!p.message.to_string().is_empty());
                }
            }
            Err(problem) => {
                let pos = problem.position.expect("RON errors carry a position");
                prop_assert!(pos.line >= 1 && pos.line <= text.lines().count() + 1);
                prop_assert!(!problem.message.to_string().is_empty());
            }
        }
    }

    #[test]
    fn cue_ranges_are_sorted_disjoint_and_on_char_boundaries(
        text in "[a-zæøå .,]{0,80}",
        cues in proptest::collection::vec("[a-zæøå ]{0,6}", 0..5),
    ) {
        let ranges = cue_ranges(&text, &cues);
        for r in &ranges {
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        for pair in ranges.windows(2) {
            prop_assert!(pair[0].end < pair[1].start);
        }
        for cue in cues.iter().filter(|c| !c.is_empty()) {
            for (at, _) in text.match_indices(cue.as_str()) {
                prop_assert!(ranges.iter().any(|r| r.start <= at && at + cue.len() <= r.end));
            }
        }
    }

    #[test]
    fn pretty_ron_round_trips_and_positions_point_at_their_fields(s in scenario()) {
        // Load-save-load: the editor's writer and the loader's parser agree on every scenario.
        let text = salgstrener::domain::authoring::editor::to_ron(&s).expect("serializes");
        let back = salgstrener::domain::bank::validate::parse_scenario(Path::new("x.ron"), &text)
            .expect("parses back");
        prop_assert_eq!(&back, &s);
        let map = SourceMap::new(&text);
        for field in ["id", "title", "customer", "situation", "offers"] {
            let pos = map.position(&Locus::Field(field)).expect("field found");
            let line = text.lines().nth(pos.line - 1).unwrap();
            let rest: String = line.chars().skip(pos.column - 1).collect();
            prop_assert!(rest.starts_with(field), "{field} at {pos:?}: {line}");
        }
        for i in 0..s.offers.len() {
            let pos = map.position(&Locus::OfferField(i, "feedback")).expect("offer field found");
            let line = text.lines().nth(pos.line - 1).unwrap();
            prop_assert!(line.chars().skip(pos.column - 1).collect::<String>().starts_with("feedback"));
        }
    }
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-ZæøåÆØÅ0-9 \"\\\\:,()\\[\\]#/*\n\t«»]{1,40}"
}

fn sale_type() -> impl Strategy<Value = SaleType> {
    prop::sample::select(SaleType::ALL.to_vec())
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let offer = (
        text(),
        sale_type(),
        prop::sample::select(Fit::ALL.to_vec()),
        text(),
    )
        .prop_map(|(text, kind, fit, feedback)| Offer {
            text,
            kind,
            fit,
            feedback,
        });
    (
        "[a-z0-9-]{1,20}",
        prop::sample::select(Language::ALL.to_vec()),
        (text(), text(), 1u8..=3),
        proptest::collection::vec(text(), 0..3),
        (text(), text(), sale_type(), text()),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(offer, 2..=6),
        proptest::option::of("[a-z/]{1,12}\\.png"),
        proptest::option::of(stated_path()),
    )
        .prop_map(
            |(
                id,
                language,
                (title, industry, difficulty),
                tags,
                (customer, situation, answer, explanation),
                cues,
                offers,
                image,
                path,
            )| Scenario {
                id,
                language,
                title,
                industry,
                difficulty,
                tags,
                customer,
                situation,
                answer,
                cues,
                explanation,
                offers,
                image,
                path,
            },
        )
}

fn stated_path() -> impl Strategy<Value = StatedPath> {
    (
        any::<bool>(),
        proptest::option::of(prop::sample::select(Relation::ALL.to_vec())),
    )
        .prop_map(|(known_customer, relation)| StatedPath {
            known_customer,
            relation,
        })
}
