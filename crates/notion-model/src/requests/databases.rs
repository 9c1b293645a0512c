//! `POST /v1/databases`, `PATCH /v1/databases/{id}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::common::Extra;
use crate::file::{FileObject, Icon};
use crate::parent::Parent;
use crate::property::PropertySchema;
use crate::rich_text::RichText;
use crate::serde_util::present;

/// Body of `POST /v1/databases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateDatabaseRequest {
    /// The parent page (or workspace).
    pub parent: Parent,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<RichText>>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Vec<RichText>>,
    /// Inline in the parent page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_inline: Option<bool>,
    /// The first data source's schema (2025-09-03+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_data_source: Option<InitialDataSource>,
    /// The schema (2022-06-28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BTreeMap<String, PropertySchema>>,
    /// Icon.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub icon: Option<Option<Icon>>,
    /// Cover.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub cover: Option<Option<FileObject>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `initial_data_source: {properties}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InitialDataSource {
    /// Schema by property name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BTreeMap<String, PropertySchema>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateDatabaseRequest {
    /// A database under `parent` whose first data source has `properties`.
    pub fn new(
        parent: Parent,
        title: impl Into<String>,
        properties: BTreeMap<String, PropertySchema>,
    ) -> Self {
        Self {
            parent,
            title: Some(vec![RichText::text(title)]),
            description: None,
            is_inline: None,
            initial_data_source: Some(InitialDataSource {
                properties: Some(properties),
                extra: Extra::new(),
            }),
            properties: None,
            icon: None,
            cover: None,
            extra: Extra::new(),
        }
    }
}

/// Body of `PATCH /v1/databases/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateDatabaseRequest {
    /// New parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Parent>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<RichText>>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Vec<RichText>>,
    /// Inline flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_inline: Option<bool>,
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
    /// Trash or restore.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Lock or unlock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_locked: Option<bool>,
    /// Schema changes (2022-06-28): `null` deletes, `{"name":..}` renames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<BTreeMap<String, Option<PropertySchema>>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
