//! `GET|PATCH /v1/pages/{id}/markdown`: page content as enhanced Markdown (DIGEST 7.3),
//! built on `notion-markdown` (rendering, parsing and the text edits).

use axum::Extension;
use axum::extract::{Path, State};
use bytes::Bytes;
use notion_markdown::edit::apply_operation;
use notion_model::requests::MarkdownOperation;
use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::api::{archived_error, async_tasks};
use crate::content::markdown::{insert_pieces, parse_markdown, render_markdown, replace_content};
use crate::content::write::Position;
use crate::error::ApiError;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access;
use crate::store::nodes::Node;
use crate::wire::body;

/// The operations `PATCH` accepts, by `type`.
const OPERATIONS: [&str; 4] = [
    "replace_content",
    "update_content",
    "insert_content",
    "replace_content_range",
];

pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            let node = load_target(tx, &ctx, &raw_id)?;
            page_markdown(tx, &ctx, &node)
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    let body = body::parse(&bytes)?;
    let (value, queued) = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "update_content")?;
            let queued = async_tasks::requested(&body)?;
            let operation = operation(&body)?;
            if queued {
                let task = async_tasks::run(tx, &ctx, "PATCH /v1/pages/:page_id/markdown", |tx| {
                    apply_update(tx, &ctx, &raw_id, &operation)
                })?;
                return Ok((task, true));
            }
            Ok((apply_update(tx, &ctx, &raw_id, &operation)?, false))
        })
        .await?;
    Ok(if queued {
        Reply::accepted(value)
    } else {
        Reply::json(value)
    })
}

/// Applies one edit to a page's (or block's) content and returns the new `page_markdown`.
fn apply_update(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    raw_id: &str,
    operation: &MarkdownOperation,
) -> Result<Value, ApiError> {
    let node = load_target(tx, ctx, raw_id)?;
    if access::trashed_in_tree(tx, &node)? {
        return Err(archived_error());
    }
    let parent_type = if node.kind == "page" {
        "page_id"
    } else {
        "block_id"
    };
    if let MarkdownOperation::InsertContent(insert) = operation
        && insert.after.is_none()
    {
        // Plain inserts keep the existing blocks (and their ids).
        let pieces = parse_markdown(tx, ctx, &insert.content, "body.insert_content.content")?;
        let position = if is_start(insert.position.as_ref()) {
            Position::Start
        } else {
            Position::End
        };
        insert_pieces(tx, ctx, parent_type, &node.id, pieces, position)?;
    } else {
        let current = render_markdown(tx, ctx, &node.id)?;
        let edited = apply_operation(&current, operation)
            .map_err(|err| ApiError::validation(err.to_string()))?;
        let pieces = parse_markdown(tx, ctx, &edited, "body.markdown")?;
        replace_content(tx, ctx, parent_type, &node.id, pieces)?;
    }
    page_markdown(tx, ctx, &node)
}

/// Whether an `insert_content.position` is `{"type": "start"}`.
fn is_start(position: Option<&Value>) -> bool {
    position.and_then(|p| p.get("type")).and_then(Value::as_str) == Some("start")
}

/// A page, or a block (Notion serves a block's subtree for ids from `unknown_block_ids`).
fn load_target(tx: &Transaction<'_>, ctx: &Ctx, raw_id: &str) -> Result<Node, ApiError> {
    let id = access::path_id(raw_id, "page_id")?;
    access::load(tx, ctx, &id, &["page", "block"], "page")
}

/// `{"object":"page_markdown","id","markdown","truncated","unknown_block_ids"}`.
fn page_markdown(tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<Value, ApiError> {
    let markdown = render_markdown(tx, ctx, &node.id)?;
    Ok(json!({
        "object": "page_markdown",
        "id": node.id,
        "markdown": markdown,
        "truncated": false,
        "unknown_block_ids": [],
    }))
}

/// The operation named by `type` (or by the only operation key present).
fn operation(body: &Map<String, Value>) -> Result<MarkdownOperation, ApiError> {
    let kind = match body.get("type") {
        Some(Value::String(kind)) if OPERATIONS.contains(&kind.as_str()) => kind.as_str(),
        Some(other) => {
            return Err(ApiError::expected(
                "body.type",
                "one of `replace_content`, `update_content`, `insert_content`, `replace_content_range`",
                other,
            ));
        }
        None => OPERATIONS
            .into_iter()
            .find(|key| body.contains_key(*key))
            .ok_or_else(|| ApiError::missing("body.type"))?,
    };
    let path = format!("body.{kind}");
    let payload = body::object_field(body, kind, "body")?;
    for (key, required) in required_fields(kind) {
        match payload.get(*key) {
            Some(Value::String(_)) => {}
            Some(Value::Array(_)) if *key == "content_updates" => {}
            None if !required => {}
            None => return Err(ApiError::missing(&format!("{path}.{key}"))),
            Some(other) => {
                let wanted = if *key == "content_updates" {
                    "an array"
                } else {
                    "a string"
                };
                return Err(ApiError::expected(&format!("{path}.{key}"), wanted, other));
            }
        }
    }
    let mut single = Map::new();
    single.insert(kind.to_owned(), Value::Object(payload.clone()));
    serde_json::from_value(Value::Object(single))
        .map_err(|err| ApiError::validation(format!("body failed validation: {path}: {err}")))
}

/// The fields an operation's payload must (or may) carry as strings / arrays.
fn required_fields(kind: &str) -> &'static [(&'static str, bool)] {
    match kind {
        "replace_content" => &[("new_str", true)],
        "update_content" => &[("content_updates", true)],
        "insert_content" => &[("content", true), ("after", false)],
        _ => &[("content", true), ("content_range", true)],
    }
}
