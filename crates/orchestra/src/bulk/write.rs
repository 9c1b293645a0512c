//! Writing every selected row, concurrently inside the client's rate budget.

use futures::StreamExt;
use notion_model::Page;
use notion_model::rich_text::plain_text;

use super::report::{BulkFailure, BulkReport};
use super::select::Selection;
use crate::record::ValidRecord;
use crate::workspace::Workspace;

/// What to do with each selected row.
#[derive(Debug, Clone)]
pub enum BulkAction {
    /// Set these (validated) properties.
    Update(ValidRecord),
    /// Move the row to Notion's trash.
    Archive,
}

/// How to write.
#[derive(Debug, Clone, Copy)]
pub struct BulkOptions {
    /// Writes in flight at once (the client's rate budget still applies).
    pub concurrency: usize,
}

impl Default for BulkOptions {
    fn default() -> Self {
        Self { concurrency: 8 }
    }
}

/// Progress of the writes, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkEvent {
    /// One row was written (or failed).
    Wrote,
}

/// Writes every row of `selection`; failures are collected, never fatal.
pub async fn apply(
    workspace: &Workspace,
    selection: &Selection,
    action: &BulkAction,
    options: BulkOptions,
    progress: &(dyn Fn(BulkEvent) + Send + Sync),
) -> BulkReport {
    let client = workspace.client();
    let before = client.stats().requests_sent;
    let title_property = selection
        .live
        .title_property()
        .unwrap_or_default()
        .to_owned();
    let outcomes: Vec<Result<(), BulkFailure>> = futures::stream::iter(&selection.pages)
        .map(|page| {
            let title_property = title_property.as_str();
            async move {
                let result = write_one(workspace, page, action).await;
                progress(BulkEvent::Wrote);
                result.map_err(|error| BulkFailure {
                    page_id: page.id.to_string(),
                    title: title(page, title_property),
                    error,
                })
            }
        })
        .buffer_unordered(options.concurrency.max(1))
        .collect()
        .await;
    let failures: Vec<BulkFailure> = outcomes.into_iter().filter_map(Result::err).collect();
    let done = selection.pages.len() - failures.len();
    let (updated, archived, name) = match action {
        BulkAction::Update(_) => (done, 0, "update"),
        BulkAction::Archive => (0, done, "archive"),
    };
    BulkReport {
        database: selection.target.label.clone(),
        action: name.to_owned(),
        filter: selection.filter_text.clone(),
        matched: selection.pages.len(),
        updated,
        archived,
        failed: failures.len(),
        requests: selection.requests + (client.stats().requests_sent - before),
        failures,
    }
}

async fn write_one(workspace: &Workspace, page: &Page, action: &BulkAction) -> Result<(), String> {
    let mut request = workspace.client().pages().update(page.id);
    match action {
        BulkAction::Update(valid) => {
            for (name, value) in &valid.properties {
                request = request.property(name, value.clone());
            }
        }
        BulkAction::Archive => request = request.in_trash(true),
    }
    match request.send().await {
        Ok(_) => Ok(()),
        Err(err) if err.committed_resource_id().is_some() => Ok(()),
        Err(err) => Err(err.to_string()),
    }
}

fn title(page: &Page, title_property: &str) -> String {
    match page.properties.get(title_property).map(|v| &v.value) {
        Some(notion_model::PropertyValueContent::Title(items)) => plain_text(items),
        _ => String::new(),
    }
}
