//! The Development Activity Log: one row per commit, deploy, build, test or security
//! event, keyed by the orchestra-owned "Activity ID" property (a commit SHA, a CI run and
//! attempt, or a generated run id), so re-running an import adds nothing twice.

mod ci;
mod entry;
mod git;
mod people;

pub use ci::{CiOutcome, CiRun};
pub use entry::{ActivityEntry, ActivityKind, ActivityStatus, ManualEntry};
pub use git::{
    GitCommit, GitImport, commit_entries, github_commit_base, import_entries, read_commits,
};
pub use people::People;

use super::Destination;
use crate::error::{Error, Result};
use crate::sync::SyncReport;

/// The database key of the Development Activity Log.
pub const DATABASE: &str = "activity";

/// The orchestra-owned key property of the Development Activity Log.
pub const ACTIVITY_ID: &str = "Activity ID";

/// Upserts `entries` into the Development Activity Log by [`ACTIVITY_ID`].
///
/// # Errors
/// [`Error::Config`] when the database lacks the key property (run `orchestra init
/// --apply`), else what stops [`crate::sync::sync_records`]. Failed rows are in the report.
pub async fn log(to: &Destination<'_>, entries: &[ActivityEntry]) -> Result<SyncReport> {
    let live = to.workspace.live_schema(DATABASE).await?;
    if live.get(ACTIVITY_ID).is_none() {
        return Err(Error::Config {
            path: "activity".into(),
            message: format!(
                "the Development Activity Log has no {ACTIVITY_ID:?} property (orchestra's key \
                 for activity rows); run `orchestra init --apply` to add it"
            ),
        });
    }
    let records: Vec<_> = entries.iter().map(ActivityEntry::to_record).collect();
    to.sync(DATABASE, &records, Some(ACTIVITY_ID)).await
}
