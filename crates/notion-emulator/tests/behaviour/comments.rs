//! Comments.

use serde_json::json;

use crate::support::{id, keys, start, text};

#[tokio::test]
async fn create_reply_list_update_delete() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Discuss").await;
    let created = api
        .post(
            "/v1/comments",
            json!({"parent": {"page_id": page}, "rich_text": text("first")}),
        )
        .await;
    let created = created.ok();
    assert_eq!(
        keys(created),
        [
            "object",
            "id",
            "parent",
            "discussion_id",
            "created_time",
            "last_edited_time",
            "created_by",
            "rich_text",
            "display_name",
            "request_id"
        ]
    );
    assert_eq!(created["display_name"]["type"], "integration");
    let discussion = created["discussion_id"].as_str().unwrap();
    let reply = api
        .post(
            "/v1/comments",
            json!({"discussion_id": discussion, "rich_text": text("second")}),
        )
        .await;
    assert_eq!(reply.ok()["parent"]["page_id"], page.as_str());
    let list = api
        .get(&format!("/v1/comments?block_id={page}&page_size=1"))
        .await;
    let list = list.ok();
    assert_eq!(list["type"], "comment");
    assert_eq!(list["results"][0]["rich_text"][0]["plain_text"], "first");
    assert_eq!(list["has_more"], true);
    let comment = id(created);
    let updated = api
        .patch(
            &format!("/v1/comments/{comment}"),
            json!({"rich_text": text("edited")}),
        )
        .await;
    assert_eq!(updated.ok()["rich_text"][0]["plain_text"], "edited");
    api.delete(&format!("/v1/comments/{comment}")).await.ok();
    api.get(&format!("/v1/comments/{comment}"))
        .await
        .error(404, "object_not_found");
    api.get("/v1/comments").await.error(400, "validation_error");
}

#[tokio::test]
async fn at_most_three_attachments() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "A").await;
    let attachments: Vec<_> = (0..4)
        .map(|_| json!({"file_upload_id": emu.root_page_id()}))
        .collect();
    let message = api
        .post("/v1/comments", json!({"parent": {"page_id": page}, "rich_text": text("x"), "attachments": attachments}))
        .await
        .error(400, "validation_error");
    assert_eq!(
        message,
        "body failed validation: body.attachments.length should be ≤ `3`, instead was `4`."
    );
}
