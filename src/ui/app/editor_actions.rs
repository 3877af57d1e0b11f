//! Applying the editor's actions. The file operations are the domain's [`Workspace`]; here
//! their outcomes become notices, dialogs and a fresh bank.

use std::path::PathBuf;

use egui::Ui;
use jiff::Timestamp;

use super::{SalgstrenerApp, Screen};
use crate::domain::authoring::editor::{self, Document, Draft, SaveMode};
use crate::domain::authoring::workspace::{AssetCheck, Saved, Workspace};
use crate::domain::bank::watch::FolderWatch;
use crate::domain::bank::{Bank, BankSource, EntryKind};
use crate::domain::i18n::Localized;
use crate::domain::training::answer::Answer;
use crate::domain::{interop, storage};
use crate::ui::editor::{Dialog, EditorAction, ExportFormat, Notice, Pending};
use crate::ui::i18n::{fill, texts};

impl SalgstrenerApp {
    /// The open scenario folder; `None` for the read-only bundled bank.
    pub(super) fn workspace(&self) -> Option<Workspace> {
        Workspace::of(&self.bank)
    }

    /// After a reload: an open file without unsaved edits follows the disk.
    pub(super) fn refresh_open_file(&mut self) {
        let Some(doc) = &mut self.editor.doc else {
            return;
        };
        if !doc.is_new() && !doc.is_dirty() && doc.changed_on_disk() && doc.path().exists() {
            let t = texts(self.settings.language);
            if doc.reload().is_ok() {
                self.editor.message = Some(Notice {
                    ok: true,
                    text: t.editor_file_reloaded.to_owned(),
                });
            }
        }
    }

    /// Keeps the window open while the editor has unsaved changes, and asks instead.
    pub(super) fn guard_close(&mut self, ui: &Ui) {
        let asked = ui.input(|i| i.viewport().close_requested());
        if asked && !self.close_confirmed && self.editor.is_dirty() {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.editor.dialog = Dialog::Discard(Pending::Close);
            self.screen = Screen::Editor;
        }
    }

    fn say(&mut self, ok: bool, text: String) {
        self.editor.message = Some(Notice { ok, text });
    }

    /// Says `message` in the interface's language.
    fn say_message(&mut self, ok: bool, message: &impl Localized) {
        let text = texts(self.settings.language).message(message);
        self.say(ok, text);
    }

    /// Runs `pending`, or asks first when the open file has unsaved changes.
    fn guarded(&mut self, pending: Pending, now: Timestamp) {
        if self.editor.is_dirty() {
            self.editor.dialog = Dialog::Discard(pending);
        } else {
            self.run_pending(pending, now);
        }
    }

    fn run_pending(&mut self, pending: Pending, now: Timestamp) {
        let _ = now;
        match pending {
            Pending::Open(path) => self.open_file(&path),
            Pending::NewScenario | Pending::NewQuiz | Pending::NewConversation => {
                self.new_file(&pending)
            }
            Pending::Close => {
                self.close_confirmed = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    fn open_file(&mut self, path: &std::path::Path) {
        match Document::open(path) {
            Ok(doc) => self.show(doc),
            Err(e) => self.say_message(false, &e.message()),
        }
    }

    /// Makes `doc` the open file, with a fresh preview and the images it may use.
    fn show(&mut self, doc: Document) {
        self.editor.doc = Some(doc);
        self.editor.message = None;
        self.reset_preview();
        self.editor.images = self
            .workspace()
            .map(|ws| ws.image_files())
            .unwrap_or_default();
    }

    fn new_file(&mut self, kind: &Pending) {
        let Some(ws) = self.workspace() else { return };
        let language = self.settings.language;
        self.show(match kind {
            Pending::NewQuiz => ws.new_quiz(&self.bank, language),
            Pending::NewConversation => ws.new_conversation(&self.bank, language),
            _ => ws.new_scenario(&self.bank, language),
        });
    }

    fn reset_preview(&mut self) {
        let offers = match self.editor.doc.as_ref().map(|d| &d.draft) {
            Some(Draft::Scenario(s)) => s.offers.len(),
            _ => 0,
        };
        self.editor.preview = Answer::shuffled(offers, &mut self.rng);
    }

    /// Saves the open file (renaming it when its id changed) and reloads the bank.
    fn save(&mut self, mode: SaveMode) -> bool {
        let t = texts(self.settings.language);
        let assets = AssetCheck::for_bank(&self.bank);
        let (Some(ws), Some(doc)) = (self.workspace(), self.editor.doc.as_mut()) else {
            return false;
        };
        match ws.save(doc, &self.bank, &assets, mode) {
            Saved::Written => {
                let text = fill(t.editor_saved, &[("path", &doc.path().display())]);
                self.say(true, text);
                self.refresh_bank();
                true
            }
            Saved::Refused(reason) => {
                let reason = t.message(&reason);
                self.say(false, fill(t.editor_refused, &[("reason", &reason)]));
                false
            }
            Saved::Conflict => {
                self.editor.dialog = Dialog::Conflict;
                false
            }
            Saved::Failed(e) => {
                self.say(false, fill(t.editor_refused, &[("reason", &e)]));
                false
            }
        }
    }

    /// Gives the draft a fresh id and its own new file, then saves it there.
    fn save_copy(&mut self) {
        let (Some(ws), Some(doc)) = (self.workspace(), self.editor.doc.as_ref()) else {
            return;
        };
        if let Some(copy) = ws.duplicate(&self.bank, doc) {
            self.editor.doc = Some(copy);
            self.save(SaveMode::Normal);
        }
    }

    fn duplicate(&mut self) {
        let (Some(ws), Some(doc)) = (self.workspace(), self.editor.doc.as_ref()) else {
            return;
        };
        if let Some(copy) = ws.duplicate(&self.bank, doc) {
            self.editor.doc = Some(copy);
            self.reset_preview();
        }
    }

    fn delete(&mut self, now: Timestamp) {
        let t = texts(self.settings.language);
        let Some(ws) = self.workspace() else { return };
        let Some(doc) = self.editor.doc.take() else {
            return;
        };
        if doc.is_new() {
            return;
        }
        match ws.trash(&doc, now) {
            Ok(moved) => {
                self.say(true, fill(t.editor_deleted, &[("path", &moved.display())]));
                self.refresh_bank();
            }
            Err(e) => {
                self.say_message(false, &e.message());
                self.editor.doc = Some(doc);
            }
        }
    }

    fn copy_bundled(&mut self) {
        let t = texts(self.settings.language);
        let dest = PathBuf::from(self.editor.copy_to.trim());
        match Workspace::copy_bundled(&dest) {
            Ok((ws, n)) => match Bank::load(BankSource::Folder(ws.root().to_path_buf())) {
                Ok(bank) => {
                    self.replace_bank(bank);
                    self.settings.scenario_folder = Some(dest.clone());
                    if let Some(ctx) = self.ctx.clone() {
                        ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
                            "Salgstreneren – {}",
                            dest.display()
                        )));
                        let wake = move || ctx.request_repaint();
                        self.watch = FolderWatch::start(dest.clone(), wake).ok();
                    }
                    self.say(
                        true,
                        fill(t.editor_copied, &[("n", &n), ("path", &dest.display())]),
                    );
                }
                Err(e) => self.say_message(false, &e.message()),
            },
            Err(reason) => self.say(false, t.message(&reason)),
        }
    }

    /// Applies one editor action.
    pub(super) fn apply_editor(&mut self, action: EditorAction, now: Timestamp) {
        match action {
            EditorAction::Open(path) => {
                if self.editor.doc.as_ref().is_some_and(|d| d.path() == path) {
                    return;
                }
                self.guarded(Pending::Open(path), now);
            }
            EditorAction::NewScenario => self.guarded(Pending::NewScenario, now),
            EditorAction::NewQuiz => self.guarded(Pending::NewQuiz, now),
            EditorAction::NewConversation => self.guarded(Pending::NewConversation, now),
            EditorAction::Duplicate => self.duplicate(),
            EditorAction::AskDelete => self.editor.dialog = Dialog::Delete,
            EditorAction::ConfirmDelete => {
                self.editor.dialog = Dialog::None;
                self.delete(now);
            }
            EditorAction::CloseDialog => self.editor.dialog = Dialog::None,
            EditorAction::Discard => {
                if let Dialog::Discard(pending) = std::mem::take(&mut self.editor.dialog) {
                    self.editor.doc = None;
                    self.run_pending(pending, now);
                }
            }
            EditorAction::SaveAndContinue => {
                if let Dialog::Discard(pending) = std::mem::take(&mut self.editor.dialog)
                    && self.save(SaveMode::Normal)
                {
                    self.run_pending(pending, now);
                }
            }
            EditorAction::Save => {
                self.save(SaveMode::Normal);
            }
            EditorAction::Overwrite => {
                self.editor.dialog = Dialog::None;
                self.save(SaveMode::Overwrite);
            }
            EditorAction::SaveCopy => {
                self.editor.dialog = Dialog::None;
                self.save_copy();
            }
            EditorAction::Reload => {
                self.editor.dialog = Dialog::None;
                if let Some(doc) = &mut self.editor.doc
                    && let Err(e) = doc.reload()
                {
                    self.say_message(false, &e.message());
                }
                self.reset_preview();
            }
            EditorAction::AddOffer => self.with_scenario(|s| {
                editor::add_offer(s);
            }),
            EditorAction::RemoveOffer(i) => self.with_scenario(|s| editor::remove_offer(s, i)),
            EditorAction::MoveOffer(i, up) => self.with_scenario(|s| editor::move_offer(s, i, up)),
            EditorAction::AddCue(text) => self.with_scenario(|s| {
                editor::add_cue(s, &text);
            }),
            EditorAction::RemoveCue(i) => self.with_scenario(|s| editor::remove_cue(s, i)),
            EditorAction::AddTag(tag) => self.with_scenario(|s| {
                editor::add_tag(s, &tag);
            }),
            EditorAction::RemoveTag(i) => self.with_scenario(|s| editor::remove_tag(s, i)),
            EditorAction::CopyBundled => self.copy_bundled(),
            EditorAction::Preview(pick) => self.editor.preview.pick(pick),
            EditorAction::PreviewCheck => {
                if let Some(Draft::Scenario(s)) = self.editor.doc.as_ref().map(|d| &d.draft) {
                    self.editor.preview.check(s.into());
                }
            }
            EditorAction::PreviewReset => self.reset_preview(),
            EditorAction::Export(format) => self.export(format),
            EditorAction::ImportCsv => self.import_csv(),
        }
    }

    fn export(&mut self, format: ExportFormat) {
        let t = texts(self.settings.language);
        let path = PathBuf::from(self.editor.interop_path.trim());
        let scenarios: Vec<_> = self.bank.scenarios().iter().collect();
        let text = match format {
            ExportFormat::MoodleXml => interop::moodle_xml::moodle_xml(&scenarios),
            ExportFormat::Gift => Ok(interop::gift::gift(&scenarios)),
            ExportFormat::Csv => interop::csv::bank_csv(&scenarios),
        };
        let written = text.map_err(|e| e.message()).and_then(|text| {
            storage::write_output(&path, text.as_bytes()).map_err(|e| e.message())
        });
        match written {
            Ok(()) => self.say(
                true,
                fill(
                    t.interop_exported,
                    &[("n", &scenarios.len()), ("path", &path.display())],
                ),
            ),
            Err(e) => self.say_message(false, &e),
        }
    }

    fn import_csv(&mut self) {
        let t = texts(self.settings.language);
        let Some(ws) = self.workspace() else {
            self.say(false, t.interop_import_readonly.to_owned());
            return;
        };
        let path = PathBuf::from(self.editor.interop_path.trim());
        match ws.import_csv(&path) {
            Ok(report) => {
                self.editor.import_problems =
                    report.problems.iter().map(|p| p.line(t.lang)).collect();
                let ok = !report.has_errors();
                self.say(
                    ok,
                    fill(
                        t.interop_imported,
                        &[
                            ("path", &path.display()),
                            ("summary", &t.message(&report.summary())),
                        ],
                    ),
                );
                self.refresh_bank();
            }
            Err(e) => self.say_message(false, &e.message()),
        }
    }

    fn with_scenario(&mut self, f: impl FnOnce(&mut crate::domain::bank::scenario::Scenario)) {
        if let Some(Draft::Scenario(s)) = self.editor.doc.as_mut().map(|d| &mut d.draft) {
            f(s);
        }
    }

    /// The quizzes among the bank's files, for tests.
    pub fn quiz_files(&self) -> usize {
        self.bank
            .entries()
            .iter()
            .filter(|e| e.kind == EntryKind::Quiz)
            .count()
    }
}
