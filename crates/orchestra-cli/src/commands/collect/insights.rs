//! `orchestra insights collect`, and the insight alerts of `orchestra daily`.
//!
//! Slack alerts for Critical metrics follow the de-duplication rule of
//! `orchestra::collect::insights::alert_rule`: a metric alerts when it becomes Critical,
//! when its severity rises, or again after the quiet period (`--realert-after`, else
//! `slack.realert_after` in orchestra.toml, else 24 h; 20 h for the daily job); a metric
//! back to normal is forgotten. The alerts posted are remembered in
//! `.orchestra/state.sqlite`; a post Slack refuses is a warning and is not remembered, so
//! the next run tries again. `orchestra daily` uses the same rule and state.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use orchestra::collect::Destination;
use orchestra::collect::insights::{
    self, AlertLog, CollectOptions, History, RealertRule, history_path,
};
use orchestra::config::Config;
use orchestra::notify::slack::{InsightAlerts, MetricAlert, SlackNotifier, alert_insights};
use orchestra::sync::state_path;
use orchestra::typed::Insight;
use serde_json::{Value, json};

use super::{Outcome, beside_config};
use crate::session::Session;

/// Measures, writes, and alerts for critical metrics under the rule.
pub(super) async fn collect(
    session: &Session,
    to: &Destination<'_>,
    metrics: Option<PathBuf>,
    system: bool,
    wanted: bool,
    rule: Option<RealertRule>,
) -> anyhow::Result<Outcome> {
    // The flag, else `slack.realert_after` (checked when the file was loaded), else 24 h.
    let rule = match rule {
        Some(rule) => rule,
        None => session
            .config
            .slack
            .realert_rule()
            .map_err(anyhow::Error::msg)?
            .unwrap_or_default(),
    };
    let metrics = metrics.or_else(|| {
        session
            .config
            .sources
            .metrics
            .as_deref()
            .map(|f| beside_config(&session.config_path, f))
    });
    let history = History::open(&history_path(&session.config_path))?;
    let folder = session
        .config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), ToOwned::to_owned);
    let options = CollectOptions {
        metrics_file: metrics.as_deref(),
        system_folder: system.then_some(folder.as_path()),
    };
    let now = Timestamp::now();
    let run = insights::collect(to, &history, options, now).await?;
    let (alerting, notify) = if to.dry_run {
        (InsightAlerts::default(), None)
    } else {
        let log = AlertLog::open(&state_path(&session.config_path))?;
        let slack = wanted
            .then(|| SlackNotifier::from_env(&session.config))
            .flatten();
        let alerting = alert_insights(slack.as_ref(), &run.insights, &log, rule, now).await?;
        let notify = (slack.is_some() && !alerting.due.is_empty()).then(|| alerting.report.clone());
        (alerting, notify)
    };
    let rows: Vec<Value> = run
        .insights
        .iter()
        .map(|i| {
            let mut row = json!({
                "metric": i.metric, "category": i.category, "value": i.current_value,
                "threshold": i.threshold, "status": i.status, "trend": i.trend,
                "action_required": i.action_required,
            });
            if let Some(alert) = alerting.metrics.iter().find(|a| a.metric == i.metric) {
                merge_outcome(&mut row, alert);
            }
            row
        })
        .collect();
    Ok(Outcome {
        extra: json!({"insights": rows, "alerts": alerting.due}),
        report: run.report,
        warnings: run.warnings,
        notify,
    })
}

/// Adds `alert` (`posted`, `suppressed`, `not_needed`, `failed` or `not_sent`) and its
/// details (`reason`, `severity`, `last_alert`, `last_severity`) to a row.
fn merge_outcome(row: &mut Value, alert: &MetricAlert) {
    if let (Some(row), Ok(Value::Object(outcome))) =
        (row.as_object_mut(), serde_json::to_value(&alert.outcome))
    {
        row.extend(outcome);
    }
}

/// For `orchestra daily`, after its insights step measured every metric: forgets the
/// alerts of the metrics that are not among `critical` now.
pub(crate) fn forget_recovered(config_path: &Path, critical: &[Insight]) -> anyhow::Result<()> {
    let log = AlertLog::open(&state_path(config_path))?;
    let names: Vec<&str> = critical.iter().map(|i| i.metric.as_str()).collect();
    log.clear_all_but(&names)?;
    Ok(())
}

/// For `orchestra daily`: posts the alerts of the `critical` insights that the rule lets
/// through (`slack.realert_after`, else [`RealertRule::daily`]: 20 hours); `None` when Slack
/// is not configured.
pub(crate) async fn daily_alerts(
    config: &Config,
    config_path: &Path,
    critical: &[Insight],
) -> anyhow::Result<Option<InsightAlerts>> {
    let Some(slack) = SlackNotifier::from_env(config) else {
        return Ok(None);
    };
    let log = AlertLog::open(&state_path(config_path))?;
    let alerting = alert_insights(
        Some(&slack),
        critical,
        &log,
        config
            .slack
            .realert_rule()
            .map_err(anyhow::Error::msg)?
            .unwrap_or_else(RealertRule::daily),
        Timestamp::now(),
    )
    .await?;
    Ok(Some(alerting))
}
