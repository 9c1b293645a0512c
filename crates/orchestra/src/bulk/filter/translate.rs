//! A parsed filter in Notion's filter JSON, checked against the live schema.
//!
//! Every property type has the conditions Notion allows for it; anything else is an error
//! that names the property, the operator and what the type accepts.

use jiff::civil::Date;
use notion_model::{PageId, UserId};
use serde_json::{Value, json};

use super::error::FilterError;
use super::parse::{Condition, Expr, Operand, Operator};
use crate::record::{LiveProperty, LiveSchema, did_you_mean, parse_date};

/// Translates `expr` for the database whose schema is `live`; `today` resolves
/// `today`, `tomorrow` and `yesterday`.
///
/// # Errors
/// [`FilterError`] at the offending property, operator or value.
pub(crate) fn translate(
    input: &str,
    expr: &Expr,
    live: &LiveSchema,
    today: Date,
) -> Result<Value, FilterError> {
    let context = Context { input, live, today };
    context.expr(expr)
}

struct Context<'a> {
    input: &'a str,
    live: &'a LiveSchema,
    today: Date,
}

/// How a family of property types is filtered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Text,
    Number,
    UniqueId,
    Checkbox,
    Select,
    MultiSelect,
    Date,
    People,
    Relation,
    Files,
}

impl Family {
    fn of(notion_type: &str) -> Option<Self> {
        Some(match notion_type {
            "title" | "rich_text" | "url" | "email" | "phone_number" => Self::Text,
            "number" => Self::Number,
            "unique_id" => Self::UniqueId,
            "checkbox" => Self::Checkbox,
            "select" | "status" => Self::Select,
            "multi_select" => Self::MultiSelect,
            "date" | "created_time" | "last_edited_time" => Self::Date,
            "people" | "created_by" | "last_edited_by" => Self::People,
            "relation" => Self::Relation,
            "files" => Self::Files,
            _ => return None,
        })
    }

    fn allowed(self) -> &'static str {
        match self {
            Self::Text => {
                "=, !=, contains, does not contain, starts with, ends with, is empty, is not empty"
            }
            Self::Number => "=, !=, <, <=, >, >=, is empty, is not empty",
            Self::UniqueId => "=, !=, <, <=, >, >=",
            Self::Checkbox => "= and != (with true or false)",
            Self::Select => "=, !=, is empty, is not empty",
            Self::MultiSelect => {
                "contains (or =), does not contain (or !=), is empty, is not empty"
            }
            Self::Date => {
                "=/on, before/<, after/>, on or before/<=, on or after/>=, is empty, is not empty"
            }
            Self::People | Self::Relation => {
                "contains (or =), does not contain (or !=), is empty, is not empty"
            }
            Self::Files => "is empty, is not empty",
        }
    }

    /// Notion's condition key for `op`, if the family allows it.
    fn condition_key(self, op: Operator) -> Option<&'static str> {
        use Operator as O;
        let key = match (self, op) {
            (_, O::IsEmpty) if self != Self::Checkbox && self != Self::UniqueId => "is_empty",
            (_, O::IsNotEmpty) if self != Self::Checkbox && self != Self::UniqueId => {
                "is_not_empty"
            }
            (Self::Files, _) => return None,
            (
                Self::Text | Self::Number | Self::UniqueId | Self::Checkbox | Self::Select,
                O::Equals,
            ) => "equals",
            (
                Self::Text | Self::Number | Self::UniqueId | Self::Checkbox | Self::Select,
                O::NotEquals,
            ) => "does_not_equal",
            (Self::Text, O::Contains) => "contains",
            (Self::Text, O::DoesNotContain) => "does_not_contain",
            (Self::Text, O::StartsWith) => "starts_with",
            (Self::Text, O::EndsWith) => "ends_with",
            (Self::Number | Self::UniqueId, O::Less) => "less_than",
            (Self::Number | Self::UniqueId, O::LessOrEqual) => "less_than_or_equal_to",
            (Self::Number | Self::UniqueId, O::Greater) => "greater_than",
            (Self::Number | Self::UniqueId, O::GreaterOrEqual) => "greater_than_or_equal_to",
            (Self::MultiSelect | Self::People | Self::Relation, O::Contains | O::Equals) => {
                "contains"
            }
            (
                Self::MultiSelect | Self::People | Self::Relation,
                O::DoesNotContain | O::NotEquals,
            ) => "does_not_contain",
            (Self::Date, O::Equals) => "equals",
            (Self::Date, O::Before | O::Less) => "before",
            (Self::Date, O::After | O::Greater) => "after",
            (Self::Date, O::OnOrBefore | O::LessOrEqual) => "on_or_before",
            (Self::Date, O::OnOrAfter | O::GreaterOrEqual) => "on_or_after",
            _ => return None,
        };
        Some(key)
    }
}

impl Context<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> FilterError {
        FilterError::at(self.input, at, message)
    }

    fn expr(&self, expr: &Expr) -> Result<Value, FilterError> {
        match expr {
            Expr::Condition(c) => self.condition(c),
            Expr::And(items, _) => Ok(json!({"and": self.items(items)?})),
            Expr::Or(items, _) => Ok(json!({"or": self.items(items)?})),
        }
    }

    fn items(&self, items: &[Expr]) -> Result<Vec<Value>, FilterError> {
        items.iter().map(|e| self.expr(e)).collect()
    }

    fn condition(&self, c: &Condition) -> Result<Value, FilterError> {
        let Some(property) = self.live.get(&c.property) else {
            let lower = c.property.to_ascii_lowercase();
            if self.live.get(&c.property).is_none()
                && (lower == "created_time" || lower == "last_edited_time")
            {
                let condition = self.date_condition(c, Family::Date)?;
                return Ok(json!({"timestamp": lower, lower.clone(): condition}));
            }
            return Err(self.unknown_property(c));
        };
        let Some(family) = Family::of(&property.notion_type) else {
            return Err(self.error(
                c.property_at,
                format!(
                    "property {:?} is a {} property; filters here work on text, number, \
                     checkbox, select, status, multi-select, date, people, relation, files, \
                     ID and timestamp properties",
                    c.property, property.notion_type
                ),
            ));
        };
        let condition = match family {
            Family::Date => self.date_condition(c, family)?,
            _ => self.plain_condition(c, property, family)?,
        };
        if matches!(
            property.notion_type.as_str(),
            "created_time" | "last_edited_time"
        ) {
            let kind = property.notion_type.clone();
            return Ok(json!({"timestamp": kind, kind.clone(): condition}));
        }
        Ok(json!({"property": c.property, property.notion_type.clone(): condition}))
    }

    fn unknown_property(&self, c: &Condition) -> FilterError {
        let names = self.live.properties.keys().map(String::as_str);
        let hint = match did_you_mean(&c.property, names) {
            Some(name) => format!("did you mean {name:?}?"),
            None => format!(
                "known properties: {}",
                self.live
                    .properties
                    .keys()
                    .map(|k| format!("{k:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.error(
            c.property_at,
            format!(
                "{} has no property {:?}; {hint}",
                self.live.title, c.property
            ),
        )
    }

    fn key(
        &self,
        c: &Condition,
        family: Family,
        notion_type: &str,
    ) -> Result<&'static str, FilterError> {
        family.condition_key(c.operator).ok_or_else(|| {
            self.error(
                c.operator_at,
                format!(
                    "`{}` does not apply to {:?} (a {notion_type} property); it takes {}",
                    c.operator.spelling(),
                    c.property,
                    family.allowed()
                ),
            )
        })
    }

    fn plain_condition(
        &self,
        c: &Condition,
        property: &LiveProperty,
        family: Family,
    ) -> Result<Value, FilterError> {
        let key = self.key(c, family, &property.notion_type)?;
        let Some(value) = &c.value else {
            return Ok(json!({key: true}));
        };
        let bad = |expected: &str| {
            self.error(
                value.at,
                format!(
                    "{:?} is a {} property: expected {expected}, found {:?}",
                    c.property, property.notion_type, value.text
                ),
            )
        };
        let operand = match family {
            Family::Text => json!(value.text),
            Family::Number => {
                let text = value.text.trim();
                let percent = property.format.as_deref() == Some("percent");
                let text = if percent {
                    text.trim_end_matches('%').trim_end()
                } else {
                    text
                };
                let n: f64 = text.parse().map_err(|_| bad("a number"))?;
                let n = if percent { n / 100.0 } else { n };
                number(n)
            }
            Family::UniqueId => {
                let digits = value.text.rsplit('-').next().unwrap_or_default().trim();
                let n: u64 = digits
                    .parse()
                    .map_err(|_| bad("an ID number such as 12 or PRJ-12"))?;
                json!(n)
            }
            Family::Checkbox => json!(parse_bool(value).ok_or_else(|| bad("true or false"))?),
            Family::Select | Family::MultiSelect => json!(self.option(c, property, value)?),
            Family::People => {
                let text = value.text.trim();
                if text.eq_ignore_ascii_case("me") {
                    json!("me")
                } else {
                    let id = UserId::parse(text).map_err(|_| bad("a user id (or me)"))?;
                    json!(id.to_string())
                }
            }
            Family::Relation => {
                let id =
                    PageId::parse(value.text.trim()).map_err(|_| bad("a page id or page URL"))?;
                json!(id.to_string())
            }
            Family::Files | Family::Date => return Err(bad("no value")),
        };
        Ok(json!({key: operand}))
    }

    fn option(
        &self,
        c: &Condition,
        property: &LiveProperty,
        value: &Operand,
    ) -> Result<String, FilterError> {
        let name = value.text.trim();
        if property.options.is_empty() || property.options.iter().any(|o| o == name) {
            return Ok(name.to_owned());
        }
        if let Some(exact) = property
            .options
            .iter()
            .find(|o| o.eq_ignore_ascii_case(name))
        {
            return Ok(exact.clone());
        }
        let hint = match did_you_mean(name, property.options.iter().map(String::as_str)) {
            Some(near) => format!("did you mean {near:?}? "),
            None => String::new(),
        };
        Err(self.error(
            value.at,
            format!(
                "{:?} has no option {name:?}; {hint}options: {}",
                c.property,
                property
                    .options
                    .iter()
                    .map(|o| format!("{o:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ))
    }

    fn date_condition(&self, c: &Condition, family: Family) -> Result<Value, FilterError> {
        let notion_type = self
            .live
            .get(&c.property)
            .map_or("timestamp", |p| p.notion_type.as_str());
        let key = self.key(c, family, notion_type)?;
        let Some(value) = &c.value else {
            return Ok(json!({key: true}));
        };
        Ok(json!({key: self.date(c, value)?}))
    }

    fn date(&self, c: &Condition, value: &Operand) -> Result<String, FilterError> {
        let text = value.text.trim();
        if !value.quoted {
            let relative = match text.to_ascii_lowercase().as_str() {
                "today" => Some(0),
                "tomorrow" => Some(1),
                "yesterday" => Some(-1),
                _ => None,
            };
            if let Some(days) = relative {
                let day = self
                    .today
                    .checked_add(jiff::Span::new().days(days))
                    .map_err(|e| self.error(value.at, e.to_string()))?;
                return Ok(day.to_string());
            }
        }
        match parse_date(text) {
            Some(date) => Ok(date.to_string()),
            None => Err(self.error(
                value.at,
                format!(
                    "{:?} is a date: expected an ISO date (2026-06-01), a date-time \
                     (2026-06-01T09:00:00Z), today, tomorrow or yesterday; found {:?}",
                    c.property, value.text
                ),
            )),
        }
    }
}

fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

fn parse_bool(value: &Operand) -> Option<bool> {
    match value.text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "checked" | "1" | "on" => Some(true),
        "false" | "no" | "unchecked" | "0" | "off" => Some(false),
        _ => None,
    }
}
