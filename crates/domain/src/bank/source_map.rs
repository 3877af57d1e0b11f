//! Where fields sit in a RON scenario file, so that rule violations found after parsing can
//! still be reported with a line and column.
//!
//! RON does not keep spans for values, so this is a small scanner over the text that knows
//! strings, comments and brackets, and records field names and list items by nesting depth.

use std::collections::HashMap;

use crate::bank::problem::Position;

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

/// Field and item positions of one RON file, by path: `title`, `cues[1]`, `offers[0].feedback`,
/// `steps[2].replies[0].next`.
#[derive(Debug, Default)]
pub struct SourceMap {
    paths: HashMap<String, Position>,
}

impl SourceMap {
    /// Scans `text`. Never fails: unknown shapes just leave positions out.
    pub fn new(text: &str) -> Self {
        Scanner::new(text).run()
    }

    /// The best known position for `locus`, falling back to the enclosing item or field.
    pub fn position(&self, locus: &Locus<'_>) -> Option<Position> {
        self.position_at(&locus.path())
    }

    /// The position of a field or item by its path (`steps[2].replies[0].next`), falling back
    /// to the nearest enclosing item or field that is written in the file.
    pub fn position_at(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(p) = self.paths.get(path) {
                return Some(*p);
            }
            let cut = if path.ends_with(']') {
                path.rfind('[')?
            } else {
                path.rfind('.')?
            };
            path = &path[..cut];
        }
    }
}

/// One open bracket: the path of the value it belongs to, and for lists the next item's index.
struct Frame {
    prefix: String,
    list: bool,
    items: usize,
    expecting_item: bool,
    /// The path of the field or item whose value comes next, for a bracket that opens it.
    pending: Option<String>,
}

struct Scanner<'t> {
    chars: std::iter::Peekable<std::str::Chars<'t>>,
    line: usize,
    column: usize,
    stack: Vec<Frame>,
    map: SourceMap,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            chars: text.chars().peekable(),
            line: 1,
            column: 1,
            stack: Vec::new(),
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
            if let Some(frame) = self.stack.last_mut()
                && frame.list
                && frame.expecting_item
                && !matches!(c, ']' | ')' | '}' | ',')
            {
                frame.expecting_item = false;
                let path = format!("{}[{}]", frame.prefix, frame.items);
                frame.items += 1;
                self.map.paths.entry(path.clone()).or_insert(start);
                frame.pending = Some(path);
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
                    let prefix = match self.stack.last_mut() {
                        Some(frame) => frame.pending.take().unwrap_or_else(|| frame.prefix.clone()),
                        None => String::new(),
                    };
                    self.stack.push(Frame {
                        prefix,
                        list: c == '[',
                        items: 0,
                        expecting_item: c == '[',
                        pending: None,
                    });
                }
                ')' | ']' | '}' => {
                    self.bump();
                    self.stack.pop();
                }
                ',' => {
                    self.bump();
                    if let Some(frame) = self.stack.last_mut() {
                        frame.pending = None;
                        frame.expecting_item = frame.list;
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

    /// Records `ident` as a field name when a `:` follows it inside a struct.
    fn field_name(&mut self, ident: String, start: Position) {
        while matches!(self.chars.peek(), Some(c) if *c == ' ' || *c == '\t') {
            self.bump();
        }
        if self.chars.peek() != Some(&':') {
            return;
        }
        let Some(frame) = self.stack.last_mut().filter(|f| !f.list) else {
            return;
        };
        let path = if frame.prefix.is_empty() {
            ident
        } else {
            format!("{}.{ident}", frame.prefix)
        };
        self.map.paths.entry(path.clone()).or_insert(start);
        frame.pending = Some(path);
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
