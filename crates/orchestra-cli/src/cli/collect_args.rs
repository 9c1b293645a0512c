//! Arguments of `orchestra log`, `orchestra insights` and `orchestra tools`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use orchestra::collect::insights::RealertRule;

#[derive(Debug, Subcommand)]
pub(crate) enum LogCommand {
    /// Log a commit: `orchestra log commit --repo api --branch main --details "..."`.
    Commit(EventArgs),
    /// Log a deployment (the brief's `log_deployment`).
    Deploy(EventArgs),
    /// Log a build.
    Build(EventArgs),
    /// Log a test run.
    Test(EventArgs),
    /// Log a security scan or finding.
    Security(EventArgs),
    /// Import the commits of a local git repository, keyed by SHA (re-runs add nothing).
    Git(GitArgs),
    /// Record the current GitHub Actions run from its GITHUB_* variables.
    Ci(CiArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EventArgs {
    /// The repository.
    #[arg(long)]
    pub(crate) repo: String,
    /// The branch.
    #[arg(long)]
    pub(crate) branch: Option<String>,
    /// Success, Failed or "In Progress".
    #[arg(long, default_value = "Success")]
    pub(crate) status: String,
    /// Additional context.
    #[arg(long)]
    pub(crate) details: Option<String>,
    /// A GitHub or CI link.
    #[arg(long)]
    pub(crate) link: Option<String>,
    /// The Activity title (default: "<Type> <repo>", e.g. "Deploy api").
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Who did it: a workspace user id or e-mail.
    #[arg(long)]
    pub(crate) author: Option<String>,
    /// The Activity ID (default: a new run id, so one row per invocation).
    #[arg(long)]
    pub(crate) key: Option<String>,
    /// Do not post a Slack alert for a failure.
    #[arg(long)]
    pub(crate) no_notify: bool,
}

#[derive(Debug, Args)]
pub(crate) struct GitArgs {
    /// The repository folder.
    #[arg(long, default_value = ".")]
    pub(crate) repo: PathBuf,
    /// Only commits since this date (anything `git log --since` takes).
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// The branch to read (default: the checked-out one).
    #[arg(long)]
    pub(crate) branch: Option<String>,
    /// The Repository value (default: owner/name of a GitHub remote, else the folder name).
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// Only print what would change; write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CiArgs {
    /// Success, Failed or "In Progress" (default: from --outcome, else In Progress).
    #[arg(long)]
    pub(crate) status: Option<String>,
    /// The job's outcome: success, failure or cancelled (`${{ job.status }}`).
    #[arg(long)]
    pub(crate) outcome: Option<String>,
    /// Do not post a Slack alert for a failure.
    #[arg(long)]
    pub(crate) no_notify: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum InsightsCommand {
    /// Measure this machine and read custom metrics; write Operational Insights.
    ///
    /// Slack alerts for Critical metrics are de-duplicated (the state is in
    /// .orchestra/state.sqlite): a metric alerts when it becomes Critical, when its
    /// severity rises (one step per doubling of the value past its Threshold), or again
    /// once --realert-after has passed since its last alert. A metric back to Normal or
    /// Warning is forgotten, so it alerts the next time it turns Critical. A post Slack
    /// refuses is a warning (exit code 0) and is not remembered: the next run tries again.
    /// `orchestra daily` follows the same rule. With --json, each row says whether its
    /// alert was posted, suppressed (with the time of the last alert) or not needed.
    Collect {
        /// A metrics file: JSON list of {metric, value, category?, threshold?} or
        /// Prometheus text (default: `[sources] metrics`).
        #[arg(long, value_name = "FILE")]
        metrics: Option<PathBuf>,
        /// Skip CPU, memory, disk and load.
        #[arg(long)]
        no_system: bool,
        /// Do not post Slack alerts for critical metrics.
        #[arg(long)]
        no_notify: bool,
        /// Only print what would change; write nothing (history included).
        #[arg(long)]
        dry_run: bool,
        /// The quiet period: a metric that stays Critical alerts again only after this long
        /// (e.g. 24h, 90m, 1h 30m) [default: `slack.realert_after` in orchestra.toml, else 24h].
        #[arg(long, value_name = "DURATION", value_parser = RealertRule::parse)]
        realert_after: Option<RealertRule>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ToolsCommand {
    /// Fill the AI Tools Coordination Hub from `[[providers]]` and the usage ledger.
    Sync {
        /// The JSONL usage ledger (default: `[sources] usage_ledger`).
        #[arg(long, value_name = "FILE")]
        ledger: Option<PathBuf>,
        /// Only print what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}
