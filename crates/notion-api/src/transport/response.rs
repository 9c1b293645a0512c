//! Turning response bodies into values or errors.

use std::time::{Duration, SystemTime};

use notion_model::{ErrorBody, ErrorCode};
use reqwest::Method;
use reqwest::header::RETRY_AFTER;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::RawResponse;
use super::retry::parse_retry_after;
use crate::error::{ApiError, Error, Result};

const EXCERPT_CHARS: usize = 300;

/// Decodes a successful body, reporting the JSON path of any mismatch.
pub(crate) fn decode<T: DeserializeOwned>(method: &Method, path: &str, body: &[u8]) -> Result<T> {
    // An empty 2xx body decodes like `{}`, so `Value` and all-optional types still work.
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| Error::Decode {
        method: method.clone(),
        path: path.to_owned(),
        json_path: err.path().to_string(),
        body_excerpt: excerpt(body),
        source: err.into_inner(),
    })
}

/// The first few hundred characters of a body, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Builds the error for a non-2xx response.
pub(crate) fn error_from(
    method: &Method,
    path: &str,
    response: &RawResponse,
    now: SystemTime,
) -> Error {
    let header_request_id = response
        .headers
        .get("x-notion-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let header_retry_after = response
        .headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, now));
    let body: Option<ErrorBody> = serde_json::from_slice(&response.body).ok();
    let (code, message, request_id, additional_data) = match body {
        Some(body) => (
            body.code,
            body.message,
            body.request_id.or(header_request_id),
            body.additional_data,
        ),
        None => (
            code_for_status(response.status),
            excerpt(&response.body),
            header_request_id,
            None,
        ),
    };
    let data_retry_after = additional_data
        .as_ref()
        .and_then(|d| d.get("retry_after"))
        .and_then(|v| match v {
            Value::String(s) => parse_retry_after(s, now),
            Value::Number(n) => n.as_f64().and_then(|s| Duration::try_from_secs_f64(s).ok()),
            _ => None,
        });
    if response.status == 503
        && let Some(resource_id) = additional_data
            .as_ref()
            .and_then(|d| d.get("committed_resource_id"))
            .and_then(Value::as_str)
    {
        let strings = |key: &str| -> Vec<String> {
            match additional_data.as_ref().and_then(|d| d.get(key)) {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
                Some(Value::String(one)) => vec![one.clone()],
                _ => Vec::new(),
            }
        };
        return Error::Committed {
            method: method.clone(),
            path: path.to_owned(),
            status: response.status,
            resource_id: resource_id.to_owned(),
            child_ids: strings("committed_child_ids"),
            message,
            request_id,
            retry_guidance: strings("retry_guidance"),
        };
    }
    Error::from(ApiError {
        method: method.clone(),
        path: path.to_owned(),
        status: response.status,
        code,
        message,
        request_id,
        additional_data,
        retry_after: header_retry_after.or(data_retry_after),
    })
}

/// The code Notion would have sent for a status, for bodies that are not Notion errors
/// (an HTML page from the edge proxy, an empty body).
fn code_for_status(status: u16) -> ErrorCode {
    match status {
        400 => ErrorCode::InvalidRequest,
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::RestrictedResource,
        404 => ErrorCode::ObjectNotFound,
        409 => ErrorCode::ConflictError,
        429 => ErrorCode::RateLimited,
        500 => ErrorCode::InternalServerError,
        502 => ErrorCode::BadGateway,
        503 => ErrorCode::ServiceUnavailable,
        504 => ErrorCode::GatewayTimeout,
        529 => ErrorCode::ServiceOverload,
        other => ErrorCode::Unknown(format!("http_{other}")),
    }
}
