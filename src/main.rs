//! Command line: open the window, or check a scenario folder without one.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::history::{HISTORY_FILE, HistoryStore, OpenNotice};
use salgstrener::domain::language::Language;
use salgstrener::domain::problem::Severity;
use salgstrener::domain::records::Records;
use salgstrener::domain::storage;
use salgstrener::ui::app::{SalgstrenerApp, Settings};
use salgstrener::ui::capture::{CaptureFirstFrame, CaptureResult};
use salgstrener::ui::i18n::{fill, texts};

/// Salgstreneren: practise the Norwegian sales taxonomy.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Scenario folder to open (default: ./scenarios if it exists, else the bundled scenarios).
    #[arg(long, value_name = "DIR", global = true)]
    scenarios: Option<PathBuf>,

    /// Folder for the trainee's history (default: the platform's data folder).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,

    /// Save the first frame the window draws to this PNG file, then close (for tests and
    /// for timing start-up).
    #[arg(long, value_name = "PATH")]
    screenshot: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Load and validate a scenario folder without opening a window.
    ///
    /// Prints every problem as PATH:LINE:COL: error: MESSAGE, then a summary line.
    /// Exits 0 without errors, 1 with errors, 2 on a usage error.
    Check {
        /// Folder to check (default: what the app would open).
        dir: Option<PathBuf>,
    },
}

const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let launched = Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { dir }) => check(dir.or(cli.scenarios)),
        None => run_window(cli.scenarios, cli.data_dir, cli.screenshot, launched),
    }
}

fn source_for(dir: Option<PathBuf>) -> BankSource {
    match dir {
        Some(dir) => BankSource::Folder(dir),
        None => {
            let cwd = std::env::current_dir().unwrap_or_default();
            BankSource::default_for(&cwd)
        }
    }
}

fn check(dir: Option<PathBuf>) -> ExitCode {
    let bank = match Bank::load(source_for(dir)) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    for problem in bank.problems() {
        println!("{problem}");
    }
    println!("{}", bank.summary());
    if bank.count(Severity::Error) > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Opens the history in the data folder. Problems are shown in the window, never fatal: the
/// trainee can still practise without a history.
fn open_records(data_dir: Option<PathBuf>, language: Language) -> (Records, Vec<String>) {
    let t = texts(language);
    let Some(dir) = data_dir.or_else(storage::default_data_dir) else {
        return (Records::new(None), Vec::new());
    };
    let path = dir.join(HISTORY_FILE);
    match HistoryStore::open(&path, jiff::Timestamp::now()) {
        Ok((store, None)) => (Records::new(Some(store)), Vec::new()),
        Ok((store, Some(OpenNotice::KeptAside { moved_to, .. }))) => (
            Records::new(Some(store)),
            vec![fill(
                t.notice_history_kept_aside,
                &[("path", &moved_to.display())],
            )],
        ),
        Err(e) => (
            Records::new(None),
            vec![fill(t.notice_save_failed, &[("error", &e)])],
        ),
    }
}

fn run_window(
    dir: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    launched: Instant,
) -> ExitCode {
    let bank = match Bank::load(source_for(dir)) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let title = format!("Salgstreneren – {}", bank.source().describe());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("salgstrener")
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([480.0, 360.0]),
        ..Default::default()
    };
    let captured = CaptureResult::default();
    let wants_capture = screenshot.is_some();
    let capture = screenshot.map(|path| (path, Arc::clone(&captured)));
    let result = eframe::run_native(
        "Salgstreneren",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|storage| eframe::get_value::<Settings>(storage, eframe::APP_KEY))
                .unwrap_or_else(|| Settings::for_language(system_language()));
            let (records, notices) = open_records(data_dir, settings.language);
            let mut app = SalgstrenerApp::new(bank, settings, rand::random()).with_records(records);
            for notice in notices {
                app = app.with_notice(notice);
            }
            Ok(match capture {
                Some((path, result)) => {
                    Box::new(CaptureFirstFrame::new(app, path, launched, result))
                }
                None => Box::new(app),
            })
        }),
    );
    let captured = captured.lock().ok().and_then(|mut r| r.take());
    match (result, captured) {
        (Ok(()), Some(Err(e))) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
        (Ok(()), None) if wants_capture => {
            eprintln!("error: the window closed before its first frame was captured");
            ExitCode::FAILURE
        }
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

fn system_language() -> Language {
    sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
}
