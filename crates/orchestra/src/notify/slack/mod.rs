//! Slack incoming webhooks: the daily summary and one alert per critical insight or
//! failed deploy, build or test, as Block Kit JSON.
//!
//! Critical insights are de-duplicated by [`alert_insights`]: a metric alerts when it
//! becomes Critical, when its severity rises, or again after a quiet period (24 h by
//! default); a metric back to normal is forgotten, so it alerts the next time it turns
//! Critical. A failed post is not remembered (the next run tries again).
//!
//! The webhook URL is a secret: it comes from the variable `[slack] webhook_env` names
//! (else `SLACK_WEBHOOK_URL`), and never appears in output, logs or warnings.

mod alert;
mod blocks;
mod insight_alerts;
mod summary;

use serde_json::Value;

pub use alert::{Alert, Severity, alerts_for, insight_alert};
pub use blocks::{alert_message, summary_message};
pub use insight_alerts::{AlertOutcome, InsightAlerts, MetricAlert, alert_insights};
pub use summary::DailySummary;

use crate::config::Config;

/// The variable read when the configured one is not set.
pub const FALLBACK_ENV: &str = "SLACK_WEBHOOK_URL";

/// What posting did: messages accepted, and why others were not.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct NotifyReport {
    /// Messages Slack accepted.
    pub posted: usize,
    /// One line per message that failed (never the URL).
    pub warnings: Vec<String>,
}

impl NotifyReport {
    fn add(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => self.posted += 1,
            Err(warning) => self.warnings.push(warning),
        }
    }
}

/// A configured webhook.
#[derive(Clone)]
pub struct SlackNotifier {
    url: String,
    channel: Option<String>,
    client: reqwest::Client,
}

impl std::fmt::Debug for SlackNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SlackNotifier")
            .field("url", &"***")
            .field("channel", &self.channel)
            .finish_non_exhaustive()
    }
}

impl SlackNotifier {
    /// A notifier posting to `webhook_url`.
    ///
    /// # Panics
    /// Never in practice: the HTTP client builder only fails without a TLS backend.
    pub fn new(webhook_url: impl Into<String>) -> Self {
        Self {
            url: webhook_url.into(),
            channel: None,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .expect("an HTTP client"),
        }
    }

    /// The notifier the configuration asks for: the URL from the variable `slack.webhook_env`
    /// names, else from `SLACK_WEBHOOK_URL`, read through `var`; `None` when neither is set.
    pub fn from_config(config: &Config, var: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let url = var(&config.slack.webhook_env)
            .or_else(|| var(FALLBACK_ENV))
            .filter(|u| !u.trim().is_empty())?;
        let mut notifier = Self::new(url.trim());
        notifier.channel.clone_from(&config.slack.channel);
        Some(notifier)
    }

    /// [`SlackNotifier::from_config`] with the process environment.
    pub fn from_env(config: &Config) -> Option<Self> {
        Self::from_config(config, |name| std::env::var(name).ok())
    }

    /// Posts one message; the error is a warning line without the URL.
    ///
    /// # Errors
    /// The warning: Slack's status and answer, or the transport failure.
    pub async fn post(&self, message: &Value) -> Result<(), String> {
        let mut message = message.clone();
        if let (Some(channel), Some(obj)) = (&self.channel, message.as_object_mut()) {
            obj.insert("channel".to_owned(), Value::String(channel.clone()));
        }
        let response = self
            .client
            .post(&self.url)
            .json(&message)
            .send()
            .await
            .map_err(|e| format!("Slack post failed: {}", e.without_url()))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let body = response.text().await.unwrap_or_default();
        let body: String = body.trim().chars().take(200).collect();
        Err(if body.is_empty() {
            format!("Slack answered {status}")
        } else {
            format!("Slack answered {status}: {body}")
        })
    }

    /// Posts the daily summary.
    pub async fn post_daily_summary(&self, summary: &DailySummary) -> NotifyReport {
        let mut report = NotifyReport::default();
        report.add(self.post(&summary_message(summary)).await);
        report
    }

    /// Posts each alert as its own message.
    pub async fn post_alerts(&self, alerts: &[Alert]) -> NotifyReport {
        let mut report = NotifyReport::default();
        for alert in alerts {
            report.add(self.post(&alert_message(alert)).await);
        }
        report
    }
}
