//! The data source object (2025-09-03+): schema plus rows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp};
use crate::file::{FileObject, Icon};
use crate::ids::DataSourceId;
use crate::parent::Parent;
use crate::property::PropertySchema;
use crate::rich_text::RichText;
use crate::user::User;

/// A data source (`object: "data_source"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DataSource {
    /// `"data_source"`.
    pub object: String,
    /// Data source id.
    pub id: DataSourceId,
    /// Creation time.
    pub created_time: Timestamp,
    /// Last edit time.
    pub last_edited_time: Timestamp,
    /// Creator.
    pub created_by: User,
    /// Last editor.
    pub last_edited_by: User,
    /// Title.
    pub title: Vec<RichText>,
    /// Description.
    pub description: Vec<RichText>,
    /// Whether the database is inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_inline: Option<bool>,
    /// The schema, by property name.
    pub properties: BTreeMap<String, PropertySchema>,
    /// The database (or, for synced sources, the source data source).
    pub parent: Parent,
    /// The database's own parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_parent: Option<Parent>,
    /// Icon (`null` when none).
    pub icon: Option<Icon>,
    /// Cover (`null` when none).
    pub cover: Option<FileObject>,
    /// Notion URL.
    pub url: String,
    /// Public URL (`null` unless published).
    pub public_url: Option<String>,
    /// Whether it is in the trash.
    pub in_trash: bool,
    /// Deprecated alias of `in_trash` (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DataSource {
    /// The name of the title property.
    pub fn title_property(&self) -> Option<&str> {
        self.properties
            .iter()
            .find(|(_, s)| matches!(s.config, crate::property::PropertyConfig::Title(_)))
            .map(|(name, _)| name.as_str())
    }
}
