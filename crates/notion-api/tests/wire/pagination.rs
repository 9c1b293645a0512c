//! Cursor-following streams and the full scan past the per-query row cap.

use std::sync::Mutex;

use futures::TryStreamExt;
use notion_api::model::DataSourceId;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, Respond, ResponseTemplate};

use crate::support::{self, list_json, page_json, uuid};

fn users(ids: &[u64]) -> Vec<Value> {
    ids.iter().map(|n| support::bot_user(&uuid(*n))).collect()
}

#[tokio::test]
async fn user_list_stream_follows_cursors_over_three_pages() {
    let server = support::server().await;
    let pages = [
        (None, users(&[1, 2]), Some("c1")),
        (Some("c1"), users(&[3, 4]), Some("c2")),
        (Some("c2"), users(&[5]), None),
    ];
    for (cursor, results, next) in pages {
        let mock = Mock::given(method("GET"))
            .and(path("/v1/users"))
            .and(query_param("page_size", "2"));
        let mock = match cursor {
            Some(cursor) => mock.and(query_param("start_cursor", cursor)),
            None => mock.and(query_param_is_missing("start_cursor")),
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(list_json(results, next)))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = support::client(&server);
    let all: Vec<String> = client
        .users()
        .list()
        .page_size(2)
        .stream()
        .map_ok(|user| user.id.to_string())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all, [1, 2, 3, 4, 5].map(uuid));
    assert_eq!(client.stats().requests_sent, 3);
    server.verify().await;
}

#[tokio::test]
async fn stream_ends_with_the_error_of_a_failing_page() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users"))
        .and(query_param_is_missing("start_cursor"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(list_json(users(&[1]), Some("gone"))),
        )
        .mount(&server)
        .await;
    // The second page is unmatched: the catch-all answers 500 (not retried, rate-limit free).
    let client = support::builder(&server)
        .retry(notion_api::RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.users().list().collect_all().await.unwrap_err();
    assert_eq!(err.status(), Some(500));
}

/// A data source of `rows` (id, created_time) that, like Notion, stops every query
/// after `cap` rows with `request_status.incomplete_reason = query_result_limit_reached`.
struct CappedDataSource {
    rows: Vec<(String, String)>,
    cap: usize,
    bodies: Mutex<Vec<Value>>,
}

fn window_start(filter: &Value) -> Option<String> {
    if filter["timestamp"] == "created_time" {
        return filter["created_time"]["on_or_after"]
            .as_str()
            .map(str::to_owned);
    }
    filter["and"].as_array()?.iter().find_map(window_start)
}

impl Respond for CappedDataSource {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let body: Value = request.body_json().unwrap();
        self.bodies.lock().unwrap().push(body.clone());
        let start = window_start(&body["filter"]).unwrap_or_default();
        let matching: Vec<_> = self
            .rows
            .iter()
            .filter(|(_, created)| *created >= start)
            .collect();
        let offset: usize = body["start_cursor"]
            .as_str()
            .map_or(0, |c| c.parse().unwrap());
        let page_size = body["page_size"].as_u64().unwrap() as usize;
        let limit = matching.len().min(self.cap);
        let end = (offset + page_size).min(limit);
        let results = matching[offset..end]
            .iter()
            .map(|(id, created)| page_json(id, created))
            .collect();
        let next = (end < limit).then(|| end.to_string());
        let mut list = list_json(results, next.as_deref());
        if end == self.cap && matching.len() > self.cap {
            list["request_status"] =
                json!({"type": "incomplete", "incomplete_reason": "query_result_limit_reached"});
        }
        ResponseTemplate::new(200).set_body_json(list)
    }
}

#[tokio::test]
async fn full_scan_reads_past_the_row_cap_without_duplicates() {
    let server = support::server().await;
    // 25 rows, two per minute (Notion rounds created_time to the minute).
    let rows: Vec<(String, String)> = (0..25u64)
        .map(|i| (uuid(100 + i), format!("2026-07-01T10:{:02}:00.000Z", i / 2)))
        .collect();
    let data_source = DataSourceId::parse(&uuid(0xD5)).unwrap();
    let responder = CappedDataSource {
        rows: rows.clone(),
        cap: 10,
        bodies: Mutex::default(),
    };
    Mock::given(method("POST"))
        .and(path(format!("/v1/data_sources/{data_source}/query")))
        .respond_with(responder)
        .mount(&server)
        .await;
    let client = support::client(&server);
    let status = json!({"property": "Status", "select": {"equals": "Active"}});
    let query = client
        .data_sources()
        .query(data_source)
        .filter(status.clone())
        .page_size(4);

    // A plain stream stops at the cap.
    let capped = query.clone().collect_all().await.unwrap();
    assert_eq!(capped.len(), 10);

    let scanned: Vec<String> = query
        .scan_all()
        .map_ok(|page| page.id.to_string())
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<String> = rows.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(scanned, expected);

    let requests = server.received_requests().await.unwrap();
    let bodies: Vec<Value> = requests
        .iter()
        .skip(3) // the capped stream's pages
        .map(|r| r.body_json().unwrap())
        .collect();
    for body in &bodies {
        assert_eq!(
            body["sorts"],
            json!([{"timestamp": "created_time", "direction": "ascending"}])
        );
    }
    // The first window uses the caller's filter alone; later ones add `on_or_after`.
    assert_eq!(bodies[0]["filter"], status);
    let windows: Vec<Value> = bodies
        .iter()
        .filter(|b| b.get("start_cursor").is_none())
        .map(|b| b["filter"].clone())
        .collect();
    assert!(windows.len() >= 3, "{windows:?}");
    assert_eq!(
        windows[1],
        json!({"and": [status, {"timestamp": "created_time", "created_time": {"on_or_after": "2026-07-01T10:04:00.000Z"}}]})
    );
}

#[tokio::test]
async fn full_scan_reports_a_stall_instead_of_looping() {
    let server = support::server().await;
    // 12 rows in the same minute, cap 10: no created_time window can get past them.
    let rows: Vec<(String, String)> = (0..12u64)
        .map(|i| (uuid(200 + i), "2026-07-01T10:00:00.000Z".to_owned()))
        .collect();
    let data_source = DataSourceId::parse(&uuid(0xD6)).unwrap();
    Mock::given(method("POST"))
        .and(path(format!("/v1/data_sources/{data_source}/query")))
        .respond_with(CappedDataSource {
            rows,
            cap: 10,
            bodies: Mutex::default(),
        })
        .mount(&server)
        .await;
    let results: Vec<_> = futures::StreamExt::collect(
        support::client(&server)
            .data_sources()
            .query(data_source)
            .page_size(5)
            .scan_all(),
    )
    .await;
    let (ok, err): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    assert_eq!(ok.len(), 10);
    assert!(matches!(
        err.as_slice(),
        [Err(notion_api::Error::ScanStalled { .. })]
    ));
}
