//! Type-specific filter conditions, compiled once and evaluated on property payloads.
//!
//! A payload is the `<type>` member of a page property value, e.g. the rich-text array of
//! `{"id": "title", "type": "title", "title": [...]}`; `None` when the page has no value.

mod checkbox;
mod choice;
mod date;
mod existence;
mod formula;
mod number;
pub(crate) mod operator;
mod reference;
mod rollup;
mod text;
mod verification;

use serde_json::Value;

use super::json::field;

pub(crate) use self::checkbox::CheckboxCondition;
pub(crate) use self::choice::{MultiSelectCondition, SelectCondition};
pub(crate) use self::date::{DateCondition, start_of};
pub(crate) use self::existence::ExistenceCondition;
pub(crate) use self::formula::FormulaCondition;
pub(crate) use self::number::NumberCondition;
pub(crate) use self::reference::ReferenceCondition;
pub(crate) use self::rollup::RollupCondition;
pub(crate) use self::text::TextCondition;
pub(crate) use self::verification::VerificationCondition;
use super::QueryContext;
use super::error::QueryError;

/// Every filter key a property filter may carry, in Notion's order (for "Fix one" messages).
pub(crate) const FILTER_TYPES: &[&str] = &[
    "title",
    "rich_text",
    "number",
    "checkbox",
    "select",
    "multi_select",
    "status",
    "date",
    "people",
    "files",
    "url",
    "email",
    "phone_number",
    "relation",
    "created_by",
    "created_time",
    "last_edited_by",
    "last_edited_time",
    "formula",
    "unique_id",
    "rollup",
    "verification",
];

/// A compiled condition for one property type.
#[derive(Debug, Clone)]
pub(crate) enum Condition {
    Text(TextCondition),
    Number(NumberCondition),
    UniqueId(NumberCondition),
    Checkbox(CheckboxCondition),
    Select(SelectCondition),
    MultiSelect(MultiSelectCondition),
    Date(DateCondition),
    People(ReferenceCondition),
    Relation(ReferenceCondition),
    Files(ExistenceCondition),
    Formula(FormulaCondition),
    Rollup(RollupCondition),
    Verification(VerificationCondition),
}

/// Compiles the condition object of a `kind` filter (`kind` is one of [`FILTER_TYPES`]).
pub(crate) fn compile_condition(
    kind: &str,
    condition: &Value,
    path: &str,
    ctx: &QueryContext<'_>,
) -> Result<Condition, QueryError> {
    Ok(match kind {
        "title" | "rich_text" | "url" | "email" | "phone_number" => {
            Condition::Text(TextCondition::compile(condition, path)?)
        }
        "number" => Condition::Number(NumberCondition::compile(condition, path)?),
        "unique_id" => Condition::UniqueId(NumberCondition::compile_unique_id(condition, path)?),
        "checkbox" => Condition::Checkbox(CheckboxCondition::compile(condition, path)?),
        "select" | "status" => Condition::Select(SelectCondition::compile(condition, path)?),
        "multi_select" => Condition::MultiSelect(MultiSelectCondition::compile(condition, path)?),
        "date" | "created_time" | "last_edited_time" => {
            Condition::Date(DateCondition::compile(condition, path, ctx.now)?)
        }
        "people" | "created_by" | "last_edited_by" => Condition::People(
            ReferenceCondition::compile_people(condition, path, ctx.current_user_id)?,
        ),
        "relation" => Condition::Relation(ReferenceCondition::compile_relation(condition, path)?),
        "files" => Condition::Files(ExistenceCondition::compile(condition, path)?),
        "formula" => Condition::Formula(FormulaCondition::compile(condition, path, ctx.now)?),
        "rollup" => Condition::Rollup(RollupCondition::compile(condition, path, ctx)?),
        "verification" => Condition::Verification(VerificationCondition::compile(condition, path)?),
        other => {
            return Err(QueryError::new(format!(
                "body failed validation: {path} is a filter on an unsupported property type `{other}`."
            )));
        }
    })
}

impl Condition {
    /// Whether a property payload satisfies the condition (`None` / null = empty value).
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let payload = payload.filter(|value| !value.is_null());
        match self {
            Self::Text(condition) => condition.matches(payload),
            Self::Number(condition) => condition.matches(payload.and_then(Value::as_f64)),
            Self::UniqueId(condition) => condition.matches(
                payload
                    .and_then(|unique_id| field(unique_id, "number"))
                    .and_then(Value::as_f64),
            ),
            Self::Checkbox(condition) => condition.matches(payload),
            Self::Select(condition) => condition.matches(payload),
            Self::MultiSelect(condition) => condition.matches(payload),
            Self::Date(condition) => condition.matches(start_of(payload)),
            Self::People(condition) | Self::Relation(condition) => condition.matches(payload),
            Self::Files(condition) => condition.matches(payload),
            Self::Formula(condition) => condition.matches(payload),
            Self::Rollup(condition) => condition.matches(payload),
            Self::Verification(condition) => condition.matches(payload),
        }
    }
}
