//! The trainee's history as xAPI 1.0.3 statements, for a learning record store (LRS).
//!
//! Per attempt (quiz or practice session), in this order:
//! - one `answered` statement per answered question: the object is the scenario as a
//!   `choice` interaction, `result.response` the chosen sale type, the score the app's points
//!   (0-4, under the attempt's partial-credit rule), `success` true for full points; the chosen
//!   offer, its fit and the trainee's confidence are result extensions;
//! - one `completed` statement for the quiz with the attempt's score and duration;
//! - one `passed` or `failed` statement when the attempt has a pass mark.
//!
//! Unanswered questions get no `answered` statement (nothing was answered); they still count
//! as 0 points in the attempt's score. Every statement of an attempt carries the attempt's
//! registration, so an LRS can group them.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::ExportError;
use super::csv::fit_name;
use crate::bank::conversation::Quality;
use crate::i18n::FileMessage;
use crate::language::Language;
use crate::progress::history::{AnswerRecord, Attempt, AttemptKind, History, ReplyRecord};
use crate::teaching::taxonomy::SaleType;
use crate::training::scoring::Score;

/// The specification version the statements follow.
pub const XAPI_VERSION: &str = "1.0.3";
/// Activity ids are made under this IRI unless another is given.
pub const DEFAULT_BASE_IRI: &str = "https://salgstreneren.example/xapi";
/// The actor's name when none is given.
pub const DEFAULT_ACTOR_NAME: &str = "Trainee";
/// The actor's mailbox when none is given: on the reserved `.example` domain, so it can never
/// reach or impersonate a real person. Give `--actor-email` before sending to a real LRS.
pub const DEFAULT_ACTOR_MBOX: &str = "mailto:trainee@salgstreneren.example";
/// Shown as `context.platform`.
pub const PLATFORM: &str = "Salgstreneren";

/// ADL verb ids.
pub mod verbs {
    /// The trainee answered a question.
    pub const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
    /// The trainee finished a quiz or practice session.
    pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
    /// The attempt reached the pass mark.
    pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
    /// The attempt stayed below the pass mark.
    pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
}

/// ADL activity types.
mod activity_types {
    pub const COURSE: &str = "http://adlnet.gov/expapi/activities/course";
    pub const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
    pub const LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
    pub const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
}

/// Bad options for the export, in words for the person who typed them. `Display` gives
/// English; [`XapiError::message`] gives it in either language.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{}", self.message())]
pub enum XapiError {
    /// The e-mail address cannot be an xAPI mailbox.
    BadEmail(String),
    /// The actor's name is empty.
    EmptyName,
    /// The base IRI is not an absolute IRI.
    BadBaseIri(String),
}

impl XapiError {
    /// The problem as a message.
    pub fn message(&self) -> FileMessage {
        match self {
            XapiError::BadEmail(email) => FileMessage::BadEmail {
                email: email.clone(),
            },
            XapiError::EmptyName => FileMessage::EmptyActorName {
                default: DEFAULT_ACTOR_NAME.into(),
            },
            XapiError::BadBaseIri(iri) => FileMessage::BadBaseIri { iri: iri.clone() },
        }
    }
}

/// Who the statements are about: an xAPI Agent identified by a mailbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Display name.
    pub name: String,
    /// `mailto:` IRI.
    pub mbox: String,
}

impl Default for Actor {
    fn default() -> Self {
        Self {
            name: DEFAULT_ACTOR_NAME.to_owned(),
            mbox: DEFAULT_ACTOR_MBOX.to_owned(),
        }
    }
}

impl Actor {
    /// An actor from optional command-line values; missing ones take the defaults. The
    /// e-mail may be given with or without `mailto:`.
    pub fn new(name: Option<&str>, email: Option<&str>) -> Result<Actor, XapiError> {
        let name = match name.map(str::trim) {
            None => DEFAULT_ACTOR_NAME.to_owned(),
            Some("") => return Err(XapiError::EmptyName),
            Some(n) => n.to_owned(),
        };
        let mbox = match email {
            None => DEFAULT_ACTOR_MBOX.to_owned(),
            Some(raw) => {
                let address = raw.trim();
                let address = address.strip_prefix("mailto:").unwrap_or(address);
                if !is_email(address) {
                    return Err(XapiError::BadEmail(raw.to_owned()));
                }
                format!("mailto:{address}")
            }
        };
        Ok(Actor { name, mbox })
    }

    fn to_json(&self) -> Value {
        json!({ "objectType": "Agent", "name": self.name, "mbox": self.mbox })
    }
}

/// True for an address xAPI validators accept in a `mailto:` IRI: ASCII only (they reject
/// `ø@firma.no`), a local part of the characters RFC 5322 allows without quotes, and a domain
/// of at least two dot-separated labels of letters, digits and inner hyphens (they reject
/// `kari@firma`).
fn is_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c))
        });
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// What the statements are made with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XapiOptions {
    /// Who the statements are about.
    pub actor: Actor,
    /// Activity ids are made under this IRI (without a trailing `/`).
    pub base_iri: String,
}

impl Default for XapiOptions {
    fn default() -> Self {
        Self {
            actor: Actor::default(),
            base_iri: DEFAULT_BASE_IRI.to_owned(),
        }
    }
}

impl XapiOptions {
    /// Options with a base IRI checked to be absolute (`scheme:...`, no spaces).
    pub fn new(actor: Actor, base_iri: &str) -> Result<XapiOptions, XapiError> {
        let trimmed = base_iri.trim().trim_end_matches('/');
        if !is_absolute_iri(trimmed) {
            return Err(XapiError::BadBaseIri(base_iri.to_owned()));
        }
        Ok(XapiOptions {
            actor,
            base_iri: trimmed.to_owned(),
        })
    }

    fn quiz_iri(&self, attempt: &Attempt) -> String {
        let id = if attempt.quiz_id.is_empty() {
            "unnamed"
        } else {
            &attempt.quiz_id
        };
        let folder = match attempt.kind {
            AttemptKind::Conversation => "conversations",
            AttemptKind::Quiz | AttemptKind::Practice => "quizzes",
        };
        format!("{}/{folder}/{}", self.base_iri, path_segment(id))
    }

    fn scenario_iri(&self, scenario_id: &str) -> String {
        let id = if scenario_id.is_empty() {
            "unknown"
        } else {
            scenario_id
        };
        format!("{}/scenarios/{}", self.base_iri, path_segment(id))
    }

    fn extension(&self, name: &str) -> String {
        format!("{}/extensions/{name}", self.base_iri)
    }
}

/// True for `scheme:rest` with a valid scheme and no characters IRIs forbid.
pub fn is_absolute_iri(iri: &str) -> bool {
    let Some((scheme, rest)) = iri.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !iri.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so any quiz or scenario
/// id makes a valid IRI path segment.
fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An ISO 8601 duration such as `PT12M5.25S`, to the hundredth of a second as xAPI asks.
/// A negative span (a clock set back during the attempt) is written as zero.
pub fn iso8601_duration(duration: SignedDuration) -> String {
    let centis = (duration.as_millis().max(0) / 10) as u128;
    let hours = centis / 360_000;
    let minutes = centis / 6_000 % 60;
    let seconds = centis / 100 % 60;
    let fraction = centis % 100;
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
        if fraction == 0 {
            out.push_str(&format!("{seconds}S"));
        } else {
            let digits = format!("{fraction:02}");
            out.push_str(&format!("{seconds}.{}S", digits.trim_end_matches('0')));
        }
    }
    out
}

/// The statements and anything the person exporting should know about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Statements {
    /// xAPI statements, oldest attempt first.
    pub statements: Vec<Value>,
    /// Notes such as a registration that had to be replaced.
    pub notes: Vec<FileMessage>,
}

/// The namespace of the UUID v5 registrations made for attempts that lack a valid one.
const REGISTRATION_NAMESPACE: Uuid = Uuid::from_u128(0x5a1e_5e2e_7d1a_4c8e_9b3f_6a0d_c1a5_5e01);

/// Makes the statements for a whole history.
///
/// Statement ids are UUID v5 of the attempt's registration, the verb and the question, so
/// exporting the same history twice gives the same ids and an LRS or the class report counts a
/// statement sent twice only once. An attempt without a valid registration gets one derived
/// from its place in the history and its content, just as stable.
pub fn statements(history: &History, options: &XapiOptions) -> Statements {
    let mut out = Statements::default();
    for (number, attempt) in history.attempts.iter().enumerate() {
        let registration = match Uuid::parse_str(&attempt.registration) {
            Ok(uuid) => uuid,
            Err(_) => {
                let uuid = derived_registration(number, attempt);
                out.notes.push(FileMessage::NoRegistrationUuid {
                    n: number + 1,
                    quiz: attempt.quiz_id.clone(),
                    started: attempt.started.to_string(),
                    registration: attempt.registration.clone(),
                    uuid: uuid.to_string(),
                });
                uuid
            }
        };
        let builder = AttemptStatements {
            options,
            attempt,
            registration,
        };
        // A conversation: one statement per reply, then the decision as an answer.
        for (position, reply) in attempt
            .conversation
            .iter()
            .flat_map(|c| &c.replies)
            .enumerate()
        {
            out.statements.push(builder.replied(position, reply));
        }
        for (position, answer) in attempt.answers.iter().enumerate() {
            if answer.chosen_type.is_some() {
                out.statements.push(builder.answered(position, answer));
            }
        }
        out.statements.push(builder.completed());
        if let Some(passed) = attempt.passed() {
            out.statements.push(builder.verdict(passed));
        }
    }
    out
}

/// The id of one statement: UUID v5 in the attempt's registration of the verb and the
/// question (its position and scenario id; empty for statements about the whole attempt).
pub fn statement_id(registration: Uuid, verb: &str, question: Option<(usize, &str)>) -> Uuid {
    let name = match question {
        Some((position, scenario_id)) => format!("{verb} {position} {scenario_id}"),
        None => verb.to_owned(),
    };
    Uuid::new_v5(&registration, name.as_bytes())
}

fn derived_registration(number: usize, attempt: &Attempt) -> Uuid {
    let name = format!(
        "{number} {:?} {} {} {}",
        attempt.registration, attempt.quiz_id, attempt.started, attempt.finished
    );
    Uuid::new_v5(&REGISTRATION_NAMESPACE, name.as_bytes())
}

/// The statements as a pretty-printed JSON array, ready to POST to an LRS's
/// `statements` resource.
pub fn statements_json(statements: &Statements) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(&statements.statements)?;
    text.push('\n');
    Ok(text)
}

struct AttemptStatements<'a> {
    options: &'a XapiOptions,
    attempt: &'a Attempt,
    registration: Uuid,
}

impl AttemptStatements<'_> {
    fn statement(
        &self,
        id: Uuid,
        verb: Value,
        object: Value,
        result: Value,
        parent: bool,
        timestamp: Timestamp,
    ) -> Value {
        let mut activities = Map::new();
        if parent {
            activities.insert("parent".into(), json!([self.quiz_ref()]));
        }
        activities.insert("grouping".into(), json!([self.course_ref()]));
        json!({
            "id": id.to_string(),
            "version": XAPI_VERSION,
            "actor": self.options.actor.to_json(),
            "verb": verb,
            "object": object,
            "result": result,
            "context": {
                "registration": self.registration.to_string(),
                "contextActivities": activities,
                "platform": PLATFORM,
            },
            "timestamp": timestamp.to_string(),
        })
    }

    fn answered(&self, position: usize, answer: &AnswerRecord) -> Value {
        let id = statement_id(
            self.registration,
            verbs::ANSWERED,
            Some((position, &answer.scenario_id)),
        );
        let points = self.attempt.points_for(answer);
        let max = u32::from(Score::MAX);
        let mut extensions = Map::new();
        let mut ext = |name: &str, value: Value| {
            extensions.insert(self.options.extension(name), value);
        };
        if let Some(offer) = &answer.chosen_offer {
            ext("offer", json!(offer));
        }
        if let Some(fit) = answer.offer_fit {
            ext("offer-fit", json!(fit_name(fit)));
        }
        if let Some(confidence) = answer.confidence {
            ext("confidence", json!(format!("{confidence:?}")));
        }
        ext("type-points", json!(answer.type_points));
        ext("offer-points", json!(answer.offer_points));
        let result = json!({
            "response": answer.chosen_type.map_or("", |t| t.title()),
            "score": score(points, max),
            "success": answer.is_perfect(),
            "completion": true,
            "extensions": extensions,
        });
        self.statement(
            id,
            verb(verbs::ANSWERED, "answered", "svarte"),
            self.scenario_activity(answer),
            result,
            true,
            answer.answered_at.unwrap_or(self.attempt.finished),
        )
    }

    /// A reply chosen in a conversation: the step is the activity, the reply the response,
    /// its quality the score (2/1/0).
    fn replied(&self, position: usize, reply: &ReplyRecord) -> Value {
        // "replied" keeps these ids apart from the decision's, which share the positions.
        let id = statement_id(
            self.registration,
            "replied",
            Some((position, &reply.step_id)),
        );
        let points = reply.quality.points();
        let mut extensions = Map::new();
        extensions.insert(
            self.options.extension("reply-quality"),
            json!(format!("{:?}", reply.quality)),
        );
        let result = json!({
            "response": reply.text,
            "score": score(points, Quality::Good.points()),
            "success": reply.quality == Quality::Good,
            "completion": true,
            "extensions": extensions,
        });
        let object = json!({
            "objectType": "Activity",
            "id": format!(
                "{}/steps/{}",
                self.options.quiz_iri(self.attempt),
                path_segment(&reply.step_id)
            ),
            "definition": {
                "type": activity_types::INTERACTION,
                "name": { "und": reply.step_id },
                "interactionType": "other",
            },
        });
        self.statement(
            id,
            verb(verbs::ANSWERED, "answered", "svarte"),
            object,
            result,
            true,
            self.attempt.finished,
        )
    }

    fn completed(&self) -> Value {
        let id = statement_id(self.registration, verbs::COMPLETED, None);
        let mut result = self.attempt_result(None);
        // Every question in order, answered or not, so a class report can count an
        // unanswered question as 0 points for the right scenario.
        let questions: Vec<&str> = self
            .attempt
            .answers
            .iter()
            .map(|a| a.scenario_id.as_str())
            .collect();
        result.insert(
            "extensions".into(),
            json!({ self.options.extension("questions"): questions }),
        );
        self.statement(
            id,
            verb(verbs::COMPLETED, "completed", "fullførte"),
            self.quiz_activity(),
            Value::Object(result),
            false,
            self.attempt.finished,
        )
    }

    /// The result of the whole attempt, which the completed and the passed or failed
    /// statement both carry: its score (when it had points to earn), the verdict, completion
    /// and duration.
    fn attempt_result(&self, success: Option<bool>) -> Map<String, Value> {
        let mut result = Map::new();
        if self.attempt.max_points() > 0 {
            result.insert(
                "score".into(),
                score(self.attempt.points(), self.attempt.max_points()),
            );
        }
        if let Some(passed) = success {
            result.insert("success".into(), json!(passed));
        }
        result.insert("completion".into(), json!(true));
        result.insert(
            "duration".into(),
            json!(iso8601_duration(self.attempt.duration())),
        );
        result
    }

    fn verdict(&self, passed: bool) -> Value {
        let verb_id = if passed { verbs::PASSED } else { verbs::FAILED };
        let id = statement_id(self.registration, verb_id, None);
        let result = self.attempt_result(Some(passed));
        let verb = if passed {
            verb(verbs::PASSED, "passed", "bestod")
        } else {
            verb(verbs::FAILED, "failed", "strøk")
        };
        self.statement(
            id,
            verb,
            self.quiz_activity(),
            Value::Object(result),
            false,
            self.attempt.finished,
        )
    }

    fn quiz_activity(&self) -> Value {
        let name = if self.attempt.quiz_title.trim().is_empty() {
            &self.attempt.quiz_id
        } else {
            &self.attempt.quiz_title
        };
        let kind = match self.attempt.kind {
            AttemptKind::Quiz => activity_types::ASSESSMENT,
            AttemptKind::Practice | AttemptKind::Conversation => activity_types::LESSON,
        };
        json!({
            "objectType": "Activity",
            "id": self.options.quiz_iri(self.attempt),
            "definition": {
                "type": kind,
                // The title's language is not recorded, so it is marked undetermined.
                "name": { "und": name },
            },
        })
    }

    fn quiz_ref(&self) -> Value {
        json!({ "objectType": "Activity", "id": self.options.quiz_iri(self.attempt) })
    }

    fn course_ref(&self) -> Value {
        json!({
            "objectType": "Activity",
            "id": self.options.base_iri,
            "definition": {
                "type": activity_types::COURSE,
                "name": { "nb-NO": PLATFORM, "en-US": PLATFORM },
            },
        })
    }

    fn scenario_activity(&self, answer: &AnswerRecord) -> Value {
        let choices: Vec<Value> = SaleType::ALL
            .into_iter()
            .map(|t| {
                json!({
                    "id": t.title(),
                    "description": {
                        "nb-NO": t.label(Language::Nb),
                        "en-US": t.label(Language::En),
                    },
                })
            })
            .collect();
        json!({
            "objectType": "Activity",
            "id": self.options.scenario_iri(&answer.scenario_id),
            "definition": {
                "type": activity_types::INTERACTION,
                "name": { "und": answer.scenario_id },
                "description": {
                    "nb-NO": "Hvilken salgstype er dette, og hvilket oppfølgingstilbud passer best?",
                    "en-US": "Which type of sale is this, and which follow-up offer fits best?",
                },
                "interactionType": "choice",
                "correctResponsesPattern": [answer.right_type.title()],
                "choices": choices,
            },
        })
    }
}

fn verb(id: &str, en: &str, nb: &str) -> Value {
    json!({ "id": id, "display": { "en-US": en, "nb-NO": nb } })
}

/// An xAPI score; only called with `max > 0`, as xAPI requires `min < max`.
fn score(raw: u32, max: u32) -> Value {
    let scaled = f64::from(raw.min(max)) / f64::from(max.max(1));
    json!({ "raw": raw.min(max), "min": 0, "max": max, "scaled": scaled })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601_to_the_hundredth() {
        let d = |ms: i64| iso8601_duration(SignedDuration::from_millis(ms));
        assert_eq!(d(0), "PT0S");
        assert_eq!(d(-5_000), "PT0S");
        assert_eq!(d(5_250), "PT5.25S");
        assert_eq!(d(5_500), "PT5.5S");
        assert_eq!(d(5_009), "PT5S");
        assert_eq!(d(60_000), "PT1M");
        assert_eq!(d(3_723_040), "PT1H2M3.04S");
    }

    #[test]
    fn actor_defaults_and_checks_the_address() {
        assert_eq!(Actor::new(None, None), Ok(Actor::default()));
        let a = Actor::new(Some("Kari"), Some("mailto:kari@firma.no")).unwrap();
        assert_eq!(a.mbox, "mailto:kari@firma.no");
        assert_eq!(
            Actor::new(None, Some("kari@firma.no")).unwrap().mbox,
            "mailto:kari@firma.no"
        );
        for bad in ["kari", "kari@", "@firma.no", "ka ri@firma.no", "a@b@c"] {
            assert!(Actor::new(None, Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(Actor::new(Some(" "), None), Err(XapiError::EmptyName));
    }

    #[test]
    fn base_iri_must_be_absolute() {
        let ok = XapiOptions::new(Actor::default(), "https://lms.example.org/x/").unwrap();
        assert_eq!(ok.base_iri, "https://lms.example.org/x");
        for bad in ["lms.example.org", "", "https://a b", "1http://x"] {
            assert!(XapiOptions::new(Actor::default(), bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_are_percent_encoded_into_one_segment() {
        assert_eq!(path_segment("modul 1/æ"), "modul%201%2F%C3%A6");
        assert_eq!(path_segment("klaer-belte"), "klaer-belte");
    }
}
