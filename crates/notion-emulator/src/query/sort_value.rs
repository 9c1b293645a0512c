//! The comparable value of a property payload, borrowed from the page (no allocation).
//!
//! Per-type order: text by plain text, case-insensitively; numbers and unique ids numerically;
//! dates by start instant; checkbox `false` < `true`; select and status by the option's position
//! in the schema; multi_select by its first option's position; people by first person's name
//! (or id), relations by first page id, files by first file name; formulas and rollups by their
//! result. Empty values are reported as [`SortValue::Empty`] so callers can put them last.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::Value;

use super::conditions::start_of;
use super::dates::parse_iso;
use super::json::{field, str_field};
use super::text::segment_text;

/// How a property type is compared.
#[derive(Debug, Clone)]
pub(crate) enum SortKind {
    Text,
    Number,
    UniqueId,
    Checkbox,
    /// select / status, ranked by schema option order.
    Choice(OptionRanks),
    /// multi_select, ranked by the first option's schema position.
    MultiChoice(OptionRanks),
    /// An option outside a schema (rollup items): compared by name.
    ChoiceName,
    /// A multi_select outside a schema: compared by first option name.
    MultiChoiceName,
    Date,
    People,
    Relation,
    Files,
    Formula,
    Rollup,
    Verification,
    /// Types without an order (button, place, …): every value ties.
    Unordered,
}

impl SortKind {
    /// The sort kind of a property type; `config` is the schema's `<type>` config, if known.
    pub(crate) fn of(kind: &str, config: Option<&Value>) -> Self {
        let ranks = || {
            config
                .and_then(|config| config.get("options"))
                .and_then(Value::as_array)
                .map(|options| OptionRanks::new(options))
        };
        match kind {
            "title" | "rich_text" | "url" | "email" | "phone_number" | "string" => Self::Text,
            "number" => Self::Number,
            "unique_id" => Self::UniqueId,
            "checkbox" | "boolean" => Self::Checkbox,
            "select" | "status" => ranks().map_or(Self::ChoiceName, Self::Choice),
            "multi_select" => ranks().map_or(Self::MultiChoiceName, Self::MultiChoice),
            "date" | "created_time" | "last_edited_time" => Self::Date,
            "people" | "created_by" | "last_edited_by" => Self::People,
            "relation" => Self::Relation,
            "files" => Self::Files,
            "formula" => Self::Formula,
            "rollup" => Self::Rollup,
            "verification" => Self::Verification,
            _ => Self::Unordered,
        }
    }

    /// The comparable value of `payload` (the `<type>` member of a property value).
    pub(crate) fn value<'a>(&self, payload: Option<&'a Value>) -> SortValue<'a> {
        let Some(payload) = payload.filter(|value| !value.is_null()) else {
            return match self {
                Self::Checkbox => SortValue::Bool(false),
                _ => SortValue::Empty,
            };
        };
        let first = || payload.as_array().and_then(|items| items.first());
        let text_at = |item: Option<&'a Value>, key: &str| {
            item.and_then(|item| str_field(item, key))
                .map_or(SortValue::Empty, |text| {
                    SortValue::Text(TextRef::Plain(text))
                })
        };
        match self {
            Self::Text => match payload {
                Value::Array(segments) => SortValue::Text(match segments.as_slice() {
                    [single] => TextRef::Plain(segment_text(single)),
                    _ => TextRef::Rich(segments),
                }),
                Value::String(text) => SortValue::Text(TextRef::Plain(text)),
                _ => SortValue::Empty,
            },
            Self::Number => payload.as_f64().map_or(SortValue::Empty, SortValue::Number),
            Self::UniqueId => field(payload, "number")
                .and_then(Value::as_f64)
                .map_or(SortValue::Empty, SortValue::Number),
            Self::Checkbox => SortValue::Bool(payload.as_bool().unwrap_or(false)),
            Self::Choice(ranks) => rank(ranks, Some(payload)),
            Self::MultiChoice(ranks) => {
                first().map_or(SortValue::Empty, |option| rank(ranks, Some(option)))
            }
            Self::ChoiceName => text_at(Some(payload), "name"),
            Self::MultiChoiceName => text_at(first(), "name"),
            Self::Date => start_of(Some(payload))
                .and_then(parse_iso)
                .map_or(SortValue::Empty, |date| SortValue::Instant(date.start_ms())),
            Self::People => match text_at(first(), "name") {
                SortValue::Empty => text_at(first(), "id"),
                named => named,
            },
            Self::Relation => text_at(first(), "id"),
            Self::Files => text_at(first(), "name"),
            Self::Verification => text_at(Some(payload), "state"),
            Self::Formula | Self::Rollup => typed_result(payload),
            Self::Unordered => SortValue::Empty,
        }
    }
}

/// A formula or rollup result `{type, <type>: value}`; array rollups sort by their first item.
fn typed_result(payload: &Value) -> SortValue<'_> {
    let Some(kind) = str_field(payload, "type") else {
        return SortValue::Empty;
    };
    if kind == "array" {
        let first = field(payload, "array")
            .and_then(Value::as_array)
            .and_then(|items| items.first());
        return first.map_or(SortValue::Empty, typed_result);
    }
    SortKind::of(kind, None).value(field(payload, kind))
}

fn rank<'a>(ranks: &OptionRanks, option: Option<&'a Value>) -> SortValue<'a> {
    match option.and_then(|option| str_field(option, "name")) {
        Some(name) => SortValue::Rank(ranks.position(name)),
        None => SortValue::Empty,
    }
}

/// Schema option names in order; unknown names rank after every known one.
#[derive(Debug, Clone)]
pub(crate) struct OptionRanks {
    names: Vec<String>,
    /// Hashed positions, only for long option lists (short ones are scanned).
    index: Option<HashMap<String, usize>>,
}

impl OptionRanks {
    const SCAN_LIMIT: usize = 32;

    fn new(options: &[Value]) -> Self {
        let names: Vec<String> = options
            .iter()
            .filter_map(|option| str_field(option, "name"))
            .map(str::to_owned)
            .collect();
        let index = (names.len() > Self::SCAN_LIMIT).then(|| {
            names
                .iter()
                .enumerate()
                .map(|(position, name)| (name.clone(), position))
                .collect()
        });
        Self { names, index }
    }

    fn position(&self, name: &str) -> usize {
        let found = match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.names.iter().position(|known| known == name),
        };
        found.unwrap_or(self.names.len())
    }
}

/// Text borrowed from a page: rich-text segments or a plain string.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TextRef<'a> {
    Rich(&'a [Value]),
    Plain(&'a str),
}

impl<'a> TextRef<'a> {
    /// Compares case-insensitively; plain ASCII text takes a byte-wise fast path.
    fn cmp_folded(self, other: Self) -> Ordering {
        if let (Some(a), Some(b)) = (self.single(), other.single())
            && a.is_ascii()
            && b.is_ascii()
        {
            let fold = |text: &'a str| text.bytes().map(|b| b.to_ascii_lowercase());
            return fold(a).cmp(fold(b));
        }
        self.folded_chars().cmp(other.folded_chars())
    }

    /// The whole text when it is one piece.
    fn single(self) -> Option<&'a str> {
        match self {
            Self::Plain(text) => Some(text),
            Self::Rich([]) => Some(""),
            Self::Rich([segment]) => Some(segment_text(segment)),
            Self::Rich(_) => None,
        }
    }

    fn folded_chars(self) -> impl Iterator<Item = char> + 'a {
        let (head, segments): (&'a str, &'a [Value]) = match self {
            Self::Plain(text) => (text, &[]),
            Self::Rich(segments) => ("", segments),
        };
        head.chars()
            .chain(
                segments
                    .iter()
                    .flat_map(|segment| segment_text(segment).chars()),
            )
            .flat_map(char::to_lowercase)
    }

    fn is_empty(self) -> bool {
        match self {
            Self::Plain(text) => text.is_empty(),
            Self::Rich(segments) => segments
                .iter()
                .all(|segment| segment_text(segment).is_empty()),
        }
    }
}

/// A comparable value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SortValue<'a> {
    Empty,
    Bool(bool),
    Number(f64),
    Instant(i64),
    Rank(usize),
    Text(TextRef<'a>),
}

impl SortValue<'_> {
    /// Whether the value is empty (empty text counts as empty).
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(text) => text.is_empty(),
            _ => false,
        }
    }

    /// Orders two non-empty values; values of different kinds (mixed formula results) order
    /// by kind.
    pub(crate) fn cmp_present(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Self::Bool(a), Self::Bool(b)) => a.cmp(b),
            (Self::Number(a), Self::Number(b)) => a.total_cmp(b),
            (Self::Instant(a), Self::Instant(b)) => a.cmp(b),
            (Self::Rank(a), Self::Rank(b)) => a.cmp(b),
            (Self::Text(a), Self::Text(b)) => a.cmp_folded(*b),
            (a, b) => a.kind_order().cmp(&b.kind_order()),
        }
    }

    fn kind_order(&self) -> u8 {
        match self {
            Self::Empty => 0,
            Self::Bool(_) => 1,
            Self::Number(_) => 2,
            Self::Instant(_) => 3,
            Self::Rank(_) => 4,
            Self::Text(_) => 5,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    use crate::query::testing::rich_text;

    fn order(kind: &SortKind, a: &Value, b: &Value) -> Ordering {
        kind.value(Some(a)).cmp_present(&kind.value(Some(b)))
    }

    #[test]
    fn rich_text_compares_case_insensitively_across_segments() {
        let kind = SortKind::of("title", None);
        assert_eq!(
            order(&kind, &rich_text(&["ab", "C"]), &rich_text(&["ABd"])),
            Ordering::Less
        );
        assert_eq!(
            order(&kind, &rich_text(&["Abc"]), &json!("aBC")),
            Ordering::Equal
        );
        assert!(kind.value(Some(&rich_text(&["", ""]))).is_empty());
    }

    #[test]
    fn options_rank_by_schema_position() {
        let config = json!({"options": [{"name": "High"}, {"name": "Low"}]});
        let kind = SortKind::of("select", Some(&config));
        assert_eq!(
            order(&kind, &json!({"name": "Low"}), &json!({"name": "High"})),
            Ordering::Greater
        );
        assert_eq!(
            order(&kind, &json!({"name": "Unknown"}), &json!({"name": "Low"})),
            Ordering::Greater
        );
    }

    #[test]
    fn rollup_and_formula_results_sort_by_their_type() {
        let kind = SortKind::of("rollup", None);
        let number = |n: i64| json!({"type": "number", "number": n, "function": "sum"});
        assert_eq!(order(&kind, &number(2), &number(10)), Ordering::Less);
        let array = json!({"type": "array", "array": [{"type": "title", "title": rich_text(&["b"])}], "function": "show_original"});
        let other = json!({"type": "array", "array": [{"type": "title", "title": rich_text(&["A"])}], "function": "show_original"});
        assert_eq!(order(&kind, &array, &other), Ordering::Greater);
        let formula = SortKind::of("formula", None);
        assert_eq!(
            order(
                &formula,
                &json!({"type": "boolean", "boolean": false}),
                &json!({"type": "boolean", "boolean": true})
            ),
            Ordering::Less
        );
    }

    #[test]
    fn missing_checkbox_is_unchecked_and_missing_others_are_empty() {
        assert!(matches!(
            SortKind::Checkbox.value(None),
            SortValue::Bool(false)
        ));
        assert!(SortKind::Number.value(Some(&Value::Null)).is_empty());
        assert!(SortKind::Unordered.value(Some(&json!({}))).is_empty());
    }
}
