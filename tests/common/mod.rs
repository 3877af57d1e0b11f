//! Helpers shared by the integration tests. Each test file is its own crate and uses only some
//! of them, so the unused ones must not warn there.
#![allow(dead_code)]

pub mod ui;

use std::path::PathBuf;

/// A file or folder under `tests/fixtures`.
pub fn fixtures(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// An empty scenario folder: `scenarios/` in a temporary folder, so that `assets/` can sit
/// beside it. Keep the first value alive as long as the folder is used.
pub fn scenario_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("scenarios");
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    (tmp, dir)
}

/// A [`scenario_folder`] holding the two good fixtures.
pub fn good_folder() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = scenario_folder();
    for name in ["klaer-belte.ron", "bil-takboks.ron"] {
        std::fs::copy(fixtures("good").join(name), dir.join(name)).expect("the fixture copies");
    }
    (tmp, dir)
}

/// The binary as a process, in English whatever the machine's locale: messages follow the
/// system language, and the tests assert the English wording unless they pass `--lang nb`.
pub fn binary() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_salgstrener"));
    command.env_remove("LANGUAGE").env("LC_ALL", "C");
    command
}

/// The problems of `bank` as `check` prints them, with paths relative to `dir`.
pub fn relative_problem_lines(
    bank: &salgstrener::domain::bank::Bank,
    dir: &std::path::Path,
) -> Vec<String> {
    bank.problems()
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.path = p
                .path
                .strip_prefix(dir)
                .map(PathBuf::from)
                .unwrap_or(p.path);
            p.to_string()
        })
        .collect()
}

/// Fails, showing `text`, unless it contains `part`.
#[track_caller]
pub fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} is not in: {text}");
}

/// Fails, showing `text`, unless it starts with `start`.
#[track_caller]
pub fn assert_starts_with(text: &str, start: &str) {
    assert!(
        text.starts_with(start),
        "does not start with {start:?}: {text}"
    );
}

/// Fails, showing `text`, unless it ends with `end`.
#[track_caller]
pub fn assert_ends_with(text: &str, end: &str) {
    assert!(text.ends_with(end), "does not end with {end:?}: {text}");
}

/// Fails, listing `lines`, unless one of them contains `part`.
#[track_caller]
pub fn assert_a_line_contains<S: AsRef<str> + std::fmt::Debug>(lines: &[S], part: &str) {
    assert!(
        lines.iter().any(|l| l.as_ref().contains(part)),
        "no line contains {part:?}: {lines:#?}"
    );
}

/// Fails, listing `lines`, unless one of them starts with `start`.
#[track_caller]
pub fn assert_a_line_starts_with<S: AsRef<str> + std::fmt::Debug>(lines: &[S], start: &str) {
    assert!(
        lines.iter().any(|l| l.as_ref().starts_with(start)),
        "no line starts with {start:?}: {lines:#?}"
    );
}

/// A comma-separated sheet rewritten with `separator` between the cells, as a Norwegian
/// spreadsheet writes it.
pub fn with_separator(sheet: &str, separator: u8) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(sheet.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// One answer as the history records it, scored as the app scores it.
pub fn answer(
    id: &str,
    right: salgstrener::domain::teaching::taxonomy::SaleType,
    chosen: salgstrener::domain::teaching::taxonomy::SaleType,
    fit: salgstrener::domain::bank::scenario::Fit,
) -> salgstrener::domain::progress::history::AnswerRecord {
    use salgstrener::domain::training::scoring::{offer_points, type_points};
    salgstrener::domain::progress::history::AnswerRecord {
        scenario_id: id.into(),
        right_type: right,
        chosen_type: Some(chosen),
        chosen_offer: Some("offer".into()),
        offer_fit: Some(fit),
        confidence: None,
        type_points: type_points(right, chosen),
        offer_points: offer_points(fit),
        answered_at: None,
    }
}
