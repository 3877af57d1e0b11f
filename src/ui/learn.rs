//! The Learn screen: the decision path as a diagram, the five sale types with examples and the
//! type each is confused with, the edge cases and how they are ruled, and why follow-on sales
//! pay.
//!
//! [`LearnState`] is what the screen keeps between frames (the box explained).

use egui::{Color32, RichText, ScrollArea, Sense, Ui, vec2};

use crate::domain::language::Language;
use crate::domain::teaching::edge_cases::EdgeCase;
use crate::domain::teaching::lessons::{self, Example, Lesson, PathNode, Section};
use crate::domain::teaching::taxonomy::SaleType;
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill, texts};
use crate::ui::widgets::decision_path::DecisionDiagram;
use crate::ui::widgets::{icons, sale_type};

/// Text is hard to read in very long lines; the diagram may use a little more.
const MAX_TEXT_WIDTH: f32 = 980.0;
const SCROLL_BAR_CLEARANCE: f32 = 10.0;

/// What the Learn screen keeps between frames.
#[derive(Debug, Default)]
pub struct LearnState {
    /// The diagram box whose explanation is shown.
    pub selected: Option<PathNode>,
    /// Bring the explanation into view on the next frame (a box was just clicked: in a narrow
    /// window the explanation is below the fold).
    pub scroll_to_explanation: bool,
    /// The edge-case buttons' counts, for the bank generation and languages they were
    /// counted for: counting walks the whole bank, so it is done when either changes.
    edge_counts: Option<(u64, Vec<Language>, [usize; EdgeCase::COUNT])>,
}

impl LearnState {
    /// How many scenarios each edge case's practice button would draw, counted by `count`
    /// only when the bank (`generation`) or the selected `languages` changed.
    pub fn edge_counts(
        &mut self,
        generation: u64,
        languages: &[Language],
        count: impl FnOnce() -> [usize; EdgeCase::COUNT],
    ) -> [usize; EdgeCase::COUNT] {
        match &self.edge_counts {
            Some((g, l, counts)) if *g == generation && l == languages => *counts,
            _ => {
                let counts = count();
                self.edge_counts = Some((generation, languages.to_vec(), counts));
                counts
            }
        }
    }

    /// Shows what `node` means, and scrolls to it.
    pub fn explain(&mut self, node: PathNode) {
        self.selected = Some(node);
        self.scroll_to_explanation = true;
    }

    /// The screen for one frame; a scroll request is used up by it. `edge_counts` is how
    /// many scenarios each edge case's practice button would draw.
    pub fn screen(&mut self, lang: Language, edge_counts: [usize; EdgeCase::COUNT]) -> LearnScreen {
        LearnScreen {
            lang,
            edge_counts,
            selected: self.selected,
            scroll_to_explanation: std::mem::take(&mut self.scroll_to_explanation),
        }
    }
}

/// Draws the Learn screen and pushes what the trainee does.
pub struct LearnScreen {
    /// Interface language, which is also the language of the lessons.
    pub lang: Language,
    /// How many scenarios in the practice languages exercise each edge case, in
    /// [`EdgeCase::ALL`] order: what each case's practice button would draw.
    pub edge_counts: [usize; EdgeCase::COUNT],
    /// The diagram box whose explanation is shown.
    pub selected: Option<PathNode>,
    /// Bring the explanation into view this frame (the frame after a box was clicked).
    pub scroll_to_explanation: bool,
}

impl LearnScreen {
    /// Draws the whole screen in a scroll area.
    pub fn ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = texts(self.lang);
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("learn_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // Keep clear of the floating scroll bar, which the diagram's boxes
                    // would otherwise run under.
                    let width = ui.available_width() - SCROLL_BAR_CLEARANCE;
                    ui.set_max_width(width.min(MAX_TEXT_WIDTH));
                    ui.heading(t.learn_heading);
                    ui.label(t.learn_intro);
                    ui.add_space(12.0);
                    self.diagram_ui(ui, t, actions);
                    ui.add_space(16.0);
                    ui.heading(t.types_heading);
                    ui.add_space(4.0);
                    for lesson in lessons::lessons(self.lang) {
                        self.lesson_ui(ui, t, &lesson);
                        ui.add_space(8.0);
                    }
                    ui.add_space(8.0);
                    ui.heading(t.edge_heading);
                    ui.label(t.edge_intro);
                    ui.add_space(4.0);
                    for case in EdgeCase::ALL {
                        self.edge_case_ui(ui, t, case, actions);
                        ui.add_space(8.0);
                    }
                    ui.add_space(8.0);
                    for section in lessons::follow_on_sections(self.lang) {
                        section_ui(ui, &section);
                        ui.add_space(10.0);
                    }
                });
        });
    }

    fn diagram_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.heading(t.diagram_heading);
        ui.label(RichText::new(t.diagram_hint).weak());
        ui.add_space(8.0);
        let clicked = DecisionDiagram {
            lang: self.lang,
            texts: t,
            selected: self.selected,
        }
        .ui(ui);
        if let Some(node) = clicked {
            actions.push(Action::ExplainNode(node));
        }
        if let Some(node) = self.selected {
            ui.add_space(10.0);
            self.explanation_ui(ui, t, node);
        }
    }

    /// What the selected box means: the question's explanation, or the type's cue and how it
    /// differs from the type it is confused with.
    fn explanation_ui(&self, ui: &mut Ui, t: &Texts, node: PathNode) {
        let response = egui::Frame::group(ui.style())
            .fill(ui.visuals().faint_bg_color)
            .inner_margin(12.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                match node {
                    PathNode::Question(step) => {
                        ui.label(
                            RichText::new(fill(t.step_n, &[("n", &step.number())]))
                                .weak()
                                .small(),
                        );
                        ui.label(RichText::new(step.question(self.lang)).strong());
                        ui.add_space(4.0);
                        ui.label(node.explanation(self.lang));
                    }
                    PathNode::Outcome(st) => {
                        let lesson = lessons::lesson(st, self.lang);
                        type_title_ui(ui, st, self.lang, 22.0);
                        ui.add_space(4.0);
                        ui.label(node.explanation(self.lang));
                        ui.add_space(4.0);
                        if let Some(example) = lesson.examples.first() {
                            ui.add_space(4.0);
                            ui.strong(t.examples);
                            example_ui(ui, example);
                        }
                        ui.add_space(4.0);
                        confusion_ui(ui, t, &lesson, self.lang);
                    }
                }
            })
            .response;
        if self.scroll_to_explanation {
            response.scroll_to_me(None);
        }
    }

    fn lesson_ui(&self, ui: &mut Ui, t: &Texts, lesson: &Lesson) {
        let color = sale_type::color(lesson.sale_type, ui.visuals().dark_mode);
        egui::Frame::group(ui.style())
            .inner_margin(12.0)
            .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                type_title_ui(ui, lesson.sale_type, self.lang, 26.0);
                ui.add_space(4.0);
                ui.strong(t.deciding_cue);
                ui.label(lesson.cue);
                ui.add_space(4.0);
                ui.strong(t.examples);
                for example in &lesson.examples {
                    example_ui(ui, example);
                }
                ui.add_space(4.0);
                confusion_ui(ui, t, lesson, self.lang);
            });
    }

    /// One edge case: the ruling, why it follows, an example with its answer, and a button
    /// that practises the scenarios written for it.
    fn edge_case_ui(&self, ui: &mut Ui, t: &Texts, case: EdgeCase, actions: &mut Vec<Action>) {
        let texts = t.edge_case(case);
        let answer = case.example_answer();
        egui::Frame::group(ui.style())
            .inner_margin(12.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(texts.title).size(18.0).strong());
                ui.add_space(4.0);
                ui.strong(t.edge_ruling);
                ui.label(texts.ruling);
                ui.add_space(4.0);
                ui.strong(t.edge_why);
                ui.label(texts.why);
                ui.add_space(4.0);
                ui.strong(t.edge_example);
                bullet_ui(ui, |ui| {
                    ui.label(texts.example);
                });
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(14.0);
                    icons::sale_type_icon_ui(ui, answer, 16.0);
                    ui.label(
                        RichText::new(fill(
                            t.edge_example_answer,
                            &[("type", &answer.label(self.lang))],
                        ))
                        .strong()
                        .color(sale_type::color(answer, ui.visuals().dark_mode)),
                    );
                });
                ui.add_space(6.0);
                let n = self.edge_counts[case.index()];
                let label = t.edge_practice_label(case, n);
                let response = ui
                    .add_enabled(n > 0, egui::Button::new(label))
                    .on_disabled_hover_text(t.edge_practice_none);
                if response.clicked() {
                    actions.push(Action::PracticeEdgeCase(case));
                }
            });
    }
}

/// The type's icon and name, with the English name beside it in the English interface.
fn type_title_ui(ui: &mut Ui, t: SaleType, lang: Language, icon_size: f32) {
    ui.horizontal(|ui| {
        icons::sale_type_icon_ui(ui, t, icon_size);
        ui.label(
            RichText::new(t.title())
                .size(icon_size * 0.75)
                .strong()
                .color(sale_type::color(t, ui.visuals().dark_mode)),
        );
        if lang == Language::En {
            ui.label(RichText::new(format!("({})", t.english())).weak());
        }
    });
}

fn example_ui(ui: &mut Ui, example: &Example) {
    bullet_ui(ui, |ui| {
        ui.label(RichText::new(format!("{}:", example.industry)).strong());
        ui.label(example.text);
    });
}

/// "Often confused with X" and what separates the two.
fn confusion_ui(ui: &mut Ui, t: &Texts, lesson: &Lesson, lang: Language) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(fill(
            t.confused_with,
            &[("type", &lesson.confused_with.label(lang))],
        ));
        icons::sale_type_icon_ui(ui, lesson.confused_with, 16.0);
    });
    ui.label(lesson.difference);
}

fn section_ui(ui: &mut Ui, section: &Section) {
    ui.heading(section.title);
    ui.label(section.lead);
    ui.add_space(2.0);
    for point in section.points {
        bullet_ui(ui, |ui| {
            ui.label(*point);
        });
    }
}

/// A list item: a painted dot (the default fonts have no bullet glyph to rely on) and the
/// contents wrapping beside it.
fn bullet_ui(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui)) {
    ui.horizontal_top(|ui| {
        let row = ui.text_style_height(&egui::TextStyle::Body);
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, row), Sense::hover());
        let color: Color32 = ui.visuals().text_color();
        // Level with the middle of the lower-case letters, a little under the row's centre.
        ui.painter()
            .circle_filled(rect.center() + vec2(0.0, 1.5), 2.5, color);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            add_contents(ui);
        });
    });
}
