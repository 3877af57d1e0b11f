//! Writing files so that nothing is ever lost: atomic replacement, change detection, and
//! keeping unreadable files aside instead of overwriting them.

use std::fs::{self, File};
use std::io::{self, Read as _, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::bank::kind_message;
use crate::i18n::FileMessage;

/// The user's data folder for history and other per-user files, from the platform's
/// conventions (for example `~/.local/share/salgstrener` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("no", "Salgstreneren", "salgstrener")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

/// An I/O failure with the file it concerns. `Display` gives English; [`StorageError::message`]
/// gives it in either language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub struct StorageError {
    /// The file.
    pub path: PathBuf,
    /// What was being done, such as [`FileMessage::WriteHistory`].
    pub action: Box<FileMessage>,
    /// What the system said.
    pub source: io::Error,
}

impl StorageError {
    /// The failure as a message: the file, what was being done and what the system said.
    pub fn message(&self) -> FileMessage {
        FileMessage::AtPath {
            path: self.path.clone(),
            what: self.action.clone(),
            reason: self.source.to_string(),
        }
    }
}

fn err(path: &Path, action: FileMessage) -> impl FnOnce(io::Error) -> StorageError + '_ {
    move |source| StorageError {
        path: path.to_path_buf(),
        action: Box::new(action),
        source,
    }
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder is written,
/// flushed to disk and renamed over the target, so a reader (or a crash) sees either the old
/// file or the new one, never half of each.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), StorageError> {
    let dir = folder_of(path);
    fs::create_dir_all(&dir).map_err(err(&dir, FileMessage::CreateFolder {}))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    remove_stale_temporaries(&dir, Some(&file_name));
    replace(&dir, path, contents)?;
    sync_folder(&dir);
    Ok(())
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The rename that replaced a file is only durable once the folder entry is on disk.
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A new temporary file's path in `dir` for `path`: unique per process and per call, so two
/// writers never share one.
fn temporary_path(dir: &Path, path: &Path) -> PathBuf {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(
        "{}{}-{n}",
        temporary_prefix(&file_name),
        std::process::id()
    ))
}

/// Writes a temporary file in `dir`, flushes it to disk and renames it over `path`.
fn replace(dir: &Path, path: &Path, contents: &[u8]) -> Result<(), StorageError> {
    let tmp = temporary_path(dir, path);
    let result = (|| {
        let mut file = File::create(&tmp).map_err(err(&tmp, FileMessage::CreateTemporary {}))?;
        file.write_all(contents)
            .map_err(err(&tmp, FileMessage::WriteTemporary {}))?;
        file.sync_all()
            .map_err(err(&tmp, FileMessage::FlushTemporary {}))?;
        drop(file);
        fs::rename(&tmp, path).map_err(err(path, FileMessage::ReplaceFile {}))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes many files, each atomically as [`write_atomic`] does, at a cost that does not grow
/// with the size of the folders. Each folder is created and cleared of dead writers' temporary
/// files once, on its first file. The files are written to temporary files as they come;
/// [`finish`] then makes all of them durable at once (one `syncfs` on Linux, instead of one
/// journal commit per file, which cost 5 ms a file here), renames each over its target, and
/// flushes each folder once. A reader (or a crash) still sees every file either old or new,
/// never half of each; until `finish`, every file is still old.
///
/// [`finish`]: AtomicWriter::finish
#[derive(Debug, Default)]
pub struct AtomicWriter {
    folders: Vec<PathBuf>,
    /// Temporary files written and the files they will replace, in order.
    pending: Vec<(PathBuf, PathBuf)>,
}

impl AtomicWriter {
    /// A writer that has written nothing yet.
    pub fn new() -> AtomicWriter {
        AtomicWriter::default()
    }

    /// Writes `contents` for `path`; `path` is replaced when [`AtomicWriter::finish`] runs.
    pub fn write(&mut self, path: &Path, contents: &[u8]) -> Result<(), StorageError> {
        let dir = folder_of(path);
        // Imports write one folder per language: a short list, searched from the end.
        if !self.folders.iter().rev().any(|d| *d == dir) {
            fs::create_dir_all(&dir).map_err(err(&dir, FileMessage::CreateFolder {}))?;
            remove_stale_temporaries(&dir, None);
            self.folders.push(dir.clone());
        }
        let tmp = temporary_path(&dir, path);
        let written = File::create(&tmp)
            .map_err(err(&tmp, FileMessage::CreateTemporary {}))
            .and_then(|mut file| {
                file.write_all(contents)
                    .map_err(err(&tmp, FileMessage::WriteTemporary {}))
            });
        match written {
            Ok(()) => {
                self.pending.push((tmp, path.to_path_buf()));
                Ok(())
            }
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    /// Flushes every file written to disk, replaces the targets, and flushes the folders so
    /// that every rename is on disk too. On an error no file is replaced, unless the error
    /// came while renaming: then the files before it are.
    pub fn finish(mut self) -> Result<(), StorageError> {
        let pending = std::mem::take(&mut self.pending);
        if let Err(e) = sync_files(&pending) {
            remove_temporaries(&pending);
            return Err(e);
        }
        for (i, (tmp, target)) in pending.iter().enumerate() {
            if let Err(source) = fs::rename(tmp, target) {
                remove_temporaries(&pending[i..]);
                return Err(err(target, FileMessage::ReplaceFile {})(source));
            }
        }
        for dir in &self.folders {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(err(dir, FileMessage::FlushFolder {}))?;
        }
        Ok(())
    }
}

impl Drop for AtomicWriter {
    /// A writer dropped without `finish` (an error on the way) replaces nothing and leaves
    /// no temporary files.
    fn drop(&mut self) {
        remove_temporaries(&self.pending);
    }
}

fn remove_temporaries(pending: &[(PathBuf, PathBuf)]) {
    for (tmp, _) in pending {
        let _ = fs::remove_file(tmp);
    }
}

/// Puts the contents of the temporary files on disk before any is renamed.
fn sync_files(pending: &[(PathBuf, PathBuf)]) -> Result<(), StorageError> {
    let Some((first, _)) = pending.first() else {
        return Ok(());
    };
    #[cfg(target_os = "linux")]
    {
        // One flush of the file system holding them. Imports write into one folder tree, so
        // one file system; a temporary file elsewhere is flushed on its own below.
        use std::os::unix::io::AsRawFd;
        let file = File::open(first).map_err(err(first, FileMessage::FlushFiles {}))?;
        let device = |p: &Path| {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(p).map(|m| m.dev()).ok()
        };
        // SAFETY: `syncfs` only reads the open file descriptor, which `file` keeps open.
        if unsafe { libc::syncfs(file.as_raw_fd()) } != 0 {
            return Err(err(first, FileMessage::FlushFiles {})(
                io::Error::last_os_error(),
            ));
        }
        let synced = device(first);
        for (tmp, _) in pending {
            if device(tmp) != synced {
                sync_one(tmp)?;
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = first;
        pending.iter().try_for_each(|(tmp, _)| sync_one(tmp))
    }
}

fn sync_one(path: &Path) -> Result<(), StorageError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(err(path, FileMessage::FlushTemporary {}))
}

/// Writes an export the user asked for with `-o PATH`. A new or regular file is replaced
/// atomically like any other; anything else is written through as it is, because replacing
/// it would destroy it: `/dev/stdout`, a named pipe, or a symbolic link the user keeps
/// pointing at the real file.
pub fn write_output(path: &Path, contents: &[u8]) -> Result<(), StorageError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            let mut file = fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(path)
                .map_err(err(path, FileMessage::OpenForWriting {}))?;
            file.write_all(contents)
                .map_err(err(path, FileMessage::WriteFile {}))?;
            file.flush().map_err(err(path, FileMessage::WriteFile {}))
        }
        _ => write_atomic(path, contents),
    }
}

/// The start of the names of `file_name`'s temporary files; the writer's process id follows.
fn temporary_prefix(file_name: &str) -> String {
    format!(".{file_name}.tmp-")
}

/// Removes temporary files of `file_name` left by writers that died before renaming them (a
/// crash, a kill, a power cut), so they do not pile up. A temporary file of a process that is
/// still running is another writer's work in progress and is left alone.
///
/// With no `file_name`, the temporary files of every file in the folder are looked at.
fn remove_stale_temporaries(dir: &Path, file_name: Option<&str>) {
    let prefix = file_name.map(temporary_prefix);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let rest = name.to_str().and_then(|n| match &prefix {
            Some(prefix) => n.strip_prefix(prefix.as_str()),
            None => n
                .strip_prefix('.')
                .and_then(|n| n.split_once(".tmp-"))
                .map(|(_, rest)| rest),
        });
        let Some(owner) = rest
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if owner != std::process::id() && !writer_may_be_running(owner, &entry) {
            // Best effort: a file that cannot be removed now is tried again on the next save.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// True unless the process that wrote a temporary file is surely gone. Where the system has no
/// `/proc` to ask, only files untouched for an hour count as abandoned.
fn writer_may_be_running(pid: u32, entry: &fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_none_or(|age| age < std::time::Duration::from_secs(3600))
}

/// Why [`read_regular`] gave no contents. `Display` gives English; [`ReadError::message`]
/// gives it in either language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum ReadError {
    /// Nothing by that name.
    NotFound,
    /// A named pipe, a device, a socket or a folder: reading one could wait forever or never
    /// end, so it is not read at all.
    NotRegular(&'static str),
    /// More bytes than the limit; `size` is what the file system reports, which may be less
    /// (files in `/proc` report 0).
    TooBig {
        /// What the file system reports.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// What the system said.
    Io(io::Error),
}

impl ReadError {
    /// Why the file gave no contents, as a message.
    pub fn message(&self) -> FileMessage {
        match self {
            ReadError::NotFound => FileMessage::DoesNotExist {},
            ReadError::NotRegular(kind) => FileMessage::NotRegular {
                kind: Box::new(kind_message(kind)),
            },
            ReadError::TooBig { limit, .. } => FileMessage::OverLimit {
                limit_kib: limit / 1024,
            },
            ReadError::Io(e) => FileMessage::CannotRead {
                reason: e.to_string(),
            },
        }
    }
}

/// Reads a regular file of at most `limit` bytes, without ever blocking on a named pipe or
/// reading an endless file: the file is opened without waiting for a writer, checked on the
/// open handle (so it cannot be swapped between a check and the read), and read through a cap
/// on the handle rather than trusting the size the file system reports.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading otherwise waits until someone opens it for writing.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooBig {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig {
            size: meta.len(),
            limit,
        });
    }
    Ok(bytes)
}

/// What [`kind_of`] calls a named pipe.
pub const KIND_FIFO: &str = "a named pipe (FIFO)";
/// What [`kind_of`] calls a socket.
pub const KIND_SOCKET: &str = "a socket";
/// What [`kind_of`] calls a device.
pub const KIND_DEVICE: &str = "a device";
/// What [`kind_of`] calls a folder.
pub const KIND_FOLDER: &str = "a folder";

/// What a file that is not a regular file is, in words for the user (English; the domain's
/// messages give it in either language).
pub fn kind_of(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return KIND_FIFO;
        }
        if file_type.is_socket() {
            return KIND_SOCKET;
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return KIND_DEVICE;
        }
    }
    if file_type.is_dir() {
        KIND_FOLDER
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// What a file looked like when it was read, to notice later changes by someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    hash: u64,
}

impl Stamp {
    /// The stamp of `contents`, as just read from a file.
    pub fn of(contents: &[u8]) -> Stamp {
        Stamp {
            len: contents.len() as u64,
            hash: fnv1a(contents),
        }
    }

    /// True when the file on disk is no longer what was read: changed, replaced or deleted.
    /// Compares contents, not only times, so a touch without a change is not a conflict.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        // Never blocks on a named pipe put in the file's place; a file grown past the size
        // read (plus one byte) has changed.
        match read_regular(path, self.len.saturating_add(1)) {
            Ok(now) => now.len() as u64 != self.len || fnv1a(&now) != self.hash,
            Err(_) => true,
        }
    }
}

/// A small, stable hash for change detection (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Moves an unreadable file aside as `NAME.corrupt-<timestamp>` so it is kept for the user
/// and a fresh file can be started. Returns the new path.
pub fn keep_aside(path: &Path, timestamp: &str) -> Result<PathBuf, StorageError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let safe_stamp: String = timestamp
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut target = path.with_file_name(format!("{name}.corrupt-{safe_stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.corrupt-{safe_stamp}-{n}"));
    }
    fs::rename(path, &target).map_err(err(path, FileMessage::MoveAside {}))?;
    Ok(target)
}

/// A path for a file in a fresh temporary folder, which lasts as long as the returned guard.
#[cfg(test)]
pub(crate) fn temp_file(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_files() {
        let (dir, path) = temp_file("a.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.ron"]);
    }

    #[test]
    fn temporary_files_of_dead_writers_are_removed_and_those_of_live_ones_kept() {
        let (dir, path) = temp_file("a.ron");
        // No process has pid 0 in /proc; this process is alive; other files are not ours.
        let dead = dir.path().join(".a.ron.tmp-0-7");
        let mine = dir
            .path()
            .join(format!(".a.ron.tmp-{}-99", std::process::id()));
        let other = dir.path().join(".b.ron.tmp-0-7");
        for p in [&dead, &mine, &other] {
            fs::write(p, b"half").unwrap();
        }
        write_atomic(&path, b"whole").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"whole");
        assert!(!dead.exists() || !Path::new("/proc/self").exists());
        assert!(mine.exists(), "this process may be writing it");
        assert!(
            other.exists(),
            "another file's temporaries are its own writer's business"
        );
    }

    #[test]
    fn a_batch_replaces_nothing_until_it_finishes_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("nb/a.ron");
        let b = dir.path().join("en/b.ron");
        write_atomic(&a, b"old").unwrap();
        let mut writer = AtomicWriter::new();
        writer.write(&a, b"new a").unwrap();
        writer.write(&b, b"new b").unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"old", "not before finish");
        assert!(!b.exists());
        writer.finish().unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"new a");
        assert_eq!(fs::read(&b).unwrap(), b"new b");
        let mut dropped = AtomicWriter::new();
        dropped.write(&a, b"never").unwrap();
        drop(dropped);
        assert_eq!(fs::read(&a).unwrap(), b"new a");
        for folder in ["nb", "en"] {
            let names: Vec<_> = fs::read_dir(dir.path().join(folder))
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names.len(), 1, "{names:?}");
        }
    }

    #[test]
    fn atomic_write_into_a_missing_folder_creates_it() {
        let (_dir, path) = temp_file("sub/dir/b.ron");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn output_through_a_link_or_a_pipe_writes_through_it() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_output(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");

        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system: the link case above still ran
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(fifo).unwrap())
        };
        write_output(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());

        let plain = dir.path().join("plain.csv");
        write_output(&plain, b"x").unwrap();
        assert_eq!(fs::read(&plain).unwrap(), b"x");
    }

    #[test]
    fn stamp_notices_changes_but_not_rewrites_of_the_same_bytes() {
        let (_dir, path) = temp_file("c.ron");
        fs::write(&path, b"hello").unwrap();
        let stamp = Stamp::of(b"hello");
        assert!(!stamp.changed_on_disk(&path));
        fs::write(&path, b"hello").unwrap();
        assert!(!stamp.changed_on_disk(&path));
        fs::write(&path, b"hellO").unwrap();
        assert!(stamp.changed_on_disk(&path));
        fs::remove_file(&path).unwrap();
        assert!(stamp.changed_on_disk(&path));
    }

    #[test]
    fn keep_aside_never_overwrites_an_earlier_copy() {
        let (_dir, path) = temp_file("history.ron");
        fs::write(&path, b"first").unwrap();
        let a = keep_aside(&path, "2026-11-27T12:00:00Z").unwrap();
        fs::write(&path, b"second").unwrap();
        let b = keep_aside(&path, "2026-11-27T12:00:00Z").unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(&a).unwrap(), b"first");
        assert_eq!(fs::read(&b).unwrap(), b"second");
        assert!(
            a.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("history.ron.corrupt-2026-11-27T12-00-00Z")
        );
    }
}
