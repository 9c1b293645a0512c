//! `POST /v1/data_sources`, `PATCH /v1/data_sources/{id}`, `POST /v1/data_sources/{id}/query`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::common::Extra;
use crate::file::{FileObject, Icon};
use crate::filter::{Filter, Sort};
use crate::parent::Parent;
use crate::property::PropertySchema;
use crate::rich_text::RichText;
use crate::serde_util::present;

/// Body of `POST /v1/data_sources` (adds a data source to a database).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateDataSourceRequest {
    /// `{"type":"database_id","database_id":...}`.
    pub parent: Parent,
    /// Schema by property name.
    #[serde(default)]
    pub properties: BTreeMap<String, PropertySchema>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<RichText>>,
    /// Icon.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub icon: Option<Option<Icon>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `PATCH /v1/data_sources/{id}`.
///
/// In `properties`, `None` (JSON `null`) deletes a property and
/// [`PropertySchema::rename`] renames one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateDataSourceRequest {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<RichText>>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Vec<RichText>>,
    /// Icon (`null` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub icon: Option<Option<Icon>>,
    /// Cover (`null` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub cover: Option<Option<FileObject>>,
    /// Schema changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BTreeMap<String, Option<PropertySchema>>>,
    /// Trash or restore.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Move to another database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Parent>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdateDataSourceRequest {
    /// Adds or changes a property.
    pub fn set_property(mut self, name: impl Into<String>, schema: PropertySchema) -> Self {
        self.properties
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), Some(schema));
        self
    }

    /// Deletes a property (`"name": null`).
    pub fn delete_property(mut self, name: impl Into<String>) -> Self {
        self.properties
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), None);
        self
    }

    /// Renames a property.
    pub fn rename_property(self, name: impl Into<String>, new_name: impl Into<String>) -> Self {
        self.set_property(name, PropertySchema::rename(new_name))
    }
}

/// Body of `POST /v1/data_sources/{id}/query`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QueryDataSourceRequest {
    /// Row filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    /// Sort order (earlier entries win).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sorts: Option<Vec<Sort>>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_cursor: Option<String>,
    /// Page size (≤ 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// Include trashed rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// `page` or `data_source` (2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_type: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl QueryDataSourceRequest {
    /// An unfiltered query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the filter.
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = Some(filter);
        self
    }

    /// Adds a sort.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sorts.get_or_insert_with(Vec::new).push(sort);
        self
    }

    /// Sets the page size.
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Continues after `cursor`.
    pub fn start_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.start_cursor = Some(cursor.into());
        self
    }
}
