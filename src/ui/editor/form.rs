//! The open file: its header (path, state, save, duplicate, delete), the problems not tied to
//! a field, and the form for its kind. A new kind of file (a conversation) is one more arm of
//! the `match` on [`Draft`] in `form_ui` below, with its form in a file of its own.

use egui::{Button, RichText, TextEdit, Ui};

use super::conversation::conversation_view_ui;
use super::fields::{FieldProblems, problem_ui};
use super::quiz_form::quiz_form_ui;
use super::scenario_form::scenario_form_ui;
use super::{EditorAction, Frame, push};
use crate::domain::authoring::editor::Draft;
use crate::domain::authoring::workspace::AssetCheck;
use crate::domain::bank::BankSource;
use crate::domain::bank::conversation_rules::is_conversation;
use crate::domain::bank::problem::Problem;
use crate::ui::i18n::fill;
use crate::ui::widgets::path_field::{PathField, Pick};
use crate::ui::widgets::question;

impl Frame<'_> {
    pub(super) fn form_ui(&mut self, ui: &mut Ui) {
        let (t, state, actions) = (self.t, &mut *self.state, &mut *self.actions);
        if let BankSource::Embedded = self.bank.source() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(t.editor_readonly);
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(t.editor_copy_to);
                    PathField::new(&mut state.copy_to, "copy_to", Pick::Folder, t)
                        .show(ui, label.id, t);
                    if ui
                        .add_enabled(!state.copy_to.trim().is_empty(), Button::new(t.editor_copy))
                        .clicked()
                    {
                        push(actions, EditorAction::CopyBundled);
                    }
                });
            });
            ui.add_space(6.0);
        }
        if let Some(m) = &state.message {
            question::outcome_label(ui, m.ok, &m.text);
        }
        let Some(doc) = state.doc.as_mut() else {
            ui.add_space(12.0);
            ui.label(t.editor_pick);
            return;
        };
        doc.validate(self.bank, &AssetCheck::for_bank(self.bank));

        // Header: file, state, commands.
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(doc.path().display().to_string())
                    .monospace()
                    .weak(),
            );
            if doc.is_new() {
                ui.colored_label(ui.visuals().warn_fg_color, t.editor_new_file);
            } else if doc.is_dirty() {
                ui.colored_label(ui.visuals().warn_fg_color, t.editor_unsaved);
            }
        });
        if let Some(problem) = doc.read_problem() {
            // A file that did not read losslessly is shown, never saved over.
            ui.colored_label(ui.visuals().error_fg_color, t.message(&problem.message));
            ui.disable();
        }
        let errors = doc.problems().iter().filter(|p| p.is_error()).count();
        let warnings = doc.problems().len() - errors;
        ui.horizontal_wrapped(|ui| {
            let save = Button::new(RichText::new(t.editor_save).strong());
            if ui
                .add_enabled(errors == 0 && doc.is_dirty(), save)
                .on_hover_text(t.editor_save_hover)
                .clicked()
            {
                push(actions, EditorAction::Save);
            }
            let parsed = !matches!(doc.draft, Draft::Raw(_));
            if ui
                .add_enabled(parsed, Button::new(t.editor_duplicate))
                .clicked()
            {
                push(actions, EditorAction::Duplicate);
            }
            if ui.button(t.editor_delete).clicked() {
                push(actions, EditorAction::AskDelete);
            }
        });
        if errors > 0 {
            ui.colored_label(
                ui.visuals().error_fg_color,
                fill(t.editor_errors_block_save, &[("n", &errors)]),
            );
        } else if warnings > 0 {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                fill(t.editor_warnings_note, &[("n", &warnings)]),
            );
        }
        ui.separator();

        // Problems not tied to a field are listed at the top.
        let loose: Vec<Problem> = doc
            .problems()
            .iter()
            .filter(|p| p.field.is_none())
            .cloned()
            .collect();
        for p in &loose {
            problem_ui(ui, t, p);
        }
        let problems = doc.problems().to_vec();
        let problems = FieldProblems { list: &problems, t };
        let images = state.images.clone();
        let mut cue_candidate = std::mem::take(&mut state.cue_candidate);
        let mut tag_input = std::mem::take(&mut state.tag_input);
        let lang = self.lang;
        let doc = state.doc.as_mut().expect("checked above");
        match &mut doc.draft {
            Draft::Scenario(s) => scenario_form_ui(
                ui,
                t,
                lang,
                s,
                &problems,
                &images,
                &mut cue_candidate,
                &mut tag_input,
                actions,
            ),
            Draft::Quiz(q) => {
                let quiz = q.clone();
                let matches = state.quiz_matches(self.bank, &quiz);
                let doc = state.doc.as_mut().expect("checked above");
                if let Draft::Quiz(q) = &mut doc.draft {
                    quiz_form_ui(ui, t, q, &problems, matches);
                }
            }
            Draft::Raw(text) => {
                // A conversation is always written as text; any other file is text only
                // until it parses again.
                let hint = if is_conversation(text) {
                    t.editor_conversation_hint
                } else {
                    t.editor_raw_hint
                };
                let label = ui.label(hint);
                ui.add(
                    TextEdit::multiline(text)
                        .code_editor()
                        .desired_rows(24)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                conversation_view_ui(ui, t, text, &mut state.conversation, actions);
            }
        }
        state.cue_candidate = cue_candidate;
        state.tag_input = tag_input;
    }
}
