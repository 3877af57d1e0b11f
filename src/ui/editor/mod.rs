//! The editor screen: every scenario and quiz file in a searchable list, a form for the open
//! file with its problems beside each field, a live preview, and the dialogs that keep work
//! from being lost (unsaved changes, files changed on disk, delete).
//!
//! One file per part: `list`, `form` (the open file, dispatching to `scenario_form`,
//! `quiz_form` and `conversation`: a conversation is edited as text, under its graph and the
//! form of the step selected in it), `fields` (labelled fields with their problems), `preview`
//! and `dialogs`. The file operations are the domain's
//! [`Workspace`](crate::domain::authoring::workspace::Workspace); the app applies the actions.
//!
//! # Which edits are actions
//!
//! **A widget that edits one value of the draft writes it in place; everything else is an
//! [`EditorAction`].** A text field, radio button, checkbox, combo box, slider or sale-type
//! button is bound to its value (`&mut`), as egui intends, and the document notices the change
//! when it validates next frame. Adding, removing or moving an item of a list whose items have
//! widgets of their own (offers, cues, tags) is an action, because the form is still drawing
//! those items by index in the same frame; so is everything outside the draft: files, dialogs,
//! the preview's answer, import and export. What the screen keeps for itself between frames
//! (filters, the tag being typed, the selected cue) lives in [`EditorState`].

mod conversation;
mod dialogs;
mod fields;
mod form;
mod list;
mod preview;
mod quiz_form;
mod scenario_form;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, ScrollArea, Ui};

use crate::domain::authoring::editor::{Document, Draft};
use crate::domain::bank::Bank;
use crate::domain::bank::search::SearchIndex;
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::answer::{Answer, Pick};
use crate::domain::training::quiz::Quiz;
use crate::ui::action::Action;
use crate::ui::i18n::Texts;
use conversation::ConversationEditorState;

/// Below this width the preview sits under the form instead of beside it.
const WIDE: f32 = 900.0;

/// What waits for an answer about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Open another file.
    Open(PathBuf),
    /// Start a new scenario.
    NewScenario,
    /// Start a new quiz.
    NewQuiz,
    /// Start a new conversation.
    NewConversation,
    /// Close the window.
    Close,
}

/// The question the editor is asking, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Dialog {
    /// None.
    #[default]
    None,
    /// The open file has unsaved changes: save, discard or cancel before `Pending`.
    Discard(Pending),
    /// The file changed on disk since it was opened: reload, overwrite or save as a copy.
    Conflict,
    /// Really delete (move to the trash)?
    Delete,
}

/// A line of feedback after an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// True for success, false for a refusal or failure.
    pub ok: bool,
    /// The text.
    pub text: String,
}

/// What the editor asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorAction {
    /// Open a file (asks first when the open one has unsaved changes).
    Open(PathBuf),
    /// Start a new scenario from the blank template.
    NewScenario,
    /// Start a new quiz.
    NewQuiz,
    /// Start a new conversation from the commented template.
    NewConversation,
    /// Copy the open file under a fresh id (unsaved until saved).
    Duplicate,
    /// Ask before deleting.
    AskDelete,
    /// Move the open file to the trash folder.
    ConfirmDelete,
    /// Close the dialog without doing anything.
    CloseDialog,
    /// Drop the unsaved changes and go on with what was pending.
    Discard,
    /// Save, then go on with what was pending.
    SaveAndContinue,
    /// Save the open file.
    Save,
    /// Overwrite a file that changed on disk.
    Overwrite,
    /// Save the draft as a new file with a fresh id.
    SaveCopy,
    /// Read the file from disk again, dropping the draft.
    Reload,
    /// Add an offer.
    AddOffer,
    /// Remove an offer.
    RemoveOffer(usize),
    /// Move an offer up (true) or down.
    MoveOffer(usize, bool),
    /// Add a cue.
    AddCue(String),
    /// Remove a cue.
    RemoveCue(usize),
    /// Add a tag.
    AddTag(String),
    /// Remove a tag.
    RemoveTag(usize),
    /// Copy the bundled bank into the folder typed in and open it.
    CopyBundled,
    /// A choice in the preview.
    Preview(Pick),
    /// Check the preview's answer.
    PreviewCheck,
    /// Start the preview again.
    PreviewReset,
    /// Export the bank to the file typed in.
    Export(ExportFormat),
    /// Import the spreadsheet typed in into the open folder.
    ImportCsv,
}

/// The bank formats the editor can export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Moodle XML question bank.
    MoodleXml,
    /// Moodle GIFT text.
    Gift,
    /// The spreadsheet layout that `import` reads.
    Csv,
}

/// Everything the editor screen keeps between frames.
#[derive(Debug, Default)]
pub struct EditorState {
    /// Search text.
    pub search: String,
    /// Language filter.
    pub language: Option<Language>,
    /// Sale type filter.
    pub sale_type: Option<SaleType>,
    /// Difficulty filter.
    pub level: Option<u8>,
    /// Tag filter (exact tag, empty for any).
    pub tag: String,
    list: Vec<usize>,
    list_key: Option<list::ListKey>,
    /// The words of the bank's files, made at the first search, with the bank generation.
    search_index: Option<(u64, SearchIndex)>,
    /// The open file.
    pub doc: Option<Document>,
    /// The dialog showing.
    pub dialog: Dialog,
    /// Where to copy the bundled bank.
    pub copy_to: String,
    /// Feedback after the last operation.
    pub message: Option<Notice>,
    /// The preview's own answer, so an author can try the scenario like a trainee.
    pub preview: Answer,
    /// Text selected in the customer or situation field, offered as a cue.
    pub cue_candidate: String,
    /// The tag being typed.
    pub tag_input: String,
    /// Image files in the assets folder, read when a file is opened.
    pub images: Vec<String>,
    /// The file to export to or import from.
    pub interop_path: String,
    /// Problems from the last import, by row and column.
    pub import_problems: Vec<String>,
    quiz_matches: Option<(Quiz, usize)>,
    /// The graph and step form of a conversation file.
    conversation: ConversationEditorState,
}

impl EditorState {
    /// True when the open file has changes that are not on disk.
    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(Document::is_dirty)
    }

    /// The number of scenarios a quiz draft's selection matches, recomputed only when the
    /// selection or language changes.
    fn quiz_matches(&mut self, bank: &Bank, quiz: &Quiz) -> usize {
        let stale = self
            .quiz_matches
            .as_ref()
            .is_none_or(|(q, _)| q.select != quiz.select || q.language != quiz.language);
        if stale {
            self.quiz_matches = Some((quiz.clone(), quiz.matching(bank).len()));
        }
        self.quiz_matches.as_ref().map_or(0, |(_, n)| *n)
    }

    /// Forgets cached figures after the bank changed.
    pub fn bank_changed(&mut self) {
        self.quiz_matches = None;
    }
}

/// Draws the editor.
pub struct EditorScreen<'a> {
    /// The loaded bank.
    pub bank: &'a Bank,
    /// Bumped whenever the bank is replaced, to refresh cached lists.
    pub generation: u64,
    /// Interface language.
    pub lang: Language,
}

impl EditorScreen<'_> {
    /// Draws the list, the form and the preview, and pushes actions.
    pub fn ui(&self, ui: &mut Ui, t: &Texts, state: &mut EditorState, actions: &mut Vec<Action>) {
        if ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)))
        {
            push(actions, EditorAction::Save);
        }
        let wide = ui.available_width() >= WIDE;
        let has_preview = matches!(
            state.doc.as_ref().map(|d| &d.draft),
            Some(Draft::Scenario(_))
        );
        let mut frame = Frame {
            bank: self.bank,
            generation: self.generation,
            lang: self.lang,
            t,
            state,
            actions,
        };
        egui::Panel::left("editor_list")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| frame.list_ui(ui));
        if wide && has_preview {
            egui::Panel::right("editor_preview")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| {
                    ScrollArea::vertical()
                        .id_salt("preview_scroll")
                        .show(ui, |ui| frame.preview_ui(ui));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("form_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(820.0));
                    frame.form_ui(ui);
                    if !wide && has_preview {
                        ui.separator();
                        frame.preview_ui(ui);
                    }
                });
        });
        frame.dialog_ui(ui);
    }
}

/// One frame of the editor: what its parts draw from and where they push actions.
struct Frame<'f> {
    bank: &'f Bank,
    generation: u64,
    lang: Language,
    t: &'f Texts,
    state: &'f mut EditorState,
    actions: &'f mut Vec<Action>,
}

/// Pushes an editor action for the app to apply.
fn push(actions: &mut Vec<Action>, action: EditorAction) {
    actions.push(Action::Editor(action));
}
