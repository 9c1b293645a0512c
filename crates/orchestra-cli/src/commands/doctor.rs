//! `orchestra doctor`.

use std::process::ExitCode;

use orchestra::doctor::LocalWorkspace;

use super::{FATAL, say, say_json};
use crate::cli::Output;
use crate::session::Session;

/// Runs every check; exit 2 when one fails.
pub(crate) async fn run(session: &Session, output: Output) -> anyhow::Result<ExitCode> {
    let local = LocalWorkspace {
        path: session.local.as_ref().map_or_else(
            || crate::local::database_path(&session.config_path),
            |l| l.path.clone(),
        ),
        in_use: session.local.is_some(),
    };
    let report = orchestra::doctor::run(
        &session.client,
        &session.schema,
        &session.config,
        Some(local),
    )
    .await;
    if output.json {
        say_json(&serde_json::to_value(&report)?)?;
    } else {
        say(report.to_string().trim_end())?;
    }
    Ok(if report.failed() {
        ExitCode::from(FATAL)
    } else {
        ExitCode::SUCCESS
    })
}
