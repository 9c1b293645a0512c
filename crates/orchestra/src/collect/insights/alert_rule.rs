//! When a critical metric is worth a Slack alert: the de-duplication rule shared by
//! `orchestra insights collect` and `orchestra daily`.
//!
//! An alert is posted for a metric when
//! - it becomes Critical (no alert is remembered for it),
//! - its severity rises above the one last alerted, or
//! - it is still Critical and the quiet period ([`RealertRule::realert_after`], 24 h by
//!   default) has passed since the last alert.
//!
//! Otherwise it is suppressed. A metric that is no longer Critical needs no alert and its
//! remembered alert is forgotten, so the next time it turns Critical it alerts again.
//!
//! The severity of a Critical metric is a step: 1 at the critical level, one more each
//! time the value doubles past the Threshold shown in the row (halves, for a metric where
//! lower is worse). So CPU at 97% with a threshold of 80 stays at step 1, while an error
//! rate going from 5 to 12 with a threshold of 1 goes from step 3 to step 4 and alerts
//! again. A severity that falls back while still Critical alerts nothing.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::typed::Insight;

/// The quiet period used when none is given: 24 hours.
pub const DEFAULT_REALERT_AFTER: SignedDuration = SignedDuration::from_hours(24);

/// The highest severity step (a value past the threshold by 2^63 is step 64).
const MAX_STEP: u32 = 64;

/// How long a metric that stays Critical is quiet before it alerts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RealertRule {
    /// The quiet period after an alert.
    pub realert_after: SignedDuration,
}

impl Default for RealertRule {
    fn default() -> Self {
        Self {
            realert_after: DEFAULT_REALERT_AFTER,
        }
    }
}

impl RealertRule {
    /// The daily job's rule: 20 hours, so a job started once a day at about the same time
    /// re-alerts each day even when today's run starts a little earlier than yesterday's
    /// (with exactly 24 hours it would alert only every other day).
    pub fn daily() -> Self {
        Self {
            realert_after: SignedDuration::from_hours(20),
        }
    }

    /// Parses a quiet period such as `24h`, `90m`, `1h 30m` or `PT6H`; it must be positive.
    ///
    /// # Errors
    /// A message naming what was expected.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let realert_after: SignedDuration = text.trim().parse().map_err(|e| {
            format!("{text:?} is not a duration (expected e.g. 24h, 90m or 1h 30m): {e}")
        })?;
        if realert_after <= SignedDuration::ZERO {
            return Err(format!("{text:?}: the quiet period must be positive"));
        }
        Ok(Self { realert_after })
    }
}

/// The alert remembered for a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LastAlert {
    /// Its severity step.
    pub severity: u32,
    /// When it was posted.
    pub at: Timestamp,
}

/// Why an alert is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertReason {
    /// The metric became Critical.
    BecameCritical,
    /// The severity rose above the last alert's.
    SeverityRose,
    /// The quiet period after the last alert has passed.
    QuietPeriodOver,
}

/// What to do about one metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertDecision {
    /// Post an alert (at this severity step).
    Post {
        /// Why.
        reason: AlertReason,
        /// The metric's severity step now.
        severity: u32,
    },
    /// Critical, but already alerted recently at this severity or higher.
    Suppress {
        /// The alert that covers it.
        last: LastAlert,
    },
    /// Not Critical: no alert, and the remembered one is forgotten.
    NotNeeded,
}

/// The severity step of `insight`: `None` unless Critical; else 1, plus one per doubling of
/// the value past the Threshold (see the module docs).
pub fn severity_step(insight: &Insight) -> Option<u32> {
    if !insight.is_critical() {
        return None;
    }
    let ratio = match (insight.current_value, insight.threshold) {
        (Some(value), Some(threshold)) if value > 0.0 && threshold > 0.0 => {
            (value / threshold).max(threshold / value)
        }
        _ => 1.0,
    };
    let doublings = ratio.log2().floor();
    Some(if doublings > 0.0 {
        // Truncation is intended: the value is a small whole number, capped.
        (doublings.min(f64::from(MAX_STEP - 1)) as u32) + 1
    } else {
        1
    })
}

/// Applies the rule to one metric, given the alert remembered for it and the time now.
pub fn decide(
    insight: &Insight,
    last: Option<LastAlert>,
    rule: RealertRule,
    now: Timestamp,
) -> AlertDecision {
    let Some(severity) = severity_step(insight) else {
        return AlertDecision::NotNeeded;
    };
    let reason = match last {
        None => AlertReason::BecameCritical,
        Some(last) if severity > last.severity => AlertReason::SeverityRose,
        Some(last) if now.duration_since(last.at) >= rule.realert_after => {
            AlertReason::QuietPeriodOver
        }
        Some(last) => return AlertDecision::Suppress { last },
    };
    AlertDecision::Post { reason, severity }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn critical(value: f64, threshold: f64) -> Insight {
        Insight {
            metric: "Error rate".to_owned(),
            current_value: Some(value),
            threshold: Some(threshold),
            status: Some("Critical".to_owned()),
            ..Insight::default()
        }
    }

    #[test]
    fn the_daily_rule_alerts_each_day_even_when_the_job_starts_a_little_earlier() {
        let yesterday: Timestamp = "2026-11-25T09:00:05Z".parse().unwrap();
        let today: Timestamp = "2026-11-26T09:00:02Z".parse().unwrap();
        let last = Some(LastAlert {
            severity: 3,
            at: yesterday,
        });
        let metric = critical(5.0, 1.0);
        assert!(matches!(
            decide(&metric, last, RealertRule::daily(), today),
            AlertDecision::Post {
                reason: AlertReason::QuietPeriodOver,
                ..
            }
        ));
        // The 24-hour default would wait another day.
        assert!(matches!(
            decide(&metric, last, RealertRule::default(), today),
            AlertDecision::Suppress { .. }
        ));
    }

    #[test]
    fn steps_count_doublings_past_the_threshold_both_ways() {
        assert_eq!(severity_step(&critical(97.0, 80.0)), Some(1));
        assert_eq!(severity_step(&critical(5.0, 1.0)), Some(3));
        assert_eq!(severity_step(&critical(12.0, 1.0)), Some(4));
        // Lower is worse: 20 against 99 is past two halvings.
        assert_eq!(severity_step(&critical(20.0, 99.0)), Some(3));
        assert_eq!(severity_step(&critical(0.0, 99.0)), Some(1));
        assert_eq!(
            severity_step(&critical(f64::MAX, f64::MIN_POSITIVE)),
            Some(64)
        );
        let mut warning = critical(5.0, 1.0);
        warning.status = Some("Warning".to_owned());
        assert_eq!(severity_step(&warning), None);
    }

    #[test]
    fn the_rule_posts_suppresses_and_realerts() {
        let now: Timestamp = "2026-03-01T12:00:00Z".parse().expect("time");
        let rule = RealertRule::default();
        let insight = critical(5.0, 1.0);
        let recent = LastAlert {
            severity: 3,
            at: now - SignedDuration::from_hours(1),
        };
        assert_eq!(
            decide(&insight, None, rule, now),
            AlertDecision::Post {
                reason: AlertReason::BecameCritical,
                severity: 3
            }
        );
        assert_eq!(
            decide(&insight, Some(recent), rule, now),
            AlertDecision::Suppress { last: recent }
        );
        let lower = LastAlert {
            severity: 2,
            ..recent
        };
        assert!(matches!(
            decide(&insight, Some(lower), rule, now),
            AlertDecision::Post {
                reason: AlertReason::SeverityRose,
                ..
            }
        ));
        let old = LastAlert {
            severity: 9,
            at: now - DEFAULT_REALERT_AFTER,
        };
        assert!(matches!(
            decide(&insight, Some(old), rule, now),
            AlertDecision::Post {
                reason: AlertReason::QuietPeriodOver,
                severity: 3
            }
        ));
        let mut normal = insight.clone();
        normal.status = Some("Normal".to_owned());
        assert_eq!(
            decide(&normal, Some(recent), rule, now),
            AlertDecision::NotNeeded
        );
    }

    #[test]
    fn quiet_periods_parse_in_friendly_and_iso_forms() {
        assert_eq!(
            RealertRule::parse("24h").map(|r| r.realert_after),
            Ok(SignedDuration::from_hours(24))
        );
        assert_eq!(
            RealertRule::parse("1h 30m").map(|r| r.realert_after),
            Ok(SignedDuration::from_mins(90))
        );
        assert_eq!(
            RealertRule::parse("PT6H").map(|r| r.realert_after),
            Ok(SignedDuration::from_hours(6))
        );
        assert!(RealertRule::parse("0s").is_err());
        assert!(RealertRule::parse("soon").is_err());
    }
}
