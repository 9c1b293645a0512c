//! The integration registry, like the brief's `get_integration('notion')`.
//!
//! ```no_run
//! # async fn run() -> orchestra::Result<()> {
//! let notion = orchestra::integrations::get("notion")?;
//! let health = notion.health().await;
//! println!("{}: {}", notion.name(), health.detail);
//! # Ok(()) }
//! ```

use std::future::Future;
use std::pin::Pin;

use notion_api::Client;

use crate::env::{Environment, build_client};
use crate::error::{Error, Result};

/// The names [`get`] knows.
pub const KNOWN: [&str; 1] = ["notion"];

/// The result of a health check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// True when the integration works.
    pub healthy: bool,
    /// What was found.
    pub detail: String,
}

/// A boxed future of a health check.
pub type HealthFuture<'a> = Pin<Box<dyn Future<Output = Health> + Send + 'a>>;

/// An outside service Orchestra talks to.
pub trait Integration: Send + Sync + std::fmt::Debug {
    /// Its registry name.
    fn name(&self) -> &str;
    /// Checks that it is reachable and authorised.
    fn health(&self) -> HealthFuture<'_>;
    /// The Notion client, for the Notion integration.
    fn notion_client(&self) -> Option<&Client> {
        None
    }
}

/// Notion through the configured client.
#[derive(Debug, Clone)]
pub struct NotionIntegration {
    client: Client,
}

impl NotionIntegration {
    /// Wraps a client.
    pub fn new(client: Client) -> Self {
        Self { client }
    }

    /// The client.
    pub fn client(&self) -> &Client {
        &self.client
    }
}

impl Integration for NotionIntegration {
    fn name(&self) -> &str {
        "notion"
    }

    fn health(&self) -> HealthFuture<'_> {
        Box::pin(async move {
            match self.client.users().me().await {
                Ok(me) => Health {
                    healthy: true,
                    detail: format!("connected as {:?}", me.display_name().unwrap_or("a bot")),
                },
                Err(err) if err.status() == Some(401) => Health {
                    healthy: false,
                    detail: format!(
                        "Unauthorized: {}",
                        crate::doctor::UNAUTHORIZED_FIX.replace('\n', " ")
                    ),
                },
                Err(err) => Health {
                    healthy: false,
                    detail: err.to_string(),
                },
            }
        })
    }

    fn notion_client(&self) -> Option<&Client> {
        Some(&self.client)
    }
}

/// The integration named `name`, configured from the environment.
///
/// # Errors
/// [`Error::UnknownIntegration`] listing the known names; [`Error::Config`] when the
/// environment lacks what it needs (a token for `notion`).
pub fn get(name: &str) -> Result<Box<dyn Integration>> {
    get_with(name, &Environment::from_env())
}

/// Like [`get`] with an explicit environment.
///
/// # Errors
/// As [`get`].
pub fn get_with(name: &str, env: &Environment) -> Result<Box<dyn Integration>> {
    match name {
        "notion" => Ok(Box::new(NotionIntegration::new(build_client(
            env.builder()?,
        )?))),
        other => Err(Error::UnknownIntegration {
            given: other.to_owned(),
            known: KNOWN.iter().map(|s| (*s).to_owned()).collect(),
        }),
    }
}
