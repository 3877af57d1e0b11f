//! Watching the scenario folder: when files change (by hand, by git, by the editor), the bank
//! is loaded again on a background thread and handed to the app, which swaps it in.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use crate::bank::{Bank, BankSource};

/// Changes closer together than this are loaded once: an editor saving, or git checking out
/// many files, makes a burst of events.
const QUIET: Duration = Duration::from_millis(150);

/// A running watch on one folder. Dropping it stops the watch.
pub struct FolderWatch {
    signals: Sender<Signal>,
    banks: Receiver<Bank>,
}

/// What the watch thread is told.
enum Signal {
    /// Something in the folder changed.
    Changed,
    /// The watch was dropped.
    Stop,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FolderWatch")
    }
}

impl Drop for FolderWatch {
    fn drop(&mut self) {
        // The watcher on the thread holds a sender too, so the thread must be told.
        let _ = self.signals.send(Signal::Stop);
    }
}

impl FolderWatch {
    /// Watches `dir` and everything under it, and returns once the watch is in place, so
    /// that no change made after it is missed. `on_reload` is called (from the background
    /// thread) after each new bank is ready, so a window can wake up and take it.
    pub fn start(
        dir: PathBuf,
        on_reload: impl Fn() + Send + 'static,
    ) -> notify::Result<FolderWatch> {
        let (watch, in_place) = FolderWatch::begin(dir, on_reload)?;
        in_place
            .recv()
            .unwrap_or_else(|_| Err(notify::Error::generic("the watch thread stopped")))?;
        Ok(watch)
    }

    /// [`FolderWatch::start`] that returns at once, for a window: putting the watch in place
    /// walks the whole folder (about 40 ms for 10,000 files), which a frame must not wait
    /// for. A change made before the watch is in place is not seen; should the watch fail,
    /// the folder is simply not watched.
    pub fn spawn(
        dir: PathBuf,
        on_reload: impl Fn() + Send + 'static,
    ) -> notify::Result<FolderWatch> {
        FolderWatch::begin(dir, on_reload).map(|(watch, _)| watch)
    }

    /// Starts the thread that puts the watch in place and then reloads after each burst of
    /// changes; the receiver says when the watch is in place, or why it could not be.
    fn begin(
        dir: PathBuf,
        on_reload: impl Fn() + Send + 'static,
    ) -> notify::Result<(FolderWatch, Receiver<notify::Result<()>>)> {
        let (signals, received) = mpsc::channel();
        let (in_place_tx, in_place) = mpsc::channel();
        let (banks_tx, banks) = mpsc::channel();
        let changes = signals.clone();
        thread::Builder::new()
            .name("scenario-watch".into())
            .spawn(move || {
                let on_event = move |event: notify::Result<notify::Event>| {
                    let relevant = event.is_ok_and(|e| {
                        !matches!(e.kind, EventKind::Access(_))
                            && e.paths.iter().any(|p| !is_temporary(p))
                    });
                    if relevant {
                        let _ = changes.send(Signal::Changed);
                    }
                };
                // The loader follows no links out of the folder, so the watch does not
                // either: a link to `/` would have it walk the whole disk.
                let config = notify::Config::default().with_follow_symlinks(false);
                let watcher =
                    notify::RecommendedWatcher::new(on_event, config).and_then(|mut watcher| {
                        watcher.watch(&dir, RecursiveMode::Recursive)?;
                        Ok(watcher)
                    });
                // Kept alive for as long as the thread runs.
                let _watcher = match watcher {
                    Ok(watcher) => {
                        let _ = in_place_tx.send(Ok(()));
                        watcher
                    }
                    Err(e) => {
                        let _ = in_place_tx.send(Err(e));
                        return;
                    }
                };
                while let Ok(Signal::Changed) = received.recv() {
                    loop {
                        match received.recv_timeout(QUIET) {
                            Ok(Signal::Changed) => continue,
                            Err(RecvTimeoutError::Timeout) => break,
                            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    // Whatever the folder holds, this thread must outlive it: a load that
                    // fails or even panics is skipped, and the next change loads again.
                    let load = || Bank::load(BankSource::Folder(dir.clone()));
                    let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(load));
                    if let Ok(Ok(bank)) = loaded {
                        if banks_tx.send(bank).is_err() {
                            return;
                        }
                        on_reload();
                    }
                }
            })
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok((FolderWatch { signals, banks }, in_place))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::time::Instant;

    /// Waits up to ten seconds for `done`, trying `step` in between.
    fn eventually(mut step: impl FnMut(), mut done: impl FnMut() -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if done() {
                return true;
            }
            step();
            thread::sleep(Duration::from_millis(50));
        }
        done()
    }

    /// The threads of this process with the watch thread's name.
    #[cfg(target_os = "linux")]
    fn watch_threads() -> usize {
        std::fs::read_dir("/proc/self/task")
            .unwrap()
            .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
            .filter(|name| name.trim() == "scenario-watch")
            .count()
    }

    #[test]
    fn a_watch_spawned_for_a_window_reloads_once_in_place_and_ends_when_dropped() {
        // The only test here that starts watches, so the thread count is this test's own.
        let dir = tempfile::tempdir().unwrap();
        let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good");
        let scenario = std::fs::read_to_string(good.join("bil-takboks.ron")).unwrap();
        let path = dir.path().join("bil-takboks.ron");
        std::fs::write(&path, &scenario).unwrap();
        let watch = FolderWatch::spawn(dir.path().to_path_buf(), || {}).unwrap();
        // Returned before the watch was in place: a change made meanwhile may go unseen, so
        // the file is written again, every half second (longer than the watch waits for a
        // burst of changes to end), until a reload comes.
        let (mut tries, mut writes) = (0, 0);
        let reloaded = eventually(
            || {
                tries += 1;
                if tries % 10 == 1 {
                    writes += 1;
                    std::fs::write(&path, format!("{scenario}\n// {writes}")).unwrap();
                }
            },
            || watch.latest().is_some(),
        );
        assert!(reloaded, "no reload after {writes} writes");

        #[cfg(target_os = "linux")]
        {
            assert_eq!(watch_threads(), 1);
            drop(watch);
            // Nothing changes in the folder any more, so only the drop can end the thread.
            assert!(eventually(|| {}, || watch_threads() == 0));
        }
    }
}
