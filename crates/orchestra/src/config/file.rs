//! Reading, checking and writing `orchestra.toml`.

use std::path::{Path, PathBuf};

use notion_model::{DataSourceId, DatabaseId, PageId};

use super::{Config, DatabaseIds, ResolvedIds};
use crate::error::{Error, Result};
use crate::schema::WorkspaceSchema;

/// Keys that look like secrets: refused with a pointer to the environment.
const SECRET_KEYS: [&str; 6] = [
    "token",
    "api_key",
    "notion_api_key",
    "notion_token",
    "secret",
    "webhook_url",
];

impl Config {
    /// Reads `path`; a missing file is an empty configuration.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable, [`Error::Config`] naming the bad key.
    pub fn load(path: &Path) -> Result<Self> {
        match read_if_present(path)? {
            Some(text) => Self::parse(&text, path),
            None => Ok(Self::default()),
        }
    }

    /// Parses the text of `path` and checks every value.
    ///
    /// # Errors
    /// [`Error::Config`] naming the bad key.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let bad = |message: String| Error::Config {
            path: path.to_owned(),
            message,
        };
        if let Ok(value) = text.parse::<toml::Table>()
            && let Some(key) = find_secret(&value, "")
        {
            return Err(bad(format!(
                "`{key}`: secrets never live in orchestra.toml; set NOTION_API_KEY (or NOTION_TOKEN) \
                 in the environment, and name the Slack webhook's variable in `slack.webhook_env`"
            )));
        }
        let config: Self =
            toml::from_str(text).map_err(|e| bad(e.to_string().trim_end().to_owned()))?;
        config.check().map_err(bad)?;
        Ok(config)
    }

    fn check(&self) -> std::result::Result<(), String> {
        if let Some(parent) = &self.notion.parent_page_id {
            PageId::parse(parent).map_err(|e| format!("`notion.parent_page_id`: {e}"))?;
        }
        for (key, ids) in &self.databases {
            DatabaseId::parse(&ids.database_id)
                .map_err(|e| format!("`databases.{key}.database_id`: {e}"))?;
            DataSourceId::parse(&ids.data_source_id)
                .map_err(|e| format!("`databases.{key}.data_source_id`: {e}"))?;
        }
        for (metric, t) in &self.thresholds {
            if let (Some(w), Some(c)) = (t.warning, t.critical)
                && !(w.is_finite() && c.is_finite())
            {
                return Err(format!(
                    "`thresholds.{metric}`: levels must be finite numbers"
                ));
            }
        }
        self.check_providers()?;
        if self.slack.webhook_env.trim().is_empty() {
            return Err("`slack.webhook_env`: name an environment variable".to_owned());
        }
        self.slack.realert_rule()?;
        Ok(())
    }

    fn check_providers(&self) -> std::result::Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for (i, p) in self.providers.iter().enumerate() {
            if p.name.trim().is_empty() {
                return Err(format!("`providers[{i}].name`: give the provider's name"));
            }
            if !seen.insert(p.name.as_str()) {
                return Err(format!(
                    "`providers[{i}].name`: {:?} is listed twice",
                    p.name
                ));
            }
            if p.key_env.trim().is_empty() {
                return Err(format!(
                    "`providers[{i}].key_env`: name the environment variable of its API key"
                ));
            }
            if let Some(url) = &p.health_url {
                url::Url::parse(url).map_err(|e| format!("`providers[{i}].health_url`: {e}"))?;
            }
        }
        Ok(())
    }

    /// Checks the database keys against the schema.
    ///
    /// # Errors
    /// [`Error::Config`] naming a `databases.<key>` the schema does not define.
    pub fn check_against(&self, schema: &WorkspaceSchema, path: &Path) -> Result<()> {
        for key in self.databases.keys() {
            if schema.database(key).is_err() {
                return Err(Error::Config {
                    path: path.to_owned(),
                    message: format!(
                        "`databases.{key}`: not a database of the schema; known databases: {}",
                        schema.keys().join(", ")
                    ),
                });
            }
        }
        Ok(())
    }

    /// The parent page, if configured.
    pub fn parent_page(&self) -> Option<PageId> {
        self.notion
            .parent_page_id
            .as_deref()
            .and_then(|p| PageId::parse(p).ok())
    }

    /// The parsed ids of database `key`, if provisioned.
    pub fn ids(&self, key: &str) -> Option<ResolvedIds> {
        let ids = self.databases.get(key)?;
        Some(ResolvedIds {
            database_id: DatabaseId::parse(&ids.database_id).ok()?,
            data_source_id: DataSourceId::parse(&ids.data_source_id).ok()?,
        })
    }

    /// Records the ids of database `key`.
    pub fn set_ids(&mut self, key: &str, ids: DatabaseIds) {
        self.databases.insert(key.to_owned(), ids);
    }

    /// The schema: the file named by `notion.schema_file` (relative to `config_path`'s
    /// directory), else the embedded one.
    ///
    /// # Errors
    /// As [`WorkspaceSchema::load`].
    pub fn schema(&self, config_path: &Path) -> Result<WorkspaceSchema> {
        match &self.notion.schema_file {
            Some(file) => WorkspaceSchema::load(&resolve(config_path, file)),
            None => Ok(WorkspaceSchema::builtin()),
        }
    }

    /// Writes the file. An existing file keeps its comments, order and formatting: only
    /// the keys whose values changed are rewritten.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be read or written, [`Error::Config`] when the existing
    /// file no longer parses.
    pub fn save(&self, path: &Path) -> Result<()> {
        let bad = |message: String| Error::Config {
            path: path.to_owned(),
            message,
        };
        let as_table =
            |config: &Self| toml::Table::try_from(config).map_err(|e| bad(e.to_string()));
        let text = match read_if_present(path)? {
            Some(text) => {
                let old = Self::parse(&text, path)?;
                super::writer::update_document(&text, &as_table(&old)?, &as_table(self)?)
                    .map_err(bad)?
            }
            None => {
                let body = toml::to_string_pretty(self).map_err(|e| bad(e.to_string()))?;
                format!(
                    "# Orchestra for Notion. Ids below are written by `orchestra init`.\n\
                     # Secrets never go here: set NOTION_API_KEY in the environment.\n\n{body}"
                )
            }
        };
        std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })
    }
}

/// `file` relative to the directory of `config_path`.
pub(crate) fn resolve(config_path: &Path, file: &Path) -> PathBuf {
    if file.is_absolute() {
        return file.to_owned();
    }
    config_path
        .parent()
        .map_or_else(|| file.to_owned(), |dir| dir.join(file))
}

fn find_secret(table: &toml::Table, prefix: &str) -> Option<String> {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if SECRET_KEYS.contains(&key.to_ascii_lowercase().as_str()) {
            return Some(path);
        }
        if let Some(inner) = value.as_table()
            && let Some(found) = find_secret(inner, &path)
        {
            return Some(found);
        }
    }
    None
}

impl DatabaseIds {
    /// Ids of a database and its data source.
    pub fn new(database_id: DatabaseId, data_source_id: DataSourceId) -> Self {
        Self {
            database_id: database_id.to_string(),
            data_source_id: data_source_id.to_string(),
            property_ids: Default::default(),
        }
    }
}

/// The text of `path`, or `None` when there is no such file.
///
/// # Errors
/// [`Error::Io`] when the file exists but cannot be read.
pub(crate) fn read_if_present(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_owned(),
            source,
        }),
    }
}
