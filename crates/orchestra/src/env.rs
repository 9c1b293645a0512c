//! The environment Orchestra runs in: token, base URL and API version.
//!
//! `NOTION_API_KEY` (the brief's name) or `NOTION_TOKEN`; `NOTION_BASE_URL`; `NOTION_VERSION`.
//! With no token at all the caller uses the local workspace instead.

use notion_api::{ApiVersion, Client, ClientBuilder, Token};

use crate::error::{Error, Result};

/// The token variables, in order of preference.
pub const TOKEN_VARS: [&str; 2] = ["NOTION_API_KEY", "NOTION_TOKEN"];

/// Settings read from the environment. `Debug` never shows the token.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    token: Option<(Token, &'static str)>,
    base_url: Option<String>,
    version: Option<String>,
}

impl Environment {
    /// Reads the process environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads variables through `lookup` (tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let token = TOKEN_VARS
            .iter()
            .find_map(|name| var(name).map(|t| (Token::new(t.trim()), *name)));
        Self {
            token,
            base_url: var("NOTION_BASE_URL"),
            version: var("NOTION_VERSION"),
        }
    }

    /// True when a token is set.
    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// The variable the token came from.
    pub fn token_source(&self) -> Option<&'static str> {
        self.token.as_ref().map(|(_, var)| *var)
    }

    /// The API root (`NOTION_BASE_URL`, default `https://api.notion.com`).
    pub fn base_url(&self) -> &str {
        self.base_url
            .as_deref()
            .unwrap_or(notion_api::DEFAULT_BASE_URL)
    }

    /// `NOTION_VERSION` as given, else the default.
    pub fn version_label(&self) -> String {
        self.version
            .clone()
            .unwrap_or_else(|| ApiVersion::V2025_09_03.as_str().to_owned())
    }

    /// The parsed API version.
    ///
    /// # Errors
    /// [`Error::Config`] for an unsupported `NOTION_VERSION`.
    pub fn version(&self) -> Result<ApiVersion> {
        match &self.version {
            None => Ok(ApiVersion::V2025_09_03),
            Some(v) => v.parse::<ApiVersion>().map_err(|e| Error::Config {
                path: "environment".into(),
                message: format!("`NOTION_VERSION`: {e}"),
            }),
        }
    }

    /// A client builder for the environment's token and base URL.
    ///
    /// # Errors
    /// [`Error::Config`] without a token or with an unsupported version.
    pub fn builder(&self) -> Result<ClientBuilder> {
        let (token, _) = self.token.clone().ok_or_else(|| Error::Config {
            path: "environment".into(),
            message: "no Notion token: set NOTION_API_KEY (or NOTION_TOKEN)".to_owned(),
        })?;
        self.builder_with(token, self.base_url().to_owned())
    }

    /// A client builder for `token` at `base_url`, with this environment's version.
    ///
    /// # Errors
    /// [`Error::Config`] for an unsupported version.
    pub fn builder_with(&self, token: Token, base_url: String) -> Result<ClientBuilder> {
        Ok(Client::builder()
            .token(token)
            .base_url(base_url)
            .notion_version(self.version()?))
    }
}

/// Builds a client, naming the environment in the error.
///
/// # Errors
/// [`Error::Config`] for a bad base URL or token.
pub fn build_client(builder: ClientBuilder) -> Result<Client> {
    builder.build().map_err(|e| Error::Config {
        path: "environment".into(),
        message: e.to_string(),
    })
}
