//! Reading the results CSV files `salgstrener results --format csv` writes.

use std::path::Path;

use jiff::Timestamp;
use uuid::Uuid;

use super::{Completion, Fact, Inputs, Observation, Who, sale_type};
use crate::bank::problem::Position;
use crate::class_report::assemble::ClassAnswer;
use crate::class_report::conversation;
use crate::i18n::FileMessage;
use crate::interop::xapi::{statement_id, verbs};
use crate::progress::records::PRACTICE_ID;
use crate::teaching::taxonomy::SaleType;

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
    let columns = Columns(header);
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| columns.index(c).is_none())
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
    let get = |record: &csv::StringRecord, name: &str| columns.get(record, name);
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
        out.tally.records += 1;
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
        let Row {
            registration,
            scenario_id,
            step_id,
            right,
            chosen,
            points,
            reply,
        } = match read_row(&columns, &record) {
            Ok(row) => row,
            Err((name, message)) => {
                let column = columns.index(name).map_or(1, |i| i + 1);
                out.problem(path, Some(Position::new(line, column)), message);
                continue;
            }
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
            pending.points = pending.points.saturating_add(u32::from(points));
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
        pending.points = pending.points.saturating_add(u32::from(points));
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
            p.best_points.map(|best| best.saturating_add(4))
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

/// The header of a results CSV, trimmed: where a column is, and a row's cell in it.
struct Columns(Vec<String>);

impl Columns {
    fn index(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|c| c == name)
    }

    /// The trimmed cell, or "" when the column or the cell is missing.
    fn get(&self, record: &csv::StringRecord, name: &str) -> String {
        self.index(name)
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .trim()
            .to_owned()
    }
}

/// One row of a results CSV, checked: an answered question, or a conversation's reply.
struct Row {
    registration: String,
    scenario_id: String,
    step_id: String,
    right: SaleType,
    chosen: Option<SaleType>,
    points: u8,
    /// A conversation's reply row has a step, reply points and no sale type.
    reply: Option<u8>,
}

/// Checks one row; a problem comes with the column it is in, and the row is skipped.
fn read_row(
    columns: &Columns,
    record: &csv::StringRecord,
) -> Result<Row, (&'static str, FileMessage)> {
    let get = |name: &str| columns.get(record, name);
    let registration = get("registration");
    if registration.is_empty() {
        return Err(("registration", FileMessage::RowNoRegistration {}));
    }
    let step_id = get("step_id");
    let reply = if step_id.is_empty() {
        None
    } else {
        let text = get("points");
        match conversation::reply_points(&text) {
            Some(points) => Some(points),
            None => return Err(("points", FileMessage::ReplyPointsInvalid { value: text })),
        }
    };
    // A reply row's sale type, chosen type and answer points are never used.
    let right_text = get("right_type");
    let Some(right) = sale_type(&right_text).or(reply.map(|_| SaleType::Nysalg)) else {
        return Err((
            "right_type",
            FileMessage::RightTypeUnknown { value: right_text },
        ));
    };
    let chosen_text = get("chosen_type");
    let chosen = sale_type(&chosen_text);
    if chosen.is_none() && !chosen_text.is_empty() {
        return Err((
            "chosen_type",
            FileMessage::ChosenTypeUnknown { value: chosen_text },
        ));
    }
    let points_text = get("points");
    let points = if reply.is_some() {
        Some(0)
    } else if points_text.is_empty() {
        // Two cells of up to 255 each: a sum past 255 is no score either.
        let part = |name: &str| get(name).parse::<u8>().unwrap_or(0);
        part("type_points").checked_add(part("offer_points"))
    } else {
        points_text.parse::<u8>().ok()
    };
    let Some(points) = points.filter(|p| *p <= 4) else {
        return Err(("points", FileMessage::PointsInvalid { value: points_text }));
    };
    Ok(Row {
        registration,
        scenario_id: get("scenario_id"),
        step_id,
        right,
        chosen,
        points,
        reply,
    })
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
