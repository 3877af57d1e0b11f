//! A typed path field with a "Browse…" button that opens the system's file or folder dialog.
//!
//! The dialog blocks whoever shows it, so it runs on its own thread and the field polls for the
//! answer each frame: the window keeps drawing (and stays responsive to the window manager)
//! while the dialog is open. The dialog itself is a [`FileDialog`] kept in the egui context, so
//! tests put in a fake one and click Browse like a user. The folder of the last pick is
//! remembered ([`last_folder`]) and the app keeps it in its settings.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

use egui::{Button, Id, TextEdit, Ui};

use crate::ui::i18n::Texts;

/// What a Browse button asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// An existing folder.
    Folder,
    /// An existing file to read, with one of these extensions (any file when empty).
    OpenFile(&'static [&'static str]),
    /// A file to write (it may not exist yet), with one of these extensions.
    SaveFile(&'static [&'static str]),
}

/// One dialog to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickRequest {
    /// What to pick.
    pub pick: Pick,
    /// The dialog's title.
    pub title: String,
    /// Where the dialog starts.
    pub start_in: Option<PathBuf>,
    /// The file name a save dialog suggests.
    pub file_name: Option<String>,
}

/// Why no dialog could be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no file dialog is available on this system")]
pub struct DialogUnavailable;

/// A way to show a file or folder dialog. [`FileDialog::pick`] blocks until the user answers;
/// it is called on a thread of its own.
pub trait FileDialog: Send + Sync {
    /// The chosen path, `Ok(None)` when the user cancelled.
    fn pick(&self, request: PickRequest) -> Result<Option<PathBuf>, DialogUnavailable>;
}

/// The system's dialogs through `rfd`: the XDG desktop portal, or zenity when there is no
/// portal.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemDialog;

impl FileDialog for SystemDialog {
    fn pick(&self, request: PickRequest) -> Result<Option<PathBuf>, DialogUnavailable> {
        // rfd answers "cancelled" when it found nothing to show a dialog with; telling the two
        // apart beforehand lets the window say why nothing opened.
        if !dialog_available() {
            return Err(DialogUnavailable);
        }
        let mut dialog = rfd::FileDialog::new().set_title(&request.title);
        if let Some(dir) = &request.start_in {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        Ok(match request.pick {
            Pick::Folder => dialog.pick_folder(),
            Pick::OpenFile(extensions) => with_filter(dialog, extensions).pick_file(),
            Pick::SaveFile(extensions) => with_filter(dialog, extensions).save_file(),
        })
    }
}

fn with_filter(dialog: rfd::FileDialog, extensions: &[&str]) -> rfd::FileDialog {
    match extensions.first() {
        Some(first) => dialog.add_filter(first.to_uppercase(), extensions),
        None => dialog,
    }
}

/// True when rfd has something to show a dialog with: on Linux and the BSDs the desktop portal
/// (a session bus with the portal service installed) or the `zenity` program. Elsewhere rfd
/// uses the system's own dialogs, which are always there.
fn dialog_available() -> bool {
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )) {
        return true;
    }
    on_path("zenity") || portal_installed()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// The portal is started by the session bus on demand, so "installed and a bus to ask" is
/// what can be known without talking to the bus.
fn portal_installed() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".to_owned());
    bus && data_dirs.split(':').any(|dir| {
        Path::new(dir)
            .join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    })
}

/// The dialog the path fields of `ctx` use (the system's unless [`set_dialog`] was called).
pub fn dialog(ctx: &egui::Context) -> Arc<dyn FileDialog> {
    ctx.data(|d| d.get_temp::<Dialog>(Id::NULL))
        .map_or_else(|| Arc::new(SystemDialog) as Arc<dyn FileDialog>, |d| d.0)
}

/// Makes every path field of `ctx` use `dialog` (a fake one in tests).
pub fn set_dialog(ctx: &egui::Context, dialog: Arc<dyn FileDialog>) {
    ctx.data_mut(|d| d.insert_temp(Id::NULL, Dialog(dialog)));
}

/// The folder of the last path picked with a dialog, where the next dialog starts.
pub fn last_folder(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.data(|d| d.get_temp::<LastFolder>(Id::NULL))
        .and_then(|l| l.0)
}

/// Starts the next dialog in `folder` (the app restores it from its settings).
pub fn set_last_folder(ctx: &egui::Context, folder: Option<PathBuf>) {
    ctx.data_mut(|d| d.insert_temp(Id::NULL, LastFolder(folder)));
}

#[derive(Clone)]
struct Dialog(Arc<dyn FileDialog>);

#[derive(Clone, Default)]
struct LastFolder(Option<PathBuf>);

type Answer = Result<Option<PathBuf>, DialogUnavailable>;

/// A dialog open for one field; the receiver sits behind a mutex only because egui's memory
/// wants `Sync` values.
#[derive(Clone)]
struct Pending(Arc<Mutex<Receiver<Answer>>>);

/// The field's line under it after a dialog could not be shown.
#[derive(Clone)]
struct Unavailable;

/// A path text field with Browse buttons beside it.
pub struct PathField<'a> {
    text: &'a mut String,
    id_salt: &'static str,
    picks: Vec<(Pick, &'static str)>,
    width: f32,
}

impl<'a> PathField<'a> {
    /// A field editing `text`, unique on its screen by `id_salt`, with one Browse button for
    /// `pick`.
    pub fn new(text: &'a mut String, id_salt: &'static str, pick: Pick, t: &Texts) -> Self {
        Self {
            text,
            id_salt,
            picks: vec![(pick, t.browse)],
            width: 280.0,
        }
    }

    /// Another button beside Browse, for a second kind of dialog (such as "Save as…" next to
    /// an open dialog).
    pub fn also(mut self, pick: Pick, label: &'static str) -> Self {
        self.picks.push((pick, label));
        self
    }

    /// The text field's width.
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Draws the field; `label` names it for screen readers and tests. Returns the text
    /// field's response, marked changed when a dialog filled it in.
    pub fn show(self, ui: &mut Ui, label: egui::Id, t: &Texts) -> egui::Response {
        let id = ui.make_persistent_id(self.id_salt);
        let filled = poll(ui, id, self.text);
        let mut response = ui
            .horizontal(|ui| {
                let response = ui
                    .add(TextEdit::singleline(self.text).desired_width(self.width))
                    .labelled_by(label);
                let open = ui.data(|d| d.get_temp::<Pending>(id)).is_some();
                for (pick, button) in &self.picks {
                    let clicked = ui
                        .add_enabled(!open, Button::new(*button))
                        .on_hover_text(t.browse_hover)
                        .clicked();
                    if clicked {
                        start(ui.ctx(), id, *pick, button, self.text);
                    }
                }
                response
            })
            .inner;
        if ui.data(|d| d.get_temp::<Unavailable>(id)).is_some() {
            ui.colored_label(ui.visuals().warn_fg_color, t.browse_unavailable);
        }
        if filled {
            response.mark_changed();
        }
        response
    }
}

/// The button beside a path field that acts on the typed path: true when it was clicked, or
/// when Enter was pressed in `field`. Unless `enabled`, it is greyed out and Enter does nothing.
pub fn submit_button(ui: &mut Ui, field: &egui::Response, enabled: bool, label: &str) -> bool {
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.add_enabled(enabled, Button::new(label)).clicked() || (enabled && enter)
}

/// Shows the dialog on a thread; its answer is taken by [`poll`] in a later frame.
fn start(ctx: &egui::Context, id: Id, pick: Pick, title: &str, current: &str) {
    let typed = Path::new(current.trim());
    let typed_folder = match pick {
        Pick::Folder => Some(typed),
        Pick::OpenFile(_) | Pick::SaveFile(_) => typed.parent(),
    }
    .filter(|dir| !dir.as_os_str().is_empty() && dir.is_dir());
    let request = PickRequest {
        pick,
        title: title.trim_end_matches('…').to_owned(),
        start_in: typed_folder
            .map(Path::to_path_buf)
            .or_else(|| last_folder(ctx)),
        file_name: match pick {
            Pick::SaveFile(_) => typed.file_name().map(|n| n.to_string_lossy().into_owned()),
            Pick::Folder | Pick::OpenFile(_) => None,
        },
    };
    let dialog = dialog(ctx);
    let (tx, rx) = mpsc::channel();
    let wake = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("file-dialog".into())
        .spawn(move || {
            let _ = tx.send(dialog.pick(request));
            wake.request_repaint();
        });
    ctx.data_mut(|d| {
        d.remove::<Unavailable>(id);
        if spawned.is_ok() {
            d.insert_temp(id, Pending(Arc::new(Mutex::new(rx))));
        } else {
            d.insert_temp(id, Unavailable);
        }
    });
}

/// Takes a dialog's answer for field `id` into `text`; true when it filled the field.
fn poll(ui: &Ui, id: Id, text: &mut String) -> bool {
    let Some(Pending(rx)) = ui.data(|d| d.get_temp::<Pending>(id)) else {
        return false;
    };
    let answer = match rx.lock() {
        Ok(rx) => rx.try_recv(),
        Err(_) => Err(TryRecvError::Disconnected),
    };
    let answer = match answer {
        Err(TryRecvError::Empty) => return false,
        Ok(answer) => answer,
        // The dialog thread ended without an answer: treat it as cancelled.
        Err(TryRecvError::Disconnected) => Ok(None),
    };
    ui.data_mut(|d| d.remove::<Pending>(id));
    match answer {
        Ok(Some(path)) => {
            let folder = if path.is_dir() {
                Some(path.clone())
            } else {
                path.parent().map(Path::to_path_buf)
            };
            if folder.is_some() {
                set_last_folder(ui.ctx(), folder);
            }
            *text = path.display().to_string();
            true
        }
        Ok(None) => false,
        Err(DialogUnavailable) => {
            ui.data_mut(|d| d.insert_temp(id, Unavailable));
            false
        }
    }
}
