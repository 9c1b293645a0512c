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
    /// Bring what changed in Notion back into a records file or a folder of notes.
    ///
    /// A three-way merge against the last sync; conflicts follow --on-conflict. Exit code 1
    /// when conflicts are left unresolved (nothing is written then).
    Pull(super::two_way::PullArgs),
    /// Persona knowledge bases: folders of Markdown notes synced both ways.
    Kb {
        #[command(subcommand)]
        command: super::two_way::KbCommand,
    },
    /// Update or archive every row matching a filter, after a preview.
    ///
    /// Filters read like `Status = Active and Progress < 50`; see `orchestra bulk update --help`.
    Bulk {
        #[command(subcommand)]
        command: BulkCommand,
    },
    /// Page templates: local Markdown templates and Notion's data-source templates.
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
    /// Comments on pages.
    Comment {
        #[command(subcommand)]
        command: CommentCommand,
    },
    /// Record development activity: commits, deploys, builds, tests, security events,
    /// a git repository's commits, or the current GitHub Actions run.
    Log {
        #[command(subcommand)]
        command: super::collect_args::LogCommand,
    },
    /// Operational insights: measure this machine and custom metrics.
    Insights {
        #[command(subcommand)]
        command: super::collect_args::InsightsCommand,
    },
    /// The AI Tools Coordination Hub: providers, usage, cost and health.
    Tools {
        #[command(subcommand)]
        command: super::collect_args::ToolsCommand,
    },
    /// The daily report: a Notion page per day plus local Markdown and HTML with charts.
    Report {
        #[command(subcommand)]
        command: super::daily_args::ReportCommand,
    },
    /// The whole daily job: init if needed, collect (activity, insights, AI tools), sync
    /// (projects, knowledge bases), report, notify (Slack); idempotent per day.
    Daily(super::daily_args::DailyArgs),
    /// Export a page (with nested blocks and child pages) or a database as Markdown or HTML.
    Export(super::daily_args::ExportArgs),
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
    /// Two-way: pull what changed in Notion into the same file first, then push.
    #[arg(long, conflicts_with = "dry_run")]
    pub(crate) both: bool,
    #[command(flatten)]
    pub(crate) merge: super::two_way::MergeArgs,
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

/// The filter syntax, shown in `bulk --help`.
const FILTER_HELP: &str = "Filter: `Status = Active and Progress < 50`, `or`, parentheses (two levels at most). \
Operators: = != < <= > >= contains, does not contain, starts with, ends with, is empty, is not empty; \
for dates before, after, on, on or before, on or after (ISO dates, today, tomorrow, yesterday). \
Quote names and values with spaces: \"Due Date\" < 2026-06-01, Status = \"In Progress\".";

#[derive(Debug, Subcommand)]
pub(crate) enum BulkCommand {
    /// Set properties on every matching row: `bulk update projects --where "Status = Active" --set Status=Completed`.
    #[command(after_help = FILTER_HELP)]
    Update {
        /// The database key, or a database id or URL.
        database: String,
        /// Which rows (see below).
        #[arg(long = "where", value_name = "FILTER")]
        filter: String,
        /// A property value, `Name=value` (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE", required = true)]
        set: Vec<String>,
        /// Skip the confirmation prompt.
        #[arg(long, short = 'y')]
        yes: bool,
        /// Only show what matches; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Move every matching row to Notion's trash.
    #[command(after_help = FILTER_HELP)]
    Archive {
        /// The database key, or a database id or URL.
        database: String,
        /// Which rows (see below).
        #[arg(long = "where", value_name = "FILTER")]
        filter: String,
        /// Skip the confirmation prompt.
        #[arg(long, short = 'y')]
        yes: bool,
        /// Only show what matches; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplateCommand {
    /// Local templates (the templates folder) and, for a database, Notion's templates.
    List {
        /// A database key (or id): also list its Notion templates.
        database: Option<String>,
    },
    /// Create a page from a template (local first, then Notion's by name or id).
    Apply {
        /// The template's name (file name without .md) or a Notion template's name or id.
        name: String,
        /// The database (default: the one the template's front matter names).
        #[arg(long)]
        database: Option<String>,
        /// A placeholder value (or a property), `Name=value` (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum CommentCommand {
    /// Add a comment: `comment add "Project Alpha" "Looks good" --mention ada@example.com`.
    Add {
        /// The page: id, URL, or title (key) of a row.
        page: String,
        /// The comment.
        text: String,
        /// A user to mention: user id, e-mail or name.
        #[arg(long, value_name = "USER")]
        mention: Option<String>,
        /// The database whose row title `page` is.
        #[arg(long)]
        database: Option<String>,
    },
    /// List a page's unresolved comments.
    List {
        /// The page: id, URL, or title (key) of a row.
        page: String,
        /// The database whose row title `page` is.
        #[arg(long)]
        database: Option<String>,
    },
}
