//! `orchestra page create|update`.

use std::process::ExitCode;

use notion_model::Page;
use orchestra::record::Record;
use serde_json::json;

use super::{RECORDS_FAILED, say, say_json};
use crate::cli::Output;
use crate::session::Session;

/// Creates a page after validating the record.
pub(crate) async fn create(
    session: &Session,
    output: Output,
    database: &str,
    record: &Record,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    workspace.database(database)?;
    let result = workspace.create_page(database, record).await;
    finish(output, "created", result)
}

/// Updates a page (by id, URL or title) after validating the record.
pub(crate) async fn update(
    session: &Session,
    output: Output,
    page: &str,
    database: &str,
    record: &Record,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    workspace.database(database)?;
    let id = workspace.find_page(database, page).await?;
    let result = workspace.update_page(database, id, record).await;
    finish(output, "updated", result)
}

fn finish(output: Output, verb: &str, result: orchestra::Result<Page>) -> anyhow::Result<ExitCode> {
    match result {
        Ok(page) => {
            if output.json {
                say_json(&json!({"status": verb, "id": page.id, "url": page.url}))?;
            } else {
                say(&page.id.to_string())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(orchestra::Error::Invalid(err)) => {
            if output.json {
                say_json(&json!({
                    "status": "invalid",
                    "record": err.record,
                    "database": err.database,
                    "problems": err.problems.iter().map(|p| json!({"property": p.property(), "message": p.to_string()})).collect::<Vec<_>>(),
                }))?;
            }
            eprintln!("orchestra: {err}");
            Ok(ExitCode::from(RECORDS_FAILED))
        }
        Err(err) => Err(err.into()),
    }
}
