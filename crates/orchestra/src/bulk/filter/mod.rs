//! The readable filter syntax of `orchestra bulk`, translated to Notion's filter JSON.
//!
//! ```text
//! Status = Active and Progress < 50
//! ("Due Date" before today or `Due Date` is empty) and Tags contains Rust
//! Name starts with "Project 00" and Done = false
//! ```
//!
//! Operators: `=`, `!=`, `<`, `<=`, `>`, `>=`, `contains`, `does not contain`, `starts with`,
//! `ends with`, `is empty`, `is not empty`, and for dates `before`, `after`, `on`,
//! `on or before`, `on or after` (ISO dates or date-times, `today`, `tomorrow`, `yesterday`).
//! `and` binds tighter than `or`; parentheses group, at most two levels deep (Notion's limit).
//! Property names and values with spaces are quoted (`"Due Date"`, `` `Due Date` ``,
//! `"In Progress"`); unquoted words are joined, so `Status = In Progress` works too.

mod error;
mod lex;
mod parse;
mod translate;

#[cfg(test)]
mod tests;

use jiff::civil::Date;
use serde_json::Value;

pub use error::FilterError;
pub use parse::{Condition, Expr, Operand, Operator};

use crate::record::LiveSchema;

/// A parsed filter and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// The filter as written.
    pub text: String,
    /// The parsed form.
    pub expr: Expr,
}

impl Filter {
    /// Parses `text` (syntax only; property names are checked by [`Filter::to_notion`]).
    ///
    /// # Errors
    /// [`FilterError`] with the column and what was expected there.
    pub fn parse(text: &str) -> Result<Self, FilterError> {
        Ok(Self {
            text: text.to_owned(),
            expr: parse::parse(text)?,
        })
    }

    /// Notion's filter JSON for the data source whose schema is `live`; `today` resolves
    /// relative dates.
    ///
    /// # Errors
    /// [`FilterError`] for an unknown property (with a suggestion), an operator the
    /// property's type does not have, or a value of the wrong kind.
    pub fn to_notion(&self, live: &LiveSchema, today: Date) -> Result<Value, FilterError> {
        translate::translate(&self.text, &self.expr, live, today)
    }

    /// The property names the filter uses, in order, without repeats.
    pub fn properties(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for c in self.expr.conditions() {
            if !names.contains(&c.property) {
                names.push(c.property.clone());
            }
        }
        names
    }
}

/// Filters shallower than this can be wrapped in the full scan's `and` window.
pub(crate) const MAX_DEPTH_FOR_SCAN: usize = 2;
