//! Development Activity Log and Operational Insights rows.

use jiff::Timestamp;

use super::{Row, ids, text, timestamp};
use crate::record::Record;

/// A row of the Development Activity Log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DevActivity {
    /// Activity (title): commit message or action.
    pub activity: String,
    /// Commit, Deploy, Build, Test, Security.
    pub activity_type: Option<String>,
    /// Who performed it (user ids).
    pub author: Vec<String>,
    /// Which repository.
    pub repository: Option<String>,
    /// Git branch.
    pub branch: Option<String>,
    /// Success, Failed, In Progress.
    pub status: Option<String>,
    /// When it occurred.
    pub timestamp: Option<Timestamp>,
    /// Additional context.
    pub details: Option<String>,
    /// GitHub / CI link.
    pub link: Option<String>,
}

impl DevActivity {
    /// The brief's `log_deployment(repo, branch, status, details)`.
    pub fn deployment(repo: &str, branch: &str, status: &str, details: &str) -> Self {
        Self {
            activity: format!("Deploy {repo}"),
            activity_type: Some("Deploy".to_owned()),
            repository: Some(repo.to_owned()),
            branch: Some(branch.to_owned()),
            status: Some(status.to_owned()),
            details: Some(details.to_owned()),
            ..Self::default()
        }
    }
}

impl Row for DevActivity {
    const DATABASE: &'static str = "activity";

    fn key(&self) -> &str {
        &self.activity
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.activity)
            .set("Activity", self.activity.as_str())
            .set_opt("Type", self.activity_type.clone())
            .set_opt("Author", ids(&self.author))
            .set_opt("Repository", self.repository.clone())
            .set_opt("Branch", self.branch.clone())
            .set_opt("Status", self.status.clone())
            .set_opt("Timestamp", self.timestamp.map(|t| t.to_string()))
            .set_opt("Details", self.details.clone())
            .set_opt("Link", self.link.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            activity: text(r, "Activity").unwrap_or_default(),
            activity_type: text(r, "Type"),
            author: r.list("Author"),
            repository: text(r, "Repository"),
            branch: text(r, "Branch"),
            status: text(r, "Status"),
            timestamp: timestamp(r, "Timestamp"),
            details: text(r, "Details"),
            link: text(r, "Link"),
        }
    }
}

/// A row of Operational Insights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Insight {
    /// Metric (title).
    pub metric: String,
    /// Performance, Security, Cost, Availability.
    pub category: Option<String>,
    /// Latest measurement.
    pub current_value: Option<f64>,
    /// Alert threshold.
    pub threshold: Option<f64>,
    /// Normal, Warning, Critical.
    pub status: Option<String>,
    /// Improving, Stable, Degrading.
    pub trend: Option<String>,
    /// When measured.
    pub last_updated: Option<Timestamp>,
    /// If intervention is needed.
    pub action_required: Option<String>,
    /// JSON for visualisation.
    pub chart_data: Option<String>,
}

impl Row for Insight {
    const DATABASE: &'static str = "insights";

    fn key(&self) -> &str {
        &self.metric
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.metric)
            .set("Metric", self.metric.as_str())
            .set_opt("Category", self.category.clone())
            .set_opt("Current Value", self.current_value)
            .set_opt("Threshold", self.threshold)
            .set_opt("Status", self.status.clone())
            .set_opt("Trend", self.trend.clone())
            .set_opt("Last Updated", self.last_updated.map(|t| t.to_string()))
            .set_opt("Action Required", self.action_required.clone())
            .set_opt("Chart Data", self.chart_data.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            metric: text(r, "Metric").unwrap_or_default(),
            category: text(r, "Category"),
            current_value: r.number("Current Value"),
            threshold: r.number("Threshold"),
            status: text(r, "Status"),
            trend: text(r, "Trend"),
            last_updated: timestamp(r, "Last Updated"),
            action_required: text(r, "Action Required"),
            chart_data: text(r, "Chart Data"),
        }
    }
}
