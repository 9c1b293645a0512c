//! Data-source queries: load rows, filter, sort, cap at 10,000, paginate.

use std::collections::HashSet;

use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::props::render::{filter_properties, page_properties};
use crate::query::{QueryContext, Row, compile_filter, compile_sorts};
use crate::render::{self, page::assemble};
use crate::state::Ctx;
use crate::store::nodes::{self, Node};
use crate::wire::list::{PageRequest, encode_cursor, list_value};

/// Most rows one query (one filter + sort combination) returns.
pub(crate) const QUERY_ROW_LIMIT: usize = 10_000;

/// A row with its full (untruncated) properties, as filters and sorts see it.
#[derive(Clone)]
pub(crate) struct LoadedRow {
    pub(crate) node: Node,
    pub(crate) properties: Map<String, Value>,
    pub(crate) created_time: String,
    pub(crate) last_edited_time: String,
}

/// Runs a query body against a data source.
pub(crate) fn query(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    source: &Node,
    body: &Map<String, Value>,
    filter_props: &[String],
) -> Result<Value, ApiError> {
    let page = PageRequest::from_json(&Value::Object(body.clone()), "body")?;
    let include_trashed = crate::wire::body::bool_field(body, "in_trash")?.unwrap_or(false);
    let schema = source
        .field("properties")
        .as_object()
        .cloned()
        .unwrap_or_default();
    let key = format!(
        "rows:{}:{}:{}:{}",
        source.id, ctx.integration.user_info, ctx.exact_timestamps, ctx.base_url
    );
    let (sources, reads_itself) = row_dependencies(tx, source)?;
    let patchable = (!reads_itself).then_some(source.id.as_str());
    let loaded = ctx.store.cached(
        key,
        &sources,
        patchable,
        || load_rows(tx, ctx, source, &schema),
        |rows, pages| patch_rows(tx, ctx, source, &schema, rows, pages),
    )?;
    let candidates: Vec<&LoadedRow> = loaded
        .iter()
        .filter(|row| include_trashed || !row.node.in_trash)
        .collect();
    let rows = select(ctx, &schema, candidates, body)?;
    let total = rows.len();
    let capped = total.min(QUERY_ROW_LIMIT);
    let end = (page.offset + page.page_size).min(capped);
    let mut results = Vec::new();
    // Every row has the same parent: look it up once.
    let parent = match rows.get(page.offset) {
        Some(first) => Some(render::parent(tx, ctx, &first.node)?),
        None => None,
    };
    for row in rows.iter().take(end).skip(page.offset) {
        let mut props = page_properties(tx, ctx, &row.node, Some(&schema), true)?;
        filter_properties(&mut props, filter_props);
        let parent = parent.clone().unwrap_or_default();
        results.push(assemble(ctx, &row.node, props, parent));
    }
    let has_more = end < capped;
    let next_cursor = if has_more {
        Value::String(encode_cursor(end, &rows[end].node.id))
    } else {
        Value::Null
    };
    let kind = if ctx.version.has_data_sources() {
        "page_or_data_source"
    } else {
        "page_or_database"
    };
    let mut list = list_value(results, next_cursor, has_more, kind);
    if total > QUERY_ROW_LIMIT && end >= capped {
        list["request_status"] =
            json!({"type": "incomplete", "incomplete_reason": "query_result_limit_reached"});
    }
    Ok(list)
}

/// The data sources whose writes can change `source`'s loaded rows: itself, and every data source
/// its rollups read (the pages and schema a relation points at; rollups of rollups go further).
/// Relations without rollups read nothing: a row stores the ids of its related pages.
///
/// Also tells whether those rollups lead back to `source`: then a write of one of its pages can
/// change its other rows, and its rows cannot be patched page by page.
fn row_dependencies(tx: &Transaction<'_>, source: &Node) -> Result<(Vec<String>, bool), ApiError> {
    let mut found: Vec<Node> = vec![source.clone()];
    let mut reads_itself = false;
    let mut index = 0;
    while index < found.len() {
        let targets = if has_rollups(&found[index]) {
            relation_targets(&found[index])
        } else {
            Vec::new()
        };
        index += 1;
        for target in targets {
            reads_itself |= target == source.id;
            if !found.iter().any(|node| node.id == target)
                && let Some(node) = nodes::get(tx, &target)?
            {
                found.push(node);
            }
        }
    }
    Ok((
        found.into_iter().map(|node| node.id).collect(),
        reads_itself,
    ))
}

fn has_rollups(source: &Node) -> bool {
    source
        .field("properties")
        .as_object()
        .is_some_and(|schema| schema.values().any(|config| config.get("rollup").is_some()))
}

/// The data sources the relation properties of a data source point at.
fn relation_targets(source: &Node) -> Vec<String> {
    source
        .field("properties")
        .as_object()
        .into_iter()
        .flat_map(|schema| schema.values())
        .filter_map(|config| config.get("relation")?.get("data_source_id")?.as_str())
        .map(str::to_owned)
        .collect()
}

fn load_rows(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    source: &Node,
    schema: &Map<String, Value>,
) -> Result<Vec<LoadedRow>, ApiError> {
    let mut rows = Vec::new();
    for node in nodes::by_parent(tx, &source.id, "page")? {
        let properties = page_properties(tx, ctx, &node, Some(schema), false)?;
        rows.push(LoadedRow {
            created_time: node.created_time.clone(),
            last_edited_time: node.last_edited_time.clone(),
            node,
            properties,
        });
    }
    // Creation order: sorts are stable, so rows they tie on stay in this order.
    rows.sort_by_key(|row| row.node.seq);
    Ok(rows)
}

/// Brings loaded rows up to date with pages written since: drops them, then loads again those still
/// in `source`, at their creation-order place.
fn patch_rows(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    source: &Node,
    schema: &Map<String, Value>,
    rows: &mut Vec<LoadedRow>,
    pages: &HashSet<String>,
) -> Result<(), ApiError> {
    rows.retain(|row| !pages.contains(&row.node.id));
    for id in pages {
        let Some(node) = nodes::get(tx, id)? else {
            continue;
        };
        if node.kind != "page" || node.parent_id.as_deref() != Some(source.id.as_str()) {
            continue;
        }
        let properties = page_properties(tx, ctx, &node, Some(schema), false)?;
        let at = rows.partition_point(|row| row.node.seq < node.seq);
        rows.insert(
            at,
            LoadedRow {
                created_time: node.created_time.clone(),
                last_edited_time: node.last_edited_time.clone(),
                node,
                properties,
            },
        );
    }
    Ok(())
}

/// Filters and sorts rows with the query engine. Without sorts, newest first.
pub(crate) fn select<'r>(
    ctx: &Ctx,
    schema: &Map<String, Value>,
    mut rows: Vec<&'r LoadedRow>,
    body: &Map<String, Value>,
) -> Result<Vec<&'r LoadedRow>, ApiError> {
    let qctx = QueryContext {
        schema,
        now: jiff::Timestamp::now(),
        current_user_id: ctx.user_id(),
    };
    let filter = match body.get("filter") {
        None | Some(Value::Null) => None,
        Some(filter) => {
            Some(compile_filter(filter, &qctx).map_err(|e| ApiError::validation(e.message))?)
        }
    };
    let sorts = match body.get("sorts") {
        None | Some(Value::Null) => None,
        Some(sorts) => {
            Some(compile_sorts(sorts, &qctx).map_err(|e| ApiError::validation(e.message))?)
        }
    };
    if let Some(filter) = &filter {
        rows.retain(|r| filter.matches(&row_of(r)));
    }
    match &sorts {
        // `rows` are in creation order and the sort is stable: ties stay oldest first.
        Some(sorts) if !sorts.is_empty() => sorts.sort_items(&mut rows, row_of),
        _ => rows.sort_by(|a, b| {
            b.node
                .created_time
                .cmp(&a.node.created_time)
                .then(b.node.seq.cmp(&a.node.seq))
        }),
    }
    Ok(rows)
}

fn row_of(row: &LoadedRow) -> Row<'_> {
    Row {
        id: &row.node.id,
        properties: &row.properties,
        created_time: &row.created_time,
        last_edited_time: &row.last_edited_time,
        created_by: &row.node.created_by,
        last_edited_by: &row.node.last_edited_by,
    }
}
