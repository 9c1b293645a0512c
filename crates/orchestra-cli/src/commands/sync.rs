//! `orchestra sync <database> --from <file> [--dry-run]`.

use std::process::ExitCode;

use orchestra::record::PlainValue;
use orchestra::sync::{
    StateStore, SyncAction, SyncEvent, SyncOptions, SyncReport, SyncTarget, read_records,
    state_path, sync_records,
};

use super::{RECORDS_FAILED, progress, say, say_json};
use crate::cli::{Output, SyncPlan};
use crate::session::Session;

/// Reads the records, syncs them and prints the summary (or the diff with `--dry-run`).
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: &SyncPlan,
) -> anyhow::Result<ExitCode> {
    let records = read_records(&plan.from)?;
    let workspace = session.workspace();
    let target = SyncTarget::resolve(&workspace, &plan.database).await?;
    let state = StateStore::open(&state_path(&session.config_path))?;
    let options = SyncOptions {
        dry_run: plan.dry_run,
        restore: plan.restore,
        key_property: plan.key.clone(),
        ..SyncOptions::default()
    };
    let bar = progress::bar(output, 0);
    let on_event = |event: SyncEvent| match event {
        SyncEvent::Planned { writes } => bar.set_length(writes as u64),
        SyncEvent::Wrote => bar.inc(1),
    };
    let report = sync_records(&workspace, &target, &records, &state, &options, &on_event).await;
    bar.finish_and_clear();
    let report = report?;

    if output.json {
        say_json(&serde_json::to_value(&report)?)?;
    } else {
        if report.dry_run {
            print_diff(&report)?;
        }
        for failed in report
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
        say(&summary(&report))?;
    }
    Ok(if report.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(RECORDS_FAILED)
    })
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
