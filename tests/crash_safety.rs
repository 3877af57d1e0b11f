//! Saving survives a crash at any moment: a child process saves a scenario file and the
//! history in a loop and is killed with SIGKILL at random moments, 200 times. After each kill
//! both files parse and hold either the last version the child finished saving or the one it
//! was writing, and temporary files do not pile up.
//!
//! The child is this test binary run again (`save_loop_child`, ignored unless started with
//! its environment variable), so no extra program is needed.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use jiff::Timestamp;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use salgstrener::domain::bank::validate::check_text;
use salgstrener::domain::progress::history::{Attempt, HISTORY_FILE, HistoryStore};
use salgstrener::domain::storage::write_atomic;

/// Set to the folder to save into when this binary runs as the child.
const CHILD_ENV: &str = "SALGSTRENER_SAVE_LOOP_DIR";
const SCENARIO_FILE: &str = "lagret.ron";
const GOOD: &str = include_str!("fixtures/good/klaer-belte.ron");
const KILLS: usize = 200;
/// The history starts over every this many saves, so it stays small and fast to write.
const HISTORY_RUN: u64 = 40;

/// Version `v` of the scenario the child saves: the same file with `v` in the title.
fn scenario_version(v: u64) -> String {
    GOOD.replace("Ny dressbukse", &format!("Ny dressbukse, versjon {v}"))
}

/// The version of a saved scenario file, read back from its title.
fn version_of(text: &str) -> Option<u64> {
    let rest = text.split("Ny dressbukse, versjon ").nth(1)?;
    rest.split('"').next()?.parse().ok()
}

fn attempt(serial: u64) -> Attempt {
    Attempt {
        registration: serial.to_string(),
        quiz_id: "lagring".into(),
        quiz_title: "Lagring".into(),
        ..Attempt::default()
    }
}

/// The history after save `serial`: the attempts of its run, in order.
fn history_serials(serial: u64) -> Vec<u64> {
    (serial - serial % HISTORY_RUN..=serial).collect()
}

fn now() -> Timestamp {
    "2026-11-27T12:00:00Z".parse().unwrap()
}

#[test]
#[ignore = "the child process of saves_survive_sigkill_at_any_moment, which starts it"]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        return;
    };
    let scenario_path = dir.join(SCENARIO_FILE);
    let history_path = dir.join(HISTORY_FILE);
    let mut version = std::fs::read_to_string(&scenario_path)
        .ok()
        .and_then(|t| version_of(&t))
        .map_or(0, |v| v + 1);
    let (mut store, notice) = HistoryStore::open(&history_path, now()).unwrap();
    assert!(notice.is_none(), "the history must never be unreadable");
    let mut serial = store
        .history()
        .attempts
        .last()
        .map_or(0, |a| a.registration.parse::<u64>().unwrap() + 1);
    let mut out = std::io::stdout();
    writeln!(out, "ready").unwrap();
    loop {
        write_atomic(&scenario_path, scenario_version(version).as_bytes()).unwrap();
        writeln!(out, "scenario {version}").unwrap();
        out.flush().unwrap();
        version += 1;

        if serial.is_multiple_of(HISTORY_RUN) {
            store = HistoryStore::empty(&history_path);
        }
        store.record(attempt(serial)).unwrap();
        writeln!(out, "history {serial}").unwrap();
        out.flush().unwrap();
        serial += 1;
    }
}

/// The last version of each file known to be saved: reported by a child, or found on disk
/// after a kill (a child can finish a save and die before it says so).
#[derive(Default)]
struct Saved {
    scenario: Option<u64>,
    history: Option<u64>,
}

/// The files must hold what was last saved or what was being saved when the child died;
/// `saved` moves on to what is on disk.
fn check_files(dir: &Path, saved: &mut Saved, round: usize) {
    let text = std::fs::read_to_string(dir.join(SCENARIO_FILE));
    match (saved.scenario, text) {
        (None, Err(_)) => {}
        (last, Ok(text)) => {
            let v = version_of(&text)
                .unwrap_or_else(|| panic!("round {round}: the scenario file is damaged:\n{text}"));
            let expected = last.map_or(0, |l| l + 1);
            assert!(
                Some(v) == last || v == expected,
                "round {round}: version {v} on disk, last saved {last:?}"
            );
            assert_eq!(text, scenario_version(v), "round {round}");
            let checked = check_text(Path::new(SCENARIO_FILE), &text, &|_: &Path| false)
                .unwrap_or_else(|p| panic!("round {round}: {p}"));
            assert!(checked.is_usable(), "round {round}");
            saved.scenario = Some(v);
        }
        (Some(last), Err(e)) => panic!("round {round}: version {last} was saved, now {e}"),
    }

    let history_path = dir.join(HISTORY_FILE);
    if !history_path.exists() {
        assert_eq!(saved.history, None, "round {round}: the history vanished");
        return;
    }
    let (store, notice) = HistoryStore::open(&history_path, now()).unwrap();
    assert!(
        notice.is_none(),
        "round {round}: the history is unreadable: {notice:?}"
    );
    let serials: Vec<u64> = store
        .history()
        .attempts
        .iter()
        .map(|a| a.registration.parse().unwrap())
        .collect();
    let last = *serials.last().expect("a saved history has attempts");
    let expected = saved.history.map_or(0, |l| l + 1);
    assert!(
        Some(last) == saved.history || last == expected,
        "round {round}: attempt {last} on disk, last saved {:?}",
        saved.history
    );
    assert_eq!(serials, history_serials(last), "round {round}");
    saved.history = Some(last);
}

fn temporary_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

#[test]
fn saves_survive_sigkill_at_any_moment() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = 20261127;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut saved = Saved::default();
    let mut saves_seen = 0usize;
    let mut interrupted_writes = 0usize;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["save_loop_child", "--exact", "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the test binary starts again as the child");
        let stdout = child.stdout.take().unwrap();
        let (lines_tx, lines) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Most kills land while saving; every tenth while the child is still starting. In
        // every other round the kill waits for a first save, so that the kills land between
        // saves however slow the disk is (a loaded machine can take longer than the random
        // pause for one fsync).
        let mut early = Vec::new();
        if round % 10 != 9 {
            let deadline = Duration::from_secs(20);
            let mut ready = false;
            loop {
                let line = lines
                    .recv_timeout(deadline)
                    .expect("the child says it is ready, then saves");
                // libtest prints `test save_loop_child ... ` before the child's first line.
                if line.ends_with("ready") {
                    ready = true;
                    if round % 2 == 1 {
                        break;
                    }
                } else if ready {
                    early.push(line);
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_micros(rng.random_range(0..20_000)));
        child.kill().expect("SIGKILL is sent");
        let status = child.wait().unwrap();
        assert!(!status.success(), "round {round}: the child was killed");
        reader.join().unwrap();
        for line in early.into_iter().chain(lines.try_iter()) {
            if let Some(v) = line.strip_prefix("scenario ") {
                saved.scenario = Some(v.parse().unwrap());
                saves_seen += 1;
            } else if let Some(s) = line.strip_prefix("history ") {
                saved.history = Some(s.parse().unwrap());
                saves_seen += 1;
            }
        }
        check_files(dir.path(), &mut saved, round);
        let temporaries = temporary_files(dir.path());
        interrupted_writes += usize::from(!temporaries.is_empty());
        assert!(
            temporaries.len() <= 2,
            "round {round}: at most one unfinished temporary file per file, found {temporaries:?}"
        );
    }
    eprintln!(
        "{KILLS} kills (seed {seed}): {saves_seen} saves reported, {interrupted_writes} kills left a half-written temporary file"
    );
    assert!(
        saves_seen >= KILLS / 2,
        "the children saved {saves_seen} times: most kills must land between saves"
    );
    // The next save by anyone clears what the last killed writer left behind.
    write_atomic(
        &dir.path().join(SCENARIO_FILE),
        scenario_version(0).as_bytes(),
    )
    .unwrap();
    write_atomic(&dir.path().join(HISTORY_FILE), b"History()").unwrap();
    assert_eq!(temporary_files(dir.path()), Vec::<String>::new());
}
