//! Alerts: one per critical insight and per failed deploy, build or test.

use serde::Serialize;

use crate::typed::{DevActivity, Insight};

/// How bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Needs attention now.
    Critical,
    /// Something failed.
    Failure,
}

/// One alert message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// The headline.
    pub title: String,
    /// What happened and what to do (Slack mrkdwn).
    pub text: String,
    /// How bad.
    pub severity: Severity,
    /// A link to follow (CI run, commit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// The alerts `activities` and `insights` call for: every failed deploy, build or test
/// and every critical insight, in that order.
pub fn alerts_for(activities: &[DevActivity], insights: &[Insight]) -> Vec<Alert> {
    let failures = activities
        .iter()
        .filter(|a| a.is_alerting_failure())
        .map(|a| {
            let mut lines = vec![format!(
                "*{}* failed",
                a.activity_type.as_deref().unwrap_or("Activity")
            )];
            if let Some(repo) = &a.repository {
                let branch = a
                    .branch
                    .as_deref()
                    .map(|b| format!(" (`{b}`)"))
                    .unwrap_or_default();
                lines.push(format!("Repository: {repo}{branch}"));
            }
            if let Some(details) = a.details.as_deref().filter(|d| !d.is_empty()) {
                lines.push(details.to_owned());
            }
            if let Some(at) = a.timestamp {
                lines.push(format!("At {at}"));
            }
            Alert {
                title: format!("Failed: {}", a.activity),
                text: lines.join("\n"),
                severity: Severity::Failure,
                link: a.link.clone(),
            }
        });
    let critical = insights
        .iter()
        .filter(|i| i.is_critical())
        .map(insight_alert);
    failures.chain(critical).collect()
}

/// The alert of one insight (a Critical one, as [`alerts_for`] picks them).
pub fn insight_alert(i: &Insight) -> Alert {
    let mut lines = Vec::new();
    if let Some(value) = i.current_value {
        let threshold = i
            .threshold
            .map(|t| format!(" (threshold {t})"))
            .unwrap_or_default();
        lines.push(format!("Current value: *{value}*{threshold}"));
    }
    if let Some(trend) = &i.trend {
        lines.push(format!("Trend: {trend}"));
    }
    if let Some(action) = &i.action_required {
        lines.push(action.clone());
    }
    Alert {
        title: format!(
            "Critical: {} ({})",
            i.metric,
            i.category.as_deref().unwrap_or("Performance")
        ),
        text: lines.join("\n"),
        severity: Severity::Critical,
        link: None,
    }
}
