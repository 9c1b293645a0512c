//! The client's proactive budget against the emulator's fixed-window rate limit.

use std::time::Duration;

use futures::future::join_all;
use notion_api::{RateLimit, RetryPolicy};
use notion_emulator::testing::TestEmulator;
use notion_emulator::{AppOptions, RateLimitSetting};

use crate::support::builder_for;

/// 20 requests per 2-second window, per integration.
fn small_budget() -> AppOptions {
    AppOptions::default().with_rate_limit(RateLimitSetting::Budget {
        requests: 20,
        window_seconds: 2,
    })
}

/// How many 429s the emulator sent.
fn emulator_429s(emu: &TestEmulator) -> u64 {
    let stats = emu.admin().stats();
    stats["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["status"] == 429)
        .filter_map(|r| r["count"].as_u64())
        .sum()
}

#[tokio::test]
async fn a_matching_budget_never_sees_a_429() {
    let emu = TestEmulator::start_with(small_budget()).await;
    // The same budget; the window is 100 ms longer than the server's so network
    // jitter cannot push a send into a server window that is already full.
    let client = builder_for(&emu)
        .rate_limit(RateLimit::PerWindow {
            requests: 20,
            window: Duration::from_millis(2_100),
        })
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let calls = (0..60).map(|_| async { client.users().me().await });
    let results = join_all(calls).await;
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().find(|r| r.is_err())
    );
    let stats = client.stats();
    assert_eq!(stats.requests_sent, 60);
    assert_eq!(stats.rate_limited, 0);
    assert_eq!(stats.retries, 0);
    assert_eq!(emulator_429s(&emu), 0);
}

#[tokio::test]
async fn a_too_generous_budget_gets_429s_and_retries_them() {
    let emu = TestEmulator::start_with(small_budget()).await;
    let client = builder_for(&emu)
        .rate_limit(RateLimit::PerWindow {
            requests: 1_000,
            window: Duration::from_secs(2),
        })
        .build()
        .unwrap();
    let calls = (0..30).map(|_| async { client.users().me().await });
    let results = join_all(calls).await;
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().find(|r| r.is_err())
    );
    let stats = client.stats();
    assert!(stats.rate_limited >= 10, "{stats:?}");
    assert_eq!(
        stats.retries, stats.rate_limited,
        "every 429 was retried: {stats:?}"
    );
    assert_eq!(stats.requests_sent, 30 + stats.retries);
    assert_eq!(emulator_429s(&emu), stats.rate_limited);
}
