//! The crate's one error type.

use std::path::PathBuf;

/// `Result` with this crate's [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in Orchestra.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The workspace schema definition is invalid.
    #[error("schema definition: {0}")]
    Schema(String),

    /// `orchestra.toml` (or another config value) is invalid; the message names the key.
    #[error("{path}: {message}")]
    Config {
        /// The file (or `environment`) the bad value came from.
        path: PathBuf,
        /// What is wrong, naming the key.
        message: String,
    },

    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// A database key that the schema does not define.
    #[error("unknown database {given:?}; known databases: {}", known.join(", "))]
    UnknownDatabase {
        /// What was asked for.
        given: String,
        /// The keys of the schema.
        known: Vec<String>,
    },

    /// A database that `orchestra init` has not provisioned yet.
    #[error(
        "database {key:?} ({title}) has no id in the configuration; run `orchestra init` first"
    )]
    NotProvisioned {
        /// Its key.
        key: String,
        /// Its title.
        title: String,
    },

    /// An integration name the registry does not know.
    #[error("unknown integration {given:?}; known integrations: {}", known.join(", "))]
    UnknownIntegration {
        /// What was asked for.
        given: String,
        /// The known names.
        known: Vec<String>,
    },

    /// A record failed validation; nothing was sent for it.
    #[error(transparent)]
    Invalid(#[from] crate::record::RecordError),

    /// A page key matched no page, or several.
    #[error("{0}")]
    Lookup(String),

    /// A records file (YAML, JSON or CSV) could not be read as a list of records.
    #[error("{path}: {message}")]
    Records {
        /// The file.
        path: PathBuf,
        /// What is wrong, naming the record or line when known.
        message: String,
    },

    /// The local sync state store (`.orchestra/state.sqlite`) failed.
    #[error("sync state {path}: {message}")]
    State {
        /// The SQLite file.
        path: PathBuf,
        /// The underlying error.
        message: String,
    },

    /// The Notion API failed.
    #[error(transparent)]
    Notion(#[from] notion_api::Error),

    /// A `git` command failed (not a repository, git missing, bad `--since`).
    #[error("git in {repo}: {message}")]
    Git {
        /// The repository folder.
        repo: PathBuf,
        /// What went wrong.
        message: String,
    },

    /// A collector's input is missing or unusable (CI environment, metrics file).
    #[error("{0}")]
    Collect(String),

    /// A `bulk --where` filter could not be read or does not fit the schema.
    #[error(transparent)]
    Filter(#[from] crate::bulk::FilterError),

    /// The daily report or an export could not be built (a chart, a file).
    #[error("report: {0}")]
    Report(String),

    /// A page template is unusable or lacks values (names each missing placeholder).
    #[error("template {template:?}: {message}")]
    Template {
        /// The template's name.
        template: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// True when the error is about the user's input (config, schema, usage) rather
    /// than the state of Notion.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Self::Schema(_)
                | Self::Config { .. }
                | Self::UnknownDatabase { .. }
                | Self::UnknownIntegration { .. }
                | Self::NotProvisioned { .. }
                | Self::Records { .. }
                | Self::Git { .. }
                | Self::Collect(_)
                | Self::Filter(_)
                | Self::Template { .. }
        )
    }

    /// The Notion API error, if this is one.
    pub fn notion(&self) -> Option<&notion_api::Error> {
        match self {
            Self::Notion(err) => Some(err),
            _ => None,
        }
    }
}
