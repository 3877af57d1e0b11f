//! Reading xAPI statements: a JSON array as `salgstrener results --format xapi` writes it, or
//! an LRS `StatementResult` page.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;
use uuid::Uuid;

use super::{Completion, Fact, Inputs, Observation, Who, sale_type};
use crate::bank::problem::Position;
use crate::class_report::assemble::ClassAnswer;
use crate::class_report::conversation;
use crate::i18n::FileMessage;
use crate::interop::xapi::{PLATFORM, verbs};
use crate::progress::records::PRACTICE_ID;

#[derive(Deserialize)]
struct StatementResult<'a> {
    #[serde(borrow)]
    statements: Vec<&'a RawValue>,
    #[serde(default)]
    more: Option<String>,
}

#[derive(Deserialize)]
struct RawStatement {
    id: Option<String>,
    actor: Option<RawActor>,
    verb: Option<RawVerb>,
    object: Option<RawObject>,
    result: Option<RawResult>,
    context: Option<RawContext>,
    timestamp: Option<String>,
}

#[derive(Deserialize)]
struct RawActor {
    name: Option<String>,
    mbox: Option<String>,
    account: Option<RawAccount>,
}

#[derive(Deserialize)]
struct RawAccount {
    #[serde(rename = "homePage")]
    home_page: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
struct RawVerb {
    id: String,
}

#[derive(Deserialize)]
struct RawObject {
    id: Option<String>,
    definition: Option<RawDefinition>,
}

#[derive(Deserialize)]
struct RawDefinition {
    #[serde(rename = "type")]
    kind: Option<String>,
    name: Option<HashMap<String, String>>,
    #[serde(rename = "correctResponsesPattern")]
    correct: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct RawResult {
    response: Option<String>,
    score: Option<RawScore>,
    success: Option<bool>,
    extensions: Option<HashMap<String, serde_json::Value>>,
}

#[derive(Deserialize)]
struct RawScore {
    raw: Option<f64>,
    max: Option<f64>,
}

#[derive(Deserialize)]
struct RawContext {
    registration: Option<String>,
    #[serde(rename = "contextActivities")]
    activities: Option<RawContextActivities>,
    platform: Option<String>,
}

#[derive(Deserialize)]
struct RawContextActivities {
    parent: Option<Vec<RawRef>>,
}

#[derive(Deserialize)]
struct RawRef {
    id: String,
}

pub(super) fn read_json(path: &Path, text: &str, out: &mut Inputs) {
    let array = text.trim_start().starts_with('[');
    let parsed = if array {
        serde_json::from_str::<Vec<&RawValue>>(text).map(|s| (s, None))
    } else {
        serde_json::from_str::<StatementResult>(text).map(|r| (r.statements, r.more))
    };
    let (statements, more) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let detail = message_of(&e);
            let message = if array {
                FileMessage::NotStatementArray { detail }
            } else {
                FileMessage::NotStatementResult { detail }
            };
            out.problem(path, Some(Position::new(e.line(), e.column())), message);
            return;
        }
    };
    if let Some(more) = more.filter(|m| !m.trim().is_empty()) {
        out.problem(path, None, FileMessage::MorePages { more });
    }
    let mut lines = LineIndex::new(text);
    for (number, raw) in statements.iter().enumerate() {
        out.tally.records += 1;
        let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        match serde_json::from_str::<RawStatement>(raw.get()) {
            Ok(statement) => match observe(statement) {
                Seen::Used(observation) => out.observations.push(observation),
                Seen::Ignored => out.tally.ignored += 1,
                Seen::Problem(message) => {
                    let at = lines.position(offset);
                    out.problem(
                        path,
                        Some(at),
                        FileMessage::Statement {
                            n: number + 1,
                            problem: Box::new(message),
                        },
                    );
                }
            },
            Err(e) => {
                let start = lines.position(offset);
                let at = if e.line() <= 1 {
                    Position::new(start.line, start.column + e.column().saturating_sub(1))
                } else {
                    Position::new(start.line + e.line() - 1, e.column())
                };
                out.problem(
                    path,
                    Some(at),
                    FileMessage::StatementInvalid {
                        n: number + 1,
                        detail: message_of(&e),
                    },
                );
            }
        }
    }
}

/// serde_json's message without its own "at line L column C", which is relative to the
/// statement rather than the file.
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Line and column of byte offsets that come in increasing order, counted once.
struct LineIndex<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Self::new(self.text);
        }
        let bytes = &self.text.as_bytes()[self.offset..offset];
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        let column = self
            .text
            .get(self.line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Position::new(self.line, column)
    }
}

enum Seen {
    Used(Observation),
    Ignored,
    Problem(FileMessage),
}

fn observe(s: RawStatement) -> Seen {
    let verb = s.verb.as_ref().map_or("", |v| v.id.as_str());
    let object_id = s
        .object
        .as_ref()
        .and_then(|o| o.id.as_deref())
        .unwrap_or("");
    let platform = s.context.as_ref().and_then(|c| c.platform.as_deref());
    let answered = verb == verbs::ANSWERED && object_id.contains("/scenarios/");
    let replied = verb == verbs::ANSWERED && conversation::is_step(object_id);
    let about_attempt = matches!(verb, verbs::COMPLETED | verbs::PASSED | verbs::FAILED)
        && (object_id.contains("/quizzes/") || object_id.contains(conversation::FOLDER));
    if !answered && !replied && !about_attempt {
        return if platform == Some(PLATFORM) {
            Seen::Ignored
        } else {
            Seen::Problem(FileMessage::NotOurs {
                verb: verb.to_owned(),
                object: object_id.to_owned(),
            })
        };
    }
    let Some(id) = s.id.as_deref().and_then(|id| Uuid::parse_str(id).ok()) else {
        return Seen::Problem(FileMessage::NoStatementId {
            id: s.id.as_deref().unwrap_or("").to_owned(),
        });
    };
    let Some(who) = s.actor.as_ref().and_then(who_of) else {
        return Seen::Problem(FileMessage::NoTrainee {});
    };
    let Some(registration) = s
        .context
        .as_ref()
        .and_then(|c| c.registration.clone())
        .filter(|r| !r.trim().is_empty())
    else {
        return Seen::Problem(FileMessage::NoRegistration {});
    };
    let at = s.timestamp.as_deref().and_then(|t| t.parse().ok());
    let result = s.result.as_ref();
    let definition = s.object.as_ref().and_then(|o| o.definition.as_ref());
    let (quiz_id, fact) = if replied {
        let points = result.and_then(|r| r.score.as_ref()).and_then(|s| s.raw);
        match conversation::reply(object_id, points) {
            Ok(found) => found,
            Err(message) => return Seen::Problem(message),
        }
    } else if answered {
        // The parent is the quiz, or the conversation the decision ends.
        let parent = s
            .context
            .as_ref()
            .and_then(|c| c.activities.as_ref())
            .and_then(|a| a.parent.as_ref())
            .and_then(|p| p.first());
        let quiz_id = parent
            .and_then(|p| {
                segment_after(&p.id, "/quizzes/")
                    .or_else(|| segment_after(&p.id, conversation::FOLDER))
            })
            .unwrap_or_default();
        let scenario_id = segment_after(object_id, "/scenarios/").unwrap_or_default();
        let Some(right) = definition
            .and_then(|d| d.correct.as_ref())
            .and_then(|c| c.first())
            .and_then(|c| sale_type(c))
        else {
            return Seen::Problem(FileMessage::NoRightType {
                scenario: scenario_id,
            });
        };
        let response = result.and_then(|r| r.response.as_deref()).unwrap_or("");
        let chosen = sale_type(response);
        if chosen.is_none() && !response.is_empty() {
            return Seen::Problem(FileMessage::ResponseNotType {
                scenario: scenario_id,
                response: response.to_owned(),
            });
        }
        let Some(points) = result
            .and_then(|r| r.score.as_ref())
            .and_then(|s| s.raw)
            .filter(|p| (0.0..=4.0).contains(p) && p.fract() == 0.0)
        else {
            return Seen::Problem(FileMessage::NoScore {
                scenario: scenario_id,
            });
        };
        (
            quiz_id,
            Fact::Answered(ClassAnswer {
                scenario_id,
                right,
                chosen,
                points: points as u8,
                at,
                position: None,
            }),
        )
    } else {
        let conversation = !object_id.contains("/quizzes/");
        let quiz_id = segment_after(object_id, "/quizzes/")
            .or_else(|| segment_after(object_id, conversation::FOLDER))
            .unwrap_or_default();
        let fact = if verb == verbs::COMPLETED {
            let practice = !conversation
                && definition
                    .and_then(|d| d.kind.as_deref())
                    .map_or(quiz_id == PRACTICE_ID, |k| k.ends_with("/lesson"));
            let title = definition
                .and_then(|d| d.name.as_ref())
                .and_then(|n| n.get("und").or_else(|| n.values().next()))
                .cloned();
            let score = result.and_then(|r| r.score.as_ref()).and_then(|s| {
                let (raw, max) = (s.raw?, s.max?);
                (raw >= 0.0 && max >= raw).then_some((raw as u32, max as u32))
            });
            let questions = result
                .and_then(|r| r.extensions.as_ref())
                .and_then(|e| {
                    e.iter()
                        .find(|(k, _)| k.ends_with("/extensions/questions"))
                        .map(|(_, v)| v)
                })
                .and_then(|v| v.as_array())
                .map(|list| {
                    list.iter()
                        .filter_map(|q| q.as_str().map(str::to_owned))
                        .collect()
                });
            Fact::Completed(Completion {
                title,
                practice,
                conversation,
                score,
                questions,
                at,
            })
        } else {
            Fact::Verdict(
                result
                    .and_then(|r| r.success)
                    .unwrap_or(verb == verbs::PASSED),
            )
        };
        (quiz_id, fact)
    };
    Seen::Used(Observation {
        id,
        who,
        registration,
        quiz_id,
        fact,
    })
}

fn who_of(actor: &RawActor) -> Option<Who> {
    let name = actor
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if let Some(mbox) = actor
        .mbox
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        let address = mbox.strip_prefix("mailto:").unwrap_or(mbox);
        return Some(Who {
            key: format!("mbox:{}", address.to_lowercase()),
            name: name.unwrap_or(address).to_owned(),
        });
    }
    if let Some(account) = &actor.account {
        let home = account.home_page.as_deref().unwrap_or("");
        let account_name = account.name.as_deref().unwrap_or("");
        if !account_name.is_empty() {
            return Some(Who {
                key: format!("account:{home}|{account_name}"),
                name: name.unwrap_or(account_name).to_owned(),
            });
        }
    }
    name.map(|n| Who {
        key: format!("name:{n}"),
        name: n.to_owned(),
    })
}

/// The percent-decoded path segment after `marker` in an activity id.
pub(in crate::class_report) fn segment_after(iri: &str, marker: &str) -> Option<String> {
    let start = iri.rfind(marker)? + marker.len();
    let segment = iri[start..].split(['/', '?', '#']).next().unwrap_or("");
    Some(percent_decode(segment))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_and_segments() {
        assert_eq!(
            segment_after("https://x/quizzes/modul%201%2F%C3%A6", "/quizzes/").as_deref(),
            Some("modul 1/æ")
        );
        assert_eq!(
            segment_after("https://x/scenarios/a-b", "/scenarios/").as_deref(),
            Some("a-b")
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn line_index_counts_lines_and_characters() {
        let text = "[\n  {æ},\n  {}\n]";
        let mut lines = LineIndex::new(text);
        assert_eq!(lines.position(4), Position::new(2, 3));
        let second = text.rfind("{}").unwrap();
        assert_eq!(lines.position(second), Position::new(3, 3));
        assert_eq!(lines.position(0), Position::new(1, 1));
    }
}
