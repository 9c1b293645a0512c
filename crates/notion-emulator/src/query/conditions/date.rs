//! Date conditions: date properties, created/last-edited times, formula and rollup dates.
//!
//! Semantics chosen here (all in UTC, per Notion's "if no timezone is provided … UTC"):
//! * a date-only operand (`"2026-05-10"`, or a relative token such as `today`) compares by day:
//!   the value's UTC day is compared with the operand's day;
//! * a date-time operand compares to the millisecond; a date-only value then counts as
//!   midnight UTC of its day;
//! * a value with an `end` is matched on its `start`;
//! * `past_week` / `past_month` / `past_year` are the days from one week / month / year before
//!   today up to today, `next_*` the days from today up to one week / month / year ahead (both
//!   inclusive), `this_week` the Sunday-to-Saturday week containing today (Notion's default
//!   week start).

use jiff::Timestamp;
use serde_json::Value;

use crate::query::json::str_field;

use super::operator::{Operator, single_operator};
use crate::query::dates::{IsoDate, parse_iso, shift_months, shift_years, today, week_start};
use crate::query::error::QueryError;

const OPERATORS: &[&str] = &[
    "equals",
    "before",
    "after",
    "on_or_before",
    "on_or_after",
    "this_week",
    "past_week",
    "past_month",
    "past_year",
    "next_week",
    "next_month",
    "next_year",
    "is_empty",
    "is_not_empty",
];

/// How a value relates to the operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateComparison {
    Equals,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
}

/// A compiled date condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateCondition {
    /// Compare with a day or an instant.
    Compare(DateComparison, IsoDate),
    /// The value's UTC day lies in `first..=last`.
    Within {
        first: i64,
        last: i64,
    },
    IsEmpty,
    IsNotEmpty,
}

impl DateCondition {
    /// Compiles a date condition; relative tokens and ranges resolve against `now`.
    pub(crate) fn compile(
        condition: &Value,
        path: &str,
        now: Timestamp,
    ) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, OPERATORS)?;
        let day = today(now);
        let within = |first, last| {
            operator
                .require_empty_object()
                .map(|()| Self::Within { first, last })
        };
        match operator.name {
            "equals" => Ok(Self::Compare(
                DateComparison::Equals,
                operand(&operator, now)?,
            )),
            "before" => Ok(Self::Compare(
                DateComparison::Before,
                operand(&operator, now)?,
            )),
            "after" => Ok(Self::Compare(
                DateComparison::After,
                operand(&operator, now)?,
            )),
            "on_or_before" => Ok(Self::Compare(
                DateComparison::OnOrBefore,
                operand(&operator, now)?,
            )),
            "on_or_after" => Ok(Self::Compare(
                DateComparison::OnOrAfter,
                operand(&operator, now)?,
            )),
            "this_week" => within(week_start(day), week_start(day) + 6),
            "past_week" => within(day - 7, day),
            "past_month" => within(shift_months(day, -1), day),
            "past_year" => within(shift_years(day, -1), day),
            "next_week" => within(day, day + 7),
            "next_month" => within(day, shift_months(day, 1)),
            "next_year" => within(day, shift_years(day, 1)),
            "is_empty" => operator.require_true().map(|()| Self::IsEmpty),
            _ => operator.require_true().map(|()| Self::IsNotEmpty),
        }
    }

    /// Whether a value's start (an ISO string, absent when empty) satisfies the condition.
    pub(crate) fn matches(&self, start: Option<&str>) -> bool {
        match self {
            Self::IsEmpty => start.is_none(),
            Self::IsNotEmpty => start.is_some(),
            Self::Within { first, last } => {
                parsed(start).is_some_and(|value| (*first..=*last).contains(&value.day()))
            }
            Self::Compare(comparison, operand) => parsed(start).is_some_and(|value| {
                let (value, operand) = match operand {
                    IsoDate::Day(day) => (value.day(), *day),
                    IsoDate::Instant(ms) => (value.start_ms(), *ms),
                };
                match comparison {
                    DateComparison::Equals => value == operand,
                    DateComparison::Before => value < operand,
                    DateComparison::After => value > operand,
                    DateComparison::OnOrBefore => value <= operand,
                    DateComparison::OnOrAfter => value >= operand,
                }
            }),
        }
    }
}

/// The start of a date payload: a date object `{start, end, time_zone}` or a timestamp string.
pub(crate) fn start_of(payload: Option<&Value>) -> Option<&str> {
    match payload? {
        Value::String(text) => Some(text),
        date @ Value::Object(_) => str_field(date, "start"),
        _ => None,
    }
}

fn parsed(start: Option<&str>) -> Option<IsoDate> {
    start.and_then(parse_iso)
}

/// An ISO date / date-time, or a relative token resolved to a UTC day.
fn operand(operator: &Operator<'_>, now: Timestamp) -> Result<IsoDate, QueryError> {
    let text = operator.string()?;
    let day = today(now);
    let relative = match text {
        "today" => Some(day),
        "tomorrow" => Some(day + 1),
        "yesterday" => Some(day - 1),
        "one_week_ago" => Some(day - 7),
        "one_week_from_now" => Some(day + 7),
        "one_month_ago" => Some(shift_months(day, -1)),
        "one_month_from_now" => Some(shift_months(day, 1)),
        _ => None,
    };
    relative
        .map(IsoDate::Day)
        .or_else(|| parse_iso(text))
        .ok_or_else(|| {
            QueryError::invalid(
                &operator.path,
                "should be a valid ISO 8601 date string",
                Some(operator.operand),
            )
        })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, date, prop};

    /// The fixture's `now` is Wednesday 2026-05-06T12:00:00Z.
    fn fixture() -> Fixture {
        Fixture::new(vec![
            ("may1", json!({"Due": prop("date", date("2026-05-01"))})),
            (
                "may6am",
                json!({"Due": prop("date", date("2026-05-06T09:30:00.000+00:00"))}),
            ),
            (
                "may7",
                json!({"Due": prop("date", json!({"start": "2026-05-07", "end": "2026-05-20", "time_zone": null}))}),
            ),
            ("jun6", json!({"Due": prop("date", date("2026-06-06"))})),
            ("none", json!({"Due": prop("date", json!(null))})),
        ])
    }

    fn matching(condition: serde_json::Value) -> Vec<String> {
        fixture().matching(json!({"property": "Due", "date": condition}))
    }

    #[test]
    fn date_operands_compare_by_day() {
        assert_eq!(matching(json!({"equals": "2026-05-06"})), ["may6am"]);
        assert_eq!(matching(json!({"before": "2026-05-06"})), ["may1"]);
        assert_eq!(
            matching(json!({"on_or_before": "2026-05-06"})),
            ["may1", "may6am"]
        );
        assert_eq!(matching(json!({"after": "2026-05-06"})), ["may7", "jun6"]);
        assert_eq!(
            matching(json!({"on_or_after": "2026-05-07"})),
            ["may7", "jun6"]
        );
    }

    #[test]
    fn datetime_operands_compare_to_the_millisecond() {
        assert_eq!(
            matching(json!({"equals": "2026-05-06T09:30:00Z"})),
            ["may6am"]
        );
        assert_eq!(
            matching(json!({"equals": "2026-05-06T09:30:00.001Z"})),
            Vec::<String>::new()
        );
        assert_eq!(
            matching(json!({"after": "2026-05-06T09:29:59.999Z"})),
            ["may6am", "may7", "jun6"]
        );
        assert_eq!(
            matching(json!({"before": "2026-05-06T11:30:00.001+02:00"})),
            ["may1", "may6am"]
        );
        // A date-only value is midnight UTC of its day.
        assert_eq!(
            matching(json!({"on_or_after": "2026-05-07T00:00:00"})),
            ["may7", "jun6"]
        );
    }

    #[test]
    fn a_range_is_matched_on_its_start() {
        assert!(!matching(json!({"equals": "2026-05-10"})).contains(&"may7".to_owned()));
    }

    #[test]
    fn relative_tokens_resolve_against_now() {
        assert_eq!(matching(json!({"equals": "today"})), ["may6am"]);
        assert_eq!(matching(json!({"equals": "tomorrow"})), ["may7"]);
        assert_eq!(matching(json!({"before": "yesterday"})), ["may1"]);
        assert_eq!(
            matching(json!({"on_or_before": "one_week_ago"})),
            Vec::<String>::new()
        );
        assert_eq!(
            matching(json!({"after": "one_week_ago"})),
            ["may1", "may6am", "may7", "jun6"]
        );
        assert_eq!(
            matching(json!({"before": "one_week_from_now"})),
            ["may1", "may6am", "may7"]
        );
        assert_eq!(
            matching(json!({"on_or_after": "one_month_ago"})),
            ["may1", "may6am", "may7", "jun6"]
        );
        assert_eq!(
            matching(json!({"on_or_after": "one_month_from_now"})),
            ["jun6"]
        );
    }

    #[test]
    fn relative_ranges() {
        assert_eq!(matching(json!({"this_week": {}})), ["may6am", "may7"]);
        assert_eq!(matching(json!({"past_week": {}})), ["may1", "may6am"]);
        assert_eq!(matching(json!({"past_month": {}})), ["may1", "may6am"]);
        assert_eq!(matching(json!({"past_year": {}})), ["may1", "may6am"]);
        assert_eq!(matching(json!({"next_week": {}})), ["may6am", "may7"]);
        assert_eq!(
            matching(json!({"next_month": {}})),
            ["may6am", "may7", "jun6"]
        );
        assert_eq!(
            matching(json!({"next_year": {}})),
            ["may6am", "may7", "jun6"]
        );
    }

    #[test]
    fn emptiness() {
        assert_eq!(matching(json!({"is_empty": true})), ["none"]);
        assert_eq!(matching(json!({"is_not_empty": true})).len(), 4);
    }

    #[test]
    fn malformed_operands_are_rejected() {
        let f = fixture();
        assert_eq!(
            f.error(json!({"property": "Due", "date": {"after": "next tuesday"}})),
            "body failed validation: body.filter.date.after should be a valid ISO 8601 date string, instead was `\"next tuesday\"`."
        );
        assert_eq!(
            f.error(json!({"property": "Due", "date": {"past_week": true}})),
            "body failed validation: body.filter.date.past_week should be an object, instead was `true`."
        );
    }
}
