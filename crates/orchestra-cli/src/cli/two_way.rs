//! The arguments and plans of two-way sync: `orchestra pull`, `orchestra kb sync|search`,
//! and the `--both` / `--on-conflict` / `--prune` flags of `orchestra sync`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use orchestra::sync::ConflictPolicy;

/// `--on-conflict`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub(crate) enum ConflictArg {
    /// Write nothing; list every conflict (exit code 1).
    #[default]
    Fail,
    /// Notion's value wins.
    Notion,
    /// The local value wins (the next push sends it).
    Local,
    /// The side edited last wins (page edit time against the file's modification time).
    Newer,
}

impl From<ConflictArg> for ConflictPolicy {
    fn from(arg: ConflictArg) -> Self {
        match arg {
            ConflictArg::Fail => Self::Fail,
            ConflictArg::Notion => Self::Notion,
            ConflictArg::Local => Self::Local,
            ConflictArg::Newer => Self::Newer,
        }
    }
}

/// The two-way options shared by `pull`, `sync --both` and `kb sync`.
#[derive(Debug, Clone, Copy, Args)]
pub(crate) struct MergeArgs {
    /// When both sides changed a property since the last sync.
    #[arg(long, value_enum, default_value_t = ConflictArg::Fail)]
    pub(crate) on_conflict: ConflictArg,
    /// Remove local records whose row is in Notion's trash (default: only report them).
    #[arg(long)]
    pub(crate) prune: bool,
}

#[derive(Debug, Args)]
pub(crate) struct PullArgs {
    /// The database: projects, tools, cherry, sophia, karen, activity, insights, or a
    /// database id or URL.
    pub(crate) database: String,
    /// The local source to write into: a records file (.yaml/.yml, .json, .csv) or a
    /// folder of Markdown notes.
    #[arg(long, value_name = "FILE")]
    pub(crate) into: PathBuf,
    #[command(flatten)]
    pub(crate) merge: MergeArgs,
    /// The key property (default: `[sync.keys]`, else the title).
    #[arg(long, value_name = "PROPERTY")]
    pub(crate) key: Option<String>,
    /// Read every row, not only those edited since the last pull.
    #[arg(long)]
    pub(crate) full: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum KbCommand {
    /// Two-way sync of a persona's folder of Markdown notes with its database.
    Sync {
        /// cherry, sophia or karen.
        persona: String,
        /// The folder (default: `[sources.knowledge_bases]`, else knowledge/<persona>/).
        #[arg(long, value_name = "PATH")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        merge: MergeArgs,
    },
    /// Search a persona's notes (titles and bodies) locally and in Notion.
    Search {
        /// cherry, sophia or karen.
        persona: String,
        /// The text to look for (case-insensitive).
        text: String,
        /// The folder (default: `[sources.knowledge_bases]`, else knowledge/<persona>/).
        #[arg(long, value_name = "PATH")]
        dir: Option<PathBuf>,
    },
}

/// `orchestra pull`, or the pull half of `sync --both` / `kb sync`.
#[derive(Debug, Clone)]
pub(crate) struct PullPlan {
    pub(crate) database: String,
    pub(crate) into: PathBuf,
    pub(crate) on_conflict: ConflictPolicy,
    pub(crate) prune: bool,
    pub(crate) key: Option<String>,
    pub(crate) full: bool,
}

/// `orchestra kb ...`.
#[derive(Debug)]
pub(crate) enum KbPlan {
    Sync {
        persona: String,
        dir: Option<PathBuf>,
        on_conflict: ConflictPolicy,
        prune: bool,
    },
    Search {
        persona: String,
        text: String,
        dir: Option<PathBuf>,
    },
}

impl From<PullArgs> for PullPlan {
    fn from(args: PullArgs) -> Self {
        Self {
            database: args.database,
            into: args.into,
            on_conflict: args.merge.on_conflict.into(),
            prune: args.merge.prune,
            key: args.key,
            full: args.full,
        }
    }
}

impl From<KbCommand> for KbPlan {
    fn from(command: KbCommand) -> Self {
        match command {
            KbCommand::Sync {
                persona,
                dir,
                merge,
            } => Self::Sync {
                persona,
                dir,
                on_conflict: merge.on_conflict.into(),
                prune: merge.prune,
            },
            KbCommand::Search { persona, text, dir } => Self::Search { persona, text, dir },
        }
    }
}
