//! Errors: [`ApiError`] is a Notion error response; [`Error`] is what the library's setup functions return.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use notion_model::error::{ErrorBody, ErrorCode};
use serde_json::{Map, Value};

use crate::reply::Reply;

/// The crate's error for opening the store, binding and serving.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or binding failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// A command-line or admin setting is malformed.
    #[error("invalid setting: {0}")]
    Invalid(String),
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A Notion error response (`{"object":"error",...}`), rendered with the request id by the gate.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub(crate) code: ErrorCode,
    pub(crate) message: String,
    pub(crate) additional_data: Option<Map<String, Value>>,
    pub(crate) retry_after: Option<u64>,
}

impl ApiError {
    pub(crate) fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            additional_data: None,
            retry_after: None,
        }
    }

    pub(crate) fn with_data(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.additional_data
            .get_or_insert_with(Map::new)
            .insert(key.to_owned(), value.into());
        self
    }

    /// 400 `validation_error` with a free-form message.
    pub(crate) fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::ValidationError, message)
    }

    /// 400 `validation_error` in Notion's "body failed validation: <path> <problem>." form.
    pub(crate) fn body(path: &str, problem: &str) -> Self {
        Self::validation(format!("body failed validation: {path} {problem}."))
    }

    /// `<path> should be defined, instead was \`undefined\`.`
    pub(crate) fn missing(path: &str) -> Self {
        Self::body(path, "should be defined, instead was `undefined`")
    }

    /// `<path> should be not present, instead was \`<value>\`.`
    pub(crate) fn not_present(path: &str, value: &Value) -> Self {
        Self::body(
            path,
            &format!("should be not present, instead was `{}`", preview(value)),
        )
    }

    /// `<path> should be <expected>, instead was \`<value>\`.`
    pub(crate) fn expected(path: &str, expected: &str, value: &Value) -> Self {
        Self::body(
            path,
            &format!("should be {expected}, instead was `{}`", preview(value)),
        )
    }

    /// `<path>.length should be ≤ \`<max>\`, instead was \`<actual>\`.`
    pub(crate) fn too_long(path: &str, max: usize, actual: usize) -> Self {
        Self::body(
            &format!("{path}.length"),
            &format!("should be ≤ `{max}`, instead was `{actual}`"),
        )
    }

    pub(crate) fn invalid_json() -> Self {
        Self::new(ErrorCode::InvalidJson, "Error parsing JSON body.")
    }

    pub(crate) fn invalid_url() -> Self {
        Self::new(ErrorCode::InvalidRequestUrl, "Invalid request URL.")
    }

    pub(crate) fn unauthorized() -> Self {
        Self::new(ErrorCode::Unauthorized, "API token is invalid.")
    }

    pub(crate) fn restricted() -> Self {
        Self::new(
            ErrorCode::RestrictedResource,
            "API token does not have access to this resource.",
        )
    }

    /// 404 in Notion's words; `kind` is page, database, data_source, block, comment, file_upload
    /// or async_task.
    pub(crate) fn not_found(kind: &str, id: &str, integration: &crate::state::Integration) -> Self {
        let noun = match kind {
            "data_source" => "data source",
            "file_upload" => "file upload",
            "async_task" => "async task",
            other => other,
        };
        Self::new(
            ErrorCode::ObjectNotFound,
            format!(
                "Could not find {noun} with ID: {id}. Make sure the relevant pages and databases are shared with your integration \"{}\".",
                integration.name
            ),
        )
        .with_data("integration_id", integration.id.clone())
    }

    pub(crate) fn internal(message: impl std::fmt::Display) -> Self {
        tracing::error!("internal error: {message}");
        Self::new(ErrorCode::InternalServerError, "Unexpected error occurred.")
    }

    /// The wire body, with `request_id`.
    pub(crate) fn to_body(&self, request_id: &str) -> ErrorBody {
        let mut body = ErrorBody::new(self.code.clone(), self.message.clone());
        body.additional_data = self.additional_data.clone();
        body.with_request_id(request_id)
    }

    pub(crate) fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        Self::internal(error)
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(error: serde_json::Error) -> Self {
        Self::internal(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        Reply::error(self).into_response()
    }
}

/// A short preview of a value as Notion prints it in validation messages.
pub(crate) fn preview(value: &Value) -> String {
    let text = match value {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    };
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(37).collect();
        format!("{cut}...")
    } else {
        text
    }
}
