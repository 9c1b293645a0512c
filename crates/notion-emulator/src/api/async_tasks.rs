//! Async tasks: `allow_async` on `PATCH /v1/pages/{id}/markdown` and on `POST /v1/pages` with
//! `markdown`, and `GET /v1/async_tasks/{task_id}` to poll them.
//!
//! Notion queues such work and answers `202` with a task to poll (`status_url`,
//! `poll_after_seconds`). The emulator does the work within the same request, inside a
//! savepoint so that a failed operation leaves nothing half-written, stores the finished task,
//! and answers `202` with the task as Notion first reports it: `queued`. Polling returns the
//! outcome: `succeeded` with `result` (the body the synchronous call would have returned) or
//! `failed` with `error` (the Notion error it would have sent, without a request id). What is
//! checked before anything is queued (the token, capabilities, the shape of the request
//! body) still fails at once with the usual status.
//!
//! A task is visible only to the integration that started it; other ids are `404`.

use axum::Extension;
use axum::extract::{Path, State};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::wire::time;

/// The delay the queued task suggests before the first poll.
const POLL_AFTER_SECONDS: u64 = 1;

/// Whether the request asks for async processing (`"allow_async": true`).
pub(crate) fn requested(body: &Map<String, Value>) -> Result<bool, ApiError> {
    match body.get("allow_async") {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(allow)) => Ok(*allow),
        Some(other) => Err(ApiError::expected("body.allow_async", "a boolean", other)),
    }
}

/// Runs `work` as the async task `operation` (Notion names it by method and route, e.g.
/// `PATCH /v1/pages/:page_id/markdown`) and returns the `202` body (the queued task).
///
/// `work`'s error becomes the task's `error`; its writes are rolled back.
pub(crate) fn run(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    operation: &str,
    work: impl FnOnce(&Transaction<'_>) -> Result<Value, ApiError>,
) -> Result<Value, ApiError> {
    tx.execute_batch("SAVEPOINT async_task")?;
    let outcome = work(tx);
    match outcome {
        Ok(_) => tx.execute_batch("RELEASE async_task")?,
        Err(_) => tx.execute_batch("ROLLBACK TO async_task; RELEASE async_task")?,
    }
    let id = format!("task_{}", uuid::Uuid::new_v4().simple());
    // Key order as Notion sends it (recorded fixture of GET /v1/async_tasks/{id}).
    let task = |status: &str| {
        let mut map = Map::new();
        map.insert("object".into(), json!("async_task"));
        map.insert("id".into(), json!(id));
        map.insert("status".into(), json!(status));
        map.insert(
            "status_url".into(),
            json!(format!("{}/v1/async_tasks/{id}", ctx.base_url)),
        );
        map.insert("created_time".into(), json!(time::now()));
        map.insert(
            "operation".into(),
            json!({"surface": "rest", "name": operation}),
        );
        map
    };
    let finished = match outcome {
        Ok(result) => {
            let mut finished = task("succeeded");
            finished.insert("result".into(), result);
            finished
        }
        Err(error) => {
            // The error as the synchronous call would have sent it, without a request id.
            let mut body = error.to_body("");
            body.request_id = None;
            let mut finished = task("failed");
            finished.insert("error".into(), serde_json::to_value(body)?);
            finished
        }
    };
    tx.prepare_cached(
        "INSERT INTO async_tasks (id, seq, integration_id, data) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        id,
        ctx.next_seq(),
        ctx.integration.id,
        Value::Object(finished).to_string()
    ])?;
    let mut queued = task("queued");
    queued.insert("poll_after_seconds".into(), json!(POLL_AFTER_SECONDS));
    Ok(Value::Object(queued))
}

/// `GET /v1/async_tasks/{task_id}`.
pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(task_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            let data: Option<String> = tx
                .prepare_cached(
                    "SELECT data FROM async_tasks WHERE id = ?1 AND integration_id = ?2",
                )?
                .query_row(params![task_id, ctx.integration.id], |row| row.get(0))
                .optional()?;
            match data {
                Some(data) => Ok(serde_json::from_str::<Value>(&data)?),
                None => Err(ApiError::not_found(
                    "async_task",
                    &task_id,
                    &ctx.integration,
                )),
            }
        })
        .await?;
    Ok(Reply::json(value))
}
