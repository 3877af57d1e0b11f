//! Command line: open the window, or check, export and import scenarios and export results
//! without one. Each command parses its arguments, calls the domain and turns the outcome
//! into messages and an exit code; the work itself is in `domain`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

mod commands;

use commands::{
    ClassFormat, EXIT_USAGE, ExportFormat, ImportFormat, ResultsFormat, check, class_report,
    export_bank, import_csv, new_conversation, new_scenario, results, source_for,
};

use salgstrener::domain::bank::BankSource;
use salgstrener::domain::bank::loading::{self, BankLoad};
use salgstrener::domain::i18n::{Texts, fill, texts};
use salgstrener::domain::interop::xapi;
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{HISTORY_FILE, HistoryStore};
use salgstrener::domain::progress::records::Records;
use salgstrener::domain::storage;
use salgstrener::ui::app::{SalgstrenerApp, Settings};
use salgstrener::ui::capture::{CaptureFirstFrame, CaptureResult};
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

    /// Save the first frame the window draws to this PNG file, then close (for tests and
    /// for timing start-up).
    #[arg(long, value_name = "PATH")]
    screenshot: Option<PathBuf>,

    /// Language of messages (default: the system's; Norwegian for nb, nn and no, else English).
    #[arg(long, value_enum, global = true)]
    lang: Option<LanguageArg>,

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
        /// Treat warnings as errors (exit 1), for an instructor's CI.
        #[arg(long)]
        strict: bool,
    },

    /// Write a filled-in, commented scenario file to start from.
    ///
    /// Writes DIR/ID.ron (DIR defaults to ./scenarios). Exits 0 when written, 1 when the file
    /// already exists (nothing is overwritten), 2 on a usage error such as an invalid id.
    NewScenario {
        /// Id of the new scenario: lower-case a-z, digits and '-'.
        #[arg(long)]
        id: String,
        /// Folder to write it in.
        dir: Option<PathBuf>,
    },

    /// Write a filled-in, commented sales conversation file to start from.
    ///
    /// Writes DIR/ID.ron (DIR defaults to ./scenarios). Exits 0 when written, 1 when the file
    /// already exists (nothing is overwritten), 2 on a usage error such as an invalid id.
    NewConversation {
        /// Id of the new conversation: lower-case a-z, digits and '-'.
        #[arg(long)]
        id: String,
        /// Language of the example texts.
        #[arg(long, value_enum, default_value = "nb")]
        language: LanguageArg,
        /// Folder to write it in.
        dir: Option<PathBuf>,
    },

    /// Export the scenario bank as a Moodle question bank or a spreadsheet.
    ///
    /// Scenarios with errors are left out and listed on stderr. Exits 0 when everything was
    /// exported, 1 when files with errors were left out, 2 on a usage error or when the
    /// output cannot be written.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Scenario folder (default: what the app would open).
        dir: Option<PathBuf>,
        /// File to write (a regular file is replaced atomically).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Only scenarios in this language.
        #[arg(long, value_enum)]
        language: Option<LanguageArg>,
    },

    /// Import scenarios from a spreadsheet (CSV) into a scenario folder.
    ///
    /// Each row becomes DIR/<language>/<id>.ron, checked with the same rules as `check`.
    /// Rows with errors are listed as FILE:ROW:COLUMN: error: MESSAGE and skipped; the rest
    /// are imported. Exits 0 when every row was imported, 1 when some were skipped, 2 on a
    /// usage error or when the file cannot be read.
    Import {
        /// Input format.
        #[arg(long, value_enum)]
        from: ImportFormat,
        /// The spreadsheet file.
        file: PathBuf,
        /// Scenario folder to import into (default: --scenarios, else ./scenarios).
        dir: Option<PathBuf>,
        /// Replace scenarios that already exist (same id or same file).
        #[arg(long)]
        force: bool,
    },

    /// Export the trainee's history (history.ron in the data folder).
    ///
    /// Exits 0 on success, 1 when the history file could not be read (it is then kept aside
    /// and nothing is written), 2 on a usage error or when the output cannot be written.
    Results {
        /// Output format.
        #[arg(long, value_enum)]
        format: ResultsFormat,
        /// File to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// xAPI only: the actor's name.
        #[arg(long, value_name = "NAME", default_value = xapi::DEFAULT_ACTOR_NAME)]
        actor_name: String,
        /// xAPI only: the actor's e-mail address (default: a placeholder on salgstreneren.example).
        #[arg(long, value_name = "EMAIL")]
        actor_email: Option<String>,
        /// xAPI only: activity ids are made under this IRI.
        #[arg(long, value_name = "IRI", default_value = xapi::DEFAULT_BASE_IRI)]
        base_iri: String,
    },

    /// The instructor's class report from the trainees' exported results.
    ///
    /// Each INPUT is a file or a folder (read recursively) of xAPI exports (JSON arrays of
    /// statements), LRS responses ({"statements": [...]}) or results CSV files. A statement
    /// read twice counts once. Problems in the input are listed with file and position; the
    /// rest is reported. Titles come from the scenario folder (--scenarios, else what the app
    /// would open). Exits 0 when the report was written, 1 when it was written but some input
    /// had problems, 2 on a usage error or when nothing could be read.
    Class {
        /// Files or folders of exports.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ClassFormat,
        /// File to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Use every completed attempt (default: each trainee's first completed attempt of
        /// each quiz).
        #[arg(long)]
        all_attempts: bool,
        /// Language of the report's words (default: English).
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
    },
}

/// A content language on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum LanguageArg {
    /// Norwegian bokmål.
    Nb,
    /// English.
    En,
}

impl From<LanguageArg> for Language {
    fn from(arg: LanguageArg) -> Self {
        match arg {
            LanguageArg::Nb => Language::Nb,
            LanguageArg::En => Language::En,
        }
    }
}

fn main() -> ExitCode {
    let launched = Instant::now();
    let cli = Cli::parse();
    let lang = cli.lang.map_or_else(system_language, Language::from);
    let t = texts(lang);
    match cli.command {
        Some(Command::Check { dir, strict }) => check(t, dir.or(cli.scenarios), strict),
        Some(Command::NewScenario { id, dir }) => new_scenario(
            t,
            &id,
            &dir.or(cli.scenarios)
                .unwrap_or_else(|| PathBuf::from("scenarios")),
        ),
        Some(Command::NewConversation { id, language, dir }) => new_conversation(
            t,
            &id,
            language.into(),
            &dir.or(cli.scenarios)
                .unwrap_or_else(|| PathBuf::from("scenarios")),
        ),
        Some(Command::Export {
            format,
            dir,
            output,
            language,
        }) => export_bank(
            t,
            format,
            dir.or(cli.scenarios),
            &output,
            language.map(Language::from),
        ),
        Some(Command::Import {
            from: ImportFormat::Csv,
            file,
            dir,
            force,
        }) => import_csv(
            t,
            &file,
            &dir.or(cli.scenarios)
                .unwrap_or_else(|| PathBuf::from("scenarios")),
            force,
        ),
        Some(Command::Results {
            format,
            output,
            actor_name,
            actor_email,
            base_iri,
        }) => results(
            t,
            format,
            cli.data_dir,
            output.as_deref(),
            &actor_name,
            actor_email.as_deref(),
            &base_iri,
        ),
        Some(Command::Class {
            inputs,
            format,
            output,
            all_attempts,
            language,
        }) => class_report(
            t,
            &inputs,
            format,
            output.as_deref(),
            all_attempts,
            language.into(),
            cli.scenarios,
        ),
        None => run_window(t, cli.scenarios, cli.data_dir, cli.screenshot, launched),
    }
}

fn open_records(data_dir: Option<PathBuf>, language: Language) -> (Records, Vec<String>) {
    let t = texts(language);
    let Some(dir) = data_dir.or_else(storage::default_data_dir) else {
        return (Records::new(None), Vec::new());
    };
    let path = dir.join(HISTORY_FILE);
    match HistoryStore::open(&path, jiff::Timestamp::now()) {
        Ok((store, None)) => (Records::new(Some(store)), Vec::new()),
        Ok((store, Some(notice))) => (Records::new(Some(store)), vec![notice.text(language)]),
        Err(e) => (
            Records::new(None),
            vec![fill(t.notice_save_failed, &[("error", &e)])],
        ),
    }
}

fn run_window(
    t: &'static Texts,
    dir: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    launched: Instant,
) -> ExitCode {
    // A folder named on the command line, or ./scenarios, must exist, so that a wrong path is
    // a usage error; it is only checked here and loads once the window is open. Otherwise the
    // remembered folder (kept in the window's settings) or the bundled bank is chosen once the
    // settings are read.
    let explicit = match source_for(dir) {
        BankSource::Embedded => None,
        BankSource::Folder(dir) => match loading::check_folder(&dir) {
            Ok(()) => Some(BankSource::Folder(dir)),
            Err(e) => {
                eprintln!("error: {}", t.message(&e.message()));
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let settings_file = eframe::storage_dir(APP_ID).map(|dir| dir.join("app.ron"));
    let settings_notice = settings_file
        .as_deref()
        .and_then(|path| guard_settings_file(path, system_language()));
    let options = eframe::NativeOptions {
        persistence_path: settings_file,
        viewport: egui::ViewportBuilder::default()
            .with_title("Salgstreneren")
            .with_app_id(APP_ID)
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([480.0, 360.0])
            .with_icon(icons::app_icon()),
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
            // The load waits for the window's first frame (see BankLoad::go).
            let source = explicit.unwrap_or_else(|| remembered_or_bundled(&settings));
            let ctx = cc.egui_ctx.clone();
            let load = BankLoad::start(source, move || ctx.request_repaint());
            cc.egui_ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(format!(
                    "Salgstreneren – {}",
                    load.source().describe()
                )));
            let (records, notices) = open_records(data_dir, settings.language);
            let mut app =
                SalgstrenerApp::loading(load, settings, rand::random()).with_records(records);
            for notice in settings_notice.into_iter().chain(notices) {
                app = app.with_notice(notice);
            }
            Ok(match capture {
                Some((path, result)) => Box::new(
                    CaptureFirstFrame::new(app, path, launched, result)
                        .until(|app| !app.is_loading()),
                ),
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
            eprintln!("error: {}", t.cli_window_closed_early);
            ExitCode::FAILURE
        }
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(e), _) => {
            let text = fill(t.cli_window_failed, &[("error", &e)]);
            eprintln!("error: {text}");
            ExitCode::FAILURE
        }
    }
}

/// The window's id, which also names its settings folder.
const APP_ID: &str = "salgstrener";

/// Largest settings file read: the settings are a few hundred bytes.
const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// eframe reads the settings file as it finds it; a named pipe there would block start-up
/// for good, and a huge file would be read whole. Such a file is moved aside first (like an
/// unreadable history) and the window starts with the default settings; the notice says so.
fn guard_settings_file(path: &Path, language: Language) -> Option<String> {
    let reason = match storage::read_regular(path, MAX_SETTINGS_BYTES) {
        Ok(_) | Err(storage::ReadError::NotFound) => return None,
        Err(e) => e.to_string(),
    };
    let t = texts(language);
    let now = jiff::Timestamp::now().to_string();
    Some(match storage::keep_aside(path, &now) {
        Ok(moved_to) => fill(
            t.notice_settings_kept_aside,
            &[("reason", &reason), ("path", &moved_to.display())],
        ),
        Err(e) => fill(t.notice_save_failed, &[("error", &e)]),
    })
}

/// The folder last opened from the app, when it is still there; else the bundled bank.
fn remembered_or_bundled(settings: &Settings) -> BankSource {
    settings
        .scenario_folder
        .as_ref()
        .filter(|dir| dir.is_dir())
        .map_or(BankSource::Embedded, |dir| BankSource::Folder(dir.clone()))
}

fn system_language() -> Language {
    sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
}
