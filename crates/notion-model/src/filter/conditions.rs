//! Filter conditions, one enum per property-type family. Each serializes as Notion's
//! one-key object (`{"equals": "x"}`); unknown operators are kept in `Other`.

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use crate::common::EmptyObject;

/// A string or, in 2026 types, an array of strings (select / status / multi-select values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StringOrStrings {
    /// One value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl From<&str> for StringOrStrings {
    fn from(value: &str) -> Self {
        Self::One(value.to_owned())
    }
}

impl From<String> for StringOrStrings {
    fn from(value: String) -> Self {
        Self::One(value)
    }
}

impl From<Vec<String>> for StringOrStrings {
    fn from(value: Vec<String>) -> Self {
        Self::Many(value)
    }
}

/// Title, rich text, URL, e-mail and phone-number conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TextCondition {
    /// `equals`
    Equals(String),
    /// `does_not_equal`
    DoesNotEqual(String),
    /// `contains`
    Contains(String),
    /// `does_not_contain`
    DoesNotContain(String),
    /// `starts_with`
    StartsWith(String),
    /// `ends_with`
    EndsWith(String),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Number and unique-id conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberCondition {
    /// `equals`
    Equals(Number),
    /// `does_not_equal`
    DoesNotEqual(Number),
    /// `greater_than`
    GreaterThan(Number),
    /// `less_than`
    LessThan(Number),
    /// `greater_than_or_equal_to`
    GreaterThanOrEqualTo(Number),
    /// `less_than_or_equal_to`
    LessThanOrEqualTo(Number),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Checkbox conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckboxCondition {
    /// `equals`
    Equals(bool),
    /// `does_not_equal`
    DoesNotEqual(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Select and status conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SelectCondition {
    /// `equals` (string, or array in 2026)
    Equals(StringOrStrings),
    /// `does_not_equal`
    DoesNotEqual(StringOrStrings),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Multi-select conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MultiSelectCondition {
    /// `contains` (string, or array in 2026)
    Contains(StringOrStrings),
    /// `does_not_contain`
    DoesNotContain(StringOrStrings),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Date, created-time and last-edited-time conditions. Values are ISO dates / datetimes or
/// (2026) relative tokens such as `today` or `one_week_ago`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateCondition {
    /// `equals`
    Equals(String),
    /// `before`
    Before(String),
    /// `after`
    After(String),
    /// `on_or_before`
    OnOrBefore(String),
    /// `on_or_after`
    OnOrAfter(String),
    /// `this_week: {}`
    ThisWeek(EmptyObject),
    /// `past_week: {}`
    PastWeek(EmptyObject),
    /// `past_month: {}`
    PastMonth(EmptyObject),
    /// `past_year: {}`
    PastYear(EmptyObject),
    /// `next_week: {}`
    NextWeek(EmptyObject),
    /// `next_month: {}`
    NextMonth(EmptyObject),
    /// `next_year: {}`
    NextYear(EmptyObject),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// People, created-by and last-edited-by conditions (user UUID or `"me"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PeopleCondition {
    /// `contains`
    Contains(String),
    /// `does_not_contain`
    DoesNotContain(String),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Relation conditions (page UUID).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RelationCondition {
    /// `contains`
    Contains(String),
    /// `does_not_contain`
    DoesNotContain(String),
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Files conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExistenceCondition {
    /// `is_empty: true`
    IsEmpty(bool),
    /// `is_not_empty: true`
    IsNotEmpty(bool),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Formula conditions, keyed by result type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FormulaCondition {
    /// `string: {...}`
    String(TextCondition),
    /// `checkbox: {...}`
    Checkbox(CheckboxCondition),
    /// `number: {...}`
    Number(NumberCondition),
    /// `date: {...}`
    Date(DateCondition),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Rollup conditions: `any` / `every` / `none` for array rollups, `date` / `number` for
/// scalar ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RollupCondition {
    /// Some element matches.
    Any(RollupSubfilter),
    /// Every element matches.
    Every(RollupSubfilter),
    /// No element matches.
    None(RollupSubfilter),
    /// Scalar date rollup.
    Date(DateCondition),
    /// Scalar number rollup.
    Number(NumberCondition),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// The element condition inside `any` / `every` / `none`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RollupSubfilter {
    /// `rich_text`
    RichText(TextCondition),
    /// `number`
    Number(NumberCondition),
    /// `checkbox`
    Checkbox(CheckboxCondition),
    /// `select`
    Select(SelectCondition),
    /// `multi_select`
    MultiSelect(MultiSelectCondition),
    /// `relation`
    Relation(RelationCondition),
    /// `date`
    Date(DateCondition),
    /// `people`
    People(PeopleCondition),
    /// `files`
    Files(ExistenceCondition),
    /// `status`
    Status(SelectCondition),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}

/// Verification conditions: `{"status": "verified"|"expired"|"none"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VerificationCondition {
    /// `status`
    Status(String),
    /// `does_not_equal`
    DoesNotEqual(String),
    /// Anything else, verbatim.
    #[serde(untagged)]
    Other(Value),
}
