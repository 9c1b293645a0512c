//! One block's type payload: required fields, defaults and Notion's key order.

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::state::Ctx;
use crate::wire::{files, rich_text};

/// Block types a request may create (and `meeting_notes`, stored for `transcription` too).
pub(crate) const BLOCK_TYPES: [&str; 35] = [
    "paragraph",
    "heading_1",
    "heading_2",
    "heading_3",
    "heading_4",
    "bulleted_list_item",
    "numbered_list_item",
    "quote",
    "to_do",
    "toggle",
    "callout",
    "template",
    "synced_block",
    "column_list",
    "column",
    "table",
    "table_row",
    "code",
    "equation",
    "divider",
    "breadcrumb",
    "table_of_contents",
    "link_to_page",
    "embed",
    "bookmark",
    "image",
    "video",
    "pdf",
    "audio",
    "file",
    "meeting_notes",
    "transcription",
    "tab",
    "child_page",
    "child_database",
];

const TEXT_TYPES: [&str; 12] = [
    "paragraph",
    "heading_1",
    "heading_2",
    "heading_3",
    "heading_4",
    "bulleted_list_item",
    "numbered_list_item",
    "quote",
    "to_do",
    "toggle",
    "callout",
    "template",
];

/// Whether blocks of this type may have children.
pub(crate) fn takes_children(kind: &str) -> bool {
    matches!(
        kind,
        "paragraph"
            | "bulleted_list_item"
            | "numbered_list_item"
            | "quote"
            | "to_do"
            | "toggle"
            | "callout"
            | "template"
            | "synced_block"
            | "column_list"
            | "column"
            | "table"
            | "tab"
            | "heading_1"
            | "heading_2"
            | "heading_3"
            | "heading_4"
            | "meeting_notes"
    )
}

/// Validates a request payload and fills defaults. `existing` is the stored payload on update.
pub(crate) fn normalize(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: &str,
    given: &Map<String, Value>,
    path: &str,
) -> Result<Value, ApiError> {
    normalize_with(tx, ctx, kind, given, path, None)
}

/// Like [`normalize`], keeping fields of `existing` that the request does not send.
pub(crate) fn normalize_with(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: &str,
    given: &Map<String, Value>,
    path: &str,
    existing: Option<&Value>,
) -> Result<Value, ApiError> {
    let old = |key: &str| existing.and_then(|e| e.get(key)).cloned();
    let text = |key: &str, required: bool| -> Result<Value, ApiError> {
        match given.get(key) {
            Some(value) => Ok(Value::Array(rich_text::normalize(
                tx,
                value,
                &format!("{path}.{key}"),
            )?)),
            None => match old(key) {
                Some(value) => Ok(value),
                None if required => Err(ApiError::missing(&format!("{path}.{key}"))),
                None => Ok(json!([])),
            },
        }
    };
    let pick = |key: &str, default: Value| {
        given
            .get(key)
            .cloned()
            .or_else(|| old(key))
            .unwrap_or(default)
    };
    let mut out = Map::new();
    if TEXT_TYPES.contains(&kind) {
        out.insert("rich_text".into(), text("rich_text", true)?);
        match kind {
            "paragraph" => {
                out.insert("icon".into(), pick("icon", Value::Null));
            }
            "heading_1" | "heading_2" | "heading_3" | "heading_4" => {
                out.insert("is_toggleable".into(), pick("is_toggleable", json!(false)));
            }
            "to_do" => {
                let checked = pick("checked", json!(false));
                if !checked.is_boolean() {
                    return Err(ApiError::expected(
                        &format!("{path}.checked"),
                        "a boolean",
                        &checked,
                    ));
                }
                out.insert("checked".into(), checked);
            }
            "callout" => {
                let icon = match given.get("icon") {
                    Some(icon) if !icon.is_null() => {
                        files::normalize(tx, ctx, icon, &format!("{path}.icon"), true)?
                    }
                    _ => old("icon").unwrap_or_else(|| json!({"type": "emoji", "emoji": "💡"})),
                };
                out.insert("icon".into(), icon);
            }
            _ => {}
        }
        let default_color = if kind == "callout" {
            "gray_background"
        } else {
            "default"
        };
        out.insert("color".into(), pick("color", json!(default_color)));
        return Ok(Value::Object(out));
    }
    match kind {
        "code" => {
            out.insert("caption".into(), text("caption", false)?);
            out.insert("rich_text".into(), text("rich_text", true)?);
            out.insert("language".into(), pick("language", json!("plain text")));
        }
        "equation" => {
            let expression = pick("expression", Value::Null);
            let Some(text) = expression.as_str() else {
                return Err(ApiError::missing(&format!("{path}.expression")));
            };
            let len = text.chars().count();
            if len > rich_text::MAX_EQUATION {
                return Err(ApiError::too_long(
                    &format!("{path}.expression"),
                    rich_text::MAX_EQUATION,
                    len,
                ));
            }
            out.insert("expression".into(), expression);
        }
        "table_of_contents" => {
            out.insert("color".into(), pick("color", json!("default")));
        }
        "column" => {
            if let Some(ratio) = given
                .get("width_ratio")
                .cloned()
                .or_else(|| old("width_ratio"))
            {
                out.insert("width_ratio".into(), ratio);
            }
        }
        "table" => {
            let width = pick("table_width", Value::Null);
            if width.as_u64().is_none_or(|w| w == 0) {
                return Err(ApiError::missing(&format!("{path}.table_width")));
            }
            if let (Some(old_width), Some(_)) = (old("table_width"), given.get("table_width"))
                && old_width != width
            {
                return Err(ApiError::validation(
                    "Cannot change the width of an existing table.".to_owned(),
                ));
            }
            out.insert("table_width".into(), width);
            out.insert(
                "has_column_header".into(),
                pick("has_column_header", json!(false)),
            );
            out.insert(
                "has_row_header".into(),
                pick("has_row_header", json!(false)),
            );
        }
        "table_row" => {
            let cells = match given.get("cells") {
                Some(Value::Array(cells)) => {
                    let mut out_cells = Vec::with_capacity(cells.len());
                    for (i, cell) in cells.iter().enumerate() {
                        out_cells.push(Value::Array(rich_text::normalize(
                            tx,
                            cell,
                            &format!("{path}.cells[{i}]"),
                        )?));
                    }
                    Value::Array(out_cells)
                }
                Some(other) => {
                    return Err(ApiError::expected(
                        &format!("{path}.cells"),
                        "an array",
                        other,
                    ));
                }
                None => old("cells").ok_or_else(|| ApiError::missing(&format!("{path}.cells")))?,
            };
            if let Some(old_cells) = old("cells")
                && old_cells.as_array().map(Vec::len) != cells.as_array().map(Vec::len)
            {
                return Err(ApiError::validation(
                    "Number of cells in table row must match the table width.".to_owned(),
                ));
            }
            out.insert("cells".into(), cells);
        }
        "bookmark" | "embed" => {
            out.insert("caption".into(), text("caption", false)?);
            let url = pick("url", Value::Null);
            let Some(u) = url.as_str() else {
                return Err(ApiError::missing(&format!("{path}.url")));
            };
            files::check_url(u, &format!("{path}.url"))?;
            out.insert("url".into(), url);
        }
        "image" | "video" | "pdf" | "audio" | "file" => {
            out.insert("caption".into(), text("caption", false)?);
            let source = if given
                .keys()
                .any(|k| matches!(k.as_str(), "external" | "file_upload" | "file" | "type"))
            {
                files::normalize(tx, ctx, &Value::Object(given.clone()), path, false)?
            } else if let Some(existing) = existing {
                let mut copy = existing.clone();
                if let Value::Object(map) = &mut copy {
                    map.remove("caption");
                    map.remove("name");
                }
                copy
            } else {
                return Err(ApiError::missing(&format!("{path}.external")));
            };
            if let Value::Object(map) = source {
                out.extend(map);
            }
            if kind == "file" {
                let name = given
                    .get("name")
                    .cloned()
                    .or_else(|| old("name"))
                    .or_else(|| out.get("file").and_then(|f| f.get("name")).cloned())
                    .unwrap_or_else(|| json!("file"));
                out.insert("name".into(), name);
            }
        }
        "link_to_page" => {
            let target = given.clone();
            if !target.contains_key("page_id") && !target.contains_key("database_id") {
                return Err(ApiError::missing(&format!("{path}.page_id")));
            }
            let kind = if target.contains_key("page_id") {
                "page_id"
            } else {
                "database_id"
            };
            out.insert("type".into(), json!(kind));
            out.insert(kind.into(), target[kind].clone());
        }
        "synced_block" => {
            out.insert("synced_from".into(), pick("synced_from", Value::Null));
        }
        "child_page" | "child_database" => {
            return Err(ApiError::validation(format!(
                "body failed validation: {path} should be not present: create pages and databases with POST /v1/pages and POST /v1/databases."
            )));
        }
        _ => {
            for (key, value) in given {
                out.insert(key.clone(), value.clone());
            }
            if let Some(Value::Object(old)) = existing {
                for (key, value) in old {
                    out.entry(key.clone()).or_insert_with(|| value.clone());
                }
            }
        }
    }
    Ok(Value::Object(out))
}
