//! `orchestra pull <database> --into <file>`, and the pull half of `sync --both` and
//! `kb sync`.

use std::process::ExitCode;

use orchestra::record::PlainValue;
use orchestra::sync::{
    LocalSource, PullOptions, PullReport, StateStore, SyncTarget, pull_into, state_path,
    title_property,
};

use super::{RECORDS_FAILED, say, say_json};
use crate::cli::Output;
use crate::cli::two_way::PullPlan;
use crate::session::Session;

/// Pulls and prints the summary; exit code 1 when conflicts were left unresolved.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: &PullPlan,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let target = SyncTarget::resolve(&workspace, &plan.database).await?;
    let title = title_property(&workspace, &target).await?;
    let mut source = LocalSource::open(&plan.into, &title)?;
    let state = StateStore::open(&state_path(&session.config_path))?;
    let report = pull(session, &target, &mut source, &state, plan).await?;
    if output.json {
        say_json(&serde_json::to_value(&report)?)?;
    } else {
        print(&report)?;
    }
    Ok(exit_code(&report))
}

/// The pull itself.
pub(crate) async fn pull(
    session: &Session,
    target: &SyncTarget,
    source: &mut LocalSource,
    state: &StateStore,
    plan: &PullPlan,
) -> anyhow::Result<PullReport> {
    let options = PullOptions {
        on_conflict: plan.on_conflict,
        prune: plan.prune,
        key_property: plan.key.clone(),
        full: plan.full,
        ..PullOptions::default()
    };
    Ok(pull_into(&session.workspace(), target, source, state, &options).await?)
}

/// 1 when conflicts are unresolved.
pub(crate) fn exit_code(report: &PullReport) -> ExitCode {
    if report.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(RECORDS_FAILED)
    }
}

/// The human summary, conflicts and warnings.
pub(crate) fn print(report: &PullReport) -> anyhow::Result<()> {
    for warning in &report.warnings {
        eprintln!("orchestra: warning: {warning}");
    }
    if report.unresolved() > 0 {
        say(&format!(
            "{} conflict(s): both sides changed since the last sync; nothing was written. \
             Choose with --on-conflict notion|local|newer.",
            report.unresolved()
        ))?;
    }
    for conflict in &report.conflicts {
        let resolved = match conflict.resolved_to {
            Some(side) => format!(
                " -> kept {}",
                serde_json::to_value(side)?.as_str().unwrap_or("")
            ),
            None => String::new(),
        };
        say(&format!(
            "  conflict {:?} {}: local {} | Notion {}{resolved}",
            conflict.key,
            conflict.property,
            show(&conflict.local),
            show(&conflict.notion)
        ))?;
    }
    for key in &report.trashed {
        say(&format!(
            "  {key:?} is in Notion's trash{}",
            if report.pruned > 0 {
                "; removed from the file"
            } else {
                " (--prune removes it from the file)"
            }
        ))?;
    }
    let since = report.since.as_deref().map_or_else(
        || "every row".to_owned(),
        |s| format!("rows edited since {s}"),
    );
    say(&format!(
        "{} (pulled into {} by {:?}, {since}): {} read, {} merged, {} appended, {} unchanged, \
         {} conflict(s); {} API requests",
        report.database,
        report.source,
        report.key_property,
        report.pulled,
        report.merged,
        report.appended,
        report.unchanged,
        report.conflicts.len(),
        report.requests
    ))
}

fn show(value: &PlainValue) -> String {
    match value {
        PlainValue::Null => "(empty)".to_owned(),
        PlainValue::Text(t) => format!("{t:?}"),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}
