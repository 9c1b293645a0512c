//! Records: property name -> plain value, checked against the live schema before
//! anything is sent.
//!
//! A [`Record`] is what collectors, the CLI (`--set Name=value`) and the typed rows
//! ([`crate::typed`]) produce. [`Validator::validate`] turns it into Notion property
//! values or a [`RecordError`] listing every problem of that record.

mod dates;
mod live;
mod problem;
mod read;
mod suggest;
mod text;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use dates::{ParsedDate, parse_date, parse_date_range};
pub use live::{LiveProperty, LiveSchema};
pub use problem::{FieldProblem, RecordError};
pub use read::{page_record, plain_value};
pub use suggest::{did_you_mean, edit_distance};
pub use text::{MAX_TEXT_ITEM, MAX_TEXT_ITEMS, rich_text, split_text};
pub use validate::{ValidRecord, Validator};

/// A plain value: what a person or a collector writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PlainValue {
    /// Clears the property.
    Null,
    /// A checkbox.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Text, an option name, a date (`2026-05-04`, `2026-05-04T10:00:00Z`, ...), a URL, an id.
    Text(String),
    /// Multi-select options, people ids or related page ids.
    List(Vec<String>),
    /// A value already in Notion's shape, e.g. `{"select": {"name": "Active"}}`.
    Notion(Map<String, Value>),
}

impl From<&str> for PlainValue {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for PlainValue {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<f64> for PlainValue {
    fn from(n: f64) -> Self {
        Self::Number(n)
    }
}

impl From<bool> for PlainValue {
    fn from(b: bool) -> Self {
        Self::Bool(b)
    }
}

impl From<Vec<String>> for PlainValue {
    fn from(items: Vec<String>) -> Self {
        Self::List(items)
    }
}

/// One row to write: a label for messages and the values by property name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// How messages name the record (its key or title); the title value when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Values by property name (case-sensitive).
    pub values: BTreeMap<String, PlainValue>,
}

impl Record {
    /// An empty record.
    pub fn new() -> Self {
        Self::default()
    }

    /// A record named `key` in messages.
    pub fn keyed(key: impl Into<String>) -> Self {
        Self {
            key: Some(key.into()),
            values: BTreeMap::new(),
        }
    }

    /// Sets a value.
    #[must_use]
    pub fn set(mut self, name: impl Into<String>, value: impl Into<PlainValue>) -> Self {
        self.values.insert(name.into(), value.into());
        self
    }

    /// Sets a value when present.
    #[must_use]
    pub fn set_opt<V: Into<PlainValue>>(self, name: &str, value: Option<V>) -> Self {
        match value {
            Some(v) => self.set(name, v),
            None => self,
        }
    }

    /// Parses `Name=value` assignments (the CLI's `--set`); values stay text and are
    /// converted by type during validation.
    ///
    /// # Errors
    /// The assignment without `=` or with an empty name.
    pub fn from_assignments<'a>(
        assignments: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, String> {
        let mut record = Self::new();
        for assignment in assignments {
            let (name, value) = assignment
                .split_once('=')
                .ok_or_else(|| format!("--set {assignment:?}: expected Name=value"))?;
            if name.trim().is_empty() {
                return Err(format!("--set {assignment:?}: the property name is empty"));
            }
            record
                .values
                .insert(name.to_owned(), PlainValue::Text(value.to_owned()));
        }
        Ok(record)
    }

    /// A text value.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.values.get(name)? {
            PlainValue::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A number value.
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.values.get(name)? {
            PlainValue::Number(n) => Some(*n),
            PlainValue::Text(t) => t.trim().parse().ok(),
            _ => None,
        }
    }

    /// A checkbox value.
    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.values.get(name)? {
            PlainValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A list value (a single text counts as one item).
    pub fn list(&self, name: &str) -> Vec<String> {
        match self.values.get(name) {
            Some(PlainValue::List(items)) => items.clone(),
            Some(PlainValue::Text(t)) if !t.is_empty() => vec![t.clone()],
            _ => Vec::new(),
        }
    }
}
