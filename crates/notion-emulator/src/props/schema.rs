//! Data-source schemas: creating and updating property configurations.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::{COLORS, TYPES, rollup_config};
use crate::state::Ctx;
use crate::store::nodes;
use crate::wire::ids;

/// A dual relation whose synced property must be created on another data source.
#[derive(Debug, Clone)]
pub(crate) struct PendingDual {
    pub(crate) property_name: String,
    pub(crate) property_id: String,
    pub(crate) target_data_source_id: String,
    pub(crate) synced_name: Option<String>,
}

/// The property type a request config names (`type` or the first type key).
pub(crate) fn requested_type(config: &Map<String, Value>) -> Option<&str> {
    if let Some(t) = config.get("type").and_then(Value::as_str) {
        return Some(t);
    }
    TYPES.into_iter().find(|t| config.contains_key(*t))
}

/// Builds a new schema from a request's `properties` (creation of a data source or database).
pub(crate) fn create(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    props: &Map<String, Value>,
    path: &str,
    self_id: &str,
) -> Result<(Map<String, Value>, Vec<PendingDual>), ApiError> {
    let mut schema = Map::new();
    let mut duals = Vec::new();
    for (name, config) in props {
        let prop_path = format!("{path}.{name}");
        let Some(config) = config.as_object() else {
            return Err(ApiError::expected(&prop_path, "an object", config));
        };
        let kind = requested_type(config).ok_or_else(|| {
            ApiError::validation(format!(
                "body failed validation: {prop_path} should have a property type, instead was `{}`.",
                crate::error::preview(&Value::Object(config.clone()))
            ))
        })?;
        let id = if kind == "title" {
            "title".to_owned()
        } else {
            ids::new_property_id()
        };
        let built = build(
            tx, ctx, name, &id, kind, config, &prop_path, self_id, None, &mut duals,
        )?;
        schema.insert(name.clone(), built);
    }
    let titles = schema
        .values()
        .filter(|c| c.get("type").and_then(Value::as_str) == Some("title"))
        .count();
    if titles != 1 {
        return Err(ApiError::validation(
            "Exactly one property must be of type title.".to_owned(),
        ));
    }
    rollup_config::pin_ids(tx, self_id, &mut schema)?;
    Ok((schema, duals))
}

/// Applies a `properties` update: add, reconfigure, rename (`{"name"}`) or delete (`null`).
pub(crate) fn update(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    schema: &mut Map<String, Value>,
    changes: &Map<String, Value>,
    path: &str,
    self_id: &str,
) -> Result<Vec<PendingDual>, ApiError> {
    let mut duals = Vec::new();
    for (key, change) in changes {
        let prop_path = format!("{path}.{key}");
        let existing_name = find_name(schema, key);
        match (existing_name, change) {
            (Some(name), Value::Null) => {
                if schema[&name].get("type").and_then(Value::as_str) == Some("title") {
                    return Err(ApiError::validation(
                        "Cannot delete the title property.".to_owned(),
                    ));
                }
                schema.shift_remove(&name);
            }
            (None, Value::Null) => {
                return Err(ApiError::validation(format!(
                    "{key} is not a property that exists."
                )));
            }
            (existing, Value::Object(config)) => {
                let (old_name, old) = match &existing {
                    Some(name) => (name.clone(), schema.get(name).cloned()),
                    None => (key.clone(), None),
                };
                let new_name = config
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or_else(|| old_name.clone(), str::to_owned);
                let kind = requested_type(config)
                    .map(str::to_owned)
                    .or_else(|| {
                        old.as_ref()
                            .and_then(|o| o.get("type").and_then(Value::as_str).map(str::to_owned))
                    })
                    .ok_or_else(|| ApiError::missing(&format!("{prop_path}.type")))?;
                if old.is_none() && kind == "title" {
                    return Err(ApiError::validation(
                        "A data source can have only one title property.".to_owned(),
                    ));
                }
                let id = old
                    .as_ref()
                    .and_then(|o| o.get("id").and_then(Value::as_str).map(str::to_owned))
                    .unwrap_or_else(ids::new_property_id);
                let mut merged = config.clone();
                if requested_type(config).is_none()
                    && let Some(old) = &old
                {
                    merged.insert(kind.clone(), old.get(&kind).cloned().unwrap_or(json!({})));
                }
                let mut built = build(
                    tx,
                    ctx,
                    &new_name,
                    &id,
                    &kind,
                    &merged,
                    &prop_path,
                    self_id,
                    old.as_ref(),
                    &mut duals,
                )?;
                if let (Some(desc), Some(obj)) = (config.get("description"), built.as_object_mut())
                {
                    obj.insert("description".into(), desc.clone());
                } else if let (Some(old), Some(obj)) = (&old, built.as_object_mut()) {
                    obj.insert(
                        "description".into(),
                        old.get("description").cloned().unwrap_or(Value::Null),
                    );
                }
                if new_name != old_name {
                    rename_key(schema, &old_name, &new_name, built);
                } else {
                    schema.insert(new_name, built);
                }
            }
            (_, other) => return Err(ApiError::expected(&prop_path, "an object or `null`", other)),
        }
    }
    rollup_config::pin_ids(tx, self_id, schema)?;
    Ok(duals)
}

/// A schema entry found by name or by id.
pub(crate) fn find_name(schema: &Map<String, Value>, key: &str) -> Option<String> {
    if schema.contains_key(key) {
        return Some(key.to_owned());
    }
    let decoded = percent_decode(key);
    schema
        .iter()
        .find(|(_, c)| {
            let id = c.get("id").and_then(Value::as_str);
            id == Some(key) || id == Some(decoded.as_str())
        })
        .map(|(name, _)| name.clone())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

fn rename_key(schema: &mut Map<String, Value>, old: &str, new: &str, value: Value) {
    let entries: Vec<(String, Value)> = std::mem::take(schema).into_iter().collect();
    for (k, v) in entries {
        if k == old {
            let mut value = value.clone();
            value["name"] = Value::String(new.to_owned());
            schema.insert(new.to_owned(), value);
        } else {
            schema.insert(k, v);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    name: &str,
    id: &str,
    kind: &str,
    config: &Map<String, Value>,
    path: &str,
    self_id: &str,
    old: Option<&Value>,
    duals: &mut Vec<PendingDual>,
) -> Result<Value, ApiError> {
    if !TYPES.contains(&kind) {
        return Err(ApiError::expected(
            &format!("{path}.type"),
            "a supported property type",
            &Value::String(kind.to_owned()),
        ));
    }
    let given = config.get(kind).cloned().unwrap_or(json!({}));
    let type_config = match kind {
        "number" => {
            let format = given
                .get("format")
                .cloned()
                .unwrap_or_else(|| json!("number"));
            json!({"format": format})
        }
        "select" | "multi_select" => {
            let old_options = old
                .and_then(|o| o.get(kind))
                .and_then(|c| c.get("options"))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let options = match given.get("options") {
                Some(options) => {
                    normalize_options(options, &old_options, &format!("{path}.{kind}.options"))?
                }
                None => old_options,
            };
            json!({"options": options})
        }
        "status" => match old.and_then(|o| o.get("status")) {
            Some(existing) if given.get("options").is_none() => existing.clone(),
            _ => default_status(&given, path)?,
        },
        "formula" => {
            let expression = given
                .get("expression")
                .cloned()
                .unwrap_or_else(|| json!(""));
            json!({"expression": expression})
        }
        "unique_id" => {
            let prefix = given.get("prefix").cloned().unwrap_or(Value::Null);
            json!({"prefix": prefix})
        }
        "relation" => relation_config(tx, ctx, name, id, &given, path, self_id, old, duals)?,
        "rollup" => json!({
            "relation_property_name": given.get("relation_property_name").cloned().unwrap_or(Value::Null),
            "relation_property_id": given.get("relation_property_id").cloned().unwrap_or(Value::Null),
            "rollup_property_name": given.get("rollup_property_name").cloned().unwrap_or(Value::Null),
            "rollup_property_id": given.get("rollup_property_id").cloned().unwrap_or(Value::Null),
            "function": given.get("function").cloned().unwrap_or_else(|| json!("show_original")),
        }),
        _ => json!({}),
    };
    let description = config.get("description").cloned().unwrap_or(Value::Null);
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("name".into(), json!(name));
    out.insert("description".into(), description);
    out.insert("type".into(), json!(kind));
    out.insert(kind.into(), type_config);
    Ok(Value::Object(out))
}

/// Validates option names (no commas, ≤ 100 per request) and gives ids and colours.
pub(crate) fn normalize_options(
    options: &Value,
    existing: &[Value],
    path: &str,
) -> Result<Vec<Value>, ApiError> {
    let Some(items) = options.as_array() else {
        return Err(ApiError::expected(path, "an array", options));
    };
    if items.len() > 100 {
        return Err(ApiError::too_long(path, 100, items.len()));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let name = item.get("name").and_then(Value::as_str).unwrap_or_default();
        check_option_name(name, &format!("{path}[{i}].name"))?;
        let previous = existing.iter().find(|o| {
            o.get("name").and_then(Value::as_str) == Some(name)
                || (item.get("id").is_some() && o.get("id") == item.get("id"))
        });
        let color = item
            .get("color")
            .cloned()
            .or_else(|| previous.and_then(|p| p.get("color").cloned()))
            .unwrap_or_else(|| json!(COLORS[(existing.len() + i) % COLORS.len()]));
        let id = previous
            .and_then(|p| p.get("id").cloned())
            .unwrap_or_else(|| json!(ids::new_id()));
        let description = item.get("description").cloned().unwrap_or(Value::Null);
        out.push(json!({"id": id, "name": name, "color": color, "description": description}));
    }
    Ok(out)
}

/// Option names can't contain commas and are at most 100 characters.
pub(crate) fn check_option_name(name: &str, path: &str) -> Result<(), ApiError> {
    if name.contains(',') {
        return Err(ApiError::validation(format!(
            "body failed validation: {path} should not contain commas, instead was `\"{name}\"`."
        )));
    }
    let len = name.chars().count();
    if len > 100 {
        return Err(ApiError::too_long(path, 100, len));
    }
    Ok(())
}

fn default_status(given: &Value, path: &str) -> Result<Value, ApiError> {
    if let Some(options) = given.get("options") {
        let options = normalize_options(options, &[], &format!("{path}.status.options"))?;
        let ids: Vec<Value> = options
            .iter()
            .filter_map(|o| o.get("id").cloned())
            .collect();
        return Ok(json!({
            "options": options,
            "groups": [{"id": ids::new_id(), "name": "To-do", "color": "gray", "option_ids": ids}]
        }));
    }
    let not_started = ids::new_id();
    let in_progress = ids::new_id();
    let done = ids::new_id();
    Ok(json!({
        "options": [
            {"id": not_started, "name": "Not started", "color": "default", "description": null},
            {"id": in_progress, "name": "In progress", "color": "blue", "description": null},
            {"id": done, "name": "Done", "color": "green", "description": null}
        ],
        "groups": [
            {"id": ids::new_id(), "name": "To-do", "color": "gray", "option_ids": [not_started]},
            {"id": ids::new_id(), "name": "In progress", "color": "blue", "option_ids": [in_progress]},
            {"id": ids::new_id(), "name": "Complete", "color": "green", "option_ids": [done]}
        ]
    }))
}

#[allow(clippy::too_many_arguments)]
fn relation_config(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    name: &str,
    id: &str,
    given: &Value,
    path: &str,
    self_id: &str,
    old: Option<&Value>,
    duals: &mut Vec<PendingDual>,
) -> Result<Value, ApiError> {
    let rel_path = format!("{path}.relation");
    let target = if let Some(raw) = given.get("data_source_id") {
        crate::store::access::body_id(Some(raw), &format!("{rel_path}.data_source_id"))?
    } else if let Some(raw) = given.get("database_id") {
        let db = crate::store::access::body_id(Some(raw), &format!("{rel_path}.database_id"))?;
        first_data_source(tx, &db)?.unwrap_or(db)
    } else if let Some(old) = old.and_then(|o| o.get("relation")) {
        old.get("data_source_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    } else {
        return Err(ApiError::missing(&format!("{rel_path}.data_source_id")));
    };
    let target_node = if target == self_id {
        None
    } else {
        Some(crate::store::access::load(
            tx,
            ctx,
            &target,
            &["data_source"],
            "data_source",
        )?)
    };
    let database_id = target_node
        .as_ref()
        .and_then(|n| n.parent_id.clone())
        .unwrap_or_else(|| {
            nodes::parent_of(tx, self_id)
                .ok()
                .flatten()
                .and_then(|(_, p)| p)
                .unwrap_or_default()
        });
    let kind = given
        .get("type")
        .and_then(Value::as_str)
        .or_else(|| given.get("dual_property").map(|_| "dual_property"))
        .unwrap_or("single_property");
    let mut out = Map::new();
    out.insert("database_id".into(), json!(database_id));
    out.insert("data_source_id".into(), json!(target));
    out.insert("type".into(), json!(kind));
    if kind == "dual_property" {
        let existing = old
            .and_then(|o| o.get("relation"))
            .and_then(|r| r.get("dual_property"))
            .filter(|d| d.get("synced_property_id").is_some_and(|v| !v.is_null()));
        match existing {
            Some(existing) => {
                out.insert("dual_property".into(), existing.clone());
            }
            None => {
                duals.push(PendingDual {
                    property_name: name.to_owned(),
                    property_id: id.to_owned(),
                    target_data_source_id: target,
                    synced_name: given
                        .get("dual_property")
                        .and_then(|d| d.get("synced_property_name"))
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                });
                out.insert(
                    "dual_property".into(),
                    json!({"synced_property_name": null, "synced_property_id": null}),
                );
            }
        }
    } else {
        out.insert("single_property".into(), json!({}));
    }
    Ok(Value::Object(out))
}

/// The first data source of a database.
pub(crate) fn first_data_source(
    tx: &Transaction<'_>,
    database_id: &str,
) -> Result<Option<String>, ApiError> {
    Ok(nodes::by_parent(tx, database_id, "data_source")?
        .into_iter()
        .next()
        .map(|n| n.id))
}
