//! File objects (icons, covers, media blocks, `files` properties) and the signed URLs the emulator
//! serves uploaded files under.

use std::hash::{Hash, Hasher};

use rusqlite::{OptionalExtension, Transaction};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::state::Ctx;
use crate::wire::{ids, time};

/// How long a signed file URL stays valid.
pub(crate) const URL_LIFETIME_SECONDS: i64 = 3600;

/// Validates a request file object (`external`, `file_upload`, `emoji` ...) and returns its stored form.
///
/// An attached upload is stored as `{"type":"file","file":{"file_upload_id","name"}}` and turned
/// into a signed URL at every read.
pub(crate) fn normalize(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    value: &Value,
    path: &str,
    allow_emoji: bool,
) -> Result<Value, ApiError> {
    let Some(obj) = value.as_object() else {
        return Err(ApiError::expected(path, "an object", value));
    };
    let kind = obj
        .get("type")
        .and_then(Value::as_str)
        .or_else(|| {
            [
                "external",
                "file_upload",
                "emoji",
                "file",
                "custom_emoji",
                "icon",
            ]
            .into_iter()
            .find(|k| obj.contains_key(*k))
        })
        .ok_or_else(|| ApiError::missing(&format!("{path}.external")))?;
    match kind {
        "external" => {
            let url_path = format!("{path}.external.url");
            let url = obj
                .get("external")
                .and_then(|e| e.get("url"))
                .and_then(Value::as_str)
                .ok_or_else(|| ApiError::missing(&url_path))?;
            check_url(url, &url_path)?;
            Ok(json!({"type": "external", "external": {"url": url}}))
        }
        "file_upload" => {
            let id_path = format!("{path}.file_upload.id");
            let raw = obj
                .get("file_upload")
                .and_then(|e| e.get("id"))
                .and_then(Value::as_str)
                .ok_or_else(|| ApiError::missing(&id_path))?;
            let id = ids::parse(raw).ok_or_else(|| {
                ApiError::expected(&id_path, "a valid uuid", &Value::String(raw.to_owned()))
            })?;
            let row: Option<(String, String)> = tx
                .prepare_cached("SELECT status, data FROM file_uploads WHERE id = ?1")?
                .query_row([&id], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?;
            let Some((status, data)) = row else {
                return Err(ApiError::validation(format!(
                    "Could not find file upload with ID: {id}."
                )));
            };
            if status != "uploaded" {
                return Err(ApiError::validation(format!(
                    "File upload with ID: {id} is in status `{status}` and cannot be attached; it must be `uploaded`."
                )));
            }
            let mut data: Value = serde_json::from_str(&data)?;
            data["expiry_time"] = Value::Null;
            tx.prepare_cached("UPDATE file_uploads SET data = ?2 WHERE id = ?1")?
                .execute([&id, &data.to_string()])
                .map(crate::store::touched::no_rows)?;
            let name = data.get("filename").cloned().unwrap_or(Value::Null);
            let _ = ctx;
            Ok(json!({"type": "file", "file": {"file_upload_id": id, "name": name}}))
        }
        "emoji" if allow_emoji => {
            let emoji = obj.get("emoji").cloned().unwrap_or(Value::Null);
            if !emoji.is_string() {
                return Err(ApiError::expected(
                    &format!("{path}.emoji"),
                    "a string",
                    &emoji,
                ));
            }
            Ok(json!({"type": "emoji", "emoji": emoji}))
        }
        "custom_emoji" | "icon" if allow_emoji => {
            let payload = obj.get(kind).cloned().unwrap_or(Value::Null);
            Ok(json!({"type": kind, kind: payload}))
        }
        "file" => {
            // Re-sending a file object read earlier keeps it as it was.
            let file = obj.get("file").cloned().unwrap_or(Value::Null);
            Ok(json!({"type": "file", "file": file}))
        }
        other => Err(ApiError::expected(
            &format!("{path}.type"),
            "`\"external\"` or `\"file_upload\"`",
            &Value::String(other.to_owned()),
        )),
    }
}

/// Checks the 2000-character URL limit.
pub(crate) fn check_url(url: &str, path: &str) -> Result<(), ApiError> {
    let len = url.chars().count();
    if len > crate::wire::rich_text::MAX_TEXT {
        return Err(ApiError::too_long(
            path,
            crate::wire::rich_text::MAX_TEXT,
            len,
        ));
    }
    Ok(())
}

/// Replaces stored upload references inside `value` by signed, expiring URLs.
pub(crate) fn resolve(ctx: &Ctx, value: &mut Value) {
    match value {
        Value::Object(map) => {
            let upload = map
                .get("file")
                .and_then(|f| f.get("file_upload_id"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            if let Some(id) = upload {
                let name = map
                    .get("file")
                    .and_then(|f| f.get("name"))
                    .and_then(Value::as_str)
                    .unwrap_or("file")
                    .to_owned();
                let expires = time::unix_now() + URL_LIFETIME_SECONDS;
                let url = signed_url(ctx, &id, &name, expires);
                let expiry = jiff::Timestamp::from_second(expires)
                    .map(|t| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
                    .unwrap_or_default();
                map.insert("file".into(), json!({"url": url, "expiry_time": expiry}));
            } else {
                for child in map.values_mut() {
                    resolve(ctx, child);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                resolve(ctx, item);
            }
        }
        _ => {}
    }
}

fn signed_url(ctx: &Ctx, id: &str, name: &str, expires: i64) -> String {
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!(
        "{}/_emulator/files/{id}/{encoded}?expires={expires}&sig={}",
        ctx.base_url,
        signature(&ctx.file_secret, id, expires)
    )
}

/// The signature of a file URL: a keyed hash of the upload id and expiry.
pub(crate) fn signature(secret: &str, id: &str, expires: i64) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    secret.hash(&mut hasher);
    id.hash(&mut hasher);
    expires.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}
