//! `orchestra pull`: bring what changed in Notion back into the local source.
//!
//! One query for the rows edited since the last pull (minus an overlap window, because
//! Notion rounds `last_edited_time` to the minute and clocks drift), trashed rows
//! included so they can be reported. Each row is merged three-way with its local record
//! against the snapshot of the last sync ([`super::merge`]); new rows are appended,
//! trashed ones reported (and removed with `--prune`). With the `fail` policy and a
//! conflict, nothing is written. The watermark and the snapshots move only when the
//! local source was written.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use futures::TryStreamExt;
use notion_model::Page;
use serde::Serialize;
use serde_json::json;

use super::body::{body_hash, read_body};
use super::local::{LocalEdits, LocalSource, NewDoc};
use super::merge::{Conflict, ConflictPolicy, Outcome, Resolver, Side, decide, merge_row};
use super::plan::{LocalRow, prepare};
use super::remote::{ReadScope, RemoteRow};
use super::state::StateStore;
use super::{SyncOptions, SyncTarget, key_property};
use crate::error::Result;
use crate::record::{LiveSchema, PlainValue, Validator};
use crate::workspace::Workspace;

/// The pseudo-property naming a note's body in conflicts.
pub const BODY: &str = "(body)";

/// How to pull.
#[derive(Debug, Clone)]
pub struct PullOptions {
    /// What to do when both sides changed a property.
    pub on_conflict: ConflictPolicy,
    /// Remove records whose row is in Notion's trash.
    pub prune: bool,
    /// The key property (default as for a sync).
    pub key_property: Option<String>,
    /// How far before the last pull to look again.
    pub overlap: Duration,
    /// Ignore the watermark: read every row.
    pub full: bool,
}

impl Default for PullOptions {
    fn default() -> Self {
        Self {
            on_conflict: ConflictPolicy::Fail,
            prune: false,
            key_property: None,
            overlap: Duration::from_secs(120),
            full: false,
        }
    }
}

/// What a pull did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PullReport {
    /// The database key (or id).
    pub database: String,
    /// The key property.
    pub key_property: String,
    /// The local source.
    pub source: String,
    /// Rows edited on or after this time were read (`None`: every row).
    pub since: Option<String>,
    /// Rows Notion returned.
    pub pulled: usize,
    /// Local records that took values (or a body) from Notion.
    pub merged: usize,
    /// New rows appended to the local source.
    pub appended: usize,
    /// Rows with nothing to take.
    pub unchanged: usize,
    /// Keys of rows trashed in Notion that the local source still has.
    pub trashed: Vec<String>,
    /// Records removed because their row is trashed (`--prune`).
    pub pruned: usize,
    /// Rows deleted from the local source since the last sync (left alone).
    pub deleted_locally: Vec<String>,
    /// Local records that failed validation (not merged).
    pub invalid: usize,
    /// Bodies read from Notion.
    pub bodies_read: usize,
    /// Every conflict; `resolved_to` is empty when nothing was written.
    pub conflicts: Vec<Conflict>,
    /// True when the local source was written.
    pub written: bool,
    /// Notes about the write-back (e.g. comments dropped).
    pub warnings: Vec<String>,
    /// API requests this pull sent.
    pub requests: u64,
}

impl PullReport {
    /// Conflicts left unresolved (the `fail` policy).
    pub fn unresolved(&self) -> usize {
        self.conflicts
            .iter()
            .filter(|c| c.resolved_to.is_none())
            .count()
    }

    /// True when nothing was left unresolved.
    pub fn is_success(&self) -> bool {
        self.unresolved() == 0
    }
}

/// What both sides hold after the pull, remembered as the next snapshot.
struct Agreed {
    key: String,
    old_key: Option<String>,
    page_id: String,
    values: BTreeMap<String, PlainValue>,
    body_hash: Option<String>,
}

/// Pulls the rows of `target` changed since the last pull into `source`.
///
/// # Errors
/// What stops the whole pull: the schema or rows cannot be read, the key property is
/// unknown, the local source cannot be written, the state store fails.
pub async fn pull_into(
    workspace: &Workspace,
    target: &SyncTarget,
    source: &mut LocalSource,
    state: &StateStore,
    options: &PullOptions,
) -> Result<PullReport> {
    let client = workspace.client();
    let requests_before = client.stats().requests_sent;
    let started = jiff::Timestamp::now();
    let data_source = client.data_sources().retrieve(target.data_source).await?;
    let live = LiveSchema::from_data_source(&data_source);
    let sync_options = SyncOptions {
        key_property: options.key_property.clone(),
        ..SyncOptions::default()
    };
    let key_property = key_property(workspace, target, &live, &sync_options)?;
    let validator = Validator::new(
        &live,
        target.spec.as_ref(),
        workspace.config().notion.option_policy,
    );
    let records = source.records();
    let (locals, invalid) = prepare(&records, &validator, &live, &key_property);
    let by_key: HashMap<&str, &LocalRow> = locals.iter().map(|l| (l.key.as_str(), l)).collect();
    let properties: Vec<String> = live.properties.keys().cloned().collect();
    let scope = ReadScope {
        client,
        data_source: target.data_source,
        live: &live,
        properties: &properties,
        key_property: &key_property,
    };
    let database = target.data_source.to_string();
    let key_of_page: HashMap<String, String> = state
        .rows(&database)?
        .into_iter()
        .map(|(key, row)| (row.page_id, key))
        .collect();

    let since = match state.watermark(&database)? {
        Some(mark) if !options.full => mark.parse::<jiff::Timestamp>().ok().and_then(|t| {
            let overlap = jiff::SignedDuration::try_from(options.overlap).ok()?;
            t.checked_sub(overlap).ok()
        }),
        _ => None,
    };
    let mut query = client
        .data_sources()
        .query(target.data_source)
        .page_size(100)
        .field("in_trash", true);
    if let Some(since) = since {
        query = query.filter(json!({
            "timestamp": "last_edited_time",
            "last_edited_time": {"on_or_after": since.to_string()}
        }));
    }
    let pages: Vec<Page> = query.scan_all().try_collect().await?;

    let mut report = PullReport {
        database: target.label.clone(),
        key_property: key_property.clone(),
        source: source.path().display().to_string(),
        since: since.map(|s| s.to_string()),
        invalid: invalid.len(),
        ..PullReport::default()
    };
    let mut edits = LocalEdits::default();
    let mut agreed: Vec<Agreed> = Vec::new();
    let mut forget: Vec<String> = Vec::new();
    for page in &pages {
        let Some((key, row)) = scope.row(page) else {
            continue;
        };
        report.pulled += 1;
        let local = by_key.get(key.as_str()).copied().or_else(|| {
            key_of_page
                .get(&page.id.to_string())
                .and_then(|old| by_key.get(old.as_str()).copied())
        });
        if row.in_trash {
            if let Some(local) = local {
                report.trashed.push(key.clone());
                if options.prune {
                    edits.remove.insert(local.index);
                    forget.push(local.key.clone());
                    report.pruned += 1;
                }
            }
            continue;
        }
        let Some(local) = local else {
            if state.snapshot(&database, &key)?.is_some() {
                report.deleted_locally.push(key);
                continue;
            }
            let body = if source.has_bodies() {
                report.bodies_read += 1;
                Some(read_body(client, page.id).await?)
            } else {
                None
            };
            agreed.push(Agreed {
                key: key.clone(),
                old_key: None,
                page_id: page.id.to_string(),
                values: row.values.clone(),
                body_hash: body.as_deref().map(body_hash),
            });
            edits.append.push(new_doc(&row, &key_property, body));
            report.appended += 1;
            continue;
        };
        let doc = &source.docs()[local.index];
        let resolver = Resolver {
            policy: options.on_conflict,
            notion_is_newer: notion_is_newer(page, doc.modified),
        };
        let snapshot = state.snapshot(&database, &local.key)?;
        let merged = merge_row(
            &key,
            &local.values,
            &row.values,
            snapshot.as_ref().map(|s| &s.values),
            resolver,
        );
        let mut changed = !merged.take.is_empty();
        report.conflicts.extend(merged.conflicts);
        if changed {
            edits.set.insert(local.index, merged.take);
        }
        let mut agreed_body = None;
        if source.has_bodies() {
            report.bodies_read += 1;
            let remote = read_body(client, page.id).await?;
            let local_body = doc.body.clone().unwrap_or_default();
            let base = snapshot.as_ref().map(|s| s.body_hash.clone());
            let (take, conflict) = merge_body(&key, &local_body, &remote, base, resolver);
            if let Some(conflict) = conflict {
                report.conflicts.push(conflict);
            }
            if take {
                edits.bodies.insert(local.index, remote.clone());
                changed = true;
            }
            agreed_body = Some(body_hash(&remote));
        }
        if changed {
            report.merged += 1;
        } else {
            report.unchanged += 1;
        }
        agreed.push(Agreed {
            key: key.clone(),
            old_key: (local.key != key).then(|| local.key.clone()),
            page_id: page.id.to_string(),
            values: row.values.clone(),
            body_hash: agreed_body,
        });
    }

    if report.unresolved() > 0 {
        report.requests = client.stats().requests_sent - requests_before;
        return Ok(report);
    }
    report.warnings = source.apply(&edits)?;
    report.written = !edits.is_empty();
    for key in &forget {
        state.forget(&database, key)?;
    }
    for entry in agreed {
        if let Some(old) = &entry.old_key {
            state.forget(&database, old)?;
        }
        state.put_snapshot(&database, &entry.key, &entry.page_id, &entry.values)?;
        if let Some(hash) = &entry.body_hash {
            state.put_body_hash(&database, &entry.key, hash)?;
        }
    }
    state.set_watermark(&database, &started.to_string())?;
    report.requests = client.stats().requests_sent - requests_before;
    Ok(report)
}

fn notion_is_newer(page: &Page, local: Option<jiff::Timestamp>) -> bool {
    let edited = page
        .last_edited_time
        .as_str()
        .parse::<jiff::Timestamp>()
        .ok();
    match (edited, local) {
        (Some(edited), Some(local)) => edited > local,
        _ => true,
    }
}

/// A new local record from a row: the key first, then every non-empty value.
fn new_doc(row: &RemoteRow, key_property: &str, body: Option<String>) -> NewDoc {
    let mut values: Vec<(String, PlainValue)> = Vec::new();
    if let Some(key) = row.values.get(key_property) {
        values.push((key_property.to_owned(), key.clone()));
    }
    for (name, value) in &row.values {
        if name != key_property && !super::merge::same(Some(value), None) {
            values.push((name.clone(), value.clone()));
        }
    }
    NewDoc { values, body }
}

/// Three-way merge of a note's body by hash: (take Notion's body, the conflict if any).
fn merge_body(
    key: &str,
    local: &str,
    remote: &str,
    base: Option<Option<String>>,
    resolver: Resolver,
) -> (bool, Option<Conflict>) {
    let hashed = |text: &str| {
        PlainValue::Text(if text.trim().is_empty() {
            String::new()
        } else {
            body_hash(text)
        })
    };
    let (l, r) = (hashed(local), hashed(remote));
    let base = base.map(|b| b.map(PlainValue::Text));
    match decide(Some(&l), Some(&r), base.as_ref().map(Option::as_ref)) {
        Outcome::Keep => (false, None),
        Outcome::TakeNotion => (true, None),
        Outcome::Conflict => {
            let winner = resolver.winner();
            let excerpt = |text: &str| PlainValue::Text(text.trim().chars().take(80).collect());
            let conflict = Conflict {
                key: key.to_owned(),
                property: BODY.to_owned(),
                local: excerpt(local),
                notion: excerpt(remote),
                base: None,
                resolved_to: winner,
            };
            (winner == Some(Side::Notion), Some(conflict))
        }
    }
}

/// The name of the title property of `target` (what a note's file name stands for).
///
/// # Errors
/// The data source cannot be read, or has no title property.
pub async fn title_property(workspace: &Workspace, target: &SyncTarget) -> Result<String> {
    if let Some(spec) = &target.spec {
        return Ok(spec.title_property().name.clone());
    }
    let source = workspace
        .client()
        .data_sources()
        .retrieve(target.data_source)
        .await?;
    LiveSchema::from_data_source(&source)
        .title_property()
        .map(str::to_owned)
        .ok_or_else(|| crate::Error::Lookup(format!("{} has no title property", target.label)))
}
