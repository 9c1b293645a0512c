//! `orchestra report daily [--date] [--out]`.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use orchestra::report::{DailyReport, LocalFiles, Published, load_data};
use orchestra::sync::{StateStore, state_path};
use orchestra::workspace::Workspace;
use serde_json::json;

use super::{say, say_json};
use crate::cli::Output;
use crate::cli::daily_args::ReportPlan;
use crate::session::Session;

/// What writing the report produced.
#[derive(Debug)]
pub(crate) struct Written {
    pub(crate) report: DailyReport,
    pub(crate) files: LocalFiles,
    pub(crate) published: Published,
}

/// Today (UTC).
pub(crate) fn today() -> Date {
    Timestamp::now().to_zoned_datetime(TimeZone::UTC).date()
}

/// Reads the databases, builds the report, writes the local files and the Notion page.
pub(crate) async fn write(
    workspace: &Workspace,
    state: &StateStore,
    date: Date,
    out: &Path,
) -> anyhow::Result<Written> {
    let data = load_data(workspace).await?;
    let mut report = DailyReport::build(&data, date, Timestamp::now());
    let (files, published) = report.write_all(workspace, state, out).await?;
    report.summary.report_url = Some(published.url.clone());
    Ok(Written {
        report,
        files,
        published,
    })
}

/// Runs `report daily`.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: &ReportPlan,
) -> anyhow::Result<ExitCode> {
    let state = StateStore::open(&state_path(&session.config_path))?;
    let date = plan.date.unwrap_or_else(today);
    let written = write(&session.workspace(), &state, date, &plan.out).await?;
    if output.json {
        say_json(&json(&written))?;
    } else {
        for line in describe(&written) {
            say(&line)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The report as JSON.
pub(crate) fn json(written: &Written) -> serde_json::Value {
    json!({
        "title": written.report.title,
        "date": written.report.date.to_string(),
        "summary": written.report.summary,
        "page": written.published,
        "files": written.files,
    })
}

/// Where to look.
pub(crate) fn describe(written: &Written) -> Vec<String> {
    let verb = if written.published.created {
        "created"
    } else {
        "updated"
    };
    vec![
        format!(
            "{}: {}",
            written.report.title,
            orchestra::report::summary_line(&written.report.summary)
        ),
        format!(
            "Notion page {verb}: {} ({} chart images)",
            written.published.url, written.published.images
        ),
        format!("Markdown: {}", written.files.markdown.display()),
        format!("HTML:     {}", written.files.html.display()),
    ]
}
