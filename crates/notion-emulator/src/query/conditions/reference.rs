//! Id conditions: people, created_by, last_edited_by (users) and relation (pages).
//!
//! Operands are UUIDs, dashed or not; people filters also accept `"me"`, the caller's user.

use serde_json::Value;

use crate::query::json::str_field;

use super::operator::single_operator;
use crate::query::error::QueryError;
use crate::query::ids::{normalise_id, same_id};

/// A compiled people / relation condition; ids are kept as 32 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReferenceCondition {
    Contains(String),
    DoesNotContain(String),
    IsEmpty,
    IsNotEmpty,
}

impl ReferenceCondition {
    /// Compiles a people-like condition; `me` is the id `"me"` stands for.
    pub(crate) fn compile_people(
        condition: &Value,
        path: &str,
        me: &str,
    ) -> Result<Self, QueryError> {
        Self::compile(condition, path, Some(me))
    }

    /// Compiles a relation condition (no `"me"`).
    pub(crate) fn compile_relation(condition: &Value, path: &str) -> Result<Self, QueryError> {
        Self::compile(condition, path, None)
    }

    fn compile(condition: &Value, path: &str, me: Option<&str>) -> Result<Self, QueryError> {
        let operator = single_operator(
            condition,
            path,
            &["contains", "does_not_contain", "is_empty", "is_not_empty"],
        )?;
        let id = || {
            let raw = operator.string()?;
            let resolved = match (raw, me) {
                ("me", Some(me)) => Some(
                    normalise_id(me).unwrap_or_else(|| me.replace('-', "").to_ascii_lowercase()),
                ),
                _ => normalise_id(raw),
            };
            resolved.ok_or_else(|| {
                QueryError::invalid(
                    &operator.path,
                    "should be a valid uuid",
                    Some(operator.operand),
                )
            })
        };
        Ok(match operator.name {
            "contains" => Self::Contains(id()?),
            "does_not_contain" => Self::DoesNotContain(id()?),
            "is_empty" => operator.require_true().map(|()| Self::IsEmpty)?,
            _ => operator.require_true().map(|()| Self::IsNotEmpty)?,
        })
    }

    /// Whether the referenced ids satisfy the condition.
    pub(crate) fn matches_ids<'a>(&self, mut ids: impl Iterator<Item = &'a str>) -> bool {
        match self {
            Self::Contains(wanted) => ids.any(|id| same_id(id, wanted)),
            Self::DoesNotContain(unwanted) => !ids.any(|id| same_id(id, unwanted)),
            Self::IsEmpty => ids.next().is_none(),
            Self::IsNotEmpty => ids.next().is_some(),
        }
    }

    /// Whether a payload — an array of `{id, …}` (people, relation), one `{id, …}` (created_by)
    /// or null — satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        self.matches_ids(ids_of(payload))
    }
}

/// The ids of a people / relation / user payload.
fn ids_of(payload: Option<&Value>) -> impl Iterator<Item = &str> {
    let items: &[Value] = match payload {
        Some(Value::Array(items)) => items,
        Some(single @ Value::Object(_)) => std::slice::from_ref(single),
        _ => &[],
    };
    items
        .iter()
        .filter_map(|item| str_field(item, "id"))
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{ANN, BOB, Fixture, ME, PROJECT_A, PROJECT_B, TestPage, prop};

    fn user(id: &str) -> serde_json::Value {
        json!({"object": "user", "id": id})
    }

    fn fixture() -> Fixture {
        Fixture::of(vec![
            TestPage::new("ann", json!({"Owner": prop("people", json!([user(ANN)])), "Project": prop("relation", json!([{"id": PROJECT_A}]))})).by(ME),
            TestPage::new("both", json!({"Owner": prop("people", json!([user(ANN), user(ME)])), "Project": prop("relation", json!([{"id": PROJECT_A}, {"id": PROJECT_B}]))})).by(BOB),
            TestPage::new("nobody", json!({"Owner": prop("people", json!([])), "Project": prop("relation", json!([]))})).by(BOB),
        ])
    }

    #[test]
    fn people_contains_dashed_undashed_or_me() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Owner", "people": {"contains": ANN}})),
            ["ann", "both"]
        );
        assert_eq!(f.matching(json!({"property": "Owner", "people": {"contains": ANN.replace('-', "").to_uppercase()}})), ["ann", "both"]);
        assert_eq!(
            f.matching(json!({"property": "Owner", "people": {"contains": "me"}})),
            ["both"]
        );
        assert_eq!(
            f.matching(json!({"property": "Owner", "people": {"does_not_contain": "me"}})),
            ["ann", "nobody"]
        );
    }

    #[test]
    fn people_emptiness() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Owner", "people": {"is_empty": true}})),
            ["nobody"]
        );
        assert_eq!(
            f.matching(json!({"property": "Owner", "people": {"is_not_empty": true}})),
            ["ann", "both"]
        );
    }

    #[test]
    fn created_by_and_last_edited_by_use_the_page_authors() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Creator", "created_by": {"contains": "me"}})),
            ["ann"]
        );
        assert_eq!(
            f.matching(json!({"property": "Editor", "last_edited_by": {"does_not_contain": BOB}})),
            ["ann"]
        );
        assert!(
            f.matching(json!({"property": "Creator", "created_by": {"is_empty": true}}))
                .is_empty()
        );
    }

    #[test]
    fn relation_contains_and_emptiness() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Project", "relation": {"contains": PROJECT_B}})),
            ["both"]
        );
        assert_eq!(f.matching(json!({"property": "Project", "relation": {"does_not_contain": PROJECT_B.replace('-', "")}})), ["ann", "nobody"]);
        assert_eq!(
            f.matching(json!({"property": "Project", "relation": {"is_empty": true}})),
            ["nobody"]
        );
        assert_eq!(
            f.matching(json!({"property": "Project", "relation": {"is_not_empty": true}})),
            ["ann", "both"]
        );
    }

    #[test]
    fn operands_must_be_uuids() {
        let f = fixture();
        assert_eq!(
            f.error(json!({"property": "Project", "relation": {"contains": "me"}})),
            "body failed validation: body.filter.relation.contains should be a valid uuid, instead was `\"me\"`."
        );
        assert!(
            f.error(json!({"property": "Owner", "people": {"contains": "bob"}}))
                .contains("should be a valid uuid")
        );
    }
}
