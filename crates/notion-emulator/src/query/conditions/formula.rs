//! Formula conditions: `{"string" | "checkbox" | "number" | "date": <condition>}`, tested
//! against the stored formula result `{type, <type>: value}`. A condition on another result
//! type sees an empty value.

use jiff::Timestamp;
use serde_json::Value;

use crate::query::json::field;

use super::checkbox::CheckboxCondition;
use super::date::{DateCondition, start_of};
use super::number::NumberCondition;
use super::operator::single_operator;
use super::text::TextCondition;
use crate::query::error::QueryError;

/// A compiled formula condition.
#[derive(Debug, Clone)]
pub(crate) enum FormulaCondition {
    String(TextCondition),
    Checkbox(CheckboxCondition),
    Number(NumberCondition),
    Date(DateCondition),
}

impl FormulaCondition {
    /// Compiles a formula condition.
    pub(crate) fn compile(
        condition: &Value,
        path: &str,
        now: Timestamp,
    ) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, &["string", "checkbox", "number", "date"])?;
        let (inner, inner_path) = (operator.operand, operator.path.as_str());
        Ok(match operator.name {
            "string" => Self::String(TextCondition::compile(inner, inner_path)?),
            "checkbox" => Self::Checkbox(CheckboxCondition::compile(inner, inner_path)?),
            "number" => Self::Number(NumberCondition::compile(inner, inner_path)?),
            _ => Self::Date(DateCondition::compile(inner, inner_path, now)?),
        })
    }

    /// Whether a formula payload `{type, string|boolean|number|date}` satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let result = |key: &str| {
            payload
                .and_then(|formula| field(formula, key))
                .filter(|v| !v.is_null())
        };
        match self {
            Self::String(condition) => condition.matches(result("string")),
            Self::Checkbox(condition) => condition.matches(result("boolean")),
            Self::Number(condition) => condition.matches(result("number").and_then(Value::as_f64)),
            Self::Date(condition) => condition.matches(start_of(result("date"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, date, prop};

    fn fixture() -> Fixture {
        Fixture::new(vec![
            (
                "text",
                json!({"Score": prop("formula", json!({"type": "string", "string": "High score"}))}),
            ),
            (
                "number",
                json!({"Score": prop("formula", json!({"type": "number", "number": 12}))}),
            ),
            (
                "yes",
                json!({"Score": prop("formula", json!({"type": "boolean", "boolean": true}))}),
            ),
            (
                "when",
                json!({"Score": prop("formula", json!({"type": "date", "date": date("2026-05-01")}))}),
            ),
            (
                "blank",
                json!({"Score": prop("formula", json!({"type": "string", "string": null}))}),
            ),
        ])
    }

    #[test]
    fn string_results() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Score", "formula": {"string": {"contains": "score"}}})),
            ["text"]
        );
        assert_eq!(
            f.matching(json!({"property": "Score", "formula": {"string": {"is_empty": true}}})),
            ["number", "yes", "when", "blank"]
        );
    }

    #[test]
    fn number_results() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Score", "formula": {"number": {"greater_than": 10}}})),
            ["number"]
        );
        assert_eq!(
            f.matching(json!({"property": "Score", "formula": {"number": {"is_not_empty": true}}})),
            ["number"]
        );
    }

    #[test]
    fn checkbox_results() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Score", "formula": {"checkbox": {"equals": true}}})),
            ["yes"]
        );
        assert_eq!(
            f.matching(
                json!({"property": "Score", "formula": {"checkbox": {"does_not_equal": true}}})
            ),
            ["text", "number", "when", "blank"]
        );
    }

    #[test]
    fn date_results() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Score", "formula": {"date": {"before": "today"}}})),
            ["when"]
        );
    }

    #[test]
    fn inner_conditions_are_validated_with_their_path() {
        assert_eq!(
            fixture().error(json!({"property": "Score", "formula": {"number": {"equals": true}}})),
            "body failed validation: body.filter.formula.number.equals should be a number, instead was `true`."
        );
        assert!(
            fixture()
                .error(json!({"property": "Score", "formula": {"text": {"equals": "x"}}}))
                .starts_with("body failed validation. Fix one: body.filter.formula.string")
        );
    }
}
