//! Property schema entries of a data source (or a 2022-06-28 database).

use serde::{Deserialize, Serialize};

use crate::common::{EmptyObject, Extra};
use crate::ids::{DataSourceId, DatabaseId};
use crate::property::options::{NumberFormat, RollupFunction, SelectOption, StatusGroup};
use crate::serde_util::{payload_enum, present};

/// One schema entry: `{id, name, description, type, <type>: config}` in responses.
///
/// The same struct serves schema writes, where everything is optional: `{"name":"New"}`
/// renames, `{"select":{"options":[...]}}` adds or changes a property.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertySchema {
    /// Property id (URL-encoded short string; `title` for the title property).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Property name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub description: Option<Option<String>>,
    /// The property type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The type's configuration.
    #[serde(flatten)]
    pub config: PropertyConfig,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Per-type schema configuration.
    pub enum PropertyConfig {
        /// `title: {}`
        Title(EmptyObject) = "title",
        /// `rich_text: {}`
        RichText(EmptyObject) = "rich_text",
        /// `number: {format}`
        Number(NumberConfig) = "number",
        /// `select: {options}`
        Select(SelectConfig) = "select",
        /// `multi_select: {options}`
        MultiSelect(SelectConfig) = "multi_select",
        /// `status: {options, groups}`
        Status(StatusConfig) = "status",
        /// `date: {}`
        Date(EmptyObject) = "date",
        /// `people: {}`
        People(EmptyObject) = "people",
        /// `files: {}`
        Files(EmptyObject) = "files",
        /// `checkbox: {}`
        Checkbox(EmptyObject) = "checkbox",
        /// `url: {}`
        Url(EmptyObject) = "url",
        /// `email: {}`
        Email(EmptyObject) = "email",
        /// `phone_number: {}`
        PhoneNumber(EmptyObject) = "phone_number",
        /// `formula: {expression}`
        Formula(FormulaConfig) = "formula",
        /// `relation: {data_source_id, database_id, type, ...}`
        Relation(RelationConfig) = "relation",
        /// `rollup: {function, relation_property_*, rollup_property_*}`
        Rollup(RollupConfig) = "rollup",
        /// `created_time: {}`
        CreatedTime(EmptyObject) = "created_time",
        /// `created_by: {}`
        CreatedBy(EmptyObject) = "created_by",
        /// `last_edited_time: {}`
        LastEditedTime(EmptyObject) = "last_edited_time",
        /// `last_edited_by: {}`
        LastEditedBy(EmptyObject) = "last_edited_by",
        /// `unique_id: {prefix}`
        UniqueId(UniqueIdConfig) = "unique_id",
        /// `verification: {}`
        Verification(EmptyObject) = "verification",
        /// `button: {}`
        Button(EmptyObject) = "button",
        /// `place: {}`
        Place(EmptyObject) = "place",
        /// `location: {}` (schema-create only in SDK types)
        Location(EmptyObject) = "location",
        /// `last_visited_time: {}` (schema-create only in SDK types)
        LastVisitedTime(EmptyObject) = "last_visited_time",
    }
}

/// `number` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberConfig {
    /// Display format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<NumberFormat>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `select` / `multi_select` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectConfig {
    /// The options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<SelectOption>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `status` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusConfig {
    /// The options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<SelectOption>>,
    /// The groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<StatusGroup>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `formula` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FormulaConfig {
    /// Formula source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `relation` config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RelationConfig {
    /// Target database (responses; 2022-06-28 requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_id: Option<DatabaseId>,
    /// Target data source (2025-09-03+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_id: Option<DataSourceId>,
    /// `single_property` or `dual_property`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// One-way or two-way.
    #[serde(flatten)]
    pub kind: RelationKind,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// One-way or two-way relation.
    pub enum RelationKind {
        /// One-way.
        SingleProperty(EmptyObject) = "single_property",
        /// Two-way, with the synced property on the other side.
        DualProperty(DualPropertyConfig) = "dual_property",
    }
}

/// `dual_property` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DualPropertyConfig {
    /// Id of the property on the other side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synced_property_id: Option<String>,
    /// Name of the property on the other side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synced_property_name: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `rollup` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RollupConfig {
    /// Aggregation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<RollupFunction>,
    /// Relation property, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation_property_name: Option<String>,
    /// Relation property, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation_property_id: Option<String>,
    /// Rolled-up property, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup_property_name: Option<String>,
    /// Rolled-up property, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup_property_id: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `unique_id` config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UniqueIdConfig {
    /// Prefix (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub prefix: Option<Option<String>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PropertySchema {
    /// A schema write with just a type and config (`{"type": t, t: config}`).
    pub fn new(config: PropertyConfig) -> Self {
        Self {
            id: None,
            name: None,
            description: None,
            type_name: config.type_name().map(str::to_owned),
            config,
            extra: Extra::new(),
        }
    }

    /// A rename: `{"name": new_name}`.
    pub fn rename(new_name: impl Into<String>) -> Self {
        Self {
            id: None,
            name: Some(new_name.into()),
            description: None,
            type_name: None,
            config: PropertyConfig::Unknown,
            extra: Extra::new(),
        }
    }

    /// `{"type":"title","title":{}}`
    pub fn title() -> Self {
        Self::new(PropertyConfig::Title(EmptyObject::new()))
    }

    /// `{"type":"rich_text","rich_text":{}}`
    pub fn rich_text() -> Self {
        Self::new(PropertyConfig::RichText(EmptyObject::new()))
    }

    /// `{"type":"number","number":{"format":...}}`
    pub fn number(format: NumberFormat) -> Self {
        Self::new(PropertyConfig::Number(NumberConfig {
            format: Some(format),
            extra: Extra::new(),
        }))
    }

    /// `{"type":"select","select":{"options":[...]}}`
    pub fn select(options: Vec<SelectOption>) -> Self {
        Self::new(PropertyConfig::Select(SelectConfig {
            options: Some(options),
            extra: Extra::new(),
        }))
    }

    /// `{"type":"multi_select","multi_select":{"options":[...]}}`
    pub fn multi_select(options: Vec<SelectOption>) -> Self {
        Self::new(PropertyConfig::MultiSelect(SelectConfig {
            options: Some(options),
            extra: Extra::new(),
        }))
    }

    /// `{"type":"status","status":{}}` (Notion fills in the default options).
    pub fn status() -> Self {
        Self::new(PropertyConfig::Status(StatusConfig::default()))
    }

    /// `{"type":"date","date":{}}`
    pub fn date() -> Self {
        Self::new(PropertyConfig::Date(EmptyObject::new()))
    }

    /// `{"type":"checkbox","checkbox":{}}`
    pub fn checkbox() -> Self {
        Self::new(PropertyConfig::Checkbox(EmptyObject::new()))
    }

    /// `{"type":"people","people":{}}`
    pub fn people() -> Self {
        Self::new(PropertyConfig::People(EmptyObject::new()))
    }

    /// `{"type":"url","url":{}}`
    pub fn url() -> Self {
        Self::new(PropertyConfig::Url(EmptyObject::new()))
    }

    /// A one-way relation to a data source.
    pub fn relation(data_source_id: DataSourceId) -> Self {
        Self::new(PropertyConfig::Relation(RelationConfig {
            database_id: None,
            data_source_id: Some(data_source_id),
            type_name: Some("single_property".to_owned()),
            kind: RelationKind::SingleProperty(EmptyObject::new()),
            extra: Extra::new(),
        }))
    }

    /// Sets the name.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}
