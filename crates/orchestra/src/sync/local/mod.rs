//! Local sources the two-way sync reads and writes back: a records file (YAML, JSON or
//! CSV) or a folder of Markdown notes with front matter (the persona knowledge bases).
//!
//! Write-back keeps what a person cares about: record order, key order, and for YAML the
//! comments and layout (values are patched line by line; see `yaml_patch`). When a YAML
//! file is not in the simple list-of-mappings layout it is re-serialised and a warning
//! says its comments were dropped. JSON is re-printed (2-space indent, key order kept);
//! CSV keeps its column order and gains columns for new properties.

mod markdown;
mod records_file;
mod yaml_patch;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use markdown::{MarkdownFolder, note_file_name};
pub use records_file::RecordsFile;

use crate::error::{Error, Result};
use crate::record::{PlainValue, Record};

/// One record of a local source.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalDoc {
    /// Its values by property name.
    pub record: Record,
    /// The Markdown body (page content) of a note; `None` for records files.
    pub body: Option<String>,
    /// When the file holding it was last modified.
    pub modified: Option<jiff::Timestamp>,
    /// The file holding it.
    pub file: PathBuf,
}

/// A record to add to a local source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewDoc {
    /// Values in the order to write them (the key first).
    pub values: Vec<(String, PlainValue)>,
    /// The body of a note.
    pub body: Option<String>,
}

/// Changes to write into a local source, by record position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocalEdits {
    /// New values of existing records.
    pub set: BTreeMap<usize, BTreeMap<String, PlainValue>>,
    /// New bodies of existing notes.
    pub bodies: BTreeMap<usize, String>,
    /// Records to drop.
    pub remove: BTreeSet<usize>,
    /// Records to append.
    pub append: Vec<NewDoc>,
}

impl LocalEdits {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.set.values().all(BTreeMap::is_empty)
            && self.bodies.is_empty()
            && self.remove.is_empty()
            && self.append.is_empty()
    }
}

/// A local source.
#[derive(Debug, Clone)]
pub enum LocalSource {
    /// A YAML, JSON or CSV records file.
    Records(RecordsFile),
    /// A folder of Markdown notes.
    Markdown(MarkdownFolder),
}

impl LocalSource {
    /// Opens `path`: a folder is a Markdown knowledge base, anything else a records file.
    /// `title_property` names the property a note's file name stands for.
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::Records`].
    pub fn open(path: &Path, title_property: &str) -> Result<Self> {
        if path.is_dir() {
            return Ok(Self::Markdown(MarkdownFolder::open(path, title_property)?));
        }
        Ok(Self::Records(RecordsFile::open(path)?))
    }

    /// Opens (creating it when missing) a folder of Markdown notes.
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::Records`].
    pub fn open_folder(path: &Path, title_property: &str) -> Result<Self> {
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Ok(Self::Markdown(MarkdownFolder::open(path, title_property)?))
    }

    /// The file or folder.
    pub fn path(&self) -> &Path {
        match self {
            Self::Records(f) => &f.path,
            Self::Markdown(m) => &m.dir,
        }
    }

    /// The records, in order.
    pub fn docs(&self) -> &[LocalDoc] {
        match self {
            Self::Records(f) => &f.docs,
            Self::Markdown(m) => &m.docs,
        }
    }

    /// The records' values, in order.
    pub fn records(&self) -> Vec<Record> {
        self.docs().iter().map(|d| d.record.clone()).collect()
    }

    /// True for Markdown notes (their bodies are page content).
    pub fn has_bodies(&self) -> bool {
        matches!(self, Self::Markdown(_))
    }

    /// Writes `edits` and reloads; returns warnings (e.g. comments dropped).
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be written, [`Error::Records`] when it cannot be read back.
    pub fn apply(&mut self, edits: &LocalEdits) -> Result<Vec<String>> {
        if edits.is_empty() {
            return Ok(Vec::new());
        }
        match self {
            Self::Records(f) => f.apply(edits),
            Self::Markdown(m) => m.apply(edits),
        }
    }
}

/// The value as JSON/YAML data: whole numbers as integers.
pub(crate) fn to_json(value: &PlainValue) -> Value {
    match value {
        PlainValue::Null => Value::Null,
        PlainValue::Bool(b) => Value::Bool(*b),
        PlainValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Value::from(*n as i64)
        }
        PlainValue::Number(n) => {
            serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number)
        }
        PlainValue::Text(t) => Value::String(t.clone()),
        PlainValue::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
        PlainValue::Notion(map) => Value::Object(map.clone()),
    }
}

/// When `path` was last modified.
pub(crate) fn modified(path: &Path) -> Option<jiff::Timestamp> {
    let time = std::fs::metadata(path).ok()?.modified().ok()?;
    jiff::Timestamp::try_from(time).ok()
}

pub(crate) fn write_file(path: &Path, text: &str) -> Result<()> {
    // Write a sibling then rename, so a crash never leaves half a file.
    let tmp = path.with_extension("orchestra-tmp");
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })
}

pub(crate) fn read_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}
