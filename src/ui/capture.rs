//! `--screenshot PATH`: run the app until its first frame is on screen, save that frame as a
//! PNG and close (once the app is ready, when it is told what ready means; the first frame
//! then often shows the loading progress, so the first ready frame is saved too, beside it as
//! `NAME-ready.png`). Used by the test
//! that starts the real binary under Xvfb and by `scripts/startup-time.sh`, which times launch
//! to first frame and to the bank being ready.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use egui::{ColorImage, Ui, ViewportCommand};

/// What became of the capture, for the exit code.
pub type CaptureResult = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// The first frame's pixels and when they were read.
type FirstFrame = Arc<Mutex<Option<(std::time::Duration, Arc<ColorImage>)>>>;

/// Wraps an app: asks for a screenshot of the first frame, writes it, then closes the window.
pub struct CaptureFirstFrame<A> {
    app: A,
    path: PathBuf,
    launched: Instant,
    requested: bool,
    first: FirstFrame,
    result: CaptureResult,
    ready: Option<fn(&A) -> bool>,
    /// Set once the ready frame is written (or could not be): the window may close.
    ready_saved: Option<Arc<std::sync::atomic::AtomicBool>>,
}

impl<A> CaptureFirstFrame<A> {
    /// Captures `app`'s first frame to `path`; `launched` is when the process started, for
    /// the start-up time printed on standard error. `result` is filled in once written.
    pub fn new(app: A, path: PathBuf, launched: Instant, result: CaptureResult) -> Self {
        Self {
            app,
            path,
            launched,
            requested: false,
            first: FirstFrame::default(),
            result,
            ready: None,
            ready_saved: None,
        }
    }

    /// Keeps the window open after the capture until `ready` holds for the app (such as its
    /// bank having loaded), then prints the time from launch to then and closes.
    pub fn until(mut self, ready: fn(&A) -> bool) -> Self {
        self.ready = Some(ready);
        self
    }

    /// Call after the app drew its frame.
    fn after_frame(&mut self, ui: &Ui) {
        let ctx = ui.ctx().clone();
        if !self.requested {
            self.requested = true;
            let first = Arc::clone(&self.first);
            let launched = self.launched;
            let repaint = ctx.clone();
            // The integration reads the pixels right after painting this frame. They are
            // written once the app is ready: encoding a PNG meanwhile would take a core from
            // the loading that "ready" measures.
            ctx.send_viewport_cmd(ViewportCommand::Screenshot(egui::ScreenshotCallback::new(
                move |image| {
                    if let Ok(mut slot) = first.lock() {
                        *slot = Some((launched.elapsed(), image));
                    }
                    repaint.request_repaint();
                },
            )));
        } else if let Some(saved) = &self.ready_saved {
            if saved.load(std::sync::atomic::Ordering::Acquire) {
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        } else if self.result.lock().is_ok_and(|r| r.is_none()) {
            if self.ready.is_some_and(|ready| !ready(&self.app)) {
                return;
            }
            let Some((drawn, image)) = self.first.lock().ok().and_then(|mut f| f.take()) else {
                return;
            };
            if self.ready.take().is_some() {
                eprintln!(
                    "ready {} ms after launch",
                    self.launched.elapsed().as_millis()
                );
                self.save_ready_frame(&ctx);
            } else {
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            let path = &self.path;
            let written = write_png(path, &image)
                .map(|()| path.clone())
                .map_err(|e| format!("{}: cannot write the screenshot: {e}", path.display()));
            if written.is_ok() {
                eprintln!(
                    "first frame drawn {} ms after launch; saved as {}",
                    drawn.as_millis(),
                    path.display()
                );
            }
            if let Ok(mut slot) = self.result.lock() {
                *slot = Some(written);
            }
        }
    }

    /// Asks for this frame's pixels as `NAME-ready.png`; the window closes once written.
    fn save_ready_frame(&mut self, ctx: &egui::Context) {
        let saved = Arc::new(std::sync::atomic::AtomicBool::new(false));
        self.ready_saved = Some(Arc::clone(&saved));
        let path = ready_path(&self.path);
        let repaint = ctx.clone();
        ctx.send_viewport_cmd(ViewportCommand::Screenshot(egui::ScreenshotCallback::new(
            move |image| {
                match write_png(&path, &image) {
                    Ok(()) => eprintln!("ready frame saved as {}", path.display()),
                    Err(e) => eprintln!("{}: cannot write the screenshot: {e}", path.display()),
                }
                saved.store(true, std::sync::atomic::Ordering::Release);
                repaint.request_repaint();
            },
        )));
        ctx.request_repaint();
    }
}

impl<A: eframe::App> eframe::App for CaptureFirstFrame<A> {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        self.after_frame(ui);
    }
}

/// Where the first ready frame goes: `shot.png` gives `shot-ready.png`.
pub fn ready_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}-ready.png"))
}

/// Writes an image as an 8-bit RGBA PNG.
pub fn write_png(path: &Path, image: &ColorImage) -> io::Result<()> {
    let [width, height] = image.size;
    let too_big = |_| io::Error::other("the image is too large for a PNG");
    let mut encoder = png::Encoder::new(
        BufWriter::new(File::create(path)?),
        u32::try_from(width).map_err(too_big)?,
        u32::try_from(height).map_err(too_big)?,
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(io::Error::other)?;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&rgba).map_err(io::Error::other)?;
    writer.finish().map_err(io::Error::other)
}
