//! The editor screen: every scenario and quiz file in a searchable list, a form for the open
//! file with its problems beside each field, a live preview, and the dialogs that keep work
//! from being lost (unsaved changes, files changed on disk, delete).

use std::path::PathBuf;

use egui::{
    Button, ComboBox, DragValue, Key, KeyboardShortcut, Modifiers, RichText, ScrollArea, TextEdit,
    Ui,
};

use crate::domain::authoring::editor::{Document, Draft};
use crate::domain::bank::problem::{Problem, Severity};
use crate::domain::bank::scenario::{Fit, Scenario};
use crate::domain::bank::{Bank, BankSource, Entry, EntryKind};
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;
use crate::domain::training::answer::{Answer, Pick};
use crate::domain::training::quiz::{FeedbackTiming, Quiz};
use crate::ui::action::Action;
use crate::ui::conversation_editor::{ConversationEditorState, conversation_view_ui};
use crate::ui::i18n::{Texts, fill};
use crate::ui::widgets::question::{self, QuestionView};
use crate::ui::widgets::sale_type;

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
pub struct Message {
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

#[derive(Clone, Debug, PartialEq)]
struct ListKey {
    generation: u64,
    search: String,
    language: Option<Language>,
    sale_type: Option<SaleType>,
    level: Option<u8>,
    tag: String,
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
    list_key: Option<ListKey>,
    /// The open file.
    pub doc: Option<Document>,
    /// The dialog showing.
    pub dialog: Dialog,
    /// Where to copy the bundled bank.
    pub copy_to: String,
    /// Feedback after the last operation.
    pub message: Option<Message>,
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
    pub conversation: ConversationEditorState,
}

impl EditorState {
    /// True when the open file has changes that are not on disk.
    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(Document::is_dirty)
    }

    /// Brings the list rows (indices into the bank's entries, filtered and searched) up to
    /// date; they are recomputed only when the search, a filter or the bank changes.
    fn refresh_rows(&mut self, bank: &Bank, generation: u64) {
        let key = ListKey {
            generation,
            search: self.search.trim().to_lowercase(),
            language: self.language,
            sale_type: self.sale_type,
            level: self.level,
            tag: self.tag.trim().to_lowercase(),
        };
        if self.list_key.as_ref() != Some(&key) {
            self.list = filter_entries(bank.entries(), &key);
            self.list_key = Some(key);
        }
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

fn filter_entries(entries: &[Entry], key: &ListKey) -> Vec<usize> {
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            (key.search.is_empty() || e.search.contains(&key.search))
                && key.language.is_none_or(|l| e.language == Some(l))
                && key.sale_type.is_none_or(|t| e.answer == Some(t))
                && key.level.is_none_or(|l| e.difficulty == Some(l))
                && (key.tag.is_empty() || e.tags.iter().any(|t| t.to_lowercase() == key.tag))
        })
        .map(|(i, _)| i)
        .collect()
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
        let push = |actions: &mut Vec<Action>, a: EditorAction| actions.push(Action::Editor(a));
        if ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)))
        {
            push(actions, EditorAction::Save);
        }
        egui::Panel::left("editor_list")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| self.list_ui(ui, t, state, actions));
        let wide = ui.available_width() >= WIDE;
        let has_preview = matches!(
            state.doc.as_ref().map(|d| &d.draft),
            Some(Draft::Scenario(_))
        );
        if wide && has_preview {
            egui::Panel::right("editor_preview")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| {
                    ScrollArea::vertical()
                        .id_salt("preview_scroll")
                        .show(ui, |ui| {
                            self.preview_ui(ui, t, state, actions);
                        });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("form_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(820.0));
                    self.form_ui(ui, t, state, actions);
                    if !wide && has_preview {
                        ui.separator();
                        self.preview_ui(ui, t, state, actions);
                    }
                });
        });
        self.dialog_ui(ui, t, state, actions);
    }

    fn list_ui(&self, ui: &mut Ui, t: &Texts, state: &mut EditorState, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            let editable = matches!(self.bank.source(), BankSource::Folder(_));
            if ui
                .add_enabled(editable, Button::new(t.editor_new))
                .clicked()
            {
                actions.push(Action::Editor(EditorAction::NewScenario));
            }
            if ui
                .add_enabled(editable, Button::new(t.editor_new_quiz))
                .clicked()
            {
                actions.push(Action::Editor(EditorAction::NewQuiz));
            }
        });
        egui::CollapsingHeader::new(t.interop_heading)
            .id_salt("interop")
            .show(ui, |ui| self.interop_ui(ui, t, state, actions));
        let search_label = ui.label(t.editor_search);
        ui.add(
            TextEdit::singleline(&mut state.search)
                .hint_text(t.editor_search_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(search_label.id);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t.language);
            ComboBox::from_id_salt("filter_language")
                .selected_text(
                    state
                        .language
                        .map_or(t.editor_any_language, Language::native_name),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.language, None, t.editor_any_language);
                    for l in Language::ALL {
                        ui.selectable_value(&mut state.language, Some(l), l.native_name());
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t.field_offer_kind);
            ComboBox::from_id_salt("filter_type")
                .selected_text(state.sale_type.map_or(t.editor_any_type, SaleType::title))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.sale_type, None, t.editor_any_type);
                    for st in SaleType::ALL {
                        ui.selectable_value(&mut state.sale_type, Some(st), st.title());
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t.difficulty);
            let level_text = state.level.map_or(t.editor_any_level.to_owned(), |l| {
                fill(t.difficulty_level, &[("n", &l)])
            });
            ComboBox::from_id_salt("filter_level")
                .selected_text(level_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.level, None, t.editor_any_level);
                    for level in 1..=3u8 {
                        ui.selectable_value(
                            &mut state.level,
                            Some(level),
                            fill(t.difficulty_level, &[("n", &level)]),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            let tag_label = ui.label(t.editor_tag_filter);
            ui.add(TextEdit::singleline(&mut state.tag).desired_width(80.0))
                .labelled_by(tag_label.id);
        });
        let total = self.bank.entries().len();
        let open_path = state.doc.as_ref().map(|d| d.path().to_path_buf());
        state.refresh_rows(self.bank, self.generation);
        // Taken out and put back below, so the list is not copied every frame.
        let rows = std::mem::take(&mut state.list);
        ui.label(
            RichText::new(fill(
                t.editor_count,
                &[("shown", &rows.len()), ("total", &total)],
            ))
            .weak(),
        );
        ui.separator();
        let row_height = ui.spacing().interact_size.y + 2.0;
        ScrollArea::vertical()
            .id_salt("editor_list_scroll")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for &i in &rows[range] {
                    let Some(entry) = self.bank.entries().get(i) else {
                        continue;
                    };
                    let selected = open_path.as_deref() == Some(entry.path.as_path());
                    if self.row_ui(ui, t, entry, selected).clicked() {
                        actions.push(Action::Editor(EditorAction::Open(entry.path.clone())));
                    }
                }
            });
        state.list = rows;
    }

    fn interop_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        state: &mut EditorState,
        actions: &mut Vec<Action>,
    ) {
        let push = |actions: &mut Vec<Action>, a: EditorAction| actions.push(Action::Editor(a));
        let label = ui.label(t.interop_path);
        ui.add(TextEdit::singleline(&mut state.interop_path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let has_path = !state.interop_path.trim().is_empty();
        ui.horizontal_wrapped(|ui| {
            for (format, text) in [
                (ExportFormat::MoodleXml, t.interop_export_moodle),
                (ExportFormat::Gift, t.interop_export_gift),
                (ExportFormat::Csv, t.interop_export_csv),
            ] {
                if ui
                    .add_enabled(has_path, Button::new(text).small())
                    .clicked()
                {
                    push(actions, EditorAction::Export(format));
                }
            }
            let editable = matches!(self.bank.source(), BankSource::Folder(_));
            if ui
                .add_enabled(
                    has_path && editable,
                    Button::new(t.interop_import_csv).small(),
                )
                .on_disabled_hover_text(t.interop_import_readonly)
                .clicked()
            {
                push(actions, EditorAction::ImportCsv);
            }
        });
        for line in &state.import_problems {
            ui.label(
                RichText::new(line)
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
    }

    fn row_ui(&self, ui: &mut Ui, t: &Texts, entry: &Entry, selected: bool) -> egui::Response {
        let dark = ui.visuals().dark_mode;
        let mut text = RichText::new(entry.display_name());
        if entry.kind == EntryKind::Quiz {
            text = text.italics();
        }
        if let Some(answer) = entry.answer {
            text = text.color(sale_type::color(answer, dark));
        }
        let mark = if entry.errors > 0 {
            Some(
                RichText::new(fill(t.editor_mark_errors, &[("n", &entry.errors)]))
                    .color(ui.visuals().error_fg_color),
            )
        } else if entry.warnings > 0 {
            Some(
                RichText::new(fill(t.editor_mark_warnings, &[("n", &entry.warnings)]))
                    .color(ui.visuals().warn_fg_color),
            )
        } else {
            None
        };
        let mut button = Button::new(text)
            .selected(selected)
            .frame_when_inactive(false)
            .truncate()
            .min_size(egui::vec2(ui.available_width(), 0.0));
        if let Some(mark) = mark {
            button = button.right_text(mark);
        }
        let hover = entry
            .id
            .clone()
            .unwrap_or_else(|| entry.path.display().to_string());
        ui.add(button).on_hover_text(hover)
    }

    fn form_ui(&self, ui: &mut Ui, t: &Texts, state: &mut EditorState, actions: &mut Vec<Action>) {
        let push = |actions: &mut Vec<Action>, a: EditorAction| actions.push(Action::Editor(a));
        if let BankSource::Embedded = self.bank.source() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(t.editor_readonly);
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(t.editor_copy_to);
                    ui.add(TextEdit::singleline(&mut state.copy_to).desired_width(280.0))
                        .labelled_by(label.id);
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
            let colour = if m.ok {
                question::good_color(ui.visuals())
            } else {
                ui.visuals().error_fg_color
            };
            ui.colored_label(colour, &m.text);
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
                let label = ui.label(t.editor_raw_hint);
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

    fn preview_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        state: &mut EditorState,
        actions: &mut Vec<Action>,
    ) {
        let Some(Draft::Scenario(s)) = state.doc.as_ref().map(|d| &d.draft) else {
            return;
        };
        ui.heading(t.editor_preview);
        let p = &mut state.preview;
        p.fit_offers(s.offers.len());
        let view = QuestionView {
            scenario: s,
            answer: p,
            picture: self.bank.picture_of(s),
            lang: self.lang,
        };
        for pick in view.ui(ui, t) {
            actions.push(Action::Editor(EditorAction::Preview(pick)));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(p.can_check(), Button::new(t.check))
                .clicked()
            {
                actions.push(Action::Editor(EditorAction::PreviewCheck));
            }
            if ui.button(t.editor_preview_reset).clicked() {
                actions.push(Action::Editor(EditorAction::PreviewReset));
            }
        });
        if let Some(outcome) = &p.outcome {
            question::outcome_ui(ui, t, self.lang, s.into(), outcome);
        }
    }

    fn dialog_ui(
        &self,
        ui: &mut Ui,
        t: &Texts,
        state: &mut EditorState,
        actions: &mut Vec<Action>,
    ) {
        let push = |actions: &mut Vec<Action>, a: EditorAction| actions.push(Action::Editor(a));
        let name = state
            .doc
            .as_ref()
            .map(|d| {
                d.path()
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .unwrap_or_default();
        let (heading, text, buttons): (String, String, Vec<(&str, EditorAction)>) =
            match &state.dialog {
                Dialog::None => return,
                Dialog::Discard(_) => (
                    t.editor_unsaved.to_owned(),
                    fill(t.dialog_discard_text, &[("name", &name)]),
                    vec![
                        (t.editor_save, EditorAction::SaveAndContinue),
                        (t.dialog_discard, EditorAction::Discard),
                        (t.dialog_cancel, EditorAction::CloseDialog),
                    ],
                ),
                Dialog::Conflict => (
                    t.dialog_conflict_heading.to_owned(),
                    fill(t.dialog_conflict_text, &[("name", &name)]),
                    vec![
                        (t.dialog_reload, EditorAction::Reload),
                        (t.dialog_overwrite, EditorAction::Overwrite),
                        (t.dialog_save_copy, EditorAction::SaveCopy),
                        (t.dialog_cancel, EditorAction::CloseDialog),
                    ],
                ),
                Dialog::Delete => (
                    fill(t.dialog_delete_heading, &[("name", &name)]),
                    t.dialog_delete_text.to_owned(),
                    vec![
                        (t.editor_delete, EditorAction::ConfirmDelete),
                        (t.dialog_cancel, EditorAction::CloseDialog),
                    ],
                ),
            };
        let modal = egui::Modal::new(egui::Id::unique("editor_dialog")).show(ui.ctx(), |ui| {
            ui.set_max_width(420.0);
            ui.heading(heading);
            ui.label(text);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                for (label, action) in buttons {
                    if ui.button(label).clicked() {
                        push(actions, action);
                    }
                }
            });
        });
        if modal.should_close() {
            push(actions, EditorAction::CloseDialog);
        }
    }
}

/// Checks image paths against the assets folder of the open bank.
pub struct AssetCheck(Option<PathBuf>);

impl AssetCheck {
    /// The assets folder next to the bank's folder (none for the bundled bank).
    pub fn for_bank(bank: &Bank) -> AssetCheck {
        match bank.source() {
            BankSource::Folder(dir) => AssetCheck(Some(crate::domain::bank::assets_folder(dir))),
            BankSource::Embedded => AssetCheck(None),
        }
    }
}

impl crate::domain::bank::validate::AssetLookup for AssetCheck {
    fn exists(&self, relative: &std::path::Path) -> bool {
        // Only called when the draft changes, never per frame.
        self.0
            .as_ref()
            .is_some_and(|dir| dir.join(relative).is_file())
    }
}

/// A draft's problems, to show each beside its field in the interface language.
struct FieldProblems<'a> {
    list: &'a [Problem],
    t: &'a Texts,
}

fn problem_ui(ui: &mut Ui, t: &Texts, p: &Problem) {
    let colour = match p.severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
    };
    let text = match p.position {
        Some(pos) => format!("{}:{}: {}", pos.line, pos.column, t.message(&p.message)),
        None => t.message(&p.message),
    };
    ui.label(RichText::new(text).color(colour).small());
}

/// The problems of one field, right under it.
fn field_problems_ui(ui: &mut Ui, problems: &FieldProblems<'_>, field: &str) {
    for p in problems
        .list
        .iter()
        .filter(|p| p.field.as_deref() == Some(field))
    {
        problem_ui(ui, problems.t, p);
    }
}

/// A labelled one-line text field with its problems.
fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    problems: &FieldProblems<'_>,
    field: &str,
) {
    let l = ui.strong(label);
    ui.add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    field_problems_ui(ui, problems, field);
}

/// A labelled multi-line text field with its problems; returns the text output for selections.
fn text_area_ui(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    problems: &FieldProblems<'_>,
    field: &str,
) -> egui::text_edit::TextEditOutput {
    let l = ui.strong(label);
    let output = TextEdit::multiline(value)
        .desired_rows(3)
        .desired_width(f32::INFINITY)
        .show(ui);
    output.response.response.clone().labelled_by(l.id);
    field_problems_ui(ui, problems, field);
    output
}

/// The text selected in a text edit, if any.
fn selected_text(output: &egui::text_edit::TextEditOutput, text: &str) -> Option<String> {
    let range = output.cursor_range?;
    if range.is_empty() {
        return None;
    }
    let [a, b] = range.sorted_cursors();
    let (start, end) = (a.index.0, b.index.0);
    let selected: String = text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    (!selected.trim().is_empty()).then_some(selected)
}

#[allow(clippy::too_many_arguments)]
fn scenario_form_ui(
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
    let push = |actions: &mut Vec<Action>, a: EditorAction| actions.push(Action::Editor(a));
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

fn quiz_form_ui(
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
