//! `PATCH /v1/pages/{id}/markdown`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::common::Extra;
use crate::serde_util::payload_enum;

/// Body of `PATCH /v1/pages/{id}/markdown`: `{type, <type>: {...}, allow_async?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdatePageMarkdownRequest {
    /// The operation name.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The operation.
    #[serde(flatten)]
    pub operation: MarkdownOperation,
    /// Answer 202 with an async task instead of waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_async: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdatePageMarkdownRequest {
    /// A request running `operation`.
    pub fn new(operation: MarkdownOperation) -> Self {
        Self {
            type_name: operation.type_name().map(str::to_owned),
            operation,
            allow_async: None,
            extra: Extra::new(),
        }
    }

    /// Replace the whole page content.
    pub fn replace(markdown: impl Into<String>) -> Self {
        Self::new(MarkdownOperation::ReplaceContent(ReplaceContent {
            new_str: markdown.into(),
            allow_deleting_content: None,
            extra: Extra::new(),
        }))
    }

    /// Append content at the end (deprecated `insert_content`).
    pub fn append(markdown: impl Into<String>) -> Self {
        Self::new(MarkdownOperation::InsertContent(InsertContent {
            content: markdown.into(),
            after: None,
            position: None,
            extra: Extra::new(),
        }))
    }
}

payload_enum! {
    /// Markdown edit operations.
    pub enum MarkdownOperation {
        /// Replace everything.
        ReplaceContent(ReplaceContent) = "replace_content",
        /// Search-and-replace edits.
        UpdateContent(UpdateContent) = "update_content",
        /// Insert content (deprecated).
        InsertContent(InsertContent) = "insert_content",
        /// Replace a range (deprecated).
        ReplaceContentRange(ReplaceContentRange) = "replace_content_range",
    }
}

/// `replace_content: {new_str, allow_deleting_content?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReplaceContent {
    /// The new Markdown.
    pub new_str: String,
    /// Allow deleting child pages / databases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_deleting_content: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `update_content: {content_updates, allow_deleting_content?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateContent {
    /// Edits (≤ 100).
    pub content_updates: Vec<ContentUpdate>,
    /// Allow deleting child pages / databases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_deleting_content: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One edit `{old_str, new_str, replace_all_matches?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentUpdate {
    /// Text to find (must match once unless `replace_all_matches`).
    pub old_str: String,
    /// Replacement.
    pub new_str: String,
    /// Replace every match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_all_matches: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `insert_content: {content, after? | position?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InsertContent {
    /// Markdown to insert.
    pub content: String,
    /// Insert after the text matching `start...end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// `{type: start|end}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `replace_content_range: {content, content_range, allow_deleting_content?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReplaceContentRange {
    /// New Markdown.
    pub content: String,
    /// `start...end` selection.
    pub content_range: String,
    /// Allow deleting child pages / databases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_deleting_content: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
