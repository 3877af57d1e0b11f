//! Applying the editor's actions: opening, creating, saving, renaming and deleting files,
//! resolving conflicts, and swapping in the bank again after each change on disk.

use std::path::{Path, PathBuf};

use egui::Ui;
use jiff::Timestamp;

use super::{SalgstrenerApp, Screen};
use crate::domain::authoring::editor::{self, Document, Draft, SaveMode, SaveOutcome};
use crate::domain::bank::watch::FolderWatch;
use crate::domain::bank::{Bank, BankSource, EntryKind, QUIZ_FOLDER, assets_folder};
use crate::domain::language::Language;
use crate::domain::training::answer::Answer;
use crate::domain::{interop, storage};
use crate::ui::editor::{AssetCheck, Dialog, EditorAction, ExportFormat, Message, Pending};
use crate::ui::i18n::{fill, texts};

impl SalgstrenerApp {
    /// The open scenario folder; `None` for the read-only bundled bank.
    fn root(&self) -> Option<PathBuf> {
        match self.bank.source() {
            BankSource::Folder(dir) => Some(dir.clone()),
            BankSource::Embedded => None,
        }
    }

    /// Loads the folder again right away, so the list and the sessions show a change the
    /// editor just made without waiting for the watcher.
    fn reload_bank_now(&mut self) {
        if let Some(root) = self.root()
            && let Ok(bank) = Bank::load(BankSource::Folder(root))
        {
            self.replace_bank(bank);
        }
    }

    /// After a reload: an open file without unsaved edits follows the disk.
    pub(super) fn refresh_open_file(&mut self) {
        let Some(doc) = &mut self.editor.doc else {
            return;
        };
        if !doc.is_new() && !doc.is_dirty() && doc.changed_on_disk() && doc.path().exists() {
            let t = texts(self.settings.language);
            if doc.reload().is_ok() {
                self.editor.message = Some(Message {
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
        self.editor.message = Some(Message { ok, text });
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
            Pending::NewScenario => self.new_scenario(),
            Pending::NewQuiz => self.new_quiz(),
            Pending::Close => {
                self.close_confirmed = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    fn open_file(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.editor.doc = Some(doc);
                self.editor.message = None;
                self.reset_preview();
                self.editor.images = self.image_files();
            }
            Err(e) => self.say(false, e.to_string()),
        }
    }

    /// Image files under `assets/images`, listed when a file is opened (not every frame).
    fn image_files(&self) -> Vec<String> {
        let Some(root) = self.root() else {
            return Vec::new();
        };
        let assets = assets_folder(&root);
        let mut found = Vec::new();
        let mut stack = vec![assets.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| {
                    ["png", "jpg", "jpeg", "svg"]
                        .contains(&e.to_string_lossy().to_lowercase().as_str())
                }) && let Ok(relative) = path.strip_prefix(&assets)
                {
                    found.push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        found.sort();
        found
    }

    fn id_taken(&self, id: &str) -> bool {
        self.bank
            .entries()
            .iter()
            .any(|e| e.id.as_deref() == Some(id))
            || self.root().is_some_and(|root| {
                editor::scenario_path(&root, id).exists()
                    || Language::ALL
                        .iter()
                        .any(|l| editor::scenario_path(&root.join(l.code()), id).exists())
            })
    }

    /// New scenarios go in the folder for their language when the bank is organised that
    /// way (as the bundled one is), else at the root.
    fn folder_for(&self, root: &Path, language: Language) -> PathBuf {
        let sub = root.join(language.code());
        if sub.is_dir() {
            sub
        } else {
            root.to_path_buf()
        }
    }

    fn new_scenario(&mut self) {
        let Some(root) = self.root() else { return };
        let language = self.settings.language;
        let base = match language {
            Language::Nb => "nytt-scenario",
            Language::En => "new-scenario",
        };
        let id = editor::fresh_id(base, |id| self.id_taken(id));
        let path = editor::scenario_path(&self.folder_for(&root, language), &id);
        self.editor.doc = Some(Document::create(
            path,
            Draft::Scenario(editor::blank_scenario(&id, language)),
        ));
        self.editor.message = None;
        self.reset_preview();
        self.editor.images = self.image_files();
    }

    fn new_quiz(&mut self) {
        let Some(root) = self.root() else { return };
        let language = self.settings.language;
        let base = match language {
            Language::Nb => "ny-quiz",
            Language::En => "new-quiz",
        };
        let id = editor::fresh_id(base, |id| self.id_taken(id));
        let path = editor::scenario_path(&root.join(QUIZ_FOLDER), &id);
        self.editor.doc = Some(Document::create(
            path,
            Draft::Quiz(editor::blank_quiz(&id, language)),
        ));
        self.editor.message = None;
    }

    fn reset_preview(&mut self) {
        let offers = match self.editor.doc.as_ref().map(|d| &d.draft) {
            Some(Draft::Scenario(s)) => s.offers.len(),
            _ => 0,
        };
        self.editor.preview = Answer::shuffled(offers, &mut self.rng);
    }

    /// Saves the open file: renames it when its id changed, and reloads the bank.
    fn save(&mut self, mode: SaveMode) -> bool {
        let t = texts(self.settings.language);
        let assets = AssetCheck::for_bank(&self.bank);
        let Some(doc) = self.editor.doc.as_mut() else {
            return false;
        };
        let id = match &doc.draft {
            Draft::Scenario(s) => Some(s.id.clone()),
            Draft::Quiz(q) => Some(q.id.clone()),
            Draft::Raw(_) => None,
        };
        let stem = doc
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        if let Some(id) = id.filter(|id| Some(id) != stem.as_ref()) {
            // A new id means a new file name.
            if doc.is_new() {
                let dir = doc
                    .path()
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                doc.retarget(editor::scenario_path(&dir, &id));
            } else {
                return match editor::rename(doc, &id, &self.bank, &assets) {
                    Ok(()) => {
                        let text = fill(t.editor_saved, &[("path", &doc.path().display())]);
                        self.say(true, text);
                        self.reload_bank_now();
                        true
                    }
                    Err(reason) => {
                        self.say(false, fill(t.editor_refused, &[("reason", &reason)]));
                        false
                    }
                };
            }
        }
        match doc.save(&self.bank, &assets, mode) {
            SaveOutcome::Saved => {
                let text = fill(t.editor_saved, &[("path", &doc.path().display())]);
                self.say(true, text);
                self.reload_bank_now();
                true
            }
            SaveOutcome::Refused(errors) => {
                let reason = errors
                    .first()
                    .map(|p| t.message(&p.message))
                    .unwrap_or_default();
                self.say(false, fill(t.editor_refused, &[("reason", &reason)]));
                false
            }
            SaveOutcome::Conflict => {
                self.editor.dialog = Dialog::Conflict;
                false
            }
            SaveOutcome::Failed(e) => {
                self.say(false, fill(t.editor_refused, &[("reason", &e)]));
                false
            }
        }
    }

    /// Gives the draft a fresh id and its own new file, then saves it there.
    fn save_copy(&mut self) {
        let Some(doc) = self.editor.doc.as_ref() else {
            return;
        };
        let (base, dir) = match &doc.draft {
            Draft::Scenario(s) => (s.id.clone(), doc.path().parent().map(Path::to_path_buf)),
            Draft::Quiz(q) => (q.id.clone(), doc.path().parent().map(Path::to_path_buf)),
            Draft::Raw(_) => return,
        };
        let id = editor::fresh_id(&base, |id| self.id_taken(id));
        let mut draft = doc.draft.clone();
        match &mut draft {
            Draft::Scenario(s) => s.id = id.clone(),
            Draft::Quiz(q) => q.id = id.clone(),
            Draft::Raw(_) => {}
        }
        let path = editor::scenario_path(&dir.unwrap_or_default(), &id);
        self.editor.doc = Some(Document::create(path, draft));
        self.save(SaveMode::Normal);
    }

    fn duplicate(&mut self) {
        let Some(doc) = self.editor.doc.as_ref() else {
            return;
        };
        let dir = doc
            .path()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut draft = doc.draft.clone();
        let base = match &draft {
            Draft::Scenario(s) => s.id.clone(),
            Draft::Quiz(q) => q.id.clone(),
            Draft::Raw(_) => return,
        };
        let id = editor::fresh_id(&base, |id| self.id_taken(id));
        match &mut draft {
            Draft::Scenario(s) => s.id = id.clone(),
            Draft::Quiz(q) => q.id = id.clone(),
            Draft::Raw(_) => {}
        }
        self.editor.doc = Some(Document::create(editor::scenario_path(&dir, &id), draft));
        self.reset_preview();
    }

    fn delete(&mut self, now: Timestamp) {
        let t = texts(self.settings.language);
        let Some(doc) = self.editor.doc.take() else {
            return;
        };
        if doc.is_new() {
            return;
        }
        let root = self.root().unwrap_or_default();
        match editor::move_to_trash(&root, doc.path(), now) {
            Ok(moved) => {
                self.say(true, fill(t.editor_deleted, &[("path", &moved.display())]));
                self.reload_bank_now();
            }
            Err(e) => {
                self.say(false, e.to_string());
                self.editor.doc = Some(doc);
            }
        }
    }

    fn copy_bundled(&mut self) {
        let t = texts(self.settings.language);
        let dest = PathBuf::from(self.editor.copy_to.trim());
        match editor::copy_bundled_to(&dest) {
            Ok(n) => match Bank::load(BankSource::Folder(dest.clone())) {
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
                Err(e) => self.say(false, e.to_string()),
            },
            Err(reason) => self.say(false, reason),
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
                    let text = e.to_string();
                    self.say(false, text);
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
            EditorAction::RemoveCue(i) => self.with_scenario(|s| {
                if i < s.cues.len() {
                    s.cues.remove(i);
                }
            }),
            EditorAction::AddTag(tag) => self.with_scenario(|s| {
                let tag = tag.trim().to_owned();
                if !tag.is_empty() && !s.tags.contains(&tag) {
                    s.tags.push(tag);
                }
            }),
            EditorAction::RemoveTag(i) => self.with_scenario(|s| {
                if i < s.tags.len() {
                    s.tags.remove(i);
                }
            }),
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
        let written = text.map_err(|e| e.to_string()).and_then(|text| {
            storage::write_output(&path, text.as_bytes()).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => self.say(
                true,
                fill(
                    t.interop_exported,
                    &[("n", &scenarios.len()), ("path", &path.display())],
                ),
            ),
            Err(e) => self.say(false, e),
        }
    }

    fn import_csv(&mut self) {
        let t = texts(self.settings.language);
        let Some(root) = self.root() else {
            self.say(false, t.interop_import_readonly.to_owned());
            return;
        };
        let path = PathBuf::from(self.editor.interop_path.trim());
        match interop::import::import_csv_file(&path, &root, false) {
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
                self.reload_bank_now();
            }
            Err(e) => self.say(false, e.to_string()),
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
