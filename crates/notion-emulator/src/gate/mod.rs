//! The middleware in front of every `/v1` route: request id, authentication, `Notion-Version`,
//! rate limit, faults, stats, and rendering of handler output with `request_id`.

pub(crate) mod faults;
pub(crate) mod rate_limit;
pub(crate) mod stats;

use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use notion_model::error::ErrorCode;
use notion_model::version::ApiVersion;
use serde_json::Value;

use crate::error::ApiError;
use crate::gate::faults::Fault;
use crate::reply::{Pending, render};
use crate::state::AppState;
use crate::wire::ids;

/// The request-id header Notion sends.
pub(crate) const REQUEST_ID_HEADER: &str = "x-notion-request-id";

/// The `/v1` middleware.
pub(crate) async fn gate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let request_id = ids::new_id();
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| path.clone(), |m| stats::template(m.as_str()));

    let admitted = admit(&state, request.headers(), &method, &path, &template);
    let (ctx, fault) = match admitted {
        Ok(pair) => pair,
        Err(Rejection::Error(error)) => {
            let response = finish(Pending::Error(error), StatusCode::OK, &request_id);
            state
                .inner
                .stats
                .record(&method, &template, response.status().as_u16());
            return response;
        }
        Err(Rejection::Delayed(delay, error)) => {
            tokio::time::sleep(delay).await;
            let response = finish(Pending::Error(error), StatusCode::OK, &request_id);
            state
                .inner
                .stats
                .record(&method, &template, response.status().as_u16());
            return response;
        }
    };
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    match fault.fault {
        Some(Fault::Status(status)) => {
            let response = finish(
                Pending::Error(fault_error(status)),
                StatusCode::OK,
                &request_id,
            );
            state.inner.stats.record(&method, &template, status);
            return response;
        }
        Some(Fault::DropConnection) => {
            state.inner.stats.record(&method, &template, 0);
            return dropped_connection();
        }
        _ => {}
    }
    request.extensions_mut().insert(ctx);
    let mut response = next.run(request).await;
    let status = response.status();
    let pending = response.extensions_mut().remove::<Pending>();
    let response = match pending {
        Some(pending) => {
            let pending = match (fault.fault, pending) {
                (Some(Fault::CommitThen503), Pending::Json { value, .. }) => {
                    Pending::Error(committed_error(&path, &value))
                }
                (_, pending) => pending,
            };
            finish(pending, status, &request_id)
        }
        None => {
            // Extractor rejections (bad query strings, bodies over the limit ...).
            let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::validation("Request body too large.")
            } else if status.is_client_error() {
                ApiError::validation(format!("Invalid request: {status}."))
            } else {
                ApiError::internal(format!("unexpected response {status}"))
            };
            finish(Pending::Error(error), status, &request_id)
        }
    };
    state
        .inner
        .stats
        .record(&method, &template, response.status().as_u16());
    response
}

enum Rejection {
    Error(ApiError),
    Delayed(Duration, ApiError),
}

fn admit(
    state: &AppState,
    headers: &HeaderMap,
    method: &str,
    path: &str,
    template: &str,
) -> Result<(crate::state::Ctx, faults::Decision), Rejection> {
    let integration = bearer(headers)
        .and_then(|token| state.integration_for(token))
        .ok_or(Rejection::Error(ApiError::unauthorized()))?;
    let version = version(headers).map_err(Rejection::Error)?;
    if let Err(retry_after) = state.inner.rate.check(&integration.id) {
        let mut error = ApiError::new(
            ErrorCode::RateLimited,
            "You have been rate limited. Please try again in a few minutes.",
        )
        .with_data("rate_limit_reason", "public_api_request_rate_limit")
        .with_data("retry_after", retry_after.to_string());
        error.retry_after = Some(retry_after);
        return Err(Rejection::Error(error));
    }
    let decision = state
        .inner
        .faults
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .decide(method, path, template);
    if let Some(Fault::Status(status)) = decision.fault
        && decision.delay_ms > 0
    {
        return Err(Rejection::Delayed(
            Duration::from_millis(decision.delay_ms),
            fault_error(status),
        ));
    }
    Ok((state.ctx(version, integration), decision))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn version(headers: &HeaderMap) -> Result<ApiVersion, ApiError> {
    let Some(raw) = headers.get("notion-version") else {
        return Err(ApiError::new(
            ErrorCode::MissingVersion,
            "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.",
        ));
    };
    let raw = raw.to_str().unwrap_or_default();
    raw.parse().map_err(|_| {
        ApiError::validation(format!(
            "Notion-Version header failed validation: Notion-Version header should be one of `2022-06-28`, `2025-09-03`, `2026-03-11`, instead was `\"{raw}\"`."
        ))
    })
}

fn finish(pending: Pending, status: StatusCode, request_id: &str) -> Response {
    let (status, retry_after) = match &pending {
        Pending::Error(error) => (error.status(), error.retry_after),
        Pending::Json { .. } => (status, None),
    };
    let body = render(pending, request_id);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert(REQUEST_ID_HEADER, value);
    }
    if let Some(seconds) = retry_after {
        headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// Notion's body for an injected status.
pub(crate) fn fault_error(status: u16) -> ApiError {
    let mut error = match status {
        409 => ApiError::new(
            ErrorCode::ConflictError,
            "Conflict occurred while saving. Please try again.",
        ),
        429 => ApiError::new(
            ErrorCode::RateLimited,
            "You have been rate limited. Please try again in a few minutes.",
        )
        .with_data("rate_limit_reason", "public_api_request_rate_limit")
        .with_data("retry_after", "1"),
        502 => ApiError::new(ErrorCode::BadGateway, "Bad Gateway"),
        503 => ApiError::new(
            ErrorCode::ServiceUnavailable,
            "Notion is unavailable, please try again later.",
        ),
        504 => ApiError::new(ErrorCode::GatewayTimeout, "Gateway Timeout"),
        529 => ApiError::new(
            ErrorCode::ServiceOverload,
            "Notion is overloaded, please try again later.",
        )
        .with_data("retry_after", "1"),
        _ => ApiError::new(ErrorCode::InternalServerError, "Unexpected error occurred."),
    };
    if matches!(status, 429 | 529) {
        error.retry_after = Some(1);
    }
    error
}

/// The 503 sent after a write was stored anyway.
fn committed_error(path: &str, value: &Value) -> ApiError {
    let mut error = ApiError::new(
        ErrorCode::ServiceUnavailable,
        "Notion is unavailable, please try again later.",
    )
    .with_data(
        "retry_guidance",
        vec![
            "The write was committed; read the object again before retrying.".to_owned(),
            "Do not repeat the write.".to_owned(),
        ],
    )
    .with_data("from", "emulator")
    .with_data("elapsed_ms", "55000")
    .with_data("deadline_ms", "55000");
    if value.get("object").and_then(Value::as_str) == Some("list") {
        let parent = path
            .trim_start_matches("/v1/blocks/")
            .trim_end_matches("/children")
            .to_owned();
        let parent = ids::parse(&parent).unwrap_or(parent);
        let children: Vec<String> = value
            .get("results")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|b| b.get("id").and_then(Value::as_str).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        error = error
            .with_data("committed_resource_id", parent)
            .with_data("committed_child_ids", children);
    } else if let Some(id) = value.get("id").and_then(Value::as_str) {
        error = error.with_data("committed_resource_id", id);
    }
    error
}

/// A response whose body fails at once, so the client sees the connection drop.
fn dropped_connection() -> Response {
    let stream = futures::stream::once(async {
        Err::<bytes::Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "fault injection: drop_connection",
        ))
    });
    Response::new(Body::from_stream(stream))
}
