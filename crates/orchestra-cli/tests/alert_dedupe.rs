//! `orchestra insights collect` run again and again (as from cron) alerts Slack once per
//! metric that turns Critical, says per metric what happened with `--json`, retries a
//! refused post, and `orchestra daily` does not repeat an alert the collector sent.

use std::path::Path;

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::collect::receiver::Receiver;
use crate::collect::{add_config, initialised, json, run_with};

const HOOK: &str = "ORCHESTRA_SLACK_WEBHOOK";

/// An initialised folder whose metrics file holds an error rate (critical at 5).
async fn with_error_rate(value: f64) -> (TestEmulator, tempfile::TempDir) {
    let (emu, dir) = initialised().await;
    add_config(
        dir.path(),
        None,
        "[thresholds.error_rate]\nwarning = 1\ncritical = 5",
    );
    set_error_rate(dir.path(), value);
    (emu, dir)
}

fn set_error_rate(dir: &Path, value: f64) {
    std::fs::write(
        dir.join("metrics.json"),
        format!(r#"[{{"metric": "Error rate", "value": {value}}}, {{"metric": "Queue depth", "value": 3}}]"#),
    )
    .expect("metrics");
}

/// `orchestra insights collect --json` posting to `slack`; must exit 0.
fn collect(emu: &TestEmulator, dir: &Path, slack: &Receiver) -> Value {
    let args = [
        "insights",
        "collect",
        "--no-system",
        "--metrics",
        "metrics.json",
        "--json",
    ];
    let run = run_with(emu, dir, &args, &[(HOOK, slack.url.as_str())]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains(&slack.url), "the webhook is a secret");
    json(&run)
}

fn error_rate(out: &Value) -> &Value {
    &out["insights"][0]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_metric_that_stays_critical_is_posted_once_until_it_recovers() {
    let (emu, dir) = with_error_rate(7.5).await;
    let slack = Receiver::start(200).await;
    let first = collect(&emu, dir.path(), &slack);
    let second = collect(&emu, dir.path(), &slack);
    let third = collect(&emu, dir.path(), &slack);

    assert_eq!(slack.bodies().len(), 1, "three runs, one post");
    assert_eq!(error_rate(&first)["alert"], "posted", "{first}");
    assert_eq!(error_rate(&first)["reason"], "became_critical", "{first}");
    assert_eq!(first["notify"]["posted"], 1, "{first}");
    for later in [&second, &third] {
        let row = error_rate(later);
        assert_eq!(row["status"], "Critical", "{later}");
        assert_eq!(row["alert"], "suppressed", "{later}");
        assert!(
            row["last_alert"]
                .as_str()
                .is_some_and(|t| t.parse::<jiff::Timestamp>().is_ok()),
            "{later}"
        );
        assert!(later["notify"].is_null(), "{later}");
    }
    assert_eq!(third["insights"][1]["alert"], "not_needed", "{third}");

    set_error_rate(dir.path(), 0.5);
    let normal = collect(&emu, dir.path(), &slack);
    assert_eq!(error_rate(&normal)["alert"], "not_needed", "{normal}");
    set_error_rate(dir.path(), 7.5);
    let again = collect(&emu, dir.path(), &slack);
    assert_eq!(error_rate(&again)["alert"], "posted", "{again}");
    assert_eq!(slack.bodies().len(), 2, "critical again after recovering");

    // The severity rises: 12 is past three doublings of the threshold 1.
    set_error_rate(dir.path(), 12.0);
    let worse = collect(&emu, dir.path(), &slack);
    assert_eq!(error_rate(&worse)["reason"], "severity_rose", "{worse}");
    assert_eq!(slack.bodies().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_post_is_a_warning_and_the_next_run_posts() {
    let (emu, dir) = with_error_rate(7.5).await;
    let broken = Receiver::start(500).await;
    let refused = collect(&emu, dir.path(), &broken);
    assert_eq!(broken.bodies().len(), 1);
    assert_eq!(error_rate(&refused)["alert"], "failed", "{refused}");
    assert!(
        refused["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("Slack answered 500")),
        "{refused}"
    );

    let slack = Receiver::start(200).await;
    let retried = collect(&emu, dir.path(), &slack);
    assert_eq!(error_rate(&retried)["alert"], "posted", "{retried}");
    assert_eq!(slack.bodies().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_job_does_not_repeat_an_alert_the_collector_sent() {
    let (emu, dir) = with_error_rate(7.5).await;
    add_config(dir.path(), Some("sources"), "metrics = \"metrics.json\"");
    let slack = Receiver::start(200).await;
    collect(&emu, dir.path(), &slack);
    assert_eq!(slack.bodies().len(), 1);

    let daily = run_with(
        &emu,
        dir.path(),
        &["daily", "--json"],
        &[(HOOK, slack.url.as_str()), ("ORCHESTRA_RATE_LIMIT", "off")],
    );
    assert_eq!(daily.code, 0, "{}\n{}", daily.stdout, daily.stderr);
    let out = json(&daily);
    let posted_by_daily = &slack.bodies()[1..];
    assert!(
        posted_by_daily.iter().any(|b| b["text"]
            .as_str()
            .is_some_and(|t| t.contains("daily report"))),
        "the summary was posted: {posted_by_daily:?}"
    );
    assert!(
        !posted_by_daily.iter().any(|b| b["text"]
            .as_str()
            .is_some_and(|t| t.contains("Critical: Error rate"))),
        "already alerted: {posted_by_daily:?}\n{out}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quiet_period_comes_from_the_flag_or_the_config_file() {
    let (emu, dir) = with_error_rate(7.5).await;
    let slack = Receiver::start(200).await;
    // A bad flag value is a usage error naming what is expected.
    let args = [
        "insights",
        "collect",
        "--no-system",
        "--realert-after",
        "soon",
    ];
    let bad_flag = run_with(&emu, dir.path(), &args, &[(HOOK, slack.url.as_str())]);
    assert_eq!(bad_flag.code, 2, "{}", bad_flag.stderr);
    assert!(bad_flag.stderr.contains("24h"), "{}", bad_flag.stderr);
    // A bad value in orchestra.toml names the key; nothing is posted.
    add_config(dir.path(), Some("slack"), "realert_after = \"soon\"");
    let args = [
        "insights",
        "collect",
        "--no-system",
        "--metrics",
        "metrics.json",
    ];
    let bad_file = run_with(&emu, dir.path(), &args, &[(HOOK, slack.url.as_str())]);
    assert_eq!(bad_file.code, 2, "{}", bad_file.stderr);
    assert!(
        bad_file.stderr.contains("slack.realert_after"),
        "{}",
        bad_file.stderr
    );
    assert!(slack.bodies().is_empty());
}
