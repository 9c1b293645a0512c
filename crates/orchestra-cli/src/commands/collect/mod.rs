//! `orchestra log ...`, `orchestra insights collect`, `orchestra tools sync`: the
//! collectors of `orchestra::collect`, with a progress bar, a summary (or `--json`) and
//! Slack alerts. Exit code 1 when a row failed; Slack failures are warnings only.

mod activity;
mod insights;
mod tools;

pub(crate) use insights::{daily_alerts, forget_recovered};

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use orchestra::collect::Destination;
use orchestra::notify::slack::{Alert, NotifyReport, SlackNotifier};
use orchestra::sync::{StateStore, SyncEvent, SyncReport, state_path};
use serde_json::{Value, json};

use super::{RECORDS_FAILED, progress, say, say_json};
use crate::cli::Output;
use crate::cli::collect_plan::CollectPlan;
use crate::session::Session;

/// Runs one collector.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: CollectPlan,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let state = StateStore::open(&state_path(&session.config_path))?;
    let bar = progress::bar(output, 0);
    let on_event = |event: SyncEvent| match event {
        SyncEvent::Planned { writes } => bar.set_length(writes as u64),
        SyncEvent::Wrote => bar.inc(1),
    };
    let mut to = Destination::new(&workspace, &state);
    to.progress = &on_event;
    let outcome = match plan {
        CollectPlan::Event { entry, notify } => activity::event(session, &to, entry, notify).await,
        CollectPlan::Git { import, dry_run } => {
            to.dry_run = dry_run;
            activity::git(session, &to, import).await
        }
        CollectPlan::Ci {
            run,
            status,
            outcome,
            notify,
        } => activity::ci(session, &to, &run, status, outcome, notify).await,
        CollectPlan::Insights {
            metrics,
            system,
            notify,
            dry_run,
            realert,
        } => {
            to.dry_run = dry_run;
            insights::collect(session, &to, metrics, system, notify, realert).await
        }
        CollectPlan::Tools { ledger, dry_run } => {
            to.dry_run = dry_run;
            tools::sync(session, &to, ledger).await
        }
    };
    bar.finish_and_clear();
    finish(output, &outcome?)
}

/// What a collector did, for the summary.
#[derive(Debug)]
struct Outcome {
    report: SyncReport,
    warnings: Vec<String>,
    notify: Option<NotifyReport>,
    /// Collector-specific JSON (rows, alerts).
    extra: Value,
}

fn finish(output: Output, outcome: &Outcome) -> anyhow::Result<ExitCode> {
    let mut warnings = outcome.warnings.clone();
    if let Some(notify) = &outcome.notify {
        warnings.extend(notify.warnings.iter().cloned());
    }
    if output.json {
        let mut value = json!({
            "sync": outcome.report,
            "warnings": warnings,
            "notify": outcome.notify,
        });
        if let (Some(obj), Value::Object(extra)) = (value.as_object_mut(), &outcome.extra) {
            obj.extend(extra.clone());
        }
        say_json(&value)?;
    } else {
        for warning in &warnings {
            eprintln!("orchestra: warning: {warning}");
        }
        for failed in outcome.report.records.iter().filter(|r| r.error.is_some()) {
            eprintln!(
                "orchestra: {}: {}",
                failed.key,
                failed.error.as_deref().unwrap_or("failed")
            );
        }
        say(&summary(&outcome.report))?;
        if let Some(notify) = &outcome.notify
            && notify.posted > 0
        {
            say(&format!("Slack: {} message(s) posted", notify.posted))?;
        }
    }
    Ok(if outcome.report.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(RECORDS_FAILED)
    })
}

fn summary(r: &SyncReport) -> String {
    let would = if r.dry_run { "would be " } else { "" };
    format!(
        "{}: {} {would}created, {} {would}updated, {} unchanged, {} failed; {} API requests",
        r.database, r.created, r.updated, r.unchanged, r.failed, r.requests
    )
}

/// Posts `alerts` when asked to and Slack is configured; `None` when nothing was tried.
async fn notify(session: &Session, wanted: bool, alerts: &[Alert]) -> Option<NotifyReport> {
    if !wanted || alerts.is_empty() {
        return None;
    }
    let slack = SlackNotifier::from_env(&session.config)?;
    Some(slack.post_alerts(alerts).await)
}

/// `file` relative to the configuration's folder (a configured source path).
fn beside_config(config_path: &Path, file: &Path) -> PathBuf {
    if file.is_absolute() {
        return file.to_owned();
    }
    config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| file.to_owned(), |dir| dir.join(file))
}
