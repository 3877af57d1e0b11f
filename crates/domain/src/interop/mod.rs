//! Getting content and results out to other tools, and scenarios in from spreadsheets.
//!
//! - [`moodle_xml`] and [`gift`]: the bank as a Moodle question bank (two multiple-choice
//!   questions per scenario, graded like the app).
//! - [`csv`]: the bank as a spreadsheet, and reading such a spreadsheet back.
//! - [`import`]: writing the rows of a spreadsheet into a scenario folder.
//! - [`xapi`] and [`results_csv`]: the trainee's history for a learning record store or a
//!   spreadsheet.
//!
//! The question model shared by the two Moodle formats lives here, so both grade and word
//! every question the same way.

pub mod csv;
pub mod gift;
pub mod import;
pub mod moodle_xml;
pub mod results_csv;
pub mod xapi;

use crate::bank::scenario::{Fit, Scenario};
use crate::i18n::{FileMessage, texts};
use crate::language::Language;
use crate::teaching::taxonomy::{SaleType, deciding_difference};
use crate::training::scoring::{TypeVerdict, offer_points, type_points, type_verdict};

/// A failure while producing an export. Content never causes one: these come from the
/// libraries that write the formats, so they are passed on rather than reported per scenario.
/// `Display` gives English; [`ExportError::message`] gives it in either language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum ExportError {
    /// The writer failed.
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    Csv(#[from] ::csv::Error),
    /// The JSON writer failed.
    Json(#[from] serde_json::Error),
    /// The output was not UTF-8 (cannot happen for text that came from Rust strings).
    Utf8(#[from] std::string::FromUtf8Error),
}

impl ExportError {
    /// The failure as a message.
    pub fn message(&self) -> FileMessage {
        match self {
            ExportError::Io(e) => FileMessage::CannotWriteExport {
                reason: e.to_string(),
            },
            ExportError::Csv(e) => FileMessage::CannotWriteCsv {
                reason: e.to_string(),
            },
            ExportError::Json(e) => FileMessage::CannotWriteJson {
                reason: e.to_string(),
            },
            ExportError::Utf8(e) => FileMessage::ExportNotUtf8 {
                reason: e.to_string(),
            },
        }
    }
}

/// The name of the top question category; the sale types are its sub-categories.
pub const CATEGORY_ROOT: &str = "$course$/Salgstreneren";

/// The Moodle category path for scenarios whose answer is `sale_type`.
pub fn category_path(sale_type: SaleType) -> String {
    format!("{CATEGORY_ROOT}/{}", sale_type.title())
}

/// The scenarios grouped by their answer, in the order the course teaches the types; types
/// without scenarios are left out. Within a group the bank's order is kept.
pub fn by_category<'a>(scenarios: &[&'a Scenario]) -> Vec<(SaleType, Vec<&'a Scenario>)> {
    SaleType::ALL
        .into_iter()
        .map(|t| {
            let group: Vec<&Scenario> = scenarios
                .iter()
                .copied()
                .filter(|s| s.answer == t)
                .collect();
            (t, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

/// Which of the two questions a scenario becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Which sale type is this?
    SaleType,
    /// Which follow-up offer fits?
    Offer,
}

/// One answer of a multiple-choice question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceAnswer {
    /// What the trainee picks, as plain text.
    pub text: String,
    /// Share of the question's mark in percent: 100, 50 or 0.
    pub fraction: u8,
    /// Shown after the trainee picked this answer, as plain text.
    pub feedback: String,
}

/// A single-answer multiple-choice question made from a scenario, independent of the file
/// format it ends up in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceQuestion<'a> {
    /// The scenario it comes from.
    pub scenario: &'a Scenario,
    /// Which of the two questions this is.
    pub kind: QuestionKind,
    /// Stable id for the LMS (`<scenario id>-type` or `-offer`), so a re-import updates
    /// rather than duplicates where the LMS supports it.
    pub idnumber: String,
    /// The question's name in the question bank.
    pub name: String,
    /// The question itself, shown under the customer and situation.
    pub prompt: &'static str,
    /// The answers, in the order they should be listed when not shuffled.
    pub answers: Vec<ChoiceAnswer>,
    /// Whether the LMS may shuffle the answers. The sale types keep the course order, so a
    /// trainee finds them where they expect; offers are shuffled as in the app.
    pub shuffle: bool,
}

impl<'a> ChoiceQuestion<'a> {
    /// The question of this kind about `scenario`: its id, name and prompt follow from the
    /// kind. The sale types keep the course order; offers are shuffled as in the app.
    fn new(scenario: &'a Scenario, kind: QuestionKind, answers: Vec<ChoiceAnswer>) -> Self {
        let t = texts(scenario.language);
        let (suffix, word, prompt) = match kind {
            QuestionKind::SaleType => ("type", t.export_type_word, t.export_type_prompt),
            QuestionKind::Offer => ("offer", t.export_offer_word, t.export_offer_prompt),
        };
        ChoiceQuestion {
            scenario,
            kind,
            idnumber: format!("{}-{suffix}", scenario.id),
            name: format!("{} – {word}", scenario.title),
            prompt,
            answers,
            shuffle: kind == QuestionKind::Offer,
        }
    }

    /// The explanation, shown to everyone after answering.
    pub fn general_feedback(&self) -> &str {
        &self.scenario.explanation
    }

    /// The question text as HTML: customer, situation and prompt as paragraphs, with the
    /// scenario's text escaped.
    pub fn text_html(&self) -> String {
        let lang = self.scenario.language;
        let t = texts(lang);
        let (customer, situation) = (t.export_customer, t.export_situation);
        format!(
            "<p><strong>{customer}:</strong> {}</p><p><strong>{situation}:</strong> {}</p><p>{}</p>",
            html_text(&self.scenario.customer),
            html_text(&self.scenario.situation),
            html_text(self.prompt)
        )
    }
}

/// The two questions one scenario becomes: which sale type, then which offer.
pub fn questions(scenario: &Scenario) -> [ChoiceQuestion<'_>; 2] {
    let lang = scenario.language;
    let type_answers = SaleType::ALL
        .into_iter()
        .map(|chosen| ChoiceAnswer {
            text: chosen.label(lang),
            fraction: type_fraction(scenario.answer, chosen),
            feedback: type_feedback(scenario.answer, chosen, lang),
        })
        .collect();
    let offer_answers = scenario
        .offers
        .iter()
        .map(|o| ChoiceAnswer {
            text: o.text.clone(),
            fraction: offer_fraction(o.fit),
            feedback: o.feedback.clone(),
        })
        .collect();
    [
        ChoiceQuestion::new(scenario, QuestionKind::SaleType, type_answers),
        ChoiceQuestion::new(scenario, QuestionKind::Offer, offer_answers),
    ]
}

/// The share of the mark for a chosen sale type, in percent. Derived from the app's own
/// points (2 of 2, 1 of 2, 0) so the LMS grades exactly like the app.
pub fn type_fraction(answer: SaleType, chosen: SaleType) -> u8 {
    type_points(answer, chosen) * 50
}

/// The share of the mark for an offer, in percent, from the app's offer points.
pub fn offer_fraction(fit: Fit) -> u8 {
    offer_points(fit) * 50
}

/// Feedback for picking `chosen` when `answer` is right: what decides the right type, and
/// for a wrong pick, what separates the two.
pub fn type_feedback(answer: SaleType, chosen: SaleType, lang: Language) -> String {
    let cue = answer.deciding_cue(lang);
    let difference = deciding_difference(answer, chosen, lang).unwrap_or_default();
    let right = answer.label(lang);
    match (type_verdict(answer, chosen), lang) {
        (TypeVerdict::Right, Language::Nb) => format!("Riktig. {cue}"),
        (TypeVerdict::Right, Language::En) => format!("Right. {cue}"),
        (TypeVerdict::SameFamily, Language::Nb) => format!(
            "Nesten: du så at dette er et påfølgende salg, men riktig type er {right}. {difference}"
        ),
        (TypeVerdict::SameFamily, Language::En) => format!(
            "Close: you saw that this is a follow-on sale, but the right type is {right}. {difference}"
        ),
        (TypeVerdict::Wrong, Language::Nb) => format!("Riktig type er {right}. {difference}"),
        (TypeVerdict::Wrong, Language::En) => format!("The right type is {right}. {difference}"),
    }
}

/// Escapes text for HTML and keeps its line breaks, so scenario text shows as written.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_follow_the_apps_points_over_all_pairs() {
        for answer in SaleType::ALL {
            for chosen in SaleType::ALL {
                let expected = if answer == chosen {
                    100
                } else if answer.is_follow_on() && chosen.is_follow_on() {
                    50
                } else {
                    0
                };
                assert_eq!(
                    type_fraction(answer, chosen),
                    expected,
                    "{answer:?}/{chosen:?}"
                );
            }
        }
        assert_eq!(Fit::ALL.map(offer_fraction), [100, 50, 0]);
    }

    #[test]
    fn wrong_type_feedback_names_the_right_type_and_the_difference() {
        let text = type_feedback(SaleType::Tilleggssalg, SaleType::Kryssalg, Language::En);
        assert!(text.starts_with("Close:"), "{text}");
        assert!(text.contains("Tilleggssalg (add-on sale)"), "{text}");
        assert!(text.contains("belt"), "{text}");
        let text = type_feedback(SaleType::Nysalg, SaleType::Kryssalg, Language::Nb);
        assert!(text.starts_with("Riktig type er Nysalg."), "{text}");
        let text = type_feedback(SaleType::Gjensalg, SaleType::Gjensalg, Language::Nb);
        assert!(text.starts_with("Riktig."), "{text}");
    }

    #[test]
    fn html_text_escapes_markup_and_keeps_line_breaks() {
        assert_eq!(
            html_text("a < b & \"c\"\r\nd\ne"),
            "a &lt; b &amp; &quot;c&quot;<br>d<br>e"
        );
    }
}
