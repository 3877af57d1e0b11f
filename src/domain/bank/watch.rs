//! Watching the scenario folder: when files change (by hand, by git, by the editor), the bank
//! is loaded again on a background thread and handed to the app, which swaps it in.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use crate::domain::bank::{Bank, BankSource};

/// Changes closer together than this are loaded once: an editor saving, or git checking out
/// many files, makes a burst of events.
const QUIET: Duration = Duration::from_millis(150);

/// A running watch on one folder.
pub struct FolderWatch {
    _watcher: notify::RecommendedWatcher,
    banks: Receiver<Bank>,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FolderWatch")
    }
}

impl FolderWatch {
    /// Watches `dir` and everything under it. `on_reload` is called (from the background
    /// thread) after each new bank is ready, so a window can wake up and take it.
    pub fn start(
        dir: PathBuf,
        on_reload: impl Fn() + Send + 'static,
    ) -> notify::Result<FolderWatch> {
        let (events_tx, events) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let relevant = event.is_ok_and(|e| {
                    !matches!(e.kind, EventKind::Access(_))
                        && e.paths.iter().any(|p| !is_temporary(p))
                });
                if relevant {
                    let _ = events_tx.send(());
                }
            })?;
        watcher.watch(&dir, RecursiveMode::Recursive)?;
        let (banks_tx, banks) = mpsc::channel();
        thread::Builder::new()
            .name("scenario-watch".into())
            .spawn(move || {
                while events.recv().is_ok() {
                    loop {
                        match events.recv_timeout(QUIET) {
                            Ok(()) => continue,
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    if let Ok(bank) = Bank::load(BankSource::Folder(dir.clone())) {
                        if banks_tx.send(bank).is_err() {
                            return;
                        }
                        on_reload();
                    }
                }
            })
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok(FolderWatch {
            _watcher: watcher,
            banks,
        })
    }

    /// The newest bank loaded since the last call, if any. Never blocks.
    pub fn latest(&self) -> Option<Bank> {
        self.banks.try_iter().last()
    }
}

/// The app's own temporary files (see `storage::write_atomic`) come and go during a save; the
/// rename that follows is the change that matters.
fn is_temporary(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n.contains(".tmp-"))
}
