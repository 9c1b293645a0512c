//! Local templates: Markdown files with front matter in the templates folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::placeholders::{fill, placeholders};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::record::{PlainValue, Record};

/// One local template.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalTemplate {
    /// The file name without `.md`.
    pub name: String,
    /// The file.
    pub path: PathBuf,
    /// The database it is for, when the front matter names one.
    pub database: Option<String>,
    /// A one-line description.
    pub description: Option<String>,
    /// Default property values (may hold placeholders).
    pub properties: BTreeMap<String, PlainValue>,
    /// The Markdown body (may hold placeholders).
    pub body: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    #[serde(default)]
    database: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    properties: BTreeMap<String, PlainValue>,
}

/// The templates folder: `[templates] dir` (relative to the configuration file), else
/// `templates/` next to it.
pub fn templates_dir(config: &Config, config_path: &Path) -> PathBuf {
    let dir = config
        .templates
        .dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("templates"));
    if dir.is_absolute() {
        return dir;
    }
    config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| dir.clone(), |parent| parent.join(&dir))
}

/// Every `*.md` template in `dir`, by name; a missing folder has none.
///
/// # Errors
/// [`Error::Io`] for an unreadable file, [`Error::Template`] for bad front matter.
pub fn list_local(dir: &Path) -> Result<Vec<LocalTemplate>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let mut templates = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?
            .path();
        if path.extension().and_then(|e| e.to_str()) == Some("md") {
            templates.push(LocalTemplate::load(&path)?);
        }
    }
    templates.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(templates)
}

impl LocalTemplate {
    /// Reads one template file.
    ///
    /// # Errors
    /// [`Error::Io`], or [`Error::Template`] for bad front matter.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        Self::parse(&name, path, &text)
    }

    /// Parses the text of a template.
    ///
    /// # Errors
    /// [`Error::Template`] for front matter that is not the expected YAML.
    pub fn parse(name: &str, path: &Path, text: &str) -> Result<Self> {
        let text = text.replace("\r\n", "\n");
        let (front, body) = split_front_matter(&text);
        let front: FrontMatter = match front {
            Some(yaml) if !yaml.trim().is_empty() => {
                serde_norway::from_str(yaml).map_err(|e| Error::Template {
                    template: name.to_owned(),
                    message: format!(
                        "{}: front matter: {e} (expected `database`, `description` and a \
                         `properties` map)",
                        path.display()
                    ),
                })?
            }
            _ => FrontMatter::default(),
        };
        Ok(Self {
            name: name.to_owned(),
            path: path.to_owned(),
            database: front.database,
            description: front.description,
            properties: front.properties,
            body: body.trim_start_matches('\n').to_owned(),
        })
    }

    /// Every placeholder of the body and the property values, in order.
    pub fn placeholders(&self) -> Vec<String> {
        let mut names = Vec::new();
        let texts = self
            .properties
            .values()
            .flat_map(texts_of)
            .chain(std::iter::once(self.body.clone()));
        for text in texts {
            for name in placeholders(&text) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The record and body with `values` filled in (`today` is built in).
    ///
    /// # Errors
    /// [`Error::Template`] listing every placeholder without a value.
    pub fn render(&self, values: &BTreeMap<String, String>) -> Result<(Record, String)> {
        let mut values = values.clone();
        values
            .entry("today".to_owned())
            .or_insert_with(|| jiff::ZonedDateTime::now().date().to_string());
        let mut missing: Vec<String> = Vec::new();
        let mut note = |names: Vec<String>| {
            for name in names {
                if !missing.contains(&name) {
                    missing.push(name);
                }
            }
        };
        let mut record = Record::new();
        for (property, value) in &self.properties {
            let filled = match value {
                PlainValue::Text(text) => {
                    let (text, gaps) = fill(text, &values);
                    note(gaps);
                    PlainValue::Text(text)
                }
                PlainValue::List(items) => PlainValue::List(
                    items
                        .iter()
                        .map(|item| {
                            let (text, gaps) = fill(item, &values);
                            note(gaps);
                            text
                        })
                        .collect(),
                ),
                other => other.clone(),
            };
            record.values.insert(property.clone(), filled);
        }
        let (body, gaps) = fill(&self.body, &values);
        note(gaps);
        if !missing.is_empty() {
            let sets: Vec<String> = missing.iter().map(|m| format!("--set {m}=…")).collect();
            return Err(Error::Template {
                template: self.name.clone(),
                message: format!(
                    "missing values for placeholders: {}; give them with {}",
                    missing.join(", "),
                    sets.join(" ")
                ),
            });
        }
        Ok((record, body))
    }
}

fn texts_of(value: &PlainValue) -> Vec<String> {
    match value {
        PlainValue::Text(t) => vec![t.clone()],
        PlainValue::List(items) => items.clone(),
        _ => Vec::new(),
    }
}

/// `(front matter, body)`: the YAML between a leading `---` line and the next `---` line.
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "---\ndatabase: projects\nproperties:\n  Name: \"{{name}}\"\n  Status: Planning\n  Progress: 10\n  Tags: [\"{{tag}}\", Core]\n---\n\n# {{ name }}\n\nStarted {{today}} by {{owner}}.\n";

    #[test]
    fn reads_front_matter_and_placeholders() {
        let t = LocalTemplate::parse("project", Path::new("project.md"), TEXT).expect("parse");
        assert_eq!(t.database.as_deref(), Some("projects"));
        assert_eq!(
            t.properties.get("Progress"),
            Some(&PlainValue::Number(10.0))
        );
        assert_eq!(t.placeholders(), vec!["name", "tag", "today", "owner"]);
        assert!(t.body.starts_with("# {{ name }}"));
    }

    #[test]
    fn render_lists_every_missing_placeholder() {
        let t = LocalTemplate::parse("project", Path::new("project.md"), TEXT).expect("parse");
        let values = BTreeMap::from([("name".to_owned(), "Apollo".to_owned())]);
        let err = t.render(&values).expect_err("missing");
        assert_eq!(
            err.to_string(),
            "template \"project\": missing values for placeholders: tag, owner; give them with \
             --set tag=… --set owner=…"
        );
    }

    #[test]
    fn render_fills_properties_and_body() {
        let t = LocalTemplate::parse("project", Path::new("project.md"), TEXT).expect("parse");
        let values = BTreeMap::from([
            ("name".to_owned(), "Apollo".to_owned()),
            ("tag".to_owned(), "Space".to_owned()),
            ("owner".to_owned(), "Ada".to_owned()),
            ("today".to_owned(), "2026-05-04".to_owned()),
        ]);
        let (record, body) = t.render(&values).expect("render");
        assert_eq!(record.text("Name"), Some("Apollo"));
        assert_eq!(record.list("Tags"), vec!["Space", "Core"]);
        assert_eq!(body, "# Apollo\n\nStarted 2026-05-04 by Ada.\n");
    }

    #[test]
    fn bad_front_matter_names_the_file() {
        let err = LocalTemplate::parse("x", Path::new("t/x.md"), "---\ncolour: red\n---\nbody")
            .expect_err("unknown key");
        assert!(err.to_string().contains("t/x.md: front matter"), "{err}");
    }
}
