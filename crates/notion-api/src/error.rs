//! The crate's one error type and the shape of Notion's error responses.

use std::fmt;
use std::time::Duration;

use notion_model::ErrorCode;
use reqwest::Method;
use serde_json::{Map, Value};

/// `Result` with this crate's [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong when talking to Notion.
///
/// Use the predicates ([`Error::is_retryable`], [`Error::is_not_found`],
/// [`Error::is_write_maybe_committed`], ...) rather than matching on details
/// that may grow over time.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Notion answered with an error status (after any retries the policy allowed).
    #[error(transparent)]
    Api(Box<ApiError>),

    /// A write was committed by Notion, but the response could not be built in time
    /// (503 whose `additional_data` names `committed_resource_id`). Do not repeat the
    /// write: read the committed resource instead.
    #[error(
        "{method} {path}: Notion committed the write (resource {resource_id}, {} child id(s)) but returned {status}: {message}",
        child_ids.len()
    )]
    Committed {
        /// HTTP method of the committed request.
        method: Method,
        /// Path template of the committed request (ids replaced by `{id}`).
        path: String,
        /// HTTP status Notion returned (503).
        status: u16,
        /// The new page/database id, or the parent block id for appends.
        resource_id: String,
        /// New direct children, in request order.
        child_ids: Vec<String>,
        /// Notion's message.
        message: String,
        /// Notion's request id, if any.
        request_id: Option<String>,
        /// Notion's `additional_data.retry_guidance`, if any.
        retry_guidance: Vec<String>,
    },

    /// The connection could not be established; the request was not sent.
    #[error("{method} {path}: could not connect to Notion: {source}")]
    Connect {
        /// HTTP method of the request.
        method: Method,
        /// Path template of the request.
        path: String,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// One attempt took longer than the configured per-attempt timeout.
    #[error("{method} {path}: no response from Notion within {after:?}")]
    Timeout {
        /// HTTP method of the request.
        method: Method,
        /// Path template of the request.
        path: String,
        /// The per-attempt timeout that expired.
        after: Duration,
    },

    /// Any other transport failure (broken connection, unreadable body, ...).
    #[error("{method} {path}: HTTP transport error: {source}")]
    Http {
        /// HTTP method of the request.
        method: Method,
        /// Path template of the request.
        path: String,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// A successful response did not have the expected shape.
    #[error(
        "{method} {path}: could not decode the response at `{json_path}`: {source}; body starts with: {body_excerpt}"
    )]
    Decode {
        /// HTTP method of the request.
        method: Method,
        /// Path template of the request.
        path: String,
        /// JSON path inside the body where decoding failed (serde_path_to_error).
        json_path: String,
        /// The first few hundred characters of the body.
        body_excerpt: String,
        /// The serde error.
        #[source]
        source: serde_json::Error,
    },

    /// A request body could not be serialized to JSON.
    #[error("could not encode the request body: {0}")]
    Encode(#[source] serde_json::Error),

    /// A data-source full scan could not make progress: more rows than one
    /// query may return share the same `created_time`.
    #[error(
        "full scan stalled: more than one query's worth of rows were created at {created_time}"
    )]
    ScanStalled {
        /// The `created_time` the scan could not move past.
        created_time: String,
    },

    /// An async task was still not finished when the wait ended.
    #[error("async task {task_id} still {status} after {waited:?}")]
    TaskPending {
        /// The task id (`task_...`).
        task_id: String,
        /// Its last reported status (`queued`, `running`, `retrying`).
        status: String,
        /// How long the client waited.
        waited: Duration,
    },

    /// The client was configured wrongly (bad base URL, missing token, bad path, ...).
    #[error("invalid client configuration: {0}")]
    Config(String),

    /// An append plan could not be resolved against the blocks Notion returned (an append
    /// answered with fewer blocks than it was sent).
    #[error("append plan: {0}")]
    Plan(#[from] notion_markdown::Error),
}

/// An error response from Notion: `{"object":"error","status","code","message",...}`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP method of the request.
    pub method: Method,
    /// Path template of the request (ids replaced by `{id}`).
    pub path: String,
    /// HTTP status.
    pub status: u16,
    /// Notion's error code (from the body, or inferred from the status when the
    /// body was not a Notion error, e.g. an HTML page from the edge proxy).
    pub code: ErrorCode,
    /// Notion's message (or an excerpt of a non-JSON body).
    pub message: String,
    /// The request id from the body, else from the `x-notion-request-id` header.
    pub request_id: Option<String>,
    /// `additional_data` from the body.
    pub additional_data: Option<Map<String, Value>>,
    /// The server's requested wait (`Retry-After` header, else `additional_data.retry_after`).
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// A string entry of `additional_data`.
    pub fn data_str(&self, key: &str) -> Option<&str> {
        self.additional_data.as_ref()?.get(key)?.as_str()
    }

    /// `additional_data.rate_limit_reason` of a 429.
    pub fn rate_limit_reason(&self) -> Option<&str> {
        self.data_str("rate_limit_reason")
    }

    /// True for 429 and 529 (wait and retry), except the non-retryable
    /// `public_api_request_blocked`.
    pub fn is_rate_limited(&self) -> bool {
        matches!(self.status, 429 | 529)
    }

    /// True for the 429 `public_api_request_blocked` reason, which must not be retried.
    pub fn is_request_blocked(&self) -> bool {
        self.status == 429 && self.rate_limit_reason() == Some("public_api_request_blocked")
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: Notion returned {} {}: {}",
            self.method, self.path, self.status, self.code, self.message
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        if self.may_have_committed() {
            f.write_str(
                "; the write may have been applied: read the target back before repeating it",
            )?;
        }
        Ok(())
    }
}

impl ApiError {
    /// True for a 5xx answer to a write (a POST that is not a query or search, or a PATCH): Notion may
    /// have applied the write before failing.
    pub fn may_have_committed(&self) -> bool {
        self.status >= 500 && !is_idempotent(&self.method, &self.path)
    }
}

impl std::error::Error for ApiError {}

impl From<ApiError> for Error {
    fn from(err: ApiError) -> Self {
        Self::Api(Box::new(err))
    }
}

use crate::transport::retry::is_idempotent;

impl Error {
    /// The HTTP status, when Notion answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::Committed { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The Notion error code, when Notion answered with one.
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            Self::Api(api) => Some(&api.code),
            _ => None,
        }
    }

    /// The Notion API error, if this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(api) => Some(api),
            _ => None,
        }
    }

    /// True for 404 `object_not_found` (missing, or not shared with the integration).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// True for 429 `rate_limited` and 529 `service_overload`.
    pub fn is_rate_limited(&self) -> bool {
        self.api().is_some_and(ApiError::is_rate_limited)
    }

    /// The wait the server asked for (`Retry-After` or `additional_data.retry_after`).
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(|api| api.retry_after)
    }

    /// True when repeating the same request later could succeed: rate limits
    /// (except `public_api_request_blocked`), 5xx on idempotent requests,
    /// connection failures, and timeouts of idempotent requests.
    ///
    /// The client has already retried these as far as its [`RetryPolicy`](crate::RetryPolicy)
    /// allows; this predicate is for callers that queue work for later.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api(api) => {
                (api.is_rate_limited() && !api.is_request_blocked())
                    || (matches!(api.status, 500 | 502 | 503 | 504)
                        && is_idempotent(&api.method, &api.path))
            }
            Self::Connect { .. } => true,
            Self::Timeout { method, path, .. } | Self::Http { method, path, .. } => {
                is_idempotent(method, path)
            }
            _ => false,
        }
    }

    /// True when a write (a POST that is not a query or search, or a PATCH) failed in a way that
    /// leaves open whether Notion applied it: a 5xx, a timeout, or a broken
    /// connection after the request was sent. Read the target back before
    /// repeating the write. Always true for [`Error::Committed`].
    pub fn is_write_maybe_committed(&self) -> bool {
        match self {
            Self::Committed { .. } => true,
            Self::Api(api) => api.may_have_committed(),
            Self::Timeout { method, path, .. } | Self::Http { method, path, .. } => {
                !is_idempotent(method, path)
            }
            _ => false,
        }
    }

    /// The committed resource id of an [`Error::Committed`].
    pub fn committed_resource_id(&self) -> Option<&str> {
        match self {
            Self::Committed { resource_id, .. } => Some(resource_id),
            _ => None,
        }
    }

    /// Notion's request id, when Notion answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(api) => api.request_id.as_deref(),
            Self::Committed { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }
}
