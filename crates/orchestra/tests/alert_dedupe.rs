//! Critical-insight alerts are de-duplicated: one Slack post per metric that becomes
//! Critical, again when its severity rises, after it recovered, or after the quiet period;
//! a refused post is retried on the next run. The clock is injected (no sleeping) and Slack
//! is a local receiver.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use orchestra::collect::insights::{
    AlertLog, AlertReason, History, Measurement, RealertRule, evaluate,
};
use orchestra::config::Threshold;
use orchestra::notify::slack::{AlertOutcome, InsightAlerts, SlackNotifier, alert_insights};
use orchestra::typed::Insight;

use crate::collect::receiver::Receiver;

/// Error rate: warning at 1, critical at 5 (the Threshold shown is 1).
fn thresholds() -> BTreeMap<String, Threshold> {
    let rule = serde_json::from_value(serde_json::json!({"warning": 1.0, "critical": 5.0}))
        .expect("threshold");
    BTreeMap::from([("error_rate".to_owned(), rule)])
}

fn start() -> Timestamp {
    "2026-03-01T08:00:00Z".parse().expect("time")
}

/// One collector run `minutes` after the start: measures the error rate and alerts.
struct Runs {
    history: History,
    log: AlertLog,
    thresholds: BTreeMap<String, Threshold>,
}

impl Runs {
    fn new() -> Self {
        Self {
            history: History::in_memory().expect("history"),
            log: AlertLog::in_memory().expect("alert log"),
            thresholds: thresholds(),
        }
    }

    fn insights(&self, value: f64, at: Timestamp) -> Vec<Insight> {
        let measured = [
            Measurement::new("Error rate", value),
            Measurement::new("Queue depth", 3.0),
        ];
        evaluate(&measured, &self.thresholds, &self.history, at, true).expect("evaluate")
    }

    async fn run(&self, slack: &Receiver, value: f64, minutes: i64) -> InsightAlerts {
        let at = start() + SignedDuration::from_mins(minutes);
        let insights = self.insights(value, at);
        let notifier = SlackNotifier::new(&slack.url);
        alert_insights(
            Some(&notifier),
            &insights,
            &self.log,
            RealertRule::default(),
            at,
        )
        .await
        .expect("alert")
    }
}

fn error_rate(alerts: &InsightAlerts) -> &AlertOutcome {
    &alerts
        .metrics
        .iter()
        .find(|m| m.metric == "Error rate")
        .expect("error rate")
        .outcome
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_runs_of_the_same_critical_metric_post_once() {
    let slack = Receiver::start(200).await;
    let runs = Runs::new();
    let first = runs.run(&slack, 7.5, 0).await;
    let second = runs.run(&slack, 7.8, 15).await;
    let third = runs.run(&slack, 7.2, 30).await;

    assert_eq!(slack.bodies().len(), 1);
    assert!(
        slack.bodies()[0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Critical: Error rate")),
        "{}",
        slack.bodies()[0]
    );
    assert_eq!(
        error_rate(&first),
        &AlertOutcome::Posted {
            reason: AlertReason::BecameCritical,
            severity: 3
        }
    );
    for later in [&second, &third] {
        assert_eq!(
            error_rate(later),
            &AlertOutcome::Suppressed {
                last_alert: start(),
                last_severity: 3
            }
        );
        assert_eq!(later.report.posted, 0);
        assert!(later.due.is_empty());
    }
    let queue = &third.metrics[1];
    assert_eq!(
        (queue.metric.as_str(), &queue.outcome),
        ("Queue depth", &AlertOutcome::NotNeeded)
    );
    let json = serde_json::to_value(&second.metrics[0]).expect("json");
    assert_eq!(json["alert"], "suppressed", "{json}");
    assert_eq!(json["last_alert"], "2026-03-01T08:00:00Z", "{json}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rising_severity_posts_again() {
    let slack = Receiver::start(200).await;
    let runs = Runs::new();
    runs.run(&slack, 6.0, 0).await;
    let worse = runs.run(&slack, 12.0, 15).await;
    let back_down = runs.run(&slack, 6.0, 30).await;
    let worse_again = runs.run(&slack, 13.0, 45).await;

    assert_eq!(
        error_rate(&worse),
        &AlertOutcome::Posted {
            reason: AlertReason::SeverityRose,
            severity: 4
        }
    );
    assert!(matches!(
        error_rate(&back_down),
        AlertOutcome::Suppressed {
            last_severity: 4,
            ..
        }
    ));
    assert!(matches!(
        error_rate(&worse_again),
        AlertOutcome::Suppressed { .. }
    ));
    assert_eq!(slack.bodies().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_metric_back_to_normal_alerts_again_when_it_turns_critical() {
    let slack = Receiver::start(200).await;
    let runs = Runs::new();
    runs.run(&slack, 7.5, 0).await;
    let normal = runs.run(&slack, 0.5, 15).await;
    assert_eq!(error_rate(&normal), &AlertOutcome::NotNeeded);
    assert_eq!(runs.log.last("Error rate").expect("log"), None);
    let again = runs.run(&slack, 7.5, 30).await;

    assert_eq!(
        error_rate(&again),
        &AlertOutcome::Posted {
            reason: AlertReason::BecameCritical,
            severity: 3
        }
    );
    assert_eq!(slack.bodies().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_post_is_not_remembered_and_the_next_run_posts() {
    let broken = Receiver::start(500).await;
    let slack = Receiver::start(200).await;
    let runs = Runs::new();
    let refused = runs.run(&broken, 7.5, 0).await;

    assert_eq!(broken.bodies().len(), 1, "the post was tried");
    assert_eq!(
        error_rate(&refused),
        &AlertOutcome::Failed {
            reason: AlertReason::BecameCritical,
            severity: 3
        }
    );
    assert_eq!(refused.report.posted, 0);
    assert_eq!(refused.report.warnings.len(), 1);
    assert!(
        refused.report.warnings[0].contains("500"),
        "{:?}",
        refused.report.warnings
    );
    assert!(
        !refused.report.warnings[0].contains(&broken.url),
        "the webhook URL is a secret"
    );
    assert_eq!(runs.log.last("Error rate").expect("log"), None);

    let retried = runs.run(&slack, 7.5, 15).await;
    assert_eq!(
        error_rate(&retried),
        &AlertOutcome::Posted {
            reason: AlertReason::BecameCritical,
            severity: 3
        }
    );
    assert_eq!(slack.bodies().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quiet_period_ends_with_another_post() {
    let slack = Receiver::start(200).await;
    let runs = Runs::new();
    runs.run(&slack, 7.5, 0).await;
    let almost = runs.run(&slack, 7.5, 24 * 60 - 1).await;
    assert!(matches!(
        error_rate(&almost),
        AlertOutcome::Suppressed { .. }
    ));
    let day_later = runs.run(&slack, 7.5, 24 * 60).await;
    assert_eq!(
        error_rate(&day_later),
        &AlertOutcome::Posted {
            reason: AlertReason::QuietPeriodOver,
            severity: 3
        }
    );
    assert_eq!(slack.bodies().len(), 2);
    let remembered = runs.log.last("Error rate").expect("log").expect("alert");
    assert_eq!(remembered.at, start() + SignedDuration::from_hours(24));

    // A shorter quiet period, as `--realert-after 1h` sets it.
    let hourly = RealertRule::parse("1h").expect("rule");
    let at = start() + SignedDuration::from_hours(25);
    let insights = runs.insights(7.5, at);
    let notifier = SlackNotifier::new(&slack.url);
    let next = alert_insights(Some(&notifier), &insights, &runs.log, hourly, at)
        .await
        .expect("alert");
    assert!(matches!(
        error_rate(&next),
        AlertOutcome::Posted {
            reason: AlertReason::QuietPeriodOver,
            ..
        }
    ));
    assert_eq!(slack.bodies().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_slack_nothing_is_remembered() {
    let runs = Runs::new();
    let at = start();
    let insights = runs.insights(7.5, at);
    let alerts = alert_insights(None, &insights, &runs.log, RealertRule::default(), at)
        .await
        .expect("alert");
    assert_eq!(
        error_rate(&alerts),
        &AlertOutcome::NotSent {
            reason: AlertReason::BecameCritical,
            severity: 3
        }
    );
    assert_eq!(alerts.due.len(), 1);
    assert_eq!(runs.log.last("Error rate").expect("log"), None);
}
