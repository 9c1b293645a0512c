//! Block objects (pages and databases show up as `child_page` / `child_database` blocks).

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::render::{parent, partial_user, push_archived, title_of};
use crate::state::Ctx;
use crate::store::nodes::{self, Node};
use crate::wire::{files, time};

/// The block's type as this version names it.
pub(crate) fn type_name(ctx: &Ctx, stored: &str) -> String {
    if stored == "meeting_notes" && ctx.version.has_archived() {
        "transcription".to_owned()
    } else {
        stored.to_owned()
    }
}

/// A block object.
pub(crate) fn block(tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<Value, ApiError> {
    let (kind, payload) = match node.kind.as_str() {
        "page" => ("child_page".to_owned(), json!({"title": title_of(node)})),
        "database" => (
            "child_database".to_owned(),
            json!({"title": title_of(node)}),
        ),
        _ => {
            let stored = node
                .field("type")
                .as_str()
                .unwrap_or("unsupported")
                .to_owned();
            let mut payload = node.data.get(&stored).cloned().unwrap_or_else(|| json!({}));
            files::resolve(ctx, &mut payload);
            (type_name(ctx, &stored), payload)
        }
    };
    let mut map = Map::new();
    map.insert("object".into(), json!("block"));
    map.insert("id".into(), json!(node.id));
    map.insert("parent".into(), parent(tx, ctx, node)?);
    map.insert(
        "created_time".into(),
        json!(time::display(&node.created_time, ctx.exact_timestamps)),
    );
    map.insert(
        "last_edited_time".into(),
        json!(time::display(&node.last_edited_time, ctx.exact_timestamps)),
    );
    map.insert("created_by".into(), partial_user(&node.created_by));
    map.insert("last_edited_by".into(), partial_user(&node.last_edited_by));
    let has_children = node.kind != "database" && nodes::has_children(tx, &node.id)?;
    map.insert("has_children".into(), json!(has_children));
    map.insert("in_trash".into(), json!(node.in_trash));
    map.insert("type".into(), json!(kind));
    map.insert(kind, payload);
    push_archived(&mut map, ctx.version, node.in_trash);
    Ok(Value::Object(map))
}
