//! File uploads: create, send, attach, serve.

use serde_json::{Value, json};

use crate::support::{Api, id, start};

async fn send(api: &Api, upload: &str, bytes: &'static [u8], part: Option<u32>) -> Value {
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes)
            .file_name("hello.txt")
            .mime_str("text/plain")
            .unwrap(),
    );
    if let Some(n) = part {
        form = form.text("part_number", n.to_string());
    }
    let response = reqwest::Client::new()
        .post(format!("{}/v1/file_uploads/{upload}/send", api.base))
        .bearer_auth(&api.token)
        .header("Notion-Version", "2025-09-03")
        .multipart(form)
        .send()
        .await
        .unwrap();
    response.json().await.unwrap()
}

#[tokio::test]
async fn single_part_upload_attaches_and_serves_a_signed_url() {
    let (emu, api) = start().await;
    let created = api
        .post(
            "/v1/file_uploads",
            json!({"filename": "hello.txt", "content_type": "text/plain"}),
        )
        .await;
    let created = created.ok();
    assert_eq!(created["status"], "pending");
    assert!(created["upload_url"].as_str().unwrap().ends_with("/send"));
    let upload = id(created);
    let sent = send(&api, &upload, b"hello world", None).await;
    assert_eq!(sent["status"], "uploaded");
    assert_eq!(sent["content_length"], 11);
    let page = api.page(&emu.root_page_id(), "Files").await;
    let appended = api
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": [{"file": {"type": "file_upload", "file_upload": {"id": upload}}}]}),
        )
        .await;
    let file = &appended.ok()["results"][0]["file"];
    assert_eq!(file["type"], "file");
    assert_eq!(file["name"], "hello.txt");
    let url = file["file"]["url"].as_str().unwrap();
    assert!(
        url.starts_with(&format!(
            "{}/_emulator/files/{upload}/hello.txt?expires=",
            emu.base_url()
        )),
        "{url}"
    );
    let body = reqwest::get(url).await.unwrap().text().await.unwrap();
    assert_eq!(body, "hello world");
    let forged = url.replace("sig=", "sig=0");
    assert_eq!(reqwest::get(forged).await.unwrap().status(), 403);
    let listed = api.get("/v1/file_uploads?status=uploaded").await;
    assert_eq!(listed.ok()["results"][0]["id"], upload.as_str());
    assert_eq!(listed.body["type"], "file_upload");
}

#[tokio::test]
async fn multi_part_needs_every_part_then_complete() {
    let (_emu, api) = start().await;
    let created = api
        .post(
            "/v1/file_uploads",
            json!({"mode": "multi_part", "number_of_parts": 2, "filename": "big.txt"}),
        )
        .await;
    let upload = id(created.ok());
    send(&api, &upload, b"abc", Some(1)).await;
    api.post(&format!("/v1/file_uploads/{upload}/complete"), json!({}))
        .await
        .error(400, "validation_error");
    let second = send(&api, &upload, b"def", Some(2)).await;
    assert_eq!(second["number_of_parts"]["sent"], 2);
    let done = api
        .post(&format!("/v1/file_uploads/{upload}/complete"), json!({}))
        .await;
    assert_eq!(done.ok()["status"], "uploaded");
    assert_eq!(done.body["content_length"], 6);
    let long = "n".repeat(901);
    api.post("/v1/file_uploads", json!({"filename": long}))
        .await
        .error(400, "validation_error");
}
