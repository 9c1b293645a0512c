//! Slack: Block Kit alerts and the daily summary on a local receiver.

use jiff::Timestamp;
use orchestra::collect::activity::{ActivityKind, ActivityStatus, ManualEntry, People};
use orchestra::config::Config;
use orchestra::notify::slack::{DailySummary, SlackNotifier, alerts_for};
use orchestra::typed::Insight;

use super::receiver::Receiver;

fn deploy(status: ActivityStatus) -> orchestra::typed::DevActivity {
    ManualEntry {
        kind: ActivityKind::Deploy,
        repo: "api".to_owned(),
        branch: Some("main".to_owned()),
        status,
        details: Some("v2 <beta>".to_owned()),
        link: Some("https://ci.example.com/run/9".to_owned()),
        title: None,
        author: None,
        key: Some("k".to_owned()),
    }
    .into_entry(Timestamp::UNIX_EPOCH, &People::default())
    .row
}

fn insight(metric: &str, status: &str) -> Insight {
    Insight {
        metric: metric.to_owned(),
        category: Some("Performance".to_owned()),
        current_value: Some(97.0),
        threshold: Some(80.0),
        status: Some(status.to_owned()),
        trend: Some("Degrading".to_owned()),
        action_required: Some("act now".to_owned()),
        ..Insight::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_block_kit_post_per_failed_deploy_and_critical_insight() {
    let receiver = Receiver::start(200).await;
    let activities = [
        deploy(ActivityStatus::Failed),
        deploy(ActivityStatus::Success),
    ];
    let insights = [
        insight("CPU Usage", "Critical"),
        insight("Memory Used", "Warning"),
    ];
    let alerts = alerts_for(&activities, &insights);
    assert_eq!(alerts.len(), 2);

    let report = SlackNotifier::new(&receiver.url).post_alerts(&alerts).await;
    assert_eq!((report.posted, report.warnings.len()), (2, 0), "{report:?}");
    let bodies = receiver.bodies();
    assert_eq!(bodies.len(), 2);
    let deploy = &bodies[0];
    assert_eq!(deploy["blocks"][0]["type"], "header");
    assert!(
        deploy["blocks"][0]["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Failed: Deploy api")),
        "{deploy}"
    );
    assert!(
        deploy["blocks"][1]["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("v2 &lt;beta&gt;")),
        "{deploy}"
    );
    assert_eq!(
        deploy["blocks"][2]["elements"][0]["url"],
        "https://ci.example.com/run/9"
    );
    assert!(deploy["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(
        bodies[1]["blocks"][0]["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Critical: CPU Usage")),
        "{}",
        bodies[1]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_webhook_is_a_warning_without_the_url() {
    let receiver = Receiver::start(500).await;
    let slack = SlackNotifier::new(&receiver.url);
    let report = slack
        .post_daily_summary(&DailySummary {
            projects_total: 12,
            failures_24h: 1,
            ..DailySummary::default()
        })
        .await;
    assert_eq!(report.posted, 0);
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0].contains("500"), "{:?}", report.warnings);
    assert!(!report.warnings[0].contains(&receiver.url));
    let summary = &receiver.bodies()[0];
    assert!(
        summary["blocks"][2]["fields"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("12")),
        "{summary}"
    );
    assert!(!format!("{slack:?}").contains(&receiver.url));

    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let closed = format!("http://{}/hook", listener.local_addr().expect("addr"));
    drop(listener);
    let report = SlackNotifier::new(&closed)
        .post_daily_summary(&DailySummary::default())
        .await;
    assert_eq!(report.warnings.len(), 1);
    assert!(
        !report.warnings[0].contains(&closed),
        "{:?}",
        report.warnings
    );
}

#[test]
fn the_webhook_comes_from_the_configured_variable_then_slack_webhook_url() {
    let config = Config::parse(
        "[slack]\nwebhook_env = \"MY_HOOK\"\n",
        "orchestra.toml".as_ref(),
    )
    .expect("config");
    let only_fallback =
        |name: &str| (name == "SLACK_WEBHOOK_URL").then(|| "http://127.0.0.1:9/x".to_owned());
    assert!(SlackNotifier::from_config(&config, only_fallback).is_some());
    assert!(SlackNotifier::from_config(&config, |_| None).is_none());
    let empty = |_: &str| Some("  ".to_owned());
    assert!(SlackNotifier::from_config(&config, empty).is_none());
}
