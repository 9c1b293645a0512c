//! The validation error a query compiles into, worded the way Notion words it.
//!
//! Notion reports body problems as `validation_error` with messages such as
//! ``body failed validation: body.filter.number.equals should be a number, instead was `"5"`.``
//! or, when no member of a union fits,
//! ``body failed validation. Fix one: body.filter.and should be defined, instead was `undefined`. …``.

use std::fmt;

use serde_json::Value;

/// A filter or sort that Notion would reject with a 400 `validation_error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QueryError {
    /// The `message` of the error body.
    pub(crate) message: String,
}

impl QueryError {
    /// An error with a message that is already fully worded.
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// `body failed validation: <path> <expectation>, instead was `<actual>`.`
    pub(crate) fn invalid(path: &str, expectation: &str, actual: Option<&Value>) -> Self {
        Self::new(format!(
            "body failed validation: {path} {expectation}, instead was `{}`.",
            render(actual)
        ))
    }

    /// `<path> should be defined, instead was `undefined`.`
    pub(crate) fn missing(path: &str) -> Self {
        Self::invalid(path, "should be defined", None)
    }

    /// `<path> should be not present, instead was `<actual>`.`
    pub(crate) fn not_allowed(path: &str, actual: &Value) -> Self {
        Self::invalid(path, "should be not present", Some(actual))
    }

    /// The union failure: every alternative listed as a missing key under `path`.
    pub(crate) fn fix_one(path: &str, alternatives: &[&str]) -> Self {
        let mut message = String::from("body failed validation. Fix one:");
        for key in alternatives {
            message.push_str(&format!(
                " {path}.{key} should be defined, instead was `undefined`."
            ));
        }
        Self::new(message)
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for QueryError {}

/// Renders a JSON value the way Notion quotes it in messages (`undefined` when absent).
fn render(actual: Option<&Value>) -> String {
    match actual {
        None => "undefined".to_owned(),
        Some(value) => value.to_string(),
    }
}

/// Joins a JSON path and a key: `body.filter` + `and` -> `body.filter.and`.
pub(crate) fn child(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

/// Joins a JSON path and an array index: `body.filter.and` + 0 -> `body.filter.and[0]`.
pub(crate) fn index(path: &str, position: usize) -> String {
    format!("{path}[{position}]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn invalid_quotes_the_actual_value_as_json() {
        let error = QueryError::invalid(
            "body.filter.and[0].number.greater_than",
            "should be a number",
            Some(&json!("5")),
        );
        assert_eq!(
            error.to_string(),
            "body failed validation: body.filter.and[0].number.greater_than should be a number, instead was `\"5\"`."
        );
    }

    #[test]
    fn missing_says_undefined() {
        assert_eq!(
            QueryError::missing("body.sorts[1].direction").message,
            "body failed validation: body.sorts[1].direction should be defined, instead was `undefined`."
        );
    }

    #[test]
    fn fix_one_lists_every_alternative() {
        assert_eq!(
            QueryError::fix_one("body.filter", &["or", "and"]).message,
            "body failed validation. Fix one: body.filter.or should be defined, instead was `undefined`. body.filter.and should be defined, instead was `undefined`."
        );
    }

    #[test]
    fn paths_join_keys_and_indexes() {
        assert_eq!(
            child(&index("body.filter.or", 2), "date"),
            "body.filter.or[2].date"
        );
    }
}
