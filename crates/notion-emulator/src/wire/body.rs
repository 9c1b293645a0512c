//! Request bodies: JSON parsing, the 500 KB cap and version-specific keys.

use bytes::Bytes;
use notion_model::version::ApiVersion;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// Largest body Notion accepts.
pub(crate) const MAX_BODY_BYTES: usize = 500 * 1000;

/// Parses a JSON object body; an empty body is `{}`.
pub(crate) fn parse(bytes: &Bytes) -> Result<Map<String, Value>, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    if bytes.len() > MAX_BODY_BYTES {
        return Err(ApiError::validation(format!(
            "Request body too large: it should be ≤ `{MAX_BODY_BYTES}` bytes, instead was `{}`.",
            bytes.len()
        )));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::expected("body", "an object", &other)),
        Err(_) => Err(ApiError::invalid_json()),
    }
}

/// Reads the trash flag of an update body: `in_trash`, or the `archived` alias before 2026-03-11.
pub(crate) fn trash_flag(
    body: &Map<String, Value>,
    version: ApiVersion,
) -> Result<Option<bool>, ApiError> {
    if let Some(archived) = body.get("archived") {
        if !version.has_archived() {
            return Err(ApiError::not_present("body.archived", archived));
        }
        if body.get("in_trash").is_none() {
            return bool_field(body, "archived");
        }
    }
    bool_field(body, "in_trash")
}

/// An optional boolean field.
pub(crate) fn bool_field(body: &Map<String, Value>, key: &str) -> Result<Option<bool>, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(ApiError::expected(
            &format!("body.{key}"),
            "a boolean",
            other,
        )),
    }
}

/// A required object field.
pub(crate) fn object_field<'a>(
    body: &'a Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<&'a Map<String, Value>, ApiError> {
    match body.get(key) {
        None => Err(ApiError::missing(&format!("{path}.{key}"))),
        Some(Value::Object(map)) => Ok(map),
        Some(other) => Err(ApiError::expected(
            &format!("{path}.{key}"),
            "an object",
            other,
        )),
    }
}
