//! `orchestra.toml`: workspace ids written by `orchestra init`, sources, thresholds, Slack.
//!
//! Secrets never live in this file: the Notion token comes from `NOTION_API_KEY` (or
//! `NOTION_TOKEN`) and the Slack webhook from the environment variable the file names.

mod file;
mod local_ids;
mod providers;
mod show;
mod writer;

use std::collections::BTreeMap;
use std::path::PathBuf;

use notion_model::{DataSourceId, DatabaseId};
use serde::{Deserialize, Serialize};

pub use local_ids::{LOCAL_IDS_FILE, LocalIds, LocalIdsOrigin};
pub use providers::{Direction, ProviderConfig};
pub use show::redacted_text;
pub use show::redacted_view;

/// The default file name.
pub const CONFIG_FILE: &str = "orchestra.toml";

/// The whole configuration file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// Where the workspace lives in Notion and how records are checked.
    #[serde(default)]
    pub notion: NotionSection,
    /// Ids of the provisioned databases, by database key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub databases: BTreeMap<String, DatabaseIds>,
    /// Local inputs of the collectors.
    #[serde(default)]
    pub sources: Sources,
    /// Alert thresholds by metric name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub thresholds: BTreeMap<String, Threshold>,
    /// Slack notifications.
    #[serde(default)]
    pub slack: Slack,
    /// `orchestra sync` settings.
    #[serde(default, skip_serializing_if = "SyncSection::is_empty")]
    pub sync: SyncSection,
    /// `[[providers]]`: the AI providers of the AI Tools Coordination Hub.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub providers: Vec<ProviderConfig>,
    /// `[templates]`: where local page templates live.
    #[serde(default, skip_serializing_if = "TemplatesSection::is_empty")]
    pub templates: TemplatesSection,
    /// Which ids were layered in from the local workspace's ids file (never part of the
    /// file itself; see [`LocalIds`]).
    #[serde(skip)]
    pub local_ids: Option<LocalIdsOrigin>,
}

/// `[templates]`: local page templates (`orchestra template`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TemplatesSection {
    /// The folder of Markdown templates, relative to this file (default `templates`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<PathBuf>,
}

impl TemplatesSection {
    /// True when nothing is configured.
    pub fn is_empty(&self) -> bool {
        self.dir.is_none()
    }
}

/// `[sync]`: how `orchestra sync` matches local records to rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SyncSection {
    /// The key property by database key (`activity = "Commit SHA"`); default: the title.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, String>,
}

impl SyncSection {
    /// True when nothing is configured.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// `[notion]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NotionSection {
    /// The page the databases live under (an id or a Notion URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_page_id: Option<String>,
    /// What to do with a select option the schema does not have.
    #[serde(default)]
    pub option_policy: OptionPolicy,
    /// A schema definition replacing the embedded one (relative to this file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_file: Option<PathBuf>,
}

/// What to do with a select option the live schema does not have.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OptionPolicy {
    /// Let Notion add the option (its default behaviour).
    #[default]
    Create,
    /// Refuse the record.
    Reject,
}

/// `[databases.<key>]`: what `orchestra init` found or created.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DatabaseIds {
    /// The database (container) id.
    pub database_id: String,
    /// The data source holding the rows and the schema.
    pub data_source_id: String,
    /// Property ids by the brief's property name (to recognise renames).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub property_ids: BTreeMap<String, String>,
}

/// Parsed ids of one database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedIds {
    /// The database.
    pub database_id: DatabaseId,
    /// Its data source.
    pub data_source_id: DataSourceId,
}

/// `[sources]`: local inputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Sources {
    /// The projects file (`projects.yaml`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects: Option<PathBuf>,
    /// Git repositories to read activity from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repositories: Vec<PathBuf>,
    /// The AI tools usage ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_ledger: Option<PathBuf>,
    /// Operational metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<PathBuf>,
    /// Folders of the persona knowledge bases, by persona key (`cherry`, `sophia`, `karen`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub knowledge_bases: BTreeMap<String, PathBuf>,
}

/// `[thresholds.<metric>]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Threshold {
    /// Warning level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<f64>,
    /// Critical level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical: Option<f64>,
    /// Which way is worse (default: higher values are worse).
    #[serde(default, skip_serializing_if = "Direction::is_default")]
    pub direction: Direction,
}

/// `[slack]`: the webhook itself is a secret, so the file only names its variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Slack {
    /// The environment variable holding the incoming-webhook URL (`SLACK_WEBHOOK_URL`
    /// is used when this one is not set).
    #[serde(default = "default_webhook_env", alias = "webhook_url_env")]
    pub webhook_env: String,
    /// Channel override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// How long a metric that stays Critical is quiet before it alerts again (`24h`, `90m`,
    /// `1h 30m`); `insights collect --realert-after` overrides it. Default 24 h (20 h for
    /// `orchestra daily`, see [`crate::collect::insights::RealertRule::daily`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realert_after: Option<String>,
}

impl Slack {
    /// The quiet period set here, if any.
    ///
    /// # Errors
    /// A message naming the key when the duration is not valid (checked when the file is
    /// loaded, so commands never see an invalid one).
    pub fn realert_rule(
        &self,
    ) -> std::result::Result<Option<crate::collect::insights::RealertRule>, String> {
        self.realert_after
            .as_deref()
            .map(crate::collect::insights::RealertRule::parse)
            .transpose()
            .map_err(|e| format!("`slack.realert_after`: {e}"))
    }
}

impl Default for Slack {
    fn default() -> Self {
        Self {
            webhook_env: default_webhook_env(),
            channel: None,
            realert_after: None,
        }
    }
}

fn default_webhook_env() -> String {
    "ORCHESTRA_SLACK_WEBHOOK".to_owned()
}
