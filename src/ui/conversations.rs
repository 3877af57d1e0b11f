//! The Conversations screen (Samtaler): a list with the practice selection, then one
//! conversation as a chat with a "what you know" panel, the decision with the shared answering
//! widgets, and the result with the path taken beside the best path.

use egui::{Align, Button, Key, Modifiers, RichText, ScrollArea, Ui};
use jiff::Timestamp;

use crate::domain::bank::Bank;
use crate::domain::bank::conversation::{Conversation, Quality, ReplyRef};
use crate::domain::training::practice::{Filter, PracticeAction};
use crate::domain::training::scoring::cue_ranges;
use crate::domain::training::talk::{Ending, Talk, TalkAction, TalkResult};
use crate::ui::action::Action;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::question::{self, AnswerKey, AnswerView};
use crate::ui::widgets::{filter, layout, text};

/// Keys for the replies, in order.
const REPLY_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// What the trainee can ask of the Conversations screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConversationCommand {
    /// Start the conversation with this id.
    Open(String),
    /// Play a conversation from the editor (the draft, saved or not).
    Preview(Box<Conversation>),
    /// Something in the conversation being played.
    Talk(TalkAction),
    /// Back to the list.
    Close,
    /// Show feedback after each reply (`false`) or only in the result (`true`).
    SetFeedbackAtEnd(bool),
}

/// The conversation being played, with when it started (for the history).
#[derive(Debug, Default)]
pub struct ConversationsState {
    /// The conversation on screen; `None` shows the list.
    pub talk: Option<Talk>,
    /// When it started.
    pub started: Option<Timestamp>,
}

/// Draws the Conversations screen.
pub struct ConversationsScreen<'a> {
    /// The loaded bank.
    pub bank: &'a Bank,
    /// The practice selection, shared with this screen.
    pub filter: &'a Filter,
    /// The screen's state.
    pub state: &'a ConversationsState,
    /// Feedback only at the end (a setting).
    pub feedback_at_end: bool,
}

impl ConversationsScreen<'_> {
    /// Draws the list or the conversation, pushing actions to `actions`.
    pub fn ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        let narrow = layout::is_narrow(ui);
        match &self.state.talk {
            None => {
                if !narrow {
                    let panel = egui::Panel::left("conversation_selection").default_size(220.0);
                    layout::side_panel(ui, panel, |ui| self.selection_ui(ui, t, actions));
                }
                egui::CentralPanel::default().show(ui, |ui| {
                    if narrow {
                        egui::CollapsingHeader::new(t.selection)
                            .id_salt("conversation_selection_folded")
                            .show(ui, |ui| self.selection_ui(ui, t, actions));
                    }
                    self.list_ui(ui, t, actions);
                });
            }
            Some(talk) => {
                if !narrow {
                    let panel = egui::Panel::right("conversation_known").default_size(260.0);
                    layout::side_panel(ui, panel, |ui| {
                        ui.heading(t.conv_known);
                        known_ui(ui, t, talk);
                    });
                }
                egui::CentralPanel::default().show(ui, |ui| {
                    // The chat grows downwards; its newest line stays in view.
                    let scroll = ScrollArea::vertical().stick_to_bottom(true);
                    layout::text_column(ui, scroll, |ui| {
                        talk_header_ui(ui, t, talk, narrow);
                        self.talk_ui(ui, t, talk, actions);
                    });
                });
                self.keyboard(ui, talk, actions);
            }
        }
    }

    fn selection_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.heading(t.selection);
        if let Some(f) = filter::filter_ui(ui, t, t.lang, self.filter) {
            actions.push(Action::Practice(PracticeAction::SetFilter(f)));
        }
        ui.separator();
        let mut at_end = self.feedback_at_end;
        if ui.checkbox(&mut at_end, t.conv_feedback_at_end).changed() {
            actions.push(Action::Conversation(ConversationCommand::SetFeedbackAtEnd(
                at_end,
            )));
        }
    }

    fn list_ui(&self, ui: &mut Ui, t: &Texts, actions: &mut Vec<Action>) {
        ui.heading(t.conv_heading);
        ui.label(t.conv_intro);
        ui.add_space(6.0);
        // A filter over at most a few thousand small structs: cheaper than keeping an index
        // in step with both the bank and the selection.
        let matching: Vec<&Conversation> = self
            .bank
            .conversations()
            .iter()
            .filter(|c| self.filter.matches_conversation(c))
            .collect();
        if matching.is_empty() {
            ui.add_space(12.0);
            ui.strong(t.conv_none);
            ui.label(RichText::new(t.conv_none_hint).weak());
            return;
        }
        ui.label(RichText::new(fill(t.conv_count, &[("n", &matching.len())])).weak());
        ui.separator();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0
            + ui.spacing().item_spacing.y * 3.0
            + ui.spacing().button_padding.y * 2.0;
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, matching.len(), |ui, rows| {
                for c in &matching[rows] {
                    ui.horizontal(|ui| {
                        let button = Button::new(RichText::new(&c.title).strong())
                            .min_size(egui::vec2(0.0, 26.0));
                        if ui.add(button).on_hover_text(t.conv_start).clicked() {
                            actions.push(Action::Conversation(ConversationCommand::Open(
                                c.id.clone(),
                            )));
                        }
                        ui.label(
                            RichText::new(fill(
                                t.conv_meta,
                                &[
                                    ("industry", &c.industry),
                                    ("difficulty", &c.difficulty),
                                    ("steps", &c.steps.len()),
                                ],
                            ))
                            .weak(),
                        );
                    });
                    ui.add_space(ui.spacing().item_spacing.y);
                }
            });
    }

    fn keyboard(&self, ui: &mut Ui, talk: &Talk, actions: &mut Vec<Action>) {
        if ui.ctx().text_edit_focused() {
            return;
        }
        let push = |actions: &mut Vec<Action>, a| {
            actions.push(Action::Conversation(ConversationCommand::Talk(a)));
        };
        if let Some(step) = talk.current_step() {
            let replies = talk.conversation().steps[step].replies.len();
            for (i, key) in REPLY_KEYS.iter().enumerate().take(replies) {
                if ui.input_mut(|input| input.consume_key(Modifiers::NONE, *key)) {
                    push(actions, TalkAction::Reply(i));
                    // One reply per frame: the next step's keys mean something else.
                    return;
                }
            }
        } else if let Some(answer) = talk.answer() {
            for key in question::answer_keys(ui, answer) {
                match key {
                    AnswerKey::Pick(pick) => push(actions, TalkAction::Pick(pick)),
                    AnswerKey::Enter if answer.can_check() => push(actions, TalkAction::Check),
                    AnswerKey::Enter => {}
                }
            }
        }
    }

    fn talk_ui(&self, ui: &mut Ui, t: &Texts, talk: &Talk, actions: &mut Vec<Action>) {
        let c = talk.conversation();
        let show_feedback = !self.feedback_at_end;
        for turn in talk.turns() {
            let step = &c.steps[turn.at.step];
            customer_line_ui(ui, t, &step.customer);
            if let Some(reply) = c.reply(turn.at) {
                trainee_line_ui(ui, t, &reply.text);
                if show_feedback {
                    feedback_ui(ui, t, reply.quality, &reply.feedback);
                }
            }
        }
        if let Some(step) = talk.current_step() {
            let step = &c.steps[step];
            customer_line_ui(ui, t, &step.customer);
            ui.add_space(6.0);
            ui.strong(t.conv_your_reply);
            for (i, reply) in step.replies.iter().enumerate() {
                let button = Button::new((
                    RichText::new((i + 1).to_string()).strong().monospace(),
                    egui::AtomExt::atom_shrink(reply.text.as_str(), true),
                    egui::Atom::grow(),
                ))
                .wrap()
                .min_size(egui::vec2(ui.available_width(), 30.0));
                if ui.add(button).clicked() {
                    actions.push(Action::Conversation(ConversationCommand::Talk(
                        TalkAction::Reply(i),
                    )));
                }
            }
            ui.label(RichText::new(t.conv_reply_keys).weak().small());
            return;
        }

        match talk.ending() {
            Some(Ending::Leave(words)) => {
                ui.add_space(6.0);
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    RichText::new(t.conv_left).strong(),
                );
                customer_line_ui(ui, t, words);
            }
            Some(Ending::Decide) => self.decision_ui(ui, t, talk, actions),
            None => {}
        }
        if talk.is_finished() {
            ui.add_space(10.0);
            // The scroll area sticks to the bottom, so the result comes into view by itself.
            result_ui(ui, t, talk, &talk.result(), self.feedback_at_end);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(t.conv_again).clicked() {
                    actions.push(Action::Conversation(ConversationCommand::Open(
                        c.id.clone(),
                    )));
                }
                if ui.button(t.conv_back).clicked() {
                    actions.push(Action::Conversation(ConversationCommand::Close));
                }
            });
        } else {
            ui.add_space(8.0);
            if ui.button(t.conv_back).clicked() {
                actions.push(Action::Conversation(ConversationCommand::Close));
            }
        }
    }

    fn decision_ui(&self, ui: &mut Ui, t: &Texts, talk: &Talk, actions: &mut Vec<Action>) {
        let Some(answer) = talk.answer() else {
            return;
        };
        let push = |actions: &mut Vec<Action>, a| {
            actions.push(Action::Conversation(ConversationCommand::Talk(a)));
        };
        ui.add_space(8.0);
        ui.heading(t.conv_decide);
        let view = AnswerView {
            decision: talk.decision(),
            answer,
            lang: t.lang,
        };
        for pick in view.ui(ui, t) {
            push(actions, TalkAction::Pick(pick));
        }
        match &answer.outcome {
            None => {
                ui.add_space(8.0);
                let button =
                    Button::new(RichText::new(t.check).strong()).min_size(egui::vec2(160.0, 32.0));
                if ui
                    .add_enabled(answer.can_check(), button)
                    .on_disabled_hover_text(t.check_disabled_hover)
                    .clicked()
                {
                    push(actions, TalkAction::Check);
                }
                ui.label(RichText::new(t.keys_hint).weak().small());
            }
            Some(outcome) => {
                ui.add_space(10.0);
                question::outcome_ui(ui, t, t.lang, talk.decision(), outcome);
            }
        }
    }
}

/// Who the customer is; in a narrow window, with the "what you know" panel folded in below.
fn talk_header_ui(ui: &mut Ui, t: &Texts, talk: &Talk, narrow: bool) {
    let c = talk.conversation();
    question::title_ui(ui, t, &c.title, &c.industry, c.difficulty);
    ui.add_space(4.0);
    ui.label(RichText::new(&c.customer).italics());
    if narrow {
        egui::CollapsingHeader::new(fill_known(t, talk))
            .id_salt("conversation_known_folded")
            .default_open(true)
            .show(ui, |ui| known_ui(ui, t, talk));
    }
    ui.separator();
}

fn fill_known(t: &Texts, talk: &Talk) -> String {
    format!("{} ({})", t.conv_known, talk.facts().len())
}

/// The facts revealed so far; once the conversation is over, with the cues highlighted.
fn known_ui(ui: &mut Ui, t: &Texts, talk: &Talk) {
    if talk.facts().is_empty() {
        let none = if talk.is_finished() {
            t.conv_uncovered_none
        } else {
            t.conv_known_none
        };
        ui.label(RichText::new(none).weak());
        return;
    }
    let cues = &talk.conversation().cues;
    let reveal = talk.is_finished();
    for fact in talk.facts() {
        let ranges = if reveal {
            cue_ranges(fact, cues)
        } else {
            Vec::new()
        };
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.label(text::highlighted(ui, fact, &ranges));
        });
    }
    if reveal && !cues.is_empty() {
        ui.label(RichText::new(t.conv_cues_hint).weak().small());
    }
}

fn customer_line_ui(ui: &mut Ui, t: &Texts, line: &str) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width() * 0.85);
            ui.label(RichText::new(t.conv_customer_says).small().strong());
            ui.label(line);
        });
}

fn trainee_line_ui(ui: &mut Ui, t: &Texts, line: &str) {
    ui.with_layout(egui::Layout::top_down(Align::Max), |ui| {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() * 0.85);
                ui.label(RichText::new(t.conv_you_say).small().strong());
                ui.label(line);
            });
    });
}

fn quality_text(ui: &Ui, t: &Texts, quality: Quality) -> RichText {
    let visuals = ui.visuals();
    let (label, colour) = match quality {
        Quality::Good => (t.conv_quality_good, question::good_color(visuals)),
        Quality::Acceptable => (t.conv_quality_acceptable, visuals.warn_fg_color),
        Quality::Poor => (t.conv_quality_poor, visuals.error_fg_color),
    };
    RichText::new(label).color(colour).strong()
}

fn feedback_ui(ui: &mut Ui, t: &Texts, quality: Quality, feedback: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(quality_text(ui, t, quality));
        ui.label(RichText::new(feedback).italics());
    });
}

/// Points traced to every reply, the path taken beside the best path, and the facts.
fn result_ui(ui: &mut Ui, t: &Texts, talk: &Talk, r: &TalkResult, with_feedback: bool) {
    let c = talk.conversation();
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.heading(t.conv_result);
            ui.label(
                RichText::new(fill(
                    t.conv_total_points,
                    &[("points", &r.points()), ("max", &r.max_points())],
                ))
                .heading()
                .strong(),
            );
            ui.label(fill(
                t.conv_reply_points,
                &[("points", &r.taken.points), ("best", &r.best.points)],
            ));
            if r.decision().is_none() {
                ui.label(t.conv_no_decision);
            }
            ui.add_space(6.0);
            ui.columns(2, |cols| {
                path_ui(&mut cols[0], t, c, t.conv_your_path, &r.taken.replies);
                path_ui(&mut cols[1], t, c, t.conv_best_path, &r.best.replies);
            });
            ui.add_space(6.0);
            ui.strong(t.conv_uncovered);
            if r.facts.uncovered.is_empty() {
                ui.label(RichText::new(t.conv_uncovered_none).weak());
            }
            for fact in &r.facts.uncovered {
                ui.label(text::highlighted(ui, fact, &cue_ranges(fact, &c.cues)));
            }
            ui.add_space(6.0);
            ui.strong(t.conv_missed);
            if r.facts.missed.is_empty() {
                ui.label(t.conv_missed_none);
            }
            for fact in &r.facts.missed {
                ui.label(text::highlighted(ui, fact, &cue_ranges(fact, &c.cues)));
            }
            let poor: Vec<&ReplyRef> = r
                .taken
                .replies
                .iter()
                .filter(|at| c.reply(**at).is_some_and(|x| x.quality != Quality::Good))
                .collect();
            if r.left().is_some() && !poor.is_empty() {
                ui.add_space(6.0);
                ui.strong(t.conv_what_went_wrong);
                for at in poor {
                    if let Some(reply) = c.reply(*at) {
                        feedback_ui(ui, t, reply.quality, &reply.feedback);
                    }
                }
            } else if with_feedback {
                ui.add_space(6.0);
                ui.strong(t.conv_feedback_list);
                for at in &r.taken.replies {
                    if let Some(reply) = c.reply(*at) {
                        ui.label(RichText::new(&reply.text).weak());
                        feedback_ui(ui, t, reply.quality, &reply.feedback);
                    }
                }
            }
        });
}

fn path_ui(ui: &mut Ui, t: &Texts, c: &Conversation, heading: &str, path: &[ReplyRef]) {
    ui.strong(heading);
    for (n, at) in path.iter().enumerate() {
        if let Some(reply) = c.reply(*at) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}.", n + 1)).monospace());
                ui.label(quality_text(ui, t, reply.quality).small());
            });
            ui.label(&reply.text);
        }
    }
}
