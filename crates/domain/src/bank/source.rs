//! Where a bank comes from, and reading its files: a folder on disk (scenario files, the quiz
//! folder, the assets beside it) or the copy built into the binary.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::parallel::parallel_map;
use super::problem::Problem;
use super::validate::{AssetLookup, AssetState, MAX_FILE_BYTES};
use crate::i18n::{FileMessage, Message};
use crate::storage::{self, ReadError};

static EMBEDDED_SCENARIOS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../scenarios");
pub(super) static EMBEDDED_ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../assets");

/// Name of the folder at the root of a scenario folder that holds quiz files, not scenarios.
pub const QUIZ_FOLDER: &str = "quizzes";

/// Largest picture file read; bigger ones are not shown (a scenario picture is an illustration).
const MAX_PICTURE_BYTES: u64 = 4 * 1024 * 1024;

/// Most files one bank may have; more is almost certainly the wrong folder.
pub const MAX_FILES: usize = 50_000;

/// Where a bank comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankSource {
    /// A folder on disk, as the user named it.
    Folder(PathBuf),
    /// The scenarios built into the binary (read-only).
    Embedded,
}

impl BankSource {
    /// `./scenarios` when it exists, else the built-in bank: what the app opens by default.
    pub fn default_for(cwd: &Path) -> BankSource {
        let folder = cwd.join("scenarios");
        if folder.is_dir() {
            BankSource::Folder(PathBuf::from("scenarios"))
        } else {
            BankSource::Embedded
        }
    }

    /// Human-readable name of the source, for the window and `check`.
    pub fn describe(&self) -> String {
        match self {
            BankSource::Folder(path) => path.display().to_string(),
            BankSource::Embedded => "bundled scenarios".into(),
        }
    }
}

/// Errors that stop a bank from being read at all (as opposed to problems in single files).
/// `Display` gives English; [`LoadError::message`] gives it in either language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum LoadError {
    /// The folder does not exist or cannot be listed.
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The path exists but is not a folder.
    NotAFolder(PathBuf),
    /// The loading thread stopped before it finished (a bug, not the user's content).
    Interrupted,
}

impl LoadError {
    /// The error as a message.
    pub fn message(&self) -> FileMessage {
        match self {
            LoadError::Folder { path, source } => FileMessage::CannotOpenFolder {
                path: path.clone(),
                reason: source.to_string(),
            },
            LoadError::NotAFolder(path) => FileMessage::NotAFolder { path: path.clone() },
            LoadError::Interrupted => FileMessage::LoadInterrupted {},
        }
    }
}

/// One scenario file's text, or the problem that kept it from being read.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user.
    pub path: PathBuf,
    /// The text, or why there is none.
    pub text: Result<String, Problem>,
}

/// Lists and reads every `*.ron` scenario file under `dir`, sorted by path.
///
/// Hidden entries (such as `.git` or `.trash`) and the root `quizzes/` folder are skipped;
/// symbolic links are not followed, so a link cannot pull in files from elsewhere.
pub fn read_folder(dir: &Path) -> Result<Vec<SourceFile>, LoadError> {
    let listing = list_folder(dir, MAX_FILES)?;
    let texts = parallel_map(&listing.paths, |path| read_scenario_file(path));
    Ok(listing
        .problem_files()
        .chain(
            listing
                .paths
                .into_iter()
                .zip(texts)
                .map(|(path, text)| SourceFile { path, text }),
        )
        .collect())
}

/// The scenario files of a folder in path order, listed but not read, and the problems of the
/// listing itself (links not followed, too many files).
pub(super) struct Listing {
    pub(super) paths: Vec<PathBuf>,
    pub(super) problems: Vec<Problem>,
}

impl Listing {
    /// The listing's problems as files that could not be read.
    pub(super) fn problem_files(&self) -> impl Iterator<Item = SourceFile> + use<> {
        self.problems.clone().into_iter().map(|p| SourceFile {
            path: p.path.clone(),
            text: Err(p),
        })
    }
}

pub(super) fn list_folder(dir: &Path, max_files: usize) -> Result<Listing, LoadError> {
    super::loading::check_folder(dir)?;
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    collect_ron_files(dir, true, &mut paths, &mut problems).map_err(|source| {
        LoadError::Folder {
            path: dir.to_path_buf(),
            source,
        }
    })?;
    debug_assert!(paths.is_sorted(), "the walk lists files in path order");
    if paths.len() > max_files {
        problems.push(Problem::error(
            dir,
            None,
            Message::TooManyFiles {
                found: paths.len(),
                max: max_files,
            },
        ));
        paths.truncate(max_files);
    }
    Ok(Listing { paths, problems })
}

/// Walks `dir` depth first with each folder's entries sorted by name, which lists the files in
/// path order without sorting whole paths (comparing paths component by component was a tenth
/// of loading a large bank).
fn collect_ron_files(
    dir: &Path,
    is_root: bool,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) -> io::Result<()> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        entries.push((entry.file_name(), entry));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let name = name.to_string_lossy();
        if name.starts_with('.') || (is_root && name == QUIZ_FOLDER) {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type()?;
        if file_type.is_symlink() {
            if path.extension().is_some_and(|e| e == "ron") || path.is_dir() {
                problems.push(Problem::warning(
                    &path,
                    None,
                    Message::SymlinkNotFollowed {},
                ));
            }
        } else if file_type.is_dir() {
            collect_ron_files(&path, false, out, problems)?;
        } else if path.extension().is_some_and(|e| e == "ron") {
            if file_type.is_file() {
                out.push(path);
            } else {
                problems.push(not_regular(&path, storage::kind_of(&file_type)));
            }
        }
    }
    Ok(())
}

/// Reads the quiz files in `quizzes/` at the root of a scenario folder (none when it is absent).
/// As for scenarios, symbolic links are not followed (neither the folder itself nor files in
/// it) and anything but a regular file is not read; both are reported.
pub fn read_quiz_folder(dir: &Path) -> Vec<SourceFile> {
    let quiz_dir = dir.join(QUIZ_FOLDER);
    let link_problem = |path: &Path| SourceFile {
        path: path.to_path_buf(),
        text: Err(Problem::warning(path, None, Message::SymlinkNotFollowed {})),
    };
    match fs::symlink_metadata(&quiz_dir) {
        Ok(meta) if meta.file_type().is_symlink() => return vec![link_problem(&quiz_dir)],
        Ok(meta) if meta.is_dir() => {}
        _ => return Vec::new(),
    }
    let Ok(entries) = fs::read_dir(&quiz_dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, fs::FileType)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
        .filter(|(p, t)| p.extension().is_some_and(|e| e == "ron") && !t.is_dir())
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
        .into_iter()
        .map(|(path, file_type)| {
            if file_type.is_symlink() {
                return link_problem(&path);
            }
            let text = if file_type.is_file() {
                read_scenario_file(&path)
            } else {
                Err(not_regular(&path, storage::kind_of(&file_type)))
            };
            SourceFile { path, text }
        })
        .collect()
}

/// The quiz files built into the binary.
pub fn embedded_quiz_files() -> Vec<SourceFile> {
    let Some(dir) = EMBEDDED_SCENARIOS.get_dir(QUIZ_FOLDER) else {
        return Vec::new();
    };
    let mut files: Vec<SourceFile> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "ron"))
        .map(|f| {
            let path = Path::new("scenarios").join(f.path());
            let text = f
                .contents_utf8()
                .map(str::to_owned)
                .ok_or_else(|| Problem::error(&path, None, Message::NotUtf8 {}));
            SourceFile { path, text }
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Reads one file, refusing anything but a regular file, files over [`MAX_FILE_BYTES`] and
/// text that is not UTF-8. A UTF-8 byte order mark (which some Windows editors write) is
/// dropped.
pub fn read_scenario_file(path: &Path) -> Result<String, Problem> {
    let bytes = storage::read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::TooBig { size, .. } => Problem::error(
            path,
            None,
            Message::FileTooBig {
                kib: size.max(MAX_FILE_BYTES + 1) / 1024,
                limit_kib: MAX_FILE_BYTES / 1024,
            },
        ),
        ReadError::NotRegular(kind) => not_regular(path, kind),
        other => Problem::error(
            path,
            None,
            Message::CannotReadFile {
                reason: other.to_string(),
            },
        ),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problem::error(
            path,
            Some(crate::bank::problem::Position::new(line, column)),
            Message::NotUtf8SaveAs {},
        )
    })?;
    Ok(strip_bom(text))
}

/// The text without a leading UTF-8 byte order mark.
pub fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// The problem of a file in the folder that is not a regular file (a named pipe, a device).
fn not_regular(path: &Path, kind: &str) -> Problem {
    Problem::error(
        path,
        None,
        Message::NotRegularFile {
            kind: Box::new(kind_message(kind)),
        },
    )
}

/// What [`storage::kind_of`] says a special file is, as a message in either language.
pub fn kind_message(kind: &str) -> Message {
    match kind {
        storage::KIND_FIFO => Message::KindFifo {},
        storage::KIND_SOCKET => Message::KindSocket {},
        storage::KIND_DEVICE => Message::KindDevice {},
        storage::KIND_FOLDER => Message::KindFolder {},
        _ => Message::KindSpecial {},
    }
}

/// The scenario files built into the binary, with paths under `scenarios/`.
pub fn embedded_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED_SCENARIOS, true, &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect_embedded(dir: &Dir<'static>, is_root: bool, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "ron") {
            let path = Path::new("scenarios").join(file.path());
            let text = file
                .contents_utf8()
                .map(str::to_owned)
                .ok_or_else(|| Problem::error(&path, None, Message::NotUtf8 {}));
            out.push(SourceFile { path, text });
        }
    }
    for sub in dir.dirs() {
        let name = sub.path().file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') || (is_root && name == QUIZ_FOLDER) {
            continue;
        }
        collect_embedded(sub, false, out);
    }
}

/// The assets folder that belongs to a scenario folder: `assets/` beside it.
pub fn assets_folder(scenarios: &Path) -> PathBuf {
    scenarios
        .parent()
        .map_or_else(|| PathBuf::from("assets"), |p| p.join("assets"))
}

/// The pictures of a folder on disk: `assets/` beside the scenario folder.
pub struct FolderAssets(PathBuf);

impl FolderAssets {
    /// The assets of the scenario folder `scenarios`.
    pub fn of(scenarios: &Path) -> FolderAssets {
        FolderAssets(assets_folder(scenarios))
    }

    /// Reads a picture: only a regular file reached without following a link, and at most
    /// `MAX_PICTURE_BYTES`, counted on the open handle.
    pub fn read(&self, relative: &Path) -> Option<Vec<u8>> {
        if self.state(relative) != AssetState::File {
            return None;
        }
        storage::read_regular(&self.0.join(relative), MAX_PICTURE_BYTES).ok()
    }
}

impl AssetLookup for FolderAssets {
    fn exists(&self, relative: &Path) -> bool {
        self.state(relative) == AssetState::File
    }

    /// Walks from `assets/` down to the file without following a link: the rule scenario
    /// files follow, so a picture from elsewhere on the disk is never shown.
    fn state(&self, relative: &Path) -> AssetState {
        let mut path = self.0.clone();
        let mut steps = std::iter::once(None)
            .chain(relative.components().map(Some))
            .peekable();
        while let Some(step) = steps.next() {
            if let Some(component) = step {
                path.push(component);
            }
            let Ok(meta) = fs::symlink_metadata(&path) else {
                return AssetState::Missing;
            };
            let file_type = meta.file_type();
            if file_type.is_symlink() {
                return AssetState::Link;
            }
            let last = steps.peek().is_none();
            if last && !file_type.is_file() {
                return AssetState::NotRegular(storage::kind_of(&file_type));
            }
            if !last && !file_type.is_dir() {
                return AssetState::Missing;
            }
        }
        AssetState::File
    }
}

pub(super) struct EmbeddedAssets;

impl AssetLookup for EmbeddedAssets {
    fn exists(&self, relative: &Path) -> bool {
        EMBEDDED_ASSETS.get_file(relative).is_some()
    }
}
