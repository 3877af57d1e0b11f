//! Reading the results CSV files `salgstrener results --format csv` writes.

use std::path::Path;

use jiff::Timestamp;
use uuid::Uuid;

use super::{Completion, Fact, Inputs, Observation, Who, sale_type};
use crate::domain::bank::problem::Position;
use crate::domain::class_report::assemble::ClassAnswer;
use crate::domain::class_report::conversation;
use crate::domain::i18n::FileMessage;
use crate::domain::interop::xapi::{statement_id, verbs};
use crate::domain::progress::records::PRACTICE_ID;
use crate::domain::teaching::taxonomy::SaleType;

pub(super) fn looks_like_results_csv(text: &str) -> bool {
    let header = text.lines().next().unwrap_or("");
    header.contains("registration") && header.contains("scenario_id")
}

/// The results CSV columns the report needs; the others are optional.
const REQUIRED: [&str; 5] = [
    "registration",
    "quiz_id",
    "scenario_id",
    "right_type",
    "chosen_type",
];

pub(super) fn read_csv(path: &Path, text: &str, out: &mut Inputs) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            out.problem(
                path,
                Some(Position::new(1, 1)),
                FileMessage::HeaderUnreadable {
                    detail: e.to_string(),
                },
            );
            return;
        }
    };
    let column = |name: &str| header.iter().position(|c| c == name);
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| column(c).is_none())
        .collect();
    if !missing.is_empty() {
        out.problem(
            path,
            Some(Position::new(1, 1)),
            FileMessage::MissingColumns {
                columns: missing.join(", "),
            },
        );
        return;
    }
    let get = |record: &csv::StringRecord, name: &str| -> String {
        column(name)
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let file_trainee = Who {
        key: format!("file:{}", path.display()),
        name: path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        ),
    };
    struct Pending {
        who: Who,
        quiz_id: String,
        title: String,
        practice: bool,
        conversation: bool,
        best_points: Option<u32>,
        replies: usize,
        finished: Option<Timestamp>,
        questions: Vec<String>,
        points: u32,
    }
    let mut attempts: Vec<(String, Pending)> = Vec::new();
    for record in reader.records() {
        out.records += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                out.problem(
                    path,
                    Some(Position::new(line, 1)),
                    FileMessage::RowUnreadable {
                        detail: e.to_string(),
                    },
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let at_column = |name: &str| Some(Position::new(line, column(name).map_or(1, |i| i + 1)));
        let registration = get(&record, "registration");
        if registration.is_empty() {
            out.problem(
                path,
                at_column("registration"),
                FileMessage::RowNoRegistration {},
            );
            continue;
        }
        let scenario_id = get(&record, "scenario_id");
        let step_id = get(&record, "step_id");
        // A conversation's reply row has a step and no sale type (read further below).
        let right = sale_type(&get(&record, "right_type"));
        let reply = if step_id.is_empty() {
            None
        } else {
            match conversation::reply_points(&get(&record, "points")) {
                Some(points) => Some(points),
                None => {
                    out.problem(
                        path,
                        at_column("points"),
                        FileMessage::ReplyPointsInvalid {
                            value: get(&record, "points"),
                        },
                    );
                    continue;
                }
            }
        };
        // A reply row's sale type, chosen type and answer points are never used.
        let Some(right) = right.or(reply.map(|_| SaleType::Nysalg)) else {
            out.problem(
                path,
                at_column("right_type"),
                FileMessage::RightTypeUnknown {
                    value: get(&record, "right_type"),
                },
            );
            continue;
        };
        let chosen_text = get(&record, "chosen_type");
        let chosen = sale_type(&chosen_text);
        if chosen.is_none() && !chosen_text.is_empty() {
            out.problem(
                path,
                at_column("chosen_type"),
                FileMessage::ChosenTypeUnknown { value: chosen_text },
            );
            continue;
        }
        let points_text = get(&record, "points");
        let points = if reply.is_some() {
            Some(0)
        } else if points_text.is_empty() {
            let part = |name: &str| get(&record, name).parse::<u8>().unwrap_or(0);
            Some(part("type_points") + part("offer_points"))
        } else {
            points_text.parse::<u8>().ok()
        };
        let Some(points) = points.filter(|p| *p <= 4) else {
            out.problem(
                path,
                at_column("points"),
                FileMessage::PointsInvalid { value: points_text },
            );
            continue;
        };
        let mbox = get(&record, "actor_mbox");
        let mbox = if mbox.is_empty() {
            get(&record, "actor_email")
        } else {
            mbox
        };
        let actor_name = get(&record, "actor_name");
        let who = if !mbox.is_empty() {
            let address = mbox.strip_prefix("mailto:").unwrap_or(&mbox).to_owned();
            Who {
                key: format!("mbox:{}", address.to_lowercase()),
                name: if actor_name.is_empty() {
                    address
                } else {
                    actor_name
                },
            }
        } else if !actor_name.is_empty() {
            Who {
                key: format!("name:{actor_name}"),
                name: actor_name,
            }
        } else {
            file_trainee.clone()
        };
        let quiz_id = get(&record, "quiz_id");
        let index = match attempts
            .iter()
            .position(|(r, p)| *r == registration && p.who == who)
        {
            Some(i) => i,
            None => {
                attempts.push((
                    registration.clone(),
                    Pending {
                        who: who.clone(),
                        quiz_id: quiz_id.clone(),
                        title: get(&record, "quiz_title"),
                        practice: get(&record, "kind") == "practice" || quiz_id == PRACTICE_ID,
                        conversation: get(&record, "kind") == conversation::KIND,
                        best_points: get(&record, "best_points").parse().ok(),
                        replies: 0,
                        finished: get(&record, "finished").parse().ok(),
                        questions: Vec::new(),
                        points: 0,
                    },
                ));
                attempts.len() - 1
            }
        };
        let pending = &mut attempts[index].1;
        if let Some(points) = reply {
            let position = pending.replies;
            pending.replies += 1;
            pending.conversation = true;
            pending.points += u32::from(points);
            out.observations.push(conversation::reply_row(
                who,
                registration,
                quiz_id,
                position,
                step_id,
                points,
            ));
            continue;
        }
        let position = pending.questions.len();
        pending.questions.push(scenario_id.clone());
        pending.points += u32::from(points);
        out.observations.push(Observation {
            id: row_id(&registration, &who, position, &scenario_id),
            who,
            registration,
            quiz_id,
            fact: Fact::Answered(ClassAnswer {
                scenario_id,
                right,
                chosen,
                points,
                at: get(&record, "finished").parse().ok(),
                position: Some(position),
            }),
        });
    }
    for (registration, p) in attempts {
        let id = match Uuid::parse_str(&registration) {
            Ok(reg) => statement_id(reg, verbs::COMPLETED, None),
            Err(_) => Uuid::new_v5(
                &Uuid::NAMESPACE_OID,
                format!("csv {} {registration}", p.who.key).as_bytes(),
            ),
        };
        let max = if p.conversation {
            p.best_points.map(|best| best + 4)
        } else {
            Some(p.questions.len() as u32 * 4)
        };
        out.observations.push(Observation {
            id,
            who: p.who,
            registration,
            quiz_id: p.quiz_id,
            fact: Fact::Completed(Completion {
                title: (!p.title.is_empty()).then_some(p.title),
                practice: p.practice,
                conversation: p.conversation,
                score: max.map(|max| (p.points, max)),
                questions: Some(p.questions),
                at: p.finished,
            }),
        });
    }
}

/// The id the xAPI export gives the same answer, so a CSV and an xAPI export of the same
/// history count once (for an answered question with a UUID registration).
fn row_id(registration: &str, who: &Who, position: usize, scenario_id: &str) -> Uuid {
    match Uuid::parse_str(registration) {
        Ok(reg) => statement_id(reg, verbs::ANSWERED, Some((position, scenario_id))),
        Err(_) => Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("csv {} {registration} {position} {scenario_id}", who.key).as_bytes(),
        ),
    }
}
