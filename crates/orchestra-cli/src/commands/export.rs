//! `orchestra export <page|database> --format md|html [--out DIR]`.

use std::process::ExitCode;

use serde_json::json;

use super::{say, say_json};
use crate::cli::Output;
use crate::cli::daily_args::ExportPlan;
use crate::session::Session;

/// Exports and prints what was written.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: &ExportPlan,
) -> anyhow::Result<ExitCode> {
    let report =
        orchestra::export::export(&session.client, &plan.target, plan.format, &plan.out).await?;
    if output.json {
        say_json(&json!({
            "format": plan.format,
            "main": report.main,
            "documents": report.documents,
            "downloads": report.downloads,
        }))?;
    } else {
        say(&format!(
            "Exported {} document(s) and {} file(s); start at {}",
            report.documents.len(),
            report.downloads.len(),
            report.main.display()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}
