//! Page objects.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::render::{filter_properties, page_properties};
use crate::render::{parent, partial_user, push_archived, title_of, url};
use crate::state::Ctx;
use crate::store::nodes::{self, Node};
use crate::wire::{files, time};

/// The schema of the page's data source, if it is a row.
pub(crate) fn schema_of(
    tx: &Transaction<'_>,
    node: &Node,
) -> Result<Option<Map<String, Value>>, ApiError> {
    if node.parent_type != "data_source_id" {
        return Ok(None);
    }
    let Some(ds) = nodes::get(tx, node.parent_id.as_deref().unwrap_or_default())? else {
        return Ok(None);
    };
    Ok(ds.field("properties").as_object().cloned())
}

/// A full page object (properties trimmed to `filter` when it is not empty).
pub(crate) fn page(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    node: &Node,
    filter: &[String],
) -> Result<Value, ApiError> {
    let schema = schema_of(tx, node)?;
    let mut properties = page_properties(tx, ctx, node, schema.as_ref(), true)?;
    filter_properties(&mut properties, filter);
    with_properties(tx, ctx, node, properties)
}

/// A page object around already-rendered properties.
pub(crate) fn with_properties(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    node: &Node,
    properties: Map<String, Value>,
) -> Result<Value, ApiError> {
    let parent = parent(tx, ctx, node)?;
    Ok(assemble(ctx, node, properties, parent))
}

/// A page object around already-rendered properties and `parent` object (for callers that
/// render many pages of one parent).
pub(crate) fn assemble(
    ctx: &Ctx,
    node: &Node,
    properties: Map<String, Value>,
    parent: Value,
) -> Value {
    let mut icon = node.field("icon").clone();
    let mut cover = node.field("cover").clone();
    files::resolve(ctx, &mut icon);
    files::resolve(ctx, &mut cover);
    let mut map = Map::new();
    map.insert("object".into(), json!("page"));
    map.insert("id".into(), json!(node.id));
    map.insert(
        "created_time".into(),
        json!(time::display(&node.created_time, ctx.exact_timestamps)),
    );
    map.insert(
        "last_edited_time".into(),
        json!(time::display(&node.last_edited_time, ctx.exact_timestamps)),
    );
    map.insert("created_by".into(), partial_user(&node.created_by));
    map.insert("last_edited_by".into(), partial_user(&node.last_edited_by));
    map.insert("cover".into(), cover);
    map.insert("icon".into(), icon);
    map.insert("parent".into(), parent);
    map.insert("in_trash".into(), json!(node.in_trash));
    map.insert(
        "is_archived".into(),
        node.data
            .get("is_archived")
            .cloned()
            .unwrap_or(json!(false)),
    );
    map.insert(
        "is_locked".into(),
        node.data.get("is_locked").cloned().unwrap_or(json!(false)),
    );
    map.insert("properties".into(), Value::Object(properties));
    map.insert("url".into(), json!(url(&title_of(node), &node.id)));
    map.insert("public_url".into(), Value::Null);
    push_archived(&mut map, ctx.version, node.in_trash);
    Value::Object(map)
}
