//! A problem found in a content file, reported as `PATH:LINE:COL: error: MESSAGE`.

use std::fmt;
use std::path::PathBuf;

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
    /// What is wrong and what to do about it.
    pub message: String,
    /// The field it concerns, as `title`, `cues[1]` or `offers[0].feedback`, so an editor can
    /// show it beside that field.
    pub field: Option<String>,
}

impl Problem {
    /// An error at an optional position.
    pub fn error(
        path: impl Into<PathBuf>,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            position,
            severity: Severity::Error,
            message: message.into(),
            field: None,
        }
    }

    /// The same problem, tied to a field.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// A warning at an optional position.
    pub fn warning(
        path: impl Into<PathBuf>,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Self {
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
        match self.position {
            Some(p) => format!("{}:{}:{}", self.path.display(), p.line, p.column),
            None => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity.as_str(),
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_follows_compiler_convention() {
        let p = Problem::error("a/b.ron", Some(Position::new(3, 7)), "bad");
        assert_eq!(p.to_string(), "a/b.ron:3:7: error: bad");
        let w = Problem::warning("a/b.ron", None, "odd");
        assert_eq!(w.to_string(), "a/b.ron: warning: odd");
    }
}
