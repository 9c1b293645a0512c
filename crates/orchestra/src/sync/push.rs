//! Pushing a local source: its records through [`super::sync_records`], then, for
//! Markdown notes, the bodies that changed since the last sync (by hash, so an unchanged
//! body costs no request).

use serde::Serialize;

use super::body::{body_hash, replace_body};
use super::local::LocalSource;
use super::state::StateStore;
use super::{SyncAction, SyncEvent, SyncOptions, SyncReport, SyncTarget, sync_records};
use crate::error::Result;
use crate::workspace::Workspace;

/// A push of a local source.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PushReport {
    /// The properties' sync.
    #[serde(flatten)]
    pub sync: SyncReport,
    /// Page bodies replaced.
    pub bodies_written: usize,
    /// Page bodies that could not be written, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body_failures: Vec<(String, String)>,
}

impl PushReport {
    /// True when no record and no body failed.
    pub fn is_success(&self) -> bool {
        self.sync.is_success() && self.body_failures.is_empty()
    }
}

/// Pushes `source` into `target`.
///
/// # Errors
/// As [`sync_records`]; body failures are in the report.
pub async fn push_source(
    workspace: &Workspace,
    target: &SyncTarget,
    source: &LocalSource,
    state: &StateStore,
    options: &SyncOptions,
    progress: &(dyn Fn(SyncEvent) + Send + Sync),
) -> Result<PushReport> {
    let client = workspace.client();
    let before = client.stats().requests_sent;
    let sync = sync_records(
        workspace,
        target,
        &source.records(),
        state,
        options,
        progress,
    )
    .await?;
    let mut report = PushReport {
        sync,
        ..PushReport::default()
    };
    if !source.has_bodies() || options.dry_run {
        return Ok(report);
    }
    let database = target.data_source.to_string();
    for (doc, outcome) in source.docs().iter().zip(&report.sync.records) {
        let synced = matches!(
            outcome.action,
            SyncAction::Create | SyncAction::Update | SyncAction::Restore | SyncAction::Unchanged
        );
        let Some(page) = outcome
            .page_id
            .as_deref()
            .and_then(|p| notion_model::PageId::parse(p).ok())
        else {
            continue;
        };
        if !synced {
            continue;
        }
        let body = doc.body.as_deref().unwrap_or_default();
        let hash = body_hash(body);
        let known = state
            .snapshot(&database, &outcome.key)?
            .and_then(|s| s.body_hash);
        if known.as_deref() == Some(hash.as_str()) {
            continue;
        }
        let fresh_and_empty =
            known.is_none() && body.trim().is_empty() && outcome.action == SyncAction::Create;
        if !fresh_and_empty {
            if let Err(err) = replace_body(client, page, body).await {
                report
                    .body_failures
                    .push((outcome.key.clone(), err.to_string()));
                continue;
            }
            report.bodies_written += 1;
        }
        state.put_body_hash(&database, &outcome.key, &hash)?;
    }
    report.sync.requests = client.stats().requests_sent - before;
    Ok(report)
}
