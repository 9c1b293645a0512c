//! A folder of Markdown notes: front matter <-> properties, body <-> page content, file
//! name <-> title (unless the front matter names the title itself).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::yaml_patch::{BlockEdit, Layout, patch};
use super::{LocalDoc, LocalEdits, NewDoc, modified, read_file, to_json, write_file};
use crate::error::{Error, Result};
use crate::record::PlainValue;
use crate::sync::source::records_from_value;

/// The folder and its notes, sorted by file name.
#[derive(Debug, Clone)]
pub struct MarkdownFolder {
    /// The folder.
    pub dir: PathBuf,
    title_property: String,
    notes: Vec<Note>,
    pub(super) docs: Vec<LocalDoc>,
}

/// One note as read.
#[derive(Debug, Clone)]
struct Note {
    path: PathBuf,
    /// The front matter text (without fences), when the note has one.
    front_matter: Option<String>,
    /// The front matter as data (key order kept).
    fields: Map<String, Value>,
    /// The title is the file name (the front matter does not give it).
    title_from_name: bool,
}

impl MarkdownFolder {
    /// Reads every `*.md` file of `dir`.
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::Records`] naming the note.
    pub fn open(dir: &Path, title_property: &str) -> Result<Self> {
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
            path: dir.to_owned(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md"))
            .collect();
        paths.sort();
        let mut folder = Self {
            dir: dir.to_owned(),
            title_property: title_property.to_owned(),
            notes: Vec::new(),
            docs: Vec::new(),
        };
        for path in paths {
            let (note, doc) = read_note(&path, title_property)?;
            folder.notes.push(note);
            folder.docs.push(doc);
        }
        Ok(folder)
    }

    pub(super) fn apply(&mut self, edits: &LocalEdits) -> Result<Vec<String>> {
        let mut warnings = Vec::new();
        for (i, note) in self.notes.iter().enumerate() {
            if edits.remove.contains(&i) {
                std::fs::remove_file(&note.path).map_err(|source| Error::Io {
                    path: note.path.clone(),
                    source,
                })?;
                continue;
            }
            let set = edits.set.get(&i);
            let body = edits.bodies.get(&i);
            if set.is_none_or(|s| s.is_empty()) && body.is_none() {
                continue;
            }
            let mut path = note.path.clone();
            let mut fields: Vec<(String, Value)> = Vec::new();
            for (name, value) in set.into_iter().flatten() {
                if *name == self.title_property && note.title_from_name {
                    if let PlainValue::Text(title) = value {
                        path = self.free_path(title, Some(&note.path));
                    }
                    continue;
                }
                if note.fields.contains_key(name) || *value != PlainValue::Null {
                    fields.push((name.clone(), to_json(value)));
                }
            }
            let current = read_file(&note.path)?;
            let (_, old_body) = split_front_matter(&current);
            let front = note.front_matter.clone().unwrap_or_default();
            let front = if fields.is_empty() {
                front
            } else {
                let mut desired = note.fields.clone();
                desired.extend(fields.iter().cloned());
                let edit = BlockEdit {
                    set: fields,
                    remove: false,
                };
                match patch(&front, Layout::Mapping, &[edit], &[]).filter(|t| {
                    serde_norway::from_str::<Value>(t).ok() == Some(Value::Object(desired.clone()))
                }) {
                    Some(text) => text,
                    None => {
                        warnings.push(format!(
                            "{}: front matter re-written; its comments were dropped",
                            note.path.display()
                        ));
                        serde_norway::to_string(&Value::Object(desired)).unwrap_or_default()
                    }
                }
            };
            let body = body.map_or(old_body, String::as_str);
            write_file(&path, &compose(&front, body))?;
            if path != note.path {
                std::fs::remove_file(&note.path).map_err(|source| Error::Io {
                    path: note.path.clone(),
                    source,
                })?;
            }
        }
        for doc in &edits.append {
            self.append(doc)?;
        }
        *self = Self::open(&self.dir, &self.title_property)?;
        Ok(warnings)
    }

    fn append(&self, doc: &NewDoc) -> Result<()> {
        let title = doc
            .values
            .iter()
            .find(|(name, _)| *name == self.title_property)
            .and_then(|(_, v)| match v {
                PlainValue::Text(t) => Some(t.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "Untitled".to_owned());
        let path = self.free_path(&title, None);
        let name_is_title = path.file_stem().and_then(|s| s.to_str()) == Some(title.as_str());
        let fields: Map<String, Value> = doc
            .values
            .iter()
            .filter(|(name, _)| !(name_is_title && *name == self.title_property))
            .map(|(name, value)| (name.clone(), to_json(value)))
            .collect();
        let front = if fields.is_empty() {
            String::new()
        } else {
            let lines: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{k}: {}", super::yaml_patch::flow_value(v, false)))
                .collect();
            let text = lines.join("\n") + "\n";
            if serde_norway::from_str::<Value>(&text).ok() == Some(Value::Object(fields.clone())) {
                text
            } else {
                serde_norway::to_string(&Value::Object(fields)).unwrap_or_default()
            }
        };
        write_file(
            &path,
            &compose(&front, doc.body.as_deref().unwrap_or_default()),
        )
    }

    /// A path for a note titled `title` that no other note uses.
    fn free_path(&self, title: &str, own: Option<&Path>) -> PathBuf {
        let stem = note_file_name(title);
        let mut path = self.dir.join(format!("{stem}.md"));
        let mut n = 2;
        while path.exists() && Some(path.as_path()) != own {
            path = self.dir.join(format!("{stem} ({n}).md"));
            n += 1;
        }
        path
    }
}

/// The file name (without `.md`) of a note titled `title`: characters file systems
/// refuse become `-`.
pub fn note_file_name(title: &str) -> String {
    let name: String = title
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let name = name.trim_matches('.').to_owned();
    if name.is_empty() {
        "Untitled".to_owned()
    } else {
        name
    }
}

fn read_note(path: &Path, title_property: &str) -> Result<(Note, LocalDoc)> {
    let text = read_file(path)?;
    let (front, body) = split_front_matter(&text);
    let fields: Map<String, Value> = match front {
        Some(raw) if !raw.trim().is_empty() => {
            match serde_norway::from_str::<Value>(raw).map_err(|e| Error::Records {
                path: path.to_owned(),
                message: format!("front matter: {e}"),
            })? {
                Value::Object(map) => map,
                Value::Null => Map::new(),
                _ => {
                    return Err(Error::Records {
                        path: path.to_owned(),
                        message: "front matter: expected `Property: value` lines".to_owned(),
                    });
                }
            }
        }
        _ => Map::new(),
    };
    let mut record = records_from_value(Value::Array(vec![Value::Object(fields.clone())]), path)?
        .pop()
        .unwrap_or_default();
    let title_from_name = !record.values.contains_key(title_property);
    if title_from_name {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        record
            .values
            .insert(title_property.to_owned(), PlainValue::Text(stem));
    }
    let doc = LocalDoc {
        record,
        body: Some(body.to_owned()),
        modified: modified(path),
        file: path.to_owned(),
    };
    let note = Note {
        path: path.to_owned(),
        front_matter: front.map(str::to_owned),
        fields,
        title_from_name,
    };
    Ok((note, doc))
}

/// Splits `---` front matter off a note: (front matter text, body).
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

fn compose(front: &str, body: &str) -> String {
    let body = body.trim_start_matches('\n');
    if front.trim().is_empty() {
        return body.to_owned();
    }
    let mut text = format!("---\n{front}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("---\n\n");
    text.push_str(body);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_composes_back() {
        let text = "---\nSource: Learned\n---\n\n# Hello\n";
        let (front, body) = split_front_matter(text);
        assert_eq!(front, Some("Source: Learned\n"));
        assert_eq!(compose(front.unwrap_or_default(), body), text);
        assert_eq!(note_file_name("a/b: c?"), "a-b- c-");
    }
}
