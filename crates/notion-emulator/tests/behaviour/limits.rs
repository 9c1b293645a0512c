//! Request limits with Notion's messages.

use serde_json::{Value, json};

use crate::support::{paragraph, start, text};

#[tokio::test]
async fn rich_text_content_is_capped_at_2000() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "L").await;
    let long = "x".repeat(2500);
    let message = api
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": [paragraph("ok"), paragraph(&long)]}),
        )
        .await
        .error(400, "validation_error");
    assert_eq!(
        message,
        "body failed validation: body.children[1].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2500`."
    );
}

#[tokio::test]
async fn arrays_are_capped_at_100() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "L").await;
    let children: Vec<Value> = (0..101).map(|i| paragraph(&i.to_string())).collect();
    let message = api
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": children}),
        )
        .await
        .error(400, "validation_error");
    assert_eq!(
        message,
        "body failed validation: body.children.length should be ≤ `100`, instead was `101`."
    );
    let items: Vec<Value> = (0..101)
        .map(|_| json!({"text": {"content": "a"}}))
        .collect();
    let message = api
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": [{"paragraph": {"rich_text": items}}]}),
        )
        .await
        .error(400, "validation_error");
    assert_eq!(
        message,
        "body failed validation: body.children[0].paragraph.rich_text.length should be ≤ `100`, instead was `101`."
    );
}

#[tokio::test]
async fn equations_urls_emails_and_links() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "L").await;
    let path = format!("/v1/blocks/{page}/children");
    let eq = json!({"equation": {"expression": "x".repeat(1001)}});
    let message = api
        .patch(&path, json!({"children": [eq]}))
        .await
        .error(400, "validation_error");
    assert!(
        message.contains("body.children[0].equation.expression.length should be ≤ `1000`"),
        "{message}"
    );
    let link = json!({"paragraph": {"rich_text": [{"text": {"content": "a", "link": {"url": format!("https://e.com/{}", "a".repeat(2000))}}}]}});
    let message = api
        .patch(&path, json!({"children": [link]}))
        .await
        .error(400, "validation_error");
    assert!(
        message.contains("text.link.url.length should be ≤ `2000`"),
        "{message}"
    );
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "C",
            json!({"Name": {"title": {}}, "Mail": {"email": {}}, "Tags": {"multi_select": {}}}),
        )
        .await;
    let body = json!({"parent": {"data_source_id": ds}, "properties": {"Mail": {"email": format!("{}@x.io", "a".repeat(200))}}});
    let message = api
        .post("/v1/pages", body)
        .await
        .error(400, "validation_error");
    assert!(
        message.contains("body.properties.Mail.email.length should be ≤ `200`"),
        "{message}"
    );
    let tags: Vec<Value> = (0..101).map(|i| json!({"name": format!("t{i}")})).collect();
    let body =
        json!({"parent": {"data_source_id": ds}, "properties": {"Tags": {"multi_select": tags}}});
    api.post("/v1/pages", body)
        .await
        .error(400, "validation_error");
    let body = json!({"parent": {"data_source_id": ds}, "properties": {"Tags": {"multi_select": [{"name": "a,b"}]}}});
    api.post("/v1/pages", body)
        .await
        .error(400, "validation_error");
}

#[tokio::test]
async fn a_failing_request_changes_nothing() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Atomic").await;
    let bad = json!({"children": [paragraph("fine"), {"paragraph": {"rich_text": text(&"y".repeat(2001))}}]});
    api.patch(&format!("/v1/blocks/{page}/children"), bad)
        .await
        .error(400, "validation_error");
    let list = api.get(&format!("/v1/blocks/{page}/children")).await;
    assert_eq!(list.ok()["results"].as_array().unwrap().len(), 0);
}
