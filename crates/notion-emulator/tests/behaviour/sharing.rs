//! Sharing (404 until shared) and capabilities (403).

use serde_json::json;

use crate::support::{start, text};

#[tokio::test]
async fn unshared_pages_are_404_until_shared() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Secret").await;
    let other = emu.admin().integration("Other", &[], "with_email");
    let as_other = api.with_token(&other.token);
    let message = as_other
        .get(&format!("/v1/pages/{page}"))
        .await
        .error(404, "object_not_found");
    assert!(message.starts_with(&format!("Could not find page with ID: {page}. Make sure the relevant pages and databases are shared with your integration")), "{message}");
    let search = as_other.post("/v1/search", json!({})).await;
    assert_eq!(search.ok()["results"].as_array().unwrap().len(), 0);
    emu.admin().share(&other.token, &emu.root_page_id());
    as_other.get(&format!("/v1/pages/{page}")).await.ok();
    let search = as_other
        .post("/v1/search", json!({"query": "secret"}))
        .await;
    assert_eq!(search.ok()["results"].as_array().unwrap().len(), 1);
    emu.admin().unshare(&other.token, &emu.root_page_id());
    as_other
        .get(&format!("/v1/blocks/{page}"))
        .await
        .error(404, "object_not_found");
}

#[tokio::test]
async fn shares_through_the_http_admin_api() {
    let (emu, api) = start().await;
    let client = reqwest::Client::new();
    let created: serde_json::Value = client
        .post(format!("{}/_emulator/integrations", emu.base_url()))
        .json(&json!({"name": "Reader", "capabilities": ["read_content"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = created["token"].as_str().unwrap();
    assert!(created["bot_user_id"].is_string() && created["integration_id"].is_string());
    let reader = api.with_token(token);
    reader
        .get(&format!("/v1/pages/{}", emu.root_page_id()))
        .await
        .error(404, "object_not_found");
    let shared = client
        .post(format!("{}/_emulator/shares", emu.base_url()))
        .json(&json!({"token": token, "object_id": emu.root_page_id()}))
        .send()
        .await
        .unwrap();
    assert!(shared.status().is_success());
    reader
        .get(&format!("/v1/pages/{}", emu.root_page_id()))
        .await
        .ok();
    let message = reader
        .post(
            "/v1/pages",
            json!({"parent": {"page_id": emu.root_page_id()}, "properties": {"title": text("no")}}),
        )
        .await
        .error(403, "restricted_resource");
    assert_eq!(message, "API token does not have access to this resource.");
    reader
        .post(
            "/v1/comments",
            json!({"parent": {"page_id": emu.root_page_id()}, "rich_text": text("c")}),
        )
        .await
        .error(403, "restricted_resource");
}
