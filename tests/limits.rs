//! Every limit the loader enforces, each with the message an instructor sees: file size,
//! number of files (a unit test in `bank.rs`, with a small limit), text length, nesting depth
//! and symbolic links.

mod common;

use common::{assert_contains, assert_ends_with, assert_starts_with, relative_problem_lines};

use std::fs;

use salgstrener::domain::bank::validate::{MAX_FILE_BYTES, MAX_TEXT_CHARS, RECURSION_LIMIT};
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::progress::history::{HISTORY_FILE, HistoryStore};

const GOOD: &str = include_str!("fixtures/good/klaer-belte.ron");
const QUIZ: &str = r#"Quiz(id: "modul-1", title: "Modul 1", language: "nb", questions: 1)"#;

/// Loads a folder holding `files` (relative path, contents) and returns the problems as
/// `check` prints them, with paths relative to the folder.
fn problems(files: &[(&str, &[u8])]) -> (Bank, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let bank = Bank::load(BankSource::Folder(dir.path().to_path_buf())).unwrap();
    let lines = relative_problem_lines(&bank, dir.path());
    (bank, lines)
}

#[test]
fn the_limits_are_what_the_docs_say() {
    assert_eq!(MAX_FILE_BYTES, 256 * 1024);
    assert_eq!(MAX_TEXT_CHARS, 4_000);
    assert_eq!(RECURSION_LIMIT, 32);
    assert_eq!(salgstrener::domain::bank::MAX_FILES, 50_000);
}

#[test]
fn a_text_over_the_limit_is_an_error_naming_the_field_at_its_position() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let text = GOOD
        .replace("Ny dressbukse", &long)
        .replace("Han trenger ikke flere bukser.", &long)
        .replace("\"butikk\"", &format!("\"butikk\", \"{long}\""));
    let (bank, lines) = problems(&[("a.ron", text.as_bytes())]);
    let tail = "characters long, over the limit of 4000: a trainee should be able to read a scenario in a minute or two; shorten it or split it into two scenarios";
    assert_eq!(
        lines,
        [
            format!("a.ron:5:5: error: `title` is 4001 {tail}"),
            format!("a.ron:8:22: error: tag 2 is 4001 {tail}"),
            format!("a.ron:17:64: error: offer 3: `feedback` is 4001 {tail}"),
        ]
    );
    assert!(bank.scenarios().is_empty(), "an error keeps the file out");
}

#[test]
fn the_limit_counts_characters_not_bytes() {
    // 4,000 characters of two bytes each: at the limit, not over it.
    let at_limit = "æ".repeat(MAX_TEXT_CHARS);
    let text = GOOD.replace("Et annet produkt.", &at_limit);
    let (bank, lines) = problems(&[("a.ron", text.as_bytes())]);
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(bank.scenarios().len(), 1);
}

#[test]
fn a_long_id_or_cue_is_reported_once_without_repeating_the_text() {
    let long = "y".repeat(MAX_TEXT_CHARS + 10);
    let text = GOOD
        .replace("\"klaer-belte\"", &format!("\"{}\"", long.to_uppercase()))
        .replace("\"ikke passer til buksen\"", &format!("\"{long}\""));
    let (_, lines) = problems(&[("a.ron", text.as_bytes())]);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].starts_with("a.ron:3:5: error: `id` is 4010 characters long"));
    assert!(lines[1].starts_with("a.ron:12:12: error: cue 1 is 4010 characters long"));
    assert!(lines.iter().all(|l| l.len() < 400), "{lines:#?}");
}

#[test]
fn a_quiz_title_over_the_limit_is_an_error() {
    let quiz = QUIZ.replace(
        "Modul 1\"",
        &format!("{}\"", "q".repeat(MAX_TEXT_CHARS + 1)),
    );
    let (_, lines) = problems(&[
        ("a.ron", GOOD.as_bytes()),
        ("quizzes/modul-1.ron", quiz.as_bytes()),
    ]);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_ends_with(
        &lines[0],
        "quizzes/modul-1.ron:1:21: error: `title` is 4001 characters long, over the limit of 4000: shorten it to what trainees need to read",
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // Every field of a scenario has a fixed shape and unknown fields are refused, so the
    // parser stops at the first bracket that does not fit; the recursion limit is a second
    // guard behind that.
    for depth in [RECURSION_LIMIT + 1, 20_000] {
        for text in [
            format!("Scenario(tags: {}", "[".repeat(depth)),
            format!("Scenario(offers: {}", "[Offer(text: ".repeat(depth)),
            "(".repeat(depth),
        ] {
            let (_, lines) = problems(&[("deep.ron", text.as_bytes())]);
            assert_eq!(lines.len(), 1, "{lines:#?}");
            assert_starts_with(&lines[0], "deep.ron:1:");
            assert_contains(&lines[0], ": error: ");
        }
    }
}

#[test]
fn a_deeply_nested_history_is_kept_aside_not_a_crash() {
    // The history allows fields it does not know (for older and newer versions), and those
    // are skipped whatever their shape: here the recursion limit is what stops the nesting.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HISTORY_FILE);
    fs::write(&path, format!("History(future: {}", "[".repeat(100_000))).unwrap();
    let now = "2026-11-27T12:00:00Z".parse().unwrap();
    let (store, notice) = HistoryStore::open(&path, now).unwrap();
    assert!(store.history().attempts.is_empty());
    let reason = notice.expect("the file is kept aside").reason().to_string();
    assert!(reason.contains("recursion limit"), "{reason}");
}

#[test]
fn a_file_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused() {
    let mut exact = GOOD.as_bytes().to_vec();
    exact.resize(MAX_FILE_BYTES as usize, b' ');
    let mut over = exact.clone();
    over.push(b' ');
    let (bank, lines) = problems(&[("exact.ron", &exact), ("over.ron", &over)]);
    assert_eq!(
        lines,
        [
            "over.ron: error: the file is 256 KiB, over the limit of 256 KiB: a scenario is a few KiB; split it or remove pasted material"
        ]
    );
    assert_eq!(bank.scenarios().len(), 1);
}

#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_not_followed_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.ron"), GOOD).unwrap();
    fs::create_dir(outside.path().join("more")).unwrap();
    fs::write(
        outside.path().join("more/other.ron"),
        GOOD.replace("klaer-belte", "other"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.ron"),
        dir.path().join("link.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("more"), dir.path().join("linked-dir")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.path().join("passwd.ron")).unwrap();
    let bank = Bank::load(BankSource::Folder(dir.path().to_path_buf())).unwrap();
    let message =
        "warning: symbolic link not followed: copy the file into the scenario folder instead";
    assert_eq!(
        relative_problem_lines(&bank, dir.path()),
        [
            format!("link.ron: {message}"),
            format!("linked-dir: {message}"),
            format!("passwd.ron: {message}"),
        ]
    );
    assert!(bank.scenarios().is_empty());
}
