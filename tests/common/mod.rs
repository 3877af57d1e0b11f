//! Helpers shared by the integration tests. Each test file is its own crate and uses only some
//! of them, so the unused ones must not warn there.
#![allow(dead_code)]

use std::path::PathBuf;

/// A file or folder under `tests/fixtures`.
pub fn fixtures(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A scenario folder (`scenarios/` in a temporary folder, so that `assets/` can sit beside it)
/// holding the two good fixtures. Keep the first value alive as long as the folder is used.
pub fn good_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("scenarios");
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    for name in ["klaer-belte.ron", "bil-takboks.ron"] {
        std::fs::copy(fixtures("good").join(name), dir.join(name)).expect("the fixture copies");
    }
    (tmp, dir)
}

/// The binary as a process, in English whatever the machine's locale: messages follow the
/// system language, and the tests assert the English wording unless they pass `--lang nb`.
pub fn binary() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_salgstrener"));
    command.env_remove("LANGUAGE").env("LC_ALL", "C");
    command
}
