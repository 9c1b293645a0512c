//! Rate limits, faults and stats.

use notion_emulator::{FaultSpec, RateLimitSetting};
use serde_json::json;

use crate::support::{start, text};

#[tokio::test]
async fn budget_exhaustion_gives_429_with_retry_after() {
    let (emu, api) = start().await;
    emu.admin().rate_limit(RateLimitSetting::Budget {
        requests: 3,
        window_seconds: 30,
    });
    for _ in 0..3 {
        api.get("/v1/users/me").await.ok();
    }
    let limited = api.get("/v1/users/me").await;
    let message = limited.error(429, "rate_limited");
    assert_eq!(
        message,
        "You have been rate limited. Please try again in a few minutes."
    );
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&retry));
    assert_eq!(
        limited.body["additional_data"]["rate_limit_reason"],
        "public_api_request_rate_limit"
    );
    assert_eq!(
        limited.body["additional_data"]["retry_after"],
        retry.to_string()
    );
    let other = emu.admin().integration("other", &[], "with_email");
    api.with_token(&other.token).get("/v1/users/me").await.ok();
    let client = reqwest::Client::new();
    client
        .put(format!("{}/_emulator/rate_limit", emu.base_url()))
        .json(&json!({"off": true}))
        .send()
        .await
        .unwrap();
    api.get("/v1/users/me").await.ok();
}

#[tokio::test]
async fn seeded_next_n_faults_fire_then_stop() {
    let (emu, api) = start().await;
    let spec: FaultSpec = serde_json::from_value(json!({"seed": 7, "rules": [{"status": 503, "next": 2, "methods": ["GET"], "path": "/v1/users/me"}]})).unwrap();
    emu.admin().faults(spec);
    api.get("/v1/users").await.ok();
    assert_eq!(
        api.get("/v1/users/me")
            .await
            .error(503, "service_unavailable"),
        "Notion is unavailable, please try again later."
    );
    api.get("/v1/users/me")
        .await
        .error(503, "service_unavailable");
    api.get("/v1/users/me").await.ok();
}

#[tokio::test]
async fn commit_then_503_stores_the_write() {
    let (emu, api) = start().await;
    let client = reqwest::Client::new();
    let put = client
        .put(format!("{}/_emulator/faults", emu.base_url()))
        .json(&json!({"rules": [{"kind": "commit_then_503", "next": 2, "methods": ["POST", "PATCH"]}]}))
        .send().await.unwrap();
    assert!(put.status().is_success());
    let response = api.post("/v1/pages", json!({"parent": {"page_id": emu.root_page_id()}, "properties": {"title": text("Stored")}})).await;
    response.error(503, "service_unavailable");
    let page = response.body["additional_data"]["committed_resource_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let fetched = api.get(&format!("/v1/pages/{page}")).await;
    assert_eq!(
        fetched.ok()["properties"]["title"]["title"][0]["plain_text"],
        "Stored"
    );
    let append = api
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": [{"paragraph": {"rich_text": text("p")}}]}),
        )
        .await;
    append.error(503, "service_unavailable");
    assert_eq!(
        append.body["additional_data"]["committed_resource_id"],
        page.as_str()
    );
    let child = append.body["additional_data"]["committed_child_ids"][0]
        .as_str()
        .unwrap();
    api.get(&format!("/v1/blocks/{child}")).await.ok();
}

#[tokio::test]
async fn dropped_connections_fail_on_the_client() {
    let (emu, api) = start().await;
    emu.admin().faults(
        serde_json::from_value(json!({"rules": [{"kind": "drop_connection", "next": 1}]})).unwrap(),
    );
    let result = reqwest::Client::new()
        .get(format!("{}/v1/users/me", emu.base_url()))
        .bearer_auth(&api.token)
        .header("Notion-Version", "2025-09-03")
        .send()
        .await;
    let failed = match result {
        Err(_) => true,
        Ok(response) => response.bytes().await.is_err(),
    };
    assert!(failed);
    api.get("/v1/users/me").await.ok();
}

#[tokio::test]
async fn stats_count_by_template_and_reset() {
    let (emu, api) = start().await;
    let root = emu.root_page_id();
    api.get(&format!("/v1/pages/{root}")).await.ok();
    api.get(&format!("/v1/pages/{root}")).await.ok();
    api.get("/v1/pages/00000000-0000-4000-8000-000000000000")
        .await
        .error(404, "object_not_found");
    let client = reqwest::Client::new();
    let stats: serde_json::Value = client
        .get(format!("{}/_emulator/stats", emu.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["total"], 3);
    let rows = stats["requests"].as_array().unwrap();
    assert!(
        rows.contains(
            &json!({"method": "GET", "path": "/v1/pages/{id}", "status": 200, "count": 2})
        )
    );
    assert!(
        rows.contains(
            &json!({"method": "GET", "path": "/v1/pages/{id}", "status": 404, "count": 1})
        )
    );
    client
        .delete(format!("{}/_emulator/stats", emu.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(emu.admin().stats()["total"], 0);
}

#[tokio::test]
async fn reset_empties_the_workspace_but_keeps_the_token() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Gone").await;
    let client = reqwest::Client::new();
    client
        .post(format!("{}/_emulator/reset", emu.base_url()))
        .send()
        .await
        .unwrap();
    api.get(&format!("/v1/pages/{page}"))
        .await
        .error(404, "object_not_found");
    api.get(&format!("/v1/pages/{}", emu.root_page_id()))
        .await
        .ok();
}
