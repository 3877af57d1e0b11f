//! The history exports: xAPI statements checked property by property against the xAPI 1.0.3
//! data model, and the results CSV.

mod common;

use common::{assert_contains, assert_ends_with};

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use serde_json::Value;
use uuid::Uuid;

use salgstrener::domain::bank::scenario::Fit;
use salgstrener::domain::interop::results_csv::{RESULT_COLUMNS, history_csv};
use salgstrener::domain::interop::xapi::{
    Actor, DEFAULT_ACTOR_MBOX, DEFAULT_ACTOR_NAME, DEFAULT_BASE_IRI, XapiOptions, is_absolute_iri,
    statements, statements_json, verbs,
};
use salgstrener::domain::progress::history::{
    AnswerRecord, Attempt, AttemptKind, Confidence, History, new_registration,
};
use salgstrener::domain::teaching::taxonomy::SaleType;
use salgstrener::domain::training::scoring::{offer_points, type_points};

fn at(s: &str) -> Timestamp {
    s.parse().expect("test timestamp")
}

/// An answer with the type `chosen` and an offer of fit `fit`.
fn answer(
    id: &str,
    right: SaleType,
    chosen: SaleType,
    fit: Fit,
    confidence: Option<Confidence>,
) -> AnswerRecord {
    AnswerRecord {
        chosen_type: Some(chosen),
        chosen_offer: Some(format!("Et tilbud, «{fit:?}», med komma, og \"sitat\"")),
        offer_fit: Some(fit),
        confidence,
        type_points: type_points(right, chosen),
        offer_points: offer_points(fit),
        answered_at: Some(at("2026-11-27T10:05:00Z")),
        ..unanswered(id, right)
    }
}

/// A question left unanswered.
fn unanswered(id: &str, right: SaleType) -> AnswerRecord {
    AnswerRecord {
        scenario_id: id.into(),
        right_type: right,
        ..AnswerRecord::default()
    }
}

/// A history with every case the export must handle.
fn history() -> History {
    use Confidence::*;
    use Fit::*;
    use SaleType::*;
    History {
        version: 1,
        attempts: vec![
            // A passed quiz, partial credit, one unanswered question.
            Attempt {
                registration: new_registration(),
                kind: AttemptKind::Quiz,
                quiz_id: "modul-1".into(),
                quiz_title: "Modul 1: følgesalg".into(),
                started: at("2026-11-27T10:00:00Z"),
                finished: at("2026-11-27T10:12:30.25Z"),
                pass_percent: Some(50),
                partial_credit: true,
                answers: vec![
                    answer("klaer-belte", Tilleggssalg, Tilleggssalg, Best, Some(High)),
                    answer("bil-takboks", Tilleggssalg, Kryssalg, Acceptable, Some(Low)),
                    unanswered("ubesvart", Nysalg),
                ],
                conversation: None,
            },
            // A failed quiz without partial credit.
            Attempt {
                registration: new_registration(),
                kind: AttemptKind::Quiz,
                quiz_id: "eksamen 2/æ".into(),
                quiz_title: String::new(),
                started: at("2026-11-28T09:00:00+01:00"),
                finished: at("2026-11-28T09:30:00+01:00"),
                pass_percent: Some(80),
                partial_credit: false,
                answers: vec![
                    answer("a", Mersalg, Gjensalg, Best, None),
                    answer("b", Nysalg, Nysalg, Best, Some(Medium)),
                ],
                conversation: None,
            },
            // Practice: no pass mark, and an old registration that is not a UUID.
            Attempt {
                registration: "old-1".into(),
                kind: AttemptKind::Practice,
                quiz_id: "practice".into(),
                quiz_title: "Øving".into(),
                started: at("2026-11-29T08:00:00Z"),
                finished: at("2026-11-29T08:01:00Z"),
                pass_percent: None,
                partial_credit: true,
                answers: vec![answer("c", Gjensalg, Gjensalg, Poor, None)],
                conversation: None,
            },
            // An empty attempt: completed without a score.
            Attempt {
                registration: new_registration(),
                quiz_id: "tom".into(),
                started: at("2026-11-30T08:00:00Z"),
                finished: at("2026-11-30T07:59:00Z"),
                ..Attempt::default()
            },
        ],
    }
}

// ------------------------------------------------------------ xAPI 1.0.3 checks

// The properties xAPI 1.0.3 allows on each object (Data, section 2.4).

/// On a statement.
const STATEMENT_KEYS: &[&str] = &[
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "version",
    "attachments",
];

/// On a result.
const RESULT_KEYS: &[&str] = &[
    "score",
    "success",
    "completion",
    "response",
    "duration",
    "extensions",
];

/// On a context.
const CONTEXT_KEYS: &[&str] = &[
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
];

/// On a definition.
const DEFINITION_KEYS: &[&str] = &[
    "name",
    "description",
    "type",
    "moreInfo",
    "extensions",
    "interactionType",
    "correctResponsesPattern",
    "choices",
    "scale",
    "source",
    "target",
    "steps",
];

fn obj<'a>(v: &'a Value, what: &str) -> &'a serde_json::Map<String, Value> {
    v.as_object()
        .unwrap_or_else(|| panic!("{what} must be an object: {v}"))
}

fn string<'a>(v: Option<&'a Value>, what: &str) -> &'a str {
    v.and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{what} must be a string: {v:?}"))
}

fn only_keys(map: &serde_json::Map<String, Value>, allowed: &[&str], what: &str) {
    for key in map.keys() {
        assert!(
            allowed.contains(&key.as_str()),
            "{what} has an unknown property {key:?}"
        );
    }
}

/// RFC 4122 UUID in the canonical lower-case hyphenated form, variant 1 (RFC 4122).
fn assert_uuid(s: &str, what: &str) {
    let uuid = Uuid::parse_str(s).unwrap_or_else(|_| panic!("{what} {s:?} is not a UUID"));
    assert_eq!(
        uuid.hyphenated().to_string(),
        s,
        "{what} is not in canonical form"
    );
    assert_eq!(uuid.get_variant(), uuid::Variant::RFC4122, "{what}");
    assert!((1..=5).contains(&uuid.get_version_num()), "{what} version");
}

fn assert_iri(s: &str, what: &str) {
    assert!(is_absolute_iri(s), "{what} {s:?} is not an absolute IRI");
}

/// RFC 5646 language tag, the shape the spec asks for in language maps.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn assert_language_map(v: Option<&Value>, what: &str) {
    let map = obj(v.unwrap_or_else(|| panic!("{what} is missing")), what);
    assert!(!map.is_empty(), "{what} is empty");
    for (tag, text) in map {
        assert!(
            is_language_tag(tag),
            "{what}: {tag:?} is not a language tag"
        );
        assert!(text.is_string(), "{what}[{tag}] must be a string");
    }
}

/// ISO 8601 duration as xAPI uses it: `P[nD]T[nH][nM][n[.nn]S]`, at least one part.
fn assert_duration(s: &str) {
    let rest = s
        .strip_prefix('P')
        .unwrap_or_else(|| panic!("duration {s}"));
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut parts = 0;
    let mut check = |part: &str, units: &[char], decimal_unit: char| {
        let mut number = String::new();
        let mut last_unit = None;
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
            } else {
                let i = units
                    .iter()
                    .position(|u| *u == c)
                    .unwrap_or_else(|| panic!("duration {s}: unit {c}"));
                assert!(last_unit.is_none_or(|l| l < i), "duration {s}: unit order");
                assert!(!number.is_empty(), "duration {s}: number missing");
                if number.contains('.') {
                    assert_eq!(
                        c, decimal_unit,
                        "duration {s}: only seconds may have decimals"
                    );
                    let decimals = number.split('.').nth(1).unwrap_or_default();
                    assert!(
                        (1..=2).contains(&decimals.len()),
                        "duration {s}: 0.01 s precision"
                    );
                }
                number
                    .parse::<f64>()
                    .unwrap_or_else(|_| panic!("duration {s}: number"));
                number.clear();
                last_unit = Some(i);
                parts += 1;
            }
        }
        assert!(number.is_empty(), "duration {s}: trailing number");
    };
    check(date, &['Y', 'M', 'W', 'D'], 'D');
    check(time, &['H', 'M', 'S'], 'S');
    assert!(parts > 0, "duration {s} has no parts");
}

fn assert_activity(v: &Value, what: &str) {
    let a = obj(v, what);
    only_keys(a, &["objectType", "id", "definition"], what);
    assert_eq!(string(a.get("objectType"), what), "Activity", "{what}");
    assert_iri(string(a.get("id"), what), &format!("{what}.id"));
    if let Some(def) = a.get("definition") {
        let def = obj(def, "definition");
        only_keys(def, DEFINITION_KEYS, "definition");
        assert_language_map(def.get("name"), &format!("{what}.definition.name"));
        if def.contains_key("description") {
            assert_language_map(def.get("description"), "definition.description");
        }
        assert_iri(
            string(def.get("type"), "definition.type"),
            "definition.type",
        );
        // A conversation's reply is an `other` interaction: its response is the reply's text.
        if let Some(kind) = def.get("interactionType").filter(|k| *k != "other") {
            assert_eq!(kind, "choice", "{what}");
            let pattern = def["correctResponsesPattern"].as_array().expect("array");
            let choices = def["choices"].as_array().expect("choices is an array");
            let ids: HashSet<&str> = choices
                .iter()
                .map(|c| {
                    let c = obj(c, "interaction component");
                    only_keys(c, &["id", "description"], "interaction component");
                    assert_language_map(c.get("description"), "component description");
                    string(c.get("id"), "component id")
                })
                .collect();
            assert_eq!(ids.len(), choices.len(), "component ids are unique");
            for p in pattern {
                assert!(ids.contains(string(Some(p), "pattern")), "{p} is a choice");
            }
        }
    }
}

/// Every required property and type of one statement, per xAPI 1.0.3 (Data, section 2.4).
fn assert_conforms(st: &Value) {
    let s = obj(st, "statement");
    only_keys(s, STATEMENT_KEYS, "statement");
    assert_uuid(string(s.get("id"), "id"), "statement id");
    let version = string(s.get("version"), "version");
    assert!(version.starts_with("1.0."), "version {version}");

    let actor = obj(&s["actor"], "actor");
    assert_eq!(string(actor.get("objectType"), "actor.objectType"), "Agent");
    let ifis: Vec<&str> = ["mbox", "mbox_sha1sum", "openid", "account"]
        .into_iter()
        .filter(|k| actor.contains_key(*k))
        .collect();
    assert_eq!(
        ifis.len(),
        1,
        "an Agent has exactly one identifier: {ifis:?}"
    );
    if let Some(mbox) = actor.get("mbox") {
        let mbox = string(Some(mbox), "mbox");
        let address = mbox.strip_prefix("mailto:").expect("mbox is a mailto IRI");
        assert!(address.contains('@'), "{mbox}");
    }
    assert!(actor["name"].is_string());

    let verb = obj(&s["verb"], "verb");
    only_keys(verb, &["id", "display"], "verb");
    assert_iri(string(verb.get("id"), "verb.id"), "verb.id");
    assert_language_map(verb.get("display"), "verb.display");

    assert_activity(&s["object"], "object");

    if let Some(result) = s.get("result") {
        let r = obj(result, "result");
        only_keys(r, RESULT_KEYS, "result");
        if let Some(score) = r.get("score") {
            let score = obj(score, "score");
            only_keys(score, &["scaled", "raw", "min", "max"], "score");
            let n = |k: &str| {
                score.get(k).map(|v| {
                    v.as_f64()
                        .unwrap_or_else(|| panic!("score.{k} must be a number"))
                })
            };
            if let Some(scaled) = n("scaled") {
                assert!((-1.0..=1.0).contains(&scaled), "scaled {scaled}");
            }
            if let (Some(min), Some(max)) = (n("min"), n("max")) {
                assert!(min < max, "score.min < score.max");
            }
            if let Some(raw) = n("raw") {
                assert!(n("min").is_none_or(|m| m <= raw) && n("max").is_none_or(|m| raw <= m));
            }
        }
        for flag in ["success", "completion"] {
            if let Some(v) = r.get(flag) {
                assert!(v.is_boolean(), "result.{flag} must be a boolean");
            }
        }
        if let Some(v) = r.get("response") {
            assert!(v.is_string(), "result.response must be a string");
        }
        if let Some(v) = r.get("duration") {
            assert_duration(string(Some(v), "duration"));
        }
        if let Some(ext) = r.get("extensions") {
            for key in obj(ext, "extensions").keys() {
                assert_iri(key, "extension key");
            }
        }
    }

    if let Some(context) = s.get("context") {
        let c = obj(context, "context");
        only_keys(c, CONTEXT_KEYS, "context");
        if let Some(reg) = c.get("registration") {
            assert_uuid(string(Some(reg), "registration"), "registration");
        }
        if let Some(activities) = c.get("contextActivities") {
            let activities = obj(activities, "contextActivities");
            only_keys(
                activities,
                &["parent", "grouping", "category", "other"],
                "contextActivities",
            );
            for list in activities.values() {
                for a in list.as_array().expect("context activities are arrays") {
                    assert_activity(a, "context activity");
                }
            }
        }
        assert!(c.get("platform").is_none_or(Value::is_string));
    }

    let timestamp = string(s.get("timestamp"), "timestamp");
    timestamp
        .parse::<Timestamp>()
        .unwrap_or_else(|e| panic!("timestamp {timestamp}: {e}"));
    assert!(
        timestamp.ends_with('Z') || timestamp.contains('+') || timestamp.rfind('-') > Some(10),
        "timestamp {timestamp} has a time zone"
    );
}

#[test]
fn every_statement_conforms_to_xapi_1_0_3() {
    let h = history();
    let made = statements(&h, &XapiOptions::default());
    assert!(!made.statements.is_empty());
    for st in &made.statements {
        assert_conforms(st);
    }
    let ids: HashSet<&str> = made
        .statements
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), made.statements.len(), "statement ids are unique");
    // The JSON text is an array of the same statements.
    let text = statements_json(&made).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed.as_array().unwrap(), &made.statements);
}

#[test]
fn statements_follow_the_history() {
    let h = history();
    let made = statements(&h, &XapiOptions::default());
    let verbs_of = |reg: &str| -> Vec<&str> {
        made.statements
            .iter()
            .filter(|s| s["context"]["registration"] == reg)
            .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
            .collect()
    };
    let a = &h.attempts;
    // Two answered (the unanswered question has none), completed, passed.
    assert_eq!(
        verbs_of(&a[0].registration),
        ["answered", "answered", "completed", "passed"]
    );
    assert_eq!(
        verbs_of(&a[1].registration),
        ["answered", "answered", "completed", "failed"]
    );
    assert_eq!(made.notes.len(), 1, "{:?}", made.notes);
    assert!(
        made.notes[0].to_string().contains("\"old-1\""),
        "{:?}",
        made.notes
    );
    assert_eq!(made.statements.len(), 4 + 4 + 2 + 1);

    let by_verb = |verb: &str| -> Vec<&Value> {
        made.statements
            .iter()
            .filter(|s| s["verb"]["id"] == verb)
            .collect()
    };
    let answered = by_verb(verbs::ANSWERED);
    let first = answered[0];
    assert_eq!(first["result"]["response"], "Tilleggssalg");
    assert_eq!(first["result"]["score"]["raw"], 4);
    assert_eq!(first["result"]["score"]["scaled"], 1.0);
    assert_eq!(first["result"]["success"], true);
    assert_eq!(
        first["object"]["id"],
        format!("{DEFAULT_BASE_IRI}/scenarios/klaer-belte")
    );
    assert_eq!(
        first["object"]["definition"]["correctResponsesPattern"][0],
        "Tilleggssalg"
    );
    assert_eq!(
        first["context"]["contextActivities"]["parent"][0]["id"],
        format!("{DEFAULT_BASE_IRI}/quizzes/modul-1")
    );
    assert_eq!(first["timestamp"], "2026-11-27T10:05:00Z");
    let ext = &first["result"]["extensions"];
    assert_eq!(
        ext[format!("{DEFAULT_BASE_IRI}/extensions/offer-fit")],
        "Best"
    );
    assert_eq!(
        ext[format!("{DEFAULT_BASE_IRI}/extensions/confidence")],
        "High"
    );
    // Same family: type 1 + offer 1 of 4.
    assert_eq!(answered[1]["result"]["score"]["raw"], 2);
    assert_eq!(answered[1]["result"]["score"]["scaled"], 0.5);
    assert_eq!(answered[1]["result"]["success"], false);
    // Without partial credit a 3 of 4 answer counts 0.
    assert_eq!(answered[2]["result"]["score"]["raw"], 0);
    assert_eq!(
        answered[2]["object"]["id"],
        format!("{DEFAULT_BASE_IRI}/scenarios/a")
    );
    assert_eq!(
        answered[2]["context"]["contextActivities"]["parent"][0]["id"],
        format!("{DEFAULT_BASE_IRI}/quizzes/eksamen%202%2F%C3%A6")
    );

    let completed = by_verb(verbs::COMPLETED);
    assert_eq!(completed.len(), 4);
    assert_eq!(
        completed[0]["result"]["score"],
        serde_json::json!({"raw": 6, "min": 0, "max": 12, "scaled": 0.5})
    );
    assert_eq!(completed[0]["result"]["duration"], "PT12M30.25S");
    assert_eq!(completed[0]["result"]["completion"], true);
    assert_eq!(completed[0]["timestamp"], "2026-11-27T10:12:30.25Z");
    assert_eq!(
        completed[0]["object"]["definition"]["name"]["und"],
        "Modul 1: følgesalg"
    );
    assert_eq!(
        completed[1]["object"]["definition"]["name"]["und"], "eksamen 2/æ",
        "the id when there is no title"
    );
    assert_eq!(completed[1]["result"]["duration"], "PT30M");
    assert_eq!(completed[1]["timestamp"], "2026-11-28T08:30:00Z");
    assert!(
        completed[3]["result"].get("score").is_none(),
        "an empty attempt has no score (xAPI needs min < max)"
    );
    assert_eq!(completed[3]["result"]["duration"], "PT0S");
    // The practice session's made-up registration is shared by all its statements.
    let practice = &made.statements[8..10];
    assert_eq!(
        practice[0]["context"]["registration"],
        practice[1]["context"]["registration"]
    );
    assert_ne!(practice[0]["context"]["registration"], "old-1");

    assert_eq!(by_verb(verbs::PASSED)[0]["result"]["success"], true);
    let failed = by_verb(verbs::FAILED);
    assert_eq!(failed[0]["result"]["success"], false);
    assert_eq!(failed[0]["result"]["score"]["raw"], 4);
    assert_eq!(failed[0]["result"]["score"]["max"], 8);

    for s in &made.statements {
        assert_eq!(s["actor"]["name"], DEFAULT_ACTOR_NAME);
        assert_eq!(s["actor"]["mbox"], DEFAULT_ACTOR_MBOX);
    }
}

#[test]
fn actor_and_base_iri_are_configurable() {
    let options = XapiOptions::new(
        Actor::new(Some("Kari Nordmann"), Some("kari@firma.no")).unwrap(),
        "https://lms.firma.no/xapi/salg/",
    )
    .unwrap();
    let made = statements(&history(), &options);
    for s in &made.statements {
        assert_conforms(s);
        assert_eq!(s["actor"]["mbox"], "mailto:kari@firma.no");
        assert_eq!(s["actor"]["name"], "Kari Nordmann");
        assert!(
            s["object"]["id"]
                .as_str()
                .unwrap()
                .starts_with("https://lms.firma.no/xapi/salg/")
        );
    }
}

// ------------------------------------------------------------ results CSV

#[test]
fn results_csv_has_one_row_per_answer_in_the_documented_columns() {
    let h = history();
    let text = history_csv(&h);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, RESULT_COLUMNS);
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 3 + 2 + 1);
    let r = &rows[1];
    assert_eq!(r["registration"], h.attempts[0].registration);
    assert_eq!(r["kind"], "quiz");
    assert_eq!(r["quiz_title"], "Modul 1: følgesalg");
    assert_eq!(r["started"], "2026-11-27T10:00:00Z");
    assert_eq!(r["finished"], "2026-11-27T10:12:30.25Z");
    assert_eq!(r["scenario_id"], "bil-takboks");
    assert_eq!(r["right_type"], "Tilleggssalg");
    assert_eq!(r["chosen_type"], "Kryssalg");
    assert_eq!(
        r["chosen_offer"],
        "Et tilbud, «Acceptable», med komma, og \"sitat\""
    );
    assert_eq!(r["offer_fit"], "Acceptable");
    assert_eq!(r["confidence"], "Low");
    assert_eq!(
        (
            r["type_points"].as_str(),
            r["offer_points"].as_str(),
            r["points"].as_str()
        ),
        ("1", "1", "2")
    );
    let unanswered = &rows[2];
    for column in ["chosen_type", "chosen_offer", "offer_fit", "confidence"] {
        assert_eq!(unanswered[column], "", "{column}");
    }
    // No partial credit: 3 of 4 points count 0.
    assert_eq!(
        (
            rows[3]["type_points"].as_str(),
            rows[3]["offer_points"].as_str(),
            rows[3]["points"].as_str()
        ),
        ("1", "2", "0")
    );
    assert_eq!(rows[5]["kind"], "practice");
    assert_eq!(
        history_csv(&History::default()),
        format!("{}\n", RESULT_COLUMNS.join(","))
    );
}

#[test]
fn exporting_the_same_history_twice_gives_identical_statements() {
    let h = history();
    let first = statements(&h, &XapiOptions::default());
    let second = statements(&h, &XapiOptions::default());
    assert_eq!(
        first.statements, second.statements,
        "ids and registrations are stable"
    );
    // A longer history (one more attempt) keeps the ids of the attempts it already had.
    let mut longer = h.clone();
    longer.attempts.push(h.attempts[0].clone());
    longer.attempts.last_mut().unwrap().registration = new_registration();
    let third = statements(&longer, &XapiOptions::default());
    assert_eq!(
        &third.statements[..first.statements.len()],
        &first.statements[..]
    );
    // Every completed statement lists its questions, answered or not.
    let completed = first
        .statements
        .iter()
        .find(|s| s["verb"]["id"] == verbs::COMPLETED)
        .unwrap();
    let questions = &completed["result"]["extensions"]
        [format!("{DEFAULT_BASE_IRI}/extensions/questions").as_str()];
    let expected: Vec<&str> = h.attempts[0]
        .answers
        .iter()
        .map(|a| a.scenario_id.as_str())
        .collect();
    assert_eq!(questions, &serde_json::json!(expected));
}

/// A played conversation, saved as an attempt: reply rows and the decision in the CSV, one
/// statement per reply and one for the decision in xAPI, all under one registration.
#[test]
fn a_conversation_exports_its_replies_and_its_decision() {
    use salgstrener::domain::bank::{Bank, BankSource};
    use salgstrener::domain::training::answer::Pick;
    use salgstrener::domain::training::talk::{Talk, TalkAction};

    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conversations/good");
    let bank = Bank::load(BankSource::Folder(dir)).unwrap();
    let i = bank.conversation_index("sport-samtale-lopesko").unwrap();
    let mut talk = Talk::new(bank.conversations()[i].clone(), 7);
    for reply in [0, 0, 0] {
        talk.apply(TalkAction::Reply(reply));
    }
    let best = talk
        .answer()
        .unwrap()
        .offer_order
        .iter()
        .position(|&o| talk.conversation().offers[o].fit == Fit::Best)
        .unwrap();
    talk.apply(TalkAction::Pick(Pick::Type(SaleType::Kryssalg)));
    talk.apply(TalkAction::Pick(Pick::Offer(best)));
    talk.apply(TalkAction::Check);
    let attempt = talk.attempt(at("2026-11-27T10:00:00Z"), at("2026-11-27T10:04:00Z"));
    assert_eq!((attempt.points(), attempt.max_points()), (10, 10));
    let h = History {
        version: 1,
        attempts: vec![attempt],
    };

    let text = history_csv(&h);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 3 + 1, "{text}");
    assert_contains(
        lines[1],
        ",conversation,sport-samtale-lopesko,Løpesko og mørke kvelder,2026-11-27T10:00:00Z,2026-11-27T10:04:00Z,sport-samtale-lopesko,,,,,,,,2,kassa,Så bra! Hva skal du bruke dem til?,Good,6",
    );
    assert_ends_with(
        lines[4],
        ",Kryssalg,Kryssalg,En hodelykt med refleksvest,Best,,2,2,4,,,,6",
    );

    let options = XapiOptions::new(Actor::default(), DEFAULT_BASE_IRI).unwrap();
    let made = statements(&h, &options);
    // Three replies, the decision, completed.
    assert_eq!(made.statements.len(), 5);
    for st in &made.statements {
        assert_conforms(st);
        assert_eq!(
            st["context"]["registration"],
            h.attempts[0].registration.as_str()
        );
    }
    assert_eq!(
        made.statements[0]["object"]["id"],
        format!("{DEFAULT_BASE_IRI}/conversations/sport-samtale-lopesko/steps/kassa")
    );
    assert_eq!(
        made.statements[0]["result"]["response"],
        "Så bra! Hva skal du bruke dem til?"
    );
    assert_eq!(made.statements[0]["result"]["score"]["raw"], 2);
    assert_eq!(made.statements[3]["result"]["response"], "Kryssalg");
    assert_eq!(made.statements[4]["result"]["score"]["raw"], 10);
}

#[test]
fn a_history_written_before_conversations_still_loads() {
    let text = r#"(version: 1, attempts: [(registration: "r", kind: Practice, quiz_id: "practice", answers: [(scenario_id: "a", right_type: Mersalg, type_points: 2)])])"#;
    let h: History = ron::from_str(text).unwrap();
    assert_eq!(h.attempts[0].conversation, None);
    assert_eq!(h.attempts[0].max_points(), 4);
}
