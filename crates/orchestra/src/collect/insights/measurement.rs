//! One measured value, before thresholds and history are applied.

use serde::{Deserialize, Serialize};

use super::level::Rule;

/// A metric and its latest value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// The metric's name (the row's title).
    pub metric: String,
    /// The value.
    pub value: f64,
    /// Performance, Security, Cost or Availability (inferred from the name when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// An alert threshold given with the value: the warning level, higher is worse
    /// (`[thresholds.<metric>]` in `orchestra.toml` wins over it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Levels the collector suggests (the system probe's defaults); the configuration wins.
    #[serde(skip)]
    pub default_rule: Option<Rule>,
}

impl Measurement {
    /// A measurement without category or threshold.
    pub fn new(metric: impl Into<String>, value: f64) -> Self {
        Self {
            metric: metric.into(),
            value,
            category: None,
            threshold: None,
            default_rule: None,
        }
    }

    /// With a category.
    #[must_use]
    pub fn category(mut self, category: &str) -> Self {
        self.category = Some(category.to_owned());
        self
    }
}

/// The category of a metric by its name: cost and spend are Cost; security words are
/// Security; uptime, errors and availability are Availability; the rest Performance.
pub fn infer_category(metric: &str) -> &'static str {
    let name = metric.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["cost", "spend", "budget", "price", "bill", "usd"]) {
        "Cost"
    } else if has(&[
        "security",
        "vuln",
        "cve",
        "auth",
        "login",
        "intrusion",
        "secret",
    ]) {
        "Security"
    } else if has(&[
        "uptime",
        "availability",
        "error",
        "fail",
        "down",
        "health",
        "disk",
    ]) {
        "Availability"
    } else {
        "Performance"
    }
}

/// The key of `[thresholds.<key>]` for a metric: lower case, runs of other characters
/// as `_` (`CPU Usage` -> `cpu_usage`).
pub fn metric_slug(metric: &str) -> String {
    let mut slug = String::new();
    for c in metric.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('_') {
            slug.push('_');
        }
    }
    slug.trim_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_and_slugs() {
        assert_eq!(infer_category("Monthly AI spend"), "Cost");
        assert_eq!(infer_category("open_cves"), "Security");
        assert_eq!(infer_category("API uptime"), "Availability");
        assert_eq!(infer_category("p95 latency"), "Performance");
        assert_eq!(metric_slug("Load Average (1m)"), "load_average_1m");
        assert_eq!(metric_slug("CPU Usage"), "cpu_usage");
    }
}
