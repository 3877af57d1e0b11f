//! Command line: open the window, or check a scenario folder without one.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::language::Language;
use salgstrener::domain::problem::Severity;
use salgstrener::ui::app::{SalgstrenerApp, Settings};
use salgstrener::ui::widgets::icons;

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
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { dir }) => check(dir.or(cli.scenarios)),
        None => run_window(cli.scenarios),
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

fn run_window(dir: Option<PathBuf>) -> ExitCode {
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
            .with_min_inner_size([480.0, 360.0])
            .with_icon(icons::app_icon()),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Salgstreneren",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|storage| eframe::get_value::<Settings>(storage, eframe::APP_KEY))
                .unwrap_or_else(|| Settings::for_language(system_language()));
            Ok(Box::new(SalgstrenerApp::new(
                bank,
                settings,
                rand::random(),
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

fn system_language() -> Language {
    sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
}
