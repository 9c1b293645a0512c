//! Proactive rate limiting shared by every clone of a client.
//!
//! Notion counts requests per connection in fixed 60-second windows (180 per
//! window on every plan). The client cannot see where the server's windows start,
//! so the default limiter keeps a *sliding log* of send times and never lets any
//! 60-second span hold more than the budget; that way no fixed window can either.
//!
//! The limiter also holds the shared "paused until" instant that a 429/529 sets,
//! so one caller's rate-limit response makes every caller wait.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// How the client spaces its requests.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum RateLimit {
    /// At most `requests` sends in any rolling `window` (default: 180 per 60 s).
    PerWindow {
        /// Budget per window.
        requests: u32,
        /// Window length.
        window: Duration,
    },
    /// A token bucket: `per_second` tokens refill continuously, up to `burst`.
    TokenBucket {
        /// Sustained rate.
        per_second: f64,
        /// Bucket size (requests allowed back to back).
        burst: u32,
    },
    /// No proactive limiting (server 429s are still honoured).
    Off,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self::PerWindow {
            requests: 180,
            window: Duration::from_secs(60),
        }
    }
}

/// The shared limiter state behind an `Arc` in the client.
#[derive(Debug)]
pub(crate) struct Limiter {
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    budget: Budget,
    paused_until: Option<Instant>,
}

#[derive(Debug)]
enum Budget {
    Window {
        requests: usize,
        window: Duration,
        sent: VecDeque<Instant>,
    },
    Bucket {
        per_second: f64,
        burst: f64,
        tokens: f64,
        refilled_at: Option<Instant>,
    },
    Off,
}

impl Limiter {
    pub(crate) fn new(limit: RateLimit) -> Self {
        let budget = match limit {
            RateLimit::PerWindow { requests, window } => Budget::Window {
                requests: usize::try_from(requests.max(1)).unwrap_or(usize::MAX),
                window,
                sent: VecDeque::new(),
            },
            RateLimit::TokenBucket { per_second, burst } => {
                let burst = f64::from(burst.max(1));
                Budget::Bucket {
                    per_second: if per_second > 0.0 { per_second } else { 1.0 },
                    burst,
                    tokens: burst,
                    refilled_at: None,
                }
            }
            RateLimit::Off => Budget::Off,
        };
        Self {
            state: Mutex::new(State {
                budget,
                paused_until: None,
            }),
        }
    }

    /// Waits until a request may be sent, takes one unit of budget, and returns
    /// how long it waited.
    pub(crate) async fn acquire(&self) -> Duration {
        let start = Instant::now();
        loop {
            let now = Instant::now();
            let ready_at = {
                let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
                state.try_take(now)
            };
            match ready_at {
                None => return now - start,
                Some(at) => tokio::time::sleep_until(at).await,
            }
        }
    }

    /// Makes every caller wait until at least `until` (a later pause wins).
    pub(crate) fn pause_until(&self, until: Instant) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.paused_until = Some(state.paused_until.map_or(until, |p| p.max(until)));
    }
}

impl State {
    /// Takes one unit of budget at `now`, or says when to try again.
    fn try_take(&mut self, now: Instant) -> Option<Instant> {
        if let Some(until) = self.paused_until {
            if until > now {
                return Some(until);
            }
            self.paused_until = None;
        }
        match &mut self.budget {
            Budget::Off => None,
            Budget::Window {
                requests,
                window,
                sent,
            } => {
                while sent.front().is_some_and(|t| *t + *window <= now) {
                    sent.pop_front();
                }
                if sent.len() < *requests {
                    sent.push_back(now);
                    None
                } else {
                    // The oldest send leaves the window at `front + window`.
                    sent.front().map(|t| *t + *window)
                }
            }
            Budget::Bucket {
                per_second,
                burst,
                tokens,
                refilled_at,
            } => {
                if let Some(last) = *refilled_at {
                    let earned = (now - last).as_secs_f64() * *per_second;
                    *tokens = (*tokens + earned).min(*burst);
                }
                *refilled_at = Some(now);
                if *tokens >= 1.0 {
                    *tokens -= 1.0;
                    None
                } else {
                    let missing = (1.0 - *tokens) / *per_second;
                    Some(now + Duration::from_secs_f64(missing))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn sliding_window_never_exceeds_budget_in_any_span() {
        let limiter = Limiter::new(RateLimit::PerWindow {
            requests: 5,
            window: Duration::from_secs(10),
        });
        let origin = Instant::now();
        let mut sends = Vec::new();
        for _ in 0..17 {
            limiter.acquire().await;
            sends.push(Instant::now() - origin);
        }
        for (i, first) in sends.iter().enumerate() {
            let in_span = sends[i..]
                .iter()
                .take_while(|t| **t < *first + Duration::from_secs(10))
                .count();
            assert!(in_span <= 5, "{in_span} sends within 10 s of {first:?}");
        }
        // 17 sends at 5 per 10 s need three full waits.
        assert_eq!(sends[16], Duration::from_secs(30));
    }

    #[tokio::test(start_paused = true)]
    async fn token_bucket_allows_burst_then_paces() {
        let limiter = Limiter::new(RateLimit::TokenBucket {
            per_second: 2.0,
            burst: 3,
        });
        let origin = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.acquire().await, Duration::ZERO);
        }
        limiter.acquire().await;
        assert_eq!(Instant::now() - origin, Duration::from_millis(500));
        limiter.acquire().await;
        assert_eq!(Instant::now() - origin, Duration::from_millis(1000));
    }

    #[tokio::test(start_paused = true)]
    async fn pause_holds_everyone_even_when_off() {
        let limiter = Limiter::new(RateLimit::Off);
        let origin = Instant::now();
        limiter.pause_until(origin + Duration::from_secs(5));
        limiter.pause_until(origin + Duration::from_secs(2));
        assert_eq!(limiter.acquire().await, Duration::from_secs(5));
    }
}
