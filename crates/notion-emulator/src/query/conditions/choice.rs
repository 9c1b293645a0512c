//! Option conditions: select and status (one option), multi_select (many options).
//!
//! Operands name options (exact name match). An array operand means "any of" for
//! `equals` / `contains` and "none of" for `does_not_equal` / `does_not_contain`, as the 2026
//! API documents for view filters. Negative operators match empty values.

use serde_json::Value;

use crate::query::json::str_field;

use super::operator::single_operator;
use crate::query::error::QueryError;

/// A compiled select or status condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SelectCondition {
    Equals(Vec<String>),
    DoesNotEqual(Vec<String>),
    IsEmpty,
    IsNotEmpty,
}

impl SelectCondition {
    /// Compiles a select / status condition.
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        let operator = single_operator(
            condition,
            path,
            &["equals", "does_not_equal", "is_empty", "is_not_empty"],
        )?;
        Ok(match operator.name {
            "equals" => Self::Equals(operator.strings()?),
            "does_not_equal" => Self::DoesNotEqual(operator.strings()?),
            "is_empty" => operator.require_true().map(|()| Self::IsEmpty)?,
            _ => operator.require_true().map(|()| Self::IsNotEmpty)?,
        })
    }

    /// Whether an option payload `{id, name, color}` (or null) satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let name = payload.and_then(|option| str_field(option, "name"));
        match self {
            Self::Equals(wanted) => name.is_some_and(|name| wanted.iter().any(|w| w == name)),
            Self::DoesNotEqual(unwanted) => {
                !name.is_some_and(|name| unwanted.iter().any(|w| w == name))
            }
            Self::IsEmpty => name.is_none(),
            Self::IsNotEmpty => name.is_some(),
        }
    }
}

/// A compiled multi_select condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MultiSelectCondition {
    Contains(Vec<String>),
    DoesNotContain(Vec<String>),
    IsEmpty,
    IsNotEmpty,
}

impl MultiSelectCondition {
    /// Compiles a multi_select condition.
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        let operator = single_operator(
            condition,
            path,
            &["contains", "does_not_contain", "is_empty", "is_not_empty"],
        )?;
        Ok(match operator.name {
            "contains" => Self::Contains(operator.strings()?),
            "does_not_contain" => Self::DoesNotContain(operator.strings()?),
            "is_empty" => operator.require_true().map(|()| Self::IsEmpty)?,
            _ => operator.require_true().map(|()| Self::IsNotEmpty)?,
        })
    }

    /// Whether an array of options satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let options = payload
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut names = options
            .iter()
            .filter_map(|option| str_field(option, "name"));
        match self {
            Self::Contains(wanted) => names.any(|name| wanted.iter().any(|w| w == name)),
            Self::DoesNotContain(unwanted) => !names.any(|name| unwanted.iter().any(|w| w == name)),
            Self::IsEmpty => options.is_empty(),
            Self::IsNotEmpty => !options.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, option, prop};

    fn fixture() -> Fixture {
        Fixture::new(vec![
            (
                "high",
                json!({"Priority": prop("select", option("High")), "Status": prop("status", option("In progress")), "Tags": prop("multi_select", json!([option("api"), option("docs")]))}),
            ),
            (
                "low",
                json!({"Priority": prop("select", option("Low")), "Status": prop("status", option("Done")), "Tags": prop("multi_select", json!([option("bug")]))}),
            ),
            (
                "unset",
                json!({"Priority": prop("select", json!(null)), "Status": prop("status", json!(null)), "Tags": prop("multi_select", json!([]))}),
            ),
        ])
    }

    #[test]
    fn select_equals_one_or_any_of_many() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Priority", "select": {"equals": "High"}})),
            ["high"]
        );
        assert_eq!(
            f.matching(json!({"property": "Priority", "select": {"equals": ["High", "Low"]}})),
            ["high", "low"]
        );
        assert!(
            f.matching(json!({"property": "Priority", "select": {"equals": "high"}}))
                .is_empty()
        );
    }

    #[test]
    fn select_does_not_equal_includes_empty_values() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Priority", "select": {"does_not_equal": "High"}})),
            ["low", "unset"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Priority", "select": {"does_not_equal": ["High", "Low"]}})
            ),
            ["unset"]
        );
    }

    #[test]
    fn select_and_status_emptiness() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Priority", "select": {"is_empty": true}})),
            ["unset"]
        );
        assert_eq!(
            f.matching(json!({"property": "Status", "status": {"is_not_empty": true}})),
            ["high", "low"]
        );
    }

    #[test]
    fn status_equality() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Status", "status": {"equals": "Done"}})),
            ["low"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Status", "status": {"does_not_equal": ["Done", "In progress"]}})
            ),
            ["unset"]
        );
    }

    #[test]
    fn multi_select_contains_and_does_not_contain() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Tags", "multi_select": {"contains": "docs"}})),
            ["high"]
        );
        assert_eq!(
            f.matching(json!({"property": "Tags", "multi_select": {"contains": ["bug", "docs"]}})),
            ["high", "low"]
        );
        assert_eq!(
            f.matching(json!({"property": "Tags", "multi_select": {"does_not_contain": "api"}})),
            ["low", "unset"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Tags", "multi_select": {"does_not_contain": ["api", "bug"]}})
            ),
            ["unset"]
        );
    }

    #[test]
    fn multi_select_emptiness() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Tags", "multi_select": {"is_empty": true}})),
            ["unset"]
        );
        assert_eq!(
            f.matching(json!({"property": "Tags", "multi_select": {"is_not_empty": true}})),
            ["high", "low"]
        );
    }

    #[test]
    fn operands_must_be_strings_or_string_arrays() {
        assert_eq!(
            fixture().error(json!({"property": "Tags", "multi_select": {"contains": 3}})),
            "body failed validation: body.filter.multi_select.contains should be a string or an array of strings, instead was `3`."
        );
    }
}
