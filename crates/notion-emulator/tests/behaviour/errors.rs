//! Authentication, version header, JSON parsing, routing and request ids.

use reqwest::Method;
use serde_json::json;

use crate::support::start;

#[tokio::test]
async fn missing_or_wrong_token_is_401() {
    let (_emu, api) = start().await;
    let message = api
        .with_token("nope")
        .get("/v1/users/me")
        .await
        .error(401, "unauthorized");
    assert_eq!(message, "API token is invalid.");
}

#[tokio::test]
async fn missing_version_is_400_missing_version() {
    let (emu, _api) = start().await;
    let response = reqwest::Client::new()
        .get(format!("{}/v1/users/me", emu.base_url()))
        .bearer_auth(emu.token())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "missing_version");
    assert_eq!(
        body["message"],
        "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`."
    );
}

#[tokio::test]
async fn unsupported_version_names_the_header() {
    let (_emu, api) = start().await;
    let message = api
        .with_version("2021-01-01")
        .get("/v1/users/me")
        .await
        .error(400, "validation_error");
    assert!(
        message.starts_with("Notion-Version header failed validation"),
        "{message}"
    );
}

#[tokio::test]
async fn invalid_json_and_unknown_routes() {
    let (emu, api) = start().await;
    let response = reqwest::Client::new()
        .post(format!("{}/v1/pages", emu.base_url()))
        .bearer_auth(emu.token())
        .header("Notion-Version", "2025-09-03")
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "invalid_json");
    assert_eq!(body["message"], "Error parsing JSON body.");

    let message = api
        .get("/v1/invalid")
        .await
        .error(400, "invalid_request_url");
    assert_eq!(message, "Invalid request URL.");
    api.call(Method::PUT, "/v1/pages", Some(json!({})))
        .await
        .error(400, "invalid_request_url");
}

#[tokio::test]
async fn every_response_carries_a_request_id_in_body_and_header() {
    let (_emu, api) = start().await;
    for response in [api.get("/v1/users/me").await, api.get("/v1/nothing").await] {
        let header = response.headers["x-notion-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(response.body["request_id"], header.as_str());
    }
}

#[tokio::test]
async fn missing_parent_names_the_path() {
    let (_emu, api) = start().await;
    let message = api
        .post("/v1/pages", json!({"properties": {}}))
        .await
        .error(400, "validation_error");
    assert_eq!(
        message,
        "body failed validation: body.parent should be defined, instead was `undefined`."
    );
}
