//! The trainee's history as a spreadsheet: one row per answer.
//!
//! Columns: `registration, kind, quiz_id, quiz_title, started, finished, scenario_id,
//! right_type, chosen_type, chosen_offer, offer_fit, confidence, type_points, offer_points,
//! points`. Times are RFC 3339 in UTC; types are the Norwegian names (`Kryssalg`); an
//! unanswered question leaves `chosen_type`, `chosen_offer`, `offer_fit` and `confidence`
//! empty; `points` is what the answer counted under the attempt's rules (0 for a partly
//! right answer in a quiz without partial credit).
//!
//! A conversation (`kind` `conversation`) has one row per reply, with `step_id`, `reply` and
//! `reply_quality` filled in and `points` 2, 1 or 0, then the decision's row as an answer
//! (none when the customer left). Other rows leave those three columns empty. Every row of a
//! conversation has `best_points`, the best path's reply points (the conversation part's
//! maximum); other rows leave it empty.

use super::csv::fit_name;
use crate::progress::history::{AttemptKind, History};

/// The header row's column names, in order.
pub const RESULT_COLUMNS: [&str; 19] = [
    "registration",
    "kind",
    "quiz_id",
    "quiz_title",
    "started",
    "finished",
    "scenario_id",
    "right_type",
    "chosen_type",
    "chosen_offer",
    "offer_fit",
    "confidence",
    "type_points",
    "offer_points",
    "points",
    "step_id",
    "reply",
    "reply_quality",
    "best_points",
];

/// The history as CSV (comma-separated, UTF-8, a header row, `\n` line ends).
///
/// Written by hand rather than with the csv crate's writer so that the function cannot fail:
/// the UI can offer it as a download without an error path for something that never happens.
pub fn history_csv(history: &History) -> String {
    let mut out = String::new();
    push_record(&mut out, RESULT_COLUMNS.iter().copied());
    for attempt in &history.attempts {
        let kind = match attempt.kind {
            AttemptKind::Quiz => "quiz",
            AttemptKind::Practice => "practice",
            AttemptKind::Conversation => "conversation",
        };
        let best_points = attempt
            .conversation
            .as_ref()
            .map_or_else(String::new, |c| c.best_points.to_string());
        let started = attempt.started.to_string();
        let finished = attempt.finished.to_string();
        let columns_up_to_finished = [
            attempt.registration.as_str(),
            kind,
            &attempt.quiz_id,
            &attempt.quiz_title,
            &started,
            &finished,
        ];
        for reply in attempt.conversation.iter().flat_map(|c| &c.replies) {
            let points = reply.quality.points().to_string();
            let quality = format!("{:?}", reply.quality);
            push_record(
                &mut out,
                columns_up_to_finished.into_iter().chain([
                    attempt.quiz_id.as_str(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    &points,
                    &reply.step_id,
                    &reply.text,
                    &quality,
                    &best_points,
                ]),
            );
        }
        for answer in &attempt.answers {
            let type_points = answer.type_points.to_string();
            let offer_points = answer.offer_points.to_string();
            let points = attempt.points_for(answer).to_string();
            let confidence = answer.confidence.map(|c| format!("{c:?}"));
            push_record(
                &mut out,
                columns_up_to_finished.into_iter().chain([
                    answer.scenario_id.as_str(),
                    answer.right_type.title(),
                    answer.chosen_type.map_or("", |t| t.title()),
                    answer.chosen_offer.as_deref().unwrap_or_default(),
                    answer.offer_fit.map_or("", fit_name),
                    confidence.as_deref().unwrap_or_default(),
                    &type_points,
                    &offer_points,
                    &points,
                    "",
                    "",
                    "",
                    &best_points,
                ]),
            );
        }
    }
    out
}

fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push('\n');
}

/// RFC 4180 quoting: a field with a comma, quote or line break is quoted and its quotes
/// doubled; leading or trailing spaces are quoted too so spreadsheets keep them.
fn push_field(out: &mut String, field: &str) {
    let needs_quotes =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        push_record(&mut out, ["a", "b,c", "say \"hi\"", "line\nbreak", " pad"]);
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\" pad\"\n"
        );
    }
}
