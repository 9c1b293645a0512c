//! The counts of the daily summary message (filled by the daily report).

use jiff::civil::Date;
use serde::Serialize;

/// What the daily summary says.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DailySummary {
    /// The day reported.
    pub date: Option<Date>,
    /// Projects in Project Overview.
    pub projects_total: usize,
    /// Projects Active or In Progress.
    pub projects_active: usize,
    /// Projects past their Due Date and not Completed.
    pub projects_overdue: usize,
    /// Development activities in the last 24 hours.
    pub activities_24h: usize,
    /// Of those, Failed.
    pub failures_24h: usize,
    /// Insights in Warning.
    pub insights_warning: usize,
    /// Insights in Critical.
    pub insights_critical: usize,
    /// AI tools tracked.
    pub tools_total: usize,
    /// AI tools with Health Status other than Healthy.
    pub tools_unhealthy: usize,
    /// AI spend this month, USD.
    pub tools_cost_month: f64,
    /// The report page (or file) to open.
    pub report_url: Option<String>,
}
