//! `orchestra kb sync <persona>` and `orchestra kb search <persona> <text>`.

use std::process::ExitCode;

use orchestra::kb::{self, Found};
use orchestra::sync::{
    LocalSource, StateStore, SyncOptions, SyncTarget, state_path, title_property,
};

use super::{RECORDS_FAILED, pull, say, say_json, sync};
use crate::cli::Output;
use crate::cli::two_way::{KbPlan, PullPlan};
use crate::session::Session;

/// Runs a `kb` subcommand.
pub(crate) async fn run(
    session: &Session,
    output: Output,
    plan: KbPlan,
) -> anyhow::Result<ExitCode> {
    match plan {
        KbPlan::Sync {
            persona,
            dir,
            on_conflict,
            prune,
        } => {
            kb::check_persona(&persona)?;
            let folder = kb::folder(
                &session.config,
                &session.config_path,
                &persona,
                dir.as_deref(),
            );
            let workspace = session.workspace();
            let target = SyncTarget::resolve(&workspace, &persona).await?;
            let title = title_property(&workspace, &target).await?;
            let mut source = LocalSource::open_folder(&folder, &title)?;
            let state = StateStore::open(&state_path(&session.config_path))?;
            let pull_plan = PullPlan {
                database: persona.clone(),
                into: folder.clone(),
                on_conflict,
                prune,
                key: None,
                full: false,
            };
            let pulled = pull::pull(session, &target, &mut source, &state, &pull_plan).await?;
            if !pulled.is_success() {
                if output.json {
                    say_json(&serde_json::json!({ "pull": pulled, "pushed": false }))?;
                } else {
                    pull::print(&pulled)?;
                    say("Nothing pushed.")?;
                }
                return Ok(pull::exit_code(&pulled));
            }
            let pushed = sync::push(
                session,
                output,
                &target,
                &source,
                &state,
                &SyncOptions::default(),
            )
            .await?;
            sync::print_push(output, &pushed, Some(&pulled))?;
            Ok(if pushed.is_success() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(RECORDS_FAILED)
            })
        }
        KbPlan::Search { persona, text, dir } => {
            kb::check_persona(&persona)?;
            let folder = kb::folder(
                &session.config,
                &session.config_path,
                &persona,
                dir.as_deref(),
            );
            let workspace = session.workspace();
            let target = SyncTarget::resolve(&workspace, &persona).await?;
            let title = title_property(&workspace, &target).await?;
            let local = if folder.is_dir() {
                Some(LocalSource::open(&folder, &title)?)
            } else {
                None
            };
            let hits = kb::search(&workspace, &target, local.as_ref(), &text).await?;
            if output.json {
                say_json(&serde_json::json!({
                    "persona": persona,
                    "query": text,
                    "matches": hits,
                }))?;
                return Ok(ExitCode::SUCCESS);
            }
            if hits.is_empty() {
                say(&format!("No note of {persona} mentions {text:?}."))?;
            }
            for hit in &hits {
                let place = hit
                    .found_in
                    .iter()
                    .map(|f| match f {
                        Found::Local => "local",
                        Found::Notion => "notion",
                    })
                    .collect::<Vec<_>>()
                    .join("+");
                say(&format!("{place:<13} {:<32} {}", hit.title, hit.excerpt))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
