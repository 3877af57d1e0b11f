//! A bare eframe window with the app's window options and nothing in it, for comparing
//! start-up time and memory with the app (`scripts/startup-time.sh`). Built from the same
//! crate, so it links the same eframe, egui and fonts.
//!
//! ```sh
//! cargo run --release --example bare_window -- --screenshot /tmp/bare.png
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use salgstrener::ui::capture::{CaptureFirstFrame, CaptureResult};

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Salgstreneren");
        });
    }
}

fn main() -> ExitCode {
    let launched = Instant::now();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let screenshot = match args.as_slice() {
        [] => None,
        [flag, path] if flag == "--screenshot" => Some(PathBuf::from(path)),
        _ => {
            eprintln!("usage: bare_window [--screenshot PATH]");
            return ExitCode::from(2);
        }
    };
    // The same options as the app's window (see `run_window` in src/main.rs).
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Salgstreneren")
            .with_app_id("salgstrener")
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([480.0, 360.0])
            .with_icon(salgstrener::ui::widgets::icons::app_icon()),
        ..Default::default()
    };
    let captured = CaptureResult::default();
    let result = {
        let captured = Arc::clone(&captured);
        eframe::run_native(
            "bare window",
            options,
            Box::new(move |_cc| {
                Ok(match screenshot {
                    Some(path) => Box::new(CaptureFirstFrame::new(Bare, path, launched, captured)),
                    None => Box::new(Bare),
                })
            }),
        )
    };
    let failed = captured
        .lock()
        .ok()
        .and_then(|mut r| r.take())
        .is_some_and(|r| r.is_err());
    match result {
        Ok(()) if !failed => ExitCode::SUCCESS,
        Ok(()) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
