//! The real binary under Xvfb: `--screenshot PATH` saves the first frame and exits, and the
//! image shows the practice screen. Needs the `Xvfb` program: `.ci/run` installs it; without
//! it the test fails when `CI=true` and is skipped (with a message) elsewhere.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Displays this test may use; :98 and :99 are left to people working on the same machine.
const DISPLAYS: std::ops::RangeInclusive<u32> = 91..=97;
const WIDTH: u32 = 1100;
const HEIGHT: u32 = 760;

fn find_xvfb() -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("Xvfb"))
        .find(|p| p.is_file())
}

/// Xvfb's program; or, where it is not installed, `None` once the test says it is skipped.
/// On CI (`CI=true`) a missing Xvfb fails the test instead.
fn xvfb_or_skip() -> Option<PathBuf> {
    let program = find_xvfb();
    if program.is_none() {
        let message = "Xvfb is not installed: apt-get install xvfb (.ci/run does)";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
        eprintln!("skipped: {message}");
    }
    program
}

/// An Xvfb server on a free display, stopped when dropped.
struct Xvfb {
    display: u32,
    process: Child,
}

fn socket(display: u32) -> PathBuf {
    PathBuf::from(format!("/tmp/.X11-unix/X{display}"))
}

fn lock(display: u32) -> PathBuf {
    PathBuf::from(format!("/tmp/.X{display}-lock"))
}

/// The process id in a display's lock file, if there is one.
fn lock_owner(display: u32) -> Option<u32> {
    std::fs::read_to_string(lock(display))
        .ok()
        .and_then(|pid| pid.trim().parse().ok())
}

/// True when a live server holds the display. A lock whose process is gone (a server that was
/// killed) is stale: it and the socket are removed so the display can be used again.
fn display_taken(display: u32) -> bool {
    match lock_owner(display) {
        Some(pid) if Path::new(&format!("/proc/{pid}")).exists() => true,
        Some(_) => {
            let _ = std::fs::remove_file(lock(display));
            let _ = std::fs::remove_file(socket(display));
            false
        }
        None => socket(display).exists(),
    }
}

impl Xvfb {
    fn start(program: &Path) -> Xvfb {
        for display in DISPLAYS {
            if display_taken(display) {
                continue;
            }
            let mut process = Command::new(program)
                .arg(format!(":{display}"))
                .args(["-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb starts");
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if socket(display).exists() && lock_owner(display) == Some(process.id()) {
                    return Xvfb { display, process };
                }
                if process.try_wait().ok().flatten().is_some() {
                    break; // Taken after all: try the next display.
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            stop(&mut process, display);
        }
        panic!("no free display among :{DISPLAYS:?} for Xvfb");
    }
}

/// How `process` exited, if it does within `limit`.
fn exited_within(process: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = process.try_wait().ok().flatten() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Stops a server politely (SIGTERM, so it removes its lock and socket), then firmly.
fn stop(process: &mut Child, display: u32) {
    let _ = Command::new("kill").arg(process.id().to_string()).status();
    let _ = exited_within(process, Duration::from_secs(3));
    let _ = process.kill();
    let _ = process.wait();
    if lock_owner(display) == Some(process.id()) {
        let _ = std::fs::remove_file(lock(display));
        let _ = std::fs::remove_file(socket(display));
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        stop(&mut self.process, self.display);
    }
}

/// Runs the binary with `--screenshot`, failing after a minute.
fn capture(display: u32, dir: &Path) -> PathBuf {
    let png = dir.join("first-frame.png");
    let mut child = Command::new(env!("CARGO_BIN_EXE_salgstrener"))
        .arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--screenshot")
        .arg(&png)
        // No ./scenarios here: the bundled bank opens, as for a new user.
        .current_dir(dir)
        .env("DISPLAY", format!(":{display}"))
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg-data"))
        .env("XDG_CONFIG_HOME", dir.join("xdg-config"))
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let Some(status) = exited_within(&mut child, Duration::from_secs(60)) else {
        let _ = child.kill();
        let output = child.wait_with_output().unwrap();
        panic!(
            "no screenshot within a minute; stderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(status.success(), "{status}; stderr:\n{stderr}");
    assert!(stderr.contains("first frame drawn"), "{stderr}");
    png
}

/// A decoded RGBA image.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

impl Image {
    fn read(path: &Path) -> Image {
        let decoder = png::Decoder::new(std::io::BufReader::new(
            std::fs::File::open(path).expect("the screenshot exists"),
        ));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut rgba = vec![0; reader.output_buffer_size().expect("a sane size")];
        let info = reader.next_frame(&mut rgba).expect("one frame");
        assert_eq!(info.color_type, png::ColorType::Rgba);
        rgba.truncate(info.buffer_size());
        Image {
            width: info.width,
            height: info.height,
            rgba,
        }
    }

    fn at(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }

    fn distinct_colours(&self) -> usize {
        let mut colours: Vec<&[u8]> = self.rgba.chunks(4).collect();
        colours.sort_unstable();
        colours.dedup();
        colours.len()
    }
}

/// Selected tabs and toggles are filled with the theme's blue selection colour.
fn bluish([r, g, b, _]: [u8; 4]) -> bool {
    i32::from(b) > i32::from(r) + 40 && i32::from(b) > i32::from(g) && b > 100
}

/// Runs of at least `min` bluish pixels along row `y`, as (start, end) x.
fn bluish_runs(image: &Image, y: u32, min: u32) -> Vec<(u32, u32)> {
    let mut runs = Vec::new();
    let mut start = None;
    for x in 0..=image.width {
        match (start, x < image.width && bluish(image.at(x, y))) {
            (None, true) => start = Some(x),
            (Some(s), false) => {
                if x - s >= min {
                    runs.push((s, x));
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
}

#[test]
fn the_real_binary_draws_the_practice_screen_under_xvfb() {
    let Some(program) = xvfb_or_skip() else {
        return;
    };
    let xvfb = Xvfb::start(&program);
    let dir = tempfile::tempdir().unwrap();
    let png = capture(xvfb.display, dir.path());
    let image = Image::read(&png);

    assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
    let colours = image.distinct_colours();
    assert!(
        colours >= 50,
        "only {colours} colours: a blank or broken frame"
    );

    // The top bar: one selected tab, the first one (Practice), right after the app's name; the
    // language and theme switches further right are selected too, past the tabs.
    let runs = bluish_runs(&image, 12, 30);
    let tabs: Vec<_> = runs.iter().filter(|(start, _)| *start < 600).collect();
    assert_eq!(tabs.len(), 1, "one selected tab expected, runs at {runs:?}");
    assert!(
        (100..250).contains(&tabs[0].0),
        "the selected tab is not the first: {runs:?}"
    );

    // The first frame may still show the bank loading; the frame saved once it is ready shows
    // the practice screen.
    let image = Image::read(&png.with_file_name("first-frame-ready.png"));
    assert_eq!((image.width, image.height), (WIDTH, HEIGHT));

    // The practice screen's selection panel: a full-height vertical line on its right edge.
    let line = (150..450).find(|&x| {
        let colour = image.at(x, 400);
        (40..HEIGHT - 20)
            .filter(|&y| image.at(x, y) == colour && image.at(x - 3, y) != colour)
            .count()
            > 600
    });
    let line = line.expect("the practice screen's selection panel has a right edge");
    eprintln!("{colours} colours, selected runs in the top bar {runs:?}, panel edge at x = {line}");

    // Text on both sides of it: the filters on the left, the scenario on the right.
    for (x0, x1) in [(0, line), (line + 1, WIDTH)] {
        let mut region: Vec<[u8; 4]> = (60..400)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .map(|(x, y)| image.at(x, y))
            .collect();
        region.sort_unstable();
        region.dedup();
        assert!(region.len() > 20, "no text in x {x0}..{x1}");
    }
}

#[test]
fn named_pipes_as_the_settings_and_the_history_do_not_block_start_up() {
    let Some(program) = xvfb_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("xdg-data/salgstrener/app.ron");
    let history = dir.path().join("data/history.ron");
    for fifo in [&settings, &history] {
        std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
        let made = Command::new("mkfifo").arg(fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: no mkfifo");
            return;
        }
    }
    let xvfb = Xvfb::start(&program);
    // Before the fix the window waited for ever for a writer to open either pipe.
    capture(xvfb.display, dir.path());
    for fifo in [&settings, &history] {
        let folder = std::fs::read_dir(fifo.parent().unwrap()).unwrap();
        let names: Vec<String> = folder
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let name = fifo.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&format!("{name}.corrupt-"))),
            "{fifo:?} was not kept aside: {names:?}"
        );
    }
}
