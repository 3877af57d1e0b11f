//! Importing a spreadsheet of scenarios into a scenario folder.
//!
//! Each row is turned into the file text the app itself writes and checked with the same
//! rules as `check`, on that text; a row with an error is reported by row and column and
//! skipped, the others are written. Existing scenarios are only replaced on request.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use super::csv::{
    CsvProblem, CsvRow, OFFER_FIELDS, SCENARIO_COLUMNS, decode_sheet, offer_column, parse_bank_csv,
    separator_message,
};
use crate::bank::problem::Position;
use crate::bank::scenario::Scenario;
use crate::bank::source_map::{Locus, SourceMap};
use crate::bank::validate::{MAX_FILE_BYTES, check_text, parse_scenario};
use crate::bank::{FolderAssets, LoadError, read_folder};
use crate::i18n::{FileMessage, Message};
use crate::storage::{self, AtomicWriter, ReadError};

/// Largest sheet accepted: 100,000 scenarios of the usual size take about 43 MiB; more is the
/// wrong file.
pub const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;

/// Why a sheet could not be imported at all (as opposed to problems in single rows).
/// `Display` gives English; [`ImportError::message`] gives it in either language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum ImportError {
    /// The sheet cannot be read.
    Read {
        /// The sheet.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The sheet is too large to be a scenario sheet.
    TooBig {
        /// The sheet.
        path: PathBuf,
        /// Its size in MiB.
        size: u64,
    },
    /// The target folder exists but cannot be read.
    Folder(#[from] LoadError),
}

impl ImportError {
    /// The error as a message.
    pub fn message(&self) -> FileMessage {
        match self {
            ImportError::Read { path, source } => FileMessage::SheetUnreadable {
                path: path.clone(),
                reason: source.to_string(),
            },
            ImportError::TooBig { path, size } => FileMessage::SheetTooBig {
                path: path.clone(),
                mib: *size,
                limit_mib: MAX_SHEET_BYTES / 1024 / 1024,
            },
            ImportError::Folder(e) => e.message(),
        }
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Every problem, by row. Rows with an error were skipped.
    pub problems: Vec<CsvProblem>,
    /// Data rows in the sheet (not counting the header and empty rows).
    pub data_rows: usize,
    /// Files written, in row order.
    pub written: Vec<PathBuf>,
    /// How many of the written files replaced an existing scenario (only with `force`).
    pub replaced: usize,
    /// Rows whose scenario is already in the folder exactly as the import would write it;
    /// nothing is written for them, so importing the same sheet twice is harmless.
    pub unchanged: usize,
    /// The text encoding the sheet was read in, when it was read from bytes.
    pub encoding: Option<&'static str>,
    /// The separator of the sheet's cells.
    pub separator: char,
    /// Required columns the header lacks (then no row is imported).
    pub missing_columns: Vec<String>,
    /// True when the file has no rows at all.
    pub empty: bool,
}

impl ImportReport {
    /// True when some row was skipped or the sheet itself has an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(CsvProblem::is_error)
    }

    /// Rows neither written nor already in place.
    pub fn skipped(&self) -> usize {
        self.data_rows
            .saturating_sub(self.written.len() + self.unchanged)
    }

    /// `N rows: I imported (R replaced), U unchanged, S skipped (ENCODING, SEPARATOR)`, or
    /// why nothing could be imported: the file is empty, or the header lacks a column.
    pub fn summary(&self) -> Message {
        if self.empty {
            return Message::ImportEmpty {};
        }
        let separator = Box::new(separator_message(self.separator));
        let read_as = Box::new(match self.encoding {
            Some(encoding) => Message::SheetReadAs {
                encoding: encoding.to_owned(),
                separator,
            },
            None => *separator,
        });
        if !self.missing_columns.is_empty() {
            let names: Vec<String> = self
                .missing_columns
                .iter()
                .map(|c| format!("`{c}`"))
                .collect();
            return Message::ImportColumnsMissing {
                columns: names.join(", "),
                read_as,
            };
        }
        Message::ImportSummary {
            rows: self.data_rows,
            imported: self.written.len(),
            replaced: self.replaced,
            unchanged: self.unchanged,
            skipped: self.skipped(),
            read_as,
        }
    }
}

/// The text the app writes for a scenario: the editor's writer, so an imported file and a
/// saved one are byte for byte the same.
pub fn scenario_ron(scenario: &Scenario) -> Result<String, ron::Error> {
    crate::authoring::editor::to_ron(scenario)
}

/// Where a new scenario goes: `DIR/<language>/<id>.ron`, the layout of the bundled bank.
pub fn target_path(dir: &Path, scenario: &Scenario) -> PathBuf {
    dir.join(scenario.language.code())
        .join(format!("{}.ron", scenario.id))
}

/// Reads the sheet at `csv_path` and imports it into `dir` (created when missing).
pub fn import_csv_file(
    csv_path: &Path,
    dir: &Path,
    force: bool,
) -> Result<ImportReport, ImportError> {
    let bytes = storage::read_regular(csv_path, MAX_SHEET_BYTES).map_err(|e| match e {
        ReadError::TooBig { size, .. } => ImportError::TooBig {
            path: csv_path.to_path_buf(),
            size: size.max(MAX_SHEET_BYTES + 1) / 1024 / 1024,
        },
        ReadError::Io(source) => ImportError::Read {
            path: csv_path.to_path_buf(),
            source,
        },
        other => ImportError::Read {
            path: csv_path.to_path_buf(),
            source: io::Error::other(other.to_string()),
        },
    })?;
    let (text, encoding) = decode_sheet(&bytes);
    let mut report = import_csv(csv_path, &text, dir, force)?;
    report.encoding = Some(encoding);
    Ok(report)
}

/// Imports the sheet `text` (read from `csv_path`, named in problems) into `dir`.
///
/// A scenario whose id is already used in `dir`, or whose file already exists, is replaced
/// in place only with `force`; otherwise its row is reported and skipped.
pub fn import_csv(
    csv_path: &Path,
    text: &str,
    dir: &Path,
    force: bool,
) -> Result<ImportReport, ImportError> {
    let existing = existing_ids(dir)?;
    let assets = FolderAssets::of(dir);
    let sheet = parse_bank_csv(csv_path, text);
    let mut report = ImportReport {
        problems: sheet.problems,
        data_rows: sheet.data_rows,
        separator: sheet.separator,
        missing_columns: sheet.missing_columns,
        empty: sheet.empty,
        ..ImportReport::default()
    };
    // One writer for the whole sheet: it clears stale temporary files once per folder, not
    // once per file, which made importing quadratic in the size of the folder.
    let mut writer = AtomicWriter::new();
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    for row in sheet.rows {
        let error = |column: &str, message: Message| {
            CsvProblem::error(csv_path, row.row, Some(column), message)
        };
        let ron_text = match scenario_ron(&row.scenario) {
            Ok(text) => text,
            Err(e) => {
                report.problems.push(CsvProblem::error(
                    csv_path,
                    row.row,
                    None,
                    Message::CsvNotWritable {
                        reason: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let id = row.scenario.id.clone();
        let existing_path = existing.get(&id).cloned();
        let target = existing_path
            .clone()
            .unwrap_or_else(|| target_path(dir, &row.scenario));
        let checked = match check_text(&target, &ron_text, &assets) {
            Ok(checked) => checked,
            Err(problem) => {
                report.problems.push(CsvProblem::error(
                    csv_path,
                    row.row,
                    None,
                    Message::CsvNotReadBack {
                        problem: problem.message,
                    },
                ));
                continue;
            }
        };
        // Positions are mapped to columns only for a row with problems: the map costs as
        // much as checking the row.
        let columns = if checked.problems.is_empty() {
            HashMap::new()
        } else {
            column_map(&ron_text, &row)
        };
        let mut row_ok = true;
        for problem in checked.problems {
            row_ok &= !problem.is_error();
            let column = problem.position.and_then(|p| columns.get(&p)).cloned();
            report.problems.push(CsvProblem {
                path: csv_path.to_path_buf(),
                row: row.row,
                column,
                severity: problem.severity,
                message: *problem.message,
            });
        }
        if !row_ok {
            continue;
        }
        if let Some(first) = first_row_of.get(&id) {
            report.problems.push(error(
                "id",
                Message::CsvIdOnEarlierRow {
                    id: id.clone(),
                    first: *first,
                },
            ));
            continue;
        }
        first_row_of.insert(id.clone(), row.row);
        let exists = existing_path.is_some() || target.exists();
        if exists
            && storage::read_regular(&target, MAX_FILE_BYTES)
                .is_ok_and(|old| old == ron_text.as_bytes())
        {
            report.unchanged += 1;
            continue;
        }
        if exists && !force {
            report.problems.push(error(
                "id",
                Message::CsvScenarioExists {
                    id: id.clone(),
                    path: target.clone(),
                },
            ));
            continue;
        }
        if let Err(e) = writer.write(&target, ron_text.as_bytes()) {
            report.problems.push(CsvProblem::error(
                csv_path,
                row.row,
                None,
                Message::CannotWrite {
                    reason: e.to_string(),
                },
            ));
            continue;
        }
        if exists {
            report.replaced += 1;
        }
        report.written.push(target);
    }
    if let Err(e) = writer.finish() {
        report.problems.push(CsvProblem::error(
            csv_path,
            1,
            None,
            Message::ImportNotFlushed {
                reason: e.to_string(),
            },
        ));
        report.written.clear();
        report.replaced = 0;
    }
    // Header problems first, then by row; within a row, errors before warnings.
    report.problems.sort_by_key(|p| (p.row, p.severity));
    Ok(report)
}

/// The ids already in `dir` and their files, including files with rule errors: they are
/// scenarios the instructor may still be fixing, and must not be shadowed by a second file.
fn existing_ids(dir: &Path) -> Result<HashMap<String, PathBuf>, LoadError> {
    if !dir.exists() {
        return Ok(HashMap::new());
    }
    let mut ids = HashMap::new();
    for file in read_folder(dir)? {
        if let Ok(text) = &file.text
            && let Ok(scenario) = parse_scenario(&file.path, text)
        {
            ids.entry(scenario.id).or_insert(file.path);
        }
    }
    Ok(ids)
}

/// Which sheet column each position in the written text came from, so that a rule broken in
/// the file is reported at the cell the instructor typed.
fn column_map(text: &str, row: &CsvRow) -> HashMap<Position, String> {
    let map = SourceMap::new(text);
    let mut columns = HashMap::new();
    // The general loci go first: a specific locus whose position is unknown falls back to
    // its field's position, which must keep naming the field.
    let mut add = |locus: Locus<'_>, column: String| {
        if let Some(position) = map.position(&locus) {
            columns.entry(position).or_insert(column);
        }
    };
    for field in SCENARIO_COLUMNS {
        add(Locus::Field(field), field.to_owned());
    }
    add(Locus::Field("offers"), "offers".to_owned());
    for i in 0..row.scenario.tags.len() {
        add(Locus::Item("tags", i), "tags".to_owned());
    }
    for i in 0..row.scenario.cues.len() {
        add(Locus::Item("cues", i), "cues".to_owned());
    }
    for (i, group) in row.offer_groups.iter().enumerate() {
        add(Locus::Item("offers", i), offer_column(*group, "text"));
        for field in OFFER_FIELDS {
            add(Locus::OfferField(i, field), offer_column(*group, field));
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::scenario::{Fit, Offer};
    use crate::language::Language;
    use crate::teaching::taxonomy::SaleType;

    fn scenario() -> Scenario {
        Scenario {
            id: "x-1".into(),
            language: Language::En,
            title: "T".into(),
            industry: "I".into(),
            difficulty: 1,
            tags: vec!["a".into()],
            customer: "C".into(),
            situation: "S".into(),
            answer: SaleType::Mersalg,
            cues: vec!["C".into()],
            explanation: "E".into(),
            offers: vec![
                Offer {
                    text: "o1".into(),
                    kind: SaleType::Mersalg,
                    fit: Fit::Best,
                    feedback: "f".into(),
                },
                Offer {
                    text: "o2".into(),
                    kind: SaleType::Kryssalg,
                    fit: Fit::Poor,
                    feedback: "f".into(),
                },
            ],
            image: None,
            path: None,
        }
    }

    #[test]
    fn written_text_is_pretty_ron_in_field_order_and_reads_back() {
        let s = scenario();
        let text = scenario_ron(&s).unwrap();
        assert!(
            text.starts_with("Scenario(\n    id: \"x-1\",\n    language: \"en\",\n"),
            "{text}"
        );
        let order: Vec<usize> = SCENARIO_COLUMNS
            .iter()
            .filter_map(|f| text.find(&format!("\n    {f}: ")))
            .collect();
        assert_eq!(order.len(), SCENARIO_COLUMNS.len(), "{text}");
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(text.contains("Offer("), "{text}");
        assert_eq!(parse_scenario(Path::new("x.ron"), &text).unwrap(), s);
    }

    #[test]
    fn every_column_of_a_written_scenario_has_a_position() {
        let s = scenario();
        let text = scenario_ron(&s).unwrap();
        let row = CsvRow {
            row: 2,
            scenario: s,
            offer_groups: vec![1, 3],
        };
        let columns: std::collections::HashSet<String> =
            column_map(&text, &row).into_values().collect();
        for c in [
            "id",
            "title",
            "tags",
            "cues",
            "offers",
            "offer1_fit",
            "offer3_feedback",
        ] {
            assert!(columns.contains(c), "{c}: {columns:?}");
        }
        assert!(!columns.contains("offer2_text"));
    }
}
