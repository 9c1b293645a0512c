//! Collectors of the daily job: each one measures or reads something local and writes
//! it through the sync engine ([`crate::sync::sync_records`]), so re-runs never
//! duplicate a row and unchanged rows cost no write.
//!
//! - [`activity`]: the Development Activity Log (`orchestra log ...`);
//! - [`insights`]: Operational Insights (`orchestra insights collect`);
//! - [`tools`]: the AI Tools Coordination Hub (`orchestra tools sync`).

pub mod activity;
pub mod insights;
mod sqlite_file;
pub mod tools;

use crate::error::Result;
use crate::record::Record;
use crate::sync::{StateStore, SyncEvent, SyncOptions, SyncReport, SyncTarget, sync_records};
use crate::workspace::Workspace;

/// Where collected rows go: the workspace, the sync state, and how to report progress.
#[derive(Clone, Copy)]
pub struct Destination<'a> {
    /// The provisioned workspace.
    pub workspace: &'a Workspace,
    /// The sync state (`.orchestra/state.sqlite`).
    pub state: &'a StateStore,
    /// Only plan; write nothing.
    pub dry_run: bool,
    /// Called as the sync plans and writes (a progress bar).
    pub progress: &'a (dyn Fn(SyncEvent) + Send + Sync),
}

impl std::fmt::Debug for Destination<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Destination")
            .field("state", &self.state)
            .field("dry_run", &self.dry_run)
            .finish_non_exhaustive()
    }
}

impl<'a> Destination<'a> {
    /// Writes for real, without progress reports.
    pub fn new(workspace: &'a Workspace, state: &'a StateStore) -> Self {
        Self {
            workspace,
            state,
            dry_run: false,
            progress: &|_| {},
        }
    }

    /// Upserts `records` into database `key`, matched by `key_property` (the title when `None`).
    pub(crate) async fn sync(
        &self,
        key: &str,
        records: &[Record],
        key_property: Option<&str>,
    ) -> Result<SyncReport> {
        let target = SyncTarget::resolve(self.workspace, key).await?;
        let options = SyncOptions {
            dry_run: self.dry_run,
            key_property: key_property.map(str::to_owned),
            ..SyncOptions::default()
        };
        sync_records(
            self.workspace,
            &target,
            records,
            self.state,
            &options,
            self.progress,
        )
        .await
    }
}

/// Keys of the records a sync created, updated or restored (what changed in Notion).
pub fn changed_keys(report: &SyncReport) -> std::collections::HashSet<&str> {
    use crate::sync::SyncAction;
    report
        .records
        .iter()
        .filter(|r| {
            matches!(
                r.action,
                SyncAction::Create | SyncAction::Update | SyncAction::Restore
            )
        })
        .map(|r| r.key.as_str())
        .collect()
}
