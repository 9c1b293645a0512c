//! 429/529 waits shared by every caller, idempotency rules for 5xx, committed writes.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use notion_api::{Error, Method, RetryPolicy};
use serde_json::json;
use tokio::sync::Notify;
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{self, Recorder, Seen};

fn ok_user(id: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(support::bot_user(id))
}

#[tokio::test(start_paused = true)]
async fn retry_after_429_pauses_every_caller_sharing_the_client() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/a"))
        .respond_with(support::rate_limited(Some("5")))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/users/a"))
        .respond_with(ok_user("a"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/users/b"))
        .respond_with(ok_user("b"))
        .mount(&server)
        .await;

    let recorder = Recorder::default();
    let got_429 = Arc::new(Notify::new());
    let log = recorder.observer();
    let signal = got_429.clone();
    let client = support::builder(&server)
        .observer(move |event: &notion_api::TransportEvent<'_>| {
            log(event);
            if let notion_api::TransportEvent::Retrying { .. } = event {
                signal.notify_one();
            }
        })
        .build()
        .unwrap();

    let a = tokio::spawn({
        let client = client.clone();
        async move {
            client
                .request_json(Method::GET, "users/a", None, None)
                .await
        }
    });
    let b = tokio::spawn({
        let client = client.clone();
        async move {
            got_429.notified().await;
            client
                .request_json(Method::GET, "users/b", None, None)
                .await
        }
    });
    assert_eq!(a.await.unwrap().unwrap()["id"], "a");
    assert_eq!(b.await.unwrap().unwrap()["id"], "b");

    let events = recorder.events();
    let rate_limited_at = events
        .iter()
        .find_map(|e| match e {
            Seen::Finished {
                status: Some(429),
                at,
                ..
            } => Some(*at),
            _ => None,
        })
        .expect("a 429 was seen");
    let after_429 = events
        .iter()
        .position(|e| {
            matches!(
                e,
                Seen::Finished {
                    status: Some(429),
                    ..
                }
            )
        })
        .unwrap();
    let later_sends: Vec<(String, Instant)> = events[after_429..]
        .iter()
        .filter_map(|e| match e {
            Seen::Sent { path, at, .. } => Some((path.clone(), *at)),
            _ => None,
        })
        .collect();
    assert_eq!(later_sends.len(), 2, "{events:?}");
    for (path, at) in &later_sends {
        assert!(
            *at - rate_limited_at >= Duration::from_secs(5),
            "{path} was sent {:?} after the 429",
            *at - rate_limited_at
        );
    }
    let stats = client.stats();
    assert_eq!(stats.requests_sent, 3);
    assert_eq!(stats.retries, 1);
    assert_eq!(stats.rate_limited, 1);
}

async fn first_retry_gap(response: ResponseTemplate) -> (Duration, notion_api::ClientStats) {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(response)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(ok_user("me"))
        .mount(&server)
        .await;
    let recorder = Recorder::default();
    let client = support::builder(&server)
        .observer(recorder.observer())
        .build()
        .unwrap();
    client
        .request_json(Method::GET, "users/me", None, None)
        .await
        .unwrap();
    let sends = recorder.sends();
    assert_eq!(sends.len(), 2);
    (sends[1] - sends[0], client.stats())
}

#[tokio::test(start_paused = true)]
async fn retry_after_as_http_date() {
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(10));
    let (gap, _) = first_retry_gap(support::rate_limited(Some(&date))).await;
    // The date has whole-second resolution, so the wait is in (9 s, 10 s].
    assert!(
        gap > Duration::from_secs(8) && gap <= Duration::from_secs(10),
        "{gap:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn additional_data_retry_after_without_header() {
    let response = ResponseTemplate::new(429).set_body_json(support::error_body(
        429,
        "rate_limited",
        "You have been rate limited.",
        Some(json!({"rate_limit_reason": "public_api_request_rate_limit", "retry_after": "7"})),
    ));
    let (gap, stats) = first_retry_gap(response).await;
    assert_eq!(gap, Duration::from_secs(7));
    assert_eq!(stats.rate_limited, 1);
}

#[tokio::test(start_paused = true)]
async fn service_overload_529_is_handled_like_429() {
    let response = ResponseTemplate::new(529)
        .insert_header("Retry-After", "3")
        .set_body_json(support::error_body(
            529,
            "service_overload",
            "Notion is overloaded.",
            None,
        ));
    let (gap, stats) = first_retry_gap(response).await;
    assert_eq!(gap, Duration::from_secs(3));
    assert_eq!(stats.overloaded, 1);
    assert_eq!(stats.retries, 1);
}

#[tokio::test(start_paused = true)]
async fn rate_limit_without_any_hint_backs_off_within_the_ceiling() {
    let (gap, _) = first_retry_gap(support::rate_limited(None)).await;
    assert!(gap <= Duration::from_secs(1), "{gap:?}");
}

#[tokio::test(start_paused = true)]
async fn request_blocked_429_is_not_retried() {
    let server = support::server().await;
    Mock::given(method("POST"))
        .and(path("/v1/search"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "1")
                .set_body_json(support::error_body(
                    429,
                    "rate_limited",
                    "Access to the public API is restricted.",
                    Some(json!({"rate_limit_reason": "public_api_request_blocked"})),
                )),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = support::client(&server);
    let err = client
        .request_json(Method::POST, "search", None, Some(&json!({})))
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    assert!(!err.is_retryable());
    assert_eq!(
        err.api().unwrap().rate_limit_reason(),
        Some("public_api_request_blocked")
    );
    assert_eq!(client.stats().requests_sent, 1);
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn rate_limit_attempts_are_bounded() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users"))
        .respond_with(support::rate_limited(Some("2")))
        .expect(3)
        .mount(&server)
        .await;
    let client = support::builder(&server)
        .retry(RetryPolicy::default().max_rate_limit_attempts(3))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = client
        .request_json(Method::GET, "users", None, None)
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
    assert_eq!(start.elapsed(), Duration::from_secs(4));
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn deadline_stops_before_a_wait_that_would_pass_it() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users"))
        .respond_with(support::rate_limited(Some("30")))
        .expect(2)
        .mount(&server)
        .await;
    let client = support::builder(&server)
        .retry(RetryPolicy::default().deadline(Some(Duration::from_secs(45))))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = client
        .request_json(Method::GET, "users", None, None)
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(start.elapsed(), Duration::from_secs(30));
    server.verify().await;
}

fn bad_gateway() -> ResponseTemplate {
    ResponseTemplate::new(502).set_body_string("<html><body>502 Bad Gateway</body></html>")
}

#[tokio::test(start_paused = true)]
async fn bad_gateway_on_post_is_not_retried_and_may_have_committed() {
    let server = support::server().await;
    Mock::given(method("POST"))
        .and(path("/v1/pages"))
        .respond_with(bad_gateway())
        .expect(1)
        .mount(&server)
        .await;
    let client = support::client(&server);
    let err = client
        .request_json(
            Method::POST,
            "pages",
            None,
            Some(&json!({"properties": {}})),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert!(err.is_write_maybe_committed());
    assert!(!err.is_retryable());
    assert_eq!(err.code(), Some(&notion_api::ErrorCode::BadGateway));
    assert!(err.to_string().contains("502 Bad Gateway"), "{err}");
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn bad_gateway_on_get_is_retried_with_backoff() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(bad_gateway())
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(ok_user("me"))
        .mount(&server)
        .await;
    let recorder = Recorder::default();
    let client = support::builder(&server)
        .observer(recorder.observer())
        .build()
        .unwrap();
    let me = client
        .request_json(Method::GET, "users/me", None, None)
        .await
        .unwrap();
    assert_eq!(me["id"], "me");
    let waits: Vec<(Duration, bool)> = recorder
        .events()
        .into_iter()
        .filter_map(|e| match e {
            Seen::Retrying { wait, shared, .. } => Some((wait, shared)),
            _ => None,
        })
        .collect();
    assert_eq!(waits.len(), 2);
    // Full jitter under an exponential ceiling: 1 s, then 2 s; local, not shared.
    assert!(waits[0].0 <= Duration::from_secs(1) && !waits[0].1);
    assert!(waits[1].0 <= Duration::from_secs(2) && !waits[1].1);
    let sends = recorder.sends();
    assert_eq!(sends[1] - sends[0], waits[0].0);
    assert_eq!(sends[2] - sends[1], waits[1].0);
    assert_eq!(client.stats().server_errors, 2);
}

#[tokio::test(start_paused = true)]
async fn server_error_on_get_gives_up_after_three_attempts() {
    let server = support::server().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/blocks/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(support::error_body(
                503,
                "service_unavailable",
                "Notion is unavailable, please try again later.",
                None,
            )),
        )
        .expect(3)
        .mount(&server)
        .await;
    let client = support::client(&server);
    let err = client
        .request_json(
            Method::DELETE,
            "/v1/blocks/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33",
            None,
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(err.is_retryable());
    assert!(!err.is_write_maybe_committed());
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn committed_503_on_post_surfaces_the_committed_ids() {
    let server = support::server().await;
    Mock::given(method("PATCH"))
        .and(path("/v1/blocks/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33/children"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(support::error_body(
                503,
                "service_unavailable",
                "The request timed out after the write was committed.",
                Some(json!({
                    "committed_resource_id": "1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33",
                    "committed_child_ids": ["c1", "c2"],
                    "retry_guidance": ["read the object again", "do not repeat the write"],
                    "elapsed_ms": "55012",
                })),
            )),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = support::client(&server);
    let body = json!({"children": []});
    let err = client
        .request_json(
            Method::PATCH,
            "/v1/blocks/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33/children",
            None,
            Some(&body),
        )
        .await
        .unwrap_err();
    match &err {
        Error::Committed {
            resource_id,
            child_ids,
            retry_guidance,
            path,
            ..
        } => {
            assert_eq!(resource_id, "1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33");
            assert_eq!(child_ids, &["c1", "c2"]);
            assert_eq!(retry_guidance.len(), 2);
            assert_eq!(path, "/v1/blocks/{id}/children");
        }
        other => panic!("expected Committed, got {other:?}"),
    }
    assert!(err.is_write_maybe_committed());
    assert_eq!(
        err.committed_resource_id(),
        Some("1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33")
    );
    server.verify().await;
}

#[tokio::test(start_paused = true)]
async fn connection_refused_is_retried_for_get_only() {
    // A port that nothing listens on: bind, read the port, drop the listener.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    crate::trace_capture::install();
    let client = notion_api::Client::builder()
        .token(support::TOKEN)
        .base_url(format!("http://127.0.0.1:{port}"))
        .no_timeout()
        .build()
        .unwrap();
    let err = client
        .request_json(Method::GET, "users/me", None, None)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    assert_eq!(client.stats().requests_sent, 3);
    let err = client
        .request_json(Method::POST, "pages", None, Some(&json!({})))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    // A refused connection never carried the write.
    assert!(!err.is_write_maybe_committed());
    assert_eq!(client.stats().requests_sent, 4);
}

#[tokio::test(start_paused = true)]
async fn server_error_on_a_read_only_post_is_retried() {
    // Queries and search are POSTs that never write, so a 503 is safe to repeat.
    let server = support::server().await;
    for route in [
        "/v1/search",
        "/v1/data_sources/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33/query",
    ] {
        Mock::given(method("POST"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(503).set_body_json(json!({
                "object": "error", "status": 503, "code": "service_unavailable",
                "message": "Notion is unavailable, please try again later."
            })))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "object": "list", "results": [], "next_cursor": null, "has_more": false,
                "type": "page_or_data_source", "page_or_data_source": {}
            })))
            .mount(&server)
            .await;
    }
    let client = support::builder(&server).build().unwrap();
    for route in [
        "search",
        "data_sources/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33/query",
    ] {
        let list = client
            .request_json(Method::POST, route, None, Some(&json!({})))
            .await
            .unwrap();
        assert_eq!(list["object"], "list");
    }
    assert_eq!(client.stats().server_errors, 2);
    assert_eq!(client.stats().retries, 2);
}
