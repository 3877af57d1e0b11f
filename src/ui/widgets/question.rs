//! One decision as a question: the scenario's texts, the sale-type buttons, the offers, the
//! keys that pick them, and the outcome panel. Every screen that answers (practice, guided
//! practice, quizzes and their review, the editor's preview) draws an
//! [`Answer`] through here, so they look and behave the same.
//!
//! [`AnswerView`] is the part that does not depend on a scenario (it draws a [`Decision`]), for
//! screens that lead up to the decision in their own way.

use egui::{AtomExt as _, Button, Key, Modifiers, Response, RichText, Ui};

use std::sync::Arc;

use crate::domain::bank::Bank;
use crate::domain::bank::picture::Picture;
use crate::domain::bank::scenario::{Fit, Scenario};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::answer::{Answer, Decision, Pick};
use crate::domain::training::scoring::{Outcome, Score, TypeVerdict, cue_ranges};
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::{icons, sale_type, text};

/// Letters for the offers, in display order: their keyboard shortcuts, and (by the key's
/// name) the letters shown on them.
pub const OFFER_KEYS: [Key; 6] = [Key::A, Key::B, Key::C, Key::D, Key::E, Key::F];
/// Keyboard shortcuts for the sale types, in [`SaleType::ALL`] order, shown by the key's name.
pub const TYPE_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];

/// Everything needed to draw one scenario as a question.
pub struct QuestionView<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The answer so far; once checked, the choices are locked, the cues highlighted and the
    /// offers' fits shown.
    pub answer: &'a Answer,
    /// Interface language.
    pub lang: Language,
    /// The scenario's picture, decoded when first shown: (path, picture).
    pub picture: Option<(&'a str, Arc<Picture>)>,
}

impl<'a> QuestionView<'a> {
    /// `scenario` asked with `answer` so far, and its picture from `bank`.
    pub fn new(bank: &Bank, scenario: &'a Scenario, answer: &'a Answer, lang: Language) -> Self {
        Self {
            scenario,
            answer,
            lang,
            picture: bank.picture_of(scenario),
        }
    }

    /// Draws the scenario and the answer, and returns what the trainee clicked this frame.
    pub fn ui(&self, ui: &mut Ui, t: &Texts) -> Vec<Pick> {
        self.scenario_ui(ui, t);
        ui.add_space(6.0);
        self.answer_view().ui(ui, t)
    }

    /// The scenario's texts and picture, without the answer (once checked, with the cues
    /// highlighted).
    pub fn scenario_ui(&self, ui: &mut Ui, t: &Texts) {
        scenario_ui(ui, t, self.scenario, self.answer.is_checked());
        if let Some((path, picture)) = &self.picture {
            picture_ui(ui, path, picture, &self.scenario.title);
        }
    }

    /// The answering part alone, for screens that lead up to it in their own way.
    pub fn answer_view(&self) -> AnswerView<'a> {
        AnswerView {
            decision: self.scenario.into(),
            answer: self.answer,
            lang: self.lang,
        }
    }
}

/// The answering part of a question: the sale types and the offers of a [`Decision`].
pub struct AnswerView<'a> {
    /// What is decided.
    pub decision: Decision<'a>,
    /// The answer so far.
    pub answer: &'a Answer,
    /// Interface language.
    pub lang: Language,
}

/// A key the trainee pressed for an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKey {
    /// 1-5 for a sale type, A-F for an offer.
    Pick(Pick),
    /// Enter: the screen decides whether that checks or moves on.
    Enter,
}

impl AnswerView<'_> {
    /// Both questions with their headings; returns what was clicked this frame.
    pub fn ui(&self, ui: &mut Ui, t: &Texts) -> Vec<Pick> {
        ui.strong(t.which_type);
        let mut picks: Vec<Pick> = self.type_buttons_ui(ui, t).into_iter().collect();
        ui.add_space(8.0);
        ui.strong(t.which_offer);
        picks.extend(self.offers_ui(ui, t));
        picks
    }

    /// The five sale-type buttons with their shortcuts; after checking they are locked and mark
    /// the right type and a wrong choice. Returns the type clicked this frame.
    pub fn type_buttons_ui(&self, ui: &mut Ui, t: &Texts) -> Option<Pick> {
        let (chosen, outcome) = (self.answer.chosen_type, self.answer.outcome.as_ref());
        let mut clicked = None;
        ui.add_enabled_ui(outcome.is_none(), |ui| {
            ui.horizontal_wrapped(|ui| {
                for (st, key) in SaleType::ALL.into_iter().zip(TYPE_KEYS) {
                    let selected = chosen == Some(st);
                    let mark = match outcome {
                        None => sale_type::Mark::Shortcut(key.name()),
                        Some(o) if o.right_type == st => sale_type::Mark::Right(t.mark_right),
                        Some(_) if selected => sale_type::Mark::Wrong(t.mark_chosen),
                        Some(_) => sale_type::Mark::Nothing,
                    };
                    if sale_type::choice_button(ui, st, self.lang, selected, mark).clicked() {
                        clicked = Some(Pick::Type(st));
                    }
                }
            });
        });
        clicked
    }

    /// The offers in display order with their letters; once checked, locked and showing each
    /// offer's fit. Returns the offer clicked this frame.
    pub fn offers_ui(&self, ui: &mut Ui, t: &Texts) -> Option<Pick> {
        let checked = self.answer.is_checked();
        let mut clicked = None;
        for (shown, &offer_index) in self.answer.offer_order.iter().enumerate() {
            let Some(offer) = self.decision.offers.get(offer_index) else {
                continue;
            };
            let key = OFFER_KEYS.get(shown).map_or("", |k| k.name());
            let mut button = Button::new((
                RichText::new(key).strong().monospace(),
                // The offer text, not the letter, is what wraps in a narrow window.
                offer.text.as_str().atom_shrink(true),
                egui::Atom::grow(),
            ))
            .selected(self.answer.chosen_offer == Some(offer_index))
            .wrap()
            .min_size(egui::vec2(ui.available_width(), 30.0));
            if checked {
                button = button.right_text(fit_text(ui, t, offer.fit));
            }
            if ui.add_enabled(!checked, button).clicked() {
                clicked = Some(Pick::Offer(shown));
            }
        }
        clicked
    }

    /// Reads the answer's keys unless a text field has the keyboard: 1-5 and A-F (only for
    /// offers that are shown) while the answer is open, and Enter.
    pub fn keys(&self, ui: &mut Ui) -> Vec<AnswerKey> {
        answer_keys(ui, self.answer)
    }
}

/// [`AnswerView::keys`] for screens that read the keys apart from drawing the answer.
pub fn answer_keys(ui: &mut Ui, answer: &Answer) -> Vec<AnswerKey> {
    if ui.ctx().text_edit_focused() {
        return Vec::new();
    }
    ui.input_mut(|input| {
        let mut keys = Vec::new();
        if !answer.is_checked() {
            for (t, key) in SaleType::ALL.iter().zip(TYPE_KEYS) {
                if input.consume_key(Modifiers::NONE, key) {
                    keys.push(AnswerKey::Pick(Pick::Type(*t)));
                }
            }
            let offers = answer.offer_order.len();
            for (shown, key) in OFFER_KEYS.iter().enumerate().take(offers) {
                if input.consume_key(Modifiers::NONE, *key) {
                    keys.push(AnswerKey::Pick(Pick::Offer(shown)));
                }
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Enter) {
            keys.push(AnswerKey::Enter);
        }
        keys
    })
}

/// A scenario's or a conversation's title, with its industry and level on a weak line below.
pub fn title_ui(ui: &mut Ui, t: &Texts, title: &str, industry: &str, difficulty: u8) {
    ui.heading(title);
    let meta = fill(
        t.meta_line,
        &[("industry", &industry), ("difficulty", &difficulty)],
    );
    ui.label(RichText::new(meta).weak());
}

/// Title, industry and level, the customer and the situation; once `revealed`, with the cues
/// highlighted.
pub fn scenario_ui(ui: &mut Ui, t: &Texts, s: &Scenario, revealed: bool) {
    title_ui(ui, t, &s.title, &s.industry, s.difficulty);
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

/// Textures of the most recently shown pictures, by path and decoded picture. Bounded like
/// the bank's picture cache: a texture dropped here is freed, so paging through 200 large
/// pictures does not keep 200 textures.
#[derive(Clone, Default)]
struct PictureTextures(Vec<(String, usize, egui::TextureHandle)>);

/// A scenario's picture, at most 240 points high. The texture is made once per picture and
/// kept among the few most recently shown, so a frame only draws it.
pub fn picture_ui(ui: &mut Ui, path: &str, picture: &Arc<Picture>, alt: &str) {
    let key = Arc::as_ptr(picture) as usize;
    let cache_id = egui::Id::unique("scenario-picture-textures");
    let cached = ui.ctx().data_mut(|d| {
        let textures = d.get_temp_mut_or_default::<PictureTextures>(cache_id);
        let i = textures
            .0
            .iter()
            .position(|(p, k, _)| p == path && *k == key)?;
        let hit = textures.0.remove(i);
        let texture = hit.2.clone();
        textures.0.insert(0, hit);
        Some(texture)
    });
    let texture = cached.unwrap_or_else(|| {
        let image = egui::ColorImage::from_rgba_unmultiplied(
            [picture.width as usize, picture.height as usize],
            &picture.rgba,
        );
        let texture = ui
            .ctx()
            .load_texture(path, image, egui::TextureOptions::LINEAR);
        ui.ctx().data_mut(|d| {
            let textures = d.get_temp_mut_or_default::<PictureTextures>(cache_id);
            textures.0.retain(|(p, _, _)| p != path);
            textures
                .0
                .insert(0, (path.to_owned(), key, texture.clone()));
            textures
                .0
                .truncate(crate::domain::bank::picture::CACHE_PICTURES);
        });
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

/// The scored answer: points, verdict, the deciding difference, the explanation and the
/// feedback on the chosen (and, when missed, the best) offer.
pub fn outcome_ui(
    ui: &mut Ui,
    t: &Texts,
    lang: Language,
    decision: Decision<'_>,
    outcome: &Outcome,
) -> Response {
    outcome_with_ui(ui, t, lang, decision, outcome, |_| {})
}

/// [`outcome_ui`] with something of the caller's right under the points (guided practice puts
/// its diagnosis there).
pub fn outcome_with_ui(
    ui: &mut Ui,
    t: &Texts,
    lang: Language,
    decision: Decision<'_>,
    outcome: &Outcome,
    extra: impl FnOnce(&mut Ui),
) -> Response {
    let s = decision;
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
            egui::Grid::new(("result_types", s.id))
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
            ui.label(s.explanation);
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

/// The line under a button that says how an operation went: green when it worked, red when not.
pub fn outcome_label(ui: &mut Ui, ok: bool, text: &str) {
    let colour = if ok {
        good_color(ui.visuals())
    } else {
        ui.visuals().error_fg_color
    };
    ui.colored_label(colour, text);
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
