//! `allow_async` on the Markdown endpoints and `GET /v1/async_tasks/{task_id}`.

use serde_json::{Value, json};

use crate::support::{Api, id, keys, start};

/// Polls a queued task once (the emulator finishes the work within the request).
async fn poll(api: &Api, queued: &Value) -> Value {
    let task_id = queued["id"].as_str().expect("task id");
    let status_url = queued["status_url"].as_str().expect("status_url");
    assert!(status_url.ends_with(&format!("/v1/async_tasks/{task_id}")));
    api.get(&format!("/v1/async_tasks/{task_id}"))
        .await
        .ok()
        .clone()
}

fn assert_queued(response: &crate::support::Response, operation: &str) -> Value {
    assert_eq!(response.status.as_u16(), 202, "body: {}", response.body);
    let task = response.body.clone();
    assert_eq!(
        keys(&task),
        [
            "object",
            "id",
            "status",
            "status_url",
            "created_time",
            "operation",
            "poll_after_seconds",
            "request_id"
        ]
    );
    assert_eq!(task["object"], "async_task");
    assert_eq!(task["status"], "queued");
    assert_eq!(
        task["operation"],
        json!({"surface": "rest", "name": operation})
    );
    let id = task["id"].as_str().unwrap();
    let hex = id.strip_prefix("task_").expect("task_ prefix");
    assert!(hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit()));
    task
}

#[tokio::test]
async fn an_async_markdown_update_is_queued_then_succeeds_with_the_page_markdown() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let response = api
        .patch(
            &format!("/v1/pages/{page}/markdown"),
            json!({
                "type": "replace_content",
                "replace_content": {"new_str": "# Plan\n\nShip it"},
                "allow_async": true
            }),
        )
        .await;
    let queued = assert_queued(&response, "PATCH /v1/pages/:page_id/markdown");

    let done = poll(&api, &queued).await;
    // The keys of Notion's recorded answer (fixture 039-GET-v1_async_tasks_task_id).
    assert_eq!(
        keys(&done),
        [
            "object",
            "id",
            "status",
            "status_url",
            "created_time",
            "operation",
            "result",
            "request_id"
        ]
    );
    assert_eq!(done["status"], "succeeded");
    assert_eq!(done["id"], queued["id"]);
    assert!(done.get("poll_after_seconds").is_none());
    assert_eq!(done["result"]["object"], "page_markdown");
    assert_eq!(done["result"]["markdown"], "# Plan\n\nShip it\n");
    // The change is in the page.
    let current = api.get(&format!("/v1/pages/{page}/markdown")).await;
    assert_eq!(current.ok()["markdown"], "# Plan\n\nShip it\n");
}

#[tokio::test]
async fn a_failed_async_update_reports_the_error_and_changes_nothing() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    api.patch(
        &format!("/v1/pages/{page}/markdown"),
        json!({"type": "replace_content", "replace_content": {"new_str": "Before"}}),
    )
    .await
    .ok();
    let response = api
        .patch(
            &format!("/v1/pages/{page}/markdown"),
            json!({
                "type": "update_content",
                "update_content": {"content_updates": [{"old_str": "Missing", "new_str": "x"}]},
                "allow_async": true
            }),
        )
        .await;
    let queued = assert_queued(&response, "PATCH /v1/pages/:page_id/markdown");
    let done = poll(&api, &queued).await;
    assert_eq!(done["status"], "failed", "task: {done}");
    assert_eq!(done["error"]["object"], "error");
    assert_eq!(done["error"]["status"], 400);
    assert_eq!(done["error"]["code"], "validation_error");
    assert!(done["error"].get("request_id").is_none());
    assert!(done.get("result").is_none());
    let current = api.get(&format!("/v1/pages/{page}/markdown")).await;
    assert_eq!(current.ok()["markdown"], "Before\n");
}

#[tokio::test]
async fn a_page_created_from_markdown_asynchronously_is_the_tasks_result() {
    let (emu, api) = start().await;
    let response = api
        .post(
            "/v1/pages",
            json!({
                "parent": {"page_id": emu.root_page_id()},
                "properties": {"title": {"title": [{"text": {"content": "Notes"}}]}},
                "markdown": "- one\n- two",
                "allow_async": true
            }),
        )
        .await;
    let queued = assert_queued(&response, "POST /v1/pages");
    let done = poll(&api, &queued).await;
    assert_eq!(done["status"], "succeeded");
    assert_eq!(done["result"]["object"], "page");
    let page = id(&done["result"]);
    let content = api.get(&format!("/v1/pages/{page}/markdown")).await;
    assert_eq!(content.ok()["markdown"], "- one\n- two\n");

    // Without markdown the flag changes nothing: a page at once.
    let plain = api
        .post(
            "/v1/pages",
            json!({
                "parent": {"page_id": emu.root_page_id()},
                "properties": {"title": {"title": [{"text": {"content": "Plain"}}]}},
                "allow_async": true
            }),
        )
        .await;
    assert_eq!(plain.status.as_u16(), 200);
    assert_eq!(plain.ok()["object"], "page");
}

#[tokio::test]
async fn shape_errors_are_not_queued_and_tasks_are_private() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let message = api
        .patch(
            &format!("/v1/pages/{page}/markdown"),
            json!({"type": "replace_content", "replace_content": {"new_str": "x"}, "allow_async": "yes"}),
        )
        .await
        .error(400, "validation_error");
    assert!(message.contains("body.allow_async"), "{message}");
    api.patch(
        &format!("/v1/pages/{page}/markdown"),
        json!({"type": "replace_content", "replace_content": {}, "allow_async": true}),
    )
    .await
    .error(400, "validation_error");

    let queued = api
        .patch(
            &format!("/v1/pages/{page}/markdown"),
            json!({"type": "replace_content", "replace_content": {"new_str": "x"}, "allow_async": true}),
        )
        .await;
    let task_id = queued.ok()["id"].as_str().unwrap().to_owned();
    let other = emu.admin().integration("Other", &[], "with_email");
    let message = api
        .with_token(&other.token)
        .get(&format!("/v1/async_tasks/{task_id}"))
        .await
        .error(404, "object_not_found");
    assert!(
        message.contains("Could not find async task with ID"),
        "{message}"
    );
    api.get("/v1/async_tasks/task_0000")
        .await
        .error(404, "object_not_found");
}
