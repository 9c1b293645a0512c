//! `POST /v1/databases`, `GET|PATCH /v1/databases/{id}`, legacy `POST /v1/databases/{id}/query`.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use bytes::Bytes;
use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::api::archived_error;
use crate::api::container_attrs::{self, file_field, text_field};
use crate::api::pages::single_source;
use crate::error::ApiError;
use crate::props::{relations, schema};
use crate::render;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access::{self, body_id};
use crate::store::nodes::{self, Node};
use crate::wire::{body, ids, params, rich_text, time};

pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    bytes: Bytes,
) -> ApiResult {
    let body = body::parse(&bytes)?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_content")?;
            let node = create_database(tx, &ctx, &body)?;
            render::database::database(tx, &ctx, &node)
        })
        .await?;
    Ok(Reply::json(value))
}

fn create_database(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    body: &Map<String, Value>,
) -> Result<Node, ApiError> {
    let parent = body::object_field(body, "parent", "body")?;
    let (parent_type, parent_id) = if let Some(raw) = parent.get("page_id") {
        let id = body_id(Some(raw), "body.parent.page_id")?;
        let page = access::load(tx, ctx, &id, &["page"], "page")?;
        if access::trashed_in_tree(tx, &page)? {
            return Err(archived_error());
        }
        ("page_id", id)
    } else if let Some(raw) = parent.get("block_id") {
        let id = body_id(Some(raw), "body.parent.block_id")?;
        access::load(tx, ctx, &id, &["block"], "block")?;
        ("block_id", id)
    } else if parent.contains_key("workspace") {
        return Err(ApiError::validation(
            "Internal integrations aren't owned by a single user, so creating workspace-level databases is not supported.",
        ));
    } else {
        return Err(ApiError::missing("body.parent.page_id"));
    };
    let props = if ctx.version.has_data_sources() {
        body.get("initial_data_source")
            .and_then(|s| s.get("properties"))
            .or_else(|| body.get("properties"))
            .cloned()
    } else {
        Some(
            body.get("properties")
                .cloned()
                .ok_or_else(|| ApiError::missing("body.properties"))?,
        )
    };
    let props = match props {
        None | Some(Value::Null) => json!({"Name": {"title": {}}}),
        Some(Value::Object(map)) => Value::Object(map),
        Some(other) => return Err(ApiError::expected("body.properties", "an object", &other)),
    };
    let props_path = if ctx.version.has_data_sources() && body.contains_key("initial_data_source") {
        "body.initial_data_source.properties"
    } else {
        "body.properties"
    };
    let title = text_field(tx, body, "title")?;
    let description = text_field(tx, body, "description")?;
    let icon = file_field(tx, ctx, body, "icon", true)?;
    let cover = file_field(tx, ctx, body, "cover", false)?;
    let is_inline = body::bool_field(body, "is_inline")?.unwrap_or(false);
    let now = time::now();
    let title_text = rich_text::plain_text(&title);
    let database = Node {
        id: ids::new_id(),
        kind: "database".into(),
        parent_type: parent_type.into(),
        parent_id: Some(parent_id.clone()),
        ord: nodes::next_ord(tx, &parent_id)?,
        seq: ctx.next_seq(),
        created_time: now.clone(),
        last_edited_time: now.clone(),
        created_by: ctx.user_id().to_owned(),
        last_edited_by: ctx.user_id().to_owned(),
        in_trash: false,
        title: title_text.to_lowercase(),
        data: json!({"title": title, "description": description, "icon": icon, "cover": cover, "is_inline": is_inline, "is_locked": false}),
    };
    nodes::insert(tx, &database)?;
    let ds_title = body
        .get("initial_data_source")
        .and_then(|s| s.get("title"))
        .map(|t| rich_text::normalize(tx, t, "body.initial_data_source.title").map(Value::Array))
        .transpose()?
        .unwrap_or_else(|| title.clone());
    create_source(
        tx,
        ctx,
        &database,
        ds_title,
        Value::Null,
        props.as_object().cloned().unwrap_or_default(),
        props_path,
        &now,
    )?;
    Ok(database)
}

/// Creates a data source under `database` with a schema built from `props`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn create_source(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    database: &Node,
    title: Value,
    icon: Value,
    props: Map<String, Value>,
    props_path: &str,
    now: &str,
) -> Result<Node, ApiError> {
    let mut source = Node {
        id: ids::new_id(),
        kind: "data_source".into(),
        parent_type: "database_id".into(),
        parent_id: Some(database.id.clone()),
        ord: nodes::next_ord(tx, &database.id)?,
        seq: ctx.next_seq(),
        created_time: now.to_owned(),
        last_edited_time: now.to_owned(),
        created_by: ctx.user_id().to_owned(),
        last_edited_by: ctx.user_id().to_owned(),
        in_trash: false,
        title: rich_text::plain_text(&title).to_lowercase(),
        data: json!({"title": title, "description": [], "icon": icon, "cover": null, "properties": {}, "counters": {}}),
    };
    nodes::insert(tx, &source)?;
    let (mut built, duals) = schema::create(tx, ctx, &props, props_path, &source.id)?;
    let title_text = rich_text::plain_text(source.field("title"));
    relations::resolve_duals(tx, &source.id, &database.id, &title_text, &mut built, duals)?;
    source.data["properties"] = Value::Object(built);
    nodes::update(tx, &source)?;
    Ok(source)
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
            let node = access::load_from_path(tx, &ctx, &raw_id, "database")?;
            if !ctx.version.has_data_sources() {
                single_source(tx, &ctx, &node.id)?;
            }
            render::database::database(tx, &ctx, &node)
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
            let mut node = access::load_from_path(tx, &ctx, &raw_id, "database")?;
            container_attrs::apply_update(tx, &ctx, &body, &mut node)?;
            if body.contains_key("cover") {
                node.data["cover"] = file_field(tx, &ctx, &body, "cover", false)?;
            }
            if let Some(inline) = body::bool_field(&body, "is_inline")? {
                node.data["is_inline"] = Value::Bool(inline);
            }
            if let Some(locked) = body::bool_field(&body, "is_locked")? {
                node.data["is_locked"] = Value::Bool(locked);
            }
            if let Some(parent) = body.get("parent").and_then(Value::as_object) {
                let raw = parent
                    .get("page_id")
                    .ok_or_else(|| ApiError::missing("body.parent.page_id"))?;
                let page_id = body_id(Some(raw), "body.parent.page_id")?;
                access::load(tx, &ctx, &page_id, &["page"], "page")?;
                node.parent_type = "page_id".into();
                node.ord = nodes::next_ord(tx, &page_id)?;
                node.parent_id = Some(page_id);
            }
            node.last_edited_time = time::now();
            node.last_edited_by = ctx.user_id().to_owned();
            nodes::update(tx, &node)?;
            if !ctx.version.has_data_sources() {
                legacy_schema_update(tx, &ctx, &node, &body)?;
            }
            render::database::database(tx, &ctx, &node)
        })
        .await?;
    Ok(Reply::json(value))
}

/// 2022-06-28: `PATCH /v1/databases/{id}` also edits the schema and title of its data source.
fn legacy_schema_update(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    database: &Node,
    body: &Map<String, Value>,
) -> Result<(), ApiError> {
    let mut source = single_source(tx, ctx, &database.id)?;
    if body.contains_key("title") {
        source.data["title"] = database.field("title").clone();
        source.title = database.title.clone();
    }
    if let Some(changes) = body.get("properties") {
        let Some(changes) = changes.as_object() else {
            return Err(ApiError::expected("body.properties", "an object", changes));
        };
        let mut built = source
            .field("properties")
            .as_object()
            .cloned()
            .unwrap_or_default();
        let duals = schema::update(tx, ctx, &mut built, changes, "body.properties", &source.id)?;
        let title = rich_text::plain_text(source.field("title"));
        relations::resolve_duals(tx, &source.id, &database.id, &title, &mut built, duals)?;
        source.data["properties"] = Value::Object(built);
    }
    source.last_edited_time = time::now();
    nodes::update(tx, &source)
}

pub(crate) async fn legacy_query(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    RawQuery(query): RawQuery,
    bytes: Bytes,
) -> ApiResult {
    let filter = params::all(&params::parse(query.as_deref()), "filter_properties");
    let body = body::parse(&bytes)?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            let id = access::path_id(&raw_id, "database_id")?;
            let source = single_source(tx, &ctx, &id)?;
            crate::api::rows::query(tx, &ctx, &source, &body, &filter)
        })
        .await?;
    Ok(Reply::json(value))
}
