//! `POST /v1/pages`, `GET|PATCH /v1/pages/{id}`, `POST /v1/pages/{id}/move`.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use bytes::Bytes;
use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::api::{archived_error, async_tasks, templates};
use crate::content::input::parse_children;
use crate::content::markdown::{append_pieces, parse_with_title};
use crate::content::write::{Position, insert_blocks};
use crate::error::ApiError;
use crate::props::{relations, values};
use crate::render;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access::{self, body_id};
use crate::store::nodes::{self, Node};
use crate::wire::{body, files, params, rich_text, time};

/// Where a new page goes.
struct Target {
    parent_type: &'static str,
    parent_id: String,
    data_source: Option<Node>,
}

pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(query): RawQuery,
    bytes: Bytes,
) -> ApiResult {
    let filter = params::all(&params::parse(query.as_deref()), "filter_properties");
    let body = body::parse(&bytes)?;
    let (value, queued) = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_content")?;
            // Only Markdown content can be created asynchronously; for other bodies the
            // flag changes nothing (this emulator's reading of the reference).
            let queued = async_tasks::requested(&body)? && body.contains_key("markdown");
            let create = |tx: &Transaction<'_>| {
                let node = create_page(tx, &ctx, &body)?;
                render::page::page(tx, &ctx, &node, &filter)
            };
            if queued {
                return Ok((async_tasks::run(tx, &ctx, "POST /v1/pages", create)?, true));
            }
            Ok((create(tx)?, false))
        })
        .await?;
    Ok(if queued {
        Reply::accepted(value)
    } else {
        Reply::json(value)
    })
}

fn resolve_target(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent: &Map<String, Value>,
) -> Result<Target, ApiError> {
    if let Some(raw) = parent.get("page_id") {
        let id = body_id(Some(raw), "body.parent.page_id")?;
        let page = access::load(tx, ctx, &id, &["page"], "page")?;
        if access::trashed_in_tree(tx, &page)? {
            return Err(archived_error());
        }
        return Ok(Target {
            parent_type: "page_id",
            parent_id: id,
            data_source: None,
        });
    }
    if let Some(raw) = parent.get("data_source_id") {
        let id = body_id(Some(raw), "body.parent.data_source_id")?;
        let ds = access::load(tx, ctx, &id, &["data_source"], "data_source")?;
        if ds.in_trash {
            return Err(archived_error());
        }
        return Ok(Target {
            parent_type: "data_source_id",
            parent_id: id,
            data_source: Some(ds),
        });
    }
    if let Some(raw) = parent.get("database_id") {
        let id = body_id(Some(raw), "body.parent.database_id")?;
        let ds = single_source(tx, ctx, &id)?;
        return Ok(Target {
            parent_type: "data_source_id",
            parent_id: ds.id.clone(),
            data_source: Some(ds),
        });
    }
    if let Some(raw) = parent.get("block_id") {
        let id = body_id(Some(raw), "body.parent.block_id")?;
        access::load(tx, ctx, &id, &["block"], "block")?;
        return Ok(Target {
            parent_type: "block_id",
            parent_id: id,
            data_source: None,
        });
    }
    if parent.contains_key("workspace") {
        return Err(ApiError::validation(
            "Internal integrations aren't owned by a single user, so creating workspace-level private pages is not supported.",
        ));
    }
    Err(ApiError::missing("body.parent.page_id"))
}

/// The only data source of a database (2022-style `database_id` parents and queries).
pub(crate) fn single_source(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    database_id: &str,
) -> Result<Node, ApiError> {
    let db = access::load(tx, ctx, database_id, &["database"], "database")?;
    let sources: Vec<Node> = nodes::by_parent(tx, &db.id, "data_source")?
        .into_iter()
        .filter(|s| !s.in_trash)
        .collect();
    match sources.len() {
        1 => Ok(sources.into_iter().next().unwrap_or_else(|| unreachable!())),
        0 => Err(ApiError::not_found("database", database_id, &ctx.integration)),
        _ => Err(ApiError::validation(format!(
            "Databases with multiple data sources are not supported in this API version. Use a data source ID instead of database ID {database_id}."
        ))
        .with_data("error_type", "multiple_data_sources_for_database")
        .with_data("database_id", database_id.to_owned())
        .with_data(
            "child_data_source_ids",
            sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
        )
        .with_data("minimum_api_version", "2025-09-03")),
    }
}

/// Creates a page from a `POST /v1/pages` body (also used for nothing else yet).
pub(crate) fn create_page(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    body: &Map<String, Value>,
) -> Result<Node, ApiError> {
    let parent = body::object_field(body, "parent", "body")?;
    let choice = templates::choice(body, true)?;
    if choice.is_some() {
        templates::reject_content(body)?;
    }
    let target = resolve_target(tx, ctx, parent)?;
    let template = match &choice {
        Some(choice) => Some(templates::resolve(
            tx,
            ctx,
            target.data_source.as_ref(),
            choice,
        )?),
        None => None,
    };
    let mut request_props = match body.get("properties") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(other) => return Err(ApiError::expected("body.properties", "an object", other)),
    };
    if body.contains_key("markdown")
        && (body.contains_key("children") || body.contains_key("content"))
    {
        return Err(ApiError::validation(
            "body failed validation: body.markdown should be not present when children are given.",
        ));
    }
    let children_value = body.get("children").or_else(|| body.get("content"));
    let children = match children_value {
        None | Some(Value::Null) => Vec::new(),
        Some(value) => parse_children(tx, ctx, value, "body.children")?,
    };
    let markdown_pieces = match body.get("markdown") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(md)) => {
            let take_title = !has_title(&request_props);
            let (title, pieces) = parse_with_title(tx, ctx, md, "body.markdown", take_title)?;
            if let Some(title) = title {
                request_props.insert(title_key(&target), json!({ "title": title }));
            }
            pieces
        }
        Some(other) => return Err(ApiError::expected("body.markdown", "a string", other)),
    };
    let now = time::now();
    let id = crate::wire::ids::new_id();
    let mut stored = Map::new();
    let mut changes = Vec::new();
    if let Some(mut ds) = target.data_source.clone() {
        let mut schema = ds
            .field("properties")
            .as_object()
            .cloned()
            .unwrap_or_default();
        let before = schema.clone();
        if let Some(template) = &template {
            request_props = templates::merge_properties(template, &schema, &request_props);
        }
        changes = values::apply(tx, ctx, &mut schema, &mut stored, &request_props)?;
        let mut counters = ds
            .field("counters")
            .as_object()
            .cloned()
            .unwrap_or_default();
        let counters_before = counters.clone();
        values::defaults_for_new_page(&schema, &mut stored, &mut counters);
        if schema != before || counters != counters_before {
            ds.data["properties"] = Value::Object(schema);
            ds.data["counters"] = Value::Object(counters);
            nodes::update(tx, &ds)?;
        }
    } else {
        stored.insert("title".into(), plain_title(tx, &request_props)?);
    }
    let icon = optional_file(tx, ctx, body.get("icon"), "body.icon", true)?;
    let cover = optional_file(tx, ctx, body.get("cover"), "body.cover", false)?;
    let ord = if target.parent_type == "data_source_id" {
        0
    } else {
        nodes::next_ord(tx, &target.parent_id)?
    };
    let title_text = rich_text::plain_text(stored.get("title").unwrap_or(&Value::Null));
    let node = Node {
        id: id.clone(),
        kind: "page".into(),
        parent_type: target.parent_type.into(),
        parent_id: Some(target.parent_id.clone()),
        ord,
        seq: ctx.next_seq(),
        created_time: now.clone(),
        last_edited_time: now.clone(),
        created_by: ctx.user_id().to_owned(),
        last_edited_by: ctx.user_id().to_owned(),
        in_trash: false,
        title: title_text.to_lowercase(),
        data: json!({"icon": icon, "cover": cover, "is_locked": false, "is_archived": false, "properties": stored}),
    };
    nodes::insert(tx, &node)?;
    insert_blocks(tx, ctx, "page_id", &id, children, Position::End, &now)?;
    append_pieces(tx, ctx, "page_id", &id, markdown_pieces, &now)?;
    if let Some(template) = &template {
        templates::copy_content(tx, ctx, &template.id, "page_id", &id, &now)?;
    }
    for change in changes {
        relations::sync(tx, ctx, &id, &change.config, &change.old, &change.new)?;
    }
    Ok(node)
}

/// Whether the request sets the page title (`title`, or any `{"title": [...]}` value).
fn has_title(props: &Map<String, Value>) -> bool {
    props.contains_key("title") || props.values().any(|v| v.get("title").is_some())
}

/// The name of the title property for a new page under `target`.
fn title_key(target: &Target) -> String {
    target
        .data_source
        .as_ref()
        .and_then(|ds| {
            ds.field("properties").as_object().and_then(|schema| {
                schema
                    .iter()
                    .find(|(_, config)| config.get("type").and_then(Value::as_str) == Some("title"))
                    .map(|(name, _)| name.clone())
            })
        })
        .unwrap_or_else(|| "title".to_owned())
}

/// The title of a page outside any data source (its only property).
fn plain_title(tx: &Transaction<'_>, props: &Map<String, Value>) -> Result<Value, ApiError> {
    let mut title = Value::Array(Vec::new());
    for (key, value) in props {
        let items = match value {
            Value::Array(_) if key == "title" => value,
            Value::Object(map) if map.contains_key("title") => &map["title"],
            _ => {
                return Err(ApiError::validation(format!(
                    "{key} is not a property that exists."
                )));
            }
        };
        title = Value::Array(rich_text::normalize(
            tx,
            items,
            &format!("body.properties.{key}.title"),
        )?);
    }
    Ok(title)
}

fn optional_file(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    value: Option<&Value>,
    path: &str,
    allow_emoji: bool,
) -> Result<Value, ApiError> {
    match value {
        None | Some(Value::Null) => Ok(Value::Null),
        Some(value) => files::normalize(tx, ctx, value, path, allow_emoji),
    }
}

pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let filter = params::all(&params::parse(query.as_deref()), "filter_properties");
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            let node = access::load_from_path(tx, &ctx, &raw_id, "page")?;
            render::page::page(tx, &ctx, &node, &filter)
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
            let node = access::load_from_path(tx, &ctx, &raw_id, "page")?;
            let node = update_page(tx, &ctx, node, &body)?;
            render::page::page(tx, &ctx, &node, &[])
        })
        .await?;
    Ok(Reply::json(value))
}

fn update_page(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    mut node: Node,
    body: &Map<String, Value>,
) -> Result<Node, ApiError> {
    let trash = body::trash_flag(body, ctx.version)?;
    let choice = templates::choice(body, false)?;
    let edits_content = [
        "properties",
        "template",
        "icon",
        "cover",
        "is_locked",
        "is_archived",
        "erase_content",
    ]
    .iter()
    .any(|k| body.contains_key(*k));
    if edits_content && trash != Some(false) && access::trashed_in_tree(tx, &node)? {
        return Err(archived_error());
    }
    if let Some(trash) = trash {
        node.in_trash = trash;
    }
    let mut requested = match body.get("properties") {
        None => None,
        Some(Value::Object(props)) => Some(props.clone()),
        Some(props) => return Err(ApiError::expected("body.properties", "an object", props)),
    };
    let source = if node.parent_type == "data_source_id" {
        nodes::get(tx, node.parent_id.as_deref().unwrap_or_default())?
    } else {
        None
    };
    let template = match &choice {
        Some(choice) => Some(templates::resolve(tx, ctx, source.as_ref(), choice)?),
        None => None,
    };
    if let (Some(template), Some(source)) = (&template, &source)
        && template.kind == templates::KIND
    {
        let schema = source
            .field("properties")
            .as_object()
            .cloned()
            .unwrap_or_default();
        let explicit = requested.unwrap_or_default();
        requested = Some(templates::merge_properties(template, &schema, &explicit));
    }
    if let Some(props) = &requested {
        let mut stored = node
            .field("properties")
            .as_object()
            .cloned()
            .unwrap_or_default();
        if node.parent_type == "data_source_id" {
            let mut ds = nodes::get(tx, node.parent_id.as_deref().unwrap_or_default())?
                .ok_or_else(|| ApiError::internal("row without data source"))?;
            let mut schema = ds
                .field("properties")
                .as_object()
                .cloned()
                .unwrap_or_default();
            let before = schema.clone();
            let changes = values::apply(tx, ctx, &mut schema, &mut stored, props)?;
            if schema != before {
                ds.data["properties"] = Value::Object(schema);
                nodes::update(tx, &ds)?;
            }
            for change in changes {
                relations::sync(tx, ctx, &node.id, &change.config, &change.old, &change.new)?;
            }
        } else {
            stored.insert("title".into(), plain_title(tx, props)?);
        }
        node.title =
            rich_text::plain_text(stored.get("title").unwrap_or(&Value::Null)).to_lowercase();
        node.data["properties"] = Value::Object(stored);
    }
    if body.contains_key("icon") {
        node.data["icon"] = optional_file(tx, ctx, body.get("icon"), "body.icon", true)?;
    }
    if body.contains_key("cover") {
        node.data["cover"] = optional_file(tx, ctx, body.get("cover"), "body.cover", false)?;
    }
    if let Some(locked) = body::bool_field(body, "is_locked")? {
        node.data["is_locked"] = Value::Bool(locked);
    }
    if let Some(archived) = body::bool_field(body, "is_archived")? {
        node.data["is_archived"] = Value::Bool(archived);
    }
    if body::bool_field(body, "erase_content")? == Some(true) {
        for mut child in nodes::children(tx, &node.id, false)? {
            child.in_trash = true;
            nodes::update(tx, &child)?;
        }
    }
    let now = time::now();
    if let Some(template) = &template {
        templates::copy_content(tx, ctx, &template.id, "page_id", &node.id, &now)?;
    }
    node.last_edited_time = now;
    node.last_edited_by = ctx.user_id().to_owned();
    nodes::update(tx, &node)?;
    Ok(node)
}

pub(crate) async fn move_page(
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
            let mut node = access::load_from_path(tx, &ctx, &raw_id, "page")?;
            let parent = body::object_field(&body, "parent", "body")?;
            let target = resolve_target(tx, &ctx, parent)?;
            if target.parent_id == node.id || is_descendant(tx, &target.parent_id, &node.id)? {
                return Err(ApiError::validation(
                    "Cannot move a page into itself or one of its descendants.",
                ));
            }
            node.ord = if target.parent_type == "data_source_id" {
                0
            } else {
                nodes::next_ord(tx, &target.parent_id)?
            };
            node.parent_type = target.parent_type.to_owned();
            node.parent_id = Some(target.parent_id);
            node.last_edited_time = time::now();
            node.last_edited_by = ctx.user_id().to_owned();
            nodes::update(tx, &node)?;
            render::page::page(tx, &ctx, &node, &[])
        })
        .await?;
    Ok(Reply::json(value))
}

fn is_descendant(tx: &Transaction<'_>, candidate: &str, ancestor: &str) -> Result<bool, ApiError> {
    let mut current = candidate.to_owned();
    for _ in 0..64 {
        match nodes::parent_of(tx, &current)? {
            Some((_, Some(parent))) if parent == ancestor => return Ok(true),
            Some((_, Some(parent))) => current = parent,
            _ => return Ok(false),
        }
    }
    Ok(false)
}
