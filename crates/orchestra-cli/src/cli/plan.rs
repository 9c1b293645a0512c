//! The validated plan: what to run, with clap's types left behind.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, bail};
use notion_emulator::ServeArgs;
use notion_model::PageId;
use orchestra::record::Record;

use super::args::{
    BulkCommand, Cli, Command, CommentCommand, ConfigCommand, EmulatorCommand, PageCommand, Shell,
    TemplateCommand,
};

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
    Pull(super::two_way::PullPlan),
    Kb(super::two_way::KbPlan),
    Bulk(BulkPlan),
    TemplateList {
        database: Option<String>,
    },
    TemplateApply {
        name: String,
        database: Option<String>,
        values: BTreeMap<String, String>,
    },
    CommentAdd {
        page: String,
        text: String,
        mention: Option<String>,
        database: Option<String>,
    },
    CommentList {
        page: String,
        database: Option<String>,
    },
    Collect(super::collect_plan::CollectPlan),
    Report(super::daily_args::ReportPlan),
    Daily(super::daily_args::DailyPlan),
    Export(super::daily_args::ExportPlan),
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
    /// `--both`: pull into the same file first.
    pub(crate) both: bool,
    pub(crate) on_conflict: orchestra::sync::ConflictPolicy,
    pub(crate) prune: bool,
}

/// `orchestra bulk update|archive`.
#[derive(Debug)]
pub(crate) struct BulkPlan {
    pub(crate) database: String,
    pub(crate) filter: orchestra::bulk::Filter,
    /// `None` for archive.
    pub(crate) set: Option<Record>,
    pub(crate) yes: bool,
    pub(crate) dry_run: bool,
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
                both: args.both,
                on_conflict: args.merge.on_conflict.into(),
                prune: args.merge.prune,
            }),
            Command::Pull(args) => Action::Pull(args.into()),
            Command::Kb { command } => Action::Kb(command.into()),
            Command::Bulk { command } => Action::Bulk(bulk_plan(command)?),
            Command::Template {
                command: TemplateCommand::List { database },
            } => Action::TemplateList { database },
            Command::Template {
                command:
                    TemplateCommand::Apply {
                        name,
                        database,
                        set,
                    },
            } => Action::TemplateApply {
                name,
                database,
                values: assignments(&set)?,
            },
            Command::Comment {
                command:
                    CommentCommand::Add {
                        page,
                        text,
                        mention,
                        database,
                    },
            } => Action::CommentAdd {
                page,
                text,
                mention,
                database,
            },
            Command::Comment {
                command: CommentCommand::List { page, database },
            } => Action::CommentList { page, database },
            Command::Log { command } => Action::Collect(super::collect_plan::log(command)?),
            Command::Insights { command } => {
                Action::Collect(super::collect_plan::insights(command))
            }
            Command::Tools { command } => Action::Collect(super::collect_plan::tools(command)),
            Command::Report { command } => Action::Report(command.plan()?),
            Command::Daily(args) => Action::Daily(args.try_into()?),
            Command::Export(args) => Action::Export(args.into()),
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

fn bulk_plan(command: BulkCommand) -> anyhow::Result<BulkPlan> {
    let (database, filter, set, yes, dry_run) = match command {
        BulkCommand::Update {
            database,
            filter,
            set,
            yes,
            dry_run,
        } => {
            let record = Record::from_assignments(set.iter().map(String::as_str))
                .map_err(anyhow::Error::msg)?;
            (database, filter, Some(record), yes, dry_run)
        }
        BulkCommand::Archive {
            database,
            filter,
            yes,
            dry_run,
        } => (database, filter, None, yes, dry_run),
    };
    let filter = orchestra::bulk::Filter::parse(&filter).context("--where")?;
    Ok(BulkPlan {
        database,
        filter,
        set,
        yes,
        dry_run,
    })
}

/// `--set name=value` pairs for templates (names kept as written).
fn assignments(set: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    set.iter()
        .map(|a| {
            let (name, value) = a
                .split_once('=')
                .with_context(|| format!("--set {a:?}: expected Name=value"))?;
            if name.trim().is_empty() {
                bail!("--set {a:?}: the name is empty");
            }
            Ok((name.trim().to_owned(), value.to_owned()))
        })
        .collect()
}
