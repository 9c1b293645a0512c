//! Page property values as responses show them, computed properties included.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::rollup;
use crate::render::user;
use crate::state::Ctx;
use crate::store::nodes::Node;
use crate::store::people;
use crate::wire::{files, time};

/// How many relation / people items a page object shows before `has_more`.
pub(crate) const PAGE_ITEM_LIMIT: usize = 25;

/// The `properties` of a page. `schema` is its data source's schema (None for plain pages).
pub(crate) fn page_properties(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    node: &Node,
    schema: Option<&Map<String, Value>>,
    truncate: bool,
) -> Result<Map<String, Value>, ApiError> {
    let empty = Map::new();
    let stored = node
        .data
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut out = Map::new();
    let Some(schema) = schema else {
        let title = stored.get("title").cloned().unwrap_or_else(|| json!([]));
        out.insert(
            "title".into(),
            json!({"id": "title", "type": "title", "title": title}),
        );
        return Ok(out);
    };
    for (name, config) in schema {
        out.insert(
            name.clone(),
            entry(tx, ctx, node, schema, config, stored, truncate, 0)?,
        );
    }
    Ok(out)
}

/// One `{id, type, <type>: value}` entry.
#[allow(clippy::too_many_arguments)]
pub(crate) fn entry(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    node: &Node,
    schema: &Map<String, Value>,
    config: &Value,
    stored: &Map<String, Value>,
    truncate: bool,
    depth: u8,
) -> Result<Value, ApiError> {
    let id = config.get("id").and_then(Value::as_str).unwrap_or_default();
    let kind = config
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let raw = stored.get(id);
    let mut entry = Map::new();
    entry.insert("id".into(), json!(id));
    entry.insert("type".into(), json!(kind));
    let value = match kind {
        "title" | "rich_text" | "multi_select" => raw.cloned().unwrap_or_else(|| json!([])),
        "files" => {
            let mut value = raw.cloned().unwrap_or_else(|| json!([]));
            files::resolve(ctx, &mut value);
            value
        }
        "checkbox" => raw.cloned().unwrap_or(Value::Bool(false)),
        "people" => {
            let ids = raw.and_then(Value::as_array).cloned().unwrap_or_default();
            let shown = if truncate {
                ids.iter().take(PAGE_ITEM_LIMIT).collect::<Vec<_>>()
            } else {
                ids.iter().collect()
            };
            let mut users = Vec::with_capacity(shown.len());
            for person in shown {
                let pid = person.get("id").and_then(Value::as_str).unwrap_or_default();
                users.push(match people::get_user(tx, pid)? {
                    Some(stored_user) => user::user(ctx, &stored_user, false),
                    None => json!({"object": "user", "id": pid}),
                });
            }
            Value::Array(users)
        }
        "relation" => {
            let ids = raw.and_then(Value::as_array).cloned().unwrap_or_default();
            let has_more = truncate && ids.len() > PAGE_ITEM_LIMIT;
            let shown: Vec<Value> = if truncate {
                ids.into_iter().take(PAGE_ITEM_LIMIT).collect()
            } else {
                ids
            };
            entry.insert("relation".into(), Value::Array(shown));
            entry.insert("has_more".into(), Value::Bool(has_more));
            return Ok(Value::Object(entry));
        }
        "formula" => raw
            .cloned()
            .unwrap_or_else(|| json!({"type": "string", "string": null})),
        "rollup" => rollup::compute(tx, ctx, node, schema, config, depth)?,
        "created_time" => json!(time::display(&node.created_time, ctx.exact_timestamps)),
        "last_edited_time" => json!(time::display(&node.last_edited_time, ctx.exact_timestamps)),
        "created_by" => json!({"object": "user", "id": node.created_by}),
        "last_edited_by" => json!({"object": "user", "id": node.last_edited_by}),
        "unique_id" => {
            let number = raw
                .and_then(|v| v.get("number"))
                .cloned()
                .unwrap_or(Value::Null);
            let prefix = config["unique_id"]
                .get("prefix")
                .cloned()
                .unwrap_or(Value::Null);
            json!({"prefix": prefix, "number": number})
        }
        "button" => json!({}),
        "verification" => raw
            .cloned()
            .unwrap_or_else(|| json!({"state": "unverified", "date": null, "verified_by": null})),
        _ => raw.cloned().unwrap_or(Value::Null),
    };
    entry.insert(kind.to_owned(), value);
    Ok(Value::Object(entry))
}

/// Keeps only the properties named (by name or id) in `filter`.
pub(crate) fn filter_properties(properties: &mut Map<String, Value>, filter: &[String]) {
    if filter.is_empty() {
        return;
    }
    properties.retain(|name, entry| {
        let id = entry.get("id").and_then(Value::as_str).unwrap_or_default();
        filter
            .iter()
            .any(|f| f == name || f == id || percent_decode_eq(f, id))
    });
}

fn percent_decode_eq(encoded: &str, id: &str) -> bool {
    encoded.contains('%')
        && crate::props::schema::find_name(
            &std::iter::once((id.to_owned(), json!({"id": id}))).collect(),
            encoded,
        )
        .is_some()
}
