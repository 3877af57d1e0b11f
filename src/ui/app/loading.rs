//! Loading a bank while the window is open: at start-up, and when another scenario folder is
//! opened from the app. The bank loads on a background thread ([`BankLoad`]); each frame takes
//! it over when it is ready, and until then the screens that need it show the progress.

use std::path::{Path, PathBuf};

use crate::domain::background::PROGRESS_REFRESH;
use crate::domain::bank::loading::{self, BankLoad};
use crate::domain::bank::watch::FolderWatch;
use crate::domain::bank::{Bank, BankSource};
use crate::domain::training::guided::Guided;
use crate::domain::training::practice::Practice;
use crate::ui::i18n::{fill, texts};
use rand::Rng as _;

use super::SalgstrenerApp;

/// The frames drawn before a load starts: the first two lay out and paint the whole window
/// (and eframe reads a screenshot asked for in the first only after painting the second).
/// Loading on both cores meanwhile delays them, even for the bundled bank, whose load takes
/// both cores for a few tens of milliseconds.
const FRAMES_BEFORE_LOADING: u64 = 2;

/// Folders of up to this many files are loaded again at once after an edit, so the list shows
/// the change in the same frame: about 7 ms of loading. A larger folder is loaded again in the
/// background (about 70 ms at 10,000 scenarios, which a frame must not wait for), and the
/// change shows a few frames later.
pub const REFRESH_AT_ONCE: usize = 1_000;

/// A load under way, and whether its folder is to be opened again next time.
pub(super) struct Loading {
    pub(super) load: BankLoad,
    remember: bool,
}

/// The "open another scenario folder" panel under the top bar.
#[derive(Debug, Default)]
pub(super) struct OpenFolder {
    /// The panel is shown.
    pub(super) open: bool,
    /// The folder typed or picked.
    pub(super) path: String,
    /// Why the last folder could not be opened.
    pub(super) error: Option<String>,
}

/// A bank with nothing in it, standing in for `source` until it has loaded.
pub(super) fn placeholder(source: BankSource) -> Bank {
    Bank::from_files(source, Vec::new(), &|_: &Path| false)
}

impl SalgstrenerApp {
    /// An app whose bank is still loading: the window can open at once and shows the progress
    /// until `load` hands the bank over.
    pub fn loading(load: BankLoad, settings: super::Settings, seed: u64) -> Self {
        let mut app = SalgstrenerApp::new(placeholder(load.source().clone()), settings, seed);
        app.loading = Some(Loading {
            load,
            remember: false,
        });
        app
    }

    /// True while a bank is loading.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Starts loading `source` in the background, replacing the bank when it is ready; a
    /// folder that does not exist is refused at once, without loading. `remember` opens the
    /// folder again at the next start.
    pub(super) fn open_source(&mut self, source: BankSource, remember: bool) {
        if let BankSource::Folder(dir) = &source
            && let Err(e) = loading::check_folder(dir)
        {
            self.open_folder.error = Some(texts(self.settings.language).message(&e.message()));
            return;
        }
        self.open_folder = OpenFolder::default();
        // A reload of the old folder must not replace the new one.
        self.refresh = None;
        let load = self.load_now(source);
        // The old folder's changes no longer matter.
        self.watch = None;
        self.loading = Some(Loading { load, remember });
    }

    /// A background load of `source` that starts at once (the window is open already) and
    /// wakes the window when the bank is ready.
    fn load_now(&self, source: BankSource) -> BankLoad {
        let wake = self.ctx.clone();
        let load = BankLoad::start(source, move || {
            if let Some(ctx) = &wake {
                ctx.request_repaint();
            }
        });
        load.go();
        load
    }

    /// Loads the open folder again after an edit, so the list and the sessions show the change
    /// without waiting for the watch: at once for a small folder, in the background for a
    /// large one (see [`REFRESH_AT_ONCE`]).
    pub(super) fn refresh_bank(&mut self) {
        let Some(ws) = self.workspace() else {
            return;
        };
        let source = BankSource::Folder(ws.root().to_path_buf());
        if self.bank.files_checked() <= self.refresh_at_once {
            self.refresh = None;
            if let Ok(bank) = Bank::load(source) {
                self.replace_bank(bank);
            }
            return;
        }
        // A newer edit makes an older reload moot.
        self.refresh = Some(self.load_now(source));
    }

    /// Takes over the bank of a reload after an edit, once it is ready. Never waits.
    pub(super) fn poll_refresh(&mut self) {
        let Some(result) = self.refresh.as_mut().and_then(BankLoad::try_finish) else {
            return;
        };
        self.refresh = None;
        if let Ok(bank) = result {
            self.replace_bank(bank);
        }
    }

    /// Takes the bank over when the load has finished. Never waits.
    ///
    /// A load waits until the window is on screen: its first frames ask for the next one at
    /// once, and the one after them starts the load. While it loads, the window redraws the
    /// counters a few times a second.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &mut self.loading else {
            return;
        };
        let Some(result) = loading.load.try_finish() else {
            if ctx.cumulative_pass_nr() < FRAMES_BEFORE_LOADING {
                ctx.request_repaint();
            } else {
                loading.load.go();
                ctx.request_repaint_after(PROGRESS_REFRESH);
            }
            return;
        };
        let source = loading.load.source().clone();
        let remember = loading.remember;
        self.loading = None;
        match result {
            Ok(bank) => {
                self.replace_bank(bank);
                // Another bank, not a new version of the same one: the sessions start over
                // (rebasing keeps a place by id, and the old bank may have been empty).
                let seed = self.rng.next_u64();
                let filter = self.settings.filter.clone();
                self.practice = Practice::new(&self.bank, filter.clone(), seed);
                self.guided = Guided::new(&self.bank, filter, seed.wrapping_add(1));
                let due = self.records.due_ids(&self.bank, (self.clock)());
                self.practice.set_due(&self.bank, due);
                if remember {
                    self.settings.scenario_folder = match &source {
                        BankSource::Folder(dir) => Some(dir.clone()),
                        BankSource::Embedded => None,
                    };
                }
                if let Some(ctx) = self.ctx.clone() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
                        "Salgstreneren – {}",
                        source.describe()
                    )));
                    if let BankSource::Folder(dir) = &source {
                        let wake = move || ctx.request_repaint();
                        self.watch = FolderWatch::spawn(dir.clone(), wake).ok();
                    }
                }
            }
            Err(e) => {
                let t = texts(self.settings.language);
                self.notices.push(fill(t.loading_failed, &[("error", &e)]));
                // Something to practise with rather than an empty window.
                if self.bank.files_checked() == 0 && source != BankSource::Embedded {
                    self.open_source(BankSource::Embedded, false);
                }
            }
        }
    }

    /// What is loading, or else what is loaded.
    pub(super) fn loading_source(&self) -> &BankSource {
        self.loading
            .as_ref()
            .map_or(self.bank.source(), |l| l.load.source())
    }

    /// Opens the folder typed or picked in the "open another folder" panel.
    pub(super) fn open_typed_folder(&mut self) {
        let path = PathBuf::from(self.open_folder.path.trim());
        self.open_source(BankSource::Folder(path), true);
    }
}
