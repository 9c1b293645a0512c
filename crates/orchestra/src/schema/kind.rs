//! The brief's property types and their Notion counterparts.

use std::fmt;

use serde::Deserialize;

/// A property type as the brief names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PropertyKind {
    /// Title -> `title`.
    Title,
    /// Text -> `rich_text`.
    Text,
    /// Select -> `select`.
    Select,
    /// Multi-select -> `multi_select`.
    MultiSelect,
    /// Person -> `people`.
    Person,
    /// Date -> `date`.
    Date,
    /// Date & Time -> `date` holding a time.
    DateTime,
    /// Number -> `number`.
    Number,
    /// Checkbox -> `checkbox`.
    Checkbox,
    /// URL -> `url`.
    Url,
    /// Relation -> `relation`.
    Relation,
}

impl PropertyKind {
    /// The Notion property type.
    pub fn notion_type(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Text => "rich_text",
            Self::Select => "select",
            Self::MultiSelect => "multi_select",
            Self::Person => "people",
            Self::Date | Self::DateTime => "date",
            Self::Number => "number",
            Self::Checkbox => "checkbox",
            Self::Url => "url",
            Self::Relation => "relation",
        }
    }

    /// True for select and multi-select.
    pub fn has_options(self) -> bool {
        matches!(self, Self::Select | Self::MultiSelect)
    }

    /// The brief's word for the type.
    pub fn brief_name(self) -> &'static str {
        match self {
            Self::Title => "Title",
            Self::Text => "Text",
            Self::Select => "Select",
            Self::MultiSelect => "Multi-select",
            Self::Person => "Person",
            Self::Date => "Date",
            Self::DateTime => "Date & Time",
            Self::Number => "Number",
            Self::Checkbox => "Checkbox",
            Self::Url => "URL",
            Self::Relation => "Relation",
        }
    }

    /// The brief's word for a Notion property type (`rich_text` -> `Text`).
    pub fn brief_name_of(notion_type: &str) -> Option<&'static str> {
        Some(match notion_type {
            "title" => "Title",
            "rich_text" => "Text",
            "select" => "Select",
            "multi_select" => "Multi-select",
            "people" => "Person",
            "date" => "Date",
            "number" => "Number",
            "checkbox" => "Checkbox",
            "url" => "URL",
            "relation" => "Relation",
            _ => return None,
        })
    }
}

impl fmt::Display for PropertyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.brief_name())
    }
}
