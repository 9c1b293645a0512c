//! `/v1/blocks`: retrieve, update, delete (trash), list and append children.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use bytes::Bytes;
use rusqlite::Transaction;
use serde_json::{Map, Value};

use crate::api::archived_error;
use crate::content::input::parse_children;
use crate::content::payload::{BLOCK_TYPES, normalize_with};
use crate::content::write::{Position, insert_blocks};
use crate::error::ApiError;
use crate::render;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access::{self, body_id};
use crate::store::nodes::{self, Node};
use crate::wire::list::{PageRequest, envelope, list_value};
use crate::wire::{body, params, time};

const BLOCK_KINDS: [&str; 3] = ["block", "page", "database"];

fn load_block(tx: &Transaction<'_>, ctx: &Ctx, raw: &str) -> Result<Node, ApiError> {
    let id = access::path_id(raw, "block_id")?;
    access::load(tx, ctx, &id, &BLOCK_KINDS, "block")
}

pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            let node = load_block(tx, &ctx, &raw_id)?;
            render::block::block(tx, &ctx, &node)
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
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "update_content")?;
            let node = load_block(tx, &ctx, &raw_id)?;
            let node = update_block(tx, &ctx, node, &body)?;
            render::block::block(tx, &ctx, &node)
        })
        .await?;
    Ok(Reply::json(value))
}

fn update_block(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    mut node: Node,
    body: &Map<String, Value>,
) -> Result<Node, ApiError> {
    let trash = body::trash_flag(body, ctx.version)?;
    let type_keys: Vec<&String> = body
        .keys()
        .filter(|k| BLOCK_TYPES.contains(&k.as_str()))
        .collect();
    if !type_keys.is_empty() && trash != Some(false) && access::trashed_in_tree(tx, &node)? {
        return Err(archived_error());
    }
    if let Some(trash) = trash {
        node.in_trash = trash;
    }
    if let Some(key) = type_keys.first() {
        let stored = node.field("type").as_str().unwrap_or_default().to_owned();
        let requested = if key.as_str() == "transcription" {
            "meeting_notes"
        } else {
            key.as_str()
        };
        if node.kind != "block" || requested != stored {
            return Err(ApiError::validation(format!(
                "Block type {key} does not match existing block type {}.",
                render::block::type_name(
                    ctx,
                    if node.kind == "block" {
                        &stored
                    } else {
                        "child_page"
                    }
                )
            )));
        }
        let given = match &body[key.as_str()] {
            Value::Object(map) => map.clone(),
            other => {
                return Err(ApiError::expected(
                    &format!("body.{key}"),
                    "an object",
                    other,
                ));
            }
        };
        let existing = node.data.get(&stored).cloned();
        let payload = normalize_with(
            tx,
            ctx,
            &stored,
            &given,
            &format!("body.{key}"),
            existing.as_ref(),
        )?;
        node.data[stored.as_str()] = payload;
    }
    node.last_edited_time = time::now();
    node.last_edited_by = ctx.user_id().to_owned();
    nodes::update(tx, &node)?;
    Ok(node)
}

pub(crate) async fn delete(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "update_content")?;
            let mut node = load_block(tx, &ctx, &raw_id)?;
            node.in_trash = true;
            node.last_edited_time = time::now();
            node.last_edited_by = ctx.user_id().to_owned();
            nodes::update(tx, &node)?;
            render::block::block(tx, &ctx, &node)
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn list_children(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let params = params::parse(query.as_deref());
    let page = PageRequest::from_query(
        params::first(&params, "start_cursor"),
        params::first(&params, "page_size"),
    )?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            let node = load_block(tx, &ctx, &raw_id)?;
            let children = nodes::children(tx, &node.id, false)?;
            let mut items = Vec::with_capacity(children.len());
            for (i, child) in children.iter().enumerate() {
                if i >= page.offset && i < page.offset + page.page_size {
                    items.push(render::block::block(tx, &ctx, child)?);
                } else {
                    items.push(serde_json::json!({"id": child.id}));
                }
            }
            Ok(envelope(items, page, "block"))
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn append_children(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    let body = body::parse(&bytes)?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_content")?;
            let parent = load_block(tx, &ctx, &raw_id)?;
            if parent.kind == "database" {
                return Err(ApiError::validation(
                    "Cannot append children to a database block.",
                ));
            }
            if access::trashed_in_tree(tx, &parent)? {
                return Err(archived_error());
            }
            let children_value = body
                .get("children")
                .ok_or_else(|| ApiError::missing("body.children"))?;
            let position = position(tx, &ctx, &parent, &body)?;
            let blocks = parse_children(tx, &ctx, children_value, "body.children")?;
            let parent_type = if parent.kind == "page" {
                "page_id"
            } else {
                "block_id"
            };
            let now = time::now();
            let created = insert_blocks(tx, &ctx, parent_type, &parent.id, blocks, position, &now)?;
            let mut results = Vec::with_capacity(created.len());
            for id in created {
                if let Some(node) = nodes::get(tx, &id)? {
                    results.push(render::block::block(tx, &ctx, &node)?);
                }
            }
            let mut parent = parent;
            parent.last_edited_time = now;
            parent.last_edited_by = ctx.user_id().to_owned();
            nodes::update(tx, &parent)?;
            Ok(list_value(results, Value::Null, false, "block"))
        })
        .await?;
    Ok(Reply::json(value))
}

/// `after` (before 2026-03-11) or `position` (start / end / after_block).
fn position(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent: &Node,
    body: &Map<String, Value>,
) -> Result<Position, ApiError> {
    let after = body.get("after").filter(|v| !v.is_null());
    let position = body.get("position").filter(|v| !v.is_null());
    if let Some(after) = after {
        if !ctx.version.has_archived() {
            return Err(ApiError::not_present("body.after", after));
        }
        if position.is_some() {
            return Err(ApiError::validation(
                "body failed validation: body.after should be not present when body.position is present.",
            ));
        }
        let id = body_id(Some(after), "body.after")?;
        return after_sibling(tx, parent, &id);
    }
    let Some(position) = position else {
        return Ok(Position::End);
    };
    match position.get("type").and_then(Value::as_str) {
        Some("start") => Ok(Position::Start),
        Some("end") | None => Ok(Position::End),
        Some("after_block") => {
            let id = body_id(
                position.get("after_block").and_then(|a| a.get("id")),
                "body.position.after_block.id",
            )?;
            after_sibling(tx, parent, &id)
        }
        Some(other) => Err(ApiError::expected(
            "body.position.type",
            "`\"after_block\"`, `\"start\"`, or `\"end\"`",
            &Value::String(other.to_owned()),
        )),
    }
}

fn after_sibling(tx: &Transaction<'_>, parent: &Node, id: &str) -> Result<Position, ApiError> {
    match nodes::get(tx, id)? {
        Some(sibling) if sibling.parent_id.as_deref() == Some(parent.id.as_str()) => {
            Ok(Position::After(sibling.ord))
        }
        _ => Err(ApiError::validation(format!(
            "Block {id} is not a child of the parent block {}.",
            parent.id
        ))),
    }
}
