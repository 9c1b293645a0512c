//! Shared helpers: a mock server that fails loudly, a client pointed at it,
//! and an observer that records every send.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use notion_api::{Client, ClientBuilder, RateLimit, RetryPolicy, TransportEvent};
use serde_json::{Value, json};
use tokio::time::Instant;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The token every test uses; it must never show up in output.
pub(crate) const TOKEN: &str = "ntn_TEST_SECRET_0123456789abcdef";

/// A mock server with a lowest-priority catch-all that answers 500 with a message
/// naming the unmatched route, so a wrong path or method fails loudly.
pub(crate) async fn server() -> MockServer {
    crate::trace_capture::install();
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(|req: &wiremock::Request| {
            ResponseTemplate::new(500).set_body_json(json!({
                "object": "error", "status": 500, "code": "internal_server_error",
                "message": format!("wiremock: no mock matched {} {}", req.method, req.url),
            }))
        })
        .with_priority(u8::MAX)
        .mount(&server)
        .await;
    server
}

/// A builder pointed at `server`, with no per-attempt timeout (paused time would
/// otherwise fire it while the real server answers) and no proactive limit.
pub(crate) fn builder(server: &MockServer) -> ClientBuilder {
    // No idle-pool timer: under paused time it would make the clock jump while a
    // request waits for the (real) mock server.
    let http = reqwest::Client::builder()
        .pool_idle_timeout(None)
        .build()
        .expect("reqwest client");
    Client::builder()
        .http_client(http)
        .token(TOKEN)
        .base_url(server.uri())
        .no_timeout()
        .rate_limit(RateLimit::Off)
        .retry(RetryPolicy::default().base_delay(Duration::from_secs(1)))
}

/// A ready client for `server`.
pub(crate) fn client(server: &MockServer) -> Client {
    builder(server).build().expect("client builds")
}

/// One recorded transport event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Seen {
    Sent {
        path: String,
        attempt: u32,
        at: Instant,
    },
    Finished {
        path: String,
        status: Option<u16>,
        at: Instant,
    },
    Retrying {
        path: String,
        wait: Duration,
        shared: bool,
    },
}

/// Records every transport event.
#[derive(Debug, Clone, Default)]
pub(crate) struct Recorder(pub(crate) Arc<Mutex<Vec<Seen>>>);

impl Recorder {
    pub(crate) fn observer(&self) -> impl Fn(&TransportEvent<'_>) + Send + Sync + 'static {
        let log = self.0.clone();
        move |event: &TransportEvent<'_>| {
            let seen = match event {
                TransportEvent::Sending {
                    path, attempt, at, ..
                } => Seen::Sent {
                    path: (*path).to_owned(),
                    attempt: *attempt,
                    at: *at,
                },
                TransportEvent::Finished {
                    path, status, at, ..
                } => Seen::Finished {
                    path: (*path).to_owned(),
                    status: *status,
                    at: *at,
                },
                TransportEvent::Retrying {
                    path,
                    wait,
                    shared_pause,
                    ..
                } => Seen::Retrying {
                    path: (*path).to_owned(),
                    wait: *wait,
                    shared: *shared_pause,
                },
                _ => return,
            };
            log.lock().unwrap().push(seen);
        }
    }

    pub(crate) fn events(&self) -> Vec<Seen> {
        self.0.lock().unwrap().clone()
    }

    /// Send instants, in order.
    pub(crate) fn sends(&self) -> Vec<Instant> {
        self.events()
            .into_iter()
            .filter_map(|e| match e {
                Seen::Sent { at, .. } => Some(at),
                _ => None,
            })
            .collect()
    }
}

/// A Notion error body.
pub(crate) fn error_body(
    status: u16,
    code: &str,
    message: &str,
    additional: Option<Value>,
) -> Value {
    let mut body = json!({
        "object": "error", "status": status, "code": code, "message": message,
        "request_id": "00000000-0000-4000-8000-000000000001",
    });
    if let Some(data) = additional {
        body["additional_data"] = data;
    }
    body
}

/// A 429 `rate_limited` response.
pub(crate) fn rate_limited(retry_after: Option<&str>) -> ResponseTemplate {
    let mut response = ResponseTemplate::new(429).set_body_json(error_body(
        429,
        "rate_limited",
        "You have been rate limited. Please try again in a few minutes.",
        Some(json!({"rate_limit_reason": "public_api_request_rate_limit"})),
    ));
    if let Some(value) = retry_after {
        response = response.insert_header("Retry-After", value);
    }
    response
}

/// A minimal bot user.
pub(crate) fn bot_user(id: &str) -> Value {
    json!({"object": "user", "id": id, "type": "bot", "name": "Orchestra", "avatar_url": null, "bot": {}})
}

/// A dashed UUID whose last 12 hex digits are `n` (valid for every typed id).
pub(crate) fn uuid(n: u64) -> String {
    format!("1f0c9a3e-5b7d-4c21-9e8a-{n:012x}")
}

/// A minimal page row as Notion returns it.
pub(crate) fn page_json(id: &str, created_time: &str) -> Value {
    let user = json!({"object": "user", "id": uuid(0xAAAA)});
    json!({
        "object": "page", "id": id,
        "created_time": created_time, "last_edited_time": created_time,
        "created_by": user, "last_edited_by": user,
        "cover": null, "icon": null,
        "parent": {"type": "data_source_id", "data_source_id": uuid(0xD5), "database_id": uuid(0xDB)},
        "archived": false, "in_trash": false,
        "properties": {}, "url": "https://www.notion.so/row", "public_url": null,
    })
}

/// A list envelope.
pub(crate) fn list_json(results: Vec<Value>, next_cursor: Option<&str>) -> Value {
    json!({
        "object": "list", "results": results,
        "next_cursor": next_cursor, "has_more": next_cursor.is_some(),
        "type": "page_or_data_source", "page_or_data_source": {},
    })
}
