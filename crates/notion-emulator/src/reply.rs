//! Handler output that the gate finishes: the JSON body gets `request_id`, the response gets
//! `x-notion-request-id`, and fault rules can inspect what a write returned.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::error::ApiError;

/// What a `/v1` handler produced, stored in the response extensions until the gate renders it.
#[derive(Debug, Clone)]
pub(crate) enum Pending {
    /// A successful JSON body; `with_request_id` is false for the few bodies Notion sends bare.
    Json { value: Value, with_request_id: bool },
    /// A Notion error.
    Error(ApiError),
}

/// The return type of every `/v1` handler.
#[derive(Debug)]
pub(crate) struct Reply {
    pending: Pending,
    /// The status of a JSON body (200 unless [`Reply::accepted`]).
    status: StatusCode,
}

impl Reply {
    pub(crate) fn json(value: Value) -> Self {
        Self {
            pending: Pending::Json {
                value,
                with_request_id: true,
            },
            status: StatusCode::OK,
        }
    }

    /// `202 Accepted` with a body (an async task).
    pub(crate) fn accepted(value: Value) -> Self {
        Self {
            status: StatusCode::ACCEPTED,
            ..Self::json(value)
        }
    }

    pub(crate) fn bare(value: Value) -> Self {
        Self {
            pending: Pending::Json {
                value,
                with_request_id: false,
            },
            status: StatusCode::OK,
        }
    }

    pub(crate) fn error(error: ApiError) -> Self {
        Self {
            status: error.status(),
            pending: Pending::Error(error),
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self.pending);
        response
    }
}

/// `Result` of a `/v1` handler.
pub(crate) type ApiResult = Result<Reply, ApiError>;

/// Renders a pending body into bytes with the request id.
pub(crate) fn render(pending: Pending, request_id: &str) -> Vec<u8> {
    match pending {
        Pending::Json {
            mut value,
            with_request_id,
        } => {
            if with_request_id && let Value::Object(map) = &mut value {
                map.insert("request_id".into(), Value::String(request_id.into()));
            }
            serde_json::to_vec(&value).unwrap_or_default()
        }
        Pending::Error(error) => serde_json::to_vec(&error.to_body(request_id)).unwrap_or_default(),
    }
}
