//! The files that make Salgstreneren an installable desktop app: the menu entry, and the icons
//! that `cargo deb` installs in the hicolor theme (listed in `[package.metadata.deb]`).
//! `desktop-file-validate` (Debian's desktop-file-utils) checks the entry when it is installed:
//! `.ci/run` installs it, so without it the test fails when `CI=true` and is skipped, with a
//! message, elsewhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const ENTRY: &str = "assets/desktop/salgstrener.desktop";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `[Desktop Entry]` group as (key, value) pairs, in file order.
fn entry() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join(ENTRY)).expect("the desktop entry exists");
    let mut lines = text.lines().skip_while(|l| l.trim() != "[Desktop Entry]");
    assert!(lines.next().is_some(), "no [Desktop Entry] group");
    lines
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (key, value) = l.split_once('=').expect("key=value");
            (key.trim().to_owned(), value.trim().to_owned())
        })
        .collect()
}

fn value<'a>(entry: &'a [(String, String)], key: &str) -> Option<&'a str> {
    entry
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The `[package.metadata.deb]` table of Cargo.toml.
fn deb_metadata() -> toml::Table {
    let manifest: toml::Table = std::fs::read_to_string(root().join("Cargo.toml"))
        .expect("Cargo.toml")
        .parse()
        .expect("Cargo.toml parses");
    manifest["package"]["metadata"]["deb"]
        .as_table()
        .expect("package.metadata.deb is a table")
        .clone()
}

/// The package's assets as (source, destination) from Cargo.toml.
fn deb_assets() -> Vec<(String, String)> {
    let deb = deb_metadata();
    let assets = deb["assets"]
        .as_array()
        .expect("package.metadata.deb.assets is a list");
    assets
        .iter()
        .map(|a| {
            let a = a
                .as_array()
                .expect("an asset is [source, destination, mode]");
            (
                a[0].as_str().expect("source").to_owned(),
                a[1].as_str().expect("destination").to_owned(),
            )
        })
        .collect()
}

/// The window opens OpenGL, X11 and the keyboard maps at run time (`dlopen`), where the
/// automatic dependencies of the package cannot see them; without them it does not start.
#[test]
fn the_package_depends_on_the_libraries_the_window_opens_at_run_time() {
    let deb = deb_metadata();
    let depends = deb["depends"].as_str().expect("depends is a string");
    let listed: Vec<&str> = depends.split(',').map(str::trim).collect();
    for library in [
        "$auto",
        "libgl1",
        "libx11-6",
        "libx11-xcb1",
        "libxcursor1",
        "libxi6",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
    ] {
        assert!(listed.contains(&library), "{library} missing in {depends}");
    }
    let recommends = deb["recommends"].as_str().expect("recommends is a string");
    assert!(recommends.contains("libwayland-egl1"), "{recommends}");
    assert!(
        recommends.contains("zenity"),
        "the file dialogs: {recommends}"
    );
}

#[test]
fn the_menu_entry_names_the_app_in_both_languages_under_education() {
    let entry = entry();
    assert_eq!(value(&entry, "Type"), Some("Application"));
    assert_eq!(value(&entry, "Name"), Some("Salgstreneren"));
    assert_eq!(value(&entry, "Exec"), Some("salgstrener"));
    assert_eq!(value(&entry, "Icon"), Some("salgstrener"));
    assert_eq!(value(&entry, "Terminal"), Some("false"));
    let comment_en = value(&entry, "Comment").expect("an English comment");
    let comment_nb = value(&entry, "Comment[nb]").expect("a Norwegian comment");
    assert_ne!(comment_en, comment_nb, "the comment is translated");
    let categories: BTreeSet<&str> = value(&entry, "Categories")
        .expect("categories")
        .split(';')
        .filter(|c| !c.is_empty())
        .collect();
    assert!(categories.contains("Education"), "{categories:?}");
    // The window's app id, so that the desktop groups the window under this entry.
    let main = std::fs::read_to_string(root().join("src/main.rs")).expect("src/main.rs");
    let class = value(&entry, "StartupWMClass").expect("StartupWMClass");
    assert!(
        main.contains(&format!(".with_app_id(\"{class}\")"))
            || (main.contains(".with_app_id(APP_ID)")
                && main.contains(&format!("const APP_ID: &str = \"{class}\";"))),
        "StartupWMClass {class} is not the window's app id"
    );
}

#[test]
fn the_package_installs_the_binary_the_entry_and_every_icon_at_its_size() {
    let assets = deb_assets();
    let installs = |dest_dir: &str| assets.iter().any(|(_, d)| d == dest_dir);
    assert!(installs("usr/bin/"), "{assets:?}");
    assert!(installs("usr/share/applications/"), "{assets:?}");
    let mut sizes = BTreeSet::new();
    for (source, dest) in &assets {
        let Some(rest) = dest.strip_prefix("usr/share/icons/hicolor/") else {
            continue;
        };
        let size = rest.split('/').next().expect("a size folder");
        if size == "scalable" {
            assert!(source.ends_with(".svg"), "{source}");
            continue;
        }
        let (w, h) = size.split_once('x').expect("a size like 48x48");
        let (w, h): (u32, u32) = (w.parse().expect("width"), h.parse().expect("height"));
        let file = std::fs::File::open(root().join(source)).expect("the icon exists");
        let reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .expect("the icon is a PNG");
        let info = reader.info();
        assert_eq!((info.width, info.height), (w, h), "{source} is not {size}");
        sizes.insert(w);
    }
    for usual in [16, 32, 48, 64, 128, 256] {
        assert!(sizes.contains(&usual), "no {usual}x{usual} icon: {sizes:?}");
    }
}

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

#[test]
fn desktop_file_validate_accepts_the_entry() {
    let Some(validate) = find_program("desktop-file-validate") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "desktop-file-validate is missing on CI: .ci/run installs desktop-file-utils"
        );
        eprintln!(
            "skipped: desktop-file-validate is not installed (apt-get install desktop-file-utils)"
        );
        return;
    };
    let out = Command::new(validate)
        .arg(root().join(ENTRY))
        .output()
        .expect("desktop-file-validate runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}
