//! Search results and other mixed lists: a page, a data source or a database.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::data_source::DataSource;
use crate::database::Database;
use crate::page::Page;

/// One search (or data-source query) result, chosen by its `object` key.
///
/// Objects of another kind, or partial objects that do not decode, are kept raw.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SearchResult {
    /// A page.
    Page(Box<Page>),
    /// A data source (2025-09-03+).
    DataSource(Box<DataSource>),
    /// A database (2022-06-28).
    Database(Box<Database>),
    /// Anything else, verbatim.
    Other(Value),
}

impl SearchResult {
    /// The page, if this result is one.
    pub fn as_page(&self) -> Option<&Page> {
        match self {
            Self::Page(p) => Some(p),
            _ => None,
        }
    }

    /// The data source, if this result is one.
    pub fn as_data_source(&self) -> Option<&DataSource> {
        match self {
            Self::DataSource(d) => Some(d),
            _ => None,
        }
    }
}

impl Serialize for SearchResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Page(p) => p.serialize(serializer),
            Self::DataSource(d) => d.serialize(serializer),
            Self::Database(d) => d.serialize(serializer),
            Self::Other(v) => v.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for SearchResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let object = value
            .get("object")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // A typed decode that fails (e.g. a partial object) falls back to the raw value.
        let typed = match object {
            "page" => Page::deserialize(&value)
                .ok()
                .map(|p| Self::Page(Box::new(p))),
            "data_source" => DataSource::deserialize(&value)
                .ok()
                .map(|d| Self::DataSource(Box::new(d))),
            "database" => Database::deserialize(&value)
                .ok()
                .map(|d| Self::Database(Box::new(d))),
            _ => None,
        };
        Ok(typed.unwrap_or(Self::Other(value)))
    }
}
