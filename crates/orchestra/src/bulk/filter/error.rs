//! Filter errors: where (column), what was found and what was expected.

use std::fmt;

/// A filter that could not be read or does not fit the database's schema.
///
/// Its `Display` shows the message, then the filter with a caret under the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    /// The filter as given.
    pub input: String,
    /// 1-based column (in characters) of the offending token.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl FilterError {
    /// An error at byte offset `at` of `input`.
    pub(crate) fn at(input: &str, at: usize, message: impl Into<String>) -> Self {
        let at = at.min(input.len());
        let column = input.get(..at).map_or(at, |prefix| prefix.chars().count()) + 1;
        Self {
            input: input.to_owned(),
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "filter, column {}: {}", self.column, self.message)?;
        writeln!(f, "  {}", self.input)?;
        write!(f, "  {}^", " ".repeat(self.column.saturating_sub(1)))
    }
}

impl std::error::Error for FilterError {}
