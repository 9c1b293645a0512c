//! Finding the rows a bulk operation touches: one schema read and one (paged) query.

use futures::TryStreamExt;
use notion_model::Page;
use serde_json::Value;

use super::filter::Filter;
use crate::error::Result;
use crate::record::LiveSchema;
use crate::sync::SyncTarget;
use crate::workspace::Workspace;

/// The rows matching a filter, with the schema they were read against.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The database.
    pub target: SyncTarget,
    /// Its live schema.
    pub live: LiveSchema,
    /// The filter as written.
    pub filter_text: String,
    /// The filter as sent to Notion.
    pub notion_filter: Value,
    /// The matching rows (not in the trash).
    pub pages: Vec<Page>,
    /// Requests used to read the schema and the rows.
    pub requests: u64,
}

/// Reads the live schema of `target`, translates `filter` and queries every matching row
/// (past Notion's per-query cap when the filter allows it). `extra` names properties the
/// preview should show besides the title and the filter's own.
///
/// # Errors
/// [`crate::Error::Filter`] when the filter does not fit the schema, or the API error.
pub async fn select(
    workspace: &Workspace,
    target: &SyncTarget,
    filter: &Filter,
    extra: &[String],
) -> Result<Selection> {
    let client = workspace.client();
    let before = client.stats().requests_sent;
    let source = client.data_sources().retrieve(target.data_source).await?;
    let live = LiveSchema::from_data_source(&source);
    let today = jiff::ZonedDateTime::now().date();
    let notion_filter = filter.to_notion(&live, today)?;

    let mut wanted: Vec<String> = live
        .title_property()
        .map(str::to_owned)
        .into_iter()
        .collect();
    wanted.extend(filter.properties());
    wanted.extend(extra.iter().cloned());
    let ids: Vec<String> = wanted
        .iter()
        .filter_map(|name| live.get(name).map(|p| p.id.clone()))
        .filter(|id| !id.is_empty())
        .collect();
    let query = client
        .data_sources()
        .query(target.data_source)
        .filter(notion_filter.clone())
        .filter_properties(ids)
        .page_size(100);
    // The full scan adds an `and` around the filter: only possible below two levels.
    let rows = if filter.expr.depth() < super::filter::MAX_DEPTH_FOR_SCAN {
        query.scan_all()
    } else {
        query.stream()
    };
    let pages: Vec<Page> = rows
        .try_filter(|page| futures::future::ready(!page.in_trash))
        .try_collect()
        .await?;
    Ok(Selection {
        target: target.clone(),
        live,
        filter_text: filter.text.clone(),
        notion_filter,
        pages,
        requests: client.stats().requests_sent - before,
    })
}
