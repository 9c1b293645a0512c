//! The proactive budget: 400 requests without a single server-side rejection.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use notion_api::{Method, RateLimit, RetryPolicy, TransportEvent};
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, Respond, ResponseTemplate};

use crate::support::{self, Recorder};

const BUDGET: usize = 180;
const WINDOW: Duration = Duration::from_secs(60);

/// Enforces Notion's rule: at most 180 requests per *fixed* 60 s window. The
/// windows' phase is unknown to the client, so several phases are checked.
/// wiremock runs on its own runtime with real time, so the virtual (paused)
/// time of each send is handed over through `clock_ms` by the client's observer.
struct FixedWindows {
    clock_ms: Arc<AtomicU64>,
    counts: Mutex<HashMap<(u64, u64), usize>>,
}

const PHASES_MS: [u64; 4] = [0, 13_000, 29_500, 47_000];

impl Respond for FixedWindows {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let now = self.clock_ms.load(Ordering::SeqCst);
        let mut counts = self.counts.lock().unwrap();
        let mut over = false;
        for phase in PHASES_MS {
            let window = (now + phase) / 60_000;
            let count = counts.entry((phase, window)).or_default();
            *count += 1;
            over |= *count > BUDGET;
        }
        if over {
            support::rate_limited(Some("60"))
        } else {
            ResponseTemplate::new(200).set_body_json(support::bot_user("me"))
        }
    }
}

fn max_in_any_window(sends: &[Instant]) -> usize {
    (0..sends.len())
        .map(|i| {
            sends[i..]
                .iter()
                .take_while(|t| **t - sends[i] < WINDOW)
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[tokio::test(start_paused = true)]
async fn default_budget_spreads_400_requests_over_fixed_windows() {
    let server = support::server().await;
    let clock_ms = Arc::new(AtomicU64::new(0));
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(FixedWindows {
            clock_ms: clock_ms.clone(),
            counts: Mutex::default(),
        })
        .expect(400)
        .mount(&server)
        .await;
    let origin = Instant::now();
    let recorder = Recorder::default();
    let record = recorder.observer();
    let client = support::builder(&server)
        .rate_limit(RateLimit::default())
        .retry(RetryPolicy::none())
        .observer(move |event: &TransportEvent<'_>| {
            if let TransportEvent::Sending { at, .. } = event {
                let ms = u64::try_from((*at - origin).as_millis()).unwrap();
                clock_ms.store(ms, Ordering::SeqCst);
            }
            record(event);
        })
        .build()
        .unwrap();
    // Sequential, so the virtual clock the responder reads is exactly the send time.
    for _ in 0..400 {
        client
            .request_json(Method::GET, "users/me", None, None)
            .await
            .unwrap();
    }
    let sends = recorder.sends();
    assert_eq!(sends.len(), 400);
    assert_eq!(max_in_any_window(&sends), BUDGET);
    // 400 = 180 + 180 + 40: the last batch may start only after two full windows.
    assert_eq!(origin.elapsed(), 2 * WINDOW);
    assert_eq!(client.stats().rate_limited, 0);
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn clones_in_concurrent_tasks_share_one_budget() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(support::bot_user("me")))
        .mount(&server)
        .await;
    let recorder = Recorder::default();
    let client = support::builder(&server)
        .rate_limit(RateLimit::default())
        .observer(recorder.observer())
        .build()
        .unwrap();
    let origin = Instant::now();
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                futures::stream::iter(0..100)
                    .map(|_| client.request_json(Method::GET, "users/me", None, None))
                    .buffer_unordered(8)
                    .collect::<Vec<_>>()
                    .await
            })
        })
        .collect();
    for task in tasks {
        assert!(task.await.unwrap().iter().all(Result::is_ok));
    }
    let sends = recorder.sends();
    assert_eq!(sends.len(), 400);
    assert!(max_in_any_window(&sends) <= BUDGET);
    assert!(origin.elapsed() >= 2 * WINDOW);
    assert_eq!(client.stats().requests_sent, 400);
}

#[tokio::test(start_paused = true)]
async fn token_bucket_paces_after_the_burst() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(support::bot_user("me")))
        .mount(&server)
        .await;
    let recorder = Recorder::default();
    let client = support::builder(&server)
        .rate_limit(RateLimit::TokenBucket {
            per_second: 3.0,
            burst: 10,
        })
        .observer(recorder.observer())
        .build()
        .unwrap();
    let origin = Instant::now();
    for _ in 0..16 {
        client
            .request_json(Method::GET, "users/me", None, None)
            .await
            .unwrap();
    }
    let sends = recorder.sends();
    assert!(sends[..10].iter().all(|t| *t == origin));
    // Six more at 3 per second: the last one two seconds after the burst.
    let last = *sends.last().unwrap() - origin;
    assert!(
        last >= Duration::from_millis(1990) && last <= Duration::from_millis(2010),
        "{last:?}"
    );
}
