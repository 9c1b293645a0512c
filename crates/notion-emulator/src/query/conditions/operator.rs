//! Reading one condition object: exactly one operator key and a typed operand.

use serde_json::Value;

use crate::query::error::{QueryError, child, index};

/// The single `operator: operand` pair of a condition object such as `{"equals": 5}`.
#[derive(Debug)]
pub(crate) struct Operator<'v> {
    /// The operator key (`equals`, `contains`, …).
    pub(crate) name: &'v str,
    /// Its value.
    pub(crate) operand: &'v Value,
    /// JSON path of the operand, for messages.
    pub(crate) path: String,
}

/// Picks the operator of `condition` among `allowed`; any other key is an error.
pub(crate) fn single_operator<'v>(
    condition: &'v Value,
    path: &str,
    allowed: &[&str],
) -> Result<Operator<'v>, QueryError> {
    let Some(object) = condition.as_object() else {
        return Err(QueryError::invalid(
            path,
            "should be an object",
            Some(condition),
        ));
    };
    let Some((name, operand)) = object
        .iter()
        .find(|(key, _)| allowed.contains(&key.as_str()))
    else {
        return Err(QueryError::fix_one(path, allowed));
    };
    if let Some((extra, value)) = object.iter().find(|(key, _)| *key != name) {
        return Err(QueryError::not_allowed(&child(path, extra), value));
    }
    Ok(Operator {
        name,
        operand,
        path: child(path, name),
    })
}

impl<'v> Operator<'v> {
    /// The operand as a string.
    pub(crate) fn string(&self) -> Result<&'v str, QueryError> {
        self.operand.as_str().ok_or_else(|| {
            QueryError::invalid(&self.path, "should be a string", Some(self.operand))
        })
    }

    /// The operand as a number.
    pub(crate) fn number(&self) -> Result<f64, QueryError> {
        self.operand.as_f64().ok_or_else(|| {
            QueryError::invalid(&self.path, "should be a number", Some(self.operand))
        })
    }

    /// The operand as a boolean.
    pub(crate) fn boolean(&self) -> Result<bool, QueryError> {
        self.operand.as_bool().ok_or_else(|| {
            QueryError::invalid(&self.path, "should be a boolean", Some(self.operand))
        })
    }

    /// `is_empty` / `is_not_empty` only accept `true`.
    pub(crate) fn require_true(&self) -> Result<(), QueryError> {
        match self.operand {
            Value::Bool(true) => Ok(()),
            other => Err(QueryError::invalid(
                &self.path,
                "should be `true`",
                Some(other),
            )),
        }
    }

    /// Relative-range operators (`past_week`, …) take an empty object.
    pub(crate) fn require_empty_object(&self) -> Result<(), QueryError> {
        let Some(object) = self.operand.as_object() else {
            return Err(QueryError::invalid(
                &self.path,
                "should be an object",
                Some(self.operand),
            ));
        };
        match object.iter().next() {
            Some((key, value)) => Err(QueryError::not_allowed(&child(&self.path, key), value)),
            None => Ok(()),
        }
    }

    /// A string or an array of strings (select, status and multi_select operands).
    pub(crate) fn strings(&self) -> Result<Vec<String>, QueryError> {
        match self.operand {
            Value::String(single) => Ok(vec![single.clone()]),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(position, item)| {
                    item.as_str().map(str::to_owned).ok_or_else(|| {
                        QueryError::invalid(
                            &index(&self.path, position),
                            "should be a string",
                            Some(item),
                        )
                    })
                })
                .collect(),
            other => Err(QueryError::invalid(
                &self.path,
                "should be a string or an array of strings",
                Some(other),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn picks_the_single_allowed_operator() {
        let condition = json!({"greater_than": 3});
        let operator = single_operator(
            &condition,
            "body.filter.number",
            &["equals", "greater_than"],
        )
        .expect("valid");
        assert_eq!(operator.name, "greater_than");
        assert_eq!(operator.path, "body.filter.number.greater_than");
        assert_eq!(operator.number(), Ok(3.0));
    }

    #[test]
    fn unknown_or_missing_operator_lists_the_alternatives() {
        let error = single_operator(
            &json!({}),
            "body.filter.checkbox",
            &["equals", "does_not_equal"],
        )
        .expect_err("no operator");
        assert_eq!(
            error.message,
            "body failed validation. Fix one: body.filter.checkbox.equals should be defined, instead was `undefined`. body.filter.checkbox.does_not_equal should be defined, instead was `undefined`."
        );
    }

    #[test]
    fn a_second_operator_is_not_allowed() {
        let error = single_operator(
            &json!({"equals": 1, "less_than": 2}),
            "body.filter.number",
            &["equals", "less_than"],
        )
        .expect_err("two operators");
        assert_eq!(
            error.message,
            "body failed validation: body.filter.number.less_than should be not present, instead was `2`."
        );
    }

    #[test]
    fn a_non_object_condition_is_rejected() {
        let error = single_operator(&json!("x"), "body.filter.number", &["equals"])
            .expect_err("not an object");
        assert_eq!(
            error.message,
            "body failed validation: body.filter.number should be an object, instead was `\"x\"`."
        );
    }

    #[test]
    fn operand_types_are_checked() {
        let condition = json!({"equals": "5"});
        let operator =
            single_operator(&condition, "body.filter.number", &["equals"]).expect("valid");
        assert_eq!(
            operator.number().expect_err("string").message,
            "body failed validation: body.filter.number.equals should be a number, instead was `\"5\"`."
        );
        assert!(operator.boolean().is_err());
        assert_eq!(operator.string(), Ok("5"));
    }

    #[test]
    fn existence_requires_true_and_ranges_require_empty_objects() {
        let condition = json!({"is_empty": false});
        let operator = single_operator(&condition, "p", &["is_empty"]).expect("valid");
        assert_eq!(
            operator.require_true().expect_err("false").message,
            "body failed validation: p.is_empty should be `true`, instead was `false`."
        );
        let condition = json!({"past_week": {"x": 1}});
        let operator = single_operator(&condition, "p", &["past_week"]).expect("valid");
        assert_eq!(
            operator
                .require_empty_object()
                .expect_err("not empty")
                .message,
            "body failed validation: p.past_week.x should be not present, instead was `1`."
        );
    }

    #[test]
    fn strings_accept_one_or_many() {
        let condition = json!({"equals": ["a", "b"]});
        let operator = single_operator(&condition, "p", &["equals"]).expect("valid");
        assert_eq!(operator.strings(), Ok(vec!["a".to_owned(), "b".to_owned()]));
        let condition = json!({"equals": ["a", 1]});
        let operator = single_operator(&condition, "p", &["equals"]).expect("valid");
        assert_eq!(
            operator.strings().expect_err("number item").message,
            "body failed validation: p.equals[1] should be a string, instead was `1`."
        );
    }
}
