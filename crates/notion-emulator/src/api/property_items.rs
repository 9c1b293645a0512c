//! `GET /v1/pages/{page_id}/properties/{property_id}`: one property, paginated for list types.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::render::entry;
use crate::props::schema::find_name;
use crate::render;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access;
use crate::wire::list::{PageRequest, encode_cursor};
use crate::wire::params;

pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((raw_page, raw_property)): Path<(String, String)>,
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
            let node = access::load_from_path(tx, &ctx, &raw_page, "page")?;
            let schema = render::page::schema_of(tx, &node)?.unwrap_or_else(|| {
                let mut plain = Map::new();
                plain.insert(
                    "title".into(),
                    json!({"id": "title", "name": "title", "type": "title", "title": {}}),
                );
                plain
            });
            let Some(name) = find_name(&schema, &raw_property) else {
                return Err(ApiError::validation(format!(
                    "{raw_property} is not a property that exists."
                )));
            };
            let config = &schema[&name];
            let stored = node
                .field("properties")
                .as_object()
                .cloned()
                .unwrap_or_default();
            let full = entry(tx, &ctx, &node, &schema, config, &stored, false, 0)?;
            Ok(item_response(&ctx, &node.id, &full, page))
        })
        .await?;
    Ok(Reply::json(value))
}

fn item_response(ctx: &Ctx, page_id: &str, full: &Value, page: PageRequest) -> Value {
    let id = full["id"].clone();
    let kind = full["type"].as_str().unwrap_or_default().to_owned();
    let value = full.get(&kind).cloned().unwrap_or(Value::Null);
    let items: Vec<Value> = match kind.as_str() {
        "title" | "rich_text" | "people" | "relation" => {
            value.as_array().cloned().unwrap_or_default()
        }
        "rollup" => value
            .get("array")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => {
            let mut map = Map::new();
            map.insert("object".into(), json!("property_item"));
            map.insert("id".into(), id);
            map.insert("type".into(), json!(kind));
            map.insert(kind, value);
            return Value::Object(map);
        }
    };
    let total = items.len();
    let end = (page.offset + page.page_size).min(total);
    let results: Vec<Value> = items
        .into_iter()
        .skip(page.offset)
        .take(page.page_size)
        .map(|item| {
            if kind == "rollup" {
                let mut item = item;
                if let Value::Object(map) = &mut item {
                    map.insert("object".into(), json!("property_item"));
                    map.insert("id".into(), id.clone());
                }
                item
            } else {
                let mut map = Map::new();
                map.insert("object".into(), json!("property_item"));
                map.insert("type".into(), json!(kind));
                map.insert("id".into(), id.clone());
                map.insert(kind.clone(), item);
                Value::Object(map)
            }
        })
        .collect();
    let has_more = end < total;
    let next_cursor = if has_more {
        Value::String(encode_cursor(end, page_id))
    } else {
        Value::Null
    };
    let next_url = match &next_cursor {
        Value::String(cursor) => json!(format!(
            "{}/v1/pages/{page_id}/properties/{}?start_cursor={cursor}",
            ctx.base_url,
            id.as_str().unwrap_or_default()
        )),
        _ => Value::Null,
    };
    let mut property_item = Map::new();
    property_item.insert("id".into(), id.clone());
    property_item.insert("next_url".into(), next_url);
    property_item.insert("type".into(), json!(kind));
    property_item.insert(
        kind.clone(),
        if kind == "rollup" {
            value.clone()
        } else {
            json!({})
        },
    );
    json!({
        "object": "list",
        "results": results,
        "next_cursor": next_cursor,
        "has_more": has_more,
        "type": "property_item",
        "property_item": property_item
    })
}
