//! Paginated lists: `page_size`, opaque cursors and the list envelope.

use serde_json::{Map, Value, json};

use crate::error::ApiError;

/// Where a request wants to start and how many items it wants.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageRequest {
    pub(crate) offset: usize,
    pub(crate) page_size: usize,
}

impl PageRequest {
    /// From a JSON body (`start_cursor`, `page_size`); `where_` is `body` or `query` for messages.
    pub(crate) fn from_json(body: &Value, where_: &str) -> Result<Self, ApiError> {
        let page_size = match body.get("page_size") {
            None | Some(Value::Null) => 100,
            Some(value) => page_size(value, where_)?,
        };
        let offset = match body.get("start_cursor") {
            None | Some(Value::Null) => 0,
            Some(Value::String(cursor)) => decode_cursor(cursor)?,
            Some(other) => {
                return Err(ApiError::expected(
                    &format!("{where_}.start_cursor"),
                    "a string",
                    other,
                ));
            }
        };
        Ok(Self { offset, page_size })
    }

    /// From query-string parameters.
    pub(crate) fn from_query(
        start_cursor: Option<&str>,
        page_size_raw: Option<&str>,
    ) -> Result<Self, ApiError> {
        let mut body = Map::new();
        if let Some(cursor) = start_cursor {
            body.insert("start_cursor".into(), Value::String(cursor.to_owned()));
        }
        if let Some(raw) = page_size_raw {
            let value = raw
                .parse::<i64>()
                .map(Value::from)
                .unwrap_or_else(|_| Value::String(raw.to_owned()));
            body.insert("page_size".into(), value);
        }
        Self::from_json(&Value::Object(body), "query")
    }
}

fn page_size(value: &Value, where_: &str) -> Result<usize, ApiError> {
    let path = format!("{where_}.page_size");
    let Some(n) = value.as_i64() else {
        return Err(ApiError::validation(format!(
            "{where_} failed validation: {path} should be a number, instead was `{}`.",
            crate::error::preview(value)
        )));
    };
    if n < 1 {
        return Err(ApiError::validation(format!(
            "{where_} failed validation: {path} should be ≥ `1`, instead was `{n}`."
        )));
    }
    if n > 100 {
        return Err(ApiError::validation(format!(
            "{where_} failed validation: {path} should be ≤ `100`, instead was `{n}`."
        )));
    }
    Ok(usize::try_from(n).unwrap_or(100))
}

/// An opaque cursor for position `offset` (the id is only there to make it look like Notion's).
pub(crate) fn encode_cursor(offset: usize, next_id: &str) -> String {
    format!("{offset:x}-{}", next_id.replace('-', ""))
}

fn decode_cursor(cursor: &str) -> Result<usize, ApiError> {
    cursor
        .split_once('-')
        .and_then(|(offset, _)| usize::from_str_radix(offset, 16).ok())
        .ok_or_else(|| {
            ApiError::validation(format!("The start_cursor provided is invalid: {cursor}"))
        })
}

/// One page of `items` with Notion's list envelope (`type` and the empty typed object).
pub(crate) fn envelope(items: Vec<Value>, page: PageRequest, kind: &str) -> Value {
    let total = items.len();
    let ids: Vec<String> = items
        .iter()
        .map(|v| {
            v.get("id")
                .and_then(Value::as_str)
                .unwrap_or("0")
                .to_owned()
        })
        .collect();
    let end = (page.offset + page.page_size).min(total);
    let results: Vec<Value> = items
        .into_iter()
        .skip(page.offset)
        .take(page.page_size)
        .collect();
    let has_more = end < total;
    let next_cursor = if has_more {
        Value::String(encode_cursor(end, &ids[end]))
    } else {
        Value::Null
    };
    list_value(results, next_cursor, has_more, kind)
}

/// The envelope for an already-sliced page.
pub(crate) fn list_value(
    results: Vec<Value>,
    next_cursor: Value,
    has_more: bool,
    kind: &str,
) -> Value {
    let mut map = Map::new();
    map.insert("object".into(), json!("list"));
    map.insert("results".into(), Value::Array(results));
    map.insert("next_cursor".into(), next_cursor);
    map.insert("has_more".into(), Value::Bool(has_more));
    map.insert("type".into(), json!(kind));
    map.insert(kind.into(), json!({}));
    Value::Object(map)
}
