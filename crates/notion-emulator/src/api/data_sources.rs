//! `/v1/data_sources`: create, retrieve, update, query (templates: [`crate::api::templates`]).

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use bytes::Bytes;
use serde_json::Value;

use crate::api::archived_error;
use crate::api::container_attrs::{self, file_field, text_field};
use crate::api::databases::create_source;
use crate::error::ApiError;
use crate::props::{relations, schema};
use crate::render;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access::{self, body_id};
use crate::store::nodes;
use crate::wire::{body, params, rich_text, time};

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
            let parent = body::object_field(&body, "parent", "body")?;
            let database_id = body_id(parent.get("database_id"), "body.parent.database_id")?;
            let database = access::load(tx, &ctx, &database_id, &["database"], "database")?;
            if database.in_trash {
                return Err(archived_error());
            }
            let props = match body.get("properties") {
                Some(Value::Object(map)) => map.clone(),
                Some(other) => {
                    return Err(ApiError::expected("body.properties", "an object", other));
                }
                None => return Err(ApiError::missing("body.properties")),
            };
            let title = text_field(tx, &body, "title")?;
            let icon = file_field(tx, &ctx, &body, "icon", true)?;
            let source = create_source(
                tx,
                &ctx,
                &database,
                title,
                icon,
                props,
                "body.properties",
                &time::now(),
            )?;
            render::database::data_source(tx, &ctx, &source)
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
            access::require(&ctx, "read_content")?;
            let node = access::load_from_path(tx, &ctx, &raw_id, "data_source")?;
            render::database::data_source(tx, &ctx, &node)
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
            let mut node = access::load_from_path(tx, &ctx, &raw_id, "data_source")?;
            container_attrs::apply_update(tx, &ctx, &body, &mut node)?;
            if let Some(parent) = body.get("parent").and_then(Value::as_object) {
                let database_id = body_id(parent.get("database_id"), "body.parent.database_id")?;
                access::load(tx, &ctx, &database_id, &["database"], "database")?;
                node.ord = nodes::next_ord(tx, &database_id)?;
                node.parent_id = Some(database_id);
            }
            if let Some(changes) = body.get("properties") {
                let Some(changes) = changes.as_object() else {
                    return Err(ApiError::expected("body.properties", "an object", changes));
                };
                let mut built = node
                    .field("properties")
                    .as_object()
                    .cloned()
                    .unwrap_or_default();
                let duals =
                    schema::update(tx, &ctx, &mut built, changes, "body.properties", &node.id)?;
                let title = rich_text::plain_text(node.field("title"));
                let database_id = node.parent_id.clone().unwrap_or_default();
                relations::resolve_duals(tx, &node.id, &database_id, &title, &mut built, duals)?;
                node.data["properties"] = Value::Object(built);
            }
            node.last_edited_time = time::now();
            node.last_edited_by = ctx.user_id().to_owned();
            nodes::update(tx, &node)?;
            render::database::data_source(tx, &ctx, &node)
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn query(
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
            let node = access::load_from_path(tx, &ctx, &raw_id, "data_source")?;
            crate::api::rows::query(tx, &ctx, &node, &body, &filter)
        })
        .await?;
    Ok(Reply::json(value))
}
