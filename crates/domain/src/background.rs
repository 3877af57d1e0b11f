//! Work on a background thread, with counters a window can show while it waits.
//!
//! The bank loading ([`BankLoad`](super::bank::loading::BankLoad)) and the class report
//! reading many files ([`class_report::start`](super::class_report::start)) both run as a
//! [`Job`]: the worker bumps the [`Progress`] counters as it goes, and the window draws
//! [`Job::progress`] each frame and takes the result with [`Job::try_finish`], which never
//! blocks. The worker wakes the window only when the result is ready: a screen that shows the
//! counters asks for its next frame itself, a few times a second, so a fast worker does not
//! spend the cores it needs on frames nobody can read. Dropping a job asks its worker to stop
//! early ([`Progress::is_cancelled`]).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// How often a screen that shows a job's counters redraws them while it waits.
pub const PROGRESS_REFRESH: Duration = Duration::from_millis(100);

/// Counters a worker bumps as it goes; any thread may read them at any time.
#[derive(Default)]
pub struct Progress {
    total: AtomicUsize,
    read: AtomicUsize,
    problems: AtomicUsize,
    cancelled: AtomicBool,
    /// While `true`, the work waits to start ([`Progress::held`]).
    held: Mutex<bool>,
    go: Condvar,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("snapshot", &self.snapshot())
            .field("cancelled", &self.is_cancelled())
            .finish_non_exhaustive()
    }
}

/// The counters at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProgressSnapshot {
    /// Files read so far.
    pub files_read: usize,
    /// Files found; 0 while the folder is still being listed.
    pub files_total: usize,
    /// Problems found in the files read so far.
    pub problems: usize,
}

impl ProgressSnapshot {
    /// The share read, from 0 to 1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        if self.files_total == 0 {
            0.0
        } else {
            (self.files_read as f32 / self.files_total as f32).min(1.0)
        }
    }

    /// Every file listed has been read (what is left is putting the result together).
    pub fn all_read(&self) -> bool {
        self.files_total > 0 && self.files_read >= self.files_total
    }
}

impl Progress {
    /// Counters for work that waits to start until [`Progress::go`] is called: a window that
    /// is opening wants the cores to itself until it is on screen.
    pub fn held() -> Self {
        Self {
            held: Mutex::new(true),
            ..Self::default()
        }
    }

    /// The counters now.
    pub fn snapshot(&self) -> ProgressSnapshot {
        ProgressSnapshot {
            files_read: self.read.load(Ordering::Relaxed),
            files_total: self.total.load(Ordering::Relaxed),
            problems: self.problems.load(Ordering::Relaxed),
        }
    }

    /// The folder has been listed: `total` files are to be read.
    pub fn listed(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// One more file was read, with `problems` problems.
    pub fn file_read(&self, problems: usize) {
        if problems > 0 {
            self.problems.fetch_add(problems, Ordering::Relaxed);
        }
        self.read.fetch_add(1, Ordering::Relaxed);
    }

    /// Asks the worker to stop: nobody waits for its result any more.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        self.go();
    }

    /// True once the job was dropped or cancelled; a worker checks it between files.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Lets held work start (the window is on screen). Calling it again, or
    /// for work that was not held, does nothing.
    pub fn go(&self) {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        if *held {
            *held = false;
            self.go.notify_all();
        }
    }

    /// True while held work waits for [`Progress::go`].
    pub fn is_held(&self) -> bool {
        *self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Returns when the work may start: at once, unless the counters were made with
    /// [`Progress::held`] and [`Progress::go`] was not called yet.
    pub fn wait_for_go(&self) {
        let held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        let _going = self
            .go
            .wait_while(held, |held| *held)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// The worker ended without a result: only a panic in it (or a system out of threads) does
/// that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interrupted;

/// Work running on its own thread, with its counters.
pub struct Job<T> {
    progress: Arc<Progress>,
    result: Receiver<T>,
    handed_over: bool,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("progress", &self.progress)
            .field("handed_over", &self.handed_over)
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread called `name`. `notify` is called from the worker once, when
    /// the result is ready, so a window can wake up and take it.
    pub fn start(
        name: &str,
        notify: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Job<T> {
        Job::start_with(name, Progress::default(), notify, work)
    }

    /// [`Job::start`] with counters made beforehand, such as [`Progress::held`]. The worker
    /// waits for [`Job::go`] before it starts `work` when they are held.
    pub fn start_with(
        name: &str,
        progress: Progress,
        notify: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Job<T> {
        let progress = Arc::new(progress);
        let (tx, result) = mpsc::channel();
        let counters = Arc::clone(&progress);
        let spawned = thread::Builder::new().name(name.into()).spawn(move || {
            counters.wait_for_go();
            let done = work(&counters);
            // The receiver is gone when the window closed or started other work meanwhile.
            let _ = tx.send(done);
            notify();
        });
        Job {
            progress,
            // Without a thread the job reports as interrupted.
            result: if spawned.is_ok() {
                result
            } else {
                mpsc::channel().1
            },
            handed_over: false,
        }
    }
}

impl<T> Job<T> {
    /// The counters now.
    pub fn progress(&self) -> ProgressSnapshot {
        self.progress.snapshot()
    }

    /// Lets held work start (see [`Progress::held`]).
    pub fn go(&self) {
        self.progress.go();
    }

    /// The result once it is ready; `None` while working and after it was handed over.
    /// Never blocks.
    pub fn try_finish(&mut self) -> Option<Result<T, Interrupted>> {
        if self.handed_over {
            return None;
        }
        let result = match self.result.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Interrupted)),
        };
        self.handed_over = result.is_some();
        result
    }

    /// True once the result was handed over.
    pub fn is_finished(&self) -> bool {
        self.handed_over
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        // A worker that is still going can stop: nobody will take its result.
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    fn wait<T>(job: &mut Job<T>) -> Result<T, Interrupted> {
        // Bounded by the number of tries, not by a clock.
        for _ in 0..20_000 {
            if let Some(result) = job.try_finish() {
                return result;
            }
            thread::sleep(std::time::Duration::from_millis(1));
        }
        panic!("the job never finished");
    }

    #[test]
    fn the_result_is_handed_over_once_with_the_counters() {
        let mut job = Job::start(
            "test",
            || {},
            |p: &Progress| {
                p.listed(3);
                for problems in [0, 2, 1] {
                    p.file_read(problems);
                }
                "done"
            },
        );
        assert_eq!(wait(&mut job), Ok("done"));
        let seen = job.progress();
        assert_eq!(
            (seen.files_read, seen.files_total, seen.problems),
            (3, 3, 3)
        );
        assert!(seen.all_read());
        assert!(job.try_finish().is_none(), "handed over only once");
        assert!(job.is_finished());
    }

    #[test]
    fn the_window_is_woken_once_when_the_result_is_ready_not_as_the_counters_move() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&wakes);
        let (seen_tx, seen) = mpsc::channel();
        let woken = Arc::clone(&wakes);
        let mut job = Job::start(
            "test",
            move || {
                counted.fetch_add(1, Ordering::Relaxed);
            },
            move |p: &Progress| {
                p.listed(1_000);
                (0..1_000).for_each(|_| p.file_read(0));
                let _ = seen_tx.send(woken.load(Ordering::Relaxed));
            },
        );
        assert_eq!(wait(&mut job), Ok(()));
        assert_eq!(seen.recv(), Ok(0), "no wake while the counters moved");
        assert_eq!(wakes.load(Ordering::Relaxed), 1, "one wake with the result");
    }

    #[test]
    fn held_work_starts_only_on_go_and_a_dropped_job_lets_it_go_too() {
        assert!(!Progress::default().is_held());
        let (started_tx, started) = mpsc::channel();
        let mut job = Job::start_with(
            "test",
            Progress::held(),
            || {},
            move |_: &Progress| {
                let _ = started_tx.send(());
                7
            },
        );
        assert_eq!(
            started.recv_timeout(Duration::from_millis(50)),
            Err(mpsc::RecvTimeoutError::Timeout),
            "held until go"
        );
        assert!(job.try_finish().is_none());
        job.go();
        job.go();
        assert_eq!(started.recv(), Ok(()));
        assert_eq!(wait(&mut job), Ok(7));

        // Nobody calls go: dropping the job must not leave its thread waiting for good.
        let (ended_tx, ended) = mpsc::channel();
        let job = Job::start_with(
            "test",
            Progress::held(),
            || {},
            move |p: &Progress| {
                let _ = ended_tx.send(p.is_cancelled());
            },
        );
        drop(job);
        assert_eq!(ended.recv(), Ok(true));
    }

    #[test]
    fn a_panicking_worker_reports_as_interrupted() {
        let mut job: Job<u32> = Job::start("test", || {}, |_: &Progress| panic!("on purpose"));
        assert_eq!(wait(&mut job), Err(Interrupted));
    }

    #[test]
    fn dropping_the_job_asks_the_worker_to_stop() {
        let (release, gate) = mpsc::channel::<()>();
        let (saw_tx, saw) = mpsc::channel::<bool>();
        let job = Job::start(
            "test",
            || {},
            move |p: &Progress| {
                let _ = gate.recv();
                let _ = saw_tx.send(p.is_cancelled());
            },
        );
        drop(job);
        release.send(()).unwrap();
        assert_eq!(saw.recv(), Ok(true));
    }
}
