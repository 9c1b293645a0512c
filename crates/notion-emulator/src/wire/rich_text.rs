//! Rich text: request items in, full response items out (annotations, plain_text, href).

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::store::{nodes, people};
use crate::wire::ids;

/// Longest `text.content` and `text.link.url` Notion accepts.
pub(crate) const MAX_TEXT: usize = 2000;
/// Longest `equation.expression`.
pub(crate) const MAX_EQUATION: usize = 1000;
/// Longest array in a request.
pub(crate) const MAX_ARRAY: usize = 100;

fn default_annotations() -> Value {
    json!({"bold": false, "italic": false, "strikethrough": false, "underline": false, "code": false, "color": "default"})
}

/// A plain text item.
pub(crate) fn plain(text: &str) -> Value {
    json!({
        "type": "text",
        "text": {"content": text, "link": null},
        "annotations": default_annotations(),
        "plain_text": text,
        "href": null
    })
}

/// The concatenated `plain_text` of response items.
pub(crate) fn plain_text(items: &Value) -> String {
    items
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("plain_text").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default()
}

/// Validates and completes a request's rich text array at `path`.
pub(crate) fn normalize(
    tx: &Transaction<'_>,
    value: &Value,
    path: &str,
) -> Result<Vec<Value>, ApiError> {
    let Some(items) = value.as_array() else {
        return Err(ApiError::expected(path, "an array", value));
    };
    if items.len() > MAX_ARRAY {
        return Err(ApiError::too_long(path, MAX_ARRAY, items.len()));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| normalize_item(tx, item, &format!("{path}[{i}]")))
        .collect()
}

fn normalize_item(tx: &Transaction<'_>, item: &Value, path: &str) -> Result<Value, ApiError> {
    let Some(obj) = item.as_object() else {
        return Err(ApiError::expected(path, "an object", item));
    };
    let kind = obj
        .get("type")
        .and_then(Value::as_str)
        .or_else(|| {
            ["text", "mention", "equation"]
                .into_iter()
                .find(|k| obj.contains_key(*k))
        })
        .unwrap_or("text");
    let annotations = merge_annotations(obj.get("annotations"));
    match kind {
        "text" => text_item(obj, path, annotations),
        "equation" => {
            let expression = obj
                .get("equation")
                .and_then(|e| e.get("expression"))
                .ok_or_else(|| ApiError::missing(&format!("{path}.equation.expression")))?;
            let Some(text) = expression.as_str() else {
                return Err(ApiError::expected(
                    &format!("{path}.equation.expression"),
                    "a string",
                    expression,
                ));
            };
            let len = text.chars().count();
            if len > MAX_EQUATION {
                return Err(ApiError::too_long(
                    &format!("{path}.equation.expression"),
                    MAX_EQUATION,
                    len,
                ));
            }
            Ok(json!({
                "type": "equation", "equation": {"expression": text},
                "annotations": annotations, "plain_text": text, "href": null
            }))
        }
        "mention" => mention_item(tx, obj, path, annotations),
        other => Err(ApiError::expected(
            &format!("{path}.type"),
            "`\"text\"`, `\"mention\"`, or `\"equation\"`",
            &Value::String(other.to_owned()),
        )),
    }
}

fn text_item(obj: &Map<String, Value>, path: &str, annotations: Value) -> Result<Value, ApiError> {
    let Some(text) = obj.get("text") else {
        return Err(ApiError::missing(&format!("{path}.text")));
    };
    let content_path = format!("{path}.text.content");
    let content = match text.get("content") {
        Some(Value::String(s)) => s.as_str(),
        Some(other) => return Err(ApiError::expected(&content_path, "a string", other)),
        None => return Err(ApiError::missing(&content_path)),
    };
    let len = content.chars().count();
    if len > MAX_TEXT {
        return Err(ApiError::too_long(&content_path, MAX_TEXT, len));
    }
    let link = match text.get("link") {
        None | Some(Value::Null) => Value::Null,
        Some(link) => {
            let url_path = format!("{path}.text.link.url");
            let Some(url) = link.get("url").and_then(Value::as_str) else {
                return Err(ApiError::missing(&url_path));
            };
            let len = url.chars().count();
            if len > MAX_TEXT {
                return Err(ApiError::too_long(&url_path, MAX_TEXT, len));
            }
            json!({"url": url})
        }
    };
    let href = link.get("url").cloned().unwrap_or(Value::Null);
    Ok(json!({
        "type": "text",
        "text": {"content": content, "link": link},
        "annotations": annotations,
        "plain_text": content,
        "href": href
    }))
}

fn mention_item(
    tx: &Transaction<'_>,
    obj: &Map<String, Value>,
    path: &str,
    annotations: Value,
) -> Result<Value, ApiError> {
    let Some(mention) = obj.get("mention").and_then(Value::as_object) else {
        return Err(ApiError::missing(&format!("{path}.mention")));
    };
    let kind = mention
        .get("type")
        .and_then(Value::as_str)
        .or_else(|| {
            [
                "user",
                "page",
                "database",
                "date",
                "link_preview",
                "template_mention",
                "custom_emoji",
            ]
            .into_iter()
            .find(|k| mention.contains_key(*k))
        })
        .ok_or_else(|| ApiError::missing(&format!("{path}.mention.user")))?;
    let payload = mention.get(kind).cloned().unwrap_or(Value::Null);
    let id_of = |p: &Value| {
        p.get("id")
            .and_then(Value::as_str)
            .and_then(ids::parse)
            .ok_or_else(|| {
                ApiError::expected(
                    &format!("{path}.mention.{kind}.id"),
                    "a valid uuid",
                    p.get("id").unwrap_or(&Value::Null),
                )
            })
    };
    let (payload, plain, href) = match kind {
        "user" => {
            let id = id_of(&payload)?;
            let name = people::get_user(tx, &id)?
                .and_then(|u| {
                    u.data
                        .get("name")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| "Unknown".to_owned());
            (
                json!({"object": "user", "id": id}),
                format!("@{name}"),
                Value::Null,
            )
        }
        "page" | "database" => {
            let id = id_of(&payload)?;
            let title = nodes::get(tx, &id)?
                .map(|n| crate::render::title_of(&n))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "Untitled".to_owned());
            let href = format!("https://www.notion.so/{}", ids::simple(&id));
            (json!({"id": id}), title, Value::String(href))
        }
        "date" => {
            let start = payload
                .get("start")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let end = payload.get("end").cloned().unwrap_or(Value::Null);
            let plain = match end.as_str() {
                Some(end) => format!("{start} → {end}"),
                None => start.clone(),
            };
            let tz = payload.get("time_zone").cloned().unwrap_or(Value::Null);
            (
                json!({"start": start, "end": end, "time_zone": tz}),
                plain,
                Value::Null,
            )
        }
        "link_preview" => {
            let url = payload.get("url").cloned().unwrap_or(Value::Null);
            let plain = url.as_str().unwrap_or_default().to_owned();
            (json!({"url": url.clone()}), plain, url)
        }
        _ => (payload, String::new(), Value::Null),
    };
    let mut mention_out = Map::new();
    mention_out.insert("type".into(), Value::String(kind.to_owned()));
    mention_out.insert(kind.to_owned(), payload);
    Ok(json!({
        "type": "mention",
        "mention": mention_out,
        "annotations": annotations,
        "plain_text": plain,
        "href": href
    }))
}

fn merge_annotations(given: Option<&Value>) -> Value {
    let mut base = default_annotations();
    if let (Some(Value::Object(given)), Value::Object(base_map)) = (given, &mut base) {
        for (key, value) in given {
            if base_map.contains_key(key) {
                base_map.insert(key.clone(), value.clone());
            }
        }
    }
    base
}
