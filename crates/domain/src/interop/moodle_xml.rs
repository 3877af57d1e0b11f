//! The bank as a Moodle XML question file: one category per sale type, two single-answer
//! multiple-choice questions per scenario.
//!
//! The format is Moodle's own import format (Question bank > Import > Moodle XML format).
//! Text is written with quick-xml, which escapes it; HTML goes in CDATA sections the way
//! Moodle's own export writes it.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesDecl, BytesText, Event};

use super::{ChoiceQuestion, ExportError, by_category, category_path, html_text, questions};
use crate::bank::scenario::Scenario;

/// Moodle's default penalty per wrong try in interactive mode, written so that an import
/// behaves the same as a question made by hand.
const PENALTY: &str = "0.3333333";

/// Writes `scenarios` as a Moodle XML question file.
pub fn moodle_xml(scenarios: &[&Scenario]) -> Result<String, ExportError> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.create_element("quiz").write_inner_content(|w| {
        for (sale_type, group) in by_category(scenarios) {
            category_xml(w, &category_path(sale_type))?;
            for scenario in group {
                for question in questions(scenario) {
                    question_xml(w, &question)?;
                }
            }
        }
        Ok(())
    })?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(String::from_utf8(bytes)?)
}

/// A category switch: every question after it goes into `path` (created on import).
fn category_xml<W: Write>(w: &mut Writer<W>, path: &str) -> std::io::Result<()> {
    w.create_element("question")
        .with_attribute(("type", "category"))
        .write_inner_content(|w| {
            w.create_element("category").write_inner_content(|w| {
                plain_text(w, path)?;
                Ok(())
            })?;
            w.create_element("info")
                .with_attribute(("format", "html"))
                .write_inner_content(|w| html(w, ""))?;
            Ok(())
        })?;
    Ok(())
}

fn question_xml<W: Write>(w: &mut Writer<W>, q: &ChoiceQuestion<'_>) -> std::io::Result<()> {
    w.create_element("question")
        .with_attribute(("type", "multichoice"))
        .write_inner_content(|w| {
            w.create_element("name")
                .write_inner_content(|w| plain_text(w, &q.name))?;
            w.create_element("questiontext")
                .with_attribute(("format", "html"))
                .write_inner_content(|w| html(w, &q.text_html()))?;
            w.create_element("generalfeedback")
                .with_attribute(("format", "html"))
                .write_inner_content(|w| html(w, &html_text(q.general_feedback())))?;
            simple(w, "defaultgrade", "1")?;
            simple(w, "penalty", PENALTY)?;
            simple(w, "hidden", "0")?;
            simple(w, "idnumber", &q.idnumber)?;
            simple(w, "single", "true")?;
            simple(
                w,
                "shuffleanswers",
                if q.shuffle { "true" } else { "false" },
            )?;
            simple(w, "answernumbering", "abc")?;
            simple(w, "showstandardinstruction", "0")?;
            for answer in &q.answers {
                w.create_element("answer")
                    .with_attribute(("fraction", answer.fraction.to_string().as_str()))
                    .with_attribute(("format", "html"))
                    .write_inner_content(|w| {
                        html(w, &html_text(&answer.text))?;
                        w.create_element("feedback")
                            .with_attribute(("format", "html"))
                            .write_inner_content(|w| html(w, &html_text(&answer.feedback)))?;
                        Ok(())
                    })?;
            }
            let tags: Vec<&String> = q
                .scenario
                .tags
                .iter()
                .filter(|t| !t.trim().is_empty())
                .collect();
            if !tags.is_empty() {
                w.create_element("tags").write_inner_content(|w| {
                    for tag in tags {
                        w.create_element("tag")
                            .write_inner_content(|w| plain_text(w, tag))?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(())
}

fn simple<W: Write>(w: &mut Writer<W>, name: &str, value: &str) -> std::io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&xml_safe(value)))?;
    Ok(())
}

/// `<text>` with plain text, escaped.
fn plain_text<W: Write>(w: &mut Writer<W>, text: &str) -> std::io::Result<()> {
    simple(w, "text", text)
}

/// `<text>` with HTML. CDATA keeps the markup readable; text that contains the CDATA end
/// marker falls back to ordinary escaping, which Moodle reads just as well.
fn html<W: Write>(w: &mut Writer<W>, html: &str) -> std::io::Result<()> {
    let safe = xml_safe(html);
    let element = w.create_element("text");
    if (safe.contains('<') || safe.contains('&')) && !safe.contains("]]>") {
        element.write_cdata_content(BytesCData::new(safe.as_str()))?;
    } else {
        element.write_text_content(BytesText::new(&safe))?;
    }
    Ok(())
}

/// XML 1.0 cannot carry most control characters even as references, so a stray one in a
/// scenario (pasted from a word processor) would make the whole file unreadable. They are
/// replaced with U+FFFD so the spot stays visible.
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(xml_safe("a\u{1}b\tc\u{FFFF}"), "a\u{FFFD}b\tc\u{FFFD}");
    }
}
