//! The validator against a corpus of broken files: every problem with its file, position,
//! severity and the words an instructor needs.

mod common;

use common::{assert_contains, assert_ends_with, fixtures};

use std::fs;
use std::path::Path;

use salgstrener::domain::bank::problem::{Position, Severity};
use salgstrener::domain::bank::{Bank, BankSource};

/// (file, line, column, severity, words the message must contain)
const EXPECTED: &[(&str, usize, usize, Severity, &str)] = &[
    (
        "bad_id.ron",
        3,
        5,
        Severity::Error,
        "may only use lower-case letters a-z, digits and `-`",
    ),
    (
        "bad_language.ron",
        4,
        16,
        Severity::Error,
        "unknown language \"sv\": write \"nb\"",
    ),
    (
        "cue_missing.ron",
        12,
        38,
        Severity::Error,
        "cue \"passer ikke til jakken\" does not occur in `customer` or `situation`",
    ),
    (
        "difficulty_out_of_range.ron",
        7,
        5,
        Severity::Error,
        "difficulty 5 is out of range",
    ),
    (
        "dup-b.ron",
        3,
        5,
        Severity::Error,
        "id \"dup\" is already used by",
    ),
    (
        "empty_text.ron",
        10,
        5,
        Severity::Error,
        "`situation` is empty",
    ),
    ("empty_text.ron", 12, 12, Severity::Error, "does not occur"),
    ("image_absolute.ron", 19, 5, Severity::Error, "is absolute"),
    (
        "image_escape.ron",
        19,
        5,
        Severity::Error,
        "leaves the assets/ folder",
    ),
    (
        "image_missing.ron",
        19,
        5,
        Severity::Error,
        "does not exist in the assets/ folder",
    ),
    (
        "missing_field.ron",
        19,
        1,
        Severity::Error,
        "missing field `explanation`",
    ),
    (
        "no_best.ron",
        14,
        5,
        Severity::Error,
        "no offer is marked `fit: Best`",
    ),
    (
        "syntax_missing_comma.ron",
        7,
        5,
        Severity::Error,
        "expected a comma `,`",
    ),
    (
        "too_few_offers.ron",
        14,
        5,
        Severity::Error,
        "has 1 offer(s): write between 2 and 6",
    ),
    (
        "too_many_offers.ron",
        14,
        5,
        Severity::Error,
        "has 7 offer(s): write between 2 and 6",
    ),
    (
        "two_best.ron",
        16,
        54,
        Severity::Error,
        "2 offers are marked `fit: Best` (offers 1, 2)",
    ),
    (
        "unclosed_string.ron",
        6,
        16,
        Severity::Error,
        "expected a comma",
    ),
    (
        "unknown_field.ron",
        5,
        5,
        Severity::Error,
        "unknown field `titel` in `Scenario`: check the spelling; the fields allowed are `id`, `language`, `title`",
    ),
    (
        "unknown_sale_type.ron",
        11,
        13,
        Severity::Error,
        "unknown sale type `Oppsalg`: use one of `Nysalg`, `Mersalg`, `Gjensalg`, `Kryssalg`, `Tilleggssalg`",
    ),
    (
        "warning_best_kind.ron",
        15,
        49,
        Severity::Warning,
        "the Best offer is a kryssalg but the answer is tilleggssalg",
    ),
    (
        "wrong_struct_name.ron",
        2,
        1,
        Severity::Error,
        "expected `Scenario(` here but found `Scenarion(`",
    ),
];

#[test]
fn every_broken_fixture_reports_its_problem_at_its_position() {
    let dir = fixtures("broken");
    let bank = Bank::load(BankSource::Folder(dir.clone())).expect("folder loads");
    let found: Vec<_> = bank
        .problems()
        .iter()
        .map(|p| {
            let file = p
                .path
                .strip_prefix(&dir)
                .unwrap_or(&p.path)
                .display()
                .to_string();
            (file, p.position, p.severity, p.message.to_string())
        })
        .collect();
    assert_eq!(found.len(), EXPECTED.len(), "problems found: {found:#?}");
    for ((file, position, severity, message), (e_file, line, column, e_severity, words)) in
        found.iter().zip(EXPECTED)
    {
        assert_eq!(file, e_file);
        assert_eq!(
            *position,
            Some(Position::new(*line, *column)),
            "{file}: {message}"
        );
        assert_eq!(severity, e_severity, "{file}: {message}");
        assert!(
            message.contains(words),
            "{file}: {message:?} lacks {words:?}"
        );
    }
    // The duplicate names both files.
    let dup = bank
        .problems()
        .iter()
        .find(|p| p.path.ends_with("dup-b.ron"))
        .unwrap();
    assert_contains(&dup.message.to_string(), "dup-a.ron");
}

#[test]
fn broken_files_do_not_stop_the_good_ones() {
    let bank = Bank::load(BankSource::Folder(fixtures("broken"))).expect("folder loads");
    let mut ids: Vec<&str> = bank.scenarios().iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    // A warning does not keep a file out; of two files with the same id the first stays.
    assert_eq!(ids, ["dup", "warning-best-kind"]);
    assert_eq!(bank.files_checked(), 21);
    assert_eq!(bank.files_with_errors(), 19);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn oversized_and_non_utf8_files_are_reported_and_quiz_files_are_read_as_quizzes() {
    let tmp = tempfile::tempdir().unwrap();
    let good = fs::read(fixtures("good/klaer-belte.ron")).unwrap();
    write(tmp.path(), "ok/klaer-belte.ron", &good);
    let mut big = good.clone();
    big.extend(std::iter::repeat_n(b' ', 300 * 1024));
    write(tmp.path(), "big.ron", &big);
    write(
        tmp.path(),
        "latin1.ron",
        b"Scenario(\n  id: \"x\",\n  title: \"Kl\xe6r\",\n)",
    );
    write(tmp.path(), "quizzes/modul-1.ron", b"Quiz(id: \"modul-1\")");
    write(tmp.path(), ".trash/old.ron", b"not even RON");
    write(tmp.path(), "notes.txt", b"ignored");

    let bank = Bank::load(BankSource::Folder(tmp.path().to_path_buf())).unwrap();
    let lines: Vec<String> = bank.problems().iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_ends_with(
        &lines[0],
        "big.ron: error: the file is 300 KiB, over the limit of 256 KiB: a scenario is a few KiB; split it or remove pasted material",
    );
    assert_contains(
        &lines[1],
        "latin1.ron:3:13: error: the file is not valid UTF-8",
    );
    assert_eq!(bank.scenarios().len(), 1);
    // The file in quizzes/ is read as a quiz, not as a scenario.
    assert_contains(
        &lines[2],
        "quizzes/modul-1.ron:1:19: error: missing field `title` in `Quiz`",
    );
    assert_ends_with(&lines[2], "(see docs/quiz-format.md)");
    assert_eq!(
        bank.summary(),
        "3 scenarios, 0 conversations, 1 quizzes, 3 errors, 0 warnings"
    );
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_bank() {
    let err = Bank::load(BankSource::Folder(fixtures("does-not-exist"))).unwrap_err();
    assert!(
        err.to_string().contains("cannot open the scenario folder"),
        "{err}"
    );
}

#[test]
fn the_bundled_bank_loads_without_problems() {
    let bank = Bank::load(BankSource::Embedded).unwrap();
    assert_eq!(bank.problems(), &[], "{:#?}", bank.problems());
    assert!(bank.scenarios().len() >= 120);
}

/// The optional `path` field: parsed after `image`, used by guided practice, and checked against
/// `answer` with warnings that point at the field.
#[test]
fn a_stated_path_is_parsed_and_checked_against_the_answer() {
    use salgstrener::domain::bank::validate::check_text;
    use salgstrener::domain::teaching::decision_path::{DecisionPath, Relation};

    let good = fs::read_to_string(fixtures("good/klaer-belte.ron")).unwrap();
    let with_path = |path: &str| {
        good.replace(
            "    image: None,\n",
            &format!("    image: None,\n    path: {path},\n"),
        )
    };
    let no_assets = |_: &Path| false;
    let check = |text: &str| {
        let checked = check_text(Path::new("x.ron"), text, &no_assets).expect("parses");
        let problems: Vec<String> = checked.problems.iter().map(ToString::to_string).collect();
        (checked.item, problems)
    };

    let (s, problems) = check(&with_path(
        "Some((known_customer: true, relation: Extension))",
    ));
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(s.decision_path(), DecisionPath::Known(Relation::Extension));

    let (_, problems) = check(&with_path(
        "Some((known_customer: true, relation: Different))",
    ));
    assert_eq!(
        problems,
        [
            "x.ron:20:5: warning: `path` leads to kryssalg but the answer is tilleggssalg: guided practice would contradict the answer; make them agree"
        ]
    );
    let (s, problems) = check(&with_path("Some((known_customer: true))"));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("gives no `relation`"), "{problems:?}");
    assert_eq!(s.decision_path(), DecisionPath::Known(Relation::Extension));
    let (_, problems) = check(&with_path("Some((known_customer: false, relation: More))"));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[1].contains("for a new customer"), "{problems:?}");

    let err = check_text(
        Path::new("x.ron"),
        &with_path("Some((known_customer: true, relation: Belt))"),
        &no_assets,
    )
    .unwrap_err();
    assert_contains(
        &err.message.to_string(),
        "use one of `More`, `Replacement`, `Extension`, `Different`",
    );
}

/// The problems `check_text` finds in the good fixture `klaer-belte.ron` (as `x.ron`, with no
/// assets) after each `(from, to)` replacement in turn.
fn problems_in_good_scenario(replacements: &[(&str, &str)]) -> Vec<String> {
    use salgstrener::domain::bank::validate::check_text;
    let mut text = fs::read_to_string(fixtures("good/klaer-belte.ron")).unwrap();
    for (from, to) in replacements {
        text = text.replace(from, to);
    }
    let no_assets = |_: &Path| false;
    let checked = check_text(Path::new("x.ron"), &text, &no_assets).expect("parses");
    checked.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_misspelt_edge_case_tag_is_a_warning_at_the_tag_and_a_right_one_is_not() {
    use salgstrener::domain::teaching::edge_cases::EdgeCase;

    let check = |tags: &str| {
        problems_in_good_scenario(&[(r#"tags: ["butikk"],"#, &format!("tags: {tags},"))])
    };
    for case in EdgeCase::ALL {
        assert_eq!(
            check(&format!(r#"["butikk", "{}"]"#, case.tag())),
            Vec::<String>::new()
        );
    }
    let problems = check(r#"["butikk", "grense-tjeneste"]"#);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "x.ron:8:22: warning: tag \"grense-tjeneste\" starts like an edge-case tag but is not one"
        ),
        "{problems:?}"
    );
    assert!(problems[0].contains("`grense-tjenester`"), "{problems:?}");
}

#[test]
fn a_level_three_scenario_without_an_edge_case_tag_is_a_warning_at_its_difficulty() {
    use salgstrener::domain::teaching::edge_cases::EdgeCase;

    let check = |difficulty: u8, tags: &str| {
        problems_in_good_scenario(&[
            ("difficulty: 1,", &format!("difficulty: {difficulty},")),
            (r#"tags: ["butikk"],"#, &format!("tags: {tags},")),
        ])
    };
    let problems = check(3, r#"["butikk"]"#);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "x.ron:7:5: warning: level 3 is for scenarios that exercise an edge case, but no tag names one"
        ),
        "{problems:?}"
    );
    let tag = EdgeCase::ReplacementPlusGrowth.tag();
    assert_eq!(
        check(3, &format!(r#"["butikk", "{tag}"]"#)),
        Vec::<String>::new()
    );
    // Lower levels may exercise a case or not.
    assert_eq!(check(2, r#"["butikk"]"#), Vec::<String>::new());
    assert_eq!(check(1, &format!(r#"["{tag}"]"#)), Vec::<String>::new());
}
