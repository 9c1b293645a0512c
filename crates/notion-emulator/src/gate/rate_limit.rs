//! A fixed-window request budget per integration, like Notion's 180 requests per 60 seconds.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// The budget applied to every integration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RateLimitSetting {
    /// No limit (the default).
    #[default]
    Off,
    /// `requests` per fixed window of `window_seconds`.
    Budget {
        /// Requests allowed per window.
        requests: u32,
        /// Window length in seconds.
        window_seconds: u64,
    },
}

impl RateLimitSetting {
    /// Notion's documented budget: 180 requests per 60-second window.
    pub const NOTION: Self = Self::Budget {
        requests: 180,
        window_seconds: 60,
    };
}

impl FromStr for RateLimitSetting {
    type Err = String;

    /// `off`, `notion` or `N/SECONDS`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "off" => Ok(Self::Off),
            "notion" => Ok(Self::NOTION),
            other => {
                let (n, secs) = other
                    .split_once('/')
                    .ok_or_else(|| format!("expected off, notion or N/SECONDS, got {other:?}"))?;
                let requests = n.parse().map_err(|_| format!("bad request count {n:?}"))?;
                let window_seconds: u64 =
                    secs.parse().map_err(|_| format!("bad window {secs:?}"))?;
                if window_seconds == 0 {
                    return Err("the window must be at least one second".into());
                }
                Ok(Self::Budget {
                    requests,
                    window_seconds,
                })
            }
        }
    }
}

/// Counts requests per integration in fixed windows.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    setting: Mutex<RateLimitSetting>,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub(crate) fn new(setting: RateLimitSetting) -> Self {
        Self {
            setting: Mutex::new(setting),
            windows: Mutex::new(HashMap::new()),
        }
    }

    pub(crate) fn set(&self, setting: RateLimitSetting) {
        *lock(&self.setting) = setting;
        lock(&self.windows).clear();
    }

    /// Counts one request; `Err(seconds)` when over budget, with the seconds until the window ends.
    pub(crate) fn check(&self, integration_id: &str) -> Result<(), u64> {
        let RateLimitSetting::Budget {
            requests,
            window_seconds,
        } = lock(&self.setting).clone()
        else {
            return Ok(());
        };
        let window = Duration::from_secs(window_seconds);
        let now = Instant::now();
        let mut windows = lock(&self.windows);
        let entry = windows.entry(integration_id.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= window {
            *entry = (now, 0);
        }
        if entry.1 >= requests {
            let left = window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs_f64().ceil().max(1.0) as u64);
        }
        entry.1 += 1;
        Ok(())
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_settings() {
        assert_eq!("off".parse(), Ok(RateLimitSetting::Off));
        assert_eq!("notion".parse(), Ok(RateLimitSetting::NOTION));
        assert_eq!(
            "5/2".parse(),
            Ok(RateLimitSetting::Budget {
                requests: 5,
                window_seconds: 2
            })
        );
        assert!("5".parse::<RateLimitSetting>().is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn window_resets_after_its_length() {
        let limiter = RateLimiter::new("2/10".parse().unwrap());
        assert!(limiter.check("a").is_ok());
        assert!(limiter.check("a").is_ok());
        assert_eq!(limiter.check("a"), Err(10));
        assert!(limiter.check("b").is_ok(), "budgets are per integration");
        tokio::time::advance(Duration::from_secs(4)).await;
        assert_eq!(limiter.check("a"), Err(6));
        tokio::time::advance(Duration::from_secs(6)).await;
        assert!(limiter.check("a").is_ok());
    }
}
