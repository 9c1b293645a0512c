//! `orchestra init [--parent] [--dry-run] [--apply]`.

use std::process::ExitCode;

use anyhow::{Context, bail};
use notion_model::PageId;
use orchestra::provision::{self, ApplyOptions, ProvisionEvent};
use serde_json::json;

use super::{FATAL, say, say_json};
use crate::cli::Output;
use crate::session::Session;

/// The flags of `init`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) parent: Option<PageId>,
    pub(crate) dry_run: bool,
    pub(crate) apply: bool,
}

/// Plans, prints, and (unless `--dry-run`) creates what is missing and records the ids.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    options: Options,
) -> anyhow::Result<ExitCode> {
    let parent = options
        .parent
        .or_else(|| session.config.parent_page())
        .or_else(|| session.local_root());
    let Some(parent) = parent else {
        bail!(
            "no parent page: pass --parent <page id or URL> (a page shared with the integration)"
        );
    };
    let plan = provision::survey(&session.client, &session.schema, &session.config, parent)
        .await
        .with_context(|| format!("reading the parent page {parent}"))?;
    if !output.json {
        say(plan.to_string().trim_end())?;
    }
    if options.dry_run {
        if output.json {
            say_json(&plan_json(&plan))?;
        } else {
            say("Dry run: nothing was changed.")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut config = session.config.clone();
    config.notion.parent_page_id = Some(parent.to_string());
    let bar = super::progress::bar(output, plan.databases.len() as u64);
    let on_event = |event: ProvisionEvent| match event {
        ProvisionEvent::Database { title, index, .. } => {
            bar.set_position(index as u64);
            bar.set_message(title);
        }
        ProvisionEvent::Changed(what) => tracing::info!("{what}"),
        _ => {}
    };
    let applied = provision::apply(
        &session.client,
        &session.schema,
        &plan,
        &mut config,
        ApplyOptions {
            repair_drift: options.apply,
        },
        &on_event,
    )
    .await;
    bar.finish_and_clear();
    // Save whatever was created, even when a later step failed (into the local
    // workspace's ids file when there is no token: see `Session::save_ids`).
    if config != session.config {
        session.save_ids(&config)?;
    }
    let report = applied?;
    if output.json {
        say_json(&json!({
            "parent": parent,
            "created": report.created,
            "repaired": report.repaired,
            "left": report.left,
            "blocked": report.blocked,
            "databases": config.databases,
        }))?;
    } else {
        if !report.changed_anything() && report.blocked.is_empty() && report.left.is_empty() {
            say("Nothing to do: the workspace matches the brief.")?;
        }
        for key in &report.created {
            say(&format!("created {key}"))?;
        }
        for change in &report.repaired {
            say(&format!("repaired {change}"))?;
        }
        if !report.left.is_empty() {
            say(if options.apply {
                "Some differences need a person (see above)."
            } else {
                "Differences found: run `orchestra init --apply` to apply the additive changes."
            })?;
        }
    }
    Ok(if report.blocked.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(FATAL)
    })
}

fn plan_json(plan: &provision::Plan) -> serde_json::Value {
    let databases: Vec<_> = plan
        .databases
        .iter()
        .map(|db| {
            let (action, detail): (&str, Vec<String>) = match &db.action {
                provision::Action::Create => ("create", Vec::new()),
                provision::Action::Keep { drift, .. } if drift.is_empty() => ("keep", Vec::new()),
                provision::Action::Keep { drift, .. } => {
                    ("update", drift.iter().map(ToString::to_string).collect())
                }
                provision::Action::Blocked { reason, fix } => {
                    ("blocked", vec![reason.clone(), fix.clone()])
                }
                _ => ("unknown", Vec::new()),
            };
            json!({"key": db.key, "title": db.title, "action": action, "changes": detail})
        })
        .collect();
    json!({"parent": plan.parent, "dry_run": true, "databases": databases})
}
