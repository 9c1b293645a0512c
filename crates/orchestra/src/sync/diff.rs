//! Comparing a local record with a row: both sides are read back as normalised plain
//! values, so only real changes are written.

use std::collections::BTreeMap;

use notion_model::PropertyValue;
use serde::Serialize;

use crate::record::{LiveSchema, PlainValue, parse_date, plain_value};

/// One property whose value differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PropertyChange {
    /// The property name.
    pub property: String,
    /// The value in Notion (`None` for a new row).
    pub before: Option<PlainValue>,
    /// The local value.
    pub after: PlainValue,
}

/// The comparable form of a Notion value: plain, with dates, ids and empty text
/// normalised. `None` for computed or unsupported values.
pub(crate) fn comparable(
    name: &str,
    value: &PropertyValue,
    live: &LiveSchema,
) -> Option<PlainValue> {
    let property = live.get(name);
    let percent = property.is_some_and(|p| p.format.as_deref() == Some("percent"));
    let notion_type = property.map_or("", |p| p.notion_type.as_str());
    plain_value(value, percent).map(|plain| normalise(plain, notion_type))
}

fn normalise(plain: PlainValue, notion_type: &str) -> PlainValue {
    match (notion_type, plain) {
        ("title" | "rich_text", PlainValue::Null) => PlainValue::Text(String::new()),
        ("date", PlainValue::Text(text)) => PlainValue::Text(
            text.split('/')
                .map(normalise_date)
                .collect::<Vec<_>>()
                .join("/"),
        ),
        ("people" | "relation", PlainValue::List(ids)) => {
            PlainValue::List(ids.iter().map(|id| normalise_id(id)).collect())
        }
        (_, plain) => plain,
    }
}

/// A date or date-time as one canonical text: instants with an offset in UTC.
fn normalise_date(text: &str) -> String {
    let Some(parsed) = parse_date(text) else {
        return text.trim().to_owned();
    };
    if let crate::record::ParsedDate::DateTime {
        date,
        time,
        offset: Some(offset),
    } = parsed
        && let Ok(offset) = jiff::tz::Offset::from_seconds(offset)
        && let Ok(instant) = offset.to_timestamp(date.to_datetime(time))
    {
        return instant.to_string();
    }
    parsed.to_string()
}

fn normalise_id(id: &str) -> String {
    id.replace('-', "").to_ascii_lowercase()
}

/// The text form of a key value (`None` when empty or not a scalar).
pub(crate) fn key_text(value: &PlainValue) -> Option<String> {
    let text = match value {
        PlainValue::Text(t) => t.trim().to_owned(),
        PlainValue::Number(n) => n.to_string(),
        PlainValue::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The properties of `local` that differ from `remote`.
pub(crate) fn changes(
    local: &BTreeMap<String, PlainValue>,
    remote: Option<&BTreeMap<String, PlainValue>>,
) -> Vec<PropertyChange> {
    local
        .iter()
        .filter_map(|(name, after)| {
            let before = remote.and_then(|r| r.get(name));
            let same = before.is_some_and(|b| same_value(b, after));
            (!same).then(|| PropertyChange {
                property: name.clone(),
                before: before.cloned(),
                after: after.clone(),
            })
        })
        .collect()
}

fn same_value(a: &PlainValue, b: &PlainValue) -> bool {
    match (a, b) {
        (PlainValue::Number(x), PlainValue::Number(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => a == b,
    }
}

/// A stable hash (FNV-1a, hex) of normalised values, kept in the state store.
pub(crate) fn values_hash(values: &BTreeMap<String, PlainValue>) -> String {
    let text = serde_json::to_string(values).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
