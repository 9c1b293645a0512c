//! The daily report: one Notion page per day under the workspace's parent page, and the
//! same report as local Markdown and HTML with PNG charts.
//!
//! The report is built as Markdown first ([`DailyReport::build`]); the local files are
//! that Markdown and its HTML rendering ([`DailyReport::write_local`]); the Notion page
//! is the same Markdown converted to blocks by `notion-markdown`, with the charts uploaded
//! through the File Upload API ([`publish`]). Re-running on the same day updates that
//! day's page (its content is replaced), never a second page.

mod charts;
mod content;
mod data;
mod html;
mod publish;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

pub use charts::{Bar, ChartSpec, Rgb, SIZE, Unit, chart_specs};
pub use content::{
    PRIORITIES, SEVERITIES, STATUSES, as_of, last_day, overdue, summary, summary_line,
};
pub use data::{ReportData, load_data};
pub use html::markdown_to_html;
pub use publish::{Published, STATE_KEY, publish};

use crate::error::{Error, Result};
use crate::notify::slack::DailySummary;
use crate::sync::StateStore;
use crate::workspace::Workspace;

/// The default folder of local reports.
pub const DEFAULT_OUT: &str = "reports";

/// The title of the report page of `date`.
pub fn report_title(date: Date) -> String {
    format!("Daily Report {date}")
}

/// A built report, not written anywhere yet.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyReport {
    /// The day reported.
    pub date: Date,
    /// `Daily Report <date>`.
    pub title: String,
    /// The body (no title heading), charts referenced as `charts/<name>.png`.
    pub markdown: String,
    /// The charts to render.
    pub charts: Vec<ChartSpec>,
    /// The counts (for the summary line and Slack).
    pub summary: DailySummary,
}

/// The local files of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalFiles {
    /// The folder (`<out>/<date>/`).
    pub dir: PathBuf,
    /// `report.md`.
    pub markdown: PathBuf,
    /// `report.html`.
    pub html: PathBuf,
    /// The chart PNGs.
    pub charts: Vec<PathBuf>,
}

impl DailyReport {
    /// Builds the report of `date` from `data`, as seen at `now`.
    pub fn build(data: &ReportData, date: Date, now: Timestamp) -> Self {
        let as_of = as_of(date, now);
        let charts = chart_specs(data, as_of);
        let summary = summary(data, date, as_of);
        let markdown = content::body(data, date, now, &summary, &charts);
        Self {
            date,
            title: report_title(date),
            markdown,
            charts,
            summary,
        }
    }

    /// The local Markdown: a title heading, then the body.
    pub fn local_markdown(&self) -> String {
        format!("# {}\n\n{}", self.title, self.markdown)
    }

    /// Writes `<out>/<date>/report.md`, `report.html` and `charts/*.png`.
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be written, [`Error::Report`] when a chart fails.
    pub fn write_local(&self, out: &Path) -> Result<LocalFiles> {
        let dir = out.join(self.date.to_string());
        let charts_dir = dir.join("charts");
        create_dir(&charts_dir)?;
        let mut charts = Vec::new();
        for chart in &self.charts {
            let path = charts_dir.join(chart.file_name());
            chart.render(&path)?;
            charts.push(path);
        }
        let markdown_text = self.local_markdown();
        let markdown = dir.join("report.md");
        write(&markdown, &markdown_text)?;
        let html = dir.join("report.html");
        write(&html, &markdown_to_html(&self.title, &markdown_text))?;
        Ok(LocalFiles {
            dir,
            markdown,
            html,
            charts,
        })
    }

    /// Writes the local files, then creates or updates the day's page in Notion.
    ///
    /// # Errors
    /// As [`DailyReport::write_local`] and [`publish`].
    pub async fn write_all(
        &self,
        workspace: &Workspace,
        state: &StateStore,
        out: &Path,
    ) -> Result<(LocalFiles, Published)> {
        let files = self.write_local(out)?;
        let published = publish(
            workspace,
            state,
            &self.title,
            &self.markdown,
            &files.dir.join("charts"),
        )
        .await?;
        Ok((files, published))
    }
}

pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })
}

pub(crate) fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests;
