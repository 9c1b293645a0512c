//! `orchestra bulk update|archive <database> --where <filter>`: preview, confirm, write.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::bail;
use orchestra::bulk::{BulkAction, BulkEvent, BulkOptions, BulkReport, Preview, apply, select};
use orchestra::record::Validator;
use orchestra::sync::SyncTarget;
use serde_json::json;

use super::{FATAL, RECORDS_FAILED, progress, say, say_json};
use crate::cli::Output;
use crate::cli::plan::BulkPlan;
use crate::session::Session;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 10;

/// Runs one bulk operation.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: &BulkPlan,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let target = SyncTarget::resolve(&workspace, &plan.database).await?;
    let set_names: Vec<String> = plan
        .set
        .as_ref()
        .map(|r| r.values.keys().cloned().collect())
        .unwrap_or_default();
    let selection = select(&workspace, &target, &plan.filter, &set_names).await?;
    let action = match &plan.set {
        Some(record) => {
            let validator = Validator::new(
                &selection.live,
                target.spec.as_ref(),
                workspace.config().notion.option_policy,
            );
            BulkAction::Update(validator.validate(record)?)
        }
        None => BulkAction::Archive,
    };
    let verb = match action {
        BulkAction::Update(_) => "update",
        BulkAction::Archive => "archive",
    };
    let mut columns = plan.filter.properties();
    columns.extend(set_names);
    let preview = selection.preview(&columns, PREVIEW_ROWS);
    show_preview(output, &preview, &selection.notion_filter, verb, plan)?;

    if plan.dry_run || preview.matched == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    if !plan.yes {
        if !std::io::stdin().is_terminal() {
            eprintln!(
                "orchestra: refusing to {verb} {} rows without confirmation: stdin is not a \
                 terminal; pass --yes to go ahead (or --dry-run to only look)",
                preview.matched
            );
            return Ok(ExitCode::from(FATAL));
        }
        if !confirm(&format!(
            "{} {} rows of {}? [y/N] ",
            capitalise(verb),
            preview.matched,
            target.label
        ))? {
            eprintln!("orchestra: nothing changed");
            return Ok(ExitCode::SUCCESS);
        }
    }

    let bar = progress::bar(output, preview.matched as u64);
    let on_event = |event: BulkEvent| match event {
        BulkEvent::Wrote => bar.inc(1),
    };
    let report = apply(
        &workspace,
        &selection,
        &action,
        BulkOptions::default(),
        &on_event,
    )
    .await;
    bar.finish_and_clear();
    if output.json {
        say_json(&serde_json::to_value(&report)?)?;
    } else {
        for failure in &report.failures {
            eprintln!(
                "orchestra: {} ({}): {}",
                failure.title, failure.page_id, failure.error
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

fn show_preview(
    output: Output,
    preview: &Preview,
    filter: &serde_json::Value,
    verb: &str,
    plan: &BulkPlan,
) -> anyhow::Result<()> {
    if output.json {
        // With --yes the summary follows; print the preview only when it is the answer.
        if plan.dry_run || !plan.yes || preview.matched == 0 {
            say_json(&json!({
                "action": verb,
                "dry_run": plan.dry_run,
                "filter": plan.filter.text,
                "notion_filter": filter,
                "matched": preview.matched,
                "columns": preview.columns,
                "rows": preview.rows,
            }))?;
        }
        return Ok(());
    }
    if preview.matched == 0 {
        say("No rows match.")?;
        return Ok(());
    }
    say(&table(preview))?;
    let more = preview.matched.saturating_sub(preview.rows.len());
    let tail = if more > 0 {
        format!(" (first {} shown, {more} more)", preview.rows.len())
    } else {
        String::new()
    };
    let would = if plan.dry_run { "would " } else { "will " };
    say(&format!(
        "{} rows match{tail}; {would}{verb} them.",
        preview.matched
    ))
}

/// The preview as an aligned text table.
fn table(preview: &Preview) -> String {
    let width = |i: usize| {
        preview
            .rows
            .iter()
            .map(|r| cell(&r.values[i]).chars().count())
            .chain(std::iter::once(preview.columns[i].chars().count()))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..preview.columns.len()).map(width).collect();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut lines = vec![line(preview.columns.clone())];
    lines.push(line(widths.iter().map(|w| "-".repeat(*w)).collect()));
    for row in &preview.rows {
        lines.push(line(row.values.iter().map(|v| cell(v)).collect()));
    }
    lines.join("\n")
}

fn cell(text: &str) -> String {
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() > 40 {
        format!("{}…", one_line.chars().take(39).collect::<String>())
    } else {
        one_line
    }
}

fn confirm(question: &str) -> anyhow::Result<bool> {
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{question}")?;
    stderr.flush()?;
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer)? == 0 {
        bail!("no answer (end of input)");
    }
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

fn capitalise(verb: &str) -> String {
    let mut chars = verb.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn summary(report: &BulkReport) -> String {
    let done = if report.action == "archive" {
        format!("{} archived", report.archived)
    } else {
        format!("{} updated", report.updated)
    };
    format!(
        "{} (bulk {}): {} matched, {done}, {} failed; {} API requests",
        report.database, report.action, report.matched, report.failed, report.requests
    )
}
