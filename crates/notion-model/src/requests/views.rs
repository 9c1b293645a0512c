//! Views API bodies (light: nested configuration stays raw JSON).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::common::Extra;

/// Body of `POST /v1/views`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateViewRequest {
    /// The data source shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_id: Option<String>,
    /// The database holding the view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_id: Option<String>,
    /// View name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `table`, `board`, ...
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Value>,
    /// Sorts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sorts: Option<Value>,
    /// Layout configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `PATCH /v1/views/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateViewRequest {
    /// View name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Value>,
    /// Sorts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sorts: Option<Value>,
    /// Layout configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /v1/views/{id}/queries`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QueryViewRequest {
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
