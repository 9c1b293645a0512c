//! Property values of a page.

use serde::{Deserialize, Serialize};
use serde_json::Number;

use crate::common::{EmptyObject, Extra, Timestamp};
use crate::file::FileObject;
use crate::property::options::{RollupFunction, SelectOption};
use crate::rich_text::{DateValue, ObjectReference, RichText};
use crate::serde_util::{payload_enum, present};
use crate::user::User;

/// One property value: `{id, type, <type>: value}` in responses; `{<type>: value}` in requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertyValue {
    /// Property id (responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The property type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The value.
    #[serde(flatten)]
    pub value: PropertyValueContent,
    /// `relation` values: whether more than the returned 25 references exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Per-type property values. `Option` payloads are `null` when the property is empty.
    pub enum PropertyValueContent {
        /// Title text.
        Title(Vec<RichText>) = "title",
        /// Text.
        RichText(Vec<RichText>) = "rich_text",
        /// Number (kept as a JSON number: `25` stays `25`).
        Number(Option<Number>) = "number",
        /// Select option.
        Select(Option<SelectOption>) = "select",
        /// Multi-select options.
        MultiSelect(Vec<SelectOption>) = "multi_select",
        /// Status option.
        Status(Option<SelectOption>) = "status",
        /// Date or range.
        Date(Option<DateValue>) = "date",
        /// Users and groups.
        People(Vec<User>) = "people",
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
        /// Formula result (read-only).
        Formula(FormulaValue) = "formula",
        /// Related pages.
        Relation(Vec<ObjectReference>) = "relation",
        /// Rollup result (read-only).
        Rollup(RollupValue) = "rollup",
        /// Creation time (read-only).
        CreatedTime(Timestamp) = "created_time",
        /// Creator (read-only).
        CreatedBy(User) = "created_by",
        /// Last edit time (read-only).
        LastEditedTime(Timestamp) = "last_edited_time",
        /// Last editor (read-only).
        LastEditedBy(User) = "last_edited_by",
        /// Auto-increment id (read-only).
        UniqueId(UniqueIdValue) = "unique_id",
        /// Wiki verification.
        Verification(Option<VerificationValue>) = "verification",
        /// Button (always `{}`).
        Button(EmptyObject) = "button",
        /// Place.
        Place(Option<PlaceValue>) = "place",
    }
}

/// `formula` value: `{type: string|number|boolean|date, <type>: value}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FormulaValue {
    /// Result type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The result.
    #[serde(flatten)]
    pub value: FormulaContent,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Formula results.
    pub enum FormulaContent {
        /// Text result.
        String(Option<String>) = "string",
        /// Number result.
        Number(Option<Number>) = "number",
        /// Boolean result.
        Boolean(Option<bool>) = "boolean",
        /// Date result.
        Date(Option<DateValue>) = "date",
    }
}

/// `rollup` value: `{type: number|date|array|unsupported|incomplete, <type>, function}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RollupValue {
    /// Result type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The result.
    #[serde(flatten)]
    pub value: RollupContent,
    /// The aggregation used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<RollupFunction>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Rollup results.
    pub enum RollupContent {
        /// Numeric aggregate.
        Number(Option<Number>) = "number",
        /// Date aggregate.
        Date(Option<DateValue>) = "date",
        /// The original values (`show_original` and friends).
        Array(Vec<PropertyValue>) = "array",
        /// Notion could not compute it.
        Unsupported(EmptyObject) = "unsupported",
        /// Only partly computed.
        Incomplete(EmptyObject) = "incomplete",
    }
}

/// `unique_id` value `{prefix, number}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UniqueIdValue {
    /// Prefix (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub prefix: Option<Option<String>>,
    /// The number (`null` while unassigned).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub number: Option<Option<Number>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UniqueIdValue {
    /// `PREFIX-42` (or `42` without a prefix); `None` while unassigned.
    pub fn display(&self) -> Option<String> {
        let number = self.number.as_ref()?.as_ref()?;
        Some(match self.prefix.as_ref().and_then(Option::as_ref) {
            Some(prefix) => format!("{prefix}-{number}"),
            None => number.to_string(),
        })
    }
}

/// `verification` value `{state, date, verified_by}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VerificationValue {
    /// `verified`, `expired` or `unverified`.
    pub state: String,
    /// Verification period (`null` when unverified).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub date: Option<Option<DateValue>>,
    /// Who verified (`null` when unverified).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub verified_by: Option<Option<User>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `place` value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlaceValue {
    /// Latitude.
    pub lat: Number,
    /// Longitude.
    pub lon: Number,
    /// Place name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub name: Option<Option<String>>,
    /// Address.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub address: Option<Option<String>>,
    /// AWS place id.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub aws_place_id: Option<Option<String>>,
    /// Google place id.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub google_place_id: Option<Option<String>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PropertyValue {
    /// A request-shaped value `{"type": t, t: value}`.
    pub fn new(value: PropertyValueContent) -> Self {
        Self {
            id: None,
            type_name: value.type_name().map(str::to_owned),
            value,
            has_more: None,
            extra: Extra::new(),
        }
    }

    /// A title value from plain text.
    pub fn title(text: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::Title(vec![RichText::text(text)]))
    }

    /// A rich-text value from plain text.
    pub fn rich_text(text: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::RichText(vec![RichText::text(text)]))
    }

    /// A number value (`25`, `2.5`, ... as a JSON number).
    pub fn number(number: impl Into<Number>) -> Self {
        Self::new(PropertyValueContent::Number(Some(number.into())))
    }

    /// A float number value; `None` (clearing the value) for NaN or infinities.
    pub fn number_f64(number: f64) -> Self {
        Self::new(PropertyValueContent::Number(Number::from_f64(number)))
    }

    /// A select value by option name.
    pub fn select(name: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::Select(Some(SelectOption::named(
            name,
        ))))
    }

    /// A multi-select value by option names.
    pub fn multi_select<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self::new(PropertyValueContent::MultiSelect(
            names.into_iter().map(SelectOption::named).collect(),
        ))
    }

    /// A status value by option name.
    pub fn status(name: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::Status(Some(SelectOption::named(
            name,
        ))))
    }

    /// A date value.
    pub fn date(date: DateValue) -> Self {
        Self::new(PropertyValueContent::Date(Some(date)))
    }

    /// A checkbox value.
    pub fn checkbox(checked: bool) -> Self {
        Self::new(PropertyValueContent::Checkbox(checked))
    }

    /// A URL value.
    pub fn url(url: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::Url(Some(url.into())))
    }

    /// An e-mail value.
    pub fn email(email: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::Email(Some(email.into())))
    }

    /// A phone-number value.
    pub fn phone_number(phone: impl Into<String>) -> Self {
        Self::new(PropertyValueContent::PhoneNumber(Some(phone.into())))
    }

    /// A people value from user ids.
    pub fn people<I: IntoIterator<Item = crate::ids::UserId>>(ids: I) -> Self {
        Self::new(PropertyValueContent::People(
            ids.into_iter().map(User::reference).collect(),
        ))
    }

    /// A relation value from page ids.
    pub fn relation<I: IntoIterator<Item = crate::ids::PageId>>(ids: I) -> Self {
        Self::new(PropertyValueContent::Relation(
            ids.into_iter().map(ObjectReference::new).collect(),
        ))
    }

    /// The visible text of title / rich-text values.
    pub fn plain_text(&self) -> Option<String> {
        match &self.value {
            PropertyValueContent::Title(t) | PropertyValueContent::RichText(t) => {
                Some(crate::rich_text::plain_text(t))
            }
            _ => None,
        }
    }

    /// The option name of select / status values.
    pub fn option_name(&self) -> Option<&str> {
        match &self.value {
            PropertyValueContent::Select(Some(o)) | PropertyValueContent::Status(Some(o)) => {
                o.name.as_deref()
            }
            _ => None,
        }
    }

    /// The number of number values.
    pub fn as_number(&self) -> Option<&Number> {
        match &self.value {
            PropertyValueContent::Number(n) => n.as_ref(),
            _ => None,
        }
    }
}
