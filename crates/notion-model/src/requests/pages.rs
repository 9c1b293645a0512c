//! `POST /v1/pages`, `PATCH /v1/pages/{id}`, `POST /v1/pages/{id}/move`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::block::NewBlock;
use crate::common::Extra;
use crate::file::{FileObject, Icon};
use crate::parent::Parent;
use crate::requests::properties::Properties;
use crate::serde_util::present;

/// Body of `POST /v1/pages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatePageRequest {
    /// Where to create the page.
    pub parent: Parent,
    /// Property values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Properties>,
    /// Initial content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Initial content as enhanced Markdown (exclusive with `children`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
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
    /// Template to apply (`{type: none|default|template_id, ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreatePageRequest {
    /// A page under `parent` with these properties.
    pub fn new(parent: Parent, properties: Properties) -> Self {
        Self {
            parent,
            properties: Some(properties),
            children: None,
            markdown: None,
            icon: None,
            cover: None,
            template: None,
            extra: Extra::new(),
        }
    }

    /// Adds initial content.
    pub fn children(mut self, children: Vec<NewBlock>) -> Self {
        self.children = Some(children);
        self
    }

    /// Sets the icon.
    pub fn icon(mut self, icon: Icon) -> Self {
        self.icon = Some(Some(icon));
        self
    }
}

/// Body of `PATCH /v1/pages/{id}`.
///
/// ```
/// use notion_model::requests::{Properties, UpdatePageRequest};
///
/// // "Update Project Status": set the Status select and the Progress number.
/// let body = UpdatePageRequest::properties(
///     Properties::new().select("Status", "Active").number("Progress", 25),
/// );
/// assert_eq!(
///     serde_json::to_value(&body)?,
///     serde_json::json!({"properties": {
///         "Progress": {"type": "number", "number": 25},
///         "Status": {"type": "select", "select": {"name": "Active"}}
///     }}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdatePageRequest {
    /// Property values to change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Properties>,
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
    /// Trash (`true`) or restore (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash` (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Lock or unlock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_locked: Option<bool>,
    /// Template to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Value>,
    /// Erase existing content when applying a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erase_content: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdatePageRequest {
    /// An update of property values only.
    pub fn properties(properties: Properties) -> Self {
        Self {
            properties: Some(properties),
            ..Self::default()
        }
    }

    /// Moves the page to the trash (`in_trash: true`).
    pub fn trash() -> Self {
        Self {
            in_trash: Some(true),
            ..Self::default()
        }
    }
}

/// Body of `POST /v1/pages/{id}/move`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MovePageRequest {
    /// The new parent (page or data source).
    pub parent: Parent,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MovePageRequest {
    /// Move under `parent`.
    pub fn new(parent: Parent) -> Self {
        Self {
            parent,
            extra: Extra::new(),
        }
    }
}
