//! `orchestra daily`: the whole daily job, in order: init (when databases lack ids),
//! collect (activity from the configured git repositories, insights, AI tools), sync
//! (projects from the records file; the persona knowledge bases whose folders exist),
//! report, notify (Slack summary and alerts).
//!
//! Idempotent per day: every write goes through the sync engine (unchanged rows cost no
//! write), the report page of the day is updated in place, and the steps that would
//! otherwise change something on every run (measuring insights, posting to Slack) run
//! once a day unless `--force` (remembered in the sync state). Exit code 1 when a record
//! or a step failed (the others still ran), 2 when the job could not run at all.

mod insight_alerts;
mod steps;
mod summary;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use orchestra::sync::{RowState, StateStore, state_path};

use super::{RECORDS_FAILED, progress};
use crate::cli::Output;
use crate::cli::daily_args::DailyPlan;
use crate::session::Session;
use summary::{Outcome, StepResult};

/// The sync-state "database" of the once-a-day markers.
const MARKERS: &str = "daily-job";

/// The steps, in order (for the progress display).
const STEPS: [&str; 8] = [
    "init",
    "activity",
    "insights",
    "tools",
    "projects",
    "knowledge bases",
    "report",
    "notify",
];

/// Runs the job.
pub(crate) async fn run(
    session: &mut Session,
    output: Output,
    plan: &DailyPlan,
) -> anyhow::Result<ExitCode> {
    let date = plan.report.date.unwrap_or_else(super::report::today);
    let state = StateStore::open(&state_path(&session.config_path))?;
    let bar = progress::bar(output, STEPS.len() as u64);
    let mut outcome = Outcome::new(date);
    let step = |i: usize| {
        bar.set_position(i as u64);
        bar.set_message(STEPS[i]);
    };

    step(0);
    outcome.push(steps::init(session, output).await?);
    let workspace = session.workspace();

    step(1);
    let (result, failed_activity) = steps::activity(session, &workspace, &state).await;
    outcome.push(result);

    step(2);
    let mut critical = Vec::new();
    if plan.force || !done_today(&state, date, "insights")? {
        let (mut result, insights) = steps::insights(session, &workspace, &state).await;
        if result.error.is_none() {
            mark_done(&state, date, "insights")?;
            insight_alerts::forget(&mut result, session, &insights);
        }
        critical = insights;
        outcome.push(result);
    } else {
        outcome.push(StepResult::skipped("insights", "already measured today"));
    }

    step(3);
    outcome.push(steps::tools(session, &workspace, &state).await);

    step(4);
    outcome.push(steps::projects(session, &workspace, &state).await);

    step(5);
    for result in steps::knowledge_bases(session, &workspace, &state).await {
        outcome.push(result);
    }

    step(6);
    let written = steps::report(&workspace, &state, date, &plan.report.out).await;
    let report = match written {
        Ok(written) => {
            outcome.push(StepResult::report(&written));
            Some(written)
        }
        Err(err) => {
            outcome.push(StepResult::failed("report", &err));
            None
        }
    };

    step(7);
    if !plan.notify {
        outcome.push(StepResult::skipped("notify", "--no-notify"));
    } else if !plan.force && done_today(&state, date, "notify")? {
        outcome.push(StepResult::skipped(
            "notify",
            "summary already posted today",
        ));
    } else {
        let mut result = steps::notify(&workspace, report.as_ref(), &failed_activity, &[]).await;
        insight_alerts::post(&mut result, &workspace, session, &critical).await;
        if result.posted() {
            mark_done(&state, date, "notify")?;
        }
        outcome.push(result);
    }
    bar.finish_and_clear();

    outcome.report = report;
    outcome.local = session
        .local
        .as_ref()
        .map(|l| (l.path.clone(), l.base_url.clone()));
    outcome.print(output)?;
    Ok(if outcome.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(RECORDS_FAILED)
    })
}

fn marker(date: jiff::civil::Date, step: &str) -> String {
    format!("{date} {step}")
}

fn done_today(state: &StateStore, date: jiff::civil::Date, step: &str) -> anyhow::Result<bool> {
    Ok(state.row(MARKERS, &marker(date, step))?.is_some())
}

fn mark_done(state: &StateStore, date: jiff::civil::Date, step: &str) -> anyhow::Result<()> {
    state.put_row(
        MARKERS,
        &marker(date, step),
        &RowState {
            page_id: String::new(),
            hash: "done".to_owned(),
            last_edited_time: jiff::Timestamp::now().to_string(),
        },
    )?;
    Ok(())
}

/// `file` relative to the configuration's folder.
pub(crate) fn beside_config(config_path: &Path, file: &Path) -> PathBuf {
    if file.is_absolute() {
        return file.to_owned();
    }
    config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| file.to_owned(), |dir| dir.join(file))
}
