//! Text conditions: title, rich_text, url, email, phone_number and formula strings.
//!
//! Matching is case-insensitive (see `query::text`). Negative operators (`does_not_equal`,
//! `does_not_contain`) match empty values, as the Notion filter bar does.

use serde_json::Value;

use super::operator::single_operator;
use crate::query::error::QueryError;
use crate::query::text::{Needle, plain_text};

const OPERATORS: &[&str] = &[
    "equals",
    "does_not_equal",
    "contains",
    "does_not_contain",
    "starts_with",
    "ends_with",
    "is_empty",
    "is_not_empty",
];

/// A compiled text condition.
#[derive(Debug, Clone)]
pub(crate) enum TextCondition {
    Equals(Needle),
    DoesNotEqual(Needle),
    Contains(Needle),
    DoesNotContain(Needle),
    StartsWith(Needle),
    EndsWith(Needle),
    IsEmpty,
    IsNotEmpty,
}

impl TextCondition {
    /// Compiles `{"contains": "x"}` and friends found at `path`.
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, OPERATORS)?;
        let needle = || operator.string().map(Needle::new);
        Ok(match operator.name {
            "equals" => Self::Equals(needle()?),
            "does_not_equal" => Self::DoesNotEqual(needle()?),
            "contains" => Self::Contains(needle()?),
            "does_not_contain" => Self::DoesNotContain(needle()?),
            "starts_with" => Self::StartsWith(needle()?),
            "ends_with" => Self::EndsWith(needle()?),
            "is_empty" => operator.require_true().map(|()| Self::IsEmpty)?,
            _ => operator.require_true().map(|()| Self::IsNotEmpty)?,
        })
    }

    /// Whether a text payload (rich-text array or string) satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let text = plain_text(payload);
        match self {
            Self::Equals(needle) => needle.equals(&text),
            Self::DoesNotEqual(needle) => !needle.equals(&text),
            Self::Contains(needle) => needle.contained_in(&text),
            Self::DoesNotContain(needle) => !needle.contained_in(&text),
            Self::StartsWith(needle) => needle.starts(&text),
            Self::EndsWith(needle) => needle.ends(&text),
            Self::IsEmpty => text.is_empty(),
            Self::IsNotEmpty => !text.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, prop, rich_text};

    fn fixture() -> Fixture {
        Fixture::new(vec![
            (
                "digest",
                json!({"Name": prop("title", rich_text(&["Write ", "API digest"])), "Link": prop("url", json!("https://notion.so/x")), "Mail": prop("email", json!("Ann@Example.com")), "Phone": prop("phone_number", json!("+1 555"))}),
            ),
            (
                "apis",
                json!({"Name": prop("title", rich_text(&["apis"])), "Notes": prop("rich_text", rich_text(&["Some notes"]))}),
            ),
            (
                "blank",
                json!({"Name": prop("title", rich_text(&[])), "Link": prop("url", json!(null)), "Mail": prop("email", json!(null))}),
            ),
        ])
    }

    #[test]
    fn equals_and_does_not_equal_compare_whole_text_ignoring_case() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"equals": "write api DIGEST"}})),
            ["digest"]
        );
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"does_not_equal": "APIS"}})),
            ["digest", "blank"]
        );
    }

    #[test]
    fn contains_and_does_not_contain() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"contains": "api"}})),
            ["digest", "apis"]
        );
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"does_not_contain": "digest"}})),
            ["apis", "blank"]
        );
    }

    #[test]
    fn starts_with_and_ends_with() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"starts_with": "write a"}})),
            ["digest"]
        );
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"ends_with": "IS"}})),
            ["apis"]
        );
    }

    #[test]
    fn emptiness_of_rich_text_and_missing_values() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Name", "title": {"is_empty": true}})),
            ["blank"]
        );
        assert_eq!(
            f.matching(json!({"property": "Notes", "rich_text": {"is_not_empty": true}})),
            ["apis"]
        );
        assert_eq!(
            f.matching(json!({"property": "Notes", "rich_text": {"is_empty": true}})),
            ["digest", "blank"]
        );
    }

    #[test]
    fn string_properties_use_the_same_conditions() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Link", "url": {"contains": "NOTION"}})),
            ["digest"]
        );
        assert_eq!(
            f.matching(json!({"property": "Mail", "email": {"equals": "ann@example.com"}})),
            ["digest"]
        );
        assert_eq!(
            f.matching(json!({"property": "Phone", "phone_number": {"starts_with": "+1"}})),
            ["digest"]
        );
        assert_eq!(
            f.matching(json!({"property": "Link", "url": {"is_empty": true}})),
            ["apis", "blank"]
        );
    }

    #[test]
    fn operands_must_be_strings() {
        assert_eq!(
            fixture().error(json!({"property": "Name", "title": {"contains": 5}})),
            "body failed validation: body.filter.title.contains should be a string, instead was `5`."
        );
    }
}
