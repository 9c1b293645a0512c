//! `orchestra insights collect`.

use super::receiver::Receiver;
use super::{add_config, initialised, json, run_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_critical_metric_is_one_slack_post() {
    let (emu, dir) = initialised().await;
    let config = dir.path().join("orchestra.toml");
    let text = std::fs::read_to_string(&config).expect("orchestra.toml");
    assert!(
        text.contains("webhook_env = \"ORCHESTRA_SLACK_WEBHOOK\""),
        "{text}"
    );
    std::fs::write(
        &config,
        text.replace("ORCHESTRA_SLACK_WEBHOOK", "TEST_HOOK"),
    )
    .expect("write orchestra.toml");
    add_config(
        dir.path(),
        None,
        "[thresholds.error_rate]\nwarning = 1\ncritical = 5",
    );
    std::fs::write(
        dir.path().join("metrics.json"),
        r#"[{"metric": "Error rate", "value": 7.5, "category": "Availability"},
            {"metric": "Queue depth", "value": 3}]"#,
    )
    .expect("metrics");
    let slack = Receiver::start(200).await;
    let args = [
        "insights",
        "collect",
        "--no-system",
        "--metrics",
        "metrics.json",
        "--json",
    ];
    let run = run_with(
        &emu,
        dir.path(),
        &args,
        &[("TEST_HOOK", slack.url.as_str())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = json(&run);
    assert_eq!(out["sync"]["created"], 2, "{out}");
    assert_eq!(out["insights"][0]["status"], "Critical", "{out}");
    assert_eq!(out["insights"][1]["status"], "Normal", "{out}");
    assert_eq!(out["notify"]["posted"], 1, "{out}");
    let bodies = slack.bodies();
    assert_eq!(bodies.len(), 1);
    assert!(
        bodies[0]["blocks"][0]["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Critical: Error rate (Availability)")),
        "{}",
        bodies[0]
    );
    assert!(dir.path().join(".orchestra/history.sqlite").exists());

    let quiet = run_with(
        &emu,
        dir.path(),
        &[
            "insights",
            "collect",
            "--no-system",
            "--metrics",
            "metrics.json",
            "--no-notify",
        ],
        &[("TEST_HOOK", slack.url.as_str())],
    );
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    assert!(
        quiet.stdout.contains("insights: 0 created, 2 updated"),
        "{}",
        quiet.stdout
    );
    assert_eq!(slack.bodies().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn this_machine_is_measured_without_a_metrics_file() {
    let (emu, dir) = initialised().await;
    let run = run_with(&emu, dir.path(), &["insights", "collect", "--json"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = json(&run);
    let metrics: Vec<&str> = out["insights"]
        .as_array()
        .expect("insights")
        .iter()
        .filter_map(|i| i["metric"].as_str())
        .collect();
    assert!(metrics.contains(&"CPU Usage"), "{metrics:?}");
    assert!(metrics.contains(&"Memory Used"), "{metrics:?}");
}
