//! `orchestra sync`: upsert local records into a database by key.
//!
//! One full read of the rows (only the synced properties, past the 10,000-row cap), a
//! diff of every record against its row, and writes of the changed properties only:
//! an unchanged row costs no request. Writes run concurrently inside the client's rate
//! budget; one bad record never stops the others. A local [`StateStore`] keeps key ->
//! page id, a hash of the values synced and a journal of creates, so crashes, timeouts and
//! "committed then 503" never give duplicates: a create whose outcome is unknown is
//! looked up by key before anything else is tried.

mod body;
mod diff;
pub mod local;
mod merge;
mod plan;
mod pull;
mod push;
mod remote;
mod report;
mod snapshot;
mod source;
mod state;
mod target;
mod write;

use std::collections::HashMap;

use futures::StreamExt;

pub use diff::PropertyChange;
pub use local::{LocalDoc, LocalEdits, LocalSource, NewDoc};
pub use merge::{Conflict, ConflictPolicy, Side};
pub use pull::{BODY, PullOptions, PullReport, pull_into, title_property};
pub use push::{PushReport, push_source};
pub use report::{RecordOutcome, SyncAction, SyncReport};
pub use snapshot::Snapshot;
pub use source::{read_records, records_from_value};
pub use state::{Intent, RowState, StateStore, state_path};
pub use target::SyncTarget;

use self::plan::{Decision, decide, prepare};
use self::remote::ReadScope;
use self::write::Writer;
use crate::error::{Error, Result};
use crate::record::{LiveSchema, Record, Validator};
use crate::workspace::Workspace;

/// How to sync.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Only plan: read, diff and report; write nothing.
    pub dry_run: bool,
    /// Bring rows back from the trash instead of skipping them.
    pub restore: bool,
    /// Writes in flight at once (the client's rate budget still applies).
    pub concurrency: usize,
    /// The key property; default: `[sync.keys]` in the configuration, else the title.
    pub key_property: Option<String>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            dry_run: false,
            restore: false,
            concurrency: 8,
            key_property: None,
        }
    }
}

/// Progress of a sync, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncEvent {
    /// The rows were read and diffed: this many writes follow.
    Planned {
        /// Writes to make.
        writes: usize,
    },
    /// One write finished (successfully or not).
    Wrote,
}

/// Syncs `records` into `target`.
///
/// # Errors
/// Only what stops the whole sync: the schema or the rows cannot be read, the key
/// property does not exist, the state store fails. Record failures are in the report.
pub async fn sync_records(
    workspace: &Workspace,
    target: &SyncTarget,
    records: &[Record],
    state: &StateStore,
    options: &SyncOptions,
    progress: &(dyn Fn(SyncEvent) + Send + Sync),
) -> Result<SyncReport> {
    let client = workspace.client();
    let requests_before = client.stats().requests_sent;
    let source = client.data_sources().retrieve(target.data_source).await?;
    let live = LiveSchema::from_data_source(&source);
    let key_property = key_property(workspace, target, &live, options)?;
    let validator = Validator::new(
        &live,
        target.spec.as_ref(),
        workspace.config().notion.option_policy,
    );
    let (locals, mut outcomes) = prepare(records, &validator, &live, &key_property);

    let mut properties: Vec<String> = locals
        .iter()
        .flat_map(|l| l.values.keys().cloned())
        .collect();
    properties.push(key_property.clone());
    properties.sort();
    properties.dedup();
    let scope = ReadScope {
        client,
        data_source: target.data_source,
        live: &live,
        properties: &properties,
        key_property: &key_property,
    };
    let index = scope.read_all().await?;
    let database = target.data_source.to_string();
    let remembered: HashMap<String, RowState> = state.rows(&database)?.into_iter().collect();
    let reconciled = reconcile_intents(state, &database, &index)?;

    let decisions = futures::stream::iter(locals)
        .map(|local| {
            let index_at = local.index;
            let decision = decide(local, &index, &remembered, &scope, options.restore);
            async move { (index_at, decision.await) }
        })
        .buffer_unordered(options.concurrency.max(1))
        .collect::<Vec<_>>()
        .await;

    let mut writes = Vec::new();
    for (at, decision) in decisions {
        match decision {
            Decision::Write(planned) => writes.push(planned),
            Decision::Unchanged {
                local,
                page,
                last_edited_time,
            } => {
                let mut outcome = RecordOutcome::new(&local.key, SyncAction::Unchanged);
                outcome.page_id = Some(page.to_string());
                if !options.dry_run {
                    remember_unchanged(state, &database, &local, page, last_edited_time)?;
                }
                outcomes.push((at, outcome));
            }
            Decision::Done(outcome) => outcomes.push((at, outcome)),
        }
    }

    progress(SyncEvent::Planned {
        writes: if options.dry_run { 0 } else { writes.len() },
    });
    if options.dry_run {
        outcomes.extend(writes.into_iter().map(plan::Planned::dry_run_outcome));
    } else {
        let writer = Writer {
            scope,
            state,
            database: &database,
        };
        let done: Vec<(usize, RecordOutcome)> = futures::stream::iter(writes)
            .map(|planned| async move {
                let at = planned.local.index;
                let outcome = writer.run(planned).await;
                progress(SyncEvent::Wrote);
                (at, outcome)
            })
            .buffer_unordered(options.concurrency.max(1))
            .collect()
            .await;
        outcomes.extend(done);
    }

    outcomes.sort_by_key(|(at, _)| *at);
    let mut report = SyncReport {
        database: target.label.clone(),
        key_property,
        dry_run: options.dry_run,
        reconciled,
        duplicate_keys_in_notion: index.duplicate_keys,
        records: outcomes.into_iter().map(|(_, o)| o).collect(),
        ..SyncReport::default()
    };
    report.count();
    report.requests = client.stats().requests_sent - requests_before;
    Ok(report)
}

fn key_property(
    workspace: &Workspace,
    target: &SyncTarget,
    live: &LiveSchema,
    options: &SyncOptions,
) -> Result<String> {
    let configured = options
        .key_property
        .clone()
        .or_else(|| workspace.config().sync.keys.get(&target.label).cloned());
    let name = match configured {
        Some(name) => name,
        None => live
            .title_property()
            .map(str::to_owned)
            .ok_or_else(|| Error::Lookup(format!("{} has no title property", live.title)))?,
    };
    if live.get(&name).is_none() {
        return Err(Error::Config {
            path: "sync".into(),
            message: format!(
                "key property {name:?} is not a property of {}; known properties: {}",
                live.title,
                live.properties
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    Ok(name)
}

/// Creates journalled by an earlier run whose row the read found: adopt the row.
fn reconcile_intents(
    state: &StateStore,
    database: &str,
    index: &remote::RemoteIndex,
) -> Result<usize> {
    let mut found = 0;
    for intent in state.pending_intents(database)? {
        if let Some(row) = index.by_key.get(&intent.key) {
            state.put_snapshot(database, &intent.key, &row.page_id.to_string(), &row.values)?;
            state.put_row(
                database,
                &intent.key,
                &RowState {
                    page_id: row.page_id.to_string(),
                    hash: diff::values_hash(&row.values),
                    last_edited_time: row.last_edited_time.clone(),
                },
            )?;
            found += 1;
        }
    }
    Ok(found)
}

fn remember_unchanged(
    state: &StateStore,
    database: &str,
    local: &plan::LocalRow,
    page: notion_model::PageId,
    last_edited_time: String,
) -> Result<()> {
    state.put_snapshot(database, &local.key, &page.to_string(), &local.values)?;
    let hash = diff::values_hash(&local.values);
    let known = state.row(database, &local.key)?;
    if known.is_some_and(|k| k.hash == hash && k.page_id == page.to_string()) {
        return Ok(());
    }
    state.put_row(
        database,
        &local.key,
        &RowState {
            page_id: page.to_string(),
            hash,
            last_edited_time,
        },
    )
}
