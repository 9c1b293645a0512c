//! When to repeat a request, and how long to wait first.
//!
//! The policy mirrors Notion's published guidance and the official SDK:
//!
//! - **429 `rate_limited`, 529 `service_overload`**: retried for every method. The wait is
//!   `Retry-After` (delta-seconds or an HTTP date), else `additional_data.retry_after`, else
//!   exponential backoff. The wait pauses *every* request sharing the client's budget.
//! - **429 with `rate_limit_reason: public_api_request_blocked`**: never retried.
//! - **500, 502, 503, 504, connection failures, timeouts**: retried with exponential backoff and
//!   full jitter for GET and DELETE, and for the POSTs that only read (data-source and legacy
//!   database queries, search). Writes (other POSTs, PATCH) are never repeated blindly; the
//!   error reports that the write may have committed.
//! - **503 carrying `committed_resource_id`**: never retried; surfaced as
//!   [`Error::Committed`](crate::Error::Committed).
//! - **anything else** (4xx, decode errors): not retried.

use std::time::{Duration, SystemTime};

use reqwest::Method;

use crate::error::Error;

/// How many times, and for how long, the client repeats a failed request.
///
/// ```
/// use std::time::Duration;
/// use notion_api::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_rate_limit_attempts(4)
///     .base_delay(Duration::from_millis(500))
///     .deadline(Some(Duration::from_secs(120)));
/// assert_eq!(policy.rate_limit_attempts(), 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_rate_limit_attempts: u32,
    max_server_error_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    /// 6 attempts on 429/529, 3 on idempotent 5xx/connection failures, backoff from 1 s
    /// doubling up to 60 s, and a 10-minute overall deadline.
    fn default() -> Self {
        Self {
            max_rate_limit_attempts: 6,
            max_server_error_attempts: 3,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
            deadline: Some(Duration::from_secs(600)),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_rate_limit_attempts: 1,
            max_server_error_attempts: 1,
            ..Self::default()
        }
    }

    /// Total attempts for a request that keeps getting 429/529 (at least 1).
    #[must_use]
    pub fn max_rate_limit_attempts(mut self, attempts: u32) -> Self {
        self.max_rate_limit_attempts = attempts.max(1);
        self
    }

    /// Total attempts for an idempotent request that keeps failing with 5xx,
    /// connection errors or timeouts (at least 1).
    #[must_use]
    pub fn max_server_error_attempts(mut self, attempts: u32) -> Self {
        self.max_server_error_attempts = attempts.max(1);
        self
    }

    /// The first backoff ceiling; it doubles on every further failure.
    #[must_use]
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The largest backoff ceiling (does not shorten a server's `Retry-After`).
    #[must_use]
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The overall time budget of one call, retries and waits included. The client
    /// gives up (returning the last error) instead of starting a wait that would end
    /// past it. `None` means no deadline.
    #[must_use]
    pub fn deadline(mut self, deadline: Option<Duration>) -> Self {
        self.deadline = deadline;
        self
    }

    /// Total attempts allowed for 429/529.
    pub fn rate_limit_attempts(&self) -> u32 {
        self.max_rate_limit_attempts
    }

    /// Total attempts allowed for idempotent 5xx and transport failures.
    pub fn server_error_attempts(&self) -> u32 {
        self.max_server_error_attempts
    }

    /// The configured overall deadline.
    pub fn overall_deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// Backoff before retry number `failures` (1-based): uniformly random in
    /// `[0, min(max_delay, base_delay * 2^(failures-1))]` ("full jitter").
    pub fn backoff(&self, failures: u32) -> Duration {
        let ceiling = self.backoff_ceiling(failures);
        let millis = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(fastrand::u64(0..=millis))
    }

    /// The upper bound of [`RetryPolicy::backoff`] for retry number `failures`.
    pub fn backoff_ceiling(&self, failures: u32) -> Duration {
        let exponent = failures.saturating_sub(1).min(30);
        self.base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay)
    }
}

/// Why a failed attempt may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    /// 429/529: wait (shared by every caller of the client), then repeat.
    RateLimited {
        /// What the server asked for, if it said.
        retry_after: Option<Duration>,
    },
    /// A transient failure of an idempotent request: back off, then repeat.
    Transient,
    /// Do not repeat.
    Never,
}

/// True when repeating the request cannot change anything: GET, DELETE (trashing twice is
/// trashing once), and the POST endpoints that only read.
pub(crate) fn is_idempotent(method: &Method, template: &str) -> bool {
    match *method {
        Method::GET | Method::DELETE | Method::HEAD => true,
        Method::POST => is_read_only_post(template),
        _ => false,
    }
}

/// `POST /v1/data_sources/{id}/query`, `POST /v1/databases/{id}/query` (2022-06-28) and
/// `POST /v1/search` read without writing.
fn is_read_only_post(template: &str) -> bool {
    template == "/v1/search"
        || (template.ends_with("/query")
            && (template.starts_with("/v1/data_sources/")
                || template.starts_with("/v1/databases/")))
}

/// Classifies a failed attempt (pure; see the module docs for the table).
pub(crate) fn classify(method: &Method, template: &str, error: &Error) -> Retry {
    let idempotent = is_idempotent(method, template);
    match error {
        Error::Api(api) if api.is_request_blocked() => Retry::Never,
        Error::Api(api) if api.is_rate_limited() => Retry::RateLimited {
            retry_after: api.retry_after,
        },
        Error::Api(api) if matches!(api.status, 500 | 502 | 503 | 504) && idempotent => {
            Retry::Transient
        }
        Error::Connect { .. } | Error::Timeout { .. } | Error::Http { .. } if idempotent => {
            Retry::Transient
        }
        _ => Retry::Never,
    }
}

/// Parses a `Retry-After` value: delta-seconds (`"5"`, also `"1.5"`) or an HTTP date,
/// relative to `now`. A date in the past means "no wait".
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_posts_are_idempotent() {
        assert!(is_idempotent(&Method::POST, "/v1/data_sources/{id}/query"));
        assert!(is_idempotent(&Method::POST, "/v1/databases/{id}/query"));
        assert!(is_idempotent(&Method::POST, "/v1/search"));
        assert!(!is_idempotent(&Method::POST, "/v1/pages"));
        assert!(!is_idempotent(&Method::POST, "/v1/views/{id}/queries"));
        assert!(!is_idempotent(&Method::PATCH, "/v1/pages/{id}"));
        assert!(is_idempotent(&Method::DELETE, "/v1/blocks/{id}"));
    }

    #[test]
    fn delta_seconds() {
        let now = SystemTime::now();
        assert_eq!(parse_retry_after("5", now), Some(Duration::from_secs(5)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("1.5", now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(parse_retry_after("-3", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("", now), None);
    }

    #[test]
    fn http_date_relative_to_now() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(Duration::from_secs(30))
        );
        // A date in the past means "retry now".
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn backoff_stays_within_exponential_ceiling() {
        let policy = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_secs(1));
        assert_eq!(policy.backoff_ceiling(1), Duration::from_millis(100));
        assert_eq!(policy.backoff_ceiling(2), Duration::from_millis(200));
        assert_eq!(policy.backoff_ceiling(4), Duration::from_millis(800));
        assert_eq!(policy.backoff_ceiling(5), Duration::from_secs(1));
        assert_eq!(policy.backoff_ceiling(u32::MAX), Duration::from_secs(1));
        for failures in 1..8 {
            let ceiling = policy.backoff_ceiling(failures);
            let samples: Vec<_> = (0..200).map(|_| policy.backoff(failures)).collect();
            assert!(samples.iter().all(|d| *d <= ceiling));
            // Full jitter: the samples spread over the range rather than sitting at the ceiling.
            assert!(samples.iter().any(|d| *d < ceiling / 2));
        }
    }

    #[test]
    fn attempts_are_at_least_one() {
        let policy = RetryPolicy::default()
            .max_rate_limit_attempts(0)
            .max_server_error_attempts(0);
        assert_eq!(policy.rate_limit_attempts(), 1);
        assert_eq!(policy.server_error_attempts(), 1);
        assert_eq!(RetryPolicy::none().rate_limit_attempts(), 1);
    }
}
