//! Page property values: request values checked against the schema and turned into stored values
//! (keyed by property id).

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::schema::{check_option_name, find_name};
use crate::props::{COLORS, READ_ONLY, relations};
use crate::state::Ctx;
use crate::wire::{files, ids, rich_text};

/// A relation value that changed, for dual-relation syncing.
#[derive(Debug, Clone)]
pub(crate) struct RelationChange {
    pub(crate) config: Value,
    pub(crate) old: Vec<String>,
    pub(crate) new: Vec<String>,
}

/// Most items of a people, relation or multi-select value per request.
const MAX_ITEMS: usize = 100;
/// Longest email and phone number.
const MAX_SHORT: usize = 200;

/// Writes `request` (`body.properties`) into `stored`; may add select options to `schema`.
pub(crate) fn apply(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    schema: &mut Map<String, Value>,
    stored: &mut Map<String, Value>,
    request: &Map<String, Value>,
) -> Result<Vec<RelationChange>, ApiError> {
    let mut changes = Vec::new();
    for (key, value) in request {
        let Some(name) = find_name(schema, key) else {
            return Err(ApiError::validation(format!(
                "{key} is not a property that exists."
            )));
        };
        let config = schema[&name].clone();
        let kind = config
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let id = config
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if READ_ONLY.contains(&kind.as_str()) {
            return Err(ApiError::validation(format!(
                "{name} is a {kind} property and cannot be set through the API."
            )));
        }
        let payload = match value {
            Value::Object(map) if map.contains_key(&kind) => map[&kind].clone(),
            Value::Array(_)
                if matches!(
                    kind.as_str(),
                    "title" | "rich_text" | "people" | "relation" | "multi_select" | "files"
                ) =>
            {
                value.clone()
            }
            _ => {
                return Err(ApiError::validation(format!(
                    "{name} is expected to be {kind}."
                )));
            }
        };
        let path = format!("body.properties.{name}.{kind}");
        let new_value = convert(tx, ctx, schema, &name, &kind, &payload, &path)?;
        if kind == "relation" {
            let old = relations::ids_of(stored.get(&id));
            let new = relations::ids_of(Some(&new_value));
            changes.push(RelationChange {
                config: config.get("relation").cloned().unwrap_or(Value::Null),
                old,
                new,
            });
        }
        stored.insert(id, new_value);
    }
    Ok(changes)
}

fn convert(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    schema: &mut Map<String, Value>,
    name: &str,
    kind: &str,
    payload: &Value,
    path: &str,
) -> Result<Value, ApiError> {
    Ok(match kind {
        "title" | "rich_text" => Value::Array(rich_text::normalize(tx, payload, path)?),
        "number" => match payload {
            Value::Null | Value::Number(_) => payload.clone(),
            other => return Err(ApiError::expected(path, "a number or `null`", other)),
        },
        "checkbox" => match payload {
            Value::Bool(_) => payload.clone(),
            other => return Err(ApiError::expected(path, "a boolean", other)),
        },
        "url" => short_string(payload, path, rich_text::MAX_TEXT)?,
        "email" | "phone_number" => short_string(payload, path, MAX_SHORT)?,
        "select" => match payload {
            Value::Null => Value::Null,
            other => option(schema, name, "select", other, path, true)?,
        },
        "status" => match payload {
            Value::Null => Value::Null,
            other => option(schema, name, "status", other, path, false)?,
        },
        "multi_select" => {
            let items = array(payload, path)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let chosen = option(
                    schema,
                    name,
                    "multi_select",
                    item,
                    &format!("{path}[{i}]"),
                    true,
                )?;
                if !out.contains(&chosen) {
                    out.push(chosen);
                }
            }
            Value::Array(out)
        }
        "date" => match payload {
            Value::Null => Value::Null,
            Value::Object(map) => {
                let start = map
                    .get("start")
                    .and_then(Value::as_str)
                    .ok_or_else(|| ApiError::missing(&format!("{path}.start")))?;
                check_date(start, &format!("{path}.start"))?;
                let end = map.get("end").cloned().unwrap_or(Value::Null);
                if let Some(end) = end.as_str() {
                    check_date(end, &format!("{path}.end"))?;
                }
                let tz = map.get("time_zone").cloned().unwrap_or(Value::Null);
                json!({"start": start, "end": end, "time_zone": tz})
            }
            other => return Err(ApiError::expected(path, "an object or `null`", other)),
        },
        "people" => {
            let items = array(payload, path)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let id = crate::store::access::body_id(item.get("id"), &format!("{path}[{i}].id"))?;
                out.push(json!({"object": "user", "id": id}));
            }
            Value::Array(out)
        }
        "relation" => {
            let items = array(payload, path)?;
            let mut out: Vec<Value> = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let id = crate::store::access::body_id(item.get("id"), &format!("{path}[{i}].id"))?;
                let entry = json!({"id": id});
                if !out.contains(&entry) {
                    out.push(entry);
                }
            }
            Value::Array(out)
        }
        "files" => {
            let items = array(payload, path)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                let mut file = files::normalize(tx, ctx, item, &item_path, false)?;
                let name = item
                    .get("name")
                    .cloned()
                    .or_else(|| file.get("file").and_then(|f| f.get("name")).cloned())
                    .or_else(|| file.get("external").and_then(|e| e.get("url")).cloned())
                    .unwrap_or_else(|| json!("file"));
                if let Value::Object(map) = &mut file {
                    let mut ordered = Map::new();
                    ordered.insert("name".into(), name);
                    ordered.extend(std::mem::take(map));
                    *map = ordered;
                }
                out.push(file);
            }
            Value::Array(out)
        }
        _ => payload.clone(),
    })
}

fn array<'a>(payload: &'a Value, path: &str) -> Result<&'a Vec<Value>, ApiError> {
    let Some(items) = payload.as_array() else {
        return Err(ApiError::expected(path, "an array", payload));
    };
    if items.len() > MAX_ITEMS {
        return Err(ApiError::too_long(path, MAX_ITEMS, items.len()));
    }
    Ok(items)
}

fn short_string(payload: &Value, path: &str, max: usize) -> Result<Value, ApiError> {
    match payload {
        Value::Null => Ok(Value::Null),
        Value::String(s) => {
            let len = s.chars().count();
            if len > max {
                return Err(ApiError::too_long(path, max, len));
            }
            if s.is_empty() {
                return Err(ApiError::validation(format!(
                    "body failed validation: {path} should be populated or `null`, instead was `\"\"`."
                )));
            }
            Ok(payload.clone())
        }
        other => Err(ApiError::expected(path, "a string or `null`", other)),
    }
}

fn check_date(text: &str, path: &str) -> Result<(), ApiError> {
    let ok = text.parse::<jiff::civil::Date>().is_ok()
        || text.parse::<jiff::Timestamp>().is_ok()
        || text.parse::<jiff::civil::DateTime>().is_ok();
    if ok {
        Ok(())
    } else {
        Err(ApiError::expected(
            path,
            "a valid ISO 8601 date string",
            &Value::String(text.to_owned()),
        ))
    }
}

/// Resolves a select / multi-select / status option by name or id; unknown select names are
/// added to the schema.
fn option(
    schema: &mut Map<String, Value>,
    name: &str,
    kind: &str,
    item: &Value,
    path: &str,
    may_add: bool,
) -> Result<Value, ApiError> {
    let Some(obj) = item.as_object() else {
        return Err(ApiError::expected(path, "an object", item));
    };
    let options = schema[name][kind]["options"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let found = if let Some(id) = obj.get("id").and_then(Value::as_str) {
        options
            .iter()
            .find(|o| o.get("id").and_then(Value::as_str) == Some(id))
            .cloned()
            .ok_or_else(|| {
                ApiError::validation(format!("Invalid {kind} option id: {id} for {name}."))
            })?
    } else if let Some(option_name) = obj.get("name").and_then(Value::as_str) {
        check_option_name(option_name, &format!("{path}.name"))?;
        match options
            .iter()
            .find(|o| o.get("name").and_then(Value::as_str) == Some(option_name))
        {
            Some(found) => found.clone(),
            None if may_add => {
                let color = obj
                    .get("color")
                    .cloned()
                    .unwrap_or_else(|| json!(COLORS[options.len() % COLORS.len()]));
                let created = json!({"id": ids::new_id(), "name": option_name, "color": color, "description": null});
                if let Some(list) = schema[name][kind]["options"].as_array_mut() {
                    list.push(created.clone());
                } else {
                    schema[name][kind]["options"] = json!([created.clone()]);
                }
                created
            }
            None => {
                return Err(ApiError::validation(format!(
                    "Invalid status option. Status option \"{option_name}\" does not exist."
                )));
            }
        }
    } else {
        return Err(ApiError::missing(&format!("{path}.name")));
    };
    Ok(json!({"id": found["id"], "name": found["name"], "color": found["color"]}))
}

/// Stored defaults of a new page in a data source: the default status, unique ids.
pub(crate) fn defaults_for_new_page(
    schema: &Map<String, Value>,
    stored: &mut Map<String, Value>,
    counters: &mut Map<String, Value>,
) {
    for config in schema.values() {
        let id = config.get("id").and_then(Value::as_str).unwrap_or_default();
        match config.get("type").and_then(Value::as_str) {
            Some("status") if !stored.contains_key(id) => {
                if let Some(first) = config["status"]["options"].get(0) {
                    stored.insert(
                        id.to_owned(),
                        json!({"id": first["id"], "name": first["name"], "color": first["color"]}),
                    );
                }
            }
            Some("unique_id") => {
                let next = counters.get(id).and_then(Value::as_i64).unwrap_or(0) + 1;
                counters.insert(id.to_owned(), json!(next));
                stored.insert(id.to_owned(), json!({"number": next}));
            }
            _ => {}
        }
    }
}
