//! The bank in Moodle's GIFT text format: the same categories and questions as the Moodle XML
//! export, for instructors who prefer to read or edit the file by hand.
//!
//! Question text, answers and feedback are written as HTML (`[html]`), so line breaks and
//! characters such as `<` show as written. GIFT's own special characters are escaped with a
//! backslash the way Moodle's GIFT importer expects.

use super::{ChoiceQuestion, by_category, category_path, html_text, questions};
use crate::bank::scenario::Scenario;

/// Escapes text for GIFT: `~ = # { } :` and backslash get a backslash in front, and line
/// breaks become `\n`, because a blank line would end the question.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Writes `scenarios` as a GIFT file.
pub fn gift(scenarios: &[&Scenario]) -> String {
    let mut out = String::from(
        "// Salgstreneren question bank in GIFT format.\n\
         // Moodle: Question bank > Import > GIFT format.\n\n",
    );
    for (sale_type, group) in by_category(scenarios) {
        // Moodle reads the category line without unescaping it, and the path has no
        // special characters, so it is written as is.
        out.push_str(&format!("$CATEGORY: {}\n\n", category_path(sale_type)));
        for scenario in group {
            for question in questions(scenario) {
                question_gift(&mut out, &question);
            }
        }
    }
    out
}

fn question_gift(out: &mut String, q: &ChoiceQuestion<'_>) {
    let mut meta = format!("// [id:{}]", q.idnumber.replace(']', "\\]"));
    for tag in q.scenario.tags.iter().filter(|t| is_plain_tag(t)) {
        meta.push_str(&format!(" [tag:{}]", tag.trim()));
    }
    out.push_str(&meta);
    out.push('\n');
    out.push_str(&format!(
        "::{}::[html]{}{{\n",
        escape(&q.name),
        html(&q.text_html())
    ));
    for answer in &q.answers {
        let text = html(&html_text(&answer.text));
        let marker = match answer.fraction {
            100 => "=".to_owned(),
            // An explicit 0 keeps an answer that itself starts with `%n%` from being read
            // as a weight.
            0 if text.starts_with('%') => "~%0%".to_owned(),
            0 => "~".to_owned(),
            n => format!("~%{n}%"),
        };
        out.push('\t');
        out.push_str(&marker);
        out.push_str(&text);
        if !answer.feedback.trim().is_empty() {
            out.push('#');
            out.push_str(&html(&html_text(&answer.feedback)));
        }
        out.push('\n');
    }
    out.push_str("\t####");
    out.push_str(&html(&html_text(q.general_feedback())));
    out.push_str("\n}\n\n");
}

/// HTML ready for GIFT. A text that starts with `[` would be read as a format marker such
/// as `[markdown]`, so that bracket is written as a character reference.
fn html(html: &str) -> String {
    match html.strip_prefix('[') {
        Some(rest) => escape(&format!("&#91;{rest}")),
        None => escape(html),
    }
}

/// Tags Moodle's GIFT importer can read back from a `[tag:...]` comment.
fn is_plain_tag(tag: &str) -> bool {
    !tag.trim().is_empty()
        && !tag
            .chars()
            .any(|c| matches!(c, '[' | ']' | '<' | '>' | '`') || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(
            escape("a~b=c#d{e}f:g\\h\ni\r\nj"),
            "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni\\nj"
        );
    }

    #[test]
    fn a_leading_bracket_is_not_a_format_marker() {
        assert_eq!(html("[markdown] x"), "&\\#91;markdown] x");
        assert_eq!(html("x [y]"), "x [y]");
    }
}
