//! Hostile files and surroundings (issue #14): named pipes, links out of the folder, endless
//! files, odd encodings, closed pipes and full disks. Each must end in a message, never in a
//! hang, a panic or a lost file.

mod common;

use common::{
    assert_a_line_contains, assert_a_line_starts_with, fixtures, relative_problem_lines,
    scenario_folder, with_separator,
};

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use salgstrener::domain::authoring::editor::{Document, SaveMode, SaveOutcome};
use salgstrener::domain::bank::problem::Problem;
use salgstrener::domain::bank::watch::FolderWatch;
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::i18n::Message;
use salgstrener::domain::interop::csv::bank_csv;
use salgstrener::domain::interop::import::{import_csv, import_csv_file};
use salgstrener::domain::interop::xapi::Actor;

const GOOD: &str = include_str!("fixtures/good/klaer-belte.ron");
const QUIZ: &str = r#"Quiz(id: "modul-1", title: "Modul 1", language: "nb", questions: 1)"#;

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `f` on another thread and fails the test (instead of hanging it) when it takes longer
/// than a few seconds.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("still running after 10 s: it blocked")
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![200; (width * height * 4) as usize])
        .unwrap();
    drop(writer);
    out
}

#[test]
fn named_pipes_in_the_folder_are_reported_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("scenarios");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::create_dir_all(dir.join("quizzes")).unwrap();
    fs::write(dir.join("klaer-belte.ron"), GOOD).unwrap();
    if !mkfifo(&dir.join("x.ron"))
        || !mkfifo(&dir.join("sub/y.ron"))
        || !mkfifo(&dir.join("quizzes/q.ron"))
    {
        return; // no mkfifo on this system
    }
    let root = dir.clone();
    let bank = within_seconds(move || Bank::load(BankSource::Folder(root)).unwrap());
    let problems = relative_problem_lines(&bank, &dir);
    for name in ["quizzes/q.ron", "sub/y.ron", "x.ron"] {
        assert!(
            problems.iter().any(|p| p.starts_with(&format!(
                "{name}: error: a named pipe (FIFO), not a regular file: it is not read"
            ))),
            "{name}: {problems:#?}"
        );
    }
    assert_eq!(bank.scenarios().len(), 1);
}

#[test]
fn hot_reload_keeps_running_when_a_named_pipe_appears() {
    let (_tmp, dir) = scenario_folder();
    fs::write(dir.join("klaer-belte.ron"), GOOD).unwrap();
    let watch = FolderWatch::start(dir.clone(), || {}).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    if !mkfifo(&dir.join("x.ron")) {
        return;
    }
    // The pipe's own event reloads; a later change must reload again.
    std::thread::sleep(Duration::from_millis(600));
    fs::write(dir.join("b.ron"), GOOD.replace("klaer-belte", "b")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut ids = Vec::new();
    while Instant::now() < deadline {
        if let Some(bank) = watch.latest() {
            ids = bank.scenarios().iter().map(|s| s.id.clone()).collect();
            if ids.len() == 2 {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(ids, ["b", "klaer-belte"], "the reload thread stalled");
}

#[cfg(unix)]
#[test]
fn the_folder_watch_follows_no_link_out_of_the_folder() {
    use std::os::unix::fs::symlink;
    let (tmp, dir) = scenario_folder();
    fs::write(dir.join("klaer-belte.ron"), GOOD).unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    // Were the link followed, a link to `/` would have the watch walk the whole disk.
    symlink(&outside, dir.join("linked")).unwrap();
    let watch = FolderWatch::start(dir.clone(), || {}).unwrap();

    // A change behind the link is no change to the folder...
    fs::write(outside.join("notes.txt"), "changed").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        watch.latest().is_none(),
        "reloaded for a file outside the folder"
    );
    // ...while one in the folder still reloads.
    fs::write(dir.join("b.ron"), GOOD.replace("klaer-belte", "b")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while watch.latest().is_none() {
        assert!(
            Instant::now() < deadline,
            "no reload for a change in the folder"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn links_in_assets_and_a_linked_quiz_folder_are_not_followed() {
    use std::os::unix::fs::symlink;
    let (tmp, dir) = scenario_folder();
    let outside = tmp.path().join("outside");
    fs::create_dir_all(tmp.path().join("assets")).unwrap();
    fs::create_dir_all(outside.join("quizzes")).unwrap();
    fs::write(outside.join("secret.png"), png(2, 2)).unwrap();
    fs::write(outside.join("quizzes/q.ron"), QUIZ).unwrap();
    symlink(
        outside.join("secret.png"),
        tmp.path().join("assets/pic.png"),
    )
    .unwrap();
    symlink(outside.join("quizzes"), dir.join("quizzes")).unwrap();
    let with_picture = GOOD.replace("image: None", "image: Some(\"pic.png\")");
    assert_ne!(with_picture, GOOD);
    fs::write(dir.join("klaer-belte.ron"), &with_picture).unwrap();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let problems = relative_problem_lines(&bank, &dir);
    assert_a_line_contains(
        &problems,
        "error: image \"pic.png\" is a symbolic link (or lies in one) in the assets/ folder",
    );
    assert_a_line_starts_with(&problems, "quizzes: warning: symbolic link not followed");
    assert!(bank.quizzes().is_empty());
    assert!(bank.picture("pic.png").is_none(), "the link was followed");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_picture_is_read_only_up_to_the_limit() {
    use std::os::unix::fs::symlink;
    let (tmp, dir) = scenario_folder();
    fs::create_dir_all(tmp.path().join("assets")).unwrap();
    // Not a link: a copy of the endless file's behaviour is hard to make, so the handle cap
    // is tested through the storage reader directly on /proc/self/pagemap.
    let started = Instant::now();
    let read = salgstrener::domain::storage::read_regular(Path::new("/proc/self/pagemap"), 1024);
    assert!(
        matches!(
            read,
            Err(salgstrener::domain::storage::ReadError::TooBig { .. })
                | Err(salgstrener::domain::storage::ReadError::Io(_))
        ),
        "{read:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    // And linked into assets/, it is not read at all.
    symlink("/proc/self/pagemap", tmp.path().join("assets/pic.png")).unwrap();
    let with_picture = GOOD.replace("image: None", "image: Some(\"pic.png\")");
    fs::write(dir.join("klaer-belte.ron"), &with_picture).unwrap();
    let bank = Bank::load(BankSource::Folder(dir)).unwrap();
    assert!(bank.picture("pic.png").is_none());
}

#[test]
fn pictures_are_decoded_when_shown_not_when_loaded() {
    let (tmp, dir) = scenario_folder();
    fs::create_dir_all(tmp.path().join("assets")).unwrap();
    for i in 0..8 {
        fs::write(tmp.path().join(format!("assets/{i}.png")), png(16, 16)).unwrap();
        let text = GOOD
            .replace("klaer-belte", &format!("s{i}"))
            .replace("image: None", &format!("image: Some(\"{i}.png\")"));
        fs::write(dir.join(format!("s{i}.ron")), text).unwrap();
    }
    let bank = Bank::load(BankSource::Folder(dir)).unwrap();
    assert!(bank.problems().iter().all(|p| !p.is_error()));
    assert_eq!(bank.pictures_decoded(), 0, "loading decodes nothing");
    for s in bank.scenarios() {
        let (_, picture) = bank.picture_of(s).unwrap();
        assert_eq!((picture.width, picture.height), (16, 16));
    }
    assert!(bank.pictures_decoded() <= salgstrener::domain::bank::picture::CACHE_PICTURES);
}

#[test]
fn a_byte_order_mark_is_accepted_in_scenario_and_quiz_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("scenarios");
    fs::create_dir_all(dir.join("quizzes")).unwrap();
    fs::write(dir.join("klaer-belte.ron"), format!("\u{FEFF}{GOOD}")).unwrap();
    fs::write(dir.join("quizzes/q.ron"), format!("\u{FEFF}{QUIZ}")).unwrap();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let errors: Vec<String> = relative_problem_lines(&bank, &dir)
        .into_iter()
        .filter(|l| l.contains("error"))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!((bank.scenarios().len(), bank.quizzes().len()), (1, 1));

    let conversation = fixtures("conversations/good/sport-samtale-lopesko.ron");
    let text = fs::read_to_string(conversation).unwrap();
    fs::write(
        dir.join("sport-samtale-lopesko.ron"),
        format!("\u{FEFF}{text}"),
    )
    .unwrap();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let errors: Vec<String> = relative_problem_lines(&bank, &dir)
        .into_iter()
        .filter(|l| l.contains("sport-samtale") && l.contains("error"))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(bank.conversations().len(), 1);
}

#[test]
fn bidirectional_controls_in_file_names_are_printed_escaped() {
    let p = Problem::error(
        "scenarios/abc\u{202E}fdp.ron",
        None,
        Message::SymlinkNotFollowed {},
    );
    assert!(
        p.to_string()
            .starts_with("scenarios/abc\\u{202e}fdp.ron: error: symbolic link"),
        "a raw U+202E would show the name reversed in a terminal"
    );
}

#[test]
fn a_latin_1_file_opens_read_only_and_is_never_saved_over() {
    let (_tmp, dir) = scenario_folder();
    let latin1: Vec<u8> = GOOD.chars().map(|c| c as u32 as u8).collect();
    assert!(String::from_utf8(latin1.clone()).is_err(), "has æ, ø or å");
    let path = dir.join("klaer-belte.ron");
    fs::write(&path, &latin1).unwrap();
    let bank = Bank::load(BankSource::Folder(dir.clone())).unwrap();
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.is_read_only());
    if let salgstrener::domain::authoring::editor::Draft::Scenario(s) = &mut doc.draft {
        s.title.push('!');
    }
    let outcome = doc.save(&bank, &|_: &Path| false, SaveMode::Normal);
    let SaveOutcome::Refused(problems) = outcome else {
        panic!("saved over a file it could not read losslessly: {outcome:?}");
    };
    assert!(
        problems[0].message.to_string().contains("not valid UTF-8"),
        "{problems:?}"
    );
    assert_eq!(fs::read(&path).unwrap(), latin1, "the file is untouched");
}

#[test]
fn csv_formulas_are_guarded_and_the_round_trip_is_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = Bank::load(BankSource::Folder(fixtures("good"))).unwrap();
    let mut scenarios: Vec<_> = bank.scenarios().to_vec();
    scenarios[0].title = "=HYPERLINK(\"https://example.org\",\"klikk\")".into();
    scenarios[0].industry = "'=quoted".into();
    scenarios[1].explanation = "-5 % er rabatten; +2 på lager; @alle".into();
    let refs: Vec<_> = scenarios.iter().collect();
    let first = bank_csv(&refs).unwrap();
    assert!(first.contains(",\"'=HYPERLINK("), "{first}");
    assert!(first.contains(",'-5 % er rabatten"), "{first}");
    assert!(!first.contains(",\"=HYPERLINK("), "{first}");
    let target = tmp.path().join("scenarios");
    let report = import_csv(Path::new("bank.csv"), &first, &target, false).unwrap();
    assert!(!report.has_errors(), "{:?}", report.problems);
    let again = Bank::load(BankSource::Folder(target)).unwrap();
    let mut back: Vec<_> = again.scenarios().iter().collect();
    back.sort_by_key(|s| refs.iter().position(|r| r.id == s.id));
    assert_eq!(back[0].title, scenarios[0].title);
    assert_eq!(back[0].industry, "'=quoted");
    assert_eq!(bank_csv(&back).unwrap(), first);
}

/// The bundled export of the good fixtures, as a Norwegian spreadsheet would save it.
fn good_sheet() -> String {
    let bank = Bank::load(BankSource::Folder(fixtures("good"))).unwrap();
    let refs: Vec<_> = bank.scenarios().iter().collect();
    bank_csv(&refs).unwrap()
}

#[test]
fn windows_1252_utf_16_and_tab_separated_sheets_are_imported_and_named() {
    let sheet = good_sheet();
    let semicolons = with_separator(&sheet, b';');
    let tabs = semicolons.replace(';', "\t");
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&semicolons);
    assert!(!lossy);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tabs.encode_utf16().flat_map(u16::to_le_bytes));
    for (bytes, read_as) in [
        (cp1252.into_owned(), "(windows-1252, semicolon-separated)"),
        (utf16, "(UTF-16LE, tab-separated)"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("ark.csv");
        fs::write(&file, bytes).unwrap();
        let report = import_csv_file(&file, &tmp.path().join("scenarios"), false).unwrap();
        assert!(!report.has_errors(), "{read_as}: {:?}", report.problems);
        assert_eq!(
            report.summary().to_string(),
            format!("2 rows: 2 imported (0 replaced), 0 unchanged, 0 skipped {read_as}")
        );
        let bank = Bank::load(BankSource::Folder(tmp.path().join("scenarios"))).unwrap();
        let original = Bank::load(BankSource::Folder(fixtures("good"))).unwrap();
        let titles = |b: &Bank| {
            let mut t: Vec<String> = b.scenarios().iter().map(|s| s.title.clone()).collect();
            t.sort();
            t
        };
        assert_eq!(titles(&bank), titles(&original), "{read_as}");
    }
}

#[test]
fn the_import_summary_names_a_missing_column_and_an_empty_file() {
    let tmp = tempfile::tempdir().unwrap();
    let sheet = good_sheet().replacen(",answer,", ",svar,", 1);
    let report = import_csv(Path::new("ark.csv"), &sheet, tmp.path(), false).unwrap();
    assert_eq!(
        report.summary().to_string(),
        "nothing imported: the header has no column `answer` (comma-separated)"
    );
    let report = import_csv(Path::new("ark.csv"), "", tmp.path(), false).unwrap();
    assert!(report.has_errors());
    assert_eq!(
        report.summary().to_string(),
        "the file is empty: nothing imported (the first row must name the columns)"
    );
}

#[test]
fn actor_emails_are_checked_as_xapi_validators_do() {
    for good in [
        "kari@firma.no",
        "mailto:kari.nordmann+kurs@firma.example.org",
    ] {
        assert!(Actor::new(None, Some(good)).is_ok(), "{good}");
    }
    for bad in [
        "kari@firma",
        "ø@firma.no",
        "kari@førde.no",
        "kari@-firma.no",
        "kari@firma..no",
        ".kari@firma.no",
    ] {
        assert!(Actor::new(None, Some(bad)).is_err(), "{bad}");
    }
}

// The binary as a process.

fn binary() -> Command {
    common::binary()
}

#[test]
fn check_into_a_pipe_closed_early_ends_quietly() {
    let mut child = binary()
        .args(["check", "--strict"])
        .current_dir(tempfile::tempdir().unwrap().path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `check | head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "{out:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_exits_2_with_a_message() {
    let work = tempfile::tempdir().unwrap();
    let sheet = work.path().join("bank.csv");
    fs::write(&sheet, good_sheet()).unwrap();
    let target = work.path().join("scenarios");
    let target_s = target.to_string_lossy().into_owned();
    let sheet_s = sheet.to_string_lossy().into_owned();
    let runs: [&[&str]; 3] = [
        &["check"],
        &["import", "--from", "csv", &sheet_s, &target_s],
        &["new-scenario", "--id", "ny-test", &target_s],
    ];
    for args in runs {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = binary()
            .args(args)
            .current_dir(work.path())
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: cannot write to standard output: "),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_bad_actor_email_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let out = binary()
        .args(["results", "--format", "xapi", "--actor-email", "kari@firma"])
        .arg("--data-dir")
        .arg(data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
