//! Sharing and capabilities: an object is visible when it or an ancestor is shared with the
//! integration; a missing capability is a 403.

use rusqlite::Transaction;
use serde_json::Value;

use crate::error::ApiError;
use crate::state::{Ctx, Integration};
use crate::store::nodes::{self, Node};
use crate::store::people;
use crate::wire::ids;

/// True when `id` or one of its ancestors is shared with `integration`.
pub(crate) fn visible(
    tx: &Transaction<'_>,
    integration: &Integration,
    id: &str,
) -> Result<bool, ApiError> {
    let mut current = id.to_owned();
    for _ in 0..64 {
        if people::is_shared(tx, &integration.id, &current)? {
            return Ok(true);
        }
        match nodes::parent_of(tx, &current)? {
            Some((parent_type, Some(parent))) if parent_type != "workspace" => current = parent,
            _ => return Ok(false),
        }
    }
    Ok(false)
}

/// Fails with 403 unless the integration has `capability`.
pub(crate) fn require(ctx: &Ctx, capability: &str) -> Result<(), ApiError> {
    if ctx.integration.can(capability) {
        Ok(())
    } else {
        Err(ApiError::restricted())
    }
}

/// Parses a path id (`path.<name>` in messages).
pub(crate) fn path_id(raw: &str, name: &str) -> Result<String, ApiError> {
    ids::parse(raw).ok_or_else(|| {
        ApiError::validation(format!(
            "path failed validation: path.{name} should be a valid uuid, instead was `\"{raw}\"`."
        ))
    })
}

/// Loads a visible node of one of `kinds`, else Notion's 404 naming `noun`.
pub(crate) fn load(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: &str,
    kinds: &[&str],
    noun: &str,
) -> Result<Node, ApiError> {
    let node = nodes::get(tx, id)?
        .filter(|n| kinds.contains(&n.kind.as_str()))
        .ok_or_else(|| ApiError::not_found(noun, id, &ctx.integration))?;
    if !visible(tx, &ctx.integration, &node.id)? {
        return Err(ApiError::not_found(noun, id, &ctx.integration));
    }
    Ok(node)
}

/// Loads the `kind` node (`page`, `database`, `data_source`) named by path parameter
/// `<kind>_id`: [`path_id`] then [`load`].
pub(crate) fn load_from_path(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    raw_id: &str,
    kind: &str,
) -> Result<Node, ApiError> {
    let id = path_id(raw_id, &format!("{kind}_id"))?;
    load(tx, ctx, &id, &[kind], kind)
}

/// A body id at `path` (e.g. `body.parent.page_id`).
pub(crate) fn body_id(value: Option<&Value>, path: &str) -> Result<String, ApiError> {
    match value {
        None => Err(ApiError::missing(path)),
        Some(Value::String(raw)) => ids::parse(raw)
            .ok_or_else(|| ApiError::expected(path, "a valid uuid", &Value::String(raw.clone()))),
        Some(other) => Err(ApiError::expected(path, "a string", other)),
    }
}

/// True when the node or one of its ancestors is trashed.
pub(crate) fn trashed_in_tree(tx: &Transaction<'_>, node: &Node) -> Result<bool, ApiError> {
    if node.in_trash {
        return Ok(true);
    }
    let mut parent = node.parent_id.clone();
    for _ in 0..64 {
        let Some(id) = parent else { return Ok(false) };
        let Some(n) = nodes::get(tx, &id)? else {
            return Ok(false);
        };
        if n.in_trash {
            return Ok(true);
        }
        parent = n.parent_id;
    }
    Ok(false)
}
