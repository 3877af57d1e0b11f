//! The report as terminal text and as the per-scenario CSV.

use std::fmt::Write as _;

use super::AttemptChoice;
use super::compute::{ClassReport, ItemStats, TraineeStats};
use super::conversation::ConversationStats;
use super::words::{Words, fill, flag_name, words};
use crate::language::Language;
use crate::progress::stats::{Confusion, Ratio};
use crate::teaching::taxonomy::{SaleType, deciding_difference};

/// The CSV's columns, in order.
pub const ITEM_COLUMNS: [&str; 8] = [
    "quiz_id",
    "scenario_id",
    "attempts",
    "facility",
    "sd",
    "discrimination",
    "most_chosen_wrong_type",
    "flag",
];

/// A number with a dot and three decimals, or empty.
fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.3}"))
}

/// The per-scenario item statistics as CSV: one row per quiz and scenario, then the practice
/// rows with an empty `quiz_id`.
pub fn items_csv(report: &ClassReport) -> String {
    let mut out = String::new();
    push_row(&mut out, ITEM_COLUMNS.iter().map(|c| (*c).to_owned()));
    let rows = report.items().chain(&report.practice);
    for item in rows {
        push_row(
            &mut out,
            [
                item.quiz_id.clone().unwrap_or_default(),
                item.scenario_id.clone(),
                item.attempts.to_string(),
                number(item.facility),
                number(item.sd),
                number(item.discrimination),
                item.most_chosen_wrong.map_or("", |t| t.title()).to_owned(),
                item.flag.map_or("", |f| f.key()).to_owned(),
            ],
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push('\n');
}

/// A percentage with one decimal, or the dash.
pub fn percent(value: Option<f64>, w: &Words) -> String {
    value.map_or_else(|| w.none.to_owned(), |v| format!("{v:.1} %"))
}

/// A ratio as percent with the counts.
pub fn ratio(r: Ratio, w: &Words) -> String {
    match r.percent() {
        Some(p) => format!(
            "{p:.1} % ({})",
            fill(w.right_of, &[("right", &r.right), ("total", &r.total)])
        ),
        None => w.none.to_owned(),
    }
}

/// A confusion in words: which types, how often.
pub fn confusion_line(c: Confusion, language: Language) -> String {
    fill(
        words(language).confusion,
        &[
            ("right", &c.right.label(language)),
            ("chosen", &c.chosen.label(language)),
            ("count", &c.count),
        ],
    )
}

/// The trainee's "needs help with" line: the most frequent confusion in the taxonomy's words.
pub fn needs_help(t: &TraineeStats, language: Language) -> Option<String> {
    let c = t.confusion?;
    let w = words(language);
    let apart = fill(
        w.telling_apart,
        &[
            ("right", &c.right.norwegian()),
            ("chosen", &c.chosen.norwegian()),
        ],
    );
    let why = deciding_difference(c.right, c.chosen, language).unwrap_or_default();
    Some(format!("{apart} ({}×): {why}", c.count))
}

/// What a conversation's attempts say, in lines: attempts and how often the customer left,
/// the replies against the best path, the weakest step, and the decision as an item.
pub fn conversation_lines(c: &ConversationStats, language: Language) -> Vec<String> {
    let w = words(language);
    let share = |v: Option<f64>| percent(v.map(|v| v * 100.0), w);
    let mut lines = vec![fill(
        w.conversation_line,
        &[
            ("title", &c.title),
            ("id", &c.conversation_id),
            ("attempts", &c.attempts),
            ("left", &c.left),
            ("left_share", &share(c.left_share())),
        ],
    )];
    let mean = c
        .reply_mean
        .map_or_else(|| w.none.to_owned(), |m| format!("{m:.1}"));
    lines.push(match c.best_points {
        Some(best) => fill(
            w.conversation_replies,
            &[
                ("mean", &mean),
                ("best", &best),
                ("share", &share(c.reply_share)),
            ],
        ),
        None => fill(w.conversation_replies_no_best, &[("mean", &mean)]),
    });
    if let Some((step, mean, n)) = &c.weakest_step {
        lines.push(fill(
            w.weakest_step,
            &[("step", step), ("mean", &format!("{mean:.1}")), ("n", n)],
        ));
    }
    lines.push(match c.decision() {
        Some(d) => fill(
            w.decision_line,
            &[
                ("n", &d.attempts),
                ("facility", &or_dash(d.facility, w)),
                ("discrimination", &or_dash(d.discrimination, w)),
                ("wrong", &d.most_chosen_wrong.map_or(w.none, |t| t.title())),
            ],
        ),
        None => w.no_decision.to_owned(),
    });
    lines
}

/// A trainee's conversations in words, when they had any.
pub fn trainee_conversations(t: &TraineeStats, language: Language) -> Option<String> {
    let w = words(language);
    (t.conversations > 0).then(|| {
        fill(
            w.trainee_conversations,
            &[
                ("n", &t.conversations),
                (
                    "share",
                    &percent(t.conversation_share.map(|v| v * 100.0), w),
                ),
            ],
        )
    })
}

/// The lines that open every output: what was read and which attempts count.
pub fn summary_lines(report: &ClassReport, language: Language) -> Vec<String> {
    let w = words(language);
    let mut lines = vec![fill(
        w.summary,
        &[
            ("trainees", &report.trainees.len()),
            ("files", &report.files),
            ("records", &report.records),
        ],
    )];
    if report.duplicates > 0 {
        lines.push(fill(w.duplicates, &[("n", &report.duplicates)]));
    }
    if report.ignored > 0 {
        lines.push(fill(w.ignored, &[("n", &report.ignored)]));
    }
    lines.push(
        match report.choice {
            AttemptChoice::First => w.first_attempts,
            AttemptChoice::All => w.all_attempts,
        }
        .to_owned(),
    );
    if report.left_out > 0 {
        lines.push(fill(w.left_out, &[("n", &report.left_out)]));
    }
    lines
}

fn item_line(item: &ItemStats, language: Language) -> String {
    let w = words(language);
    format!(
        "{:<24} {:>5}  {:>7}  {:>7}  {:>7}  {:<13} {}",
        item.scenario_id,
        item.attempts,
        or_dash(item.facility, w),
        or_dash(item.sd, w),
        or_dash(item.discrimination, w),
        item.most_chosen_wrong.map_or(w.none, |t| t.title()),
        item.flag.map_or("", |f| flag_name(f, language)),
    )
}

fn or_dash(value: Option<f64>, w: &Words) -> String {
    value.map_or_else(|| w.none.to_owned(), |v| format!("{v:.3}"))
}

/// A figure in a line of text: its label in lower case, then its value.
fn figure(label: &str, value: impl std::fmt::Display) -> String {
    format!("{} {value}", label.to_lowercase())
}

/// The report as readable text for the terminal.
pub fn text(report: &ClassReport, language: Language) -> String {
    let w = words(language);
    let mut out = String::new();
    let _ = writeln!(out, "{}", w.title);
    for line in summary_lines(report, language) {
        let _ = writeln!(out, "  {line}");
    }

    let _ = writeln!(out, "\n{}", w.quizzes);
    for q in &report.quizzes {
        let figures = [
            figure(w.attempts, q.attempts),
            figure(w.mean, percent(q.mean, w)),
            figure(w.median, percent(q.median, w)),
            figure(w.pass_rate, percent(q.pass_rate.map(|p| p * 100.0), w)),
            // A name, so not in lower case.
            format!("{} {}", w.alpha, or_dash(q.alpha, w)),
        ];
        let _ = writeln!(out, "  {} ({}): {}", q.title, q.quiz_id, figures.join(", "));
    }

    if !report.conversations.is_empty() {
        let _ = writeln!(out, "\n{}", w.conversations);
        for c in &report.conversations {
            for (i, line) in conversation_lines(c, language).into_iter().enumerate() {
                let indent = if i == 0 { "  " } else { "    " };
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }

    let _ = writeln!(out, "\n{}", w.flagged);
    let flagged = report.flagged();
    if flagged.is_empty() {
        let _ = writeln!(out, "  {}", w.nothing_flagged);
    }
    for item in flagged {
        let where_ = item
            .path
            .as_ref()
            .map_or_else(|| w.not_in_bank.to_owned(), |p| p.display().to_string());
        let title = item
            .title
            .as_ref()
            .map_or_else(String::new, |t| format!(" \"{t}\""));
        let _ = writeln!(
            out,
            "  {}: {}{} ({}: {}, {}: {}) {}",
            item.flag.map_or("", |f| flag_name(f, language)),
            match item.quiz_id.as_deref() {
                // A conversation's decision: the conversation is both.
                Some(quiz) if quiz == item.scenario_id => quiz.to_owned(),
                quiz => format!("{} / {}", quiz.unwrap_or(""), item.scenario_id),
            },
            title,
            w.facility.to_lowercase(),
            or_dash(item.facility, w),
            w.discrimination.to_lowercase(),
            or_dash(item.discrimination, w),
            where_,
        );
    }

    let _ = writeln!(out, "\n{}", w.items);
    let header = format!(
        "{:<24} {:>5}  {:>7}  {:>7}  {:>7}  {:<13} {}",
        w.scenario, w.attempts, w.facility, w.sd, w.discrimination, w.most_chosen_wrong, w.flag
    );
    for q in &report.quizzes {
        let _ = writeln!(out, "  {} ({})", q.title, q.quiz_id);
        let _ = writeln!(out, "    {header}");
        for item in &q.items {
            let _ = writeln!(out, "    {}", item_line(item, language));
        }
    }
    for c in &report.conversations {
        if c.items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {} ({})", c.title, c.conversation_id);
        let _ = writeln!(out, "    {header}");
        for item in &c.items {
            let _ = writeln!(out, "    {}", item_line(item, language));
        }
    }
    if !report.practice.is_empty() {
        let _ = writeln!(out, "  {}", w.practice);
        for item in &report.practice {
            let _ = writeln!(out, "    {}", item_line(item, language));
        }
    }

    let _ = writeln!(out, "\n{}", w.accuracy);
    for t in SaleType::ALL {
        let _ = writeln!(
            out,
            "  {:<30} {}",
            t.label(language),
            ratio(report.by_type[t.index()], w)
        );
    }

    let _ = writeln!(out, "\n{} ({})", w.matrix, w.matrix_axes);
    let _ = write!(out, "  {:<14}", "");
    for t in SaleType::ALL {
        let _ = write!(out, "{:>14}", t.title());
    }
    let _ = writeln!(out);
    for right in SaleType::ALL {
        let _ = write!(out, "  {:<14}", right.title());
        for chosen in SaleType::ALL {
            let _ = write!(
                out,
                "{:>14}",
                report.matrix.counts[right.index()][chosen.index()]
            );
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "\n{}", w.confusions);
    for (i, c) in report.top_confusions().into_iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, confusion_line(c, language));
        if let Some(why) = deciding_difference(c.right, c.chosen, language) {
            let _ = writeln!(out, "     {why}");
        }
    }

    let _ = writeln!(out, "\n{}", w.trainees);
    for t in &report.trainees {
        let practice = fill(
            w.practice_line,
            &[
                ("sessions", &t.practice_sessions),
                ("answers", &t.practice_answers),
            ],
        );
        let _ = writeln!(
            out,
            "  {}: {}, {}; {}",
            t.name,
            figure(w.attempts, t.quiz_attempts),
            figure(w.mean, percent(t.mean, w)),
            figure(w.practice_volume, practice),
        );
        if let Some(talks) = trainee_conversations(t, language) {
            let _ = writeln!(out, "    {talks}");
        }
        if let Some(help) = needs_help(t, language) {
            let _ = writeln!(out, "    {}: {help}", w.needs_help);
        }
    }

    let _ = writeln!(out, "\n{} ({})", w.problems, report.problems.len());
    if report.problems.is_empty() {
        let _ = writeln!(out, "  {}", w.no_problems);
    }
    for p in &report.problems {
        let _ = writeln!(out, "  {p}");
    }
    out
}
