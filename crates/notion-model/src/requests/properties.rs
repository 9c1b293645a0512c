//! The `properties` map of page writes, with a builder.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use crate::property::PropertyValue;
use crate::rich_text::DateValue;

/// Property values to write, by property name (or id).
///
/// ```
/// use notion_model::requests::Properties;
///
/// let props = Properties::new()
///     .title("Name", "New Project")
///     .select("Status", "Active")
///     .select("Priority", "High")
///     .number("Progress", 25);
/// assert_eq!(
///     serde_json::to_value(&props)?["Progress"],
///     serde_json::json!({"type": "number", "number": 25}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Properties(pub BTreeMap<String, PropertyInput>);

/// One property write: a typed value, or a shape this crate does not model (such as the
/// legacy `"title": [rich text...]` shorthand), kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum PropertyInput {
    /// A `{type?, <type>: value}` object.
    Value(PropertyValue),
    /// Anything else.
    Raw(Value),
}

impl Properties {
    /// No properties.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `name` to any value.
    pub fn set(mut self, name: impl Into<String>, value: PropertyValue) -> Self {
        self.0.insert(name.into(), PropertyInput::Value(value));
        self
    }

    /// Sets a title.
    pub fn title(self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.set(name, PropertyValue::title(text))
    }

    /// Sets a rich-text value.
    pub fn rich_text(self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.set(name, PropertyValue::rich_text(text))
    }

    /// Sets a select option by name.
    pub fn select(self, name: impl Into<String>, option: impl Into<String>) -> Self {
        self.set(name, PropertyValue::select(option))
    }

    /// Sets a status by name.
    pub fn status(self, name: impl Into<String>, option: impl Into<String>) -> Self {
        self.set(name, PropertyValue::status(option))
    }

    /// Sets multi-select options by name.
    pub fn multi_select<I, S>(self, name: impl Into<String>, options: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.set(name, PropertyValue::multi_select(options))
    }

    /// Sets a number.
    pub fn number(self, name: impl Into<String>, number: impl Into<Number>) -> Self {
        self.set(name, PropertyValue::number(number))
    }

    /// Sets a checkbox.
    pub fn checkbox(self, name: impl Into<String>, checked: bool) -> Self {
        self.set(name, PropertyValue::checkbox(checked))
    }

    /// Sets a date (`YYYY-MM-DD` or an ISO datetime).
    pub fn date(self, name: impl Into<String>, start: impl Into<String>) -> Self {
        self.set(name, PropertyValue::date(DateValue::new(start.into())))
    }

    /// Sets a URL.
    pub fn url(self, name: impl Into<String>, url: impl Into<String>) -> Self {
        self.set(name, PropertyValue::url(url))
    }

    /// The typed value written for `name`.
    pub fn get(&self, name: &str) -> Option<&PropertyValue> {
        match self.0.get(name)? {
            PropertyInput::Value(v) => Some(v),
            PropertyInput::Raw(_) => None,
        }
    }

    /// Number of properties.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
