//! Where a bank comes from, and reading its files: a folder on disk (scenario files, the quiz
//! folder, the assets beside it) or the copy built into the binary.

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::parallel::parallel_map;
use super::problem::Problem;
use super::validate::{AssetLookup, MAX_FILE_BYTES};
use crate::domain::i18n::Message;

static EMBEDDED_SCENARIOS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scenarios");
pub(super) static EMBEDDED_ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// Name of the folder at the root of a scenario folder that holds quiz files, not scenarios.
pub const QUIZ_FOLDER: &str = "quizzes";

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
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder does not exist or cannot be listed.
    #[error("{path}: cannot open the scenario folder: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The path exists but is not a folder.
    #[error("{0}: is not a folder; point to the folder that holds the scenario files")]
    NotAFolder(PathBuf),
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
    let meta = fs::metadata(dir).map_err(|source| LoadError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder(dir.to_path_buf()));
    }
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
            out.push(path);
        }
    }
    Ok(())
}

/// Reads the quiz files in `quizzes/` at the root of a scenario folder (none when it is absent).
pub fn read_quiz_folder(dir: &Path) -> Vec<SourceFile> {
    let quiz_dir = dir.join(QUIZ_FOLDER);
    let Ok(entries) = fs::read_dir(&quiz_dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = read_scenario_file(&path);
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

/// Reads one file, refusing files over [`MAX_FILE_BYTES`] and text that is not UTF-8.
pub fn read_scenario_file(path: &Path) -> Result<String, Problem> {
    let too_big = |size: u64| {
        Problem::error(
            path,
            None,
            Message::FileTooBig {
                kib: size / 1024,
                limit_kib: MAX_FILE_BYTES / 1024,
            },
        )
    };
    let unreadable = |e: io::Error| {
        Problem::error(
            path,
            None,
            Message::CannotReadFile {
                reason: e.to_string(),
            },
        )
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_big(size));
    }
    // The size can change between the check and the read; never read more than the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problem::error(
            path,
            Some(crate::domain::bank::problem::Position::new(line, column)),
            Message::NotUtf8SaveAs {},
        )
    })
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

pub(super) struct FolderAssets(pub(super) PathBuf);

impl AssetLookup for FolderAssets {
    fn exists(&self, relative: &Path) -> bool {
        self.0.join(relative).is_file()
    }
}

pub(super) struct EmbeddedAssets;

impl AssetLookup for EmbeddedAssets {
    fn exists(&self, relative: &Path) -> bool {
        EMBEDDED_ASSETS.get_file(relative).is_some()
    }
}
