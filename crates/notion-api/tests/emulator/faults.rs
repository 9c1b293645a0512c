//! Injected faults: retried GETs, unretried POSTs, and writes committed behind a 503.

use std::time::Duration;

use notion_api::model::{Parent, PropertyValue};
use notion_api::{Client, Error, ErrorCode, RetryPolicy};
use notion_emulator::FaultSpec;
use serde_json::json;

use crate::support::{Env, api_error, builder_for};

fn faults(env: &Env, spec: serde_json::Value) {
    let spec: FaultSpec = serde_json::from_value(spec).expect("fault spec");
    env.emu.admin().faults(spec);
}

/// A client with short backoffs so retries stay fast in real time.
fn quick_client(env: &Env) -> Client {
    builder_for(&env.emu)
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(50)))
        .build()
        .unwrap()
}

/// How many times the emulator answered `method path` with `status`.
fn served(env: &Env, method: &str, path: &str, status: u16) -> u64 {
    let stats = env.emu.admin().stats();
    stats["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["method"] == method && r["path"] == path && r["status"] == status)
        .filter_map(|r| r["count"].as_u64())
        .sum()
}

#[tokio::test]
async fn transient_503s_on_get_are_retried_transparently() {
    let env = Env::start().await;
    let client = quick_client(&env);
    faults(
        &env,
        json!({"seed": 7, "rules": [{"status": 503, "next": 2, "methods": ["GET"], "path": "/v1/users/me"}]}),
    );
    let me = client.users().me().await.expect("succeeds after two 503s");
    assert_eq!(me.id.to_string(), env.emu.bot_user_id());
    let stats = client.stats();
    assert_eq!(
        (stats.requests_sent, stats.retries, stats.server_errors),
        (3, 2, 2),
        "{stats:?}"
    );
    assert_eq!(served(&env, "GET", "/v1/users/me", 503), 2);
    assert_eq!(served(&env, "GET", "/v1/users/me", 200), 1);
}

#[tokio::test]
async fn a_502_on_post_is_not_retried_and_may_have_committed() {
    let env = Env::start().await;
    let client = quick_client(&env);
    faults(
        &env,
        json!({"rules": [{"status": 502, "next": 1, "methods": ["POST"], "path": "/v1/pages"}]}),
    );
    let err = client
        .pages()
        .create(Parent::page(env.root()))
        .property("title", PropertyValue::title("maybe"))
        .send()
        .await
        .unwrap_err();
    api_error(&err, 502, ErrorCode::BadGateway);
    assert!(err.is_write_maybe_committed());
    assert!(!err.is_retryable(), "a POST is never repeated blindly");
    let message = err.to_string();
    assert!(message.contains("may have been applied"), "{message}");
    assert_eq!(client.stats().retries, 0);
    assert_eq!(
        served(&env, "POST", "/v1/pages", 502),
        1,
        "exactly one attempt reached the server"
    );
}

#[tokio::test]
async fn commit_then_503_surfaces_the_committed_page() {
    let env = Env::start().await;
    let client = quick_client(&env);
    faults(
        &env,
        json!({"rules": [{"kind": "commit_then_503", "next": 1, "methods": ["POST"], "path": "/v1/pages"}]}),
    );
    let err = client
        .pages()
        .create(Parent::page(env.root()))
        .property("title", PropertyValue::title("committed anyway"))
        .send()
        .await
        .unwrap_err();
    let Error::Committed {
        status,
        resource_id,
        retry_guidance,
        ..
    } = &err
    else {
        panic!("expected Error::Committed, got {err:?}");
    };
    assert_eq!(*status, 503);
    assert!(!retry_guidance.is_empty());
    assert!(err.is_write_maybe_committed());
    assert_eq!(
        client.stats().retries,
        0,
        "a committed write is not repeated"
    );

    let id = notion_api::model::PageId::parse(resource_id).expect("a page id");
    let page = client
        .pages()
        .retrieve(id)
        .send()
        .await
        .expect("the committed page exists");
    assert_eq!(page.title().as_deref(), Some("committed anyway"));
    let hits = client
        .search()
        .query("committed anyway")
        .collect_all()
        .await
        .unwrap();
    assert_eq!(hits.len(), 1, "written exactly once");
}
