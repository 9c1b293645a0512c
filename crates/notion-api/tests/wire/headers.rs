//! Headers and request shapes.

use notion_api::{ApiVersion, Method};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{self, TOKEN};

#[tokio::test]
async fn get_sends_bearer_version_and_no_content_type() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("notion-version", "2025-09-03"))
        .respond_with(ResponseTemplate::new(200).set_body_json(support::bot_user("u1")))
        .expect(1)
        .mount(&server)
        .await;
    let client = support::client(&server);
    let me = client
        .request_json(Method::GET, "/v1/users/me", None, None)
        .await
        .unwrap();
    assert_eq!(me["id"], "u1");
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].headers.get("content-type").is_none());
    assert!(requests[0].body.is_empty());
    assert!(
        requests[0].headers["user-agent"]
            .to_str()
            .unwrap()
            .starts_with("orchestra-notion-api/")
    );
}

#[tokio::test]
async fn post_sends_json_content_type_and_body() {
    let server = support::server().await;
    Mock::given(method("POST"))
        .and(path("/v1/search"))
        .and(header("content-type", "application/json"))
        .and(header("notion-version", "2026-03-11"))
        .and(body_json(json!({"query": "Tasks", "page_size": 5})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"object": "list", "results": [], "next_cursor": null, "has_more": false}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = support::builder(&server)
        .notion_version(ApiVersion::V2026_03_11)
        .build()
        .unwrap();
    let body = json!({"query": "Tasks", "page_size": 5});
    let list = client
        .request_json(Method::POST, "search", None, Some(&body))
        .await
        .unwrap();
    assert_eq!(list["has_more"], false);
}

#[tokio::test]
async fn raw_query_pairs_repeat_keys() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/comments"))
        .and(query_param("block_id", "b1"))
        .and(query_param("page_size", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"object": "list", "results": [], "next_cursor": null, "has_more": false}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = support::client(&server);
    client
        .request_json(
            Method::GET,
            "/v1/comments",
            Some(&[("block_id", "b1"), ("page_size", "2")]),
            None,
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn unmatched_route_fails_loudly_and_traversal_is_refused() {
    let server = support::server().await;
    let client = support::client(&server);
    let err = client
        .request_json(Method::PATCH, "/v1/nowhere", None, Some(&json!({})))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert!(err.to_string().contains("no mock matched PATCH"), "{err}");
    let err = client
        .request_json(Method::GET, "/v1/../secret", None, None)
        .await
        .unwrap_err();
    assert!(matches!(err, notion_api::Error::Config(_)), "{err:?}");
}

#[tokio::test]
async fn error_body_and_request_id_header_are_kept() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/pages/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33"))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-notion-request-id", "req-from-header")
                .set_body_json(json!({
                    "object": "error", "status": 404, "code": "object_not_found",
                    "message": "Could not find page with ID: 1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33."
                })),
        )
        .mount(&server)
        .await;
    let client = support::client(&server);
    let err = client
        .request_json(
            Method::GET,
            "/v1/pages/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33",
            None,
            None,
        )
        .await
        .unwrap_err();
    assert!(err.is_not_found());
    assert!(!err.is_retryable());
    assert_eq!(err.request_id(), Some("req-from-header"));
    let api = err.api().unwrap();
    assert_eq!(api.code, notion_api::ErrorCode::ObjectNotFound);
    assert_eq!(api.path, "/v1/pages/{id}");
}
