//! Database views and view queries (2026 Views API). Light structs: the nested
//! configuration, filter and sort objects stay raw JSON.

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use crate::common::{Extra, Timestamp};
use crate::parent::Parent;
use crate::serde_util::present;
use crate::user::User;

/// A view (`object: "view"`); list entries and delete responses are partial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct View {
    /// `"view"`.
    pub object: String,
    /// View id.
    pub id: String,
    /// The database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Parent>,
    /// The data source shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_id: Option<String>,
    /// View name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `table`, `board`, `calendar`, ...
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<Timestamp>,
    /// Creator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<User>,
    /// Last edit time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edited_time: Option<Timestamp>,
    /// Last editor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edited_by: Option<User>,
    /// Notion URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// View filter (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub filter: Option<Option<Value>>,
    /// View sorts (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub sorts: Option<Option<Value>>,
    /// Quick filters (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub quick_filters: Option<Option<Value>>,
    /// Layout configuration.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub configuration: Option<Option<Value>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A view query (`object: "view_query"`): a cached result set, or `{id, deleted}` on delete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ViewQuery {
    /// `"view_query"`.
    pub object: String,
    /// Query id.
    pub id: String,
    /// The view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_id: Option<String>,
    /// When the cached results expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
    /// Total rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<Number>,
    /// First page of results (`{object:"page", id}` references).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<Value>>,
    /// Cursor of the next page.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub next_cursor: Option<Option<String>>,
    /// Whether more pages exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
    /// Set on delete responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
