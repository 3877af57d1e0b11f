//! Reading a sheet back: decoding, the header, and each row turned into a scenario or the
//! problems in its cells.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ::csv::{ReaderBuilder, StringRecord, Trim};

use super::{
    MAX_OFFERS, OFFER_FIELDS, REQUIRED_COLUMNS, REQUIRED_OFFER_GROUPS, columns, fit_name,
    offer_column, split_list, unguard_formula,
};
use crate::bank::problem::Severity;
use crate::bank::scenario::{Fit, Offer, Scenario};
use crate::i18n::Message;
use crate::language::Language;
use crate::teaching::taxonomy::SaleType;

/// A problem in a sheet, at a row (as a spreadsheet numbers them: the header is row 1) and,
/// when known, a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The sheet.
    pub path: PathBuf,
    /// Row, counting the header as 1.
    pub row: usize,
    /// The column's name from the header.
    pub column: Option<String>,
    /// Error (the row is skipped) or warning (it is imported).
    pub severity: Severity,
    /// What is wrong and what to do, in either language.
    pub message: Message,
}

impl CsvProblem {
    /// An error at `row`, `column`.
    pub fn error(path: &Path, row: usize, column: Option<&str>, message: Message) -> Self {
        Self {
            path: path.to_path_buf(),
            row,
            column: column.map(str::to_owned),
            severity: Severity::Error,
            message,
        }
    }

    /// `PATH:ROW[:COLUMN]: error: MESSAGE` with the message in `lang`; the prefix is the same
    /// in every language.
    pub fn line(&self, lang: Language) -> String {
        let mut line = format!(
            "{}:{}",
            crate::bank::problem::display_path(&self.path),
            self.row
        );
        if let Some(column) = &self.column {
            line.push(':');
            line.push_str(column);
        }
        format!(
            "{line}: {}: {}",
            self.severity.as_str(),
            self.message.text(lang)
        )
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The problem's [`line`](CsvProblem::line) in English, for logs and tests.
impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Language::En))
    }
}

/// A row that became a scenario. Not validated yet: that happens on the file text the
/// import writes, with the same rules as `check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// Row number, counting the header as 1.
    pub row: usize,
    /// The scenario.
    pub scenario: Scenario,
    /// For each offer, the group number (1-6) it came from, to name columns in problems.
    pub offer_groups: Vec<usize>,
}

/// What reading a sheet gave: the rows that became scenarios and the problems of the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedSheet {
    /// Rows that became scenarios.
    pub rows: Vec<CsvRow>,
    /// Problems, in row order. A row with an error is not in `rows`.
    pub problems: Vec<CsvProblem>,
    /// Data rows read, not counting the header and empty rows.
    pub data_rows: usize,
    /// The separator the header row showed: `,`, `;` or a tab.
    pub separator: char,
    /// Required columns the header lacks; no row is imported then.
    pub missing_columns: Vec<String>,
    /// True when the file has no rows at all.
    pub empty: bool,
}

/// Where each known column sits in the sheet.
struct Header {
    index: HashMap<String, usize>,
    /// The required columns with their positions, leftmost first.
    required: Vec<(usize, String)>,
    /// Cells in the header row.
    width: usize,
}

impl Header {
    /// The cell of `column` in `record`; empty when the sheet has no such (optional) column
    /// or the row stops before it.
    fn cell(&self, record: &StringRecord, column: &str) -> String {
        let cell = self
            .index
            .get(column)
            .and_then(|&i| record.get(i))
            .unwrap_or_default();
        unguard_formula(cell).to_owned()
    }
}

/// Reads a sheet exported by [`bank_csv`](super::bank_csv) or made by hand in a spreadsheet. Comma- and
/// semicolon-separated files are both read (spreadsheets in Norwegian save with `;`);
/// a UTF-8 byte order mark is ignored.
pub fn parse_bank_csv(path: &Path, text: &str) -> ParsedSheet {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let separator = sniff_delimiter(text);
    let mut sheet = ParsedSheet {
        separator: char::from(separator),
        ..ParsedSheet::default()
    };
    let mut reader = ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(false)
        .trim(Trim::None)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header_record = match records.next() {
        Some(Ok(record)) => record,
        Some(Err(e)) => {
            sheet.problems.push(CsvProblem::error(
                path,
                1,
                None,
                Message::CsvHeaderUnreadable {
                    reason: e.to_string(),
                },
            ));
            return sheet;
        }
        None => {
            sheet.empty = true;
            sheet
                .problems
                .push(CsvProblem::error(path, 1, None, Message::CsvEmpty {}));
            return sheet;
        }
    };
    let header = match read_header(path, &header_record, &mut sheet.problems) {
        Ok(header) => header,
        Err(missing) => {
            sheet.missing_columns = missing;
            return sheet;
        }
    };
    for (i, record) in records.enumerate() {
        // The header is row 1; positions count records, so multi-line cells do not shift rows.
        let row = i + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                sheet.data_rows += 1;
                sheet.problems.push(CsvProblem::error(
                    path,
                    row,
                    None,
                    Message::CsvRowUnreadable {
                        reason: e.to_string(),
                    },
                ));
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        sheet.data_rows += 1;
        match parse_row(&header, &record) {
            Ok((scenario, offer_groups)) => sheet.rows.push(CsvRow {
                row,
                scenario,
                offer_groups,
            }),
            Err(errors) => {
                sheet
                    .problems
                    .extend(errors.into_iter().map(|(column, message)| {
                        CsvProblem::error(path, row, column.as_deref(), message)
                    }))
            }
        }
    }
    sheet
}

/// The separator the header row uses most: a tab (a sheet saved as "Unicode text" or
/// "Tab-separated"), `;` (Norwegian spreadsheets' CSV) or `,`. Column names have none of
/// them, so the header alone decides; a tie is `,`.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let first_line = text.lines().next().unwrap_or_default();
    let count = |c: char| first_line.matches(c).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas && tabs > semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// The separator in words, for the import summary.
pub fn separator_message(separator: char) -> Message {
    match separator {
        '\t' => Message::SeparatorTab {},
        ';' => Message::SeparatorSemicolon {},
        _ => Message::SeparatorComma {},
    }
}

/// A sheet's bytes as text, and the encoding they were in. Spreadsheets in a Norwegian office
/// save "CSV UTF-8" (perhaps with a byte order mark), "CSV (semikolondelt)" in Windows-1252 and
/// "Unicode-tekst" in UTF-16 with a byte order mark; a file that is not UTF-8 and has no mark
/// is read as Windows-1252, where every byte is a character (Latin-1 files read the same).
pub fn decode_sheet(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding.name());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), encoding_rs::UTF_8.name()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), encoding_rs::WINDOWS_1252.name())
        }
    }
}

/// UTF-16 without a byte order mark: the header row is ASCII column names, so every other
/// byte of it is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 8 {
        return None;
    }
    let zeros = |offset: usize| head.iter().skip(offset).step_by(2).all(|b| *b == 0);
    if zeros(1) {
        Some(encoding_rs::UTF_16LE)
    } else if zeros(0) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The header's columns, or the required columns it lacks (empty when it is unusable for
/// another reason, such as a column that appears twice).
fn read_header(
    path: &Path,
    record: &StringRecord,
    problems: &mut Vec<CsvProblem>,
) -> Result<Header, Vec<String>> {
    let known = columns();
    let mut index = HashMap::new();
    let mut ok = true;
    for (i, name) in record.iter().enumerate() {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            continue;
        }
        if !known.contains(&name) {
            problems.push(CsvProblem {
                severity: Severity::Warning,
                ..CsvProblem::error(
                    path,
                    1,
                    Some(&name),
                    Message::CsvUnknownColumn { name: name.clone() },
                )
            });
            continue;
        }
        if index.insert(name.clone(), i).is_some() {
            problems.push(CsvProblem::error(
                path,
                1,
                Some(&name),
                Message::CsvColumnTwice { name: name.clone() },
            ));
            ok = false;
        }
    }
    let mut required: Vec<String> = REQUIRED_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for group in 1..=MAX_OFFERS {
        let present = OFFER_FIELDS
            .iter()
            .any(|f| index.contains_key(&offer_column(group, f)));
        if group <= REQUIRED_OFFER_GROUPS || present {
            required.extend(OFFER_FIELDS.iter().map(|f| offer_column(group, f)));
        }
    }
    let mut positions = Vec::new();
    let mut missing = Vec::new();
    for column in required {
        match index.get(&column) {
            Some(&i) => positions.push((i, column)),
            None => {
                problems.push(CsvProblem::error(
                    path,
                    1,
                    Some(&column),
                    Message::CsvColumnMissing {
                        name: column.clone(),
                    },
                ));
                missing.push(column);
            }
        }
    }
    if !ok || !missing.is_empty() {
        return Err(missing);
    }
    positions.sort();
    Ok(Header {
        index,
        required: positions,
        width: record.len(),
    })
}

/// Problems of one row: the column (none for the row as a whole) and the message.
type CellErrors = Vec<(Option<String>, Message)>;

fn parse_row(header: &Header, record: &StringRecord) -> Result<(Scenario, Vec<usize>), CellErrors> {
    // A row that stops before a required column is one problem, not one per empty cell:
    // usually a separator is missing, or the row was cut.
    let width = record.len();
    if width > header.width {
        return Err(vec![(
            None,
            Message::CsvRowTooWide {
                width,
                header: header.width,
            },
        )]);
    }
    if let Some((_, column)) = header.required.iter().find(|(i, _)| *i >= width) {
        return Err(vec![(
            Some(column.clone()),
            Message::CsvRowTooShort { width },
        )]);
    }
    let mut errors: CellErrors = Vec::new();
    let text = |column: &str| header.cell(record, column);

    let id = text("id");
    let language_cell = text("language");
    let title = text("title");
    let industry = text("industry");
    let difficulty_cell = text("difficulty");
    let tags = split_list(&text("tags"));
    let customer = text("customer");
    let situation = text("situation");
    let answer_cell = text("answer");
    let cues = split_list(&text("cues"));
    let explanation = text("explanation");
    let image_cell = text("image");

    let language =
        parse_language(&language_cell).map_err(|m| errors.push((Some("language".into()), m)));
    let difficulty =
        parse_difficulty(&difficulty_cell).map_err(|m| errors.push((Some("difficulty".into()), m)));
    let answer = parse_sale_type(&answer_cell).map_err(|m| errors.push((Some("answer".into()), m)));

    let mut offers = Vec::new();
    let mut offer_groups = Vec::new();
    for group in 1..=MAX_OFFERS {
        let cell = |field: &str| text(&offer_column(group, field));
        if OFFER_FIELDS.iter().all(|f| cell(f).trim().is_empty()) {
            continue;
        }
        let offer_text = cell("text");
        let kind_cell = cell("kind");
        let fit_cell = cell("fit");
        let feedback = cell("feedback");
        let kind = parse_sale_type(&kind_cell)
            .map_err(|m| errors.push((Some(offer_column(group, "kind")), m)));
        let fit =
            parse_fit(&fit_cell).map_err(|m| errors.push((Some(offer_column(group, "fit")), m)));
        if let (Ok(kind), Ok(fit)) = (kind, fit) {
            offers.push(Offer {
                text: offer_text,
                kind,
                fit,
                feedback,
            });
            offer_groups.push(group);
        }
    }

    match (language, difficulty, answer) {
        (Ok(language), Ok(difficulty), Ok(answer)) if errors.is_empty() => {
            let image = (!image_cell.trim().is_empty()).then_some(image_cell);
            Ok((
                Scenario {
                    id,
                    language,
                    title,
                    industry,
                    difficulty,
                    tags,
                    customer,
                    situation,
                    answer,
                    cues,
                    explanation,
                    offers,
                    image,
                    // The decision path is not a spreadsheet column yet: it is derived from
                    // the answer, which is exact for every bundled scenario.
                    path: None,
                },
                offer_groups,
            ))
        }
        _ => Err(errors),
    }
}

fn parse_language(cell: &str) -> Result<Language, Message> {
    let code = cell.trim().to_lowercase();
    if code.is_empty() {
        return Err(Message::CsvLanguageEmpty {});
    }
    Language::from_code(&code).ok_or_else(|| Message::CsvLanguageUnknown {
        value: cell.trim().to_owned(),
    })
}

fn parse_difficulty(cell: &str) -> Result<u8, Message> {
    let value = cell.trim();
    if value.is_empty() {
        return Err(Message::CsvDifficultyEmpty {});
    }
    value
        .parse::<u8>()
        .map_err(|_| Message::CsvDifficultyNotNumber {
            value: value.to_owned(),
        })
}

fn sale_type_names() -> String {
    SaleType::ALL.map(SaleType::title).join(", ")
}

fn parse_sale_type(cell: &str) -> Result<SaleType, Message> {
    let value = cell.trim();
    if value.is_empty() {
        return Err(Message::CsvSaleTypeEmpty {
            names: sale_type_names(),
        });
    }
    SaleType::ALL
        .into_iter()
        .find(|t| t.title().eq_ignore_ascii_case(value))
        .ok_or_else(|| Message::CsvSaleTypeUnknown {
            value: value.to_owned(),
            names: sale_type_names(),
        })
}

fn parse_fit(cell: &str) -> Result<Fit, Message> {
    let value = cell.trim();
    if value.is_empty() {
        return Err(Message::CsvFitEmpty {});
    }
    Fit::ALL
        .into_iter()
        .find(|f| fit_name(*f).eq_ignore_ascii_case(value))
        .ok_or_else(|| Message::CsvFitUnknown {
            value: value.to_owned(),
        })
}
