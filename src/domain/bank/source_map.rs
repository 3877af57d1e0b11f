//! Where fields sit in a RON scenario file, so that rule violations found after parsing can
//! still be reported with a line and column.
//!
//! RON does not keep spans for values, so this is a small scanner over the text that knows
//! strings, comments and brackets, and records field names and list items by nesting depth.

use std::collections::HashMap;

use crate::domain::bank::problem::Position;

/// What a problem is about, from the most to the least specific.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Locus<'a> {
    /// A top-level field of the scenario, such as `difficulty`.
    Field(&'a str),
    /// Item `index` (0-based) of a top-level list field, such as the second cue.
    Item(&'a str, usize),
    /// A field of offer `index` (0-based), such as its `feedback`.
    OfferField(usize, &'a str),
}

impl Locus<'_> {
    /// The field's path as written in problems: `title`, `cues[1]`, `offers[0].feedback`.
    pub fn path(&self) -> String {
        match *self {
            Locus::Field(name) => name.to_owned(),
            Locus::Item(field, index) => format!("{field}[{index}]"),
            Locus::OfferField(index, name) => format!("offers[{index}].{name}"),
        }
    }
}

/// Field and item positions of one scenario file.
#[derive(Debug, Default)]
pub struct SourceMap {
    fields: HashMap<String, Position>,
    items: HashMap<String, Vec<Position>>,
    offer_fields: Vec<HashMap<String, Position>>,
}

impl SourceMap {
    /// Scans `text`. Never fails: unknown shapes just leave positions out.
    pub fn new(text: &str) -> Self {
        Scanner::new(text).run()
    }

    /// The best known position for `locus`, falling back to the enclosing item or field.
    pub fn position(&self, locus: &Locus<'_>) -> Option<Position> {
        match *locus {
            Locus::Field(name) => self.fields.get(name).copied(),
            Locus::Item(field, index) => self
                .items
                .get(field)
                .and_then(|items| items.get(index))
                .copied()
                .or_else(|| self.position(&Locus::Field(field))),
            Locus::OfferField(index, name) => self
                .offer_fields
                .get(index)
                .and_then(|fields| fields.get(name))
                .copied()
                .or_else(|| self.position(&Locus::Item("offers", index))),
        }
    }
}

struct Scanner<'t> {
    chars: std::iter::Peekable<std::str::Chars<'t>>,
    line: usize,
    column: usize,
    depth: usize,
    top_field: Option<String>,
    expecting_item: bool,
    map: SourceMap,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            chars: text.chars().peekable(),
            line: 1,
            column: 1,
            depth: 0,
            top_field: None,
            expecting_item: false,
            map: SourceMap::default(),
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn here(&self) -> Position {
        Position::new(self.line, self.column)
    }

    fn run(mut self) -> SourceMap {
        while let Some(&c) = self.chars.peek() {
            let start = self.here();
            if c.is_whitespace() {
                self.bump();
                continue;
            }
            if c == '/' {
                self.bump();
                self.skip_comment();
                continue;
            }
            if self.expecting_item && self.depth == 2 && !matches!(c, ']' | ')' | ',') {
                self.expecting_item = false;
                if let Some(field) = &self.top_field {
                    self.map.items.entry(field.clone()).or_default().push(start);
                }
            }
            match c {
                '"' => {
                    self.bump();
                    self.skip_string(false, 0);
                }
                'r' => {
                    let ident = self.identifier();
                    if ident == "r" && matches!(self.chars.peek(), Some('"' | '#')) {
                        self.skip_raw_string();
                    } else {
                        self.field_name(ident, start);
                    }
                }
                '(' | '[' | '{' => {
                    self.bump();
                    self.depth += 1;
                    if self.depth == 2 {
                        self.expecting_item = true;
                    }
                }
                ')' | ']' | '}' => {
                    self.bump();
                    self.depth = self.depth.saturating_sub(1);
                }
                ',' => {
                    self.bump();
                    if self.depth == 2 {
                        self.expecting_item = true;
                    }
                }
                c if c.is_alphabetic() || c == '_' => {
                    let ident = self.identifier();
                    self.field_name(ident, start);
                }
                _ => {
                    self.bump();
                }
            }
        }
        self.map
    }

    fn identifier(&mut self) -> String {
        let mut ident = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_alphanumeric() || c == '_' {
                ident.push(c);
                self.bump();
            } else {
                break;
            }
        }
        ident
    }

    /// Records `ident` as a field name when a `:` follows it.
    fn field_name(&mut self, ident: String, start: Position) {
        while matches!(self.chars.peek(), Some(c) if *c == ' ' || *c == '\t') {
            self.bump();
        }
        if self.chars.peek() != Some(&':') {
            return;
        }
        match self.depth {
            1 => {
                self.map.fields.entry(ident.clone()).or_insert(start);
                self.top_field = Some(ident);
            }
            3 if self.top_field.as_deref() == Some("offers") => {
                let offer = self
                    .map
                    .items
                    .get("offers")
                    .map_or(0, |items| items.len().saturating_sub(1));
                if self.map.offer_fields.len() <= offer {
                    self.map.offer_fields.resize_with(offer + 1, HashMap::new);
                }
                self.map.offer_fields[offer].entry(ident).or_insert(start);
            }
            _ => {}
        }
    }

    fn skip_comment(&mut self) {
        match self.chars.peek() {
            Some('/') => {
                while let Some(c) = self.bump() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            Some('*') => {
                self.bump();
                let mut nesting = 1usize;
                let mut prev = '\0';
                while let Some(c) = self.bump() {
                    match (prev, c) {
                        ('/', '*') => {
                            nesting += 1;
                            prev = '\0';
                            continue;
                        }
                        ('*', '/') => {
                            nesting -= 1;
                            if nesting == 0 {
                                break;
                            }
                            prev = '\0';
                            continue;
                        }
                        _ => {}
                    }
                    prev = c;
                }
            }
            _ => {}
        }
    }

    /// Skips to the end of a string whose opening quote was consumed. Raw strings
    /// (`r#"..."#`) have no escapes and end at a quote followed by `hashes` hashes.
    fn skip_string(&mut self, raw: bool, hashes: usize) {
        while let Some(c) = self.bump() {
            match c {
                '\\' if !raw => {
                    self.bump();
                }
                '"' => {
                    let mut closing = 0;
                    while closing < hashes && self.chars.peek() == Some(&'#') {
                        self.bump();
                        closing += 1;
                    }
                    if closing == hashes {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self) {
        let mut hashes = 0;
        while self.chars.peek() == Some(&'#') {
            self.bump();
            hashes += 1;
        }
        if self.chars.peek() == Some(&'"') {
            self.bump();
            self.skip_string(true, hashes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// comment with id: inside
Scenario(
    id: "x", /* block: (nested /* yes */) */
    title: "has: colon and ( paren",
    cues: ["one", "two"],
    offers: [
        Offer(text: "a", kind: Mersalg, fit: Best, feedback: "f"),
        Offer(
            text: "b",
            feedback: "g",
        ),
    ],
    difficulty: 2,
)
"#;

    #[test]
    fn finds_top_level_fields() {
        let map = SourceMap::new(TEXT);
        assert_eq!(map.position(&Locus::Field("id")), Some(Position::new(3, 5)));
        assert_eq!(
            map.position(&Locus::Field("difficulty")),
            Some(Position::new(13, 5))
        );
        assert_eq!(map.position(&Locus::Field("nope")), None);
    }

    #[test]
    fn finds_list_items_and_offer_fields() {
        let map = SourceMap::new(TEXT);
        assert_eq!(
            map.position(&Locus::Item("cues", 1)),
            Some(Position::new(5, 19))
        );
        assert_eq!(
            map.position(&Locus::OfferField(0, "fit")),
            Some(Position::new(7, 41))
        );
        assert_eq!(
            map.position(&Locus::OfferField(1, "feedback")),
            Some(Position::new(10, 13))
        );
        // An offer field that is not written falls back to the offer itself.
        assert_eq!(
            map.position(&Locus::OfferField(1, "kind")),
            Some(Position::new(8, 9))
        );
    }
}
