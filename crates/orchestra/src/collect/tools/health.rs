//! Health Status from a provider's health URL.

use std::time::{Duration, Instant};

/// The Health Status of a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Answering.
    Healthy,
    /// Slow, refusing (4xx) or not configured.
    Warning,
    /// Failing (5xx) or unreachable.
    Error,
}

impl Health {
    /// The select option.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Healthy => "Healthy",
            Self::Warning => "Warning",
            Self::Error => "Error",
        }
    }
}

/// Answers slower than this are a Warning.
pub const SLOW: Duration = Duration::from_secs(2);

/// The whole check gives up after this.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// A client for health checks (short timeout).
///
/// # Panics
/// Never in practice: the builder only fails without a TLS backend.
pub fn health_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .build()
        .expect("an HTTP client")
}

/// GETs `url`: 2xx Healthy (Warning when slower than [`SLOW`]), 4xx (and other
/// non-2xx) Warning, 5xx or unreachable Error. The reason comes with it.
pub async fn check(client: &reqwest::Client, url: &str) -> (Health, String) {
    let started = Instant::now();
    match client.get(url).send().await {
        Ok(response) => {
            let status = response.status();
            let took = started.elapsed();
            if status.is_server_error() {
                (Health::Error, format!("health check answered {status}"))
            } else if !status.is_success() {
                (Health::Warning, format!("health check answered {status}"))
            } else if took > SLOW {
                (
                    Health::Warning,
                    format!("health check took {:.1} s", took.as_secs_f64()),
                )
            } else {
                (Health::Healthy, format!("health check answered {status}"))
            }
        }
        Err(err) => {
            let what = if err.is_timeout() {
                "timed out"
            } else {
                "unreachable"
            };
            (Health::Error, format!("health check {what}"))
        }
    }
}
