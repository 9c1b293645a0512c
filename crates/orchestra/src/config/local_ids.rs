//! The ids of the local workspace, kept beside its data instead of in `orchestra.toml`.
//!
//! Where provisioned ids are recorded depends on where they are valid:
//! - With a token (real Notion, or any API at `NOTION_BASE_URL`), `orchestra init` and
//!   `orchestra daily` write the ids into `orchestra.toml` itself (comments and layout kept,
//!   see [`Config::save`]).
//! - Without a token everything runs against the local workspace, whose ids mean nothing
//!   anywhere else. The configuration file is then never written: the ids go to
//!   `workspace-ids.toml` in the local workspace's own folder (next to its database), and
//!   are layered over the file's `[notion] parent_page_id` and `[databases]` when the next
//!   run loads the configuration ([`LocalIds::layer_onto`]): an id in the local file wins,
//!   and the ids the configuration file carries itself (written there by older versions)
//!   keep working for the databases the local file does not name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use notion_model::{DataSourceId, DatabaseId, PageId};
use serde::{Deserialize, Serialize};

use super::{Config, DatabaseIds};
use crate::error::{Error, Result};
use crate::schema::WorkspaceSchema;

/// The file name of the local workspace's ids, inside the local workspace's folder.
pub const LOCAL_IDS_FILE: &str = "workspace-ids.toml";

/// The contents of `workspace-ids.toml`: what provisioning recorded for the local workspace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LocalIds {
    /// The page the databases live under (the local workspace's root page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_page_id: Option<String>,
    /// Ids of the provisioned databases, by database key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub databases: BTreeMap<String, DatabaseIds>,
}

/// Which effective ids of a [`Config`] came from the local workspace's ids file (shown by
/// `orchestra config show`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LocalIdsOrigin {
    /// The ids file.
    pub file: PathBuf,
    /// True when `notion.parent_page_id` came from it.
    pub parent_page_id: bool,
    /// The database keys whose ids came from it.
    pub databases: Vec<String>,
}

impl LocalIds {
    /// What `config` records for the workspace: its parent page and every database's ids.
    pub fn from_config(config: &Config) -> Self {
        Self {
            parent_page_id: config.notion.parent_page_id.clone(),
            databases: config.databases.clone(),
        }
    }

    /// True when the file would record nothing.
    pub fn is_empty(&self) -> bool {
        self.parent_page_id.is_none() && self.databases.is_empty()
    }

    /// Reads `path`; a missing file records nothing.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable, [`Error::Config`] naming the file and the bad key.
    pub fn load(path: &Path) -> Result<Self> {
        match super::file::read_if_present(path)? {
            Some(text) => Self::parse(&text, path),
            None => Ok(Self::default()),
        }
    }

    /// Parses the text of `path` and checks every id.
    ///
    /// # Errors
    /// [`Error::Config`] naming the file and the bad key.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let bad = |message: String| Error::Config {
            path: path.to_owned(),
            message,
        };
        let ids: Self =
            toml::from_str(text).map_err(|e| bad(e.to_string().trim_end().to_owned()))?;
        if let Some(parent) = &ids.parent_page_id {
            PageId::parse(parent).map_err(|e| bad(format!("`parent_page_id`: {e}")))?;
        }
        for (key, db) in &ids.databases {
            DatabaseId::parse(&db.database_id)
                .map_err(|e| bad(format!("`databases.{key}.database_id`: {e}")))?;
            DataSourceId::parse(&db.data_source_id)
                .map_err(|e| bad(format!("`databases.{key}.data_source_id`: {e}")))?;
        }
        Ok(ids)
    }

    /// Checks the database keys against the schema.
    ///
    /// # Errors
    /// [`Error::Config`] naming the file and a `databases.<key>` the schema does not define.
    pub fn check_against(&self, schema: &WorkspaceSchema, path: &Path) -> Result<()> {
        match self.databases.keys().find(|k| schema.database(k).is_err()) {
            None => Ok(()),
            Some(key) => Err(Error::Config {
                path: path.to_owned(),
                message: format!(
                    "`databases.{key}`: not a database of the schema; known databases: {}",
                    schema.keys().join(", ")
                ),
            }),
        }
    }

    /// Writes `path` (creating its folder), replacing it as a whole.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be written, [`Error::Config`] when it cannot be formatted.
    pub fn save(&self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let body = toml::to_string_pretty(self).map_err(|e| Error::Config {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let text = format!(
            "# Ids of the local workspace, written by `orchestra init` without a token.\n\
             # They are only valid in this local workspace; orchestra.toml is left untouched.\n\n{body}"
        );
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        crate::sync::local::write_file(path, &text)
    }

    /// Puts these ids over `config`'s own (the local file wins) and records in
    /// [`Config::local_ids`] which ones came from `path`.
    pub fn layer_onto(&self, config: &mut Config, path: &Path) {
        if self.is_empty() {
            return;
        }
        if let Some(parent) = &self.parent_page_id {
            config.notion.parent_page_id = Some(parent.clone());
        }
        for (key, ids) in &self.databases {
            config.databases.insert(key.clone(), ids.clone());
        }
        config.local_ids = Some(LocalIdsOrigin {
            file: path.to_owned(),
            parent_page_id: self.parent_page_id.is_some(),
            databases: self.databases.keys().cloned().collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DB: &str = "11111111-1111-4111-8111-111111111111";
    const DS: &str = "22222222-2222-4222-8222-222222222222";
    const OTHER_DB: &str = "33333333-3333-4333-8333-333333333333";
    const OTHER_DS: &str = "44444444-4444-4444-8444-444444444444";
    const PARENT: &str = "55555555-5555-4555-8555-555555555555";

    fn ids(db: &str, ds: &str) -> DatabaseIds {
        DatabaseIds {
            database_id: db.to_owned(),
            data_source_id: ds.to_owned(),
            property_ids: BTreeMap::from([("Name".to_owned(), "title".to_owned())]),
        }
    }

    #[test]
    fn a_missing_file_records_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let loaded = LocalIds::load(&dir.path().join(LOCAL_IDS_FILE)).expect("load");
        assert!(loaded.is_empty());
    }

    #[test]
    fn saved_ids_read_back_the_same_and_the_folder_is_created() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(".orchestra").join(LOCAL_IDS_FILE);
        let mut config = Config::default();
        config.notion.parent_page_id = Some(PARENT.to_owned());
        config.set_ids("projects", ids(DB, DS));
        let written = LocalIds::from_config(&config);
        written.save(&path).expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with("# Ids of the local workspace"), "{text}");
        assert!(text.contains("[databases.projects]"), "{text}");
        assert_eq!(LocalIds::load(&path).expect("load"), written);
        assert!(
            !path.with_extension("toml.partial").exists(),
            "no partial file is left behind"
        );
    }

    #[test]
    fn local_ids_win_over_the_config_and_the_rest_of_the_config_stays() {
        let mut config = Config::default();
        config.notion.parent_page_id = Some(OTHER_DB.to_owned());
        config.set_ids("projects", ids(OTHER_DB, OTHER_DS));
        config.set_ids("tasks", ids(OTHER_DB, OTHER_DS));
        let local = LocalIds {
            parent_page_id: Some(PARENT.to_owned()),
            databases: BTreeMap::from([("projects".to_owned(), ids(DB, DS))]),
        };
        let path = Path::new("/somewhere/.orchestra/workspace-ids.toml");
        local.layer_onto(&mut config, path);

        assert_eq!(
            config.parent_page().map(|p| p.to_string()),
            Some(PARENT.to_owned())
        );
        let projects = config.ids("projects").expect("projects");
        assert_eq!(projects.database_id.to_string(), DB);
        assert_eq!(projects.data_source_id.to_string(), DS);
        let tasks = config
            .ids("tasks")
            .expect("the config's own ids keep working");
        assert_eq!(tasks.database_id.to_string(), OTHER_DB);
        let origin = config.local_ids.expect("origin recorded");
        assert_eq!(origin.file, path);
        assert!(origin.parent_page_id);
        assert_eq!(origin.databases, vec!["projects".to_owned()]);
    }

    #[test]
    fn an_empty_local_file_leaves_the_config_as_it_is() {
        let mut config = Config::default();
        config.set_ids("tasks", ids(DB, DS));
        let before = config.clone();
        LocalIds::default().layer_onto(&mut config, Path::new("ids.toml"));
        assert_eq!(config, before);
    }

    #[test]
    fn a_malformed_id_is_refused_naming_the_file_and_the_key() {
        let path = Path::new("/ws/.orchestra/workspace-ids.toml");
        let text =
            format!("[databases.projects]\ndatabase_id = \"{DB}\"\ndata_source_id = \"nope\"\n");
        let err = LocalIds::parse(&text, path).expect_err("bad id");
        let message = err.to_string();
        assert!(message.contains("workspace-ids.toml"), "{message}");
        assert!(
            message.contains("databases.projects.data_source_id"),
            "{message}"
        );
    }

    #[test]
    fn broken_toml_and_unknown_keys_are_refused_naming_the_file() {
        let path = Path::new("/ws/.orchestra/workspace-ids.toml");
        let broken = LocalIds::parse("[databases.projects\n", path).expect_err("broken");
        assert!(
            broken.to_string().contains("workspace-ids.toml"),
            "{broken}"
        );
        let unknown = LocalIds::parse("token = \"x\"\n", path).expect_err("unknown key");
        let message = unknown.to_string();
        assert!(message.contains("workspace-ids.toml"), "{message}");
        assert!(message.contains("token"), "{message}");
        let parent = LocalIds::parse("parent_page_id = \"no\"\n", path).expect_err("parent");
        assert!(parent.to_string().contains("`parent_page_id`"), "{parent}");
    }

    #[test]
    fn database_keys_are_checked_against_the_schema() {
        let path = Path::new("ids.toml");
        let schema = WorkspaceSchema::builtin();
        let mut local = LocalIds::default();
        local.databases.insert("projects".to_owned(), ids(DB, DS));
        local.check_against(&schema, path).expect("known key");
        local.databases.insert("nonsense".to_owned(), ids(DB, DS));
        let err = local.check_against(&schema, path).expect_err("unknown key");
        assert!(err.to_string().contains("`databases.nonsense`"), "{err}");
    }
}
