//! Number conditions: number properties, unique ids, formula and rollup numbers.
//!
//! An empty number never satisfies a comparison except `does_not_equal` (like the UI's "≠").

use serde_json::Value;

use super::operator::single_operator;
use crate::query::error::QueryError;

const OPERATORS: &[&str] = &[
    "equals",
    "does_not_equal",
    "greater_than",
    "less_than",
    "greater_than_or_equal_to",
    "less_than_or_equal_to",
    "is_empty",
    "is_not_empty",
];

/// Unique ids cannot be empty, so they take no existence operators.
const UNIQUE_ID_OPERATORS: &[&str] = &[
    "equals",
    "does_not_equal",
    "greater_than",
    "less_than",
    "greater_than_or_equal_to",
    "less_than_or_equal_to",
];

/// A compiled number condition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberCondition {
    Equals(f64),
    DoesNotEqual(f64),
    GreaterThan(f64),
    LessThan(f64),
    GreaterThanOrEqualTo(f64),
    LessThanOrEqualTo(f64),
    IsEmpty,
    IsNotEmpty,
}

impl NumberCondition {
    /// Compiles a number condition (with `is_empty` / `is_not_empty`).
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        Self::compile_among(condition, path, OPERATORS)
    }

    /// Compiles a `unique_id` condition (comparisons only).
    pub(crate) fn compile_unique_id(condition: &Value, path: &str) -> Result<Self, QueryError> {
        Self::compile_among(condition, path, UNIQUE_ID_OPERATORS)
    }

    fn compile_among(condition: &Value, path: &str, allowed: &[&str]) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, allowed)?;
        Ok(match operator.name {
            "equals" => Self::Equals(operator.number()?),
            "does_not_equal" => Self::DoesNotEqual(operator.number()?),
            "greater_than" => Self::GreaterThan(operator.number()?),
            "less_than" => Self::LessThan(operator.number()?),
            "greater_than_or_equal_to" => Self::GreaterThanOrEqualTo(operator.number()?),
            "less_than_or_equal_to" => Self::LessThanOrEqualTo(operator.number()?),
            "is_empty" => operator.require_true().map(|()| Self::IsEmpty)?,
            _ => operator.require_true().map(|()| Self::IsNotEmpty)?,
        })
    }

    /// Whether `value` (absent when empty) satisfies the condition.
    pub(crate) fn matches(&self, value: Option<f64>) -> bool {
        match (*self, value) {
            (Self::IsEmpty, value) => value.is_none(),
            (Self::IsNotEmpty, value) => value.is_some(),
            (Self::DoesNotEqual(wanted), value) => value != Some(wanted),
            (_, None) => false,
            (Self::Equals(wanted), Some(value)) => value == wanted,
            (Self::GreaterThan(bound), Some(value)) => value > bound,
            (Self::LessThan(bound), Some(value)) => value < bound,
            (Self::GreaterThanOrEqualTo(bound), Some(value)) => value >= bound,
            (Self::LessThanOrEqualTo(bound), Some(value)) => value <= bound,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, prop};

    fn fixture() -> Fixture {
        Fixture::new(vec![
            (
                "three",
                json!({"Estimate": prop("number", json!(3)), "Task ID": prop("unique_id", json!({"prefix": "TASK", "number": 42}))}),
            ),
            (
                "half",
                json!({"Estimate": prop("number", json!(0.5)), "Task ID": prop("unique_id", json!({"prefix": "TASK", "number": 7}))}),
            ),
            (
                "none",
                json!({"Estimate": prop("number", json!(null)), "Task ID": prop("unique_id", json!({"prefix": null, "number": 8}))}),
            ),
        ])
    }

    #[test]
    fn equality() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"equals": 3}})),
            ["three"]
        );
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"does_not_equal": 3}})),
            ["half", "none"]
        );
    }

    #[test]
    fn strict_and_inclusive_bounds() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"greater_than": 0.5}})),
            ["three"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Estimate", "number": {"greater_than_or_equal_to": 0.5}})
            ),
            ["three", "half"]
        );
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"less_than": 3}})),
            ["half"]
        );
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"less_than_or_equal_to": 3}})),
            ["three", "half"]
        );
    }

    #[test]
    fn emptiness() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"is_empty": true}})),
            ["none"]
        );
        assert_eq!(
            f.matching(json!({"property": "Estimate", "number": {"is_not_empty": true}})),
            ["three", "half"]
        );
    }

    #[test]
    fn unique_ids_compare_their_number() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Task ID", "unique_id": {"equals": 42}})),
            ["three"]
        );
        assert_eq!(
            f.matching(json!({"property": "Task ID", "unique_id": {"less_than_or_equal_to": 8}})),
            ["half", "none"]
        );
        assert!(
            f.error(json!({"property": "Task ID", "unique_id": {"is_empty": true}}))
                .starts_with("body failed validation. Fix one: body.filter.unique_id.equals")
        );
    }

    #[test]
    fn operands_must_be_numbers() {
        assert_eq!(
            fixture()
                .error(json!({"and": [{"property": "Estimate", "number": {"greater_than": "5"}}]})),
            "body failed validation: body.filter.and[0].number.greater_than should be a number, instead was `\"5\"`."
        );
    }
}
