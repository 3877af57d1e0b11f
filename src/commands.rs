//! The commands that run without a window: each calls the domain and turns the outcome into
//! lines on standard output and standard error, in the language of `--lang` or the system,
//! and an exit code. The arguments are parsed in `main.rs`.

use std::fmt::Display;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use salgstrener::domain::bank::coverage::Coverage;
use salgstrener::domain::bank::problem::{Severity, display_path};
use salgstrener::domain::bank::{Bank, BankSource};
use salgstrener::domain::class_report;
use salgstrener::domain::i18n::{FileMessage, Texts, fill};
use salgstrener::domain::interop::{csv, gift, import, moodle_xml, results_csv, xapi};
use salgstrener::domain::language::Language;
use salgstrener::domain::progress::history::{HISTORY_FILE, HistoryStore, OpenNotice};
use salgstrener::domain::storage;

/// Formats `class` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ClassFormat {
    /// A readable summary.
    Text,
    /// Per-scenario item statistics, one row per quiz and scenario.
    Csv,
    /// One self-contained HTML file with charts.
    Html,
}

/// Formats `export` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    /// Moodle XML question bank.
    MoodleXml,
    /// Moodle GIFT text format.
    Gift,
    /// Spreadsheet, one row per scenario.
    Csv,
}

/// Formats `import` reads.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ImportFormat {
    /// Spreadsheet in the layout `export --format csv` writes.
    Csv,
}

/// Formats `results` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ResultsFormat {
    /// xAPI 1.0.3 statements (JSON array).
    Xapi,
    /// Spreadsheet, one row per answer.
    Csv,
}

pub(crate) const EXIT_USAGE: u8 = 2;

/// Standard output for a command's results. A reader that goes away early (`check | head -1`)
/// ends the output quietly; any other write error (a full disk) is reported once, and the
/// command then exits 2 instead of claiming success.
pub(crate) struct Out {
    t: &'static Texts,
    writer: BufWriter<StdoutLock<'static>>,
    closed: bool,
    error: Option<io::Error>,
}

impl Out {
    pub(crate) fn new(t: &'static Texts) -> Out {
        Out {
            t,
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
                eprintln!(
                    "error: {}",
                    fill(self.t.cli_stdout_failed, &[("error", &e)])
                );
                ExitCode::from(EXIT_USAGE)
            }
            None => code,
        }
    }
}

pub(crate) fn source_for(dir: Option<PathBuf>) -> BankSource {
    match dir {
        Some(dir) => BankSource::Folder(dir),
        None => {
            let cwd = std::env::current_dir().unwrap_or_default();
            BankSource::default_for(&cwd)
        }
    }
}

pub(crate) fn check(t: &'static Texts, dir: Option<PathBuf>, strict: bool) -> ExitCode {
    let source = source_for(dir);
    let bank = match Bank::load(source.clone()) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("error: {}", t.message(&e.message()));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let coverage = Coverage::of(&bank);
    let folder = match &source {
        BankSource::Folder(dir) => dir.clone(),
        BankSource::Embedded => PathBuf::from("scenarios"),
    };
    let thin = coverage.warnings(&folder);
    let mut out = Out::new(t);
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

pub(crate) fn new_scenario(t: &'static Texts, id: &str, dir: &Path) -> ExitCode {
    new_file(
        t,
        id,
        dir,
        "klaer-belte",
        &salgstrener::domain::authoring::editor::example_file(id),
    )
}

pub(crate) fn new_conversation(
    t: &'static Texts,
    id: &str,
    language: Language,
    dir: &Path,
) -> ExitCode {
    new_file(
        t,
        id,
        dir,
        "sport-samtale-lopesko",
        &salgstrener::domain::authoring::editor::conversation_example_file(id, language),
    )
}

/// Writes `DIR/ID.ron` with `text`, never over an existing file.
fn new_file(t: &'static Texts, id: &str, dir: &Path, example_id: &str, text: &str) -> ExitCode {
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
            let mut out = Out::new(t);
            out.line(display_path(&path));
            out.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {}", t.message(&e.message()));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Opens the history in the data folder. Problems are shown in the window, never fatal: the
/// trainee can still practise without a history.
pub(crate) fn export_bank(
    t: &'static Texts,
    format: ExportFormat,
    dir: Option<PathBuf>,
    output: &Path,
    language: Option<Language>,
) -> ExitCode {
    let bank = match Bank::load(source_for(dir)) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("error: {}", t.message(&e.message()));
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
        .map_err(|e| e.message())
        .and_then(|text| write_output(output, &text));
    if let Err(e) = written {
        eprintln!("error: {}", t.message(&e));
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

pub(crate) fn import_csv(t: &'static Texts, file: &Path, dir: &Path, force: bool) -> ExitCode {
    let report = match import::import_csv_file(file, dir, force) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {}", t.message(&e.message()));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let mut out = Out::new(t);
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

pub(crate) fn results(
    t: &'static Texts,
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
                eprintln!("error: {}", t.message(&e.message()));
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let Some(data_dir) = data_dir.or_else(storage::default_data_dir) else {
        eprintln!("error: {}", t.cli_no_data_dir);
        return ExitCode::from(EXIT_USAGE);
    };
    let path = data_dir.join(HISTORY_FILE);
    let store = match HistoryStore::open(&path, jiff::Timestamp::now()) {
        Ok((store, None)) => store,
        Ok((
            _,
            Some(OpenNotice::KeptAside {
                moved_to, reason, ..
            }),
        )) => {
            let text = fill(
                t.cli_history_unreadable,
                &[
                    ("path", &path.display()),
                    ("reason", &t.message(&reason)),
                    ("moved_to", &moved_to.display()),
                ],
            );
            eprintln!("error: {text}");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("error: {}", t.message(&e.message()));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if !path.exists() {
        let text = fill(t.cli_no_history_yet, &[("path", &path.display())]);
        eprintln!("note: {text}");
    }
    let history = store.history();
    let text = match options {
        None => Ok(results_csv::history_csv(history)),
        Some(options) => {
            let made = xapi::statements(history, &options);
            for note in &made.notes {
                eprintln!("note: {}", t.message(note));
            }
            xapi::statements_json(&made).map_err(|e| e.message())
        }
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {}", t.message(&e));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match output {
        Some(output) => match write_output(output, &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {}", t.message(&e));
                ExitCode::from(EXIT_USAGE)
            }
        },
        None => {
            let mut out = Out::new(t);
            out.bytes(text.as_bytes());
            out.finish(ExitCode::SUCCESS)
        }
    }
}

pub(crate) fn class_report(
    t: &'static Texts,
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
        eprintln!("{}", problem.line(t.lang));
    }
    if report.is_empty() {
        let text = fill(t.cli_class_nothing_readable, &[("n", &inputs.len())]);
        eprintln!("error: {text}");
        return ExitCode::from(EXIT_USAGE);
    }
    let text = match format {
        ClassFormat::Text => class_report::render::text(&report, language),
        ClassFormat::Csv => class_report::render::items_csv(&report),
        ClassFormat::Html => class_report::html::html(&report, language),
    };
    let written = match output {
        Some(output) => write_output(output, &text).map_err(|e| t.message(&e)),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| fill(t.cli_stdout_failed, &[("error", &e)])),
    };
    if let Err(e) = written {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_USAGE);
    }
    if let Some(output) = output {
        let text = fill(
            t.cli_class_written,
            &[("n", &report.trainees.len()), ("path", &output.display())],
        );
        eprintln!("{text}");
    }
    if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        let text = fill(t.cli_class_problems, &[("n", &report.problems.len())]);
        eprintln!("{text}");
        ExitCode::FAILURE
    }
}

fn write_output(path: &Path, text: &str) -> Result<(), FileMessage> {
    storage::write_output(path, text.as_bytes()).map_err(|e| e.message())
}
