//! The form of a quiz file.

use egui::{DragValue, RichText, TextEdit, Ui};

use super::fields::{FieldProblems, field_problems_ui, text_field_ui};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::quiz::{FeedbackTiming, Quiz};
use crate::ui::i18n::{Texts, fill};

pub(super) fn quiz_form_ui(
    ui: &mut Ui,
    t: &Texts,
    q: &mut Quiz,
    problems: &FieldProblems<'_>,
    matches: usize,
) {
    text_field_ui(ui, t.field_id, &mut q.id, problems, "id");
    text_field_ui(ui, t.field_title, &mut q.title, problems, "title");
    ui.horizontal_wrapped(|ui| {
        ui.strong(t.language);
        for l in Language::ALL {
            ui.radio_value(&mut q.language, l, l.native_name());
        }
    });
    ui.horizontal_wrapped(|ui| {
        let l = ui.strong(t.quiz_field_questions);
        ui.add(DragValue::new(&mut q.questions).range(1..=500))
            .labelled_by(l.id);
    });
    field_problems_ui(ui, problems, "questions");

    ui.strong(t.selection);
    ui.horizontal_wrapped(|ui| {
        for st in SaleType::ALL {
            let mut on = q.select.types.contains(&st);
            if ui.checkbox(&mut on, st.title()).changed() {
                crate::domain::training::practice::Filter::toggle(&mut q.select.types, st);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(t.difficulty);
        for d in 1..=3u8 {
            let mut on = q.select.difficulty.contains(&d);
            if ui.checkbox(&mut on, d.to_string()).changed() {
                crate::domain::training::practice::Filter::toggle(&mut q.select.difficulty, d);
            }
        }
    });
    list_field_ui(ui, t.quiz_field_tags, &mut q.select.tags);
    list_field_ui(ui, t.quiz_field_ids, &mut q.select.ids);
    field_problems_ui(ui, problems, "select");
    ui.label(RichText::new(fill(t.quiz_matches, &[("n", &matches)])).strong());

    ui.horizontal_wrapped(|ui| {
        let mut seeded = q.seed.is_some();
        if ui.checkbox(&mut seeded, t.quiz_field_seed).changed() {
            q.seed = seeded.then_some(1);
        }
        if let Some(seed) = &mut q.seed {
            ui.add(DragValue::new(seed));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut limited = q.time_limit_minutes.is_some();
        if ui.checkbox(&mut limited, t.quiz_field_time_limit).changed() {
            q.time_limit_minutes = limited.then_some(20);
        }
        if let Some(minutes) = &mut q.time_limit_minutes {
            ui.add(DragValue::new(minutes).range(1..=600));
        }
    });
    field_problems_ui(ui, problems, "time_limit_minutes");
    ui.horizontal_wrapped(|ui| {
        let l = ui.strong(t.quiz_field_pass);
        ui.add(egui::Slider::new(&mut q.pass_percent, 0..=100))
            .labelled_by(l.id);
    });
    field_problems_ui(ui, problems, "pass_percent");
    ui.horizontal_wrapped(|ui| {
        ui.strong(t.quiz_field_feedback);
        ui.radio_value(
            &mut q.feedback,
            FeedbackTiming::AfterEach,
            t.quiz_feedback_after_each,
        );
        ui.radio_value(
            &mut q.feedback,
            FeedbackTiming::AtEnd,
            t.quiz_feedback_at_end,
        );
    });
    ui.checkbox(&mut q.partial_credit, t.quiz_field_partial);
    ui.checkbox(&mut q.ask_confidence, t.quiz_field_confidence);
}

/// A comma-separated list edited as one line. While the field has focus its own text is
/// kept, so a trailing comma or space survives until the next item is typed.
fn list_field_ui(ui: &mut Ui, label: &str, list: &mut Vec<String>) {
    let id = ui.make_persistent_id(("list_field", label));
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| list.join(", "));
    let l = ui.label(label);
    let response = ui
        .add(TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    if response.changed() {
        *list = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
}
