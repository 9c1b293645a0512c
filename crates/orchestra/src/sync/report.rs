//! What a sync did (or, with `--dry-run`, would do).

use serde::Serialize;

use super::diff::PropertyChange;

/// What happened to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncAction {
    /// A new row.
    Create,
    /// Only the changed properties were written.
    Update,
    /// A trashed row brought back (`--restore`) and updated.
    Restore,
    /// Nothing to write.
    Unchanged,
    /// The row is in Notion's trash; left alone (use `--restore`).
    SkippedTrashed,
    /// Invalid record or failed write; see the error.
    Failed,
}

/// The outcome of one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordOutcome {
    /// The record's key (or a label when it has none).
    pub key: String,
    /// What happened.
    pub action: SyncAction,
    /// The row, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_id: Option<String>,
    /// The properties written (or to be written).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<PropertyChange>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl RecordOutcome {
    pub(crate) fn new(key: impl Into<String>, action: SyncAction) -> Self {
        Self {
            key: key.into(),
            action,
            page_id: None,
            changes: Vec::new(),
            error: None,
        }
    }

    pub(crate) fn failed(key: impl Into<String>, error: impl Into<String>) -> Self {
        Self {
            error: Some(error.into()),
            ..Self::new(key, SyncAction::Failed)
        }
    }
}

/// The summary of one sync run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SyncReport {
    /// The database key (or id) synced.
    pub database: String,
    /// The key property records were matched by.
    pub key_property: String,
    /// True when nothing was written.
    pub dry_run: bool,
    /// Rows created.
    pub created: usize,
    /// Rows updated.
    pub updated: usize,
    /// Trashed rows restored.
    pub restored: usize,
    /// Rows already up to date.
    pub unchanged: usize,
    /// Rows in the trash, left alone.
    pub skipped_trashed: usize,
    /// Invalid records and failed writes.
    pub failed: usize,
    /// API requests this sync sent (including retries).
    pub requests: u64,
    /// Creates left unfinished by an earlier run, found by key in this one.
    pub reconciled: usize,
    /// Keys held by more than one row in Notion (the oldest row is synced).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub duplicate_keys_in_notion: Vec<String>,
    /// Every record, in file order.
    pub records: Vec<RecordOutcome>,
}

impl SyncReport {
    /// True when no record failed.
    pub fn is_success(&self) -> bool {
        self.failed == 0
    }

    pub(crate) fn count(&mut self) {
        let count = |a: SyncAction| self.records.iter().filter(|r| r.action == a).count();
        self.created = count(SyncAction::Create);
        self.updated = count(SyncAction::Update);
        self.restored = count(SyncAction::Restore);
        self.unchanged = count(SyncAction::Unchanged);
        self.skipped_trashed = count(SyncAction::SkippedTrashed);
        self.failed = count(SyncAction::Failed);
    }
}
