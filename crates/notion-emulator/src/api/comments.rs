//! `/v1/comments`: create (page, block or reply), list by block, retrieve, update, delete.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use bytes::Bytes;
use notion_model::error::ErrorCode;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access::{self, body_id};
use crate::wire::list::{PageRequest, envelope};
use crate::wire::{body, files, ids, params as qs, rich_text, time};

/// Most attachments per comment.
const MAX_ATTACHMENTS: usize = 3;

struct StoredComment {
    id: String,
    parent_id: String,
    data: Value,
}

fn not_found(id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::ObjectNotFound,
        format!("Could not find comment with ID: {id}."),
    )
}

fn load(tx: &Transaction<'_>, ctx: &Ctx, id: &str) -> Result<StoredComment, ApiError> {
    let row: Option<(String, String, String)> = tx
        .prepare_cached("SELECT id, parent_id, data FROM comments WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((id, parent_id, data)) = row else {
        return Err(not_found(id));
    };
    if !access::visible(tx, &ctx.integration, &parent_id)? {
        return Err(not_found(&id));
    }
    Ok(StoredComment {
        id,
        parent_id,
        data: serde_json::from_str(&data)?,
    })
}

fn render(ctx: &Ctx, comment: &StoredComment) -> Value {
    let mut value = comment.data.clone();
    value["created_time"] = json!(time::display(
        value["created_time"].as_str().unwrap_or_default(),
        ctx.exact_timestamps
    ));
    value["last_edited_time"] = json!(time::display(
        value["last_edited_time"].as_str().unwrap_or_default(),
        ctx.exact_timestamps
    ));
    let _ = &comment.parent_id;
    files::resolve(ctx, &mut value);
    value
}

fn content(tx: &Transaction<'_>, body: &Map<String, Value>) -> Result<Value, ApiError> {
    if let Some(rt) = body.get("rich_text") {
        return Ok(Value::Array(rich_text::normalize(
            tx,
            rt,
            "body.rich_text",
        )?));
    }
    if let Some(md) = body.get("markdown").and_then(Value::as_str) {
        let items = Value::Array(crate::wire::inline_markdown::to_rich_text(md));
        return Ok(Value::Array(rich_text::normalize(
            tx,
            &items,
            "body.markdown",
        )?));
    }
    Err(ApiError::missing("body.rich_text"))
}

pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    bytes: Bytes,
) -> ApiResult {
    let body = body::parse(&bytes)?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_comments")?;
            let (parent, discussion_id) = if let Some(raw) = body.get("discussion_id") {
                let discussion = body_id(Some(raw), "body.discussion_id")?;
                let parent: Option<String> = tx
                    .prepare_cached("SELECT data FROM comments WHERE discussion_id = ?1 ORDER BY seq LIMIT 1")?
                    .query_row([&discussion], |r| r.get::<_, String>(0))
                    .optional()?;
                let parent: Value = match parent {
                    Some(data) => serde_json::from_str::<Value>(&data)?["parent"].clone(),
                    None => {
                        return Err(ApiError::new(
                            ErrorCode::ObjectNotFound,
                            format!("Could not find discussion with ID: {discussion}."),
                        ));
                    }
                };
                (parent, discussion)
            } else {
                let parent = body::object_field(&body, "parent", "body")?;
                let (kind, raw) = if let Some(raw) = parent.get("page_id") {
                    ("page_id", raw)
                } else if let Some(raw) = parent.get("block_id") {
                    ("block_id", raw)
                } else {
                    return Err(ApiError::missing("body.parent.page_id"));
                };
                let id = body_id(Some(raw), &format!("body.parent.{kind}"))?;
                let noun = if kind == "page_id" { "page" } else { "block" };
                let kinds: &[&str] = if kind == "page_id" { &["page"] } else { &["block", "page"] };
                access::load(tx, &ctx, &id, kinds, noun)?;
                (json!({"type": kind, kind: id}), ids::new_id())
            };
            let parent_id = parent
                .get(parent["type"].as_str().unwrap_or_default())
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if !access::visible(tx, &ctx.integration, &parent_id)? {
                return Err(ApiError::not_found("page", &parent_id, &ctx.integration));
            }
            let rich = content(tx, &body)?;
            let attachments = attachments(tx, &ctx, &body)?;
            let display_name = display_name(&ctx, &body)?;
            let now = time::now();
            let id = ids::new_id();
            let mut data = Map::new();
            data.insert("object".into(), json!("comment"));
            data.insert("id".into(), json!(id));
            data.insert("parent".into(), parent);
            data.insert("discussion_id".into(), json!(discussion_id));
            data.insert("created_time".into(), json!(now));
            data.insert("last_edited_time".into(), json!(now));
            data.insert("created_by".into(), json!({"object": "user", "id": ctx.user_id()}));
            data.insert("rich_text".into(), rich);
            data.insert("display_name".into(), display_name);
            if let Some(attachments) = attachments {
                data.insert("attachments".into(), attachments);
            }
            let data = Value::Object(data);
            tx.prepare_cached("INSERT INTO comments (id, seq, parent_id, discussion_id, data) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![id, ctx.next_seq(), parent_id, discussion_id, data.to_string()]).map(crate::store::touched::no_rows)?;
            Ok(render(&ctx, &StoredComment { id, parent_id, data }))
        })
        .await?;
    Ok(Reply::json(value))
}

fn attachments(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    body: &Map<String, Value>,
) -> Result<Option<Value>, ApiError> {
    let Some(value) = body.get("attachments") else {
        return Ok(None);
    };
    let Some(items) = value.as_array() else {
        return Err(ApiError::expected("body.attachments", "an array", value));
    };
    if items.len() > MAX_ATTACHMENTS {
        return Err(ApiError::too_long(
            "body.attachments",
            MAX_ATTACHMENTS,
            items.len(),
        ));
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("body.attachments[{i}]");
        let id = body_id(
            item.get("file_upload_id"),
            &format!("{path}.file_upload_id"),
        )?;
        let file = files::normalize(
            tx,
            ctx,
            &json!({"type": "file_upload", "file_upload": {"id": id}}),
            &path,
            false,
        )?;
        let content_type: Option<String> = tx
            .prepare_cached(
                "SELECT json_extract(data, '$.content_type') FROM file_uploads WHERE id = ?1",
            )?
            .query_row([&id], |r| r.get(0))
            .optional()?
            .flatten();
        let category = match content_type.as_deref().unwrap_or_default() {
            t if t.starts_with("image/") => "image",
            t if t.starts_with("audio/") => "audio",
            t if t.starts_with("video/") => "video",
            "application/pdf" => "pdf",
            _ => "productivity",
        };
        out.push(json!({"category": category, "file": file["file"]}));
    }
    Ok(Some(Value::Array(out)))
}

fn display_name(ctx: &Ctx, body: &Map<String, Value>) -> Result<Value, ApiError> {
    let Some(given) = body.get("display_name") else {
        return Ok(json!({"type": "integration", "resolved_name": ctx.integration.name}));
    };
    match given.get("type").and_then(Value::as_str) {
        Some("custom") => {
            let name = given
                .get("custom")
                .and_then(|c| c.get("name"))
                .and_then(Value::as_str)
                .ok_or_else(|| ApiError::missing("body.display_name.custom.name"))?;
            Ok(json!({"type": "custom", "resolved_name": name}))
        }
        Some("user") => Ok(json!({"type": "user", "resolved_name": "Workspace Owner"})),
        _ => Ok(json!({"type": "integration", "resolved_name": ctx.integration.name})),
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let params = qs::parse(query.as_deref());
    let page = PageRequest::from_query(
        qs::first(&params, "start_cursor"),
        qs::first(&params, "page_size"),
    )?;
    let block = qs::first(&params, "block_id").map(str::to_owned);
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_comments")?;
            let Some(raw) = block else {
                return Err(ApiError::validation(
                    "query failed validation: query.block_id should be defined, instead was `undefined`.",
                ));
            };
            let id = ids::parse(&raw).ok_or_else(|| {
                ApiError::validation(format!(
                    "query failed validation: query.block_id should be a valid uuid, instead was `\"{raw}\"`."
                ))
            })?;
            access::load(tx, &ctx, &id, &["page", "block"], "block")?;
            let mut stmt = tx.prepare_cached("SELECT id, parent_id, data FROM comments WHERE parent_id = ?1 ORDER BY seq")?;
            let rows = stmt.query_map([&id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
            let mut items = Vec::new();
            for row in rows {
                let (id, parent_id, data) = row?;
                items.push(render(&ctx, &StoredComment { id, parent_id, data: serde_json::from_str(&data)? }));
            }
            Ok(envelope(items, page, "comment"))
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_comments")?;
            let id = access::path_id(&raw_id, "comment_id")?;
            Ok(render(&ctx, &load(tx, &ctx, &id)?))
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
            access::require(&ctx, "insert_comments")?;
            let id = access::path_id(&raw_id, "comment_id")?;
            let mut comment = load(tx, &ctx, &id)?;
            comment.data["rich_text"] = content(tx, &body)?;
            comment.data["last_edited_time"] = json!(time::now());
            tx.prepare_cached("UPDATE comments SET data = ?2 WHERE id = ?1")?
                .execute([&comment.id, &comment.data.to_string()])
                .map(crate::store::touched::no_rows)?;
            Ok(render(&ctx, &comment))
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn delete(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_comments")?;
            let id = access::path_id(&raw_id, "comment_id")?;
            let comment = load(tx, &ctx, &id)?;
            tx.prepare_cached("DELETE FROM comments WHERE id = ?1")?
                .execute([&comment.id])
                .map(crate::store::touched::no_rows)?;
            Ok(render(&ctx, &comment))
        })
        .await?;
    Ok(Reply::json(value))
}
