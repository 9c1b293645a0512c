//! Checkbox conditions (checkbox properties and formula booleans).

use serde_json::Value;

use super::operator::single_operator;
use crate::query::error::QueryError;

/// A compiled checkbox condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckboxCondition {
    Equals(bool),
    DoesNotEqual(bool),
}

impl CheckboxCondition {
    /// Compiles `{"equals": true}` / `{"does_not_equal": false}`.
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, &["equals", "does_not_equal"])?;
        let wanted = operator.boolean()?;
        Ok(if operator.name == "equals" {
            Self::Equals(wanted)
        } else {
            Self::DoesNotEqual(wanted)
        })
    }

    /// Whether a checkbox payload satisfies the condition (a missing value is unchecked).
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let checked = payload.and_then(Value::as_bool).unwrap_or(false);
        match *self {
            Self::Equals(wanted) => checked == wanted,
            Self::DoesNotEqual(wanted) => checked != wanted,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, prop};

    fn fixture() -> Fixture {
        Fixture::new(vec![
            ("done", json!({"Done": prop("checkbox", json!(true))})),
            ("open", json!({"Done": prop("checkbox", json!(false))})),
            ("unset", json!({})),
        ])
    }

    #[test]
    fn equals_and_does_not_equal() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Done", "checkbox": {"equals": true}})),
            ["done"]
        );
        assert_eq!(
            f.matching(json!({"property": "Done", "checkbox": {"equals": false}})),
            ["open", "unset"]
        );
        assert_eq!(
            f.matching(json!({"property": "Done", "checkbox": {"does_not_equal": true}})),
            ["open", "unset"]
        );
        assert_eq!(
            f.matching(json!({"property": "Done", "checkbox": {"does_not_equal": false}})),
            ["done"]
        );
    }

    #[test]
    fn operand_must_be_boolean_and_no_existence_operators() {
        let f = fixture();
        assert_eq!(
            f.error(json!({"property": "Done", "checkbox": {"equals": "true"}})),
            "body failed validation: body.filter.checkbox.equals should be a boolean, instead was `\"true\"`."
        );
        assert!(
            f.error(json!({"property": "Done", "checkbox": {"is_empty": true}}))
                .starts_with("body failed validation. Fix one:")
        );
    }
}
