//! One scenario as a question: the texts, the sale-type buttons, the offers, and the outcome
//! panel. Shared by practice, quizzes and the quiz review so they look and behave the same.

use egui::{AtomExt as _, Button, Key, Modifiers, Response, RichText, Ui};

use std::sync::Arc;

use crate::domain::bank::picture::Picture;
use crate::domain::bank::scenario::{Fit, Scenario};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::scoring::{Outcome, Score, TypeVerdict, cue_ranges};
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::{icons, sale_type, text};

/// Letters for the offers, in display order; also their keyboard shortcuts.
pub const OFFER_KEYS: [(Key, &str); 6] = [
    (Key::A, "A"),
    (Key::B, "B"),
    (Key::C, "C"),
    (Key::D, "D"),
    (Key::E, "E"),
    (Key::F, "F"),
];
/// Keyboard shortcuts for the sale types, in [`SaleType::ALL`] order.
pub const TYPE_KEYS: [(Key, &str); 5] = [
    (Key::Num1, "1"),
    (Key::Num2, "2"),
    (Key::Num3, "3"),
    (Key::Num4, "4"),
    (Key::Num5, "5"),
];

/// What the trainee picked in a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A sale type.
    Type(SaleType),
    /// The offer shown at this position.
    Offer(usize),
}

/// Everything needed to draw one question.
pub struct QuestionView<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Offer indices in display order.
    pub offer_order: &'a [usize],
    /// The type picked so far.
    pub chosen_type: Option<SaleType>,
    /// The offer picked so far (file order).
    pub chosen_offer: Option<usize>,
    /// The outcome once known: locks the choices, highlights cues, shows fits.
    pub outcome: Option<&'a Outcome>,
    /// Interface language.
    pub lang: Language,
    /// The scenario's picture, decoded when the bank was loaded: (path, picture).
    pub picture: Option<(&'a str, &'a Arc<Picture>)>,
}

/// Draws the question and returns what the trainee picked this frame.
pub fn question_ui(ui: &mut Ui, t: &Texts, q: &QuestionView<'_>) -> Vec<Pick> {
    let mut picks = Vec::new();
    scenario_ui(ui, t, q.scenario, q.outcome.is_some());
    if let Some((path, picture)) = q.picture {
        picture_ui(ui, path, picture, &q.scenario.title);
    }
    ui.add_space(6.0);
    ui.strong(t.which_type);
    if let Some(st) = type_buttons_ui(ui, t, q.lang, q.chosen_type, q.outcome) {
        picks.push(Pick::Type(st));
    }
    ui.add_space(8.0);
    ui.strong(t.which_offer);
    if let Some(shown) = offers_ui(
        ui,
        t,
        q.scenario,
        q.offer_order,
        q.chosen_offer,
        q.outcome.is_some(),
    ) {
        picks.push(Pick::Offer(shown));
    }
    picks
}

/// Title, industry and level, the customer and the situation; once `revealed`, with the cues
/// highlighted.
pub fn scenario_ui(ui: &mut Ui, t: &Texts, s: &Scenario, revealed: bool) {
    ui.heading(&s.title);
    ui.label(
        RichText::new(fill(
            t.meta_line,
            &[("industry", &s.industry), ("difficulty", &s.difficulty)],
        ))
        .weak(),
    );
    ui.add_space(6.0);
    for (label, body) in [(t.customer, &s.customer), (t.situation, &s.situation)] {
        ui.strong(label);
        let ranges = if revealed {
            cue_ranges(body, &s.cues)
        } else {
            Vec::new()
        };
        ui.label(text::highlighted(ui, body, &ranges));
        ui.add_space(6.0);
    }
    if revealed && !s.cues.is_empty() {
        ui.label(RichText::new(t.cues_hint).weak().small());
    }
}

/// The five sale-type buttons with their shortcuts; after checking they are locked and mark
/// the right type and a wrong choice. Returns the type clicked this frame.
pub fn type_buttons_ui(
    ui: &mut Ui,
    t: &Texts,
    lang: Language,
    chosen: Option<SaleType>,
    outcome: Option<&Outcome>,
) -> Option<SaleType> {
    let mut clicked = None;
    ui.add_enabled_ui(outcome.is_none(), |ui| {
        ui.horizontal_wrapped(|ui| {
            for (st, (_, key)) in SaleType::ALL.into_iter().zip(TYPE_KEYS) {
                let selected = chosen == Some(st);
                let mark = match outcome {
                    None => sale_type::Mark::Shortcut(key),
                    Some(o) if o.right_type == st => sale_type::Mark::Right(t.mark_right),
                    Some(_) if selected => sale_type::Mark::Wrong(t.mark_chosen),
                    Some(_) => sale_type::Mark::Nothing,
                };
                if sale_type::choice_button(ui, st, lang, selected, mark).clicked() {
                    clicked = Some(st);
                }
            }
        });
    });
    clicked
}

/// The offers in display order with their letters; once `checked`, locked and showing each
/// offer's fit. Returns the display position clicked this frame.
pub fn offers_ui(
    ui: &mut Ui,
    t: &Texts,
    s: &Scenario,
    offer_order: &[usize],
    chosen_offer: Option<usize>,
    checked: bool,
) -> Option<usize> {
    let mut clicked = None;
    for (shown, &offer_index) in offer_order.iter().enumerate() {
        let Some(offer) = s.offers.get(offer_index) else {
            continue;
        };
        let key = OFFER_KEYS.get(shown).map_or("", |(_, k)| k);
        let mut button = Button::new((
            RichText::new(key).strong().monospace(),
            // The offer text, not the letter, is what wraps in a narrow window.
            offer.text.as_str().atom_shrink(true),
            egui::Atom::grow(),
        ))
        .selected(chosen_offer == Some(offer_index))
        .wrap()
        .min_size(egui::vec2(ui.available_width(), 30.0));
        if checked {
            button = button.right_text(fit_text(ui, t, offer.fit));
        }
        if ui.add_enabled(!checked, button).clicked() {
            clicked = Some(shown);
        }
    }
    clicked
}

/// A scenario's picture, at most 240 points high. The texture is made once per picture and
/// kept by egui, so a frame only draws it.
pub fn picture_ui(ui: &mut Ui, path: &str, picture: &Arc<Picture>, alt: &str) {
    let id = egui::Id::unique(("scenario-picture", path, Arc::as_ptr(picture) as usize));
    let texture = ui
        .ctx()
        .data(|d| d.get_temp::<egui::TextureHandle>(id))
        .unwrap_or_else(|| {
            let image = egui::ColorImage::from_rgba_unmultiplied(
                [picture.width as usize, picture.height as usize],
                &picture.rgba,
            );
            let texture = ui
                .ctx()
                .load_texture(path, image, egui::TextureOptions::LINEAR);
            ui.ctx().data_mut(|d| d.insert_temp(id, texture.clone()));
            texture
        });
    ui.add(
        egui::Image::new(&texture)
            .max_height(240.0)
            .max_width(ui.available_width())
            .alt_text(alt),
    );
    ui.add_space(6.0);
}

/// Reads the choice shortcuts (1-5, A-F) unless a text field has the keyboard.
pub fn keyboard_picks(ui: &mut Ui, offers: usize) -> Vec<Pick> {
    if ui.ctx().text_edit_focused() {
        return Vec::new();
    }
    ui.input_mut(|input| {
        let mut picks = Vec::new();
        for (t, (key, _)) in SaleType::ALL.iter().zip(TYPE_KEYS) {
            if input.consume_key(Modifiers::NONE, key) {
                picks.push(Pick::Type(*t));
            }
        }
        for (shown, (key, _)) in OFFER_KEYS.iter().enumerate().take(offers) {
            if input.consume_key(Modifiers::NONE, *key) {
                picks.push(Pick::Offer(shown));
            }
        }
        picks
    })
}

/// The scored answer: points, verdict, the deciding difference, the explanation and the
/// feedback on the chosen (and, when missed, the best) offer.
pub fn outcome_ui(
    ui: &mut Ui,
    t: &Texts,
    lang: Language,
    s: &Scenario,
    outcome: &Outcome,
) -> Response {
    outcome_with_ui(ui, t, lang, s, outcome, |_| {})
}

/// [`outcome_ui`] with something of the caller's right under the points (guided practice puts
/// its diagnosis there).
pub fn outcome_with_ui(
    ui: &mut Ui,
    t: &Texts,
    lang: Language,
    s: &Scenario,
    outcome: &Outcome,
    extra: impl FnOnce(&mut Ui),
) -> Response {
    let visuals = ui.visuals().clone();
    let (verdict, colour) = match outcome.verdict {
        TypeVerdict::Right => (t.verdict_right, good_color(&visuals)),
        TypeVerdict::SameFamily => (t.verdict_same_family, visuals.warn_fg_color),
        TypeVerdict::Wrong => (t.verdict_wrong, visuals.error_fg_color),
    };
    egui::Frame::group(ui.style())
        .fill(visuals.faint_bg_color)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(fill(
                        t.result_points,
                        &[("points", &outcome.score.total()), ("max", &Score::MAX)],
                    ))
                    .heading()
                    .strong(),
                );
                ui.colored_label(colour, verdict);
            });
            extra(ui);
            ui.add_space(4.0);
            egui::Grid::new(("result_types", s.id.as_str()))
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (label, st) in [
                        (t.you_chose, outcome.choice.sale_type),
                        (t.right_answer, outcome.right_type),
                    ] {
                        ui.label(label);
                        ui.horizontal(|ui| {
                            icons::sale_type_icon_ui(ui, st, 16.0);
                            ui.label(sale_type::rich_name(ui, st, lang));
                        });
                        ui.end_row();
                    }
                });
            if let Some(difference) = outcome.difference {
                ui.add_space(6.0);
                ui.strong(t.difference);
                ui.label(difference);
            }
            ui.add_space(6.0);
            ui.strong(t.explanation);
            ui.label(&s.explanation);
            if let Some(offer) = s.offers.get(outcome.choice.offer) {
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    ui.strong(t.your_offer);
                    ui.label(fit_text(ui, t, offer.fit));
                });
                ui.label(RichText::new(&offer.text).italics());
                ui.label(&offer.feedback);
            }
            if let Some(best) = outcome.best_offer.filter(|b| *b != outcome.choice.offer)
                && let Some(offer) = s.offers.get(best)
            {
                ui.add_space(6.0);
                ui.strong(t.best_offer_was);
                ui.label(RichText::new(&offer.text).italics());
                ui.label(&offer.feedback);
            }
        })
        .response
}

/// The colour for "right" in the current theme.
pub fn good_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_rgb(120, 210, 120)
    } else {
        egui::Color32::from_rgb(20, 120, 40)
    }
}

/// A fit as a coloured word.
pub fn fit_text(ui: &Ui, t: &Texts, fit: Fit) -> RichText {
    let visuals = ui.visuals();
    let (label, colour) = match fit {
        Fit::Best => (t.fit_best, good_color(visuals)),
        Fit::Acceptable => (t.fit_acceptable, visuals.warn_fg_color),
        Fit::Poor => (t.fit_poor, visuals.error_fg_color),
    };
    RichText::new(label).color(colour).strong()
}
