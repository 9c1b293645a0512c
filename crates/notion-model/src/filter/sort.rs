//! Query sorts.

use serde::{Deserialize, Serialize};

use crate::common::Extra;
use crate::serde_util::open_enum;

open_enum! {
    /// Sort direction.
    pub enum Direction {
        /// `ascending`
        Ascending = "ascending",
        /// `descending`
        Descending = "descending",
    }
}

/// `{"property": name, "direction": ...}` or `{"timestamp": ..., "direction": ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sort {
    /// Property name or id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    /// `created_time` or `last_edited_time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Direction.
    pub direction: Direction,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Sort {
    /// By a property.
    pub fn property(property: impl Into<String>, direction: Direction) -> Self {
        Self {
            property: Some(property.into()),
            timestamp: None,
            direction,
            extra: Extra::new(),
        }
    }

    /// By a property, ascending.
    pub fn ascending(property: impl Into<String>) -> Self {
        Self::property(property, Direction::Ascending)
    }

    /// By a property, descending.
    pub fn descending(property: impl Into<String>) -> Self {
        Self::property(property, Direction::Descending)
    }

    /// By creation time.
    pub fn created_time(direction: Direction) -> Self {
        Self {
            property: None,
            timestamp: Some("created_time".to_owned()),
            direction,
            extra: Extra::new(),
        }
    }

    /// By last edit time.
    pub fn last_edited_time(direction: Direction) -> Self {
        Self {
            timestamp: Some("last_edited_time".to_owned()),
            ..Self::created_time(direction)
        }
    }
}
