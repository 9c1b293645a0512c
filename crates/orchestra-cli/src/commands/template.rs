//! `orchestra template list|apply`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::Context;
use orchestra::record::Record;
use orchestra::sync::SyncTarget;
use orchestra::templates::{
    AppliedTemplate, LocalTemplate, apply_local, apply_notion, list_local, list_notion,
    templates_dir,
};
use serde_json::json;

use super::{say, say_json};
use crate::cli::Output;
use crate::session::Session;

/// Lists the local templates and, for a database, its Notion templates.
pub(crate) async fn list(
    session: &Session,
    output: Output,
    database: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let dir = templates_dir(&session.config, &session.config_path);
    let local = list_local(&dir)?;
    let local: Vec<&LocalTemplate> = local
        .iter()
        .filter(|t| database.is_none_or(|db| t.database.as_deref().is_none_or(|own| own == db)))
        .collect();
    let notion = match database {
        Some(db) => {
            let workspace = session.workspace();
            let target = SyncTarget::resolve(&workspace, db).await?;
            list_notion(&workspace, &target).await?
        }
        None => Vec::new(),
    };
    if output.json {
        say_json(&json!({
            "templates_dir": dir,
            "local": local.iter().map(|t| json!({
                "name": t.name,
                "database": t.database,
                "description": t.description,
                "placeholders": t.placeholders(),
                "properties": t.properties,
                "path": t.path,
            })).collect::<Vec<_>>(),
            "notion": notion.iter().map(|t| json!({
                "id": t.id, "name": t.name, "is_default": t.is_default,
            })).collect::<Vec<_>>(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if local.is_empty() {
        say(&format!("No local templates in {}.", dir.display()))?;
    } else {
        say(&format!("Local templates ({}):", dir.display()))?;
        for t in &local {
            let placeholders = t.placeholders();
            say(&format!(
                "  {:<24} {:<10} {}{}",
                t.name,
                t.database.as_deref().unwrap_or("-"),
                t.description.as_deref().unwrap_or(""),
                if placeholders.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", placeholders.join(", "))
                }
            ))?;
        }
    }
    if let Some(db) = database {
        if notion.is_empty() {
            say(&format!("No Notion templates in {db}."))?;
        } else {
            say(&format!("Notion templates of {db}:"))?;
            for t in &notion {
                let default = if t.is_default { " (default)" } else { "" };
                say(&format!("  {:<24} {}{default}", t.name, t.id))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Creates a page from a local template, else from a Notion template of the database.
pub(crate) async fn apply(
    session: &Session,
    output: Output,
    name: &str,
    database: Option<&str>,
    values: &BTreeMap<String, String>,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let dir = templates_dir(&session.config, &session.config_path);
    let local = list_local(&dir)?.into_iter().find(|t| t.name == name);
    let applied: AppliedTemplate = match local {
        Some(template) => {
            let db = database
                .or(template.database.as_deref())
                .with_context(|| format!("template {name:?} names no database; give --database"))?;
            let target = SyncTarget::resolve(&workspace, db).await?;
            apply_local(&workspace, &target, &template, values).await?
        }
        None => {
            let db = database.with_context(|| {
                format!(
                    "no local template {name:?} in {}; for a Notion template give --database",
                    dir.display()
                )
            })?;
            let target = SyncTarget::resolve(&workspace, db).await?;
            let record = Record::from_assignments(
                values
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            )
            .map_err(anyhow::Error::msg)?;
            apply_notion(&workspace, &target, name, &record).await?
        }
    };
    if output.json {
        say_json(&serde_json::to_value(&applied)?)?;
    } else {
        for warning in &applied.warnings {
            eprintln!("orchestra: {warning}");
        }
        say(&applied.page_id.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}
