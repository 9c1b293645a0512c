//! The subcommands.

mod bulk;
mod collect;
mod comment;
mod config;
mod daily;
mod doctor;
mod export;
mod init;
mod kb;
mod page;
mod progress;
mod pull;
mod report;
mod sync;
mod template;

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Action, Cli, Plan};
use crate::session::Session;

/// Some records failed (exit 1).
pub(crate) const RECORDS_FAILED: u8 = 1;
/// A fatal problem found by a check (exit 2).
pub(crate) const FATAL: u8 = 2;

/// Runs a plan on a fresh runtime.
pub(crate) fn run(plan: Plan) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run_async(plan))
}

async fn run_async(plan: Plan) -> anyhow::Result<ExitCode> {
    let output = plan.output;
    match plan.action {
        Action::Completions(shell) => {
            let mut stdout = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "orchestra", &mut stdout);
            stdout.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Action::EmulatorServe(args) => {
            notion_emulator::run_serve(args).await?;
            Ok(ExitCode::SUCCESS)
        }
        Action::ConfigShow => config::show(&plan.config, output),
        Action::Daily(daily_plan) => {
            let mut session = Session::open(plan.config, output).await?;
            let result = daily::run(&mut session, output, &daily_plan).await;
            session.close().await;
            result
        }
        action => {
            let session = Session::open(plan.config, output).await?;
            let result = match action {
                Action::Init {
                    parent,
                    dry_run,
                    apply,
                } => {
                    init::run(
                        &session,
                        output,
                        init::Options {
                            parent,
                            dry_run,
                            apply,
                        },
                    )
                    .await
                }
                Action::Doctor => doctor::run(&session, output).await,
                Action::PageCreate { database, record } => {
                    page::create(&session, output, &database, &record).await
                }
                Action::PageUpdate {
                    page,
                    database,
                    record,
                } => page::update(&session, output, &page, &database, &record).await,
                Action::Sync(plan) => sync::run(&session, output, &plan).await,
                Action::Pull(plan) => pull::run(&session, output, &plan).await,
                Action::Kb(plan) => kb::run(&session, output, plan).await,
                Action::Collect(plan) => collect::run(&session, output, plan).await,
                Action::Bulk(plan) => bulk::run(&session, output, &plan).await,
                Action::Report(plan) => report::run(&session, output, &plan).await,
                Action::Export(plan) => export::run(&session, output, &plan).await,
                Action::TemplateList { database } => {
                    template::list(&session, output, database.as_deref()).await
                }
                Action::TemplateApply {
                    name,
                    database,
                    values,
                } => template::apply(&session, output, &name, database.as_deref(), &values).await,
                Action::CommentAdd {
                    page,
                    text,
                    mention,
                    database,
                } => {
                    comment::add(
                        &session,
                        output,
                        &page,
                        &text,
                        mention.as_deref(),
                        database.as_deref(),
                    )
                    .await
                }
                Action::CommentList { page, database } => {
                    comment::list(&session, output, &page, database.as_deref()).await
                }
                Action::Completions(_)
                | Action::EmulatorServe(_)
                | Action::ConfigShow
                | Action::Daily(_) => {
                    unreachable!("handled above")
                }
            };
            session.close().await;
            result
        }
    }
}

/// Writes one line to stdout.
pub(crate) fn say(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")?;
    Ok(())
}

/// Writes pretty JSON to stdout.
pub(crate) fn say_json(value: &serde_json::Value) -> anyhow::Result<()> {
    say(&serde_json::to_string_pretty(value)?)
}
