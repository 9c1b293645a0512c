//! The validated plans of `orchestra log`, `orchestra insights` and `orchestra tools`.

use std::path::PathBuf;

use anyhow::{Context, anyhow};
use orchestra::collect::activity::{
    ActivityKind, ActivityStatus, CiOutcome, CiRun, GitImport, ManualEntry,
};

use super::collect_args::{CiArgs, EventArgs, InsightsCommand, LogCommand, ToolsCommand};

/// A collector to run.
#[derive(Debug)]
pub(crate) enum CollectPlan {
    /// `orchestra log commit|deploy|build|test|security`.
    Event { entry: ManualEntry, notify: bool },
    /// `orchestra log git`.
    Git { import: GitImport, dry_run: bool },
    /// `orchestra log ci`.
    Ci {
        run: CiRun,
        status: Option<ActivityStatus>,
        outcome: Option<CiOutcome>,
        notify: bool,
    },
    /// `orchestra insights collect`.
    Insights {
        metrics: Option<PathBuf>,
        system: bool,
        notify: bool,
        dry_run: bool,
        /// `--realert-after`, when given (else the configuration's, else 24 h).
        realert: Option<orchestra::collect::insights::RealertRule>,
    },
    /// `orchestra tools sync`.
    Tools {
        ledger: Option<PathBuf>,
        dry_run: bool,
    },
}

fn status(text: &str) -> anyhow::Result<ActivityStatus> {
    ActivityStatus::parse(text)
        .ok_or_else(|| anyhow!("--status {text:?}: expected Success, Failed or \"In Progress\""))
}

fn event(kind: ActivityKind, args: EventArgs) -> anyhow::Result<CollectPlan> {
    Ok(CollectPlan::Event {
        entry: ManualEntry {
            kind,
            status: status(&args.status)?,
            repo: args.repo,
            branch: args.branch,
            details: args.details,
            link: args.link,
            title: args.title,
            author: args.author,
            key: args.key,
        },
        notify: !args.no_notify,
    })
}

fn ci(args: CiArgs) -> anyhow::Result<CollectPlan> {
    let outcome = args
        .outcome
        .as_deref()
        .map(|o| {
            CiOutcome::parse(o)
                .with_context(|| format!("--outcome {o:?}: expected success, failure or cancelled"))
        })
        .transpose()?;
    Ok(CollectPlan::Ci {
        run: CiRun::from_env(|name| std::env::var(name).ok())?,
        status: args.status.as_deref().map(status).transpose()?,
        outcome,
        notify: !args.no_notify,
    })
}

/// `orchestra log ...`.
pub(crate) fn log(command: LogCommand) -> anyhow::Result<CollectPlan> {
    match command {
        LogCommand::Commit(args) => event(ActivityKind::Commit, args),
        LogCommand::Deploy(args) => event(ActivityKind::Deploy, args),
        LogCommand::Build(args) => event(ActivityKind::Build, args),
        LogCommand::Test(args) => event(ActivityKind::Test, args),
        LogCommand::Security(args) => event(ActivityKind::Security, args),
        LogCommand::Git(args) => Ok(CollectPlan::Git {
            import: GitImport {
                repo: args.repo,
                since: args.since,
                branch: args.branch,
                name: args.name,
            },
            dry_run: args.dry_run,
        }),
        LogCommand::Ci(args) => ci(args),
    }
}

/// `orchestra insights ...`.
pub(crate) fn insights(command: InsightsCommand) -> CollectPlan {
    match command {
        InsightsCommand::Collect {
            metrics,
            no_system,
            no_notify,
            dry_run,
            realert_after,
        } => CollectPlan::Insights {
            metrics,
            system: !no_system,
            notify: !no_notify,
            dry_run,
            realert: realert_after,
        },
    }
}

/// `orchestra tools ...`.
pub(crate) fn tools(command: ToolsCommand) -> CollectPlan {
    match command {
        ToolsCommand::Sync { ledger, dry_run } => CollectPlan::Tools { ledger, dry_run },
    }
}
