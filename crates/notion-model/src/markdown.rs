//! Page content as Markdown (`GET|PATCH /v1/pages/{id}/markdown`).

use serde::{Deserialize, Serialize};

use crate::common::Extra;

/// `{object:"page_markdown", id, markdown, truncated, unknown_block_ids}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageMarkdown {
    /// `"page_markdown"`.
    pub object: String,
    /// The page (or block subtree) id.
    pub id: String,
    /// Enhanced Markdown.
    pub markdown: String,
    /// Whether the page was too large to render fully.
    pub truncated: bool,
    /// Blocks rendered as `<unknown>` tags.
    #[serde(default)]
    pub unknown_block_ids: Vec<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PageMarkdown {
    /// A complete rendering of `id`.
    pub fn new(id: impl Into<String>, markdown: impl Into<String>) -> Self {
        Self {
            object: "page_markdown".to_owned(),
            id: id.into(),
            markdown: markdown.into(),
            truncated: false,
            unknown_block_ids: Vec::new(),
            extra: Extra::new(),
        }
    }
}
