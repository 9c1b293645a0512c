//! Rollup conditions: `{"any" | "every" | "none": {<type>: <condition>}}` over array rollups,
//! `{"number": …}` / `{"date": …}` over number and date rollups.
//!
//! Each array item is a property value without id (`{type, <type>: value}`); the item's own
//! `type` picks its payload, so a `rich_text` condition also reads rolled-up titles. A quantifier
//! over a non-array rollup sees no items: `any` and `every` fail there and `none` holds; an
//! empty array satisfies `every` and `none`.

use serde_json::Value;

use crate::query::json::{field, str_field};

use super::date::{DateCondition, start_of};
use super::number::NumberCondition;
use super::operator::single_operator;
use super::{Condition, compile_condition};
use crate::query::QueryContext;
use crate::query::error::QueryError;

/// The property types a rollup sub-condition may name.
const ITEM_TYPES: &[&str] = &[
    "rich_text",
    "number",
    "checkbox",
    "select",
    "multi_select",
    "relation",
    "date",
    "people",
    "files",
    "status",
];

/// A compiled rollup condition.
#[derive(Debug, Clone)]
pub(crate) enum RollupCondition {
    Any(Box<Condition>),
    Every(Box<Condition>),
    None(Box<Condition>),
    Number(NumberCondition),
    Date(DateCondition),
}

impl RollupCondition {
    /// Compiles a rollup condition.
    pub(crate) fn compile(
        condition: &Value,
        path: &str,
        ctx: &QueryContext<'_>,
    ) -> Result<Self, QueryError> {
        let operator =
            single_operator(condition, path, &["any", "every", "none", "number", "date"])?;
        let (inner, inner_path) = (operator.operand, operator.path.as_str());
        let item_condition = || -> Result<Box<Condition>, QueryError> {
            let item = single_operator(inner, inner_path, ITEM_TYPES)?;
            compile_condition(item.name, item.operand, &item.path, ctx).map(Box::new)
        };
        Ok(match operator.name {
            "any" => Self::Any(item_condition()?),
            "every" => Self::Every(item_condition()?),
            "none" => Self::None(item_condition()?),
            "number" => Self::Number(NumberCondition::compile(inner, inner_path)?),
            _ => Self::Date(DateCondition::compile(inner, inner_path, ctx.now)?),
        })
    }

    /// Whether a rollup payload `{type, number|date|array, function}` satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let field = |key: &str| payload.and_then(|rollup| field(rollup, key));
        let items = field("array").and_then(Value::as_array);
        let item_matches =
            |condition: &Condition, item: &Value| condition.matches(item_payload(item));
        match self {
            Self::Number(condition) => condition.matches(field("number").and_then(Value::as_f64)),
            Self::Date(condition) => condition.matches(start_of(field("date"))),
            Self::Any(condition) => {
                items.is_some_and(|items| items.iter().any(|item| item_matches(condition, item)))
            }
            Self::Every(condition) => {
                items.is_some_and(|items| items.iter().all(|item| item_matches(condition, item)))
            }
            Self::None(condition) => {
                !items.is_some_and(|items| items.iter().any(|item| item_matches(condition, item)))
            }
        }
    }
}

/// The payload of a rollup array item, chosen by the item's `type`.
fn item_payload(item: &Value) -> Option<&Value> {
    field(item, str_field(item, "type")?)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, date, prop, rich_text};

    fn array(items: serde_json::Value) -> serde_json::Value {
        prop(
            "rollup",
            json!({"type": "array", "array": items, "function": "show_original"}),
        )
    }

    fn fixture() -> Fixture {
        Fixture::new(vec![
            (
                "mixed",
                json!({"Titles": array(json!([{"type": "title", "title": rich_text(&["Alpha"])}, {"type": "title", "title": rich_text(&["Beta"])}])),
                             "Total": prop("rollup", json!({"type": "number", "number": 7, "function": "sum"}))}),
            ),
            (
                "alphas",
                json!({"Titles": array(json!([{"type": "title", "title": rich_text(&["Alpha"])}, {"type": "title", "title": rich_text(&["alpha two"])}])),
                              "Total": prop("rollup", json!({"type": "number", "number": 2, "function": "sum"}))}),
            ),
            (
                "empty",
                json!({"Titles": array(json!([])),
                             "Total": prop("rollup", json!({"type": "number", "number": null, "function": "sum"}))}),
            ),
            (
                "dated",
                json!({"Titles": prop("rollup", json!({"type": "date", "date": date("2026-05-01"), "function": "latest_date"}))}),
            ),
        ])
    }

    #[test]
    fn any_every_none_over_array_items() {
        let f = fixture();
        assert_eq!(f.matching(json!({"property": "Titles", "rollup": {"any": {"rich_text": {"contains": "beta"}}}})), ["mixed"]);
        assert_eq!(f.matching(json!({"property": "Titles", "rollup": {"every": {"rich_text": {"starts_with": "alpha"}}}})), ["alphas", "empty"]);
        assert_eq!(
            f.matching(
                json!({"property": "Titles", "rollup": {"none": {"rich_text": {"equals": "beta"}}}})
            ),
            ["alphas", "empty", "dated"]
        );
    }

    #[test]
    fn scalar_number_and_date_rollups() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Total", "rollup": {"number": {"greater_than": 5}}})),
            ["mixed"]
        );
        assert_eq!(
            f.matching(json!({"property": "Total", "rollup": {"number": {"is_empty": true}}})),
            ["empty", "dated"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Titles", "rollup": {"date": {"on_or_after": "2026-05-01"}}})
            ),
            ["dated"]
        );
    }

    #[test]
    fn item_conditions_of_other_types() {
        let f = Fixture::new(vec![
            (
                "nums",
                json!({"Total": prop("rollup", json!({"type": "array", "array": [{"type": "number", "number": 1}, {"type": "number", "number": 9}], "function": "show_original"}))}),
            ),
            (
                "checks",
                json!({"Total": prop("rollup", json!({"type": "array", "array": [{"type": "checkbox", "checkbox": true}], "function": "show_original"}))}),
            ),
        ]);
        assert_eq!(
            f.matching(
                json!({"property": "Total", "rollup": {"any": {"number": {"greater_than": 5}}}})
            ),
            ["nums"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Total", "rollup": {"every": {"checkbox": {"equals": true}}}})
            ),
            ["checks"]
        );
    }

    #[test]
    fn item_types_are_validated() {
        assert!(
            fixture()
                .error(json!({"property": "Titles", "rollup": {"any": {"title": {"equals": "x"}}}}))
                .starts_with("body failed validation. Fix one: body.filter.rollup.any.rich_text")
        );
        assert_eq!(
            fixture().error(
                json!({"property": "Titles", "rollup": {"any": {"number": {"equals": "1"}}}})
            ),
            "body failed validation: body.filter.rollup.any.number.equals should be a number, instead was `\"1\"`."
        );
    }
}
