//! The paginated list envelope.

use serde::{Deserialize, Serialize};

use crate::common::Extra;

/// `{object:"list", results, next_cursor, has_more, type, <type>:{}, request_status?}`.
///
/// The `<type>: {}` key lives in `extra` (see [`ListResponse::new`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListResponse<T> {
    /// `"list"`.
    pub object: String,
    /// This page of results.
    pub results: Vec<T>,
    /// Cursor of the next page (`null` at the end).
    pub next_cursor: Option<String>,
    /// Whether more pages exist.
    pub has_more: bool,
    /// What the results are (`block`, `page_or_data_source`, `user`, ...).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Present when a large query stopped early.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_status: Option<RequestStatus>,
    /// Keys this crate does not model (`<type>: {}`, `request_id`, ...).
    #[serde(flatten)]
    pub extra: Extra,
}

impl<T> ListResponse<T> {
    /// A list of `type_name` results, with the `<type_name>: {}` key Notion adds.
    pub fn new(
        type_name: impl Into<String>,
        results: Vec<T>,
        next_cursor: Option<String>,
        has_more: bool,
    ) -> Self {
        let type_name = type_name.into();
        let mut extra = Extra::new();
        extra.insert(
            type_name.clone(),
            serde_json::Value::Object(serde_json::Map::new()),
        );
        Self {
            object: "list".to_owned(),
            results,
            next_cursor,
            has_more,
            type_name: Some(type_name),
            request_status: None,
            extra,
        }
    }
}

/// `request_status: {type: complete|incomplete, incomplete_reason?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestStatus {
    /// `complete` or `incomplete`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// Why it stopped (`query_result_limit_reached`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete_reason: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl RequestStatus {
    /// The row budget of one query ran out.
    pub fn query_result_limit_reached() -> Self {
        Self {
            type_name: "incomplete".to_owned(),
            incomplete_reason: Some("query_result_limit_reached".to_owned()),
            extra: Extra::new(),
        }
    }

    /// Whether the result set is incomplete.
    pub fn is_incomplete(&self) -> bool {
        self.type_name == "incomplete"
    }
}
