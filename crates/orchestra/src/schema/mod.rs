//! The seven databases of the Orchestra workspace, as one declarative definition.
//!
//! The definition is `schemas/workspace.toml`, embedded in the binary
//! ([`WorkspaceSchema::builtin`]); `schema_file` in `orchestra.toml` points at an override.

mod kind;
mod notion;

use std::path::Path;

use serde::Deserialize;

pub use kind::PropertyKind;

use crate::error::{Error, Result};

/// The embedded definition (`schemas/workspace.toml`).
pub const BUILTIN_SCHEMA: &str = include_str!("../../schemas/workspace.toml");

/// The whole workspace: databases in definition order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceSchema {
    /// The databases.
    #[serde(rename = "database")]
    pub databases: Vec<DatabaseSpec>,
}

/// One database: its short key, its title and its properties.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSpec {
    /// Short key used on the command line and in `orchestra.toml` (`projects`, `tools`, ...).
    pub key: String,
    /// The database title in Notion, exactly as the brief names it.
    pub title: String,
    /// What the database is for.
    #[serde(default)]
    pub purpose: String,
    /// The properties, in the brief's order.
    pub properties: Vec<PropertySpec>,
}

/// One property of a database.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropertySpec {
    /// The name, case-sensitive.
    pub name: String,
    /// The brief's type.
    #[serde(rename = "type")]
    pub kind: PropertyKind,
    /// The brief's description.
    #[serde(default)]
    pub description: String,
    /// Select / multi-select options.
    #[serde(default)]
    pub options: Vec<String>,
    /// Number display format (`number`, `percent`, `dollar`, ...).
    #[serde(default)]
    pub format: Option<String>,
    /// Smallest allowed record value (numbers).
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest allowed record value (numbers).
    #[serde(default)]
    pub max: Option<f64>,
    /// Relation target: a database key.
    #[serde(default)]
    pub target: Option<String>,
}

impl PropertySpec {
    /// True for a number shown as a percentage: records give 0-100, Notion stores a fraction.
    pub fn is_percent(&self) -> bool {
        self.kind == PropertyKind::Number && self.format.as_deref() == Some("percent")
    }
}

impl DatabaseSpec {
    /// The property named exactly `name`.
    pub fn property(&self, name: &str) -> Option<&PropertySpec> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// The title property.
    pub fn title_property(&self) -> &PropertySpec {
        self.properties
            .iter()
            .find(|p| p.kind == PropertyKind::Title)
            .expect("validated: one title per database")
    }
}

impl WorkspaceSchema {
    /// The embedded definition.
    ///
    /// # Panics
    /// Never in a released binary: the embedded file is checked by the tests.
    pub fn builtin() -> Self {
        Self::from_toml(BUILTIN_SCHEMA).expect("the embedded schema is valid")
    }

    /// Parses and checks a definition.
    ///
    /// # Errors
    /// [`Error::Schema`] for bad TOML, duplicate keys or names, a database without exactly
    /// one title, options on a non-select, or a relation to an unknown database.
    pub fn from_toml(text: &str) -> Result<Self> {
        let schema: Self = toml::from_str(text).map_err(|e| Error::Schema(e.to_string()))?;
        schema.check()?;
        Ok(schema)
    }

    /// Reads a definition from a file.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable, else as [`WorkspaceSchema::from_toml`].
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::from_toml(&text).map_err(|e| match e {
            Error::Schema(message) => Error::Schema(format!("{}: {message}", path.display())),
            other => other,
        })
    }

    /// The database with this key.
    ///
    /// # Errors
    /// [`Error::UnknownDatabase`] listing the known keys.
    pub fn database(&self, key: &str) -> Result<&DatabaseSpec> {
        self.databases
            .iter()
            .find(|d| d.key == key)
            .ok_or_else(|| Error::UnknownDatabase {
                given: key.to_owned(),
                known: self.keys(),
            })
    }

    /// The database keys, in definition order.
    pub fn keys(&self) -> Vec<String> {
        self.databases.iter().map(|d| d.key.clone()).collect()
    }

    /// Databases in an order where every relation target (other than the database
    /// itself) comes before the database pointing at it.
    pub fn creation_order(&self) -> Vec<&DatabaseSpec> {
        let mut done: Vec<&str> = Vec::new();
        let mut order = Vec::new();
        while order.len() < self.databases.len() {
            let before = order.len();
            for db in &self.databases {
                if done.contains(&db.key.as_str()) {
                    continue;
                }
                let ready = db.properties.iter().all(|p| match &p.target {
                    Some(t) => t == &db.key || done.contains(&t.as_str()),
                    None => true,
                });
                if ready {
                    done.push(&db.key);
                    order.push(db);
                }
            }
            if order.len() == before {
                // A cycle between databases: the remaining ones get their relations later.
                for db in &self.databases {
                    if !done.contains(&db.key.as_str()) {
                        done.push(&db.key);
                        order.push(db);
                    }
                }
            }
        }
        order
    }

    fn check(&self) -> Result<()> {
        let fail = |m: String| Err(Error::Schema(m));
        for (i, db) in self.databases.iter().enumerate() {
            if self.databases[..i].iter().any(|d| d.key == db.key) {
                return fail(format!("database key {:?} is defined twice", db.key));
            }
            if self.databases[..i].iter().any(|d| d.title == db.title) {
                return fail(format!("database title {:?} is used twice", db.title));
            }
            let titles = db
                .properties
                .iter()
                .filter(|p| p.kind == PropertyKind::Title);
            if titles.count() != 1 {
                return fail(format!(
                    "database {:?} must have exactly one title property",
                    db.key
                ));
            }
            for (j, p) in db.properties.iter().enumerate() {
                let at = format!("database {:?}, property {:?}", db.key, p.name);
                if db.properties[..j].iter().any(|q| q.name == p.name) {
                    return fail(format!("{at} is defined twice"));
                }
                if !p.options.is_empty() && !p.kind.has_options() {
                    return fail(format!("{at}: only select and multi_select take options"));
                }
                match (&p.target, p.kind) {
                    (None, PropertyKind::Relation) => {
                        return fail(format!("{at}: a relation needs a `target` database key"));
                    }
                    (Some(t), PropertyKind::Relation) => {
                        if !self.databases.iter().any(|d| &d.key == t) {
                            return fail(format!("{at}: target {t:?} is not a database key"));
                        }
                    }
                    (Some(_), _) => return fail(format!("{at}: only relations take a `target`")),
                    (None, _) => {}
                }
                if p.format.is_some() && p.kind != PropertyKind::Number {
                    return fail(format!("{at}: only numbers take a `format`"));
                }
            }
        }
        Ok(())
    }
}
