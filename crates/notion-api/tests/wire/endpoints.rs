//! Typed endpoints: paths, query strings and body shapes.

use notion_api::ApiVersion;
use notion_api::api::AppendPosition;
use notion_api::model::{BlockId, DataSourceId, PageId, Parent, PropertyValue};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{self, list_json, page_json, uuid};

#[tokio::test]
async fn create_page_in_a_data_source_sends_typed_properties() {
    let server = support::server().await;
    let data_source = DataSourceId::parse(&uuid(0xD5)).unwrap();
    Mock::given(method("POST"))
        .and(path("/v1/pages"))
        .and(body_partial_json(json!({
            "parent": {"type": "data_source_id", "data_source_id": uuid(0xD5)},
            "properties": {
                "Status": {"select": {"name": "Active"}},
                "Priority": {"select": {"name": "High"}},
                "Progress": {"number": 25},
                "Name": {"title": [{"type": "text", "text": {"content": "Write the digest"}}]},
            }
        })))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(page_json(&uuid(1), "2026-07-01T10:00:00.000Z")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let page = support::client(&server)
        .pages()
        .create(Parent::data_source(data_source))
        .property("Name", PropertyValue::title("Write the digest"))
        .property("Status", PropertyValue::select("Active"))
        .property("Priority", PropertyValue::select("High"))
        .property("Progress", PropertyValue::number(25))
        .send()
        .await
        .unwrap();
    assert_eq!(page.id.to_string(), uuid(1));
    server.verify().await;
}

#[tokio::test]
async fn retrieve_page_repeats_filter_properties() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/pages/{}", uuid(1))))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(page_json(&uuid(1), "2026-07-01T10:00:00.000Z")),
        )
        .mount(&server)
        .await;
    support::client(&server)
        .pages()
        .retrieve(PageId::parse(&uuid(1)).unwrap())
        .filter_properties(["title", "a%3Bb"])
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    let pairs: Vec<(String, String)> = requests[0]
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("filter_properties".to_owned(), "title".to_owned()),
            ("filter_properties".to_owned(), "a%3Bb".to_owned()),
        ]
    );
}

async fn append_body(version: ApiVersion, position: AppendPosition) -> Value {
    let server = support::server().await;
    Mock::given(method("PATCH"))
        .and(path(format!("/v1/blocks/{}/children", uuid(2))))
        .respond_with(ResponseTemplate::new(200).set_body_json(list_json(vec![], None)))
        .mount(&server)
        .await;
    let client = support::builder(&server)
        .notion_version(version)
        .build()
        .unwrap();
    client
        .blocks()
        .append(BlockId::parse(&uuid(2)).unwrap(), vec![])
        .position(position)
        .send()
        .await
        .unwrap();
    last_body(&server).await
}

async fn last_body(server: &MockServer) -> Value {
    let requests = server.received_requests().await.unwrap();
    requests.last().unwrap().body_json().unwrap()
}

#[tokio::test]
async fn append_after_becomes_position_under_2026() {
    let after = BlockId::parse(&uuid(3)).unwrap();
    assert_eq!(
        append_body(ApiVersion::V2025_09_03, AppendPosition::AfterBlock(after)).await,
        json!({"children": [], "after": uuid(3)})
    );
    assert_eq!(
        append_body(ApiVersion::V2026_03_11, AppendPosition::AfterBlock(after)).await,
        json!({"children": [], "position": {"type": "after_block", "after_block": {"id": uuid(3)}}})
    );
    assert_eq!(
        append_body(ApiVersion::V2026_03_11, AppendPosition::End).await,
        json!({"children": []})
    );
}

#[tokio::test]
async fn append_at_start_is_refused_before_2026() {
    let server = support::server().await;
    let err = support::client(&server)
        .blocks()
        .append(BlockId::parse(&uuid(2)).unwrap(), vec![])
        .position(AppendPosition::Start)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, notion_api::Error::Config(_)), "{err}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

fn file_upload_json(id: &str, status: &str) -> Value {
    json!({
        "object": "file_upload", "id": id,
        "created_time": "2026-07-01T10:00:00.000Z", "last_edited_time": "2026-07-01T10:00:00.000Z",
        "expiry_time": null, "upload_url": null, "in_trash": false,
        "status": status, "filename": "notes.txt", "content_type": "text/plain",
        "content_length": null,
    })
}

#[tokio::test]
async fn small_upload_is_single_part_multipart_form() {
    let server = support::server().await;
    let id = uuid(0xF1);
    Mock::given(method("POST"))
        .and(path("/v1/file_uploads"))
        .and(body_partial_json(
            json!({"filename": "notes.txt", "content_type": "text/plain"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(file_upload_json(&id, "pending")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/file_uploads/{id}/send")))
        .respond_with(ResponseTemplate::new(200).set_body_json(file_upload_json(&id, "uploaded")))
        .expect(1)
        .mount(&server)
        .await;
    let upload = support::client(&server)
        .file_uploads()
        .upload_file("notes.txt", "text/plain", &b"hello notion"[..])
        .await
        .unwrap();
    assert_eq!(upload.id.to_string(), id);
    let requests = server.received_requests().await.unwrap();
    let send = &requests[1];
    let content_type = send.headers["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let body = String::from_utf8_lossy(&send.body);
    assert!(
        body.contains("name=\"file\"; filename=\"notes.txt\""),
        "{body}"
    );
    assert!(body.contains("hello notion"));
    assert!(!body.contains("part_number"));
    server.verify().await;
}

#[tokio::test]
async fn large_upload_is_sent_in_numbered_parts_then_completed() {
    let server = support::server().await;
    let id = uuid(0xF2);
    Mock::given(method("POST"))
        .and(path("/v1/file_uploads"))
        .and(body_partial_json(
            json!({"mode": "multi_part", "number_of_parts": 3}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(file_upload_json(&id, "pending")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/file_uploads/{id}/send")))
        .respond_with(ResponseTemplate::new(200).set_body_json(file_upload_json(&id, "pending")))
        .expect(3)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/file_uploads/{id}/complete")))
        .respond_with(ResponseTemplate::new(200).set_body_json(file_upload_json(&id, "uploaded")))
        .expect(1)
        .mount(&server)
        .await;
    let bytes = vec![b'x'; 25 * 1024 * 1024];
    support::client(&server)
        .file_uploads()
        .upload_file("big.bin", "application/octet-stream", bytes)
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    for (i, request) in requests[1..4].iter().enumerate() {
        let body = String::from_utf8_lossy(&request.body);
        let expected = format!("name=\"part_number\"\r\n\r\n{}\r\n", i + 1);
        assert!(body.contains(&expected), "part {} lacks its number", i + 1);
    }
    // The complete call has no body and therefore no content type.
    assert!(requests[4].headers.get("content-type").is_none());
    server.verify().await;
}

#[tokio::test]
async fn templates_are_listed_from_their_own_key() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/data_sources/{}/templates", uuid(0xD5))))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "templates": [{"id": uuid(7), "name": "Bug", "is_default": true}],
            "has_more": false, "next_cursor": null,
        })))
        .mount(&server)
        .await;
    let templates = support::client(&server)
        .data_sources()
        .templates(DataSourceId::parse(&uuid(0xD5)).unwrap())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(templates.len(), 1);
    assert_eq!(templates[0].name, "Bug");
}
