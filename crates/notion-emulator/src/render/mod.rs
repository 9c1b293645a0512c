//! Stored objects rendered as Notion shows them, per API version.

pub(crate) mod block;
pub(crate) mod database;
pub(crate) mod page;
pub(crate) mod user;

use notion_model::version::ApiVersion;
use rusqlite::Transaction;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::state::Ctx;
use crate::store::nodes::{self, Node};
use crate::wire::{ids, rich_text};

/// The plain title of a page, database or data source.
pub(crate) fn title_of(node: &Node) -> String {
    match node.kind.as_str() {
        "page" => {
            let props = node.field("properties");
            // Plain pages store the title under "title"; data-source rows under the title
            // property's id, which is also "title".
            rich_text::plain_text(props.get("title").unwrap_or(&Value::Null))
        }
        "database" | "data_source" => rich_text::plain_text(node.field("title")),
        _ => String::new(),
    }
}

/// A node's `parent` object for this version.
pub(crate) fn parent(tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<Value, ApiError> {
    let id = node.parent_id.clone().unwrap_or_default();
    Ok(match node.parent_type.as_str() {
        "workspace" => json!({"type": "workspace", "workspace": true}),
        "data_source_id" => {
            let database_id = nodes::parent_of(tx, &id)?
                .and_then(|(_, p)| p)
                .unwrap_or_default();
            if ctx.version.has_data_sources() {
                json!({"type": "data_source_id", "data_source_id": id, "database_id": database_id})
            } else {
                json!({"type": "database_id", "database_id": database_id})
            }
        }
        other => json!({"type": other, other: id}),
    })
}

/// `https://app.notion.com/p/<Title-slug>-<id>` as in the fixtures.
pub(crate) fn url(title: &str, id: &str) -> String {
    let mut slug = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c);
        } else {
            dash = true;
        }
    }
    if slug.is_empty() {
        format!("https://app.notion.com/p/{}", ids::simple(id))
    } else {
        format!("https://app.notion.com/p/{slug}-{}", ids::simple(id))
    }
}

/// Adds the deprecated `archived` alias when the version still has it.
pub(crate) fn push_archived(
    map: &mut serde_json::Map<String, Value>,
    version: ApiVersion,
    in_trash: bool,
) {
    if version.has_archived() {
        map.insert("archived".into(), Value::Bool(in_trash));
    }
}

/// `{"object":"user","id":...}`.
pub(crate) fn partial_user(id: &str) -> Value {
    json!({"object": "user", "id": id})
}
