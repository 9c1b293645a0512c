//! Data-source page templates (`GET /v1/data_sources/{id}/templates`).

use serde::{Deserialize, Serialize};

use crate::common::Extra;

/// `{templates: [...], has_more, next_cursor}` (no `object` key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateList {
    /// The templates.
    pub templates: Vec<Template>,
    /// Whether more pages exist.
    pub has_more: bool,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One template `{id, name, is_default}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Template {
    /// Template page id.
    pub id: String,
    /// Template name.
    pub name: String,
    /// Whether new pages use it by default.
    pub is_default: bool,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
