//! Records files: a YAML, JSON or CSV list of records keyed by the brief's property names.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::record::{PlainValue, Record};

/// Reads a records file; the format follows the extension (`.yaml`/`.yml`, `.json`, `.csv`).
///
/// YAML and JSON hold a list of maps whose values are plain (text, number, boolean,
/// list of text, date); CSV has a header row of property names and its cells are text,
/// converted by each property's type during validation (as `--set Name=value` is).
/// Empty CSV cells are left out rather than clearing the property.
///
/// # Errors
/// [`Error::Io`] when unreadable, [`Error::Records`] naming the bad record.
pub fn read_records(path: &Path) -> Result<Vec<Record>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" => parse_csv(&text, path),
        "json" => {
            let value: Value = serde_json::from_str(&text).map_err(|e| bad(path, e.to_string()))?;
            records_from_value(value, path)
        }
        _ => {
            let value: Value =
                serde_norway::from_str(&text).map_err(|e| bad(path, e.to_string()))?;
            records_from_value(value, path)
        }
    }
}

fn bad(path: &Path, message: String) -> Error {
    Error::Records {
        path: path.to_owned(),
        message,
    }
}

/// Turns a parsed document (a list of maps) into records.
///
/// # Errors
/// [`Error::Records`] for anything but a list of maps of plain values.
pub fn records_from_value(value: Value, path: &Path) -> Result<Vec<Record>> {
    let Value::Array(items) = value else {
        return Err(bad(path, "expected a list of records".to_owned()));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let Value::Object(map) = item else {
                return Err(bad(path, format!("record {}: expected a map", i + 1)));
            };
            let mut record = Record::new();
            for (name, value) in map {
                let plain = plain(value)
                    .map_err(|m| bad(path, format!("record {}, {name:?}: {m}", i + 1)))?;
                record.values.insert(name, plain);
            }
            Ok(record)
        })
        .collect()
}

fn plain(value: Value) -> std::result::Result<PlainValue, String> {
    Ok(match value {
        Value::Null => PlainValue::Null,
        Value::Bool(b) => PlainValue::Bool(b),
        Value::Number(n) => PlainValue::Number(n.as_f64().ok_or("number out of range")?),
        Value::String(s) => PlainValue::Text(s),
        Value::Array(items) => PlainValue::List(
            items
                .into_iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s),
                    Value::Number(n) => Ok(n.to_string()),
                    other => Err(format!("list items must be text, got {other}")),
                })
                .collect::<std::result::Result<_, _>>()?,
        ),
        Value::Object(map) => PlainValue::Notion(map),
    })
}

fn parse_csv(text: &str, path: &Path) -> Result<Vec<Record>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| bad(path, e.to_string()))?
        .clone();
    let mut records = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| bad(path, format!("line {}: {e}", i + 2)))?;
        let values: BTreeMap<String, PlainValue> = headers
            .iter()
            .zip(row.iter())
            .filter(|(_, cell)| !cell.is_empty())
            .map(|(name, cell)| (name.to_owned(), PlainValue::Text(cell.to_owned())))
            .collect();
        records.push(Record { key: None, values });
    }
    Ok(records)
}
