//! Databases (containers), data sources, and the 2022-06-28 database-as-schema view.

use notion_model::version::ApiVersion;
use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::rollup_config;
use crate::render::{parent, partial_user, push_archived, title_of, url};
use crate::state::Ctx;
use crate::store::nodes::{self, Node};
use crate::wire::{files, time};

/// A database object for this version (2022-06-28 gets the schema view).
pub(crate) fn database(tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<Value, ApiError> {
    if !ctx.version.has_data_sources() {
        return legacy_database(tx, ctx, node);
    }
    let sources = nodes::by_parent(tx, &node.id, "data_source")?;
    let data_sources: Vec<Value> = sources
        .iter()
        .filter(|s| !s.in_trash)
        .map(|s| json!({"id": s.id, "name": title_of(s)}))
        .collect();
    let mut map = Map::new();
    map.insert("object".into(), json!("database"));
    map.insert("id".into(), json!(node.id));
    map.insert("title".into(), node.field("title").clone());
    map.insert("description".into(), or_empty(node.field("description")));
    map.insert("parent".into(), parent(tx, ctx, node)?);
    map.insert(
        "is_inline".into(),
        json!(node.field("is_inline").as_bool().unwrap_or(false)),
    );
    map.insert("in_trash".into(), json!(node.in_trash));
    map.insert(
        "is_locked".into(),
        json!(node.field("is_locked").as_bool().unwrap_or(false)),
    );
    map.insert(
        "created_time".into(),
        json!(time::display_database(&node.created_time)),
    );
    map.insert(
        "last_edited_time".into(),
        json!(time::display_database(&node.last_edited_time)),
    );
    map.insert("data_sources".into(), Value::Array(data_sources));
    map.insert("icon".into(), resolved(ctx, node.field("icon")));
    map.insert("cover".into(), resolved(ctx, node.field("cover")));
    map.insert("url".into(), json!(url("", &node.id)));
    map.insert("public_url".into(), Value::Null);
    push_archived(&mut map, ctx.version, node.in_trash);
    Ok(Value::Object(map))
}

/// A data source object.
pub(crate) fn data_source(tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<Value, ApiError> {
    let database_id = node.parent_id.clone().unwrap_or_default();
    let database = nodes::get(tx, &database_id)?;
    let database_parent = match &database {
        Some(db) => parent(tx, ctx, db)?,
        None => Value::Null,
    };
    let is_inline = database
        .as_ref()
        .and_then(|d| d.field("is_inline").as_bool())
        .unwrap_or(false);
    let mut map = Map::new();
    map.insert("object".into(), json!("data_source"));
    map.insert("id".into(), json!(node.id));
    map.insert("cover".into(), resolved(ctx, node.field("cover")));
    map.insert("icon".into(), resolved(ctx, node.field("icon")));
    map.insert(
        "created_time".into(),
        json!(time::display(&node.created_time, ctx.exact_timestamps)),
    );
    map.insert("created_by".into(), partial_user(&node.created_by));
    map.insert("last_edited_by".into(), partial_user(&node.last_edited_by));
    map.insert(
        "last_edited_time".into(),
        json!(time::display(&node.last_edited_time, ctx.exact_timestamps)),
    );
    map.insert("title".into(), node.field("title").clone());
    map.insert("description".into(), or_empty(node.field("description")));
    map.insert("is_inline".into(), json!(is_inline));
    map.insert(
        "properties".into(),
        schema_for(tx, ctx.version, &node.id, node.field("properties"))?,
    );
    map.insert(
        "parent".into(),
        json!({"type": "database_id", "database_id": database_id}),
    );
    map.insert("database_parent".into(), database_parent);
    map.insert("url".into(), json!(url("", &database_id)));
    map.insert("public_url".into(), Value::Null);
    map.insert("in_trash".into(), json!(node.in_trash));
    push_archived(&mut map, ctx.version, node.in_trash);
    Ok(Value::Object(map))
}

/// 2022-06-28: a database is its (first) data source's schema under the database id.
fn legacy_database(tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<Value, ApiError> {
    let source = nodes::by_parent(tx, &node.id, "data_source")?
        .into_iter()
        .next();
    let properties = match &source {
        Some(s) => schema_for(tx, ctx.version, &s.id, s.field("properties"))?,
        None => json!({}),
    };
    let mut map = Map::new();
    map.insert("object".into(), json!("database"));
    map.insert("id".into(), json!(node.id));
    map.insert("cover".into(), resolved(ctx, node.field("cover")));
    map.insert("icon".into(), resolved(ctx, node.field("icon")));
    map.insert(
        "created_time".into(),
        json!(time::display(&node.created_time, ctx.exact_timestamps)),
    );
    map.insert("created_by".into(), partial_user(&node.created_by));
    map.insert("last_edited_by".into(), partial_user(&node.last_edited_by));
    map.insert(
        "last_edited_time".into(),
        json!(time::display(&node.last_edited_time, ctx.exact_timestamps)),
    );
    map.insert("title".into(), node.field("title").clone());
    map.insert("description".into(), or_empty(node.field("description")));
    map.insert(
        "is_inline".into(),
        json!(node.field("is_inline").as_bool().unwrap_or(false)),
    );
    map.insert("properties".into(), properties);
    map.insert("parent".into(), parent(tx, ctx, node)?);
    map.insert("url".into(), json!(url("", &node.id)));
    map.insert("public_url".into(), Value::Null);
    map.insert("archived".into(), json!(node.in_trash));
    map.insert("in_trash".into(), json!(node.in_trash));
    map.insert(
        "is_locked".into(),
        json!(node.field("is_locked").as_bool().unwrap_or(false)),
    );
    Ok(Value::Object(map))
}

/// The stored schema of data source `source_id` as this version shows it: rollups and dual
/// relations name properties as they are named now; 2022 relations name databases only.
pub(crate) fn schema_for(
    tx: &Transaction<'_>,
    version: ApiVersion,
    source_id: &str,
    stored: &Value,
) -> Result<Value, ApiError> {
    let mut schema = rollup_config::show_names(tx, source_id, stored)?;
    if !version.has_data_sources()
        && let Value::Object(map) = &mut schema
    {
        for config in map.values_mut() {
            if let Some(Value::Object(relation)) = config.get_mut("relation") {
                relation.remove("data_source_id");
            }
        }
    }
    Ok(schema)
}

fn or_empty(value: &Value) -> Value {
    if value.is_null() {
        json!([])
    } else {
        value.clone()
    }
}

fn resolved(ctx: &Ctx, value: &Value) -> Value {
    let mut value = value.clone();
    files::resolve(ctx, &mut value);
    value
}
