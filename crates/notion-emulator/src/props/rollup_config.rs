//! Rollup configurations that survive renames: stored by property id, shown with current names.
//!
//! A rollup is configured with the relation and rolled-up properties by name or by id. Notion
//! keeps a rollup working when either property is renamed, so the emulator pins both ids when the
//! schema is written ([`pin_ids`]) and fills the four `*_name`/`*_id` fields from the current
//! schemas whenever the schema is read ([`show_names`]). Dual relations' `synced_property_name`
//! is refreshed the same way.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::schema::find_name;
use crate::store::nodes;

/// Replaces, in every rollup of `schema` (the schema of data source `self_id`), the relation and
/// rolled-up property references with the ids they name now. References that name nothing are
/// kept as given.
pub(crate) fn pin_ids(
    tx: &Transaction<'_>,
    self_id: &str,
    schema: &mut Map<String, Value>,
) -> Result<(), ApiError> {
    let rollups: Vec<String> = schema
        .iter()
        .filter(|(_, c)| c.get("type").and_then(Value::as_str) == Some("rollup"))
        .map(|(name, _)| name.clone())
        .collect();
    for name in rollups {
        let config = schema[&name]["rollup"].clone();
        let Some(relation) = lookup(schema, &config, "relation") else {
            continue;
        };
        let relation_id = relation.get("id").cloned().unwrap_or(Value::Null);
        let target = target_schema(tx, self_id, schema, &relation)?;
        let rolled_id = target
            .as_ref()
            .and_then(|t| lookup(t, &config, "rollup"))
            .and_then(|rolled| rolled.get("id").cloned());
        let stored = &mut schema[&name]["rollup"];
        stored["relation_property_id"] = relation_id;
        if let Some(rolled_id) = rolled_id {
            stored["rollup_property_id"] = rolled_id;
        }
    }
    Ok(())
}

/// The stored schema of data source `self_id` with every rollup's property names and ids (and
/// every dual relation's synced property name) taken from the current schemas.
pub(crate) fn show_names(
    tx: &Transaction<'_>,
    self_id: &str,
    stored: &Value,
) -> Result<Value, ApiError> {
    let Some(schema) = stored.as_object() else {
        return Ok(stored.clone());
    };
    let mut shown = schema.clone();
    for config in shown.values_mut() {
        match config.get("type").and_then(Value::as_str) {
            Some("rollup") => {
                config["rollup"] = rollup_shown(tx, self_id, schema, &config["rollup"])?
            }
            Some("relation") => refresh_synced_name(tx, self_id, schema, config)?,
            _ => {}
        }
    }
    Ok(Value::Object(shown))
}

/// One rollup config in Notion's order, names and ids from the current schemas.
fn rollup_shown(
    tx: &Transaction<'_>,
    self_id: &str,
    schema: &Map<String, Value>,
    config: &Value,
) -> Result<Value, ApiError> {
    let field = |key: &str| config.get(key).cloned().unwrap_or(Value::Null);
    let mut relation_name = field("relation_property_name");
    let mut relation_id = field("relation_property_id");
    let mut rollup_name = field("rollup_property_name");
    let mut rollup_id = field("rollup_property_id");
    if let Some(relation) = lookup(schema, config, "relation") {
        relation_name = relation.get("name").cloned().unwrap_or(relation_name);
        relation_id = relation.get("id").cloned().unwrap_or(relation_id);
        if let Some(target) = target_schema(tx, self_id, schema, &relation)?
            && let Some(rolled) = lookup(&target, config, "rollup")
        {
            rollup_name = rolled.get("name").cloned().unwrap_or(rollup_name);
            rollup_id = rolled.get("id").cloned().unwrap_or(rollup_id);
        }
    }
    Ok(json!({
        "rollup_property_name": rollup_name,
        "relation_property_name": relation_name,
        "rollup_property_id": rollup_id,
        "relation_property_id": relation_id,
        "function": field("function"),
    }))
}

/// A dual relation's `synced_property_name` as the synced property is named now.
fn refresh_synced_name(
    tx: &Transaction<'_>,
    self_id: &str,
    schema: &Map<String, Value>,
    config: &mut Value,
) -> Result<(), ApiError> {
    let Some(synced_id) = config["relation"]
        .get("dual_property")
        .and_then(|d| d.get("synced_property_id"))
        .and_then(Value::as_str)
        .map(str::to_owned)
    else {
        return Ok(());
    };
    let Some(target) = target_schema(tx, self_id, schema, config)? else {
        return Ok(());
    };
    if let Some(name) = find_name(&target, &synced_id) {
        config["relation"]["dual_property"]["synced_property_name"] = Value::String(name);
    }
    Ok(())
}

/// The property a rollup config references for `role` (`relation` or `rollup`): by its id once
/// pinned (a deleted property stays missing, even if another takes its name), else by name.
fn lookup(schema: &Map<String, Value>, config: &Value, role: &str) -> Option<Value> {
    let field = |suffix: &str| {
        config
            .get(format!("{role}_property_{suffix}"))
            .and_then(Value::as_str)
    };
    let key = field("id").or_else(|| field("name"))?;
    schema.get(&find_name(schema, key)?).cloned()
}

/// The schema of the data source a relation property points at (`schema` itself for a
/// self-relation, whose stored copy may not be written yet).
fn target_schema(
    tx: &Transaction<'_>,
    self_id: &str,
    schema: &Map<String, Value>,
    relation: &Value,
) -> Result<Option<Map<String, Value>>, ApiError> {
    let Some(target_id) = relation
        .get("relation")
        .and_then(|r| r.get("data_source_id"))
        .and_then(Value::as_str)
    else {
        return Ok(None);
    };
    if target_id == self_id {
        return Ok(Some(schema.clone()));
    }
    Ok(nodes::get(tx, target_id)?.and_then(|n| n.field("properties").as_object().cloned()))
}
