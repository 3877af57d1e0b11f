//! The bank as a spreadsheet: one row per scenario, and reading such a sheet back.
//!
//! Columns, in this order (the header row names them; on import their order is free and
//! case does not matter):
//!
//! | column | content |
//! |---|---|
//! | `id`, `language`, `title`, `industry`, `difficulty` | as in the scenario file (`language` is `nb` or `en`, `difficulty` 1-3) |
//! | `tags` | the tags, separated by `;` |
//! | `customer`, `situation` | the scenario text |
//! | `answer` | one of `Nysalg`, `Mersalg`, `Gjensalg`, `Kryssalg`, `Tilleggssalg` |
//! | `cues` | the cue phrases, separated by `;` |
//! | `explanation` | why the answer is right |
//! | `image` | path under `assets/`, or empty |
//! | `offer1_text`, `offer1_kind`, `offer1_fit`, `offer1_feedback` ... `offer6_*` | up to six offers; `fit` is `Best`, `Acceptable` or `Poor`; a group left empty is no offer |
//!
//! In `tags` and `cues` a `;` that belongs to the text is written `\;` and a backslash `\\`,
//! so any phrase survives the trip; spaces around the separators are ignored.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ::csv::{ReaderBuilder, StringRecord, Trim, WriterBuilder};

use super::ExportError;
use crate::domain::bank::problem::Severity;
use crate::domain::bank::scenario::{Fit, Offer, Scenario};
use crate::domain::bank::validate::MAX_OFFERS;
use crate::domain::i18n::Message;
use crate::domain::language::Language;
use crate::domain::teaching::taxonomy::SaleType;

/// The columns before the offers, in export order.
pub const SCENARIO_COLUMNS: [&str; 12] = [
    "id",
    "language",
    "title",
    "industry",
    "difficulty",
    "tags",
    "customer",
    "situation",
    "answer",
    "cues",
    "explanation",
    "image",
];

/// The columns of one offer group, after the `offerN_` prefix.
pub const OFFER_FIELDS: [&str; 4] = ["text", "kind", "fit", "feedback"];

/// Columns a sheet must have to be imported. The other scenario columns may be left out
/// (they are optional in the scenario format too), and so may offer groups 3 to 6.
pub const REQUIRED_COLUMNS: [&str; 9] = [
    "id",
    "language",
    "title",
    "industry",
    "difficulty",
    "customer",
    "situation",
    "answer",
    "explanation",
];

/// Offer groups every sheet needs columns for: a scenario has at least two offers.
const REQUIRED_OFFER_GROUPS: usize = 2;

/// Separates items in the `tags` and `cues` cells.
pub const LIST_SEPARATOR: char = ';';

/// The name of a column of offer group `group` (1-based), such as `offer2_fit`.
pub fn offer_column(group: usize, field: &str) -> String {
    format!("offer{group}_{field}")
}

/// Every column in export order.
pub fn columns() -> Vec<String> {
    let mut all: Vec<String> = SCENARIO_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for group in 1..=MAX_OFFERS {
        all.extend(OFFER_FIELDS.iter().map(|f| offer_column(group, f)));
    }
    all
}

/// Joins list items into one cell, escaping the separator and backslash in the items.
pub fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| {
            item.replace('\\', "\\\\")
                .replace(LIST_SEPARATOR, &format!("\\{LIST_SEPARATOR}"))
        })
        .collect::<Vec<_>>()
        .join(&LIST_SEPARATOR.to_string())
}

/// Splits a cell into list items: `;` separates, `\;` and `\\` stand for themselves,
/// surrounding spaces are trimmed and empty items dropped (a trailing `;` is harmless).
pub fn split_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) if next == '\\' || next == LIST_SEPARATOR => current.push(next),
                // A lone backslash is kept as written: it is text, not an escape.
                Some(next) => {
                    current.push('\\');
                    current.push(next);
                }
                None => current.push('\\'),
            },
            c if c == LIST_SEPARATOR => items.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    items.push(current);
    items
        .into_iter()
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// Writes `scenarios` as CSV with a header row, comma-separated, UTF-8, quoted where needed.
pub fn bank_csv(scenarios: &[&Scenario]) -> Result<String, ExportError> {
    let mut writer = WriterBuilder::new().from_writer(Vec::new());
    writer.write_record(columns())?;
    for s in scenarios {
        let mut record: Vec<String> = vec![
            s.id.clone(),
            s.language.code().to_owned(),
            s.title.clone(),
            s.industry.clone(),
            s.difficulty.to_string(),
            join_list(&s.tags),
            s.customer.clone(),
            s.situation.clone(),
            s.answer.title().to_owned(),
            join_list(&s.cues),
            s.explanation.clone(),
            s.image.clone().unwrap_or_default(),
        ];
        for group in 0..MAX_OFFERS {
            match s.offers.get(group) {
                Some(o) => record.extend([
                    o.text.clone(),
                    o.kind.title().to_owned(),
                    fit_name(o.fit).to_owned(),
                    o.feedback.clone(),
                ]),
                None => record.extend(std::iter::repeat_n(String::new(), OFFER_FIELDS.len())),
            }
        }
        writer.write_record(record.iter().map(|cell| guard_formula(cell).into_owned()))?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes)?)
}

/// The first characters that make a spreadsheet read a cell as a formula (or, for tab and
/// carriage return, that some spreadsheets strip before doing so).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as exported: one that a spreadsheet would evaluate, such as `=HYPERLINK(...)`, gets
/// a leading `'`, the usual guard, which spreadsheets show as text. A cell that already starts
/// with `'` gets one too, so that [`unguard_formula`] can tell the guard from the text and
/// export, import, export gives the same bytes.
pub fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) || c == '\'' => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A cell as imported: the guard [`guard_formula`] adds is removed; a `'` before anything
/// else is the author's text and stays.
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .chars()
                .next()
                .is_some_and(|c| FORMULA_STARTS.contains(&c) || c == '\'') =>
        {
            rest
        }
        _ => cell,
    }
}

/// The name of a fit as written in files.
pub fn fit_name(fit: Fit) -> &'static str {
    match fit {
        Fit::Best => "Best",
        Fit::Acceptable => "Acceptable",
        Fit::Poor => "Poor",
    }
}

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
            crate::domain::bank::problem::display_path(&self.path),
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

/// Reads a sheet exported by [`bank_csv`] or made by hand in a spreadsheet. Comma- and
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
fn sniff_delimiter(text: &str) -> u8 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_escape_the_separator_and_backslash() {
        let items = vec!["a;b".to_owned(), "c\\".to_owned(), "d".to_owned()];
        let cell = join_list(&items);
        assert_eq!(cell, "a\\;b;c\\\\;d");
        assert_eq!(split_list(&cell), items);
        assert_eq!(split_list(" x ; y;;"), ["x", "y"]);
        assert_eq!(split_list(""), Vec::<String>::new());
        assert_eq!(split_list("C:\\temp"), ["C:\\temp"]);
    }

    #[test]
    fn formula_guards_are_added_on_export_and_removed_on_import() {
        for (cell, guarded) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+47 22 00 00 00", "'+47 22 00 00 00"),
            ("-5 %", "'-5 %"),
            ("@sum", "'@sum"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("'quoted'", "''quoted'"),
            ("plain", "plain"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(guard_formula(cell), guarded, "{cell:?}");
            assert_eq!(unguard_formula(guarded), cell, "{cell:?}");
        }
        // A quote an author typed before ordinary text is text.
        assert_eq!(unguard_formula("'hei"), "'hei");
    }

    #[test]
    fn windows_1252_utf_16_and_utf_8_sheets_are_decoded() {
        let text = "id;title\nx;Blåbær og øl\n";
        let (utf8, name) = decode_sheet(text.as_bytes());
        assert_eq!((utf8.as_str(), name), (text, "UTF-8"));
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(decode_sheet(&cp1252), (text.to_owned(), "windows-1252"));
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_sheet(&le), (text.to_owned(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_sheet(&be), (text.to_owned(), "UTF-16BE"));
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_sheet(&bare), (text.to_owned(), "UTF-16LE"));
    }

    #[test]
    fn semicolon_sheets_are_recognised_by_their_header() {
        assert_eq!(sniff_delimiter("id;language;title\n1,2;x"), b';');
        assert_eq!(sniff_delimiter("id,language,title\n"), b',');
        assert_eq!(sniff_delimiter("id\tlanguage\ttitle\n1,2;x"), b'\t');
    }

    #[test]
    fn there_are_36_columns_in_export_order() {
        let all = columns();
        assert_eq!(all.len(), 12 + 6 * 4);
        assert_eq!(all[12], "offer1_text");
        assert_eq!(all.last().map(String::as_str), Some("offer6_feedback"));
    }
}
