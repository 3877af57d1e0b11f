//! The editor's view of a conversation file: the conversation drawn as a graph under its text,
//! the step clicked in the graph shown as a form (what the customer says, each reply with its
//! quality, feedback, facts and where it leads), and a button that plays the draft as a trainee
//! would on the Conversations screen.
//!
//! Conversation files are edited as text (validated as typed, with every problem's line and
//! column); this view is what makes the graph's shape, and its mistakes, visible.

use egui::{RichText, ScrollArea, Ui};

use crate::domain::authoring::conversation_graph::Graph;
use crate::domain::bank::conversation::{Conversation, Next};
use crate::domain::bank::conversation_rules::{is_conversation, parse_conversation};
use crate::ui::action::Action;
use crate::ui::conversations::ConversationCommand;
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::conversation_graph::{graph_ui, quality_color};

/// What the view keeps between frames: the last text it parsed (parsing a conversation every
/// frame would cost as much as validating it) and the step selected in the graph.
#[derive(Debug, Default)]
pub(super) struct ConversationEditorState {
    parsed_text: String,
    parsed: Option<(Conversation, Graph)>,
    /// The step whose form is shown.
    pub selected: Option<usize>,
}

impl ConversationEditorState {
    fn refresh(&mut self, text: &str) {
        if self.parsed_text == text && (self.parsed.is_some() || !text.is_empty()) {
            return;
        }
        self.parsed_text = text.to_owned();
        self.parsed = is_conversation(text)
            .then(|| parse_conversation(std::path::Path::new("draft.ron"), text).ok())
            .flatten()
            .map(|c| {
                let graph = Graph::of(&c);
                (c, graph)
            });
        if self
            .selected
            .is_some_and(|s| self.parsed.as_ref().is_none_or(|(c, _)| s >= c.steps.len()))
        {
            self.selected = None;
        }
    }
}

/// Draws the graph, the selected step's form and the preview button for a conversation typed
/// as `text`; nothing when the text is not a conversation that parses.
pub(super) fn conversation_view_ui(
    ui: &mut Ui,
    t: &Texts,
    text: &str,
    state: &mut ConversationEditorState,
    actions: &mut Vec<Action>,
) {
    state.refresh(text);
    let Some((c, graph)) = &state.parsed else {
        return;
    };
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading(t.graph_heading);
        if ui.button(t.graph_try).clicked() {
            actions.push(Action::Conversation(ConversationCommand::Preview(
                Box::new(c.clone()),
            )));
        }
    });
    ui.label(RichText::new(t.graph_hint).weak().small());
    ScrollArea::horizontal()
        .id_salt("conversation_graph")
        .show(ui, |ui| {
            if let Some(s) = graph_ui(ui, t, c, graph, state.selected) {
                state.selected = Some(s);
            }
        });
    let Some(step) = state.selected.and_then(|s| c.steps.get(s)) else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(fill(t.graph_step, &[("id", &step.id)]));
        ui.label(RichText::new(&step.customer).italics());
        for (i, reply) in step.replies.iter().enumerate() {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new((i + 1).to_string()).monospace().strong());
                ui.colored_label(
                    quality_color(ui.visuals(), reply.quality),
                    format!("{:?}", reply.quality),
                );
                ui.label(&reply.text);
            });
            ui.label(RichText::new(&reply.feedback).weak());
            for fact in &reply.reveals {
                ui.label(format!("+ {fact}"));
            }
            let next = match &reply.next {
                Next::Step(id) => format!("→ {id}"),
                Next::Decide => format!("→ {}", t.graph_decide),
                Next::Leave(words) => format!("→ {}: «{words}»", t.graph_leave),
            };
            ui.label(RichText::new(next).monospace());
        }
    });
}
