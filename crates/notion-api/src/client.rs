//! [`Client`]: a cheap, cloneable handle to one shared transport.

use std::fmt;
use std::sync::Arc;

use notion_model::ApiVersion;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::builder::ClientBuilder;
use crate::error::Result;
use crate::transport::Transport;
use crate::transport::observe::ClientStats;
use crate::transport::path;
use crate::transport::request::ApiRequest;

/// A Notion API client.
///
/// Cloning is cheap; every clone shares one rate budget, one "paused until"
/// state after a 429, one connection pool and one set of counters.
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Arc<Transport>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.transport.base_url.as_str())
            .field("notion_version", &self.transport.version)
            .field("token", &"***")
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    pub(crate) fn from_transport(transport: Arc<Transport>) -> Self {
        Self { transport }
    }

    /// The `Notion-Version` this client sends.
    pub fn notion_version(&self) -> ApiVersion {
        self.transport.version
    }

    /// The API root this client talks to.
    pub fn base_url(&self) -> &url::Url {
        &self.transport.base_url
    }

    /// Counters shared by all clones: requests sent, retries, 429s, ...
    pub fn stats(&self) -> ClientStats {
        self.transport.counters.snapshot()
    }

    /// Sends any request through the same transport (auth, version, rate limit,
    /// retries) and returns the JSON body. `path` may be given with or without the
    /// `/v1` prefix; `query` is a list of `(key, value)` pairs (repeat a key for arrays).
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error): [`Config`](crate::Error::Config) for a path
    /// containing `..`, API errors, transport errors, decode errors.
    pub async fn request_json(
        &self,
        method: Method,
        path: &str,
        query: Option<&[(&str, &str)]>,
        body: Option<&Value>,
    ) -> Result<Value> {
        let mut request = ApiRequest::new(method, path::normalize(path)?);
        for (key, value) in query.unwrap_or_default() {
            request = request.query(key, *value);
        }
        if let Some(body) = body {
            request = request.json(body)?;
        }
        self.transport.json(&request).await
    }

    /// Sends a prepared request and decodes the response.
    pub(crate) async fn execute<T: DeserializeOwned>(&self, request: &ApiRequest) -> Result<T> {
        self.transport.json(request).await
    }
}
