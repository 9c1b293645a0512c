//! The validated plan: what to run, with clap's types left behind.

use std::path::PathBuf;

use anyhow::{Context, bail};
use notion_emulator::ServeArgs;
use notion_model::PageId;
use orchestra::record::Record;

use super::args::{Cli, Command, ConfigCommand, EmulatorCommand, PageCommand, Shell};

/// Output and logging choices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Output {
    pub(crate) json: bool,
    pub(crate) verbosity: u8,
    pub(crate) debug: bool,
    pub(crate) progress: bool,
}

/// A command ready to run.
#[derive(Debug)]
pub(crate) enum Action {
    Init {
        parent: Option<PageId>,
        dry_run: bool,
        apply: bool,
    },
    Doctor,
    ConfigShow,
    PageCreate {
        database: String,
        record: Record,
    },
    PageUpdate {
        page: String,
        database: String,
        record: Record,
    },
    Sync(SyncPlan),
    Completions(clap_complete::Shell),
    EmulatorServe(ServeArgs),
}

/// `orchestra sync`.
#[derive(Debug)]
pub(crate) struct SyncPlan {
    pub(crate) database: String,
    pub(crate) from: PathBuf,
    pub(crate) dry_run: bool,
    pub(crate) restore: bool,
    pub(crate) key: Option<String>,
}

/// Everything `run` needs.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) config: PathBuf,
    pub(crate) output: Output,
    pub(crate) action: Action,
}

impl TryFrom<Cli> for Plan {
    type Error = anyhow::Error;

    fn try_from(cli: Cli) -> anyhow::Result<Self> {
        let record = |set: &[String]| -> anyhow::Result<Record> {
            if set.is_empty() {
                bail!("give at least one property: --set Name=value");
            }
            Record::from_assignments(set.iter().map(String::as_str)).map_err(anyhow::Error::msg)
        };
        let action = match cli.command {
            Command::Init(args) => Action::Init {
                parent: args
                    .parent
                    .as_deref()
                    .map(PageId::parse)
                    .transpose()
                    .context("--parent: expected a page id or a Notion page URL")?,
                dry_run: args.dry_run,
                apply: args.apply,
            },
            Command::Doctor => Action::Doctor,
            Command::Config {
                command: ConfigCommand::Show,
            } => Action::ConfigShow,
            Command::Page {
                command: PageCommand::Create { database, set },
            } => Action::PageCreate {
                database,
                record: record(&set)?,
            },
            Command::Page {
                command:
                    PageCommand::Update {
                        page,
                        database,
                        set,
                    },
            } => Action::PageUpdate {
                page,
                database,
                record: record(&set)?,
            },
            Command::Sync(args) => Action::Sync(SyncPlan {
                database: args.database,
                from: args.from,
                dry_run: args.dry_run,
                restore: args.restore,
                key: args.key,
            }),
            Command::Completions { shell } => Action::Completions(match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            }),
            Command::Emulator {
                command: EmulatorCommand::Serve(args),
            } => Action::EmulatorServe(args),
        };
        Ok(Self {
            config: cli.config,
            output: Output {
                json: cli.json,
                verbosity: cli.verbose,
                debug: cli.debug,
                progress: !cli.no_progress,
            },
            action,
        })
    }
}
