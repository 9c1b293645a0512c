//! Rollups: finding the related pages and the rolled-up values, then aggregating them.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::{relations, render, schema::find_name};
use crate::state::Ctx;
use crate::store::nodes::{self, Node};

/// Rollups of rollups are followed this deep.
const MAX_DEPTH: u8 = 2;

/// The rollup value of `node` for the rollup property `config`.
pub(crate) fn compute(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    node: &Node,
    schema: &Map<String, Value>,
    config: &Value,
    depth: u8,
) -> Result<Value, ApiError> {
    let cfg = &config["rollup"];
    let function = cfg
        .get("function")
        .and_then(Value::as_str)
        .unwrap_or("show_original")
        .to_owned();
    let empty = json!({"type": "array", "array": [], "function": function});
    if depth > MAX_DEPTH {
        return Ok(empty);
    }
    let relation_key = cfg
        .get("relation_property_id")
        .and_then(Value::as_str)
        .or_else(|| cfg.get("relation_property_name").and_then(Value::as_str))
        .unwrap_or_default();
    let Some(relation_name) = find_name(schema, relation_key) else {
        return Ok(empty);
    };
    let relation = &schema[&relation_name];
    let relation_id = relation
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let related = relations::ids_of(node.data.get("properties").and_then(|p| p.get(relation_id)));
    let target_ds = relation["relation"]
        .get("data_source_id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let Some(target) = nodes::get(tx, target_ds)? else {
        return Ok(empty);
    };
    let target_schema = target
        .field("properties")
        .as_object()
        .cloned()
        .unwrap_or_default();
    let rolled_key = cfg
        .get("rollup_property_id")
        .and_then(Value::as_str)
        .or_else(|| cfg.get("rollup_property_name").and_then(Value::as_str))
        .unwrap_or_default();
    let Some(rolled_name) = find_name(&target_schema, rolled_key) else {
        return Ok(empty);
    };
    let rolled = target_schema[&rolled_name].clone();
    let target_type = rolled
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let mut values = Vec::with_capacity(related.len());
    for id in related {
        let Some(page) = nodes::get(tx, &id)? else {
            continue;
        };
        // A page moved out of the related data source no longer counts (and the row cache relies
        // on rollups reading only pages of that data source).
        if page.kind != "page" || page.in_trash || page.parent_id.as_deref() != Some(target_ds) {
            continue;
        }
        let stored = page
            .data
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut entry = render::entry(
            tx,
            ctx,
            &page,
            &target_schema,
            &rolled,
            &stored,
            false,
            depth + 1,
        )?;
        if let Value::Object(map) = &mut entry {
            map.remove("id");
            map.remove("has_more");
        }
        values.push(entry);
    }
    let refs: Vec<&Value> = values.iter().collect();
    Ok(aggregate(&function, &refs, &target_type))
}

/// Aggregates the rolled-up values (`{type, <type>: value}` each) with the query engine.
fn aggregate(function: &str, values: &[&Value], target_type: &str) -> Value {
    crate::query::rollup::compute(function, values, target_type)
}
