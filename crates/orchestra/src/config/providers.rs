//! `[[providers]]` (the AI Tools Coordination Hub) and the direction of a threshold.

use serde::{Deserialize, Serialize};

/// Which way a metric gets worse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Direction {
    /// Higher values are worse (CPU, latency, cost): the default.
    #[default]
    HigherIsWorse,
    /// Lower values are worse (uptime, free space, hit rate).
    LowerIsWorse,
}

impl Direction {
    /// True for the default (left out when the file is written).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// `[[providers]]`: one AI provider.
///
/// ```toml
/// [[providers]]
/// name = "OpenAI"
/// key_env = "OPENAI_API_KEY"
/// rate_limit = "10,000 RPM"
/// health_url = "https://status.openai.com/api/v2/status.json"
/// notes = "Used by Cherry and Sophia"
/// per_tool = true
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProviderConfig {
    /// The provider's name, as the usage ledger writes it (`OpenAI`, `Anthropic`, ...).
    pub name: String,
    /// The environment variable holding its API key; only whether it is set is ever read.
    pub key_env: String,
    /// Current limits, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<String>,
    /// A URL answering GET when the provider is up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_url: Option<String>,
    /// Configuration notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// One row per tool of the ledger (`OpenAI/gpt-4o`) instead of one per provider.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_tool: bool,
}

impl ProviderConfig {
    /// A provider named `name` whose key is in `key_env`.
    pub fn new(name: impl Into<String>, key_env: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            key_env: key_env.into(),
            ..Self::default()
        }
    }
}
