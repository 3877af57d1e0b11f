//! The form of a scenario file.

use egui::{Button, ComboBox, Key, RichText, TextEdit, Ui};

use super::fields::{FieldProblems, field_problems_ui, selected_text, text_area_ui, text_field_ui};
use super::{EditorAction, push};
use crate::domain::bank::scenario::{Fit, Scenario};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::sale_type;

#[allow(clippy::too_many_arguments)]
pub(super) fn scenario_form_ui(
    ui: &mut Ui,
    t: &Texts,
    lang: Language,
    s: &mut Scenario,
    problems: &FieldProblems<'_>,
    images: &[String],
    cue_candidate: &mut String,
    tag_input: &mut String,
    actions: &mut Vec<Action>,
) {
    text_field_ui(ui, t.field_id, &mut s.id, problems, "id");
    ui.label(RichText::new(t.field_id_hint).weak().small());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong(t.language);
        for l in Language::ALL {
            ui.radio_value(&mut s.language, l, l.native_name());
        }
        ui.separator();
        ui.strong(t.difficulty);
        for d in 1..=3u8 {
            ui.radio_value(&mut s.difficulty, d, d.to_string());
        }
    });
    field_problems_ui(ui, problems, "difficulty");
    text_field_ui(ui, t.field_title, &mut s.title, problems, "title");
    text_field_ui(ui, t.field_industry, &mut s.industry, problems, "industry");

    ui.strong(t.field_tags);
    ui.horizontal_wrapped(|ui| {
        for (i, tag) in s.tags.iter().enumerate() {
            if ui
                .button(format!("{tag}  ×"))
                .on_hover_text(t.field_remove)
                .clicked()
            {
                push(actions, EditorAction::RemoveTag(i));
            }
        }
        let response = ui.add(
            TextEdit::singleline(tag_input)
                .desired_width(120.0)
                .hint_text(t.field_tags),
        );
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if (ui.button(t.field_add).clicked() || enter) && !tag_input.trim().is_empty() {
            push(actions, EditorAction::AddTag(std::mem::take(tag_input)));
        }
    });
    ui.add_space(4.0);

    let customer = text_area_ui(ui, t.customer, &mut s.customer, problems, "customer");
    if let Some(sel) = selected_text(&customer, &s.customer) {
        *cue_candidate = sel;
    }
    let situation = text_area_ui(ui, t.situation, &mut s.situation, problems, "situation");
    if let Some(sel) = selected_text(&situation, &s.situation) {
        *cue_candidate = sel;
    }

    ui.strong(t.field_cues);
    ui.label(RichText::new(t.field_cues_hint).weak().small());
    for (i, cue) in s.cues.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("«{cue}»"));
            if ui.small_button(t.field_remove).clicked() {
                push(actions, EditorAction::RemoveCue(i));
            }
        });
        field_problems_ui(ui, problems, &format!("cues[{i}]"));
    }
    if !cue_candidate.trim().is_empty() {
        let short: String = cue_candidate.chars().take(40).collect();
        if ui
            .button(fill(t.field_add_cue, &[("text", &short)]))
            .clicked()
        {
            push(actions, EditorAction::AddCue(std::mem::take(cue_candidate)));
        }
    }
    ui.add_space(4.0);

    ui.strong(t.field_answer);
    ui.horizontal_wrapped(|ui| {
        for st in SaleType::ALL {
            let mark = sale_type::Mark::Nothing;
            if sale_type::choice_button(ui, st, lang, s.answer == st, mark).clicked() {
                s.answer = st;
            }
        }
    });
    text_area_ui(
        ui,
        t.explanation,
        &mut s.explanation,
        problems,
        "explanation",
    );

    ui.add_space(6.0);
    ui.strong(t.field_offers);
    field_problems_ui(ui, problems, "offers");
    let count = s.offers.len();
    for (i, offer) in s.offers.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.strong(fill(t.field_offer, &[("k", &(i + 1))]));
                if ui
                    .add_enabled(i > 0, Button::new(t.field_move_up).small())
                    .clicked()
                {
                    push(actions, EditorAction::MoveOffer(i, true));
                }
                if ui
                    .add_enabled(i + 1 < count, Button::new(t.field_move_down).small())
                    .clicked()
                {
                    push(actions, EditorAction::MoveOffer(i, false));
                }
                if ui.add(Button::new(t.field_remove).small()).clicked() {
                    push(actions, EditorAction::RemoveOffer(i));
                }
            });
            let prefix = format!("offers[{i}]");
            text_field_ui(
                ui,
                t.field_offer_text,
                &mut offer.text,
                problems,
                &format!("{prefix}.text"),
            );
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(t.field_offer_kind);
                ComboBox::from_id_salt(("offer_kind", i))
                    .selected_text(offer.kind.title())
                    .show_ui(ui, |ui| {
                        for st in SaleType::ALL {
                            ui.selectable_value(&mut offer.kind, st, st.title());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.separator();
                ui.label(t.field_offer_fit);
                for (fit, label) in [
                    (Fit::Best, t.fit_best),
                    (Fit::Acceptable, t.fit_acceptable),
                    (Fit::Poor, t.fit_poor),
                ] {
                    ui.radio_value(&mut offer.fit, fit, label);
                }
            });
            field_problems_ui(ui, problems, &format!("{prefix}.kind"));
            field_problems_ui(ui, problems, &format!("{prefix}.fit"));
            text_area_ui(
                ui,
                t.field_offer_feedback,
                &mut offer.feedback,
                problems,
                &format!("{prefix}.feedback"),
            );
        });
    }
    if ui
        .add_enabled(
            count < crate::domain::bank::validate::MAX_OFFERS,
            Button::new(t.field_add_offer),
        )
        .clicked()
    {
        push(actions, EditorAction::AddOffer);
    }

    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let l = ui.strong(t.field_image);
        let current = s
            .image
            .clone()
            .unwrap_or_else(|| t.field_no_image.to_owned());
        ComboBox::from_id_salt("image")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut s.image, None, t.field_no_image);
                for img in images {
                    ui.selectable_value(&mut s.image, Some(img.clone()), img);
                }
            })
            .response
            .labelled_by(l.id);
    });
    field_problems_ui(ui, problems, "image");
}
