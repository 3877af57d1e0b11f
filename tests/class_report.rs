//! The class report: statistics checked against hand-computed values on a small class, the
//! dedupe, every kind of bad input, the HTML parsed by an HTML5 parser, and the binary run on
//! a generated class.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use html5ever::tendril::TendrilSink;
use jiff::Timestamp;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use common::{answer, assert_a_line_contains};
use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::class_report::{
    self, AttemptChoice, BankInfo, ClassReport, Flag, html, render, sample,
};
use salgstrener::domain::interop::xapi::{self, Actor, XapiOptions};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{AnswerRecord, Attempt, AttemptKind, History};
use salgstrener::domain::teaching::taxonomy::SaleType::{self, *};

fn at(s: &str) -> Timestamp {
    s.parse().expect("test timestamp")
}

fn quiz(registration: u128, id: &str, finished: &str, answers: Vec<AnswerRecord>) -> Attempt {
    Attempt {
        registration: uuid::Uuid::from_u128(registration).to_string(),
        kind: AttemptKind::Quiz,
        quiz_id: id.into(),
        quiz_title: format!("Quiz {id}"),
        started: at(finished) - jiff::SignedDuration::from_mins(5),
        finished: at(finished),
        pass_percent: Some(60),
        partial_credit: true,
        answers,
        conversation: None,
    }
}

/// s1 (right Mersalg) and s2 (right Kryssalg) in quiz `q`, points x per trainee:
///
/// | trainee | s1 | s2 | T | % |
/// |---|---|---|---|---|
/// | A | 4 | 4 | 8 | 100 |
/// | B | 4 | 2 (Tilleggssalg, Acceptable) | 6 | 75 |
/// | C | 2 (right, Poor) | 0 (Nysalg, Poor) | 2 | 25 |
/// | D | 0 (Nysalg, Poor) | 4 | 4 | 50 |
///
/// A also has a later second attempt with 0 and 0, and everyone answers s3 in quiz `z`
/// fully right (zero variance).
fn small_class() -> Vec<(&'static str, History)> {
    let s1 = |chosen, fit| answer("s1", Mersalg, chosen, fit);
    let s2 = |chosen, fit| answer("s2", Kryssalg, chosen, fit);
    let z = |n: u128| {
        quiz(
            n,
            "z",
            "2026-11-02T10:00:00Z",
            vec![answer("s3", Gjensalg, Gjensalg, Fit::Best)],
        )
    };
    let one = |n: u128, a, b| quiz(n, "q", "2026-11-01T10:00:00Z", vec![a, b]);
    vec![
        (
            "a",
            History {
                version: 1,
                attempts: vec![
                    one(1, s1(Mersalg, Fit::Best), s2(Kryssalg, Fit::Best)),
                    quiz(
                        2,
                        "q",
                        "2026-11-05T10:00:00Z",
                        vec![s1(Nysalg, Fit::Poor), s2(Nysalg, Fit::Poor)],
                    ),
                    z(3),
                ],
            },
        ),
        (
            "b",
            History {
                version: 1,
                attempts: vec![
                    one(
                        11,
                        s1(Mersalg, Fit::Best),
                        s2(Tilleggssalg, Fit::Acceptable),
                    ),
                    z(12),
                ],
            },
        ),
        (
            "c",
            History {
                version: 1,
                attempts: vec![
                    one(21, s1(Mersalg, Fit::Poor), s2(Nysalg, Fit::Poor)),
                    z(22),
                ],
            },
        ),
        (
            "d",
            History {
                version: 1,
                attempts: vec![one(31, s1(Nysalg, Fit::Poor), s2(Kryssalg, Fit::Best))],
            },
        ),
    ]
}

fn export(name: &str, history: &History) -> String {
    let actor = Actor::new(
        Some(&name.to_uppercase()),
        Some(&format!("{name}@klasse.example")),
    )
    .unwrap();
    let options = XapiOptions {
        actor,
        ..XapiOptions::default()
    };
    xapi::statements_json(&xapi::statements(history, &options)).unwrap()
}

fn write_small_class(dir: &Path) {
    for (name, history) in small_class() {
        fs::write(dir.join(format!("{name}.json")), export(name, &history)).unwrap();
    }
}

fn report(inputs: &[PathBuf], choice: AttemptChoice) -> ClassReport {
    class_report::report_of(inputs, choice, &BankInfo::default())
}

/// The report on every export in `dir`.
fn report_on(dir: &Path, choice: AttemptChoice) -> ClassReport {
    report(&[dir.to_path_buf()], choice)
}

/// A temporary folder holding the exports that `write` writes.
fn class_folder(write: fn(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path());
    dir
}

fn close(value: Option<f64>, expected: f64) {
    let v = value.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!((v - expected).abs() < 1e-9, "expected {expected}, got {v}");
}

#[test]
fn statistics_match_hand_computed_values() {
    let dir = class_folder(write_small_class);
    let r = report_on(dir.path(), AttemptChoice::First);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.trainees.len(), 4);
    assert_eq!(r.left_out, 1, "A's second attempt");
    let q = r.quizzes.iter().find(|q| q.quiz_id == "q").unwrap();
    assert_eq!(q.attempts, 4);
    close(q.mean, 62.5);
    close(q.median, 62.5);
    close(q.pass_rate, 0.5);
    // var(s1) = var(s2) = 11/3, var(T) = 20/3: alpha = 2 (1 - 22/20) = -0.2.
    close(q.alpha, -0.2);
    let s1 = &q.items[0];
    assert_eq!((s1.scenario_id.as_str(), s1.attempts), ("s1", 4));
    close(s1.facility, 0.625);
    close(s1.sd, (0.6875f64 / 3.0).sqrt());
    // x = 4,4,2,0 against T - x = 4,2,0,4: sxy = -1, sxx = syy = 11.
    close(s1.discrimination, -1.0 / 11.0);
    assert_eq!(s1.most_chosen_wrong, Some(Nysalg));
    assert_eq!(s1.flag, Some(Flag::NegativeDiscrimination));
    let s2 = &q.items[1];
    close(s2.facility, 0.625);
    close(s2.discrimination, -1.0 / 11.0);
    assert_eq!(
        s2.most_chosen_wrong,
        Some(Nysalg),
        "a tie goes to the taxonomy's order"
    );

    // Zero variance: everyone right on the only question.
    let z = r.quizzes.iter().find(|q| q.quiz_id == "z").unwrap();
    assert_eq!(z.attempts, 3);
    close(z.items[0].facility, 1.0);
    close(z.items[0].sd, 0.0);
    assert_eq!(z.items[0].discrimination, None, "T - x does not vary");
    assert_eq!(z.items[0].flag, Some(Flag::TooEasy));
    assert_eq!(z.alpha, None, "one question");
    assert_eq!(z.pass_rate, Some(1.0));

    // Class figures: Mersalg right 3 of 4, Kryssalg 2 of 4, Gjensalg 3 of 3.
    let ratio = |t: SaleType| (r.by_type[t.index()].right, r.by_type[t.index()].total);
    assert_eq!(ratio(Mersalg), (3, 4));
    assert_eq!(ratio(Kryssalg), (2, 4));
    assert_eq!(ratio(Gjensalg), (3, 3));
    assert_eq!(r.matrix.counts[Kryssalg.index()][Nysalg.index()], 1);
    assert_eq!(r.matrix.counts[Kryssalg.index()][Tilleggssalg.index()], 1);
    assert_eq!(r.matrix.counts[Mersalg.index()][Nysalg.index()], 1);
    assert_eq!(r.top_confusions().len(), 3);

    let c = r.trainees.iter().find(|t| t.name == "C").unwrap();
    assert_eq!(c.quiz_attempts, 2);
    close(c.mean, 62.5);
    let help = render::needs_help(c, Language::En).unwrap();
    assert!(help.starts_with("telling kryssalg from nysalg"), "{help}");
    assert!(
        help.contains("cross-sale"),
        "the deciding difference: {help}"
    );

    // Every attempt: A's second attempt counts too.
    let all = report_on(dir.path(), AttemptChoice::All);
    let q = all.quizzes.iter().find(|q| q.quiz_id == "q").unwrap();
    assert_eq!((q.attempts, all.left_out), (5, 0));
    close(q.mean, (100.0 + 75.0 + 25.0 + 50.0) / 5.0);
}

#[test]
fn the_reading_counts_its_files_and_problems() {
    let dir = class_folder(write_small_class);
    fs::write(dir.path().join("notes.txt"), "not an export").unwrap();
    let progress = salgstrener::domain::background::Progress::default();
    let r = class_report::report_counting(
        &[dir.path().to_path_buf()],
        AttemptChoice::First,
        &BankInfo::default(),
        &progress,
    );
    let seen = progress.snapshot();
    assert_eq!(
        (seen.files_read, seen.files_total, seen.problems),
        (5, 5, 1)
    );
    assert_eq!(r.trainees.len(), 4);
}

#[test]
fn an_empty_input_gives_an_empty_report() {
    let dir = tempfile::tempdir().unwrap();
    let r = report_on(dir.path(), AttemptChoice::First);
    assert!(r.is_empty());
    assert!(r.quizzes.is_empty() && r.practice.is_empty() && r.problems.is_empty());
    assert_eq!(r.answers(), 0);
    // Still renders without a panic.
    assert!(render::text(&r, Language::Nb).contains("Klasserapport"));
    assert_eq!(render::items_csv(&r).lines().count(), 1);
}

#[test]
fn the_same_statements_read_twice_count_once() {
    let dir = class_folder(write_small_class);
    let once = report_on(dir.path(), AttemptChoice::First);

    // The same file twice, and a new export of A's history in another folder.
    let again = dir.path().join("again");
    fs::create_dir(&again).unwrap();
    fs::copy(dir.path().join("a.json"), again.join("a-copy.json")).unwrap();
    let (_, a) = &small_class()[0];
    fs::write(again.join("a-reexport.json"), export("a", a)).unwrap();
    let twice = report(
        &[dir.path().to_path_buf(), dir.path().join("b.json")],
        AttemptChoice::First,
    );
    assert!(twice.duplicates > 0);
    assert_eq!(twice.quizzes, once.quizzes);
    assert_eq!(twice.trainees, once.trainees);
    assert_eq!(twice.matrix, once.matrix);

    // A results CSV of the same history adds nothing either.
    let csv = salgstrener::domain::interop::results_csv::history_csv(a);
    let with_csv_dir = tempfile::tempdir().unwrap();
    fs::write(with_csv_dir.path().join("a.csv"), csv).unwrap();
    let mixed = report(
        &[dir.path().to_path_buf(), with_csv_dir.path().to_path_buf()],
        AttemptChoice::First,
    );
    assert_eq!(mixed.quizzes, once.quizzes);
}

#[test]
fn a_results_csv_is_one_trainee_named_after_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, d) = &small_class()[3];
    fs::write(
        dir.path().join("dina.csv"),
        salgstrener::domain::interop::results_csv::history_csv(d),
    )
    .unwrap();
    let r = report_on(dir.path(), AttemptChoice::First);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.trainees.len(), 1);
    assert_eq!(r.trainees[0].name, "dina");
    close(r.trainees[0].mean, 50.0);
}

#[test]
fn bad_input_is_listed_with_file_and_position_and_the_rest_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_small_class(d);
    // E answered like D, in an attempt of their own.
    let mut e = small_class()[3].1.clone();
    e.attempts[0].registration = uuid::Uuid::from_u128(41).to_string();
    let good = export("e", &e);
    let mut statements: Vec<serde_json::Value> = serde_json::from_str(&good).unwrap();
    let first = statements[0].clone();
    let mut bad_verb = first.clone();
    bad_verb["verb"] = serde_json::json!(3);
    let mut foreign = first.clone();
    foreign["verb"]["id"] = serde_json::json!("http://example.org/verbs/liked");
    foreign["context"]["platform"] = serde_json::json!("Other");
    let mut no_id = first.clone();
    no_id.as_object_mut().unwrap().remove("id");
    let mut bad_score = first.clone();
    bad_score["result"]["score"]["raw"] = serde_json::json!(7);
    let mut bad_response = first.clone();
    bad_response["result"]["response"] = serde_json::json!("Oppsalg");
    bad_response["id"] = serde_json::json!(uuid::Uuid::from_u128(99).to_string());
    statements.extend([bad_verb, foreign, no_id, bad_score, bad_response]);
    fs::write(
        d.join("mixed.json"),
        serde_json::to_string_pretty(&statements).unwrap(),
    )
    .unwrap();
    fs::write(d.join("notes.txt"), "hei, dette er ikke JSON").unwrap();
    fs::write(d.join("broken.json"), "[\n  {\"id\": \"x\",\n").unwrap();
    fs::write(d.join("binary.json"), [0xff, 0xfe, 0x00]).unwrap();
    fs::write(
        d.join("lrs.json"),
        format!("{{\"statements\": {good}, \"more\": \"/xapi/statements?more=2\"}}"),
    )
    .unwrap();
    fs::write(d.join("wrong.csv"), "registration,scenario_id\nx,y\n").unwrap();
    fs::write(
        d.join("rows.csv"),
        "registration,kind,quiz_id,scenario_id,right_type,chosen_type,points\nr1,quiz,q,s1,Oppsalg,Mersalg,4\nr1,quiz,q,s2,Kryssalg,Kryssalg,9\n",
    )
    .unwrap();
    let missing = d.join("does-not-exist");
    let r = report(&[d.to_path_buf(), missing.clone()], AttemptChoice::First);

    let about = |file: &str| -> Vec<String> {
        r.problems
            .iter()
            .filter(|p| p.path.file_name().is_some_and(|n| n == file))
            .map(ToString::to_string)
            .collect()
    };
    let mixed = about("mixed.json");
    assert_eq!(mixed.len(), 5, "{mixed:#?}");
    for part in [
        "is not a valid xAPI statement",
        "not a Salgstreneren answer",
        "no valid statement id",
        "no score from 0 to 4",
        "\"Oppsalg\"",
    ] {
        assert_a_line_contains(&mixed, part);
    }
    // Every statement problem has a line and column past the good statements.
    for p in r.problems.iter().filter(|p| p.path.ends_with("mixed.json")) {
        assert!(p.position.is_some_and(|pos| pos.line > 10), "{p}");
    }
    assert!(about("notes.txt")[0].contains("neither JSON"));
    let broken = &r
        .problems
        .iter()
        .find(|p| p.path.ends_with("broken.json"))
        .unwrap();
    assert!(broken.position.is_some_and(|p| p.line >= 2), "{broken}");
    assert!(about("binary.json")[0].contains("UTF-8"));
    assert!(about("lrs.json")[0].contains("more statements"));
    assert!(about("wrong.csv")[0].contains("right_type"));
    let rows = about("rows.csv");
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert!(
        rows[0].contains(":2:5:") && rows[0].contains("Oppsalg"),
        "{rows:#?}"
    );
    assert!(
        rows[1].contains(":3:7:") && rows[1].contains("points"),
        "{rows:#?}"
    );
    assert!(r.problems.iter().any(|p| p.path == missing));
    assert_eq!(r.problems.len(), 5 + 7 + 1);

    // The rest is reported: the four trainees and E (whose good statements were read
    // from mixed.json and again from lrs.json, counted once).
    assert_eq!(r.trainees.len(), 5);
    assert!(r.duplicates > 0);
    let q = r.quizzes.iter().find(|q| q.quiz_id == "q").unwrap();
    assert_eq!(q.attempts, 5);
}

#[test]
fn statements_from_the_app_that_the_report_does_not_use_are_not_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut statements: Vec<serde_json::Value> =
        serde_json::from_str(&export("a", &small_class()[0].1)).unwrap();
    let mut other = statements[0].clone();
    other["verb"]["id"] = serde_json::json!("http://adlnet.gov/expapi/verbs/experienced");
    statements.push(other);
    fs::write(
        dir.path().join("a.json"),
        serde_json::to_string(&statements).unwrap(),
    )
    .unwrap();
    let r = report_on(dir.path(), AttemptChoice::First);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.ignored, 1);
}

fn elements(node: &Handle, out: &mut Vec<String>) {
    if let NodeData::Element { name, .. } = &node.data {
        out.push(name.local.to_string());
    }
    for child in node.children.borrow().iter() {
        elements(child, out);
    }
}

fn text_of(node: &Handle, out: &mut String) {
    if let NodeData::Text { contents } = &node.data {
        out.push_str(&contents.borrow());
    }
    for child in node.children.borrow().iter() {
        text_of(child, out);
    }
}

#[test]
fn the_html_report_is_valid_self_contained_html5() {
    let dir = class_folder(write_small_class);
    let r = report_on(dir.path(), AttemptChoice::First);
    for language in [Language::Nb, Language::En] {
        let page = html::html(&r, language);
        let dom = html5ever::parse_document(RcDom::default(), Default::default())
            .from_utf8()
            .read_from(&mut page.as_bytes())
            .unwrap();
        let errors = dom.errors.borrow();
        assert!(errors.is_empty(), "HTML5 parse errors: {errors:?}");
        let mut names = Vec::new();
        elements(&dom.document, &mut names);
        for needed in [
            "html", "head", "title", "style", "body", "svg", "table", "rect",
        ] {
            assert!(names.iter().any(|n| n == needed), "no <{needed}>");
        }
        for forbidden in ["script", "link", "img", "iframe"] {
            assert!(
                !names.iter().any(|n| n == forbidden),
                "<{forbidden}> is not self-contained"
            );
        }
        let mut text = String::new();
        text_of(&dom.document, &mut text);
        let flagged = if language == Language::En {
            "Scenarios to look at"
        } else {
            "Scenarioer som bør ses på"
        };
        // The flagged scenarios come before the chart and the matrix.
        let at_flagged = text.find(flagged).unwrap();
        assert!(
            at_flagged
                < text
                    .find(if language == Language::En {
                        "Confusion matrix"
                    } else {
                        "Forvekslingsmatrise"
                    })
                    .unwrap()
        );
        assert!(text.contains("s1") && text.contains("Quiz q"));
        assert!(text.contains("telling kryssalg from nysalg") || language == Language::Nb);
    }
    // Text from the statements is escaped, never markup.
    let mut evil = small_class();
    evil[0].1.attempts[0].quiz_title = "<script>alert(1)</script>".into();
    let evil_dir = tempfile::tempdir().unwrap();
    fs::write(evil_dir.path().join("a.json"), export("a", &evil[0].1)).unwrap();
    let page = html::html(
        &report(&[evil_dir.path().to_path_buf()], AttemptChoice::First),
        Language::En,
    );
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;"));
}

#[test]
fn the_csv_has_the_documented_columns() {
    let dir = class_folder(write_small_class);
    let r = report_on(dir.path(), AttemptChoice::First);
    let csv = render::items_csv(&r);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("quiz_id,scenario_id,attempts,facility,sd,discrimination,most_chosen_wrong_type,flag")
    );
    assert_eq!(
        lines.next(),
        Some("q,s1,4,0.625,0.479,-0.091,Nysalg,negative-discrimination")
    );
    assert_eq!(
        lines.next(),
        Some("q,s2,4,0.625,0.479,-0.091,Nysalg,negative-discrimination")
    );
    assert_eq!(lines.next(), Some("z,s3,3,1.000,0.000,,,too-easy"));
    assert_eq!(lines.next(), None);
}

#[test]
fn the_binary_reports_a_generated_class() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    let shape = sample::ClassShape {
        trainees: 30,
        ..sample::ClassShape::REALISTIC
    };
    sample::write_class(&class, shape, 7).unwrap();
    let empty = dir.path().join("empty-bank");
    fs::create_dir(&empty).unwrap();
    let run = |args: &[&str]| {
        common::binary()
            .args(["--scenarios", empty.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap()
    };
    let report_to = |format: &str, out: &Path| {
        run(&[
            "class",
            class.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ])
    };
    let out = dir.path().join("report.html");
    let html = report_to("html", &out);
    assert_eq!(
        html.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&html.stderr)
    );
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    let csv_out = dir.path().join("items.csv");
    let csv = report_to("csv", &csv_out);
    assert_eq!(csv.status.code(), Some(0));
    let rows = fs::read_to_string(&csv_out).unwrap();
    // 3 quizzes of 12 scenarios, and practice rows.
    assert!(
        rows.lines().filter(|l| l.starts_with("modul-")).count() == 36,
        "{rows}"
    );
    // Each generated conversation's decision is an item under the conversation's id.
    for id in ["samtale-1", "samtale-2"] {
        assert!(
            rows.lines().any(|l| l.starts_with(&format!("{id},{id},"))),
            "{rows}"
        );
    }
    // The wrong key on purpose is found.
    assert!(
        rows.lines()
            .any(|l| l.starts_with("modul-1,scenario-011,")
                && l.ends_with("negative-discrimination")),
        "{rows}"
    );

    let text = run(&["class", class.to_str().unwrap(), "--language", "nb"]);
    assert_eq!(text.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(stdout.contains("30 deltakere"), "{stdout}");
    assert!(stdout.contains("Salgssamtaler"), "{stdout}");
    assert!(
        !stdout.contains("utsagn fra appen som rapporten ikke bruker"),
        "{stdout}"
    );

    // Some bad input: written, exit code 1, the problem on stderr.
    fs::write(class.join("notes.txt"), "not an export").unwrap();
    let with_problem = run(&["class", class.to_str().unwrap()]);
    assert_eq!(with_problem.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&with_problem.stderr).contains("notes.txt"));

    // Nothing readable, or a usage error: exit code 2.
    let nothing = run(&["class", dir.path().join("nope").to_str().unwrap()]);
    assert_eq!(nothing.status.code(), Some(2));
    assert_eq!(run(&["class"]).status.code(), Some(2));
}

/// Plays the fixture conversation `sport-samtale-lopesko`: `replies` by their place on
/// screen, then (when it reaches the decision) `decision` with an offer of that fit.
fn played(replies: &[usize], decision: Option<(SaleType, Fit)>, finished: &str) -> Attempt {
    use salgstrener::domain::bank::{Bank, BankSource};
    use salgstrener::domain::training::answer::Pick;
    use salgstrener::domain::training::talk::{Talk, TalkAction};

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conversations/good");
    let bank = Bank::load(BankSource::Folder(dir)).unwrap();
    let i = bank.conversation_index("sport-samtale-lopesko").unwrap();
    let mut talk = Talk::new(bank.conversations()[i].clone(), 7);
    for reply in replies {
        talk.apply(TalkAction::Reply(*reply));
    }
    if let Some((sale_type, fit)) = decision {
        let offer = talk
            .answer()
            .unwrap()
            .offer_order
            .iter()
            .position(|&o| talk.conversation().offers[o].fit == fit)
            .unwrap();
        talk.apply(TalkAction::Pick(Pick::Type(sale_type)));
        talk.apply(TalkAction::Pick(Pick::Offer(offer)));
        talk.apply(TalkAction::Check);
    }
    let end = at(finished);
    talk.attempt(end - jiff::SignedDuration::from_mins(4), end)
}

/// Kari plays the best path and decides right (10 of 10). Ola first makes the customer
/// leave at the first step, then reaches the decision with two acceptable replies and
/// decides wrong.
fn conversation_class(dir: &Path) {
    let kari = played(
        &[0, 0, 0],
        Some((Kryssalg, Fit::Best)),
        "2026-11-27T10:04:00Z",
    );
    assert_eq!((kari.points(), kari.max_points()), (10, 10));
    let left = played(&[2], None, "2026-11-27T11:00:00Z");
    assert!(left.conversation.as_ref().unwrap().left.is_some());
    let second = played(&[1, 1], Some((Nysalg, Fit::Poor)), "2026-11-28T11:00:00Z");
    assert_eq!(second.points(), 2);
    let kari = History {
        version: 1,
        attempts: vec![kari],
    };
    let ola = History {
        version: 1,
        attempts: vec![left, second],
    };
    // Kari's history both as a results CSV and as xAPI: it counts once.
    fs::write(
        dir.join("kari.csv"),
        salgstrener::domain::interop::results_csv::history_csv(&kari),
    )
    .unwrap();
    fs::write(dir.join("kari.json"), export("kari", &kari)).unwrap();
    fs::write(dir.join("ola.json"), export("ola", &ola)).unwrap();
}

#[test]
fn conversations_are_read_from_xapi_and_csv_and_summarised() {
    let dir = class_folder(conversation_class);
    let r = report_on(dir.path(), AttemptChoice::First);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.ignored, 0, "every conversation statement is used");
    assert_eq!(
        r.duplicates, 5,
        "kari's xAPI repeats her CSV: 3 replies, decision, completed"
    );
    assert!(r.quizzes.is_empty(), "a conversation is not a quiz");
    assert_eq!(r.left_out, 1, "ola's second attempt");
    assert_eq!(r.trainees.len(), 2);

    assert_eq!(r.conversations.len(), 1);
    let c = &r.conversations[0];
    assert_eq!(c.conversation_id, "sport-samtale-lopesko");
    assert_eq!((c.attempts, c.left), (2, 1));
    close(c.left_share(), 0.5);
    close(c.reply_mean, 3.0);
    assert_eq!(c.best_points, Some(6));
    close(c.reply_share, 0.5);
    // Ola's poor reply at the first step is the lowest mean.
    let (step, mean, n) = c.weakest_step.clone().unwrap();
    assert_eq!((step.as_str(), n), ("kassa", 2));
    close(Some(mean), 1.0);
    // The decision is an item: only kari reached it in a first attempt.
    let d = c.decision().unwrap();
    assert_eq!(
        (d.quiz_id.as_deref(), d.scenario_id.as_str(), d.attempts),
        (Some("sport-samtale-lopesko"), "sport-samtale-lopesko", 1)
    );
    close(d.facility, 1.0);
    assert_eq!(d.flag, Some(Flag::TooEasy));
    // The decision is a sale-type answer in the class's accuracy.
    assert_eq!((r.answers(), r.by_type[Kryssalg.index()].right), (1, 1));
    let kari = r.trainees.iter().find(|t| t.name == "kari").unwrap();
    assert_eq!(kari.conversations, 1);
    close(kari.conversation_share, 1.0);

    // Every attempt: ola's wrong decision and acceptable replies count too.
    let all = report_on(dir.path(), AttemptChoice::All);
    let c = &all.conversations[0];
    assert_eq!((c.attempts, c.left, all.left_out), (3, 1, 0));
    close(c.reply_mean, 8.0 / 3.0);
    let d = c.decision().unwrap();
    assert_eq!((d.attempts, d.most_chosen_wrong), (2, Some(Nysalg)));
    close(d.facility, 0.5);
    assert_eq!(
        all.matrix.counts[Kryssalg.index()][Nysalg.index()],
        1,
        "ola took the cross-sale for a new sale"
    );

    // Each output names the conversation and its figures.
    let csv = render::items_csv(&r);
    assert!(
        csv.lines()
            .any(|l| l == "sport-samtale-lopesko,sport-samtale-lopesko,1,1.000,,,,too-easy"),
        "{csv}"
    );
    let text = render::text(&r, Language::En);
    assert!(
        text.contains("the customer left 1 times (50.0 %)"),
        "{text}"
    );
    assert!(
        text.contains("The replies earned on average 3.0 of the best path's 6 points (50.0 %)"),
        "{text}"
    );
    assert!(text.contains("Weakest step: kassa"), "{text}");
    assert!(text.contains("1 conversations, replies 100.0 % of the best path"));
    let page = html::html(&r, Language::Nb);
    assert!(page.contains("id=\"conversations\""));
    assert!(page.contains("kunden gikk 1 ganger (50.0 %)"), "{page}");
}

#[test]
fn a_conversation_reads_the_same_from_csv_and_from_xapi() {
    let dir = class_folder(conversation_class);
    let from_csv = report(&[dir.path().join("kari.csv")], AttemptChoice::First);
    let from_xapi = report(&[dir.path().join("kari.json")], AttemptChoice::First);
    assert!(from_csv.problems.is_empty(), "{:?}", from_csv.problems);
    assert_eq!(from_csv.conversations, from_xapi.conversations);
    assert_eq!(from_csv.conversations[0].best_points, Some(6));
}

#[test]
fn points_past_what_their_cells_can_add_up_to_are_a_problem_not_a_crash() {
    // Two answer-point cells of 200 and 100 with the points cell empty: their sum does not fit
    // the score's type, so the row is a problem; and the best path's points at the top of
    // their range are not a crash either.
    let (_, d) = &small_class()[3];
    let text = salgstrener::domain::interop::results_csv::history_csv(d);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).unwrap();
    for (i, row) in reader.records().enumerate() {
        let mut row: Vec<String> = row.unwrap().iter().map(str::to_owned).collect();
        if i == 0 {
            row[column("points")] = String::new();
            row[column("type_points")] = "200".into();
            row[column("offer_points")] = "100".into();
        }
        row[column("best_points")] = u32::MAX.to_string();
        out.write_record(&row).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("dina.csv"), out.into_inner().unwrap()).unwrap();
    let r = report_on(dir.path(), AttemptChoice::First);
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert!(
        r.problems[0].to_string().contains("`points`"),
        "{}",
        r.problems[0]
    );
}
