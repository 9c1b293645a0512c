//! `orchestra log ...`.

use jiff::Timestamp;
use orchestra::collect::activity::{
    self, ActivityEntry, ActivityStatus, CiOutcome, CiRun, GitImport, ManualEntry, People,
};
use orchestra::collect::{Destination, changed_keys};
use orchestra::notify::slack::alerts_for;
use orchestra::typed::DevActivity;
use serde_json::json;

use super::{Outcome, notify};
use crate::session::Session;

/// Logs one event (one row per invocation unless `--key` is given).
pub(super) async fn event(
    session: &Session,
    to: &Destination<'_>,
    entry: ManualEntry,
    wanted: bool,
) -> anyhow::Result<Outcome> {
    let people = match &entry.author {
        Some(author) if author.contains('@') => People::load(&session.client).await,
        _ => People::default(),
    };
    let entry = entry.into_entry(Timestamp::now(), &people);
    write(session, to, vec![entry], wanted).await
}

/// Imports a repository's commits.
pub(super) async fn git(
    session: &Session,
    to: &Destination<'_>,
    import: GitImport,
) -> anyhow::Result<Outcome> {
    let people = People::load(&session.client).await;
    let entries = activity::import_entries(&import, &people)?;
    write(session, to, entries, false).await
}

/// Records the current GitHub Actions run.
pub(super) async fn ci(
    session: &Session,
    to: &Destination<'_>,
    run: &CiRun,
    status: Option<ActivityStatus>,
    outcome: Option<CiOutcome>,
    wanted: bool,
) -> anyhow::Result<Outcome> {
    let entry = run.entry(status, outcome, Timestamp::now());
    write(session, to, vec![entry], wanted).await
}

/// Syncs the rows, then alerts for the failures among the rows that changed.
async fn write(
    session: &Session,
    to: &Destination<'_>,
    entries: Vec<ActivityEntry>,
    wanted: bool,
) -> anyhow::Result<Outcome> {
    let report = activity::log(to, &entries).await?;
    let changed = changed_keys(&report);
    let rows: Vec<DevActivity> = entries
        .into_iter()
        .filter(|e| changed.contains(e.id.as_str()))
        .map(|e| e.row)
        .collect();
    let alerts = alerts_for(&rows, &[]);
    let notify = if to.dry_run {
        None
    } else {
        notify(session, wanted, &alerts).await
    };
    Ok(Outcome {
        extra: json!({"alerts": alerts}),
        report,
        warnings: Vec::new(),
        notify,
    })
}
