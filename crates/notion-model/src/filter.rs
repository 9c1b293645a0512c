//! Data-source query filters and sorts (DIGEST 6.1 / 6.2), serializing to Notion's JSON.
//!
//! ```
//! use notion_model::filter::{Filter, Sort};
//!
//! let filter = Filter::and(vec![
//!     Filter::select("Status").equals("Active"),
//!     Filter::number("Progress").greater_than(50),
//! ]);
//! assert_eq!(
//!     serde_json::to_value(&filter)?,
//!     serde_json::json!({"and": [
//!         {"property": "Status", "select": {"equals": "Active"}},
//!         {"property": "Progress", "number": {"greater_than": 50}}
//!     ]}),
//! );
//! assert_eq!(
//!     serde_json::to_value(Sort::descending("Due Date"))?,
//!     serde_json::json!({"property": "Due Date", "direction": "descending"}),
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

mod build;
mod conditions;
mod sort;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::common::Extra;
use crate::serde_util::payload_enum;

pub use build::{
    CheckboxFilter, DateFilter, MultiSelectFilter, NumberFilter, PeopleFilter, RelationFilter,
    SelectFilter, TextFilter,
};
pub use conditions::{
    CheckboxCondition, DateCondition, ExistenceCondition, FormulaCondition, MultiSelectCondition,
    NumberCondition, PeopleCondition, RelationCondition, RollupCondition, RollupSubfilter,
    SelectCondition, StringOrStrings, TextCondition, VerificationCondition,
};
pub use sort::{Direction, Sort};

/// A filter: a property filter, a timestamp filter, or an `and` / `or` group.
///
/// Shapes this crate does not recognise are kept as [`Filter::Other`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Filter {
    /// `{"property": name, "<type>": condition}`.
    Property(PropertyFilter),
    /// `{"timestamp": "created_time"|"last_edited_time", ...}`.
    Timestamp(TimestampFilter),
    /// `{"and": [...]}`.
    And(Vec<Filter>),
    /// `{"or": [...]}`.
    Or(Vec<Filter>),
    /// Anything else, verbatim.
    Other(Value),
}

/// `{"property": name, "type"?: t, "<t>": condition}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertyFilter {
    /// Property name or id.
    pub property: String,
    /// Property type, when sent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The condition.
    #[serde(flatten)]
    pub condition: PropertyCondition,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// A condition, keyed by the property type it applies to.
    pub enum PropertyCondition {
        /// `title`
        Title(TextCondition) = "title",
        /// `rich_text`
        RichText(TextCondition) = "rich_text",
        /// `url`
        Url(TextCondition) = "url",
        /// `email`
        Email(TextCondition) = "email",
        /// `phone_number`
        PhoneNumber(TextCondition) = "phone_number",
        /// `number`
        Number(NumberCondition) = "number",
        /// `unique_id`
        UniqueId(NumberCondition) = "unique_id",
        /// `checkbox`
        Checkbox(CheckboxCondition) = "checkbox",
        /// `select`
        Select(SelectCondition) = "select",
        /// `status`
        Status(SelectCondition) = "status",
        /// `multi_select`
        MultiSelect(MultiSelectCondition) = "multi_select",
        /// `date`
        Date(DateCondition) = "date",
        /// `created_time` (as a property)
        CreatedTime(DateCondition) = "created_time",
        /// `last_edited_time` (as a property)
        LastEditedTime(DateCondition) = "last_edited_time",
        /// `people`
        People(PeopleCondition) = "people",
        /// `created_by`
        CreatedBy(PeopleCondition) = "created_by",
        /// `last_edited_by`
        LastEditedBy(PeopleCondition) = "last_edited_by",
        /// `relation`
        Relation(RelationCondition) = "relation",
        /// `files`
        Files(ExistenceCondition) = "files",
        /// `formula`
        Formula(FormulaCondition) = "formula",
        /// `rollup`
        Rollup(RollupCondition) = "rollup",
        /// `verification`
        Verification(VerificationCondition) = "verification",
    }
}

/// `{"timestamp": "created_time", "created_time": condition}` (or `last_edited_time`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimestampFilter {
    /// `created_time` or `last_edited_time`.
    pub timestamp: String,
    /// The condition.
    #[serde(flatten)]
    pub condition: TimestampCondition,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// A timestamp filter's condition.
    pub enum TimestampCondition {
        /// On the creation time.
        CreatedTime(DateCondition) = "created_time",
        /// On the last edit time.
        LastEditedTime(DateCondition) = "last_edited_time",
    }
}

impl Filter {
    /// A property filter with any condition (`formula`, `rollup`, `verification`, ...).
    pub fn property(property: impl Into<String>, condition: PropertyCondition) -> Self {
        Self::Property(PropertyFilter {
            property: property.into(),
            type_name: None,
            condition,
            extra: Extra::new(),
        })
    }

    /// All of `filters`.
    pub fn and(filters: Vec<Filter>) -> Self {
        Self::And(filters)
    }

    /// Any of `filters`.
    pub fn or(filters: Vec<Filter>) -> Self {
        Self::Or(filters)
    }

    /// Nesting depth: 0 for a plain filter, 1 for a group of plain filters, ...
    /// Notion accepts at most 2.
    pub fn depth(&self) -> usize {
        match self {
            Self::And(items) | Self::Or(items) => {
                1 + items.iter().map(Filter::depth).max().unwrap_or(0)
            }
            _ => 0,
        }
    }
}

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Self::Property(p) => p.serialize(serializer),
            Self::Timestamp(t) => t.serialize(serializer),
            Self::And(items) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("and", items)?;
                map.end()
            }
            Self::Or(items) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("or", items)?;
                map.end()
            }
            Self::Other(v) => v.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Filter::from_value(value).map_err(D::Error::custom)
    }
}

impl Filter {
    fn from_value(value: Value) -> Result<Self, serde_json::Error> {
        let Value::Object(map) = &value else {
            return Ok(Self::Other(value));
        };
        if map.len() == 1
            && let Some(Value::Array(items)) = map.get("and").or_else(|| map.get("or"))
        {
            let items = items
                .iter()
                .cloned()
                .map(Filter::from_value)
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(if map.contains_key("and") {
                Self::And(items)
            } else {
                Self::Or(items)
            });
        }
        if map.contains_key("timestamp") {
            return serde_json::from_value(value).map(Self::Timestamp);
        }
        if map.contains_key("property") {
            return serde_json::from_value(value).map(Self::Property);
        }
        Ok(Self::Other(value))
    }
}

#[cfg(test)]
mod tests;
