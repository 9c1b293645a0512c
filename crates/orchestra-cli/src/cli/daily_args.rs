//! `orchestra report daily`, `orchestra daily` and `orchestra export`: their flags and
//! validated plans.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use jiff::civil::Date;

#[derive(Debug, Subcommand)]
pub(crate) enum ReportCommand {
    /// Write the day's report: a page under the workspace's parent page (updated, never
    /// duplicated, when run again the same day) and report.md / report.html with PNG charts.
    Daily(ReportDailyArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ReportDailyArgs {
    /// The day to report (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) date: Option<String>,
    /// Where the local files go (`<DIR>/<date>/report.md`, `report.html`, `charts/`).
    #[arg(long, value_name = "DIR", default_value = orchestra::report::DEFAULT_OUT)]
    pub(crate) out: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct DailyArgs {
    #[command(flatten)]
    pub(crate) report: ReportDailyArgs,
    /// Measure insights and post the Slack summary again even if done today.
    #[arg(long)]
    pub(crate) force: bool,
    /// Post nothing to Slack.
    #[arg(long)]
    pub(crate) no_notify: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The page or database: an id or a Notion URL.
    pub(crate) target: String,
    /// The file format.
    #[arg(long, value_enum, default_value = "md")]
    pub(crate) format: ExportFormat,
    /// The output folder.
    #[arg(long, value_name = "DIR", default_value = "export")]
    pub(crate) out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Md,
    Html,
}

/// `orchestra report daily`.
#[derive(Debug)]
pub(crate) struct ReportPlan {
    pub(crate) date: Option<Date>,
    pub(crate) out: PathBuf,
}

/// `orchestra daily`.
#[derive(Debug)]
pub(crate) struct DailyPlan {
    pub(crate) report: ReportPlan,
    pub(crate) force: bool,
    pub(crate) notify: bool,
}

/// `orchestra export`.
#[derive(Debug)]
pub(crate) struct ExportPlan {
    pub(crate) target: String,
    pub(crate) format: orchestra::export::Format,
    pub(crate) out: PathBuf,
}

impl TryFrom<ReportDailyArgs> for ReportPlan {
    type Error = anyhow::Error;

    fn try_from(args: ReportDailyArgs) -> anyhow::Result<Self> {
        let date = args
            .date
            .as_deref()
            .map(|d| d.parse::<Date>())
            .transpose()
            .context("--date: expected a day as YYYY-MM-DD")?;
        Ok(Self {
            date,
            out: args.out,
        })
    }
}

impl TryFrom<DailyArgs> for DailyPlan {
    type Error = anyhow::Error;

    fn try_from(args: DailyArgs) -> anyhow::Result<Self> {
        Ok(Self {
            report: args.report.try_into()?,
            force: args.force,
            notify: !args.no_notify,
        })
    }
}

impl From<ExportArgs> for ExportPlan {
    fn from(args: ExportArgs) -> Self {
        Self {
            target: args.target,
            format: match args.format {
                ExportFormat::Md => orchestra::export::Format::Markdown,
                ExportFormat::Html => orchestra::export::Format::Html,
            },
            out: args.out,
        }
    }
}

impl ReportCommand {
    /// The plan of `report <subcommand>`.
    pub(crate) fn plan(self) -> anyhow::Result<ReportPlan> {
        match self {
            Self::Daily(args) => args.try_into(),
        }
    }
}
