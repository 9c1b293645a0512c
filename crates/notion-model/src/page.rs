//! The page object.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp};
use crate::file::{FileObject, Icon};
use crate::ids::PageId;
use crate::parent::Parent;
use crate::property::PropertyValue;
use crate::user::User;

/// A page (`object: "page"`).
///
/// `archived` is only sent up to 2025-09-03; under 2026-03-11 it is absent and stays absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Page {
    /// `"page"`.
    pub object: String,
    /// Page id.
    pub id: PageId,
    /// Creation time.
    pub created_time: Timestamp,
    /// Last edit time.
    pub last_edited_time: Timestamp,
    /// Creator (partial user).
    pub created_by: User,
    /// Last editor (partial user).
    pub last_edited_by: User,
    /// Cover image (`null` when none).
    pub cover: Option<FileObject>,
    /// Icon (`null` when none).
    pub icon: Option<Icon>,
    /// Where the page lives.
    pub parent: Parent,
    /// Deprecated alias of `in_trash` (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Whether the page is in the trash.
    pub in_trash: bool,
    /// Page archive flag (2026 material; distinct from `in_trash`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_archived: Option<bool>,
    /// Whether the page is locked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_locked: Option<bool>,
    /// Property values by name.
    pub properties: BTreeMap<String, PropertyValue>,
    /// Notion URL.
    pub url: String,
    /// Public URL (`null` unless published).
    pub public_url: Option<String>,
    /// Keys this crate does not model (e.g. `request_id`).
    #[serde(flatten)]
    pub extra: Extra,
}

impl Page {
    /// The property called `name`.
    pub fn property(&self, name: &str) -> Option<&PropertyValue> {
        self.properties.get(name)
    }

    /// The plain text of the title property, whatever it is called.
    pub fn title(&self) -> Option<String> {
        self.properties.values().find_map(|p| match &p.value {
            crate::property::PropertyValueContent::Title(t) => {
                Some(crate::rich_text::plain_text(t))
            }
            _ => None,
        })
    }
}
