//! Existence-only conditions: files properties (and `files` inside rollup filters).

use serde_json::Value;

use super::operator::single_operator;
use crate::query::error::QueryError;

/// `is_empty` or `is_not_empty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExistenceCondition {
    IsEmpty,
    IsNotEmpty,
}

impl ExistenceCondition {
    /// Compiles `{"is_empty": true}` / `{"is_not_empty": true}`.
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, &["is_empty", "is_not_empty"])?;
        operator.require_true()?;
        Ok(if operator.name == "is_empty" {
            Self::IsEmpty
        } else {
            Self::IsNotEmpty
        })
    }

    /// Whether an array payload (files) satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let empty = payload.and_then(Value::as_array).is_none_or(Vec::is_empty);
        empty == (*self == Self::IsEmpty)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, prop};

    #[test]
    fn files_emptiness() {
        let f = Fixture::new(vec![
            (
                "with",
                json!({"Attachments": prop("files", json!([{"name": "a.pdf", "type": "external", "external": {"url": "https://x/a.pdf"}}]))}),
            ),
            ("without", json!({"Attachments": prop("files", json!([]))})),
        ]);
        assert_eq!(
            f.matching(json!({"property": "Attachments", "files": {"is_empty": true}})),
            ["without"]
        );
        assert_eq!(
            f.matching(json!({"property": "Attachments", "files": {"is_not_empty": true}})),
            ["with"]
        );
        assert!(
            f.error(json!({"property": "Attachments", "files": {"contains": "a"}}))
                .starts_with("body failed validation. Fix one: body.filter.files.is_empty")
        );
    }
}
