//! Checking a [`Record`] against the live schema and building Notion values.

use notion_model::property::SelectOption;
use notion_model::{DateValue, PageId, PropertyValue, PropertyValueContent, UserId};
use serde_json::{Number, Value};

use super::dates::parse_date_range;
use super::problem::{FieldProblem, RecordError};
use super::read::plain_value;
use super::suggest::did_you_mean;
use super::text::{MAX_TEXT_ITEM, MAX_TEXT_ITEMS, rich_text};
use super::{LiveProperty, LiveSchema, PlainValue, Record};
use crate::config::OptionPolicy;
use crate::schema::{DatabaseSpec, PropertyKind, PropertySpec};

const DATE_EXAMPLES: &str =
    "a date such as 2026-05-04, 2026-05-04T10:00:00Z or 2026-05-04 10:00 +02:00";

/// A record that passed validation: Notion property values ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidRecord {
    /// The record's key or title.
    pub label: String,
    /// Values by property name.
    pub properties: Vec<(String, PropertyValue)>,
}

/// Checks records against one database's live schema (and the brief's bounds).
#[derive(Debug, Clone, Copy)]
pub struct Validator<'a> {
    live: &'a LiveSchema,
    spec: Option<&'a DatabaseSpec>,
    policy: OptionPolicy,
}

impl<'a> Validator<'a> {
    /// A validator for `live`; `spec` adds the brief's bounds (Progress, Confidence)
    /// and the Date & Time distinction.
    pub fn new(live: &'a LiveSchema, spec: Option<&'a DatabaseSpec>, policy: OptionPolicy) -> Self {
        Self { live, spec, policy }
    }

    /// The label messages use for `record`: its key, else its title, else `(untitled)`.
    pub fn label(&self, record: &Record) -> String {
        record
            .key
            .clone()
            .or_else(|| {
                let title = self.live.title_property()?;
                record.text(title).map(str::to_owned)
            })
            .unwrap_or_else(|| "(untitled)".to_owned())
    }

    /// Checks every field; all problems of the record are reported together.
    ///
    /// # Errors
    /// [`RecordError`] naming the record, each field and what was expected.
    pub fn validate(&self, record: &Record) -> Result<ValidRecord, RecordError> {
        let mut properties = Vec::new();
        let mut problems = Vec::new();
        for (name, value) in &record.values {
            match self.field(name, value) {
                Ok(v) => properties.push((name.clone(), v)),
                Err(p) => problems.push(p),
            }
        }
        if problems.is_empty() {
            Ok(ValidRecord {
                label: self.label(record),
                properties,
            })
        } else {
            Err(RecordError {
                record: self.label(record),
                database: self.live.title.clone(),
                problems,
            })
        }
    }

    fn field(&self, name: &str, value: &PlainValue) -> Result<PropertyValue, FieldProblem> {
        let Some(live) = self.live.get(name) else {
            let names = self.live.properties.keys().map(String::as_str);
            return Err(FieldProblem::UnknownProperty {
                property: name.to_owned(),
                suggestion: did_you_mean(name, names).map(str::to_owned),
                known: self.live.properties.keys().cloned().collect(),
            });
        };
        let spec = self.spec.and_then(|s| s.property(name));
        let field = Field {
            name,
            live,
            spec,
            policy: self.policy,
        };
        match value {
            PlainValue::Notion(map) => field.notion_shaped(map),
            plain => field.plain(plain),
        }
    }
}

struct Field<'a> {
    name: &'a str,
    live: &'a LiveProperty,
    spec: Option<&'a PropertySpec>,
    policy: OptionPolicy,
}

impl Field<'_> {
    fn kind(&self) -> String {
        crate::schema::PropertyKind::brief_name_of(&self.live.notion_type)
            .map_or_else(|| self.live.notion_type.clone(), str::to_owned)
    }

    fn wrong_type(&self, given: &PlainValue) -> FieldProblem {
        FieldProblem::WrongType {
            property: self.name.to_owned(),
            kind: self.kind(),
            expected: expected_shape(&self.live.notion_type).to_owned(),
            given: describe(given),
        }
    }

    fn bad(&self, expected: impl Into<String>, given: &PlainValue) -> FieldProblem {
        FieldProblem::BadValue {
            property: self.name.to_owned(),
            expected: expected.into(),
            given: describe(given),
        }
    }

    fn percent(&self) -> bool {
        self.live.format.as_deref() == Some("percent")
    }

    /// `{"select": {...}}` and friends: the key must be the property's type.
    fn notion_shaped(
        &self,
        map: &serde_json::Map<String, Value>,
    ) -> Result<PropertyValue, FieldProblem> {
        let given = PlainValue::Notion(map.clone());
        let key = map.keys().find(|k| *k != "type" && *k != "id");
        if key.map(String::as_str) != Some(self.live.notion_type.as_str()) {
            return Err(self.wrong_type(&given));
        }
        let value: PropertyValue = serde_json::from_value(Value::Object(map.clone()))
            .map_err(|_| self.bad(expected_shape(&self.live.notion_type), &given))?;
        match plain_value(&value, self.percent()) {
            Some(plain) => self.plain(&plain),
            None => Err(self.bad(expected_shape(&self.live.notion_type), &given)),
        }
    }

    fn plain(&self, value: &PlainValue) -> Result<PropertyValue, FieldProblem> {
        use PropertyValueContent as C;
        let content = match (self.live.notion_type.as_str(), value) {
            ("title", PlainValue::Null) => C::Title(Vec::new()),
            ("rich_text", PlainValue::Null) => C::RichText(Vec::new()),
            ("title" | "rich_text", PlainValue::Text(text)) => {
                let items = rich_text(text);
                if items.len() > MAX_TEXT_ITEMS {
                    return Err(self.bad(
                        format!("at most {} characters", MAX_TEXT_ITEM * MAX_TEXT_ITEMS),
                        &PlainValue::Text(format!("{} characters", text.chars().count())),
                    ));
                }
                if self.live.notion_type == "title" {
                    C::Title(items)
                } else {
                    C::RichText(items)
                }
            }
            ("number", PlainValue::Null) => C::Number(None),
            ("number", PlainValue::Number(_) | PlainValue::Text(_)) => {
                C::Number(Some(self.number(value)?))
            }
            ("select", PlainValue::Null) => C::Select(None),
            ("status", PlainValue::Null) => C::Status(None),
            ("select", PlainValue::Text(name)) => C::Select(Some(self.option(name, false)?)),
            ("status", PlainValue::Text(name)) => C::Status(Some(self.option(name, true)?)),
            ("multi_select", PlainValue::Null) => C::MultiSelect(Vec::new()),
            ("multi_select", PlainValue::Text(_) | PlainValue::List(_)) => C::MultiSelect(
                list(value)
                    .iter()
                    .map(|n| self.option(n, false))
                    .collect::<Result<_, _>>()?,
            ),
            ("date", PlainValue::Null) => C::Date(None),
            ("date", PlainValue::Text(text)) => C::Date(Some(self.date(text, value)?)),
            ("checkbox", PlainValue::Bool(b)) => C::Checkbox(*b),
            ("checkbox", PlainValue::Null) => C::Checkbox(false),
            ("checkbox", PlainValue::Text(text)) => {
                C::Checkbox(parse_bool(text).ok_or_else(|| self.bad("true or false", value))?)
            }
            ("url" | "email" | "phone_number", PlainValue::Null) => {
                match self.live.notion_type.as_str() {
                    "url" => C::Url(None),
                    "email" => C::Email(None),
                    _ => C::PhoneNumber(None),
                }
            }
            ("url", PlainValue::Text(text)) => {
                let ok = url::Url::parse(text.trim())
                    .is_ok_and(|u| u.has_host() || u.scheme() == "mailto");
                if !ok {
                    return Err(self.bad("an absolute URL such as https://example.com/path", value));
                }
                C::Url(Some(text.trim().to_owned()))
            }
            ("email", PlainValue::Text(text)) => C::Email(Some(text.clone())),
            ("phone_number", PlainValue::Text(text)) => C::PhoneNumber(Some(text.clone())),
            ("people", PlainValue::Null) => C::People(Vec::new()),
            ("people", PlainValue::Text(_) | PlainValue::List(_)) => {
                let ids = list(value)
                    .iter()
                    .map(|id| UserId::parse(id).map_err(|_| self.bad("Notion user ids", value)))
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(PropertyValue::people(ids));
            }
            ("relation", PlainValue::Null) => C::Relation(Vec::new()),
            ("relation", PlainValue::Text(_) | PlainValue::List(_)) => {
                let ids = list(value)
                    .iter()
                    .map(|id| {
                        PageId::parse(id).map_err(|_| self.bad("page ids or page URLs", value))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(PropertyValue::relation(ids));
            }
            (
                "formula" | "rollup" | "created_time" | "created_by" | "last_edited_time"
                | "last_edited_by" | "unique_id" | "button",
                _,
            ) => {
                return Err(FieldProblem::ReadOnly {
                    property: self.name.to_owned(),
                    notion_type: self.live.notion_type.clone(),
                });
            }
            _ => return Err(self.wrong_type(value)),
        };
        Ok(PropertyValue::new(content))
    }

    fn number(&self, value: &PlainValue) -> Result<Number, FieldProblem> {
        let n = match value {
            PlainValue::Number(n) => *n,
            PlainValue::Text(t) => {
                let t = t.trim();
                let t = if self.percent() {
                    t.trim_end_matches('%').trim_end()
                } else {
                    t
                };
                t.parse::<f64>().map_err(|_| self.wrong_type(value))?
            }
            _ => return Err(self.wrong_type(value)),
        };
        if !n.is_finite() {
            return Err(self.bad("a finite number", value));
        }
        if let Some(spec) = self.spec {
            let (min, max) = (spec.min.unwrap_or(f64::MIN), spec.max.unwrap_or(f64::MAX));
            if n < min || n > max {
                return Err(FieldProblem::OutOfRange {
                    property: self.name.to_owned(),
                    value: n,
                    min,
                    max,
                });
            }
        }
        let stored = if self.percent() { n / 100.0 } else { n };
        Ok(if stored.fract() == 0.0 && stored.abs() < 9.0e15 {
            Number::from(stored as i64)
        } else {
            Number::from_f64(stored).ok_or_else(|| self.bad("a finite number", value))?
        })
    }

    fn option(&self, name: &str, is_status: bool) -> Result<SelectOption, FieldProblem> {
        let name = name.trim();
        if name.is_empty() || name.contains(',') {
            return Err(self.bad(
                "an option name without commas",
                &PlainValue::Text(name.to_owned()),
            ));
        }
        let known = self.live.options.iter().any(|o| o == name);
        if !known && (is_status || self.policy == OptionPolicy::Reject) {
            return Err(FieldProblem::UnknownOption {
                property: self.name.to_owned(),
                option: name.to_owned(),
                allowed: self.live.options.clone(),
            });
        }
        Ok(SelectOption::named(name))
    }

    fn date(&self, text: &str, value: &PlainValue) -> Result<DateValue, FieldProblem> {
        let (start, end) = parse_date_range(text).ok_or_else(|| self.bad(DATE_EXAMPLES, value))?;
        let wants_time = self.spec.is_some_and(|s| s.kind == PropertyKind::DateTime);
        if wants_time && !start.has_time() {
            return Err(self.bad(
                "a date with a time (a Date & Time property), such as 2026-05-04T10:00:00Z",
                value,
            ));
        }
        Ok(match end {
            Some(end) => DateValue::range(start.to_string(), end.to_string()),
            None => DateValue::new(start.to_string()),
        })
    }
}

fn list(value: &PlainValue) -> Vec<String> {
    match value {
        PlainValue::List(items) => items.iter().map(|s| s.trim().to_owned()).collect(),
        PlainValue::Text(text) if text.trim().is_empty() => Vec::new(),
        PlainValue::Text(text) => text.split(',').map(|s| s.trim().to_owned()).collect(),
        _ => Vec::new(),
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "on" | "checked" => Some(true),
        "false" | "no" | "n" | "0" | "off" | "unchecked" | "" => Some(false),
        _ => None,
    }
}

/// What a Notion property type takes, in words and Notion's shape.
fn expected_shape(notion_type: &str) -> &'static str {
    match notion_type {
        "title" => r#"title: plain text or {"title": [{"text": {"content": "…"}}]}"#,
        "rich_text" => r#"rich_text: plain text or {"rich_text": [{"text": {"content": "…"}}]}"#,
        "number" => r#"a number (or {"number": 25})"#,
        "select" => r#"an option name (or {"select": {"name": "…"}})"#,
        "status" => r#"a status option name (or {"status": {"name": "…"}})"#,
        "multi_select" => r#"option names (a list, or text separated by commas)"#,
        "date" => DATE_EXAMPLES,
        "checkbox" => "true or false",
        "url" => "a URL",
        "people" => "Notion user ids",
        "relation" => "page ids or page URLs",
        "email" => "an e-mail address",
        "phone_number" => "a phone number",
        _ => "a value Orchestra cannot write",
    }
}

fn describe(value: &PlainValue) -> String {
    match value {
        PlainValue::Null => "null".to_owned(),
        PlainValue::Bool(b) => b.to_string(),
        PlainValue::Number(n) => format!("the number {n}"),
        PlainValue::Text(t) => {
            let short: String = t.chars().take(60).collect();
            if short.len() < t.len() {
                format!("text {short:?}…")
            } else {
                format!("text {t:?}")
            }
        }
        PlainValue::List(items) => format!("a list {items:?}"),
        PlainValue::Notion(map) => {
            let keys: Vec<String> = map
                .keys()
                .filter(|k| *k != "type" && *k != "id")
                .map(|k| format!("{k:?}: …"))
                .collect();
            format!("{{{}}}", keys.join(", "))
        }
    }
}
