//! The binary as a process: `check` on good, broken and missing folders; `export`, `import`
//! and `results` with their exit codes and output files.

mod common;

use common::{assert_a_line_starts_with, assert_ends_with, binary, fixtures};

use std::process::{Command, Output};

fn run(args: &[&str], cwd: &std::path::Path) -> Output {
    // Messages follow the system language; the assertions below are the English ones.
    binary()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

/// A finished process, checked for its exit code.
trait Exits {
    /// The process, once it is checked that it exited with `code` (what it printed is in
    /// the message if not).
    fn exits(self, code: i32) -> Self;
}

impl Exits for Output {
    #[track_caller]
    fn exits(self, code: i32) -> Self {
        assert_eq!(self.status.code(), Some(code), "{self:?}");
        self
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The summary line `check` ends with.
fn summary(o: &Output) -> String {
    stdout(o).lines().last().unwrap_or_default().to_owned()
}

/// What `check` printed for the fixture folder `folder`, line by line, once it is checked that
/// it exited with `code`.
fn check_lines(folder: &str, code: i32) -> Vec<String> {
    let o = run(&["check", folder], &fixtures("")).exits(code);
    stdout(&o).lines().map(str::to_owned).collect()
}

/// Fails, showing all that `o` printed, unless its summary line starts with `start`.
#[track_caller]
fn assert_summary_starts_with(o: &Output, start: &str) {
    assert!(summary(o).starts_with(start), "{}", stdout(o));
}

/// Fails, showing all that `o` printed, unless its summary line ends with `end`.
#[track_caller]
fn assert_summary_ends_with(o: &Output, end: &str) {
    assert!(summary(o).ends_with(end), "{}", stdout(o));
}

#[test]
fn check_speaks_norwegian_with_lang_nb_and_keeps_the_prefix_tools_parse() {
    let o = run(&["check", "broken", "--lang", "nb"], &fixtures("")).exits(1);
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l
            == "broken/unknown_sale_type.ron:11:13: error: ukjent salgstype `Oppsalg`: bruk en av `Nysalg`, `Mersalg`, `Gjensalg`, `Kryssalg`, `Tilleggssalg`"),
        "{out}"
    );
    assert_summary_starts_with(&o, "21 scenarioer, 0 samtaler, 0 quizer, 20 feil,");
    // The system language decides without --lang.
    let o = Command::new(env!("CARGO_BIN_EXE_salgstrener"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "nb_NO.UTF-8")
        .args(["check", "broken"])
        .current_dir(fixtures(""))
        .output()
        .expect("the binary runs");
    assert!(
        stdout(&o).contains(": error: ukjent salgstype `Oppsalg`"),
        "{o:?}"
    );
}

#[test]
fn check_on_a_good_folder_exits_0_with_a_summary() {
    let lines = check_lines("good", 0);
    // Two tilleggssalg scenarios leave the four other types thin: warnings, not errors.
    assert_eq!(lines.len(), 9, "{lines:#?}");
    assert!(lines[0].starts_with(
        "good: warning: only 0 nysalg scenario(s), under a quarter of the average 0.4"
    ));
    assert_eq!(
        lines[4],
        "coverage: by sale type: nysalg 0, mersalg 0, gjensalg 0, kryssalg 0, tilleggssalg 2"
    );
    assert_eq!(lines[5], "coverage: by difficulty: 1: 1, 2: 1, 3: 0");
    assert_eq!(lines[6], "coverage: by language: nb 1, en 1");
    assert_eq!(
        lines[7],
        "coverage: conversations by sale type: nysalg 0, mersalg 0, gjensalg 0, kryssalg 0, tilleggssalg 0; by language: nb 0, en 0"
    );
    assert_eq!(
        lines[8],
        "2 scenarios, 0 conversations, 0 quizzes, 0 errors, 4 warnings"
    );
    // --strict makes the warnings fail an instructor's CI.
    let strict = run(&["check", "--strict", "good"], &fixtures("")).exits(1);
    assert_eq!(
        summary(&strict),
        "2 scenarios, 0 conversations, 0 quizzes, 0 errors, 4 warnings"
    );
}

#[test]
fn the_bundled_bank_passes_check_strict() {
    let empty = tempfile::tempdir().unwrap();
    let o = run(&["check", "--strict"], empty.path()).exits(0);
    assert_summary_ends_with(&o, " quizzes, 0 errors, 0 warnings");
}

#[test]
fn new_scenario_writes_a_template_that_passes_check_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(&["new-scenario", "--id", "klaer-sokker", "."], tmp.path()).exits(0);
    assert_eq!(stdout(&o), "./klaer-sokker.ron\n");
    let written = std::fs::read_to_string(tmp.path().join("klaer-sokker.ron")).unwrap();
    assert!(written.contains("id: \"klaer-sokker\""));
    let check = run(&["check", "."], tmp.path()).exits(0);
    assert_summary_starts_with(&check, "1 scenarios, 0 conversations, 0 quizzes, 0 errors");

    std::fs::write(tmp.path().join("klaer-sokker.ron"), "mine").unwrap();
    let again = run(&["new-scenario", "--id", "klaer-sokker", "."], tmp.path()).exits(1);
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("klaer-sokker.ron")).unwrap(),
        "mine"
    );
    run(&["new-scenario", "--id", "Ugyldig Id", "."], tmp.path()).exits(2);
}

#[test]
fn check_counts_conversations_beside_scenarios_and_new_conversation_writes_a_template() {
    let o = run(&["check", "conversations/good"], &fixtures("")).exits(0);
    let out = stdout(&o);
    assert!(
        out.contains("coverage: conversations by sale type: nysalg 0, mersalg 0, gjensalg 0, kryssalg 2, tilleggssalg 0; by language: nb 1, en 1\n"),
        "{out}"
    );
    assert_eq!(
        summary(&o),
        "1 scenarios, 2 conversations, 0 quizzes, 0 errors, 4 warnings"
    );
    let broken = run(
        &["check", "--strict", "conversations/broken"],
        &fixtures(""),
    )
    .exits(1);
    let out = stdout(&broken);
    assert!(
        out.contains("conversations/broken/cycle.ron:89:21: error: step \"morket\", reply 2 leads back to step \"trening\""),
        "{out}"
    );
    assert_summary_starts_with(&broken, "1 scenarios, 18 conversations, 0 quizzes, ");

    let tmp = tempfile::tempdir().unwrap();
    for (id, language) in [("sport-samtale", "nb"), ("sport-conversation", "en")] {
        let o = run(
            &["new-conversation", "--id", id, "--language", language, "."],
            tmp.path(),
        )
        .exits(0);
        assert_eq!(stdout(&o), format!("./{id}.ron\n"));
    }
    let check = run(&["check", "--strict", "."], tmp.path());
    // Two kryssalg conversations and no scenario: nothing is thin, nothing is wrong.
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    assert_eq!(
        summary(&check),
        "0 scenarios, 2 conversations, 0 quizzes, 0 errors, 0 warnings"
    );
    run(
        &["new-conversation", "--id", "sport-samtale", "."],
        tmp.path(),
    )
    .exits(1);
    run(&["new-conversation", "--id", "Ugyldig", "."], tmp.path()).exits(2);
}

#[test]
fn check_on_a_broken_folder_lists_every_problem_and_exits_1() {
    let lines = check_lines("broken", 1);
    // 21 problems, 4 thin sale types, 4 coverage lines and the summary.
    assert_eq!(lines.len(), 30, "{lines:#?}");
    assert_eq!(
        lines.last().unwrap(),
        "21 scenarios, 0 conversations, 0 quizzes, 20 errors, 5 warnings"
    );
    assert!(lines.iter().any(|l| l
        == "broken/unknown_sale_type.ron:11:13: error: unknown sale type `Oppsalg`: use one of `Nysalg`, `Mersalg`, `Gjensalg`, `Kryssalg`, `Tilleggssalg`"
    ), "{lines:#?}");
    assert_a_line_starts_with(&lines, "broken/warning_best_kind.ron:15:49: warning: ");
    assert_a_line_starts_with(
        &lines,
        "broken/dup-b.ron:3:5: error: id \"dup\" is already used by broken/dup-a.ron",
    );
}

#[test]
fn check_without_a_folder_checks_what_the_app_would_open() {
    // In a folder without ./scenarios the app opens the bundled bank.
    let empty = tempfile::tempdir().unwrap();
    let o = run(&["check"], empty.path()).exits(0);
    let out = summary(&o);
    let count: usize = out
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("summary starts with a count");
    assert!(count >= 120, "{out}");
    assert!(out.ends_with(" quizzes, 0 errors, 0 warnings"), "{out}");
    // In a folder with ./scenarios it checks that folder.
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir(project.path().join("scenarios")).unwrap();
    std::fs::copy(
        fixtures("good/klaer-belte.ron"),
        project.path().join("scenarios/klaer-belte.ron"),
    )
    .unwrap();
    let o = run(&["check"], project.path()).exits(0);
    assert_summary_starts_with(&o, "1 scenarios, 0 conversations, 0 quizzes, 0 errors, ");
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["check", "no-such-folder"], &fixtures("")).exits(2);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("no-such-folder: cannot open the scenario folder")
    );
    run(&["check", "--no-such-flag"], &fixtures("")).exits(2);
    run(&["--scenarios", "no-such-folder"], &fixtures("")).exits(2);
}

#[test]
fn the_other_commands_speak_norwegian_with_lang_nb() {
    let o = run(&["check", "no-such-folder", "--lang", "nb"], &fixtures("")).exits(2);
    assert!(
        stderr(&o).starts_with("error: no-such-folder: kan ikke åpne scenariomappen: "),
        "{o:?}"
    );
    let o = run(
        &["import", "--from", "csv", "no-such.csv", "--lang", "nb"],
        &fixtures(""),
    )
    .exits(2);
    assert!(
        stderr(&o).starts_with("error: no-such.csv: kan ikke lese filen: "),
        "{o:?}"
    );
    let o = run(
        &[
            "results",
            "--format",
            "xapi",
            "--actor-email",
            "nobody",
            "--lang",
            "nb",
        ],
        &fixtures(""),
    )
    .exits(2);
    assert!(
        stderr(&o).starts_with("error: «nobody» er ikke en e-postadresse"),
        "{o:?}"
    );
    let o = run(&["class", "no-such-export", "--lang", "nb"], &fixtures("")).exits(2);
    let err = stderr(&o);
    assert!(
        err.starts_with("no-such-export: kan ikke åpnes (") && err.contains("sjekk stien"),
        "{err}"
    );
    assert!(
        err.contains("error: ingenting lesbart i 1 inndata"),
        "{err}"
    );
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_str(p: &std::path::Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// `export --format <format>`, then `flags`, the folder and `-o <target>`, run in the fixtures.
fn export(format: &str, flags: &[&str], folder: &str, target: &std::path::Path) -> Output {
    let mut args = vec!["export", "--format", format];
    args.extend_from_slice(flags);
    args.extend([folder, "-o", path_str(target)]);
    run(&args, &fixtures(""))
}

/// `results --format <format> --data-dir <data>` and then `extra`, run in `data`.
fn results(format: &str, data: &std::path::Path, extra: &[&str]) -> Output {
    let mut args = vec!["results", "--format", format, "--data-dir", path_str(data)];
    args.extend_from_slice(extra);
    run(&args, data)
}

/// `import --from csv`, then `flags`, the sheet and the target folder, run in `cwd`.
fn import_csv(
    flags: &[&str],
    sheet: &std::path::Path,
    target: &std::path::Path,
    cwd: &std::path::Path,
) -> Output {
    let mut args = vec!["import", "--from", "csv"];
    args.extend_from_slice(flags);
    args.extend([path_str(sheet), path_str(target)]);
    run(&args, cwd)
}

#[test]
fn export_writes_each_format_and_exits_0() {
    let out = tempfile::tempdir().unwrap();
    for (format, file, start) in [
        (
            "moodle-xml",
            "bank.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>",
        ),
        (
            "gift",
            "bank.gift.txt",
            "// Salgstreneren question bank in GIFT format.",
        ),
        (
            "csv",
            "bank.csv",
            "id,language,title,industry,difficulty,tags,",
        ),
    ] {
        let target = out.path().join(file);
        let o = export(format, &[], "good", &target);
        assert_eq!(o.status.code(), Some(0), "{format}: {o:?}");
        let text = std::fs::read_to_string(&target).unwrap();
        assert!(text.starts_with(start), "{format}: {text}");
        assert!(text.contains("klaer-belte"), "{format}");
        assert_eq!(
            stderr(&o),
            format!("exported 2 scenarios to {}\n", target.display())
        );
    }
    let target = out.path().join("en.csv");
    export("csv", &["--language", "en"], "good", &target).exits(0);
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(
        text.lines().count(),
        2,
        "the header and the one English scenario"
    );
    assert!(text.contains("bil-takboks") && !text.contains("klaer-belte"));
}

#[test]
fn export_leaves_out_files_with_errors_and_exits_1() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("bank.xml");
    let o = export("moodle-xml", &[], "broken", &target).exits(1);
    let err = stderr(&o);
    assert!(
        err.contains("broken/unknown_sale_type.ron:11:13: error: unknown sale type"),
        "{err}"
    );
    assert!(err.ends_with("files with errors were left out\n"), "{err}");
    let xml = std::fs::read_to_string(&target).unwrap();
    assert!(roxmltree::Document::parse(&xml).is_ok());
}

#[test]
fn export_usage_errors_exit_2() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("x.xml");
    for args in [
        vec!["export", "--format", "moodle-xml", "good"],
        vec!["export", "--format", "pdf", "good", "-o", path_str(&target)],
        vec![
            "export",
            "--format",
            "gift",
            "no-such-folder",
            "-o",
            path_str(&target),
        ],
    ] {
        let o = run(&args, &fixtures(""));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {o:?}");
    }
    assert!(!target.exists());
}

#[test]
fn import_round_trip_skips_changed_rows_without_force() {
    let work = tempfile::tempdir().unwrap();
    let sheet = work.path().join("bank.csv");
    let target = work.path().join("scenarios");
    export("csv", &[], "good", &sheet).exits(0);

    let o = import_csv(&[], &sheet, &target, work.path()).exits(0);
    assert_eq!(
        stdout(&o),
        format!(
            "2 rows: 2 imported (0 replaced), 0 unchanged, 0 skipped (UTF-8, comma-separated) into {}\n",
            target.display()
        )
    );
    assert!(target.join("nb/klaer-belte.ron").is_file());
    let o = run(&["check", path_str(&target)], work.path());
    assert_summary_starts_with(&o, "2 scenarios, 0 conversations, 0 quizzes, 0 errors, ");

    // A changed title is refused without --force (exit 1), accepted with it (exit 0).
    let text = std::fs::read_to_string(&sheet)
        .unwrap()
        .replace("Ny dressbukse", "Ny dressbukse igjen");
    std::fs::write(&sheet, text).unwrap();
    let o = import_csv(&[], &sheet, &target, work.path()).exits(1);
    let out = stdout(&o);
    assert!(
        out.contains(":id: error: scenario \"klaer-belte\" already exists in "),
        "{out}"
    );
    let summary = format!(
        "2 rows: 0 imported (0 replaced), 1 unchanged, 1 skipped (UTF-8, comma-separated) into {}\n",
        target.display()
    );
    assert!(out.ends_with(&summary), "{out}");
    import_csv(&["--force"], &sheet, &target, work.path()).exits(0);
    assert!(
        std::fs::read_to_string(target.join("nb/klaer-belte.ron"))
            .unwrap()
            .contains("Ny dressbukse igjen")
    );

    // A bad cell: reported by row and column, exit 1.
    let text = std::fs::read_to_string(&sheet)
        .unwrap()
        .replace(",Tilleggssalg,", ",Oppsalg,");
    std::fs::write(&sheet, text).unwrap();
    let o = import_csv(&[], &sheet, &work.path().join("other"), work.path()).exits(1);
    assert!(
        stdout(&o).contains(&format!("{}:", sheet.display())),
        "{o:?}"
    );
    assert!(
        stdout(&o).contains(":answer: error: unknown sale type `Oppsalg`"),
        "{o:?}"
    );
}

#[test]
fn import_usage_errors_exit_2() {
    let work = tempfile::tempdir().unwrap();
    let o = run(&["import", "--from", "csv", "missing.csv"], work.path()).exits(2);
    assert!(
        stderr(&o).contains("missing.csv: cannot read the file"),
        "{o:?}"
    );
    run(&["import", "--from", "xlsx", "x.xlsx"], work.path()).exits(2);
    // A sheet that is not UTF-8 is no longer refused: it is read as Windows-1252 (which
    // Latin-1 is a part of), and the summary says so.
    std::fs::write(work.path().join("latin1.csv"), b"id,title\n1,\xe6\n").unwrap();
    let o = run(
        &["import", "--from", "csv", "latin1.csv", "out"],
        work.path(),
    )
    .exits(1);
    assert!(
        stdout(&o).contains("(windows-1252, comma-separated)"),
        "{o:?}"
    );
}

fn data_dir_with_history() -> tempfile::TempDir {
    use salgstrener::domain::progress::history::{
        AnswerRecord, Attempt, HISTORY_FILE, HistoryStore,
    };
    use salgstrener::domain::teaching::taxonomy::SaleType;
    let dir = tempfile::tempdir().unwrap();
    let now: jiff::Timestamp = "2026-11-27T12:00:00Z".parse().unwrap();
    let (mut store, _) = HistoryStore::open(&dir.path().join(HISTORY_FILE), now).unwrap();
    store
        .record(Attempt {
            registration: "6f1c2b1e-8a5d-4c3b-9e7f-0a1b2c3d4e5f".into(),
            quiz_id: "modul-1".into(),
            quiz_title: "Modul 1".into(),
            started: now,
            finished: now,
            pass_percent: Some(75),
            answers: vec![AnswerRecord {
                scenario_id: "klaer-belte".into(),
                right_type: SaleType::Tilleggssalg,
                chosen_type: Some(SaleType::Kryssalg),
                type_points: 1,
                offer_points: 2,
                ..AnswerRecord::default()
            }],
            ..Attempt::default()
        })
        .unwrap();
    dir
}

#[test]
fn results_as_xapi_and_csv() {
    let data = data_dir_with_history();
    let out = data.path().join("statements.json");
    results(
        "xapi",
        data.path(),
        &[
            "--actor-name",
            "Kari",
            "--actor-email",
            "kari@firma.no",
            "-o",
            path_str(&out),
        ],
    )
    .exits(0);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let verbs: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    assert_eq!(verbs, ["answered", "completed", "passed"]);
    assert_eq!(json[0]["actor"]["mbox"], "mailto:kari@firma.no");
    assert_eq!(
        json[0]["context"]["registration"],
        "6f1c2b1e-8a5d-4c3b-9e7f-0a1b2c3d4e5f"
    );

    let o = results("csv", data.path(), &[]).exits(0);
    let lines: Vec<String> = stdout(&o).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("registration,kind,quiz_id,"));
    assert_ends_with(&lines[1], ",klaer-belte,Tilleggssalg,Kryssalg,,,,1,2,3,,,,");
    let file = data.path().join("results.csv");
    results("csv", data.path(), &["-o", path_str(&file)]).exits(0);
    assert_eq!(std::fs::read_to_string(&file).unwrap().lines().count(), 2);
}

#[test]
fn results_exit_codes_for_bad_options_and_histories() {
    let data = data_dir_with_history();
    for (format, extra) in [
        ("xapi", &["--actor-email", "not-an-address"][..]),
        ("xapi", &["--base-iri", "no scheme"][..]),
        ("pdf", &[][..]),
    ] {
        let o = results(format, data.path(), extra);
        assert_eq!(o.status.code(), Some(2), "{format} {extra:?}: {o:?}");
    }
    // No history yet: an empty array, exit 0.
    let empty = tempfile::tempdir().unwrap();
    let o = results("xapi", empty.path(), &[]).exits(0);
    assert_eq!(stdout(&o), "[]\n");
    // An unreadable history is kept aside; nothing is written; exit 1.
    std::fs::write(empty.path().join("history.ron"), "History(attempts: [").unwrap();
    let out = empty.path().join("out.json");
    let o = results("xapi", empty.path(), &["-o", path_str(&out)]).exits(1);
    assert!(
        stderr(&o).contains("the history could not be read"),
        "{o:?}"
    );
    assert!(!out.exists());
}
