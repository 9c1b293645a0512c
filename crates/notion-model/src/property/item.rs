//! `GET /v1/pages/{page_id}/properties/{property_id}` responses.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Number;

use crate::common::{EmptyObject, Extra, Timestamp};
use crate::file::FileObject;
use crate::property::options::SelectOption;
use crate::property::value::{
    FormulaValue, PlaceValue, RollupValue, UniqueIdValue, VerificationValue,
};
use crate::rich_text::{DateValue, ObjectReference, RichText};
use crate::serde_util::{payload_enum, present};
use crate::user::User;

/// One `property_item` object: `{object:"property_item", id, type, <type>: value}`.
///
/// Paginated types (title, rich_text, people, relation) carry one element per item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertyItem {
    /// `"property_item"`.
    pub object: String,
    /// Property id.
    pub id: String,
    /// Property type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The value.
    #[serde(flatten)]
    pub value: PropertyItemContent,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Property item values; list types hold one element.
    pub enum PropertyItemContent {
        /// One title rich-text item.
        Title(RichText) = "title",
        /// One rich-text item.
        RichText(RichText) = "rich_text",
        /// Number.
        Number(Option<Number>) = "number",
        /// Select.
        Select(Option<SelectOption>) = "select",
        /// Multi-select.
        MultiSelect(Vec<SelectOption>) = "multi_select",
        /// Status.
        Status(Option<SelectOption>) = "status",
        /// Date.
        Date(Option<DateValue>) = "date",
        /// One person or group.
        People(User) = "people",
        /// Files.
        Files(Vec<FileObject>) = "files",
        /// Checkbox.
        Checkbox(bool) = "checkbox",
        /// URL.
        Url(Option<String>) = "url",
        /// E-mail.
        Email(Option<String>) = "email",
        /// Phone number.
        PhoneNumber(Option<String>) = "phone_number",
        /// Formula.
        Formula(FormulaValue) = "formula",
        /// One related page.
        Relation(ObjectReference) = "relation",
        /// One rollup element.
        Rollup(RollupValue) = "rollup",
        /// Created time.
        CreatedTime(Timestamp) = "created_time",
        /// Creator.
        CreatedBy(User) = "created_by",
        /// Last edited time.
        LastEditedTime(Timestamp) = "last_edited_time",
        /// Last editor.
        LastEditedBy(User) = "last_edited_by",
        /// Unique id.
        UniqueId(UniqueIdValue) = "unique_id",
        /// Verification.
        Verification(Option<VerificationValue>) = "verification",
        /// Button.
        Button(EmptyObject) = "button",
        /// Place.
        Place(Option<PlaceValue>) = "place",
    }
}

/// The paginated form: `{object:"list", results:[property_item...], next_cursor, has_more,
/// type:"property_item", property_item:{id, type, <type>:{}, next_url}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertyItemList {
    /// `"list"`.
    pub object: String,
    /// This page of items.
    pub results: Vec<PropertyItem>,
    /// Cursor for the next page (`null` at the end).
    pub next_cursor: Option<String>,
    /// Whether more pages exist.
    pub has_more: bool,
    /// `"property_item"`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// Which property this is, plus the rollup aggregate.
    pub property_item: PropertyItemListInfo,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `property_item` of a paginated property response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertyItemListInfo {
    /// Property id.
    pub id: String,
    /// Property type.
    #[serde(rename = "type")]
    pub type_name: String,
    /// URL of the next page (`null` at the end).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub next_url: Option<Option<String>>,
    /// The aggregate of a rollup list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup: Option<RollupValue>,
    /// Keys this crate does not model (`<type>: {}`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Either response form of the property-item endpoint.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PropertyItemResponse {
    /// A single value.
    Item(PropertyItem),
    /// A paginated list.
    List(PropertyItemList),
}

impl Serialize for PropertyItemResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Item(item) => item.serialize(serializer),
            Self::List(list) => list.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for PropertyItemResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let is_list = value.get("object").and_then(|o| o.as_str()) == Some("list");
        let result = if is_list {
            serde_json::from_value(value).map(Self::List)
        } else {
            serde_json::from_value(value).map(Self::Item)
        };
        result.map_err(D::Error::custom)
    }
}
