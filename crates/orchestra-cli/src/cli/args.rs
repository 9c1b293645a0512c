//! The command line as clap sees it. Nothing here leaves the binary's edge: it is
//! turned into a [`Plan`](super::plan::Plan) first.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use notion_emulator::ServeArgs;

/// Orchestra for Notion: provision, check and write the Orchestra workspace.
///
/// The token comes from NOTION_API_KEY (or NOTION_TOKEN); without one, everything runs
/// against a local workspace in .orchestra/workspace.sqlite.
///
/// Exit codes: 0 success, 1 finished but some records failed, 2 fatal (bad config,
/// auth, usage).
#[derive(Debug, Parser)]
#[command(name = "orchestra", version)]
pub(crate) struct Cli {
    /// The configuration file.
    #[arg(
        long,
        global = true,
        default_value = "orchestra.toml",
        env = "ORCHESTRA_CONFIG"
    )]
    pub(crate) config: PathBuf,
    /// Machine-readable output.
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// More logging (-v, -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    /// Log every request (method, path, status, attempt, wait; never the token).
    #[arg(long, global = true)]
    pub(crate) debug: bool,
    /// No progress bars.
    #[arg(long, global = true)]
    pub(crate) no_progress: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create the seven databases under the parent page, or check and repair them.
    Init(InitArgs),
    /// Check the token, the API version, every database and its schema.
    Doctor,
    /// Show the configuration.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Create or update a page in one of the databases.
    Page {
        #[command(subcommand)]
        command: PageCommand,
    },
    /// Upsert records from a YAML, JSON or CSV file into a database, by key.
    ///
    /// Only changed properties are written; unchanged rows cost no request. Exit code 1
    /// when any record failed (the others are still written).
    Sync(SyncArgs),
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: Shell,
    },
    /// The Notion API emulator.
    Emulator {
        #[command(subcommand)]
        command: EmulatorCommand,
    },
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The parent page (id or URL); default: the configured one, or the local root page.
    #[arg(long)]
    pub(crate) parent: Option<String>,
    /// Only print the plan; write nothing.
    #[arg(long, conflicts_with = "apply")]
    pub(crate) dry_run: bool,
    /// Also repair schema drift (additive changes only).
    #[arg(long)]
    pub(crate) apply: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SyncArgs {
    /// The database: projects, tools, cherry, sophia, karen, activity, insights, or a
    /// database id or URL.
    pub(crate) database: String,
    /// The records file (.yaml/.yml, .json or .csv): a list of records keyed by property name.
    #[arg(long, value_name = "FILE")]
    pub(crate) from: PathBuf,
    /// Only print what would change; write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Bring rows back from Notion's trash instead of skipping them.
    #[arg(long)]
    pub(crate) restore: bool,
    /// The key property records are matched by (default: `[sync.keys]`, else the title).
    #[arg(long, value_name = "PROPERTY")]
    pub(crate) key: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// The effective configuration, secrets redacted.
    Show,
}

#[derive(Debug, Subcommand)]
pub(crate) enum PageCommand {
    /// Create a page: `orchestra page create projects --set Name="New Project" --set Status=Active`.
    Create {
        /// The database key (projects, tools, cherry, sophia, karen, activity, insights).
        database: String,
        /// A property value, `Name=value` (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
    /// Update a page, found by id, URL or title.
    Update {
        /// Page id, URL or title.
        page: String,
        /// The database key.
        #[arg(long)]
        database: String,
        /// A property value, `Name=value` (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum EmulatorCommand {
    /// Serve the Notion API until SIGINT/SIGTERM (same flags as `notion-emulator serve`).
    Serve(ServeArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Shell {
    Bash,
    Zsh,
    Fish,
}
