//! A problem found in a content file, reported as `PATH:LINE:COL: error: MESSAGE`.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::Message;
use crate::language::Language;

/// A 1-based line and column (in characters) in a text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line, counting from 1.
    pub line: usize,
    /// Column in characters, counting from 1.
    pub column: usize,
}

impl Position {
    /// A position from 1-based line and column.
    pub fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }
}

/// Whether a problem keeps the file out of the bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file is not loaded until this is fixed.
    Error,
    /// The file loads, but something is probably not what the author meant.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as in compiler output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one file, in words an instructor can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user named it (relative to where they pointed the app).
    pub path: PathBuf,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to do about it, in either language. Boxed: a message is larger
    /// than the rest of the problem, which is passed around by value.
    pub message: Box<Message>,
    /// The field it concerns, as `title`, `cues[1]` or `offers[0].feedback`, so an editor can
    /// show it beside that field.
    pub field: Option<String>,
}

impl Problem {
    /// An error at an optional position.
    pub fn error(path: impl Into<PathBuf>, position: Option<Position>, message: Message) -> Self {
        Self {
            path: path.into(),
            position,
            severity: Severity::Error,
            message: Box::new(message),
            field: None,
        }
    }

    /// The same problem, tied to a field.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// A warning at an optional position.
    pub fn warning(path: impl Into<PathBuf>, position: Option<Position>, message: Message) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, position, message)
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `PATH:LINE:COL` or `PATH` alone when there is no position.
    pub fn location(&self) -> String {
        let path = display_path(&self.path);
        match self.position {
            Some(p) => format!("{path}:{}:{}", p.line, p.column),
            None => path,
        }
    }

    /// `PATH:LINE:COL: error: MESSAGE` with the message in `lang`. The prefix is the same in
    /// every language, so tools can parse it.
    pub fn line(&self, lang: Language) -> String {
        format!(
            "{}: {}: {}",
            self.location(),
            self.severity.as_str(),
            self.message.text(lang)
        )
    }
}

/// A path as printed in messages, with the characters that change how a terminal or a log
/// shows the text around them (bidirectional controls such as U+202E, which can make
/// `abc<U+202E>fdp.ron` look like `abcnor.pdf`) escaped as `\u{202e}`, the way ids are.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    if !text.chars().any(is_bidi_control) {
        return text;
    }
    text.chars()
        .map(|c| {
            if is_bidi_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The Unicode bidirectional formatting characters.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The problem's [`line`](Problem::line) in English, for logs and tests.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Language::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_follows_compiler_convention() {
        let p = Problem::error(
            "a/b.ron",
            Some(Position::new(3, 7)),
            Message::NoBestOffer {
                what: Box::new(Message::TheScenario {}),
            },
        );
        assert_eq!(
            p.to_string(),
            "a/b.ron:3:7: error: no offer is marked `fit: Best`: mark the one offer the scenario is built around"
        );
        let w = Problem::warning("a/b.ron", None, Message::SymlinkNotFollowed {});
        assert_eq!(
            w.line(Language::Nb),
            "a/b.ron: warning: symbolsk lenke ikke fulgt: kopier filen inn i scenariomappen i stedet"
        );
    }
}
