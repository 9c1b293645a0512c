//! [`ClientBuilder`]: every knob of a [`Client`], with Notion's defaults.

use std::sync::Arc;
use std::time::Duration;

use notion_model::ApiVersion;
use reqwest::header::HeaderValue;
use url::Url;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::token::Token;
use crate::transport::Transport;
use crate::transport::observe::{Counters, Observer, SharedObserver};
use crate::transport::rate_limit::{Limiter, RateLimit};
use crate::transport::retry::RetryPolicy;

/// The default base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.notion.com";

/// Builds a [`Client`]. Start with [`Client::builder`] or [`ClientBuilder::from_env`].
#[derive(Debug, Clone)]
#[must_use]
pub struct ClientBuilder {
    token: Option<Token>,
    base_url: String,
    version: ApiVersion,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    rate_limit: RateLimit,
    user_agent: String,
    observer: Option<SharedObserver>,
    http: Option<reqwest::Client>,
    deferred_error: Option<String>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            token: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            version: ApiVersion::V2025_09_03,
            timeout: Some(Duration::from_secs(60)),
            retry: RetryPolicy::default(),
            rate_limit: RateLimit::default(),
            user_agent: concat!("orchestra-notion-api/", env!("CARGO_PKG_VERSION")).to_owned(),
            observer: None,
            http: None,
            deferred_error: None,
        }
    }
}

impl ClientBuilder {
    /// A builder with the defaults: `https://api.notion.com`, `Notion-Version: 2025-09-03`,
    /// 60 s per attempt, [`RetryPolicy::default`], 180 requests per rolling 60 s.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder configured from the environment: the token from `NOTION_API_KEY`
    /// (or `NOTION_TOKEN`), and `NOTION_BASE_URL` / `NOTION_VERSION` when set.
    /// An unsupported `NOTION_VERSION` makes [`ClientBuilder::build`] fail.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let mut builder = Self::new();
        if let Some(token) = var("NOTION_API_KEY").or_else(|| var("NOTION_TOKEN")) {
            builder = builder.token(token);
        }
        if let Some(url) = var("NOTION_BASE_URL") {
            builder = builder.base_url(url);
        }
        if let Some(version) = var("NOTION_VERSION") {
            match version.parse::<ApiVersion>() {
                Ok(version) => builder = builder.notion_version(version),
                Err(err) => builder.deferred_error = Some(format!("NOTION_VERSION: {err}")),
            }
        }
        builder
    }

    /// The integration token (required).
    pub fn token(mut self, token: impl Into<Token>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The API root, e.g. `http://127.0.0.1:8080` for the emulator (default
    /// `https://api.notion.com`). Requests go to `{base_url}/v1/...`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The `Notion-Version` header (default 2025-09-03).
    pub fn notion_version(mut self, version: ApiVersion) -> Self {
        self.version = version;
        self
    }

    /// The time limit of one attempt, response body included (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// No per-attempt time limit (the retry policy's deadline still applies between attempts).
    pub fn no_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// The retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The proactive rate limit (default 180 requests per rolling 60 s).
    pub fn rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = limit;
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// A hook that sees every attempt (see [`TransportEvent`](crate::TransportEvent)).
    pub fn observer(mut self, observer: impl Observer) -> Self {
        self.observer = Some(SharedObserver(Arc::new(observer)));
        self
    }

    /// Uses a preconfigured `reqwest::Client` (proxies, TLS roots, ...).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the token is missing or not a valid header value, the
    /// base URL is not an absolute http(s) URL, the user agent is not a valid header
    /// value, `NOTION_VERSION` was unsupported, or the HTTP client cannot be created.
    pub fn build(self) -> Result<Client> {
        if let Some(err) = self.deferred_error {
            return Err(Error::Config(err));
        }
        let token = self
            .token
            .filter(|t| !t.is_empty())
            .ok_or_else(|| Error::Config("no Notion token given (set NOTION_API_KEY)".into()))?;
        let authorization = token.bearer_header().ok_or_else(|| {
            Error::Config("the token contains characters not allowed in a header".into())
        })?;
        let base_url = Url::parse(self.base_url.trim())
            .map_err(|e| Error::Config(format!("base URL {:?}: {e}", self.base_url)))?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.cannot_be_a_base() {
            return Err(Error::Config(format!(
                "base URL {:?} must be an absolute http(s) URL",
                self.base_url
            )));
        }
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|e| Error::Config(format!("user agent: {e}")))?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .build()
                .map_err(|e| Error::Config(format!("HTTP client: {e}")))?,
        };
        Ok(Client::from_transport(Arc::new(Transport {
            http,
            base_url,
            version: self.version,
            authorization,
            user_agent,
            timeout: self.timeout,
            retry: self.retry,
            limiter: Limiter::new(self.rate_limit),
            counters: Counters::default(),
            observer: self.observer,
        })))
    }
}
