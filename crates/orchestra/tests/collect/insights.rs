//! Operational Insights: thresholds, history, trend and chart data.

use jiff::{SignedDuration, Timestamp};
use orchestra::collect::Destination;
use orchestra::collect::insights::{self, CollectOptions, History};
use orchestra::config::Config;
use orchestra::sync::StateStore;
use orchestra::workspace::Workspace;

use super::rows;
use crate::support::{TestResult, provisioned};

const THRESHOLDS: &str = r#"
[thresholds.p95_latency_ms]
warning = 300
critical = 500

[thresholds."API Uptime"]
warning = 99.5
critical = 99.0
direction = "lower-is-worse"
"#;

/// The provisioned workspace with the thresholds above.
fn with_thresholds(ws: &Workspace) -> Workspace {
    let mut config = Config::parse(THRESHOLDS, "orchestra.toml".as_ref()).expect("config");
    for (key, ids) in &ws.config().databases {
        config.set_ids(key, ids.clone());
    }
    Workspace::new(ws.client().clone(), config, ws.schema().clone())
}

fn metrics_file(dir: &std::path::Path, latency: f64, uptime: f64, cost: f64) -> std::path::PathBuf {
    let path = dir.join("metrics.json");
    let body = serde_json::json!([
        {"metric": "p95 latency ms", "value": latency},
        {"metric": "API Uptime", "value": uptime, "category": "Availability"},
        {"metric": "Monthly AI spend", "value": cost, "threshold": 400},
        {"metric": "Queue depth", "value": 3},
    ]);
    std::fs::write(&path, body.to_string()).expect("write metrics");
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thresholds_give_status_and_history_gives_trend() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let ws = with_thresholds(&ws);
    let dir = tempfile::tempdir()?;
    let state = StateStore::in_memory()?;
    let history = History::in_memory()?;
    let to = Destination::new(&ws, &state);
    let start: Timestamp = "2026-05-01T06:00:00Z".parse()?;

    let path = metrics_file(dir.path(), 120.0, 99.9, 450.0);
    let options = CollectOptions {
        metrics_file: Some(&path),
        system_folder: None,
    };
    let first = insights::collect(&to, &history, options, start).await?;
    assert_eq!(first.report.created, 4, "{:?}", first.report);
    let status = |run: &insights::InsightsRun, metric: &str| {
        let i = run
            .insights
            .iter()
            .find(|i| i.metric == metric)
            .expect("metric");
        (
            i.status.clone().unwrap_or_default(),
            i.trend.clone().unwrap_or_default(),
        )
    };
    assert_eq!(
        status(&first, "p95 latency ms"),
        ("Normal".into(), "Stable".into())
    );
    assert_eq!(
        status(&first, "API Uptime"),
        ("Normal".into(), "Stable".into())
    );
    assert_eq!(
        status(&first, "Monthly AI spend"),
        ("Warning".into(), "Stable".into())
    );

    // Latency climbs and uptime falls over five more runs, an hour apart.
    let mut last = first;
    for (i, (latency, uptime)) in [
        (150.0, 99.8),
        (200.0, 99.7),
        (350.0, 99.4),
        (420.0, 99.2),
        (650.0, 98.5),
    ]
    .into_iter()
    .enumerate()
    {
        let at = start + SignedDuration::from_hours(i as i64 + 1);
        let path = metrics_file(dir.path(), latency, uptime, 450.0);
        let options = CollectOptions {
            metrics_file: Some(&path),
            system_folder: None,
        };
        last = insights::collect(&to, &history, options, at).await?;
    }
    assert_eq!(last.report.created, 0);
    assert_eq!(
        status(&last, "p95 latency ms"),
        ("Critical".into(), "Degrading".into())
    );
    assert_eq!(
        status(&last, "API Uptime"),
        ("Critical".into(), "Degrading".into())
    );
    assert_eq!(
        status(&last, "Monthly AI spend"),
        ("Warning".into(), "Stable".into())
    );
    assert_eq!(
        status(&last, "Queue depth"),
        ("Normal".into(), "Stable".into())
    );

    let stored = rows(&ws, "insights").await;
    assert_eq!(stored.len(), 4, "one row per metric");
    let latency = stored
        .iter()
        .find(|r| r.text("Metric") == Some("p95 latency ms"))
        .expect("latency row");
    assert_eq!(latency.number("Current Value"), Some(650.0));
    assert_eq!(latency.number("Threshold"), Some(300.0));
    assert_eq!(latency.text("Status"), Some("Critical"));
    assert_eq!(latency.text("Category"), Some("Performance"));
    assert!(
        latency
            .text("Action Required")
            .is_some_and(|a| a.contains("critical level 500")),
        "{latency:?}"
    );
    assert!(
        latency
            .text("Last Updated")
            .is_some_and(|t| t.contains('T'))
    );
    let chart: serde_json::Value =
        serde_json::from_str(latency.text("Chart Data").expect("chart data"))?;
    assert_eq!(
        chart["v"],
        serde_json::json!([120.0, 150.0, 200.0, 350.0, 420.0, 650.0])
    );
    assert_eq!(chart["t"].as_array().map(Vec::len), Some(6));
    let queue = stored
        .iter()
        .find(|r| r.text("Metric") == Some("Queue depth"))
        .expect("queue row");
    assert_eq!(queue.text("Action Required").unwrap_or_default(), "");
    assert_eq!(
        stored
            .iter()
            .find(|r| r.text("Metric") == Some("Monthly AI spend"))
            .and_then(|r| r.text("Category")),
        Some("Cost")
    );

    // Back to normal: Action Required is cleared.
    let path = metrics_file(dir.path(), 100.0, 99.9, 10.0);
    let options = CollectOptions {
        metrics_file: Some(&path),
        system_folder: None,
    };
    insights::collect(
        &to,
        &history,
        options,
        start + SignedDuration::from_hours(8),
    )
    .await?;
    let stored = rows(&ws, "insights").await;
    let latency = stored
        .iter()
        .find(|r| r.text("Metric") == Some("p95 latency ms"))
        .expect("latency row");
    assert_eq!(latency.text("Status"), Some("Normal"));
    assert_eq!(latency.text("Action Required").unwrap_or_default(), "");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_writes_neither_rows_nor_history() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let dir = tempfile::tempdir()?;
    let state = StateStore::in_memory()?;
    let history = History::in_memory()?;
    let mut to = Destination::new(&ws, &state);
    to.dry_run = true;
    let path = metrics_file(dir.path(), 1.0, 2.0, 3.0);
    let options = CollectOptions {
        metrics_file: Some(&path),
        system_folder: None,
    };
    let run = insights::collect(&to, &history, options, Timestamp::now()).await?;
    assert_eq!(run.report.created, 4);
    assert!(rows(&ws, "insights").await.is_empty());
    assert!(history.recent("Queue depth", 10)?.is_empty());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prometheus_files_and_this_machine_are_measured() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("metrics.prom");
    std::fs::write(
        &path,
        "# TYPE http_errors_total counter\nhttp_errors_total{code=\"500\"} 7\nnot a sample\n",
    )?;
    let state = StateStore::in_memory()?;
    let history = History::in_memory()?;
    let to = Destination::new(&ws, &state);
    let options = CollectOptions {
        metrics_file: Some(&path),
        system_folder: Some(dir.path()),
    };
    let run = insights::collect(&to, &history, options, Timestamp::now()).await?;
    assert_eq!(run.warnings.len(), 1, "{:?}", run.warnings);
    assert!(run.warnings[0].contains("line 3"), "{:?}", run.warnings);
    let names: Vec<&str> = run.insights.iter().map(|i| i.metric.as_str()).collect();
    for expected in [
        insights::CPU_USAGE,
        insights::MEMORY_USED,
        "http_errors_total{code=\"500\"}",
    ] {
        assert!(names.contains(&expected), "{names:?}");
    }
    let memory = run
        .insights
        .iter()
        .find(|i| i.metric == insights::MEMORY_USED)
        .and_then(|i| i.current_value)
        .expect("memory");
    assert!((0.0..=100.0).contains(&memory), "{memory}");
    assert_eq!(run.report.failed, 0, "{:?}", run.report);
    Ok(())
}
