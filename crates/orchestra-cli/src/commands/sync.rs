//! `orchestra sync <database> --from <file> [--dry-run] [--both]`.

use std::process::ExitCode;

use orchestra::record::PlainValue;
use orchestra::sync::{
    LocalSource, PullReport, PushReport, StateStore, SyncAction, SyncEvent, SyncOptions,
    SyncReport, SyncTarget, push_source, state_path, title_property,
};
use serde_json::Value;

use super::{RECORDS_FAILED, progress, pull, say, say_json};
use crate::cli::two_way::PullPlan;
use crate::cli::{Output, SyncPlan};
use crate::session::Session;

/// Reads the source, (pulls first with `--both`,) pushes it and prints the summary (or
/// the diff with `--dry-run`).
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: &SyncPlan,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let target = SyncTarget::resolve(&workspace, &plan.database).await?;
    let title = title_property(&workspace, &target).await?;
    let mut source = LocalSource::open(&plan.from, &title)?;
    let state = StateStore::open(&state_path(&session.config_path))?;
    let pulled = if plan.both {
        let pull_plan = PullPlan {
            database: plan.database.clone(),
            into: plan.from.clone(),
            on_conflict: plan.on_conflict,
            prune: plan.prune,
            key: plan.key.clone(),
            full: false,
        };
        let report = pull::pull(session, &target, &mut source, &state, &pull_plan).await?;
        if !report.is_success() {
            if output.json {
                say_json(&serde_json::json!({ "pull": report, "pushed": false }))?;
            } else {
                pull::print(&report)?;
                say("Nothing pushed.")?;
            }
            return Ok(pull::exit_code(&report));
        }
        Some(report)
    } else {
        None
    };
    let options = SyncOptions {
        dry_run: plan.dry_run,
        restore: plan.restore,
        key_property: plan.key.clone(),
        ..SyncOptions::default()
    };
    let report = push(session, output, &target, &source, &state, &options).await?;
    print_push(output, &report, pulled.as_ref())?;
    Ok(if report.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(RECORDS_FAILED)
    })
}

/// The push, with a progress bar.
pub(crate) async fn push(
    session: &Session,
    output: Output,
    target: &SyncTarget,
    source: &LocalSource,
    state: &StateStore,
    options: &SyncOptions,
) -> anyhow::Result<PushReport> {
    let bar = progress::bar(output, 0);
    let on_event = |event: SyncEvent| match event {
        SyncEvent::Planned { writes } => bar.set_length(writes as u64),
        SyncEvent::Wrote => bar.inc(1),
    };
    let report = push_source(
        &session.workspace(),
        target,
        source,
        state,
        options,
        &on_event,
    )
    .await;
    bar.finish_and_clear();
    Ok(report?)
}

/// Prints a push (after a pull, when there was one): JSON or the human summary.
pub(crate) fn print_push(
    output: Output,
    report: &PushReport,
    pulled: Option<&PullReport>,
) -> anyhow::Result<()> {
    if output.json {
        let mut value = serde_json::to_value(report)?;
        if let (Some(pulled), Value::Object(map)) = (pulled, &mut value) {
            map.insert("pulled".into(), pulled.pulled.into());
            map.insert("merged".into(), pulled.merged.into());
            map.insert("appended".into(), pulled.appended.into());
            map.insert("conflicts".into(), pulled.conflicts.len().into());
            let total = report.sync.requests + pulled.requests;
            map.insert("requests".into(), total.into());
            map.insert("pull".into(), serde_json::to_value(pulled)?);
        }
        return say_json(&value);
    }
    if let Some(pulled) = pulled {
        pull::print(pulled)?;
    }
    let sync = &report.sync;
    if sync.dry_run {
        print_diff(sync)?;
    }
    for failed in sync
        .records
        .iter()
        .filter(|r| r.action == SyncAction::Failed)
    {
        eprintln!(
            "orchestra: {}: {}",
            failed.key,
            failed.error.as_deref().unwrap_or("failed")
        );
    }
    for (key, error) in &report.body_failures {
        eprintln!("orchestra: {key}: page content: {error}");
    }
    let mut line = summary(sync);
    if report.bodies_written > 0 {
        line.push_str(&format!("; {} page bodies written", report.bodies_written));
    }
    say(&line)
}

fn summary(report: &SyncReport) -> String {
    let would = if report.dry_run { "would be " } else { "" };
    let mut parts = vec![
        format!("{} {would}created", report.created),
        format!("{} {would}updated", report.updated),
        format!("{} unchanged", report.unchanged),
        format!("{} failed", report.failed),
    ];
    if report.restored > 0 {
        parts.insert(2, format!("{} {would}restored", report.restored));
    }
    if report.skipped_trashed > 0 {
        parts.push(format!(
            "{} skipped (in the trash; --restore brings them back)",
            report.skipped_trashed
        ));
    }
    format!(
        "{} ({} by {:?}): {}; {} API requests",
        report.database,
        if report.dry_run { "dry run" } else { "synced" },
        report.key_property,
        parts.join(", "),
        report.requests
    )
}

/// The dry run's table: one line per record that would change, one per property.
fn print_diff(report: &SyncReport) -> anyhow::Result<()> {
    let changing = report.records.iter().filter(|r| {
        matches!(
            r.action,
            SyncAction::Create | SyncAction::Update | SyncAction::Restore
        )
    });
    let mut any = false;
    for record in changing {
        any = true;
        let action = match record.action {
            SyncAction::Create => "+ create",
            SyncAction::Restore => "^ restore",
            _ => "~ update",
        };
        say(&format!("{action} {:?}", record.key))?;
        for change in &record.changes {
            let after = show(&change.after);
            match &change.before {
                Some(before) => say(&format!(
                    "    {:<24} {} -> {after}",
                    change.property,
                    show(before)
                ))?,
                None => say(&format!("    {:<24} {after}", change.property))?,
            }
        }
    }
    if !any {
        say("Nothing to change.")?;
    }
    Ok(())
}

fn show(value: &PlainValue) -> String {
    match value {
        PlainValue::Null => "(empty)".to_owned(),
        PlainValue::Text(t) => format!("{t:?}"),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}
