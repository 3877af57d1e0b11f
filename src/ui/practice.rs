//! The practice screen: one scenario, a sale type, an offer, check, feedback, next.

use egui::{Align, AtomExt as _, Button, Key, Modifiers, RichText, ScrollArea, Ui};

use crate::domain::bank::Bank;
use crate::domain::language::Language;
use crate::domain::practice::{Filter, Practice, PracticeAction, Question};
use crate::domain::scenario::{Fit, Scenario};
use crate::domain::scoring::{Outcome, Score, TypeVerdict, cue_ranges};
use crate::domain::taxonomy::SaleType;
use crate::ui::action::{Action, Screen};
use crate::ui::i18n::{Texts, fill, texts};
use crate::ui::widgets::{sale_type, text};

/// Letters for the offers, in display order; also their keyboard shortcuts.
const OFFER_KEYS: [(Key, &str); 6] = [
    (Key::A, "A"),
    (Key::B, "B"),
    (Key::C, "C"),
    (Key::D, "D"),
    (Key::E, "E"),
    (Key::F, "F"),
];
const TYPE_KEYS: [(Key, &str); 5] = [
    (Key::Num1, "1"),
    (Key::Num2, "2"),
    (Key::Num3, "3"),
    (Key::Num4, "4"),
    (Key::Num5, "5"),
];
/// Below this window width the selection panel folds into the question column.
const NARROW_WIDTH: f32 = 720.0;
/// Long lines are hard to read; the question column stops at this width.
const MAX_TEXT_WIDTH: f32 = 760.0;

/// Draws the practice screen from the session and pushes what the trainee does.
pub struct PracticeScreen<'a> {
    /// The loaded scenarios.
    pub bank: &'a Bank,
    /// The session.
    pub practice: &'a Practice,
    /// Interface language.
    pub lang: Language,
    /// Bring the result into view this frame (the frame after checking).
    pub scroll_to_result: bool,
}

impl PracticeScreen<'_> {
    /// Draws the selection panel and the question, pushing actions to `actions`.
    pub fn ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = texts(self.lang);
        // In a narrow window the selection folds into the question column instead of taking
        // a third of the width as a side panel.
        let narrow = ui.available_width() < NARROW_WIDTH;
        if !narrow {
            egui::Panel::left("practice_selection")
                .resizable(true)
                .default_size(220.0)
                .show(ui, |ui| {
                    ScrollArea::vertical().show(ui, |ui| self.selection_ui(ui, t, actions));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(MAX_TEXT_WIDTH));
                    if narrow {
                        egui::CollapsingHeader::new(t.selection_and_score)
                            .id_salt("practice_selection_folded")
                            .show(ui, |ui| self.selection_ui(ui, t, actions));
                    }
                    self.problems_banner_ui(ui, t, actions);
                    match self.practice.question() {
                        Some(q) => match self.bank.get(q.scenario) {
                            Some(s) => self.question_ui(ui, t, s, q, actions),
                            None => self.empty_ui(ui, t, actions),
                        },
                        None => self.empty_ui(ui, t, actions),
                    }
                });
        });
        self.keyboard(ui, actions);
    }

    fn keyboard(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if ui.ctx().text_edit_focused() {
            return;
        }
        let Some(q) = self.practice.question() else {
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
                && self.practice.round_size() > 0
            {
                actions.push(Action::Practice(PracticeAction::Restart));
            }
            return;
        };
        ui.input_mut(|input| {
            for (t, (key, _)) in SaleType::ALL.iter().zip(TYPE_KEYS) {
                if input.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Practice(PracticeAction::ChooseType(*t)));
                }
            }
            for (shown, (key, _)) in OFFER_KEYS.iter().enumerate().take(q.offer_order.len()) {
                if input.consume_key(Modifiers::NONE, *key) {
                    actions.push(Action::Practice(PracticeAction::ChooseOffer(shown)));
                }
            }
            if input.consume_key(Modifiers::NONE, Key::Enter) {
                if q.is_checked() {
                    actions.push(Action::Practice(PracticeAction::Next));
                } else if q.can_check() {
                    actions.push(Action::Practice(PracticeAction::Check));
                }
            }
        });
    }

    fn selection_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let filter = self.practice.filter();
        ui.heading(t.selection);
        ui.label(RichText::new(t.filter_hint).weak().small());
        ui.add_space(4.0);

        ui.strong(t.scenario_language);
        for lang in Language::ALL {
            let mut on = filter.languages.contains(&lang);
            let label = match lang {
                Language::Nb => t.scenarios_in_nb,
                Language::En => t.scenarios_in_en,
            };
            if ui.checkbox(&mut on, label).changed() {
                let mut f = filter.clone();
                Filter::toggle(&mut f.languages, lang);
                actions.push(Action::Practice(PracticeAction::SetFilter(f)));
            }
        }
        ui.add_space(4.0);
        ui.strong(t.difficulty);
        for level in 1..=3u8 {
            let mut on = filter.difficulties.contains(&level);
            let label = fill(t.difficulty_level, &[("n", &level)]);
            if ui.checkbox(&mut on, label).changed() {
                let mut f = filter.clone();
                Filter::toggle(&mut f.difficulties, level);
                actions.push(Action::Practice(PracticeAction::SetFilter(f)));
            }
        }
        ui.add_space(4.0);
        ui.strong(t.sale_types_filter);
        for st in SaleType::ALL {
            let mut on = filter.types.contains(&st);
            if ui
                .checkbox(&mut on, sale_type::rich_name(ui, st, self.lang))
                .changed()
            {
                let mut f = filter.clone();
                Filter::toggle(&mut f.types, st);
                actions.push(Action::Practice(PracticeAction::SetFilter(f)));
            }
        }

        ui.separator();
        ui.heading(t.session);
        let tally = self.practice.tally();
        ui.label(
            RichText::new(fill(
                t.points_of,
                &[("points", &tally.points), ("possible", &tally.possible)],
            ))
            .strong(),
        );
        ui.label(fill(t.answered_count, &[("n", &tally.answered)]));
        ui.label(fill(t.perfect_count, &[("n", &tally.perfect)]));
        ui.label(fill(
            t.remaining_count,
            &[
                ("n", &self.practice.remaining()),
                ("total", &self.practice.round_size()),
            ],
        ));
        ui.add_space(8.0);
        ui.label(
            RichText::new(fill(
                t.source_label,
                &[("source", &self.bank.source().describe())],
            ))
            .weak()
            .small(),
        );
    }

    fn problems_banner_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let broken = self.bank.files_with_errors();
        if broken == 0 {
            return;
        }
        egui::Frame::group(ui.style())
            .fill(ui.visuals().extreme_bg_color)
            .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        fill(t.problems_banner, &[("n", &broken)]),
                    );
                    if ui.button(t.problems_show).clicked() {
                        actions.push(Action::Show(Screen::Problems));
                    }
                });
            });
        ui.add_space(8.0);
    }

    fn empty_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.add_space(24.0);
        if self.practice.round_size() == 0 {
            ui.heading(t.empty_selection);
            ui.label(t.empty_selection_hint);
        } else {
            ui.heading(fill(t.round_done, &[("n", &self.practice.round_size())]));
            let tally = self.practice.tally();
            ui.label(fill(
                t.points_of,
                &[("points", &tally.points), ("possible", &tally.possible)],
            ));
            ui.add_space(8.0);
            if ui.button(t.restart).clicked() {
                actions.push(Action::Practice(PracticeAction::Restart));
            }
        }
    }

    fn question_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        s: &Scenario,
        q: &Question,
        actions: &mut Vec<Action>,
    ) {
        ui.heading(&s.title);
        ui.label(
            RichText::new(fill(
                t.meta_line,
                &[("industry", &s.industry), ("difficulty", &s.difficulty)],
            ))
            .weak(),
        );
        ui.add_space(6.0);

        let checked = q.is_checked();
        for (label, body) in [(t.customer, &s.customer), (t.situation, &s.situation)] {
            ui.strong(label);
            let ranges = if checked {
                cue_ranges(body, &s.cues)
            } else {
                Vec::new()
            };
            ui.label(text::highlighted(ui, body, &ranges));
            ui.add_space(6.0);
        }
        if checked && !s.cues.is_empty() {
            ui.label(RichText::new(t.cues_hint).weak().small());
        }

        ui.add_space(6.0);
        ui.strong(t.which_type);
        ui.add_enabled_ui(!checked, |ui| {
            ui.horizontal_wrapped(|ui| {
                for (st, (_, key)) in SaleType::ALL.into_iter().zip(TYPE_KEYS) {
                    let selected = q.chosen_type == Some(st);
                    let mark = match &q.outcome {
                        None => sale_type::Mark::Shortcut(key),
                        Some(o) if o.right_type == st => sale_type::Mark::Right(t.mark_right),
                        Some(_) if selected => sale_type::Mark::Wrong(t.mark_chosen),
                        Some(_) => sale_type::Mark::Nothing,
                    };
                    if sale_type::choice_button(ui, st, self.lang, selected, mark).clicked() {
                        actions.push(Action::Practice(PracticeAction::ChooseType(st)));
                    }
                }
            });
        });

        ui.add_space(8.0);
        ui.strong(t.which_offer);
        for (shown, &offer_index) in q.offer_order.iter().enumerate() {
            let Some(offer) = s.offers.get(offer_index) else {
                continue;
            };
            let key = OFFER_KEYS.get(shown).map_or("", |(_, k)| k);
            let selected = q.chosen_offer == Some(offer_index);
            let mut button = Button::new((
                RichText::new(key).strong().monospace(),
                // The offer text, not the letter, is what wraps in a narrow window.
                offer.text.as_str().atom_shrink(true),
                egui::Atom::grow(),
            ))
            .selected(selected)
            .wrap()
            .min_size(egui::vec2(ui.available_width(), 30.0));
            if checked {
                button = button.right_text(fit_text(ui, t, offer.fit));
            }
            let response = ui.add_enabled(!checked, button);
            if response.clicked() {
                actions.push(Action::Practice(PracticeAction::ChooseOffer(shown)));
            }
        }

        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if checked {
                if ui
                    .add(
                        Button::new(RichText::new(t.next).strong())
                            .min_size(egui::vec2(160.0, 32.0)),
                    )
                    .clicked()
                {
                    actions.push(Action::Practice(PracticeAction::Next));
                }
            } else {
                let button =
                    Button::new(RichText::new(t.check).strong()).min_size(egui::vec2(160.0, 32.0));
                let response = ui
                    .add_enabled(q.can_check(), button)
                    .on_disabled_hover_text(t.check_disabled_hover);
                if response.clicked() {
                    actions.push(Action::Practice(PracticeAction::Check));
                }
            }
        });
        ui.label(RichText::new(t.keys_hint).weak().small());

        if let Some(outcome) = &q.outcome {
            ui.add_space(10.0);
            self.result_ui(ui, t, s, outcome);
        }
    }

    fn result_ui(&self, ui: &mut Ui, t: &Texts, s: &Scenario, outcome: &Outcome) {
        let visuals = ui.visuals().clone();
        let (verdict, colour) = match outcome.verdict {
            TypeVerdict::Right => (t.verdict_right, good_color(&visuals)),
            TypeVerdict::SameFamily => (t.verdict_same_family, visuals.warn_fg_color),
            TypeVerdict::Wrong => (t.verdict_wrong, visuals.error_fg_color),
        };
        let response = egui::Frame::group(ui.style())
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
                ui.add_space(4.0);
                egui::Grid::new("result_types")
                    .num_columns(2)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        ui.label(t.you_chose);
                        ui.label(sale_type::rich_name(
                            ui,
                            outcome.choice.sale_type,
                            self.lang,
                        ));
                        ui.end_row();
                        ui.label(t.right_answer);
                        ui.label(sale_type::rich_name(ui, outcome.right_type, self.lang));
                        ui.end_row();
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
            .response;
        if self.scroll_to_result {
            response.scroll_to_me(Some(Align::Min));
        }
    }
}

pub(crate) fn good_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_rgb(120, 210, 120)
    } else {
        egui::Color32::from_rgb(20, 120, 40)
    }
}

pub(crate) fn fit_text(ui: &Ui, t: &Texts, fit: Fit) -> RichText {
    let visuals = ui.visuals();
    let (label, colour) = match fit {
        Fit::Best => (t.fit_best, good_color(visuals)),
        Fit::Acceptable => (t.fit_acceptable, visuals.warn_fg_color),
        Fit::Poor => (t.fit_poor, visuals.error_fg_color),
    };
    RichText::new(label).color(colour).strong()
}
