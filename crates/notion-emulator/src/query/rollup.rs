//! Rollup computation: the `rollup` value of a page from the target property values of the
//! pages its relation points to.
//!
//! Choices where Notion's behaviour is not documented:
//! * emptiness follows the Notion UI: null, empty text, empty arrays and unchecked checkboxes are
//!   empty; `count` counts every related page, `count_values` counts the elements of array values
//!   (tags, people, relations, files) and one per other non-empty value;
//! * `unique` counts distinct elements (tags by name, people / pages by id, text by plain text);
//!   `show_unique` drops whole values equal to an earlier one;
//! * percentages are fractions (0.25 for 25 %), 0 for no related pages;
//! * `sum` of nothing is 0; `average`, `median`, `min`, `max`, `range` of nothing are null;
//! * `earliest_date` / `latest_date` pick by start; `date_range` spans the earliest start to the
//!   latest end (or start);
//! * `count_per_group` / `percent_per_group` (status groups) have no documented API shape and
//!   come back as `{"type": "unsupported", "unsupported": {}}`.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::conditions::start_of;
use super::dates::parse_iso;
use super::text::plain_text;

/// Computes a rollup `function` over `target_values` (page property values of type
/// `target_type`, with or without `id`) into `{type, <type>, function}`.
pub(crate) fn compute(function: &str, target_values: &[&Value], target_type: &str) -> Value {
    let targets: Vec<Target<'_>> = target_values
        .iter()
        .map(|value| Target::of(value, target_type))
        .collect();
    let count = targets.len();
    let empty = targets.iter().filter(|target| target.is_empty()).count();
    let checked = targets
        .iter()
        .filter(|target| target.checked() == Some(true))
        .count();
    let unchecked = targets
        .iter()
        .filter(|target| target.checked() == Some(false))
        .count();
    let fraction = |part: usize| {
        if count == 0 {
            0.0
        } else {
            part as f64 / count as f64
        }
    };
    let counted = |n: usize| number(function, Some(n as f64));
    match function {
        "count" => counted(count),
        "count_values" => counted(targets.iter().map(Target::value_count).sum()),
        "empty" => counted(empty),
        "not_empty" => counted(count - empty),
        "unique" => counted(
            targets
                .iter()
                .flat_map(Target::atoms)
                .collect::<HashSet<_>>()
                .len(),
        ),
        "percent_empty" => number(function, Some(fraction(empty))),
        "percent_not_empty" => number(function, Some(fraction(count - empty))),
        "checked" => counted(checked),
        "unchecked" => counted(unchecked),
        "percent_checked" => number(function, Some(fraction(checked))),
        "percent_unchecked" => number(function, Some(fraction(unchecked))),
        "sum" | "average" | "median" | "min" | "max" | "range" => {
            let numbers: Vec<f64> = targets.iter().filter_map(Target::number).collect();
            number(function, aggregate(function, numbers))
        }
        "earliest_date" | "latest_date" | "date_range" => {
            date(function, date_span(function, &targets))
        }
        "show_original" => array(function, targets.iter().map(Target::without_id).collect()),
        "show_unique" => {
            let mut seen = HashSet::new();
            let unique = targets
                .iter()
                .map(Target::without_id)
                .filter(|value| seen.insert(value.to_string()))
                .collect();
            array(function, unique)
        }
        _ => json!({"type": "unsupported", "unsupported": {}, "function": function}),
    }
}

/// A date string with its instant in milliseconds.
type Stamp<'a> = (i64, &'a str);

/// One related page's target value.
#[derive(Debug, Clone, Copy)]
struct Target<'a> {
    value: &'a Value,
    kind: &'a str,
    payload: Option<&'a Value>,
}

impl<'a> Target<'a> {
    fn of(value: &'a Value, target_type: &'a str) -> Self {
        let kind = value
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or(target_type);
        let payload = value.get(kind).filter(|payload| !payload.is_null());
        Self {
            value,
            kind,
            payload,
        }
    }

    /// The result inside a formula or rollup value, as a target of its own type.
    fn inner(&self) -> Option<Self> {
        self.payload
            .filter(|_| matches!(self.kind, "formula" | "rollup"))
            .map(|payload| Self::of(payload, ""))
    }

    fn is_empty(&self) -> bool {
        if let Some(inner) = self.inner() {
            return inner.is_empty();
        }
        match self.payload {
            None => true,
            Some(Value::Bool(checked)) => !checked,
            Some(Value::String(text)) => text.is_empty(),
            Some(payload @ Value::Array(items)) => {
                items.is_empty()
                    || (matches!(self.kind, "title" | "rich_text")
                        && plain_text(Some(payload)).is_empty())
            }
            Some(_) => false,
        }
    }

    fn value_count(&self) -> usize {
        match (self.payload, self.kind) {
            (Some(Value::Array(items)), "multi_select" | "people" | "relation" | "files") => {
                items.len()
            }
            _ => usize::from(!self.is_empty()),
        }
    }

    /// The distinct-able elements of the value, as strings.
    fn atoms(&self) -> Vec<String> {
        if let Some(inner) = self.inner() {
            return inner.atoms();
        }
        if self.is_empty() {
            return Vec::new();
        }
        let Some(payload) = self.payload else {
            return Vec::new();
        };
        let field = |item: &Value, key: &str| {
            item.get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let items = payload.as_array().map(Vec::as_slice).unwrap_or_default();
        match self.kind {
            "multi_select" | "files" => items.iter().map(|item| field(item, "name")).collect(),
            "people" | "relation" => items
                .iter()
                .map(|item| field(item, "id").replace('-', ""))
                .collect(),
            "title" | "rich_text" | "url" | "email" | "phone_number" | "string" => {
                vec![plain_text(Some(payload)).into_owned()]
            }
            "select" | "status" => vec![field(payload, "name")],
            "created_by" | "last_edited_by" => vec![field(payload, "id").replace('-', "")],
            _ => vec![payload.to_string()],
        }
    }

    fn number(&self) -> Option<f64> {
        if let Some(inner) = self.inner() {
            return inner.number();
        }
        let payload = self.payload?;
        match self.kind {
            "unique_id" => payload.get("number").and_then(Value::as_f64),
            _ => payload.as_f64(),
        }
    }

    fn checked(&self) -> Option<bool> {
        if let Some(inner) = self.inner() {
            return inner.checked();
        }
        match self.kind {
            "checkbox" | "boolean" => Some(self.payload.and_then(Value::as_bool).unwrap_or(false)),
            _ => None,
        }
    }

    /// `(start, latest end-or-start)` date strings with their instants.
    fn date_bounds(&self) -> Option<(Stamp<'a>, Stamp<'a>)> {
        if let Some(inner) = self.inner() {
            return inner.date_bounds();
        }
        let start = start_of(self.payload)?;
        let start_ms = parse_iso(start)?.start_ms();
        let end = self
            .payload
            .and_then(|date| date.get("end"))
            .and_then(Value::as_str)
            .and_then(|end| parse_iso(end).map(|parsed| (parsed.start_ms(), end)))
            .filter(|(end_ms, _)| *end_ms >= start_ms)
            .unwrap_or((start_ms, start));
        Some(((start_ms, start), end))
    }

    fn without_id(&self) -> Value {
        match self.value {
            Value::Object(object) => {
                let mut copy: Map<String, Value> = object.clone();
                copy.remove("id");
                Value::Object(copy)
            }
            other => json!({"type": self.kind, self.kind: other}),
        }
    }
}

fn aggregate(function: &str, mut numbers: Vec<f64>) -> Option<f64> {
    if function == "sum" {
        return Some(numbers.iter().sum());
    }
    if numbers.is_empty() {
        return None;
    }
    numbers.sort_by(f64::total_cmp);
    let (min, max) = (numbers[0], numbers[numbers.len() - 1]);
    Some(match function {
        "average" => numbers.iter().sum::<f64>() / numbers.len() as f64,
        "median" => {
            let middle = numbers.len() / 2;
            if numbers.len().is_multiple_of(2) {
                (numbers[middle - 1] + numbers[middle]) / 2.0
            } else {
                numbers[middle]
            }
        }
        "min" => min,
        "max" => max,
        _ => max - min,
    })
}

fn date_span<'a>(function: &str, targets: &[Target<'a>]) -> Option<(&'a str, Option<&'a str>)> {
    let bounds: Vec<_> = targets.iter().filter_map(Target::date_bounds).collect();
    let earliest = bounds
        .iter()
        .map(|(start, _)| *start)
        .min_by_key(|(ms, _)| *ms)?;
    let latest_start = bounds
        .iter()
        .map(|(start, _)| *start)
        .max_by_key(|(ms, _)| *ms)?;
    let latest_end = bounds
        .iter()
        .map(|(_, end)| *end)
        .max_by_key(|(ms, _)| *ms)?;
    Some(match function {
        "earliest_date" => (earliest.1, None),
        "latest_date" => (latest_start.1, None),
        _ => (earliest.1, Some(latest_end.1)),
    })
}

fn number(function: &str, value: Option<f64>) -> Value {
    let number = match value {
        Some(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => json!(n as i64),
        Some(n) => json!(n),
        None => Value::Null,
    };
    json!({"type": "number", "number": number, "function": function})
}

fn date(function: &str, span: Option<(&str, Option<&str>)>) -> Value {
    let date = span.map_or(
        Value::Null,
        |(start, end)| json!({"start": start, "end": end, "time_zone": null}),
    );
    json!({"type": "date", "date": date, "function": function})
}

fn array(function: &str, items: Vec<Value>) -> Value {
    json!({"type": "array", "array": items, "function": function})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::{date as date_value, option, prop, rich_text};

    fn run(function: &str, values: &[Value], target_type: &str) -> Value {
        let refs: Vec<&Value> = values.iter().collect();
        compute(function, &refs, target_type)
    }

    fn numbers() -> Vec<Value> {
        [json!(4), json!(1), json!(null), json!(10), json!(1)]
            .into_iter()
            .map(|n| prop("number", n))
            .collect()
    }

    fn num(function: &str, values: &[Value], target_type: &str) -> Value {
        run(function, values, target_type)["number"].clone()
    }

    #[test]
    fn result_shape_names_the_function() {
        assert_eq!(
            run("count", &numbers(), "number"),
            json!({"type": "number", "number": 5, "function": "count"})
        );
    }

    #[test]
    fn counting_functions() {
        let values = numbers();
        assert_eq!(num("count", &values, "number"), json!(5));
        assert_eq!(num("count_values", &values, "number"), json!(4));
        assert_eq!(num("empty", &values, "number"), json!(1));
        assert_eq!(num("not_empty", &values, "number"), json!(4));
        assert_eq!(num("unique", &values, "number"), json!(3));
        assert_eq!(num("percent_empty", &values, "number"), json!(0.2));
        assert_eq!(num("percent_not_empty", &values, "number"), json!(0.8));
    }

    #[test]
    fn numeric_aggregates() {
        let values = numbers();
        assert_eq!(num("sum", &values, "number"), json!(16));
        assert_eq!(num("average", &values, "number"), json!(4));
        assert_eq!(num("median", &values, "number"), json!(2.5));
        assert_eq!(num("min", &values, "number"), json!(1));
        assert_eq!(num("max", &values, "number"), json!(10));
        assert_eq!(num("range", &values, "number"), json!(9));
        assert_eq!(num("median", &values[..2], "number"), json!(2.5));
        assert_eq!(num("median", &values[..4], "number"), json!(4));
    }

    #[test]
    fn aggregates_of_nothing() {
        assert_eq!(num("sum", &[], "number"), json!(0));
        assert_eq!(num("average", &[], "number"), Value::Null);
        assert_eq!(num("percent_empty", &[], "number"), json!(0));
    }

    #[test]
    fn numbers_inside_formulas_and_unique_ids() {
        let formulas = [
            prop("formula", json!({"type": "number", "number": 2.5})),
            prop("formula", json!({"type": "number", "number": 0.5})),
        ];
        assert_eq!(num("sum", &formulas, "formula"), json!(3));
        let ids = [
            prop("unique_id", json!({"prefix": "T", "number": 3})),
            prop("unique_id", json!({"prefix": "T", "number": 9})),
        ];
        assert_eq!(num("max", &ids, "unique_id"), json!(9));
    }

    #[test]
    fn checkbox_functions() {
        let values: Vec<Value> = [true, false, true, true]
            .into_iter()
            .map(|b| prop("checkbox", json!(b)))
            .collect();
        assert_eq!(num("checked", &values, "checkbox"), json!(3));
        assert_eq!(num("unchecked", &values, "checkbox"), json!(1));
        assert_eq!(num("percent_checked", &values, "checkbox"), json!(0.75));
        assert_eq!(num("percent_unchecked", &values, "checkbox"), json!(0.25));
        assert_eq!(num("empty", &values, "checkbox"), json!(1));
    }

    #[test]
    fn date_functions() {
        let values = [
            prop("date", date_value("2026-05-03")),
            prop(
                "date",
                json!({"start": "2026-04-01", "end": "2026-06-30", "time_zone": null}),
            ),
            prop("date", json!(null)),
            prop("date", date_value("2026-05-10T09:00:00.000+00:00")),
        ];
        assert_eq!(
            run("earliest_date", &values, "date")["date"],
            json!({"start": "2026-04-01", "end": null, "time_zone": null})
        );
        assert_eq!(
            run("latest_date", &values, "date")["date"],
            json!({"start": "2026-05-10T09:00:00.000+00:00", "end": null, "time_zone": null})
        );
        assert_eq!(
            run("date_range", &values, "date"),
            json!({"type": "date", "date": {"start": "2026-04-01", "end": "2026-06-30", "time_zone": null}, "function": "date_range"})
        );
        assert_eq!(run("earliest_date", &[], "date")["date"], Value::Null);
        let created = [
            prop("created_time", json!("2026-01-02T00:00:00.000Z")),
            prop("created_time", json!("2025-01-02T00:00:00.000Z")),
        ];
        assert_eq!(
            run("earliest_date", &created, "created_time")["date"]["start"],
            json!("2025-01-02T00:00:00.000Z")
        );
    }

    #[test]
    fn array_values_count_their_elements() {
        let values = [
            prop("multi_select", json!([option("api"), option("docs")])),
            prop("multi_select", json!([option("api")])),
            prop("multi_select", json!([])),
        ];
        assert_eq!(num("count", &values, "multi_select"), json!(3));
        assert_eq!(num("count_values", &values, "multi_select"), json!(3));
        assert_eq!(num("unique", &values, "multi_select"), json!(2));
        assert_eq!(num("empty", &values, "multi_select"), json!(1));
    }

    #[test]
    fn text_emptiness_and_uniqueness() {
        let values = [
            prop("title", rich_text(&["Alpha"])),
            prop("title", rich_text(&["Al", "pha"])),
            prop("title", rich_text(&[])),
        ];
        assert_eq!(num("unique", &values, "title"), json!(1));
        assert_eq!(num("not_empty", &values, "title"), json!(2));
    }

    #[test]
    fn show_original_keeps_every_value_without_its_id() {
        let values = [
            prop("title", rich_text(&["Alpha"])),
            prop("title", rich_text(&["Alpha"])),
        ];
        let result = run("show_original", &values, "title");
        assert_eq!(result["type"], json!("array"));
        assert_eq!(result["function"], json!("show_original"));
        assert_eq!(
            result["array"],
            json!([{"type": "title", "title": rich_text(&["Alpha"])}, {"type": "title", "title": rich_text(&["Alpha"])}])
        );
    }

    #[test]
    fn show_unique_drops_repeated_values() {
        let values = [
            prop("select", option("A")),
            prop("select", option("B")),
            prop("select", option("A")),
        ];
        let result = run("show_unique", &values, "select");
        assert_eq!(
            result["array"],
            json!([{"type": "select", "select": option("A")}, {"type": "select", "select": option("B")}])
        );
    }

    #[test]
    fn per_group_functions_are_unsupported() {
        for function in ["count_per_group", "percent_per_group"] {
            assert_eq!(
                run(function, &[], "status"),
                json!({"type": "unsupported", "unsupported": {}, "function": function})
            );
        }
    }
}
