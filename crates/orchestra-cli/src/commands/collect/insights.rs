//! `orchestra insights collect`.

use std::path::PathBuf;

use jiff::Timestamp;
use orchestra::collect::Destination;
use orchestra::collect::insights::{self, CollectOptions, History, history_path};
use orchestra::notify::slack::alerts_for;
use serde_json::json;

use super::{Outcome, beside_config, notify};
use crate::session::Session;

/// Measures, writes, and alerts for critical metrics.
pub(super) async fn collect(
    session: &Session,
    to: &Destination<'_>,
    metrics: Option<PathBuf>,
    system: bool,
    wanted: bool,
) -> anyhow::Result<Outcome> {
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
    let run = insights::collect(to, &history, options, Timestamp::now()).await?;
    let alerts = alerts_for(&[], &run.insights);
    let notify = if to.dry_run {
        None
    } else {
        notify(session, wanted, &alerts).await
    };
    let rows: Vec<_> = run
        .insights
        .iter()
        .map(|i| {
            json!({
                "metric": i.metric, "category": i.category, "value": i.current_value,
                "threshold": i.threshold, "status": i.status, "trend": i.trend,
                "action_required": i.action_required,
            })
        })
        .collect();
    Ok(Outcome {
        extra: json!({"insights": rows, "alerts": alerts}),
        report: run.report,
        warnings: run.warnings,
        notify,
    })
}
