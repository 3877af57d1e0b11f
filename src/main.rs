//! Command line: open the window, or check, export and import scenarios and export results
//! without one. Each command parses its arguments, calls the domain and turns the outcome
//! into messages and an exit code; the work itself is in `domain`.

use std::fmt::Display;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use salgstrener::domain::bank::coverage::Coverage;
use salgstrener::domain::bank::loading::{self, BankLoad};
use salgstrener::domain::bank::problem::{Severity, display_path};
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::class_report;
use salgstrener::domain::i18n::{Texts, fill, texts};
use salgstrener::domain::interop::{csv, gift, import, moodle_xml, results_csv, xapi};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{HISTORY_FILE, HistoryStore, OpenNotice};
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

/// Formats `class` writes.
#[derive(Clone, Copy, ValueEnum)]
enum ClassFormat {
    /// A readable summary.
    Text,
    /// Per-scenario item statistics, one row per quiz and scenario.
    Csv,
    /// One self-contained HTML file with charts.
    Html,
}

/// Formats `export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Moodle XML question bank.
    MoodleXml,
    /// Moodle GIFT text format.
    Gift,
    /// Spreadsheet, one row per scenario.
    Csv,
}

/// Formats `import` reads.
#[derive(Clone, Copy, ValueEnum)]
enum ImportFormat {
    /// Spreadsheet in the layout `export --format csv` writes.
    Csv,
}

/// Formats `results` writes.
#[derive(Clone, Copy, ValueEnum)]
enum ResultsFormat {
    /// xAPI 1.0.3 statements (JSON array).
    Xapi,
    /// Spreadsheet, one row per answer.
    Csv,
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

const EXIT_USAGE: u8 = 2;

/// Standard output for a command's results. A reader that goes away early (`check | head -1`)
/// ends the output quietly; any other write error (a full disk) is reported once, and the
/// command then exits 2 instead of claiming success.
struct Out {
    writer: BufWriter<StdoutLock<'static>>,
    closed: bool,
    error: Option<io::Error>,
}

impl Out {
    fn new() -> Out {
        Out {
            writer: BufWriter::new(io::stdout().lock()),
            closed: false,
            error: None,
        }
    }

    /// Writes one line.
    fn line(&mut self, text: impl Display) {
        if !self.closed && self.error.is_none() {
            let written = writeln!(self.writer, "{text}");
            self.failed(written);
        }
    }

    /// Writes bytes as they are.
    fn bytes(&mut self, bytes: &[u8]) {
        if !self.closed && self.error.is_none() {
            let written = self.writer.write_all(bytes);
            self.failed(written);
        }
    }

    fn failed(&mut self, result: io::Result<()>) {
        match result {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => self.closed = true,
            Err(e) => self.error = Some(e),
        }
    }

    /// Flushes what is left and gives the command's exit code: `code`, or 2 after a write
    /// error.
    fn finish(mut self, code: ExitCode) -> ExitCode {
        if !self.closed && self.error.is_none() {
            let flushed = self.writer.flush();
            self.failed(flushed);
        }
        match self.error.take() {
            Some(e) => {
                eprintln!("error: cannot write to standard output: {e}");
                ExitCode::from(EXIT_USAGE)
            }
            None => code,
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
            &inputs,
            format,
            output.as_deref(),
            all_attempts,
            language.into(),
            cli.scenarios,
        ),
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

fn check(t: &Texts, dir: Option<PathBuf>, strict: bool) -> ExitCode {
    let source = source_for(dir);
    let bank = match Bank::load(source.clone()) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let coverage = Coverage::of(&bank);
    let folder = match &source {
        BankSource::Folder(dir) => dir.clone(),
        BankSource::Embedded => PathBuf::from("scenarios"),
    };
    let thin = coverage.warnings(&folder);
    let mut out = Out::new();
    for problem in bank.problems().iter().chain(&thin) {
        out.line(problem.line(t.lang));
    }
    for line in coverage.lines() {
        out.line(t.message(&line));
    }
    let errors = bank.count(Severity::Error);
    let warnings = bank.count(Severity::Warning) + thin.len();
    out.line(fill(
        t.cli_check_summary,
        &[
            ("scenarios", &bank.files_checked()),
            ("conversations", &bank.conversation_files_checked()),
            ("quizzes", &bank.quiz_files_checked()),
            ("errors", &errors),
            ("warnings", &warnings),
        ],
    ));
    out.finish(if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn new_scenario(t: &Texts, id: &str, dir: &Path) -> ExitCode {
    new_file(
        t,
        id,
        dir,
        "klaer-belte",
        &salgstrener::domain::authoring::editor::example_file(id),
    )
}

fn new_conversation(t: &Texts, id: &str, language: Language, dir: &Path) -> ExitCode {
    new_file(
        t,
        id,
        dir,
        "sport-samtale-lopesko",
        &salgstrener::domain::authoring::editor::conversation_example_file(id, language),
    )
}

/// Writes `DIR/ID.ron` with `text`, never over an existing file.
fn new_file(t: &Texts, id: &str, dir: &Path, example_id: &str, text: &str) -> ExitCode {
    if !salgstrener::domain::bank::validate::is_valid_id(id) {
        let text = fill(
            t.cli_invalid_id,
            &[("id", &format!("{id:?}")), ("example", &example_id)],
        );
        eprintln!("error: {text}");
        return ExitCode::from(EXIT_USAGE);
    }
    let path = salgstrener::domain::authoring::editor::scenario_path(dir, id);
    if path.exists() {
        eprintln!(
            "error: {}",
            fill(t.cli_file_exists, &[("path", &path.display())])
        );
        return ExitCode::FAILURE;
    }
    match storage::write_atomic(&path, text.as_bytes()) {
        Ok(()) => {
            let mut out = Out::new();
            out.line(display_path(&path));
            out.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
        }
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

fn export_bank(
    t: &Texts,
    format: ExportFormat,
    dir: Option<PathBuf>,
    output: &Path,
    language: Option<Language>,
) -> ExitCode {
    let bank = match Bank::load(source_for(dir)) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let left_out: Vec<_> = bank.problems().iter().filter(|p| p.is_error()).collect();
    for problem in &left_out {
        eprintln!("{}", problem.line(t.lang));
    }
    let scenarios: Vec<_> = bank
        .scenarios()
        .iter()
        .filter(|s| language.is_none_or(|l| s.language == l))
        .collect();
    let text = match format {
        ExportFormat::MoodleXml => moodle_xml::moodle_xml(&scenarios),
        ExportFormat::Gift => Ok(gift::gift(&scenarios)),
        ExportFormat::Csv => csv::bank_csv(&scenarios),
    };
    let written = text
        .map_err(|e| e.to_string())
        .and_then(|text| write_output(output, &text));
    if let Err(e) = written {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_USAGE);
    }
    let exported = fill(
        t.cli_exported,
        &[("n", &scenarios.len()), ("path", &display_path(output))],
    );
    match bank.files_with_errors() {
        0 => eprintln!("{exported}"),
        n => eprintln!("{exported}; {}", fill(t.cli_left_out, &[("n", &n)])),
    }
    if left_out.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn import_csv(t: &Texts, file: &Path, dir: &Path, force: bool) -> ExitCode {
    let report = match import::import_csv_file(file, dir, force) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let mut out = Out::new();
    for problem in &report.problems {
        out.line(problem.line(t.lang));
    }
    out.line(fill(
        t.cli_imported_into,
        &[
            ("summary", &t.message(&report.summary())),
            ("path", &display_path(dir)),
        ],
    ));
    out.finish(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn results(
    format: ResultsFormat,
    data_dir: Option<PathBuf>,
    output: Option<&Path>,
    actor_name: &str,
    actor_email: Option<&str>,
    base_iri: &str,
) -> ExitCode {
    let options = match format {
        ResultsFormat::Csv => None,
        ResultsFormat::Xapi => match xapi::Actor::new(Some(actor_name), actor_email)
            .and_then(|actor| xapi::XapiOptions::new(actor, base_iri))
        {
            Ok(options) => Some(options),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let Some(data_dir) = data_dir.or_else(storage::default_data_dir) else {
        eprintln!("error: no data folder: give one with --data-dir DIR");
        return ExitCode::from(EXIT_USAGE);
    };
    let path = data_dir.join(HISTORY_FILE);
    let store = match HistoryStore::open(&path, jiff::Timestamp::now()) {
        Ok((store, None)) => store,
        Ok((_, Some(OpenNotice::KeptAside { moved_to, reason }))) => {
            eprintln!(
                "error: {}: the history could not be read ({reason}); it was moved to {} and nothing was exported",
                path.display(),
                moved_to.display()
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if !path.exists() {
        eprintln!("note: {}: no history yet", path.display());
    }
    let history = store.history();
    let text = match options {
        None => Ok(results_csv::history_csv(history)),
        Some(options) => {
            let made = xapi::statements(history, &options);
            for note in &made.notes {
                eprintln!("note: {note}");
            }
            xapi::statements_json(&made).map_err(|e| e.to_string())
        }
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match output {
        Some(output) => match write_output(output, &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(EXIT_USAGE)
            }
        },
        None => {
            let mut out = Out::new();
            out.bytes(text.as_bytes());
            out.finish(ExitCode::SUCCESS)
        }
    }
}

fn class_report(
    inputs: &[PathBuf],
    format: ClassFormat,
    output: Option<&Path>,
    all_attempts: bool,
    language: Language,
    scenarios: Option<PathBuf>,
) -> ExitCode {
    // The bank only adds titles and files: a folder that cannot be read is not fatal.
    let bank = Bank::load(source_for(scenarios))
        .map(|bank| class_report::BankInfo::of(&bank))
        .unwrap_or_default();
    let choice = if all_attempts {
        class_report::AttemptChoice::All
    } else {
        class_report::AttemptChoice::First
    };
    let report = class_report::report_of(inputs, choice, &bank);
    for problem in &report.problems {
        eprintln!("{problem}");
    }
    if report.is_empty() {
        eprintln!(
            "error: nothing readable in {} input(s): give files or folders of `salgstrener results` exports",
            inputs.len()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let text = match format {
        ClassFormat::Text => class_report::render::text(&report, language),
        ClassFormat::Csv => class_report::render::items_csv(&report),
        ClassFormat::Html => class_report::html::html(&report, language),
    };
    let written = match output {
        Some(output) => write_output(output, &text),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    if let Err(e) = written {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_USAGE);
    }
    if let Some(output) = output {
        eprintln!(
            "class report of {} trainees written to {}",
            report.trainees.len(),
            output.display()
        );
    }
    if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{} problem(s) in the input: the report leaves those statements out",
            report.problems.len()
        );
        ExitCode::FAILURE
    }
}

fn write_output(path: &Path, text: &str) -> Result<(), String> {
    storage::write_output(path, text.as_bytes()).map_err(|e| e.to_string())
}

fn run_window(
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
                eprintln!("error: {e}");
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
    // A folder named here starts loading now, while the window is being created.
    let wake = loading::LateWake::default();
    let early = explicit.map(|source| {
        let wake = wake.clone();
        BankLoad::start(source, move || wake.wake())
    });
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
            let ctx = cc.egui_ctx.clone();
            wake.set(move || ctx.request_repaint());
            let load = early.unwrap_or_else(|| {
                let source = remembered_or_bundled(&settings);
                BankLoad::start(source, move || wake.wake())
            });
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
