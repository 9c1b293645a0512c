//! The admin API under `/_emulator` (ARCHITECTURE.md contract 2). JSON in and out, no auth.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::api::templates::{self, NewTemplate};
use crate::gate::faults::{FaultSpec, Faults};
use crate::gate::rate_limit::RateLimitSetting;
use crate::state::{ALL_CAPABILITIES, AppState, Integration};
use crate::store::{people, seed};
use crate::wire::ids;

/// Routes of the admin API.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/_emulator/integrations", post(create_integration))
        .route("/_emulator/shares", post(share).delete(unshare))
        .route("/_emulator/users", post(create_user))
        .route("/_emulator/rate_limit", put(set_rate_limit))
        .route("/_emulator/faults", put(set_faults))
        .route("/_emulator/stats", get(stats).delete(reset_stats))
        .route("/_emulator/reset", post(reset))
        .route("/_emulator/templates", post(create_template))
        .route(
            "/_emulator/files/{id}/{name}",
            get(crate::api::file_uploads::serve_file),
        )
}

fn bad(message: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": message.into()})),
    )
        .into_response()
}

fn parse(bytes: &Bytes) -> Result<Value, Response> {
    if bytes.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(bytes).map_err(|e| bad(format!("invalid JSON: {e}")))
}

/// Input of `POST /_emulator/integrations` (also used by [`crate::testing`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct NewIntegration {
    pub(crate) name: String,
    pub(crate) capabilities: Vec<String>,
    pub(crate) user_info: String,
}

/// Creates an integration; returns `{integration_id, token, bot_user_id}`.
pub(crate) fn add_integration(state: &AppState, new: NewIntegration) -> Result<Value, String> {
    for cap in &new.capabilities {
        if !ALL_CAPABILITIES.contains(&cap.as_str()) {
            return Err(format!("unknown capability {cap:?}"));
        }
    }
    if !matches!(
        new.user_info.as_str(),
        "with_email" | "without_email" | "none"
    ) {
        return Err(format!("unknown user_info {:?}", new.user_info));
    }
    let integration = Integration {
        id: ids::new_id(),
        token: ids::new_token(),
        name: new.name,
        bot_user_id: ids::new_id(),
        capabilities: new.capabilities,
        user_info: new.user_info,
    };
    let store = state.store().clone();
    let created = integration.clone();
    state
        .store()
        .run_blocking(move |tx| {
            people::insert_user(
                tx,
                store.next_seq(),
                &created.bot_user_id,
                "bot",
                &created.name,
                None,
            )?;
            people::insert_integration(tx, &created, false)
        })
        .map_err(|e| e.message)?;
    state.reload_tokens().map_err(|e| e.to_string())?;
    Ok(
        json!({"integration_id": integration.id, "token": integration.token, "bot_user_id": integration.bot_user_id}),
    )
}

async fn create_integration(State(state): State<AppState>, bytes: Bytes) -> Response {
    let body = match parse(&bytes) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let capabilities = match body.get("capabilities") {
        None | Some(Value::Null) => ALL_CAPABILITIES.iter().map(|c| (*c).to_owned()).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(_) => return bad("capabilities must be an array of strings"),
    };
    let new = NewIntegration {
        name: body
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("Integration")
            .to_owned(),
        capabilities,
        user_info: body
            .get("user_info")
            .and_then(Value::as_str)
            .unwrap_or("with_email")
            .to_owned(),
    };
    let result = tokio::task::spawn_blocking(move || add_integration(&state, new)).await;
    match result {
        Ok(Ok(value)) => (StatusCode::OK, Json(value)).into_response(),
        Ok(Err(message)) => bad(message),
        Err(e) => bad(e.to_string()),
    }
}

/// Shares (or unshares) an object with the integration owning `token`.
pub(crate) fn set_share(
    state: &AppState,
    token: &str,
    object_id: &str,
    shared: bool,
) -> Result<(), String> {
    let integration = state
        .integration_for(token)
        .ok_or_else(|| "unknown token".to_owned())?;
    let id = ids::parse(object_id).ok_or_else(|| format!("invalid object_id {object_id:?}"))?;
    state
        .store()
        .run_blocking(move |tx| {
            if crate::store::nodes::get(tx, &id)?.is_none() {
                return Err(crate::error::ApiError::validation(format!(
                    "no object with id {id}"
                )));
            }
            if shared {
                people::share(tx, &integration.id, &id)
            } else {
                people::unshare(tx, &integration.id, &id)
            }
        })
        .map_err(|e| e.message)
}

async fn share_change(state: AppState, bytes: Bytes, shared: bool) -> Response {
    let body = match parse(&bytes) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let (Some(token), Some(object_id)) = (
        body.get("token").and_then(Value::as_str).map(str::to_owned),
        body.get("object_id")
            .and_then(Value::as_str)
            .map(str::to_owned),
    ) else {
        return bad("token and object_id are required");
    };
    let result =
        tokio::task::spawn_blocking(move || set_share(&state, &token, &object_id, shared)).await;
    match result {
        Ok(Ok(())) => Json(json!({"ok": true})).into_response(),
        Ok(Err(message)) => bad(message),
        Err(e) => bad(e.to_string()),
    }
}

async fn share(State(state): State<AppState>, bytes: Bytes) -> Response {
    share_change(state, bytes, true).await
}

async fn unshare(State(state): State<AppState>, bytes: Bytes) -> Response {
    share_change(state, bytes, false).await
}

/// Adds a person to the workspace; returns the user object.
pub(crate) fn add_user(state: &AppState, name: &str, email: Option<&str>) -> Result<Value, String> {
    let id = ids::new_id();
    let store = state.store().clone();
    let (name_owned, email_owned, user_id) =
        (name.to_owned(), email.map(str::to_owned), id.clone());
    state
        .store()
        .run_blocking(move |tx| {
            people::insert_user(
                tx,
                store.next_seq(),
                &user_id,
                "person",
                &name_owned,
                email_owned.as_deref(),
            )
        })
        .map_err(|e| e.message)?;
    Ok(
        json!({"object": "user", "id": id, "name": name, "avatar_url": null, "type": "person", "person": {"email": email}}),
    )
}

async fn create_user(State(state): State<AppState>, bytes: Bytes) -> Response {
    let body = match parse(&bytes) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let name = body
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("Person")
        .to_owned();
    let email = body.get("email").and_then(Value::as_str).map(str::to_owned);
    let result =
        tokio::task::spawn_blocking(move || add_user(&state, &name, email.as_deref())).await;
    match result {
        Ok(Ok(value)) => Json(value).into_response(),
        Ok(Err(message)) => bad(message),
        Err(e) => bad(e.to_string()),
    }
}

async fn set_rate_limit(State(state): State<AppState>, bytes: Bytes) -> Response {
    let body = match parse(&bytes) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let setting = if body.get("off").and_then(Value::as_bool) == Some(true) {
        RateLimitSetting::Off
    } else {
        let requests = body.get("requests").and_then(Value::as_u64);
        let window = body.get("window_seconds").and_then(Value::as_u64);
        match (requests, window) {
            (Some(requests), Some(window_seconds)) if window_seconds > 0 => {
                RateLimitSetting::Budget {
                    requests: u32::try_from(requests).unwrap_or(u32::MAX),
                    window_seconds,
                }
            }
            _ => {
                return bad("expected {\"requests\": N, \"window_seconds\": S} or {\"off\": true}");
            }
        }
    };
    state.inner.rate.set(setting);
    Json(json!({"ok": true})).into_response()
}

/// Replaces the fault rules.
pub(crate) fn set_fault_spec(state: &AppState, spec: FaultSpec) -> Result<(), String> {
    spec.validate()?;
    *state
        .inner
        .faults
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Faults::new(spec);
    Ok(())
}

async fn set_faults(State(state): State<AppState>, bytes: Bytes) -> Response {
    let spec: FaultSpec = match serde_json::from_slice(&bytes) {
        Ok(spec) => spec,
        Err(e) => return bad(format!("invalid fault spec: {e}")),
    };
    match set_fault_spec(&state, spec) {
        Ok(()) => Json(json!({"ok": true})).into_response(),
        Err(message) => bad(message),
    }
}

async fn stats(State(state): State<AppState>) -> Response {
    Json(state.inner.stats.to_json()).into_response()
}

async fn reset_stats(State(state): State<AppState>) -> Response {
    state.inner.stats.reset();
    Json(json!({"ok": true})).into_response()
}

/// Empties the workspace (keeping the default token and root page id).
pub(crate) fn reset_workspace(state: &AppState) -> Result<(), String> {
    let previous = state.workspace();
    let store = state.store().clone();
    let workspace = state
        .store()
        .run_blocking(move |tx| seed::reset(tx, &store, &previous))
        .map_err(|e| e.message)?;
    state.set_workspace(workspace);
    state.reload_tokens().map_err(|e| e.to_string())?;
    state.inner.stats.reset();
    Ok(())
}

async fn reset(State(state): State<AppState>) -> Response {
    match tokio::task::spawn_blocking(move || reset_workspace(&state)).await {
        Ok(Ok(())) => Json(json!({"ok": true})).into_response(),
        Ok(Err(message)) => bad(message),
        Err(e) => bad(e.to_string()),
    }
}

/// Stores a data-source template (as if made in the Notion app); returns `{"template_id"}`.
pub(crate) fn add_template(state: &AppState, new: NewTemplate) -> Result<Value, String> {
    let integration = state
        .integration_for(&state.token())
        .ok_or_else(|| "the default integration is missing".to_owned())?;
    let ctx = state.ctx(notion_model::version::ApiVersion::V2025_09_03, integration);
    let id = state
        .store()
        .run_blocking(move |tx| templates::create(tx, &ctx, &new))
        .map_err(|e| e.message)?;
    Ok(json!({ "template_id": id }))
}

async fn create_template(State(state): State<AppState>, bytes: Bytes) -> Response {
    let body = match parse(&bytes) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let Some(data_source_id) = body
        .get("data_source_id")
        .and_then(Value::as_str)
        .and_then(ids::parse)
    else {
        return bad("data_source_id (a data source id) is required");
    };
    let properties = match body.get("properties") {
        None | Some(Value::Null) => serde_json::Map::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(_) => return bad("properties must be an object of page property values"),
    };
    let children = match body.get("children") {
        None | Some(Value::Null) => Value::Null,
        Some(children @ Value::Array(_)) => children.clone(),
        Some(_) => return bad("children must be an array of blocks"),
    };
    let new = NewTemplate {
        data_source_id,
        name: body
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("Untitled")
            .to_owned(),
        is_default: body.get("is_default").and_then(Value::as_bool) == Some(true),
        properties,
        children,
    };
    match tokio::task::spawn_blocking(move || add_template(&state, new)).await {
        Ok(Ok(value)) => Json(value).into_response(),
        Ok(Err(message)) => bad(message),
        Err(e) => bad(e.to_string()),
    }
}
