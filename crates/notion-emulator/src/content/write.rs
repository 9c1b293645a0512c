//! Writing new blocks into the tree, in order.

use rusqlite::Transaction;
use serde_json::{Map, Value};

use crate::content::input::NewBlock;
use crate::error::ApiError;
use crate::state::Ctx;
use crate::store::nodes::{self, Node};
use crate::wire::ids;

/// Where appended blocks go among the parent's children.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Position {
    End,
    Start,
    /// After the sibling with this `ord`.
    After(i64),
}

/// Inserts `blocks` (and their children) under `parent_id`; returns the new top-level ids.
pub(crate) fn insert_blocks(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_type: &str,
    parent_id: &str,
    blocks: Vec<NewBlock>,
    position: Position,
    now: &str,
) -> Result<Vec<String>, ApiError> {
    let count = blocks.len() as i64;
    let first = match position {
        Position::End => nodes::next_ord(tx, parent_id)?,
        Position::Start => {
            let min: i64 = tx
                .prepare_cached("SELECT COALESCE(MIN(ord), 0) FROM nodes WHERE parent_id = ?1")?
                .query_row([parent_id], |r| r.get(0))?;
            nodes::shift_after(tx, parent_id, min - 1, count)?;
            min
        }
        Position::After(ord) => {
            nodes::shift_after(tx, parent_id, ord, count)?;
            ord + 1
        }
    };
    let mut created = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.into_iter().enumerate() {
        let id = ids::new_id();
        insert_one(
            tx,
            ctx,
            parent_type,
            parent_id,
            &id,
            block,
            first + i as i64,
            now,
        )?;
        created.push(id);
    }
    Ok(created)
}

#[allow(clippy::too_many_arguments)]
fn insert_one(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_type: &str,
    parent_id: &str,
    id: &str,
    block: NewBlock,
    ord: i64,
    now: &str,
) -> Result<(), ApiError> {
    let mut data = Map::new();
    data.insert("type".into(), Value::String(block.kind.clone()));
    data.insert(block.kind.clone(), block.payload);
    nodes::insert(
        tx,
        &Node {
            id: id.to_owned(),
            kind: "block".into(),
            parent_type: parent_type.to_owned(),
            parent_id: Some(parent_id.to_owned()),
            ord,
            seq: ctx.next_seq(),
            created_time: now.to_owned(),
            last_edited_time: now.to_owned(),
            created_by: ctx.user_id().to_owned(),
            last_edited_by: ctx.user_id().to_owned(),
            in_trash: false,
            title: String::new(),
            data: Value::Object(data),
        },
    )?;
    for (i, child) in block.children.into_iter().enumerate() {
        insert_one(
            tx,
            ctx,
            "block_id",
            id,
            &ids::new_id(),
            child,
            i as i64,
            now,
        )?;
    }
    Ok(())
}
