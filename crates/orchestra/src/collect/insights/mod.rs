//! Operational Insights: this machine's health and custom metrics, with Status from
//! thresholds, Trend from the stored history and the recent series as Chart Data.
//!
//! Thresholds come from `[thresholds.<metric>]` in `orchestra.toml`, matched by the exact
//! metric name or its slug (`cpu_usage` for `CPU Usage`); else the collector's defaults
//! (system metrics), else a `threshold` given in the metrics file (a warning level,
//! higher is worse). The Threshold column shows the warning level (else the critical one).
//!
//! Critical metrics alert Slack once, not on every run ([`alert_rule`]): when a metric
//! becomes Critical, when its severity rises, or again after a quiet period (24 h by
//! default). A metric back to normal forgets its alert, so it alerts the next time it
//! turns Critical. The alerts posted are remembered in the sync state ([`AlertLog`]);
//! a post Slack refused is not, so the next run tries again.

pub mod alert_rule;
mod alert_state;
mod history;
mod level;
mod measurement;
mod metrics_file;
mod prometheus;
mod system;
mod trend;

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use serde_json::json;

pub use alert_rule::{
    AlertDecision, AlertReason, DEFAULT_REALERT_AFTER, LastAlert, RealertRule, decide,
    severity_step,
};
pub use alert_state::AlertLog;
pub use history::{History, KEEP, Point, history_path};
pub use level::{Level, Rule};
pub use measurement::{Measurement, infer_category, metric_slug};
pub use metrics_file::read_metrics;
pub use prometheus::parse_prometheus;
pub use system::{CPU_USAGE, DISK_USED, LOAD_AVERAGE, MEMORY_USED, measure_system};
pub use trend::{TOLERANCE, Trend, trend};

use super::Destination;
use crate::config::Threshold;
use crate::error::Result;
use crate::record::{PlainValue, Record};
use crate::sync::SyncReport;
use crate::typed::{Insight, Row};

/// The database key of Operational Insights.
pub const DATABASE: &str = "insights";

/// Points of history in the Chart Data.
pub const CHART_POINTS: usize = 20;

/// What to measure.
#[derive(Debug, Clone, Copy, Default)]
pub struct CollectOptions<'a> {
    /// A metrics file (JSON or Prometheus text).
    pub metrics_file: Option<&'a Path>,
    /// Measure this machine; the disk is the one holding this folder. `None`: skip.
    pub system_folder: Option<&'a Path>,
}

/// What a collection did.
#[derive(Debug, Clone)]
pub struct InsightsRun {
    /// The rows, as written.
    pub insights: Vec<Insight>,
    /// The sync of the rows.
    pub report: SyncReport,
    /// Lines of the metrics file that were skipped.
    pub warnings: Vec<String>,
}

/// Measures, evaluates and writes the insights (history is only stored when not a dry run).
///
/// # Errors
/// An unreadable metrics file, the history store, or what stops the sync.
pub async fn collect(
    to: &Destination<'_>,
    history: &History,
    options: CollectOptions<'_>,
    now: Timestamp,
) -> Result<InsightsRun> {
    let mut measurements = Vec::new();
    let mut warnings = Vec::new();
    if let Some(folder) = options.system_folder {
        measurements.extend(measure_system(folder).await);
    }
    if let Some(file) = options.metrics_file {
        let (metrics, skipped) = read_metrics(file)?;
        measurements.extend(metrics);
        warnings.extend(skipped);
    }
    let thresholds = &to.workspace.config().thresholds;
    let insights = evaluate(&measurements, thresholds, history, now, !to.dry_run)?;
    let report = write(to, &insights).await?;
    Ok(InsightsRun {
        insights,
        report,
        warnings,
    })
}

/// The rule of `m`: its `[thresholds]` entry, else the collector's default, else the
/// file's threshold as a warning level.
pub fn rule_for(m: &Measurement, thresholds: &BTreeMap<String, Threshold>) -> Rule {
    thresholds
        .get(&m.metric)
        .or_else(|| thresholds.get(&metric_slug(&m.metric)))
        .map(Rule::from)
        .or(m.default_rule)
        .unwrap_or(Rule {
            warning: m.threshold,
            ..Rule::default()
        })
}

/// Turns measurements into rows: Status, Trend, Chart Data and Action Required. With
/// `remember`, each value is appended to the history first. A metric measured twice
/// keeps its last value.
///
/// # Errors
/// [`crate::Error::State`] when the history store fails.
pub fn evaluate(
    measurements: &[Measurement],
    thresholds: &BTreeMap<String, Threshold>,
    history: &History,
    now: Timestamp,
    remember: bool,
) -> Result<Vec<Insight>> {
    let mut latest: BTreeMap<&str, &Measurement> = BTreeMap::new();
    let mut order = Vec::new();
    for m in measurements {
        if latest.insert(&m.metric, m).is_none() {
            order.push(m.metric.as_str());
        }
    }
    let mut insights = Vec::new();
    for metric in order {
        let m = latest[metric];
        let rule = rule_for(m, thresholds);
        let point = Point {
            at: now,
            value: m.value,
        };
        let series = if remember {
            history.push(&m.metric, point)?;
            history.recent(&m.metric, CHART_POINTS)?
        } else {
            let mut series = history.recent(&m.metric, CHART_POINTS - 1)?;
            series.push(point);
            series
        };
        let values: Vec<f64> = series.iter().map(|p| p.value).collect();
        insights.push(Insight {
            metric: m.metric.clone(),
            category: Some(
                m.category
                    .clone()
                    .unwrap_or_else(|| infer_category(&m.metric).to_owned()),
            ),
            current_value: Some(round(m.value)),
            threshold: rule.threshold(),
            status: Some(rule.level(m.value).as_str().to_owned()),
            trend: Some(trend(&values, &rule).as_str().to_owned()),
            last_updated: Some(now),
            action_required: rule.action(&m.metric, m.value),
            chart_data: Some(chart_data(&series)),
        });
    }
    Ok(insights)
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// `{"t": [RFC 3339 ...], "v": [...]}`.
pub fn chart_data(series: &[Point]) -> String {
    let t: Vec<String> = series.iter().map(|p| p.at.to_string()).collect();
    let v: Vec<f64> = series.iter().map(|p| round(p.value)).collect();
    json!({"t": t, "v": v}).to_string()
}

/// The record of an insight; an empty Action Required or Threshold clears the old value.
pub fn insight_record(insight: &Insight) -> Record {
    let mut record = insight.to_record();
    for name in ["Action Required", "Threshold"] {
        record
            .values
            .entry(name.to_owned())
            .or_insert(PlainValue::Null);
    }
    record
}

/// Upserts the rows into Operational Insights by Metric.
///
/// # Errors
/// What stops [`crate::sync::sync_records`]; failed rows are in the report.
pub async fn write(to: &Destination<'_>, insights: &[Insight]) -> Result<SyncReport> {
    let records: Vec<Record> = insights.iter().map(insight_record).collect();
    to.sync(DATABASE, &records, None).await
}

impl Insight {
    /// True when the Status is Critical (what alerts are sent for).
    pub fn is_critical(&self) -> bool {
        self.status.as_deref() == Some(Level::Critical.as_str())
    }
}
