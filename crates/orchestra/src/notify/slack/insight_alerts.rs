//! Alerts for critical insights, de-duplicated: one post when a metric becomes Critical,
//! again when its severity rises or after the quiet period, never on every run (the rule
//! is [`crate::collect::insights::decide`]; the memory is an
//! [`crate::collect::insights::AlertLog`]). A post Slack refuses is a warning and is not
//! remembered, so the next run tries again.

use jiff::Timestamp;
use serde::Serialize;

use super::alert::{Alert, insight_alert};
use super::blocks::alert_message;
use super::{NotifyReport, SlackNotifier};
use crate::collect::insights::{AlertDecision, AlertLog, AlertReason, RealertRule, decide};
use crate::error::Result;
use crate::typed::Insight;

/// What happened to one metric's alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "alert", rename_all = "snake_case")]
pub enum AlertOutcome {
    /// Slack accepted the alert; it is remembered.
    Posted {
        /// Why it was due.
        reason: AlertReason,
        /// The severity step posted.
        severity: u32,
    },
    /// Critical, but an alert covering it was posted at `last_alert`.
    Suppressed {
        /// When the covering alert was posted.
        last_alert: Timestamp,
        /// Its severity step.
        last_severity: u32,
    },
    /// Not Critical: nothing to post (any remembered alert is forgotten).
    NotNeeded,
    /// Due, but Slack refused it or could not be reached; not remembered.
    Failed {
        /// Why it was due.
        reason: AlertReason,
        /// The severity step.
        severity: u32,
    },
    /// Due, but not sent: notifications are off or Slack is not configured.
    NotSent {
        /// Why it was due.
        reason: AlertReason,
        /// The severity step.
        severity: u32,
    },
}

/// One metric and its alert outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricAlert {
    /// The metric.
    pub metric: String,
    /// What happened.
    #[serde(flatten)]
    pub outcome: AlertOutcome,
}

/// What alerting the insights did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct InsightAlerts {
    /// Per metric, in the order of the insights.
    pub metrics: Vec<MetricAlert>,
    /// The alerts that were due (posted, failed or not sent).
    pub due: Vec<Alert>,
    /// Posts accepted and warnings (never the webhook URL).
    pub report: NotifyReport,
}

/// Applies the rule to every insight: forgets the alerts of metrics no longer Critical,
/// posts the due alerts through `slack` (none when `None`) and remembers the ones Slack
/// accepted, at `now`.
///
/// # Errors
/// [`crate::Error::State`] when the alert log fails (Slack failures are warnings).
pub async fn alert_insights(
    slack: Option<&SlackNotifier>,
    insights: &[Insight],
    log: &AlertLog,
    rule: RealertRule,
    now: Timestamp,
) -> Result<InsightAlerts> {
    let mut out = InsightAlerts::default();
    for insight in insights {
        let outcome = match decide(insight, log.last(&insight.metric)?, rule, now) {
            AlertDecision::NotNeeded => {
                log.clear(&insight.metric)?;
                AlertOutcome::NotNeeded
            }
            AlertDecision::Suppress { last } => AlertOutcome::Suppressed {
                last_alert: last.at,
                last_severity: last.severity,
            },
            AlertDecision::Post { reason, severity } => {
                let alert = insight_alert(insight);
                let outcome = match slack {
                    None => AlertOutcome::NotSent { reason, severity },
                    Some(slack) => match slack.post(&alert_message(&alert)).await {
                        Ok(()) => {
                            log.record(&insight.metric, severity, now)?;
                            out.report.add(Ok(()));
                            AlertOutcome::Posted { reason, severity }
                        }
                        Err(warning) => {
                            out.report
                                .add(Err(format!("alert for {}: {warning}", insight.metric)));
                            AlertOutcome::Failed { reason, severity }
                        }
                    },
                };
                out.due.push(alert);
                outcome
            }
        };
        out.metrics.push(MetricAlert {
            metric: insight.metric.clone(),
            outcome,
        });
    }
    Ok(out)
}
