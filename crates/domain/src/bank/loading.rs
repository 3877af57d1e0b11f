//! Loading a bank on a background thread, with counters a window can show while it waits.
//!
//! A bank of 50,000 scenarios takes a second or more to read and check; the window opens at
//! once and draws [`LoadProgress::snapshot`] until [`BankLoad::try_finish`] hands over the bank.
//! The loading itself is [`Bank::load_counting`], the same code `check` and the folder watch use;
//! the thread and its counters are the shared [`Job`] and [`LoadProgress`].
//!
//! A load started while the window opens waits until the window is on screen
//! ([`BankLoad::go`]): on two cores, any loading meanwhile delays its first frames, and a
//! window that shows at once matters more than a bank ready a few tens of milliseconds sooner.

use std::fs;
use std::path::Path;

use crate::background::{Interrupted, Job};
pub use crate::background::{Progress as LoadProgress, ProgressSnapshot};
use crate::bank::{Bank, BankSource, LoadError};

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

/// Lowers the calling thread's priority, and so that of the threads it starts (Linux keeps
/// a nice value per thread, and a new thread inherits it): the window stays responsive
/// while the bank loads, and when it is idle the loader has the cores to itself.
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
    /// Readies a load of `source` that starts on [`BankLoad::go`]. `notify` is called from
    /// the loading thread when the bank is ready, so a window can wake up and take it; the
    /// counters are there to read at any time.
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
            job: Job::start_with("bank-load", LoadProgress::held(), notify, move |progress| {
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

    /// Starts the load (the window is on screen). Calling it again does nothing.
    pub fn go(&self) {
        self.job.go();
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

    const GOOD: &str = include_str!("../../../../scenarios/nb/bil-elbil-hengerfeste.ron");

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
        load.go();
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
        // Once, when the bank is ready: the window reads the counters on its own schedule.
        assert_eq!(wakes.load(Ordering::Relaxed), 1);
        assert!(load.try_finish().is_none(), "handed over only once");
        assert!(load.is_finished());
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn the_bundled_bank_loads_with_progress() {
        let mut load = BankLoad::start(BankSource::Embedded, || {});
        load.go();
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
    fn a_missing_folder_fails_the_cheap_check_and_the_load() {
        let dir = std::env::temp_dir().join("salgstrener-loading-no-such-folder");
        assert!(matches!(check_folder(&dir), Err(LoadError::Folder { .. })));
        let file =
            std::env::temp_dir().join(format!("salgstrener-loading-file-{}", std::process::id()));
        fs::write(&file, "x").unwrap();
        assert!(matches!(check_folder(&file), Err(LoadError::NotAFolder(_))));
        let _ = fs::remove_file(file);
        let mut load = BankLoad::start(BankSource::Folder(dir), || {});
        load.go();
        assert!(matches!(wait(&mut load), Err(LoadError::Folder { .. })));
    }
}
