//! Loading a bank on a background thread, with counters a window can show while it waits.
//!
//! A bank of 50,000 scenarios takes a second or more to read and check; the window opens at
//! once and draws [`LoadProgress::snapshot`] until [`BankLoad::try_finish`] hands over the bank.
//! The loading itself is [`Bank::load_counting`], the same code `check` and the folder watch use;
//! the thread and its counters are the shared [`Job`] and [`LoadProgress`].

use std::fs;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::domain::background::{Interrupted, Job};
pub use crate::domain::background::{Progress as LoadProgress, ProgressSnapshot};
use crate::domain::bank::{Bank, BankSource, LoadError};

/// Checks that `dir` is a folder without reading it: the cheap test that keeps a wrong path a
/// usage error on the command line, and a message in the window, before any loading starts.
pub fn check_folder(dir: &Path) -> Result<(), LoadError> {
    let meta = fs::metadata(dir).map_err(|source| LoadError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        Ok(())
    } else {
        Err(LoadError::NotAFolder(dir.to_path_buf()))
    }
}

/// Wakes a window that may not exist yet. A load started before the window opens (so that
/// reading the bank overlaps creating the window) has nothing to wake until then; the
/// window's first frame looks at the load anyway, so wakes before [`LateWake::set`] can be
/// dropped.
#[derive(Clone, Default)]
pub struct LateWake(Arc<OnceLock<Box<dyn Fn() + Send + Sync>>>);

impl LateWake {
    /// From now on, [`LateWake::wake`] calls `wake`. Only the first call counts.
    pub fn set(&self, wake: impl Fn() + Send + Sync + 'static) {
        let _ = self.0.set(Box::new(wake));
    }

    /// Calls the function given to [`LateWake::set`], if any yet.
    pub fn wake(&self) {
        if let Some(wake) = self.0.get() {
            wake();
        }
    }
}

/// Lowers the calling thread's priority, and so that of the threads it starts (Linux keeps
/// a nice value per thread, and a new thread inherits it): when a core is contested, the
/// window's thread paints its first frame before the loader reads on. Where the loader has
/// the cores to itself, as after the first frame, it loads at full speed.
fn yield_to_the_window() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the scheduling of the thread named; on Linux,
    // PRIO_PROCESS with id 0 names the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, LOADER_NICE);
    }
}

/// The loading threads' nice value (0 is normal, 19 the lowest priority).
#[cfg(target_os = "linux")]
const LOADER_NICE: libc::c_int = 10;

/// A bank being loaded on its own thread.
#[derive(Debug)]
pub struct BankLoad {
    source: BankSource,
    job: Job<Result<Bank, LoadError>>,
}

impl BankLoad {
    /// Starts loading `source`. `notify` is called from the loading threads as the counters
    /// move and once more when the bank is ready, so a window can wake up and take it.
    pub fn start(source: BankSource, notify: impl Fn() + Send + Sync + 'static) -> BankLoad {
        BankLoad::start_with(source, notify, Bank::load_counting)
    }

    /// [`BankLoad::start`] with another loader in place of [`Bank::load_counting`], so a test
    /// can hold the load at a chosen point and look at the window meanwhile.
    pub fn start_with(
        source: BankSource,
        notify: impl Fn() + Send + Sync + 'static,
        load: impl FnOnce(BankSource, &LoadProgress) -> Result<Bank, LoadError> + Send + 'static,
    ) -> BankLoad {
        let loading = source.clone();
        BankLoad {
            source,
            job: Job::start("bank-load", notify, move |progress| {
                yield_to_the_window();
                load(loading, progress)
            }),
        }
    }

    /// What is being loaded.
    pub fn source(&self) -> &BankSource {
        &self.source
    }

    /// The counters now.
    pub fn progress(&self) -> ProgressSnapshot {
        self.job.progress()
    }

    /// The bank (or why there is none) once it is ready; `None` while loading and after it
    /// was handed over. Never blocks.
    pub fn try_finish(&mut self) -> Option<Result<Bank, LoadError>> {
        // The thread died without sending, which only a panic in the loader can do.
        self.job
            .try_finish()
            .map(|result| result.unwrap_or_else(|Interrupted| Err(LoadError::Interrupted)))
    }

    /// True once the bank was handed over.
    pub fn is_finished(&self) -> bool {
        self.job.is_finished()
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;
    use std::time::{Duration, Instant};

    use super::*;

    const GOOD: &str = include_str!("../../../scenarios/nb/bil-elbil-hengerfeste.ron");

    fn folder(name: &str, good: usize, bad: usize) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("salgstrener-loading-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for i in 0..good {
            let text = GOOD.replacen("id: \"", &format!("id: \"g{i}-"), 1);
            fs::write(dir.join(format!("g{i:04}.ron")), text).unwrap();
        }
        for i in 0..bad {
            fs::write(dir.join(format!("b{i:04}.ron")), "Scenario(").unwrap();
        }
        dir
    }

    fn wait(load: &mut BankLoad) -> Result<Bank, LoadError> {
        let start = Instant::now();
        loop {
            if let Some(result) = load.try_finish() {
                return result;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the load never finished"
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn counters_count_every_file_and_its_problems() {
        let dir = folder("counters", 3, 2);
        let progress = LoadProgress::default();
        let bank = Bank::load_counting(BankSource::Folder(dir.clone()), &progress).unwrap();
        let seen = progress.snapshot();
        assert_eq!(seen.files_total, 5);
        assert_eq!(seen.files_read, 5);
        assert_eq!(seen.problems, 2, "one parse error in each bad file");
        assert_eq!(bank.scenarios().len(), 3);
        assert_eq!(seen.fraction(), 1.0);
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn the_bank_is_handed_over_once_with_the_counters_complete() {
        let dir = folder("handover", 300, 1);
        let wakes = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&wakes);
        let mut load = BankLoad::start(BankSource::Folder(dir.clone()), move || {
            counted.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(load.source(), &BankSource::Folder(dir.clone()));
        let bank = wait(&mut load).unwrap();
        assert_eq!(bank.scenarios().len(), 300);
        assert_eq!(
            load.progress(),
            ProgressSnapshot {
                files_read: 301,
                files_total: 301,
                problems: 1
            }
        );
        // Listed, every 250 files, the last file, and ready.
        assert!(wakes.load(Ordering::Relaxed) >= 4);
        assert!(load.try_finish().is_none(), "handed over only once");
        assert!(load.is_finished());
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn the_bundled_bank_loads_with_progress() {
        let mut load = BankLoad::start(BankSource::Embedded, || {});
        let bank = wait(&mut load).unwrap();
        let seen = load.progress();
        assert!(!bank.scenarios().is_empty());
        assert_eq!(seen.files_read, seen.files_total);
        assert_eq!(
            seen.files_total,
            bank.files_checked() + bank.conversation_files_checked()
        );
    }

    #[test]
    fn a_late_wake_drops_wakes_before_it_is_set_and_passes_on_those_after() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let late = LateWake::default();
        let copy = late.clone();
        copy.wake();
        let counted = Arc::clone(&wakes);
        late.set(move || {
            counted.fetch_add(1, Ordering::Relaxed);
        });
        late.set(|| panic!("only the first set counts"));
        copy.wake();
        copy.wake();
        assert_eq!(wakes.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn a_missing_folder_fails_the_cheap_check_and_the_load() {
        let dir = std::env::temp_dir().join("salgstrener-loading-no-such-folder");
        assert!(matches!(check_folder(&dir), Err(LoadError::Folder { .. })));
        let file =
            std::env::temp_dir().join(format!("salgstrener-loading-file-{}", std::process::id()));
        fs::write(&file, "x").unwrap();
        assert!(matches!(check_folder(&file), Err(LoadError::NotAFolder(_))));
        let _ = fs::remove_file(file);
        let mut load = BankLoad::start(BankSource::Folder(dir), || {});
        assert!(matches!(wait(&mut load), Err(LoadError::Folder { .. })));
    }
}
