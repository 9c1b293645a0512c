//! Relations: creating the synced side of dual relations and keeping both sides in step.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::schema::PendingDual;
use crate::state::Ctx;
use crate::store::nodes;
use crate::wire::{ids, time};

/// Creates the synced property of each new dual relation and links both ends.
pub(crate) fn resolve_duals(
    tx: &Transaction<'_>,
    self_id: &str,
    self_database_id: &str,
    self_title: &str,
    schema: &mut Map<String, Value>,
    duals: Vec<PendingDual>,
) -> Result<(), ApiError> {
    for dual in duals {
        let synced_name = dual
            .synced_name
            .clone()
            .unwrap_or_else(|| format!("Related to {self_title} ({})", dual.property_name));
        let synced_id = ids::new_property_id();
        let synced = json!({
            "id": synced_id,
            "name": synced_name,
            "description": null,
            "type": "relation",
            "relation": {
                "database_id": self_database_id,
                "data_source_id": self_id,
                "type": "dual_property",
                "dual_property": {
                    "synced_property_name": dual.property_name,
                    "synced_property_id": dual.property_id
                }
            }
        });
        if dual.target_data_source_id == self_id {
            schema.insert(synced_name.clone(), synced);
        } else if let Some(mut target) = nodes::get(tx, &dual.target_data_source_id)? {
            let mut target_schema = target
                .field("properties")
                .as_object()
                .cloned()
                .unwrap_or_default();
            target_schema.insert(synced_name.clone(), synced);
            target.data["properties"] = Value::Object(target_schema);
            nodes::update(tx, &target)?;
        }
        if let Some(entry) = schema.get_mut(&dual.property_name) {
            entry["relation"]["dual_property"] = json!({
                "synced_property_name": synced_name,
                "synced_property_id": synced_id
            });
        }
    }
    Ok(())
}

/// After page `page_id` changed relation values under a dual relation `config`, mirror the change
/// on the related pages' synced property.
pub(crate) fn sync(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    page_id: &str,
    config: &Value,
    old: &[String],
    new: &[String],
) -> Result<(), ApiError> {
    if config.get("type").and_then(Value::as_str) != Some("dual_property") {
        return Ok(());
    }
    let Some(synced_id) = config
        .get("dual_property")
        .and_then(|d| d.get("synced_property_id"))
        .and_then(Value::as_str)
    else {
        return Ok(());
    };
    let now = time::now();
    let added = new.iter().filter(|id| !old.contains(id));
    let removed = old.iter().filter(|id| !new.contains(id));
    for (other, add) in added
        .map(|id| (id, true))
        .chain(removed.map(|id| (id, false)))
    {
        let Some(mut node) = nodes::get(tx, other)? else {
            continue;
        };
        if node.kind != "page" {
            continue;
        }
        let list = node
            .data
            .get("properties")
            .and_then(|p| p.get(synced_id))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut ids: Vec<Value> = list
            .into_iter()
            .filter(|v| v.get("id").and_then(Value::as_str) != Some(page_id))
            .collect();
        if add {
            ids.push(json!({"id": page_id}));
        }
        if !node.data["properties"].is_object() {
            node.data["properties"] = json!({});
        }
        node.data["properties"][synced_id] = Value::Array(ids);
        node.last_edited_time = now.clone();
        node.last_edited_by = ctx.user_id().to_owned();
        nodes::update(tx, &node)?;
    }
    Ok(())
}

/// The related page ids stored for one property.
pub(crate) fn ids_of(stored: Option<&Value>) -> Vec<String> {
    stored
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
