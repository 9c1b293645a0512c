//! Rows of the `nodes` table: pages, databases, data sources and blocks.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde_json::Value;

use crate::error::ApiError;
use crate::store::touched;

/// One page, database, data source or block.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) parent_type: String,
    pub(crate) parent_id: Option<String>,
    pub(crate) ord: i64,
    pub(crate) seq: i64,
    pub(crate) created_time: String,
    pub(crate) last_edited_time: String,
    pub(crate) created_by: String,
    pub(crate) last_edited_by: String,
    pub(crate) in_trash: bool,
    pub(crate) title: String,
    pub(crate) data: Value,
}

const COLUMNS: &str = "id, kind, parent_type, parent_id, ord, seq, created_time, last_edited_time, created_by, last_edited_by, in_trash, title, data";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Node> {
    let data: String = row.get(12)?;
    Ok(Node {
        id: row.get(0)?,
        kind: row.get(1)?,
        parent_type: row.get(2)?,
        parent_id: row.get(3)?,
        ord: row.get(4)?,
        seq: row.get(5)?,
        created_time: row.get(6)?,
        last_edited_time: row.get(7)?,
        created_by: row.get(8)?,
        last_edited_by: row.get(9)?,
        in_trash: row.get(10)?,
        title: row.get(11)?,
        data: serde_json::from_str(&data).unwrap_or(Value::Null),
    })
}

impl Node {
    /// The JSON payload's field `key` (or `Null`).
    pub(crate) fn field(&self, key: &str) -> &Value {
        self.data.get(key).unwrap_or(&Value::Null)
    }
}

/// Loads a node by id.
pub(crate) fn get(tx: &Transaction<'_>, id: &str) -> Result<Option<Node>, ApiError> {
    let sql = format!("SELECT {COLUMNS} FROM nodes WHERE id = ?1");
    Ok(tx
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// Inserts a new node.
pub(crate) fn insert(tx: &Transaction<'_>, node: &Node) -> Result<(), ApiError> {
    let sql = format!(
        "INSERT INTO nodes ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    );
    let changed = tx.prepare_cached(&sql)?.execute(params![
        node.id,
        node.kind,
        node.parent_type,
        node.parent_id,
        node.ord,
        node.seq,
        node.created_time,
        node.last_edited_time,
        node.created_by,
        node.last_edited_by,
        node.in_trash,
        node.title,
        serde_json::to_string(&node.data)?,
    ])?;
    report(node, None, changed);
    Ok(())
}

/// Saves every mutable column of an existing node.
pub(crate) fn update(tx: &Transaction<'_>, node: &Node) -> Result<(), ApiError> {
    let previous = parent_of(tx, &node.id)?;
    let changed = tx
        .prepare_cached(
            "UPDATE nodes SET parent_type = ?2, parent_id = ?3, ord = ?4, last_edited_time = ?5,
         last_edited_by = ?6, in_trash = ?7, title = ?8, data = ?9 WHERE id = ?1",
        )?
        .execute(params![
            node.id,
            node.parent_type,
            node.parent_id,
            node.ord,
            node.last_edited_time,
            node.last_edited_by,
            node.in_trash,
            node.title,
            serde_json::to_string(&node.data)?,
        ])?;
    report(node, previous, changed);
    Ok(())
}

/// Tells the row cache what a write of `node` (formerly under `previous`) may have changed: the rows
/// of the data source a page is (or was) in, or a data source itself. Pages outside data sources,
/// blocks and databases change no cached row (rollups only read pages still in their data source).
fn report(node: &Node, previous: Option<(String, Option<String>)>, changed: usize) {
    match node.kind.as_str() {
        "data_source" => touched::data_source(&node.id, changed),
        "page" => {
            let mut sources: Vec<&str> = Vec::new();
            if node.parent_type == "data_source_id"
                && let Some(parent) = node.parent_id.as_deref()
            {
                sources.push(parent);
            }
            if let Some((parent_type, Some(parent))) = &previous
                && parent_type == "data_source_id"
            {
                sources.push(parent);
            }
            match sources.split_first() {
                None => touched::no_rows(changed),
                Some((first, rest)) => {
                    touched::page(first, &node.id, changed);
                    for other in rest {
                        touched::page(other, &node.id, 0);
                    }
                }
            }
        }
        _ => touched::no_rows(changed),
    }
}

/// Content children of a page or block (blocks, child pages, child databases) in order.
pub(crate) fn children(
    tx: &Transaction<'_>,
    parent_id: &str,
    include_trashed: bool,
) -> Result<Vec<Node>, ApiError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM nodes WHERE parent_id = ?1 AND kind IN ('block','page','database')
         AND parent_type IN ('page_id','block_id') AND (?2 OR in_trash = 0) ORDER BY ord, seq"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![parent_id, include_trashed], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// True when the node has at least one live content child.
pub(crate) fn has_children(tx: &Transaction<'_>, parent_id: &str) -> Result<bool, ApiError> {
    Ok(tx
        .prepare_cached(
            "SELECT 1 FROM nodes WHERE parent_id = ?1 AND in_trash = 0
             AND parent_type IN ('page_id','block_id') LIMIT 1",
        )?
        .exists([parent_id])?)
}

/// Nodes of one kind under one parent (rows of a data source, data sources of a database).
pub(crate) fn by_parent(
    tx: &Transaction<'_>,
    parent_id: &str,
    kind: &str,
) -> Result<Vec<Node>, ApiError> {
    let sql =
        format!("SELECT {COLUMNS} FROM nodes WHERE parent_id = ?1 AND kind = ?2 ORDER BY ord, seq");
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![parent_id, kind], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// All nodes of some kind (search).
pub(crate) fn all_of_kind(tx: &Transaction<'_>, kind: &str) -> Result<Vec<Node>, ApiError> {
    let sql = format!("SELECT {COLUMNS} FROM nodes WHERE kind = ?1");
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map([kind], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The next free position at the end of a parent's children.
pub(crate) fn next_ord(tx: &Transaction<'_>, parent_id: &str) -> Result<i64, ApiError> {
    Ok(tx
        .prepare_cached("SELECT COALESCE(MAX(ord), -1) + 1 FROM nodes WHERE parent_id = ?1")?
        .query_row([parent_id], |row| row.get(0))?)
}

/// Makes room for `count` children after position `after` (exclusive).
pub(crate) fn shift_after(
    tx: &Transaction<'_>,
    parent_id: &str,
    after: i64,
    count: i64,
) -> Result<(), ApiError> {
    let changed = tx
        .prepare_cached("UPDATE nodes SET ord = ord + ?3 WHERE parent_id = ?1 AND ord > ?2")?
        .execute(params![parent_id, after, count])?;
    // Sibling order is not part of any cached row (rows keep creation order).
    touched::no_rows(changed);
    Ok(())
}

/// The parent id of a node (for ancestor walks), without loading its payload.
pub(crate) fn parent_of(
    tx: &Transaction<'_>,
    id: &str,
) -> Result<Option<(String, Option<String>)>, ApiError> {
    Ok(tx
        .prepare_cached("SELECT parent_type, parent_id FROM nodes WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}
