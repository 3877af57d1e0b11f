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

use ::csv::WriterBuilder;

use super::ExportError;
use crate::bank::scenario::{Fit, Scenario};
use crate::bank::validate::MAX_OFFERS;

mod read;

pub use read::{CsvProblem, CsvRow, ParsedSheet, decode_sheet, parse_bank_csv, separator_message};

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

#[cfg(test)]
mod tests {
    use super::read::sniff_delimiter;
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
