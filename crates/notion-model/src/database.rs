//! The database object: a container of data sources (2025-09-03+), or a schema-bearing table
//! (2022-06-28).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp};
use crate::file::{FileObject, Icon};
use crate::ids::{DataSourceId, DatabaseId};
use crate::parent::Parent;
use crate::property::PropertySchema;
use crate::rich_text::RichText;
use crate::user::User;

/// A database (`object: "database"`).
///
/// 2025-09-03+ responses list `data_sources`; 2022-06-28 responses carry `properties` instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Database {
    /// `"database"`.
    pub object: String,
    /// Database id.
    pub id: DatabaseId,
    /// Title.
    pub title: Vec<RichText>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Vec<RichText>>,
    /// Where the database lives.
    pub parent: Parent,
    /// Whether it is inline in its parent page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_inline: Option<bool>,
    /// Whether it is in the trash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash` (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Whether it is locked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_locked: Option<bool>,
    /// Creation time.
    pub created_time: Timestamp,
    /// Last edit time.
    pub last_edited_time: Timestamp,
    /// Creator (2022-06-28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<User>,
    /// Last editor (2022-06-28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edited_by: Option<User>,
    /// The data sources (2025-09-03+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sources: Option<Vec<DataSourceRef>>,
    /// The schema (2022-06-28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BTreeMap<String, PropertySchema>>,
    /// Icon (`null` when none).
    pub icon: Option<Icon>,
    /// Cover (`null` when none).
    pub cover: Option<FileObject>,
    /// Notion URL.
    pub url: String,
    /// Public URL (`null` unless published).
    pub public_url: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{id, name}` of a data source inside a database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DataSourceRef {
    /// Data source id.
    pub id: DataSourceId,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DataSourceRef {
    /// `{id, name}`.
    pub fn new(id: DataSourceId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: Some(name.into()),
            extra: Extra::new(),
        }
    }
}
