//! What every Notion-talking command needs: configuration, schema, a client, and the
//! local workspace when no token is set.
//!
//! Provisioned ids are recorded where they are valid ([`Session::save_ids`]): with a token
//! in `orchestra.toml` (comments kept); without one in the local workspace's
//! `workspace-ids.toml`, layered over the file's own ids when loading, so a run against
//! the local workspace never rewrites the user's configuration file.

use std::path::PathBuf;

use anyhow::Context;
use notion_api::Client;
use notion_model::PageId;
use orchestra::config::{Config, LocalIds};
use orchestra::env::{Environment, build_client};
use orchestra::schema::WorkspaceSchema;
use orchestra::workspace::Workspace;

use crate::cli::Output;
use crate::local::LocalWorkspace;

/// A loaded configuration and a connected client.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) config_path: PathBuf,
    pub(crate) config: Config,
    pub(crate) schema: WorkspaceSchema,
    pub(crate) client: Client,
    pub(crate) local: Option<LocalWorkspace>,
}

impl Session {
    /// Loads the configuration and connects (starting the local workspace without a token).
    pub(crate) async fn open(config_path: PathBuf, output: Output) -> anyhow::Result<Self> {
        let env = Environment::from_env();
        let (config, schema) = load_for(&config_path, &env)?;
        let (builder, local) = if env.has_token() {
            (env.builder()?, None)
        } else {
            let local = LocalWorkspace::start(&config_path).await?;
            eprintln!(
                "orchestra: no NOTION_API_KEY set; using the local workspace {}",
                local.path.display()
            );
            let builder = env.builder_with(local.token.clone().into(), local.base_url.clone())?;
            (builder, Some(local))
        };
        // `ORCHESTRA_RATE_LIMIT=off`: no proactive spacing (local emulators and tests);
        // Notion's own 429s are still honoured.
        let builder = if std::env::var("ORCHESTRA_RATE_LIMIT").is_ok_and(|v| v == "off") {
            builder.rate_limit(notion_api::RateLimit::Off)
        } else {
            builder
        };
        let builder = if output.debug {
            builder.observer(crate::logging::observe)
        } else {
            builder
        };
        let client = build_client(builder)?;
        Ok(Self {
            config_path,
            config,
            schema,
            client,
            local,
        })
    }

    /// The local workspace's root page.
    pub(crate) fn local_root(&self) -> Option<PageId> {
        self.local
            .as_ref()
            .and_then(|l| PageId::parse(&l.root_page_id).ok())
    }

    /// A workspace view for page commands.
    pub(crate) fn workspace(&self) -> Workspace {
        Workspace::new(
            self.client.clone(),
            self.config.clone(),
            self.schema.clone(),
        )
    }

    /// Records the ids in `config` (after provisioning): into the configuration file with
    /// a token, into the local workspace's ids file without one (the configuration file is
    /// then left untouched).
    pub(crate) fn save_ids(&self, config: &Config) -> anyhow::Result<()> {
        if self.local.is_some() {
            let path = crate::local::ids_path(&self.config_path);
            LocalIds::from_config(config)
                .save(&path)
                .with_context(|| format!("writing the local workspace's ids {}", path.display()))
        } else {
            config
                .save(&self.config_path)
                .with_context(|| format!("writing {}", self.config_path.display()))
        }
    }

    /// Stops the local workspace, if any.
    pub(crate) async fn close(self) {
        if let Some(local) = self.local {
            local.stop().await;
        }
    }
}

/// Reads `orchestra.toml` and the schema it names, and checks one against the other;
/// without a token in the environment, the local workspace's ids are layered over the
/// file's.
pub(crate) fn load(config_path: &std::path::Path) -> anyhow::Result<(Config, WorkspaceSchema)> {
    load_for(config_path, &Environment::from_env())
}

/// As [`load`], for the environment `env`.
fn load_for(
    config_path: &std::path::Path,
    env: &Environment,
) -> anyhow::Result<(Config, WorkspaceSchema)> {
    let mut config = Config::load(config_path)?;
    let schema = config
        .schema(config_path)
        .with_context(|| format!("loading the schema named in {}", config_path.display()))?;
    config.check_against(&schema, config_path)?;
    if !env.has_token() {
        let path = crate::local::ids_path(config_path);
        let local = LocalIds::load(&path)?;
        local.check_against(&schema, &path)?;
        local.layer_onto(&mut config, &path);
    }
    Ok((config, schema))
}
