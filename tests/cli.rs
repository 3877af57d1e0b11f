//! The binary as a process: `check` on good, broken and missing folders.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixtures(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(args: &[&str], cwd: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salgstrener"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_on_a_good_folder_exits_0_with_a_summary() {
    let o = run(&["check", "good"], &fixtures(""));
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(stdout(&o), "2 scenarios, 0 quizzes, 0 errors, 0 warnings\n");
}

#[test]
fn check_on_a_broken_folder_lists_every_problem_and_exits_1() {
    let o = run(&["check", "broken"], &fixtures(""));
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 22, "{out}");
    assert_eq!(
        *lines.last().unwrap(),
        "21 scenarios, 0 quizzes, 20 errors, 1 warnings"
    );
    assert!(lines.contains(
        &"broken/unknown_sale_type.ron:11:13: error: unknown sale type `Oppsalg`: use one of `Nysalg`, `Mersalg`, `Gjensalg`, `Kryssalg`, `Tilleggssalg`"
    ), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("broken/warning_best_kind.ron:15:49: warning: ")),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(
            "broken/dup-b.ron:3:5: error: id \"dup\" is already used by broken/dup-a.ron"
        )),
        "{out}"
    );
}

#[test]
fn check_without_a_folder_checks_what_the_app_would_open() {
    // In a folder without ./scenarios the app opens the bundled bank.
    let empty = tempfile::tempdir().unwrap();
    let o = run(&["check"], empty.path());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let out = stdout(&o);
    let count: usize = out
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("summary starts with a count");
    assert!(count >= 120, "{out}");
    assert!(out.ends_with(" quizzes, 0 errors, 0 warnings\n"), "{out}");
    // In a folder with ./scenarios it checks that folder.
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir(project.path().join("scenarios")).unwrap();
    std::fs::copy(
        fixtures("good/klaer-belte.ron"),
        project.path().join("scenarios/klaer-belte.ron"),
    )
    .unwrap();
    let o = run(&["check"], project.path());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(stdout(&o), "1 scenarios, 0 quizzes, 0 errors, 0 warnings\n");
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["check", "no-such-folder"], &fixtures(""));
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("no-such-folder: cannot open the scenario folder")
    );
    let o = run(&["check", "--no-such-flag"], &fixtures(""));
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let o = run(&["--scenarios", "no-such-folder"], &fixtures(""));
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}
