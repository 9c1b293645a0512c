//! `POST /v1/comments`, `PATCH /v1/comments/{id}`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::common::Extra;
use crate::parent::Parent;
use crate::rich_text::RichText;

/// Body of `POST /v1/comments`: a new discussion on `parent`, or a reply in `discussion_id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateCommentRequest {
    /// Page or block to comment on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Parent>,
    /// Thread to reply in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discussion_id: Option<String>,
    /// Content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Content as Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// Attachments (`[{file_upload_id, type?}]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Value>>,
    /// Display name override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateCommentRequest {
    /// A plain-text comment on `parent`.
    pub fn on(parent: Parent, text: impl Into<String>) -> Self {
        Self {
            parent: Some(parent),
            rich_text: Some(vec![RichText::text(text)]),
            ..Self::default()
        }
    }
}

/// Body of `PATCH /v1/comments/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateCommentRequest {
    /// New content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// New content as Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
