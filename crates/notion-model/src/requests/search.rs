//! `POST /v1/search`.

use serde::{Deserialize, Serialize};

use crate::common::Extra;
use crate::filter::Direction;

/// Body of `POST /v1/search`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchRequest {
    /// Title substring (empty: everything shared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Object-kind filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<SearchFilter>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SearchSort>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_cursor: Option<String>,
    /// Page size (≤ 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SearchRequest {
    /// Search titles for `query`.
    pub fn query(query: impl Into<String>) -> Self {
        Self {
            query: Some(query.into()),
            ..Self::default()
        }
    }

    /// Only objects of `kind` (`page`, `data_source`; `database` in 2022-06-28).
    pub fn only(mut self, kind: impl Into<String>) -> Self {
        self.filter = Some(SearchFilter::object(kind));
        self
    }
}

/// `{"property":"object","value":"page"|"data_source"}` (+ `in_trash` in 2026).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchFilter {
    /// Always `object`.
    pub property: String,
    /// The object kind.
    pub value: String,
    /// Keys this crate does not model (e.g. `in_trash`).
    #[serde(flatten)]
    pub extra: Extra,
}

impl SearchFilter {
    /// Filter by object kind.
    pub fn object(kind: impl Into<String>) -> Self {
        Self {
            property: "object".to_owned(),
            value: kind.into(),
            extra: Extra::new(),
        }
    }
}

/// `{"timestamp":"last_edited_time","direction":...}` (or `{"property":"relevance"}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchSort {
    /// `last_edited_time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// `relevance` (2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    /// Direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SearchSort {
    /// By last edit time.
    pub fn last_edited(direction: Direction) -> Self {
        Self {
            timestamp: Some("last_edited_time".to_owned()),
            direction: Some(direction),
            ..Self::default()
        }
    }
}
