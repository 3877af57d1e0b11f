//! Labelled fields with their problems right under them.

use egui::{RichText, TextEdit, Ui};

use crate::domain::bank::problem::{Problem, Severity};
use crate::ui::i18n::Texts;

/// A draft's problems, to show each beside its field in the interface language.
pub(super) struct FieldProblems<'a> {
    pub(super) list: &'a [Problem],
    pub(super) t: &'a Texts,
}

pub(super) fn problem_ui(ui: &mut Ui, t: &Texts, p: &Problem) {
    let colour = match p.severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
    };
    let text = match p.position {
        Some(pos) => format!("{}:{}: {}", pos.line, pos.column, t.message(&p.message)),
        None => t.message(&p.message),
    };
    ui.label(RichText::new(text).color(colour).small());
}

/// The problems of one field, right under it.
pub(super) fn field_problems_ui(ui: &mut Ui, problems: &FieldProblems<'_>, field: &str) {
    for p in problems
        .list
        .iter()
        .filter(|p| p.field.as_deref() == Some(field))
    {
        problem_ui(ui, problems.t, p);
    }
}

/// A labelled one-line text field with its problems.
pub(super) fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    problems: &FieldProblems<'_>,
    field: &str,
) {
    let l = ui.strong(label);
    ui.add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    field_problems_ui(ui, problems, field);
}

/// A labelled multi-line text field with its problems; returns the text output for selections.
pub(super) fn text_area_ui(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    problems: &FieldProblems<'_>,
    field: &str,
) -> egui::text_edit::TextEditOutput {
    let l = ui.strong(label);
    let output = TextEdit::multiline(value)
        .desired_rows(3)
        .desired_width(f32::INFINITY)
        .show(ui);
    output.response.response.clone().labelled_by(l.id);
    field_problems_ui(ui, problems, field);
    output
}

/// The text selected in a text edit, if any.
pub(super) fn selected_text(
    output: &egui::text_edit::TextEditOutput,
    text: &str,
) -> Option<String> {
    let range = output.cursor_range?;
    if range.is_empty() {
        return None;
    }
    let [a, b] = range.sorted_cursors();
    let (start, end) = (a.index.0, b.index.0);
    let selected: String = text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    (!selected.trim().is_empty()).then_some(selected)
}
