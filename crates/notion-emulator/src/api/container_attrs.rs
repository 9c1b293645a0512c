//! The attributes databases and data sources share on update (`in_trash`/`archived`,
//! `title`, `description`, `icon`) and the readers of their text and file fields.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::api::archived_error;
use crate::error::ApiError;
use crate::state::Ctx;
use crate::store::nodes::Node;
use crate::wire::{body, files, rich_text};

/// Applies the shared attributes of an update `body` to `node`: the trash flag (a trashed
/// container only accepts being restored or re-trashed), then title, description and icon.
pub(crate) fn apply_update(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    body: &Map<String, Value>,
    node: &mut Node,
) -> Result<(), ApiError> {
    let trash = body::trash_flag(body, ctx.version)?;
    if trash != Some(false)
        && node.in_trash
        && body.keys().any(|k| k != "in_trash" && k != "archived")
    {
        return Err(archived_error());
    }
    if let Some(trash) = trash {
        node.in_trash = trash;
    }
    if body.contains_key("title") {
        let title = text_field(tx, body, "title")?;
        node.title = rich_text::plain_text(&title).to_lowercase();
        node.data["title"] = title;
    }
    if body.contains_key("description") {
        node.data["description"] = text_field(tx, body, "description")?;
    }
    if body.contains_key("icon") {
        node.data["icon"] = file_field(tx, ctx, body, "icon", true)?;
    }
    Ok(())
}

/// `body[key]` as normalised rich text (`[]` when absent or null).
pub(crate) fn text_field(
    tx: &Transaction<'_>,
    body: &Map<String, Value>,
    key: &str,
) -> Result<Value, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(json!([])),
        Some(value) => Ok(Value::Array(rich_text::normalize(
            tx,
            value,
            &format!("body.{key}"),
        )?)),
    }
}

/// `body[key]` as a normalised file object (`null` when absent or null).
pub(crate) fn file_field(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    body: &Map<String, Value>,
    key: &str,
    allow_emoji: bool,
) -> Result<Value, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(Value::Null),
        Some(value) => files::normalize(tx, ctx, value, &format!("body.{key}"), allow_emoji),
    }
}
