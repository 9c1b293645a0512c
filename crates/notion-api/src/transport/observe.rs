//! Counters and an observer hook for every attempt the transport makes.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::Method;
use tokio::time::Instant;

/// A snapshot of the client's request counters (shared by all clones).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientStats {
    /// HTTP requests put on the wire, retries included.
    pub requests_sent: u64,
    /// Of those, how many were retries.
    pub retries: u64,
    /// Responses with status 429 (`rate_limited`).
    pub rate_limited: u64,
    /// Responses with status 529 (`service_overload`).
    pub overloaded: u64,
    /// Responses with a 5xx status other than 529.
    pub server_errors: u64,
    /// Attempts that got no response (connection failure, timeout, broken body).
    pub transport_errors: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Counters {
    requests_sent: AtomicU64,
    retries: AtomicU64,
    rate_limited: AtomicU64,
    overloaded: AtomicU64,
    server_errors: AtomicU64,
    transport_errors: AtomicU64,
}

impl Counters {
    pub(crate) fn on_send(&self, attempt: u32) {
        self.requests_sent.fetch_add(1, Ordering::Relaxed);
        if attempt > 1 {
            self.retries.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn on_status(&self, status: Option<u16>) {
        let counter = match status {
            Some(429) => &self.rate_limited,
            Some(529) => &self.overloaded,
            Some(s) if s >= 500 => &self.server_errors,
            Some(_) => return,
            None => &self.transport_errors,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn snapshot(&self) -> ClientStats {
        ClientStats {
            requests_sent: self.requests_sent.load(Ordering::Relaxed),
            retries: self.retries.load(Ordering::Relaxed),
            rate_limited: self.rate_limited.load(Ordering::Relaxed),
            overloaded: self.overloaded.load(Ordering::Relaxed),
            server_errors: self.server_errors.load(Ordering::Relaxed),
            transport_errors: self.transport_errors.load(Ordering::Relaxed),
        }
    }
}

/// One step of the transport, as reported to an [`Observer`].
///
/// `path` is a template: ids are replaced by `{id}`. Times are tokio instants,
/// so they follow paused time in tests.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum TransportEvent<'a> {
    /// An attempt is about to be sent (the rate limiter has admitted it).
    Sending {
        /// HTTP method.
        method: &'a Method,
        /// Path template.
        path: &'a str,
        /// 1-based attempt number.
        attempt: u32,
        /// When it was admitted.
        at: Instant,
    },
    /// An attempt finished.
    Finished {
        /// HTTP method.
        method: &'a Method,
        /// Path template.
        path: &'a str,
        /// 1-based attempt number.
        attempt: u32,
        /// The status, or `None` when no response arrived.
        status: Option<u16>,
        /// Time on the wire.
        elapsed: Duration,
        /// When it finished.
        at: Instant,
    },
    /// The client will repeat the request after `wait`.
    Retrying {
        /// HTTP method.
        method: &'a Method,
        /// Path template.
        path: &'a str,
        /// The attempt that failed.
        attempt: u32,
        /// How long the client waits before the next attempt.
        wait: Duration,
        /// True when the wait pauses every caller (429/529), false for a local backoff.
        shared_pause: bool,
    },
}

/// A hook that sees every [`TransportEvent`]. Closures `Fn(&TransportEvent<'_>)` qualify.
///
/// Keep it fast: it runs inline on the request path.
pub trait Observer: Send + Sync + 'static {
    /// Called for every event.
    fn on_event(&self, event: &TransportEvent<'_>);
}

impl<F> Observer for F
where
    F: Fn(&TransportEvent<'_>) + Send + Sync + 'static,
{
    fn on_event(&self, event: &TransportEvent<'_>) {
        self(event);
    }
}

/// A cloneable, debuggable handle to an observer.
#[derive(Clone)]
pub(crate) struct SharedObserver(pub(crate) Arc<dyn Observer>);

impl fmt::Debug for SharedObserver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Observer")
    }
}
