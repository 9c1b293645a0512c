//! A YAML, JSON or CSV records file, read and written back in place.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::yaml_patch::{BlockEdit, Layout, patch};
use super::{LocalDoc, LocalEdits, modified, read_file, to_json, write_file};
use crate::error::{Error, Result};
use crate::record::PlainValue;
use crate::sync::source::read_records;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Yaml,
    Json,
    Csv,
}

/// A records file and what it held when read.
#[derive(Debug, Clone)]
pub struct RecordsFile {
    /// The file.
    pub path: PathBuf,
    format: Format,
    text: String,
    /// YAML/JSON: the records as read (key order kept).
    maps: Vec<Map<String, Value>>,
    /// CSV: the header row and the cells.
    csv: (Vec<String>, Vec<Vec<String>>),
    pub(super) docs: Vec<LocalDoc>,
}

impl RecordsFile {
    /// Reads `path`; the format follows the extension.
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::Records`].
    pub fn open(path: &Path) -> Result<Self> {
        let text = read_file(path)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let format = match ext.as_str() {
            "csv" => Format::Csv,
            "json" => Format::Json,
            _ => Format::Yaml,
        };
        let bad = |message: String| Error::Records {
            path: path.to_owned(),
            message,
        };
        let mut maps = Vec::new();
        let mut csv = (Vec::new(), Vec::new());
        match format {
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
                csv.0 = reader
                    .headers()
                    .map_err(|e| bad(e.to_string()))?
                    .iter()
                    .map(|h| h.trim().to_owned())
                    .collect();
                for row in reader.records() {
                    let row = row.map_err(|e| bad(e.to_string()))?;
                    csv.1.push(row.iter().map(str::to_owned).collect());
                }
            }
            Format::Json | Format::Yaml => {
                let value: Value = if format == Format::Json {
                    serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?
                } else {
                    serde_norway::from_str(&text).map_err(|e| bad(e.to_string()))?
                };
                if let Value::Array(items) = value {
                    maps = items
                        .into_iter()
                        .map(|v| match v {
                            Value::Object(map) => map,
                            _ => Map::new(),
                        })
                        .collect();
                }
            }
        }
        let when = modified(path);
        let docs = read_records(path)?
            .into_iter()
            .map(|record| LocalDoc {
                record,
                body: None,
                modified: when,
                file: path.to_owned(),
            })
            .collect();
        Ok(Self {
            path: path.to_owned(),
            format,
            text,
            maps,
            csv,
            docs,
        })
    }

    pub(super) fn apply(&mut self, edits: &LocalEdits) -> Result<Vec<String>> {
        let mut warnings = Vec::new();
        let text = match self.format {
            Format::Csv => self.csv_text(edits)?,
            Format::Json => {
                let mut text = serde_json::to_string_pretty(&Value::Array(
                    self.desired(edits).into_iter().map(Value::Object).collect(),
                ))
                .unwrap_or_default();
                text.push('\n');
                text
            }
            Format::Yaml => {
                let desired = self.desired(edits);
                match self.patched_yaml(edits, &desired) {
                    Some(text) => text,
                    None => {
                        warnings.push(format!(
                            "{}: not a simple list of records, so it was re-written and its \
                             comments were dropped",
                            self.path.display()
                        ));
                        serde_norway::to_string(&Value::Array(
                            desired.into_iter().map(Value::Object).collect(),
                        ))
                        .map_err(|e| Error::Records {
                            path: self.path.clone(),
                            message: e.to_string(),
                        })?
                    }
                }
            }
        };
        write_file(&self.path, &text)?;
        *self = Self::open(&self.path)?;
        Ok(warnings)
    }

    /// The records after `edits`, as maps.
    fn desired(&self, edits: &LocalEdits) -> Vec<Map<String, Value>> {
        let mut out = Vec::new();
        for (i, map) in self.maps.iter().enumerate() {
            if edits.remove.contains(&i) {
                continue;
            }
            let mut map = map.clone();
            for (name, value) in edits.set.get(&i).into_iter().flatten() {
                if map.contains_key(name) || *value != PlainValue::Null {
                    map.insert(name.clone(), to_json(value));
                }
            }
            out.push(map);
        }
        out.extend(edits.append.iter().map(|doc| {
            doc.values
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect::<Map<_, _>>()
        }));
        out
    }

    /// The YAML patched line by line, when that gives exactly `desired`.
    fn patched_yaml(&self, edits: &LocalEdits, desired: &[Map<String, Value>]) -> Option<String> {
        let blocks: Vec<BlockEdit> = (0..self.maps.len())
            .map(|i| BlockEdit {
                remove: edits.remove.contains(&i),
                set: edits
                    .set
                    .get(&i)
                    .into_iter()
                    .flatten()
                    .filter(|(k, v)| self.maps[i].contains_key(*k) || **v != PlainValue::Null)
                    .map(|(k, v)| (k.clone(), to_json(v)))
                    .collect(),
            })
            .collect();
        let appended: Vec<Map<String, Value>> =
            desired[desired.len() - edits.append.len()..].to_vec();
        let text = patch(&self.text, Layout::List, &blocks, &appended)?;
        let back: Value = serde_norway::from_str(&text).ok()?;
        let expected = Value::Array(desired.iter().cloned().map(Value::Object).collect());
        (back == expected).then_some(text)
    }

    fn csv_text(&self, edits: &LocalEdits) -> Result<String> {
        let (mut headers, rows) = self.csv.clone();
        let column = |name: &str, headers: &mut Vec<String>| {
            headers.iter().position(|h| h == name).unwrap_or_else(|| {
                headers.push(name.to_owned());
                headers.len() - 1
            })
        };
        let mut out: Vec<Vec<String>> = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            if edits.remove.contains(&i) {
                continue;
            }
            let mut row = row;
            for (name, value) in edits.set.get(&i).into_iter().flatten() {
                let at = column(name, &mut headers);
                if row.len() <= at {
                    row.resize(at + 1, String::new());
                }
                row[at] = cell(value);
            }
            out.push(row);
        }
        for doc in &edits.append {
            let mut row = Vec::new();
            for (name, value) in &doc.values {
                let at = column(name, &mut headers);
                if row.len() <= at {
                    row.resize(at + 1, String::new());
                }
                row[at] = cell(value);
            }
            out.push(row);
        }
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        let failed = |e: &dyn std::fmt::Display| Error::Records {
            path: self.path.clone(),
            message: e.to_string(),
        };
        writer.write_record(&headers).map_err(|e| failed(&e))?;
        for mut row in out {
            row.resize(headers.len(), String::new());
            writer.write_record(&row).map_err(|e| failed(&e))?;
        }
        let bytes = writer.into_inner().map_err(|e| failed(&e))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The text of a CSV cell (lists joined with commas, as validation splits them).
fn cell(value: &PlainValue) -> String {
    match value {
        PlainValue::Null => String::new(),
        PlainValue::List(items) => items.join(", "),
        PlainValue::Text(t) => t.clone(),
        other => match to_json(other) {
            Value::String(s) => s,
            v => v.to_string(),
        },
    }
}
