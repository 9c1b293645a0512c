//! Request block trees: array and nesting limits, block counts, column and table rules.

use rusqlite::Transaction;
use serde_json::Value;

use crate::content::payload::{self, BLOCK_TYPES};
use crate::error::ApiError;
use crate::state::Ctx;
use crate::wire::rich_text::MAX_ARRAY;

/// Most block elements in one request.
pub(crate) const MAX_BLOCKS: usize = 1000;
/// Nested `children` arrays allowed below the top-level one.
pub(crate) const MAX_NESTING: usize = 2;

/// A block to create, with its children.
#[derive(Debug, Clone)]
pub(crate) struct NewBlock {
    pub(crate) kind: String,
    pub(crate) payload: Value,
    pub(crate) children: Vec<NewBlock>,
}

/// Parses the top-level `children` array at `path` (e.g. `body.children`).
pub(crate) fn parse_children(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    value: &Value,
    path: &str,
) -> Result<Vec<NewBlock>, ApiError> {
    let mut count = 0;
    let blocks = parse_level(tx, ctx, value, path, 0, &mut count)?;
    if count > MAX_BLOCKS {
        return Err(ApiError::validation(format!(
            "body failed validation: the request should contain ≤ `{MAX_BLOCKS}` blocks, instead was `{count}`."
        )));
    }
    Ok(blocks)
}

fn parse_level(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    value: &Value,
    path: &str,
    depth: usize,
    count: &mut usize,
) -> Result<Vec<NewBlock>, ApiError> {
    let Some(items) = value.as_array() else {
        return Err(ApiError::expected(path, "an array", value));
    };
    if items.len() > MAX_ARRAY {
        return Err(ApiError::too_long(path, MAX_ARRAY, items.len()));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        *count += 1;
        out.push(parse_block(
            tx,
            ctx,
            item,
            &format!("{path}[{i}]"),
            depth,
            count,
        )?);
    }
    Ok(out)
}

fn parse_block(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    item: &Value,
    path: &str,
    depth: usize,
    count: &mut usize,
) -> Result<NewBlock, ApiError> {
    let Some(obj) = item.as_object() else {
        return Err(ApiError::expected(path, "an object", item));
    };
    let requested = obj
        .get("type")
        .and_then(Value::as_str)
        .or_else(|| BLOCK_TYPES.into_iter().find(|t| obj.contains_key(*t)))
        .ok_or_else(|| ApiError::missing(&format!("{path}.paragraph")))?;
    let kind = match requested {
        "transcription" if !ctx.version.has_archived() => {
            return Err(ApiError::not_present(
                &format!("{path}.transcription"),
                &obj["transcription"],
            ));
        }
        "transcription" => "meeting_notes",
        other => other,
    };
    if !BLOCK_TYPES.contains(&kind) {
        return Err(ApiError::expected(
            &format!("{path}.type"),
            "a supported block type",
            &Value::String(requested.to_owned()),
        ));
    }
    let type_path = format!("{path}.{requested}");
    let mut body = match obj.get(requested) {
        Some(Value::Object(map)) => map.clone(),
        Some(other) => return Err(ApiError::expected(&type_path, "an object", other)),
        None => return Err(ApiError::missing(&type_path)),
    };
    let children_value = body
        .remove("children")
        .or_else(|| obj.get("children").cloned());
    let children = match children_value {
        None | Some(Value::Null) => Vec::new(),
        Some(value) => {
            let children_path = format!("{type_path}.children");
            if depth >= MAX_NESTING {
                return Err(ApiError::not_present(&children_path, &value));
            }
            parse_level(tx, ctx, &value, &children_path, depth + 1, count)?
        }
    };
    let payload = payload::normalize(tx, ctx, kind, &body, &type_path)?;
    check_structure(kind, &payload, &children, &type_path)?;
    Ok(NewBlock {
        kind: kind.to_owned(),
        payload,
        children,
    })
}

/// Column lists hold only columns (at least two); tables hold only rows of `table_width` cells.
fn check_structure(
    kind: &str,
    payload: &Value,
    children: &[NewBlock],
    path: &str,
) -> Result<(), ApiError> {
    match kind {
        "column_list" => {
            for (i, child) in children.iter().enumerate() {
                if child.kind != "column" {
                    return Err(ApiError::validation(format!(
                        "body failed validation: {path}.children[{i}].column should be defined, instead was `undefined`."
                    )));
                }
            }
            if children.len() < 2 {
                return Err(ApiError::validation(format!(
                    "body failed validation: {path}.children.length should be ≥ `2`, instead was `{}`.",
                    children.len()
                )));
            }
        }
        "table" => {
            let width = payload["table_width"].as_u64().unwrap_or(0) as usize;
            for (i, child) in children.iter().enumerate() {
                if child.kind != "table_row" {
                    return Err(ApiError::validation(format!(
                        "body failed validation: {path}.children[{i}].table_row should be defined, instead was `undefined`."
                    )));
                }
                let cells = child.payload["cells"].as_array().map_or(0, Vec::len);
                if cells != width {
                    return Err(ApiError::validation(format!(
                        "Number of cells in table row must match the table width of {width}, instead was {cells}."
                    )));
                }
            }
        }
        _ if !children.is_empty() && !payload::takes_children(kind) => {
            return Err(ApiError::validation(format!(
                "body failed validation: {path}.children should be not present, instead was `[...]`."
            )));
        }
        _ => {}
    }
    Ok(())
}
