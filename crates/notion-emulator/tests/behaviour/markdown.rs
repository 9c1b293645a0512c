//! Page content as Markdown: `GET|PATCH /v1/pages/{id}/markdown`, `POST /v1/pages` with
//! `markdown`, and Markdown comments.

use serde_json::{Value, json};

use crate::support::{Api, id, keys, start};

async fn markdown(api: &Api, page: &str) -> String {
    let response = api.get(&format!("/v1/pages/{page}/markdown")).await;
    let body = response.ok();
    assert_eq!(body["object"], "page_markdown");
    body["markdown"].as_str().expect("markdown").to_owned()
}

async fn patch(api: &Api, page: &str, body: Value) -> crate::support::Response {
    api.patch(&format!("/v1/pages/{page}/markdown"), body).await
}

async fn children_types(api: &Api, page: &str) -> Vec<String> {
    let list = api.get(&format!("/v1/blocks/{page}/children")).await;
    list.ok()["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["type"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn get_renders_the_page_and_has_notions_shape() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let empty = api.get(&format!("/v1/pages/{page}/markdown")).await;
    let empty = empty.ok();
    assert_eq!(
        keys(empty),
        [
            "object",
            "id",
            "markdown",
            "truncated",
            "unknown_block_ids",
            "request_id"
        ]
    );
    assert_eq!(empty["markdown"], "");
    assert_eq!(empty["truncated"], false);
    assert_eq!(empty["id"], page.as_str());

    let children = json!({"children": [
        {"heading_2": {"rich_text": [{"text": {"content": "Plan"}}]}},
        {"to_do": {"rich_text": [{"text": {"content": "Ship"}, "annotations": {"bold": true}}], "checked": true}}
    ]});
    api.patch(&format!("/v1/blocks/{page}/children"), children)
        .await
        .ok();
    assert_eq!(markdown(&api, &page).await, "## Plan\n\n- [x] **Ship**\n");
}

#[tokio::test]
async fn replace_content_rewrites_the_blocks() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let replaced = patch(
        &api,
        &page,
        json!({"type": "replace_content", "replace_content": {"new_str": "# Title\n\n- a\n  - b\n\n> quote"}}),
    )
    .await;
    assert_eq!(replaced.ok()["object"], "page_markdown");
    assert_eq!(
        children_types(&api, &page).await,
        ["heading_1", "bulleted_list_item", "quote"]
    );
    assert_eq!(
        markdown(&api, &page).await,
        "# Title\n\n- a\n  - b\n\n> quote\n"
    );
}

#[tokio::test]
async fn update_content_needs_unique_matches() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    patch(
        &api,
        &page,
        json!({"type": "replace_content", "replace_content": {"new_str": "one fish\n\ntwo fish"}}),
    )
    .await
    .ok();

    let ambiguous = patch(
        &api,
        &page,
        json!({"type": "update_content", "update_content": {"content_updates": [{"old_str": "fish", "new_str": "cat"}]}}),
    )
    .await;
    let message = ambiguous.error(400, "validation_error");
    assert!(message.contains("matches 2 times"), "{message}");

    let missing = patch(
        &api,
        &page,
        json!({"type": "update_content", "update_content": {"content_updates": [{"old_str": "bird", "new_str": "cat"}]}}),
    )
    .await;
    missing.error(400, "validation_error");

    let all = patch(
        &api,
        &page,
        json!({"type": "update_content", "update_content": {"content_updates": [
            {"old_str": "fish", "new_str": "cat", "replace_all_matches": true},
            {"old_str": "one", "new_str": "**one**"}
        ]}}),
    )
    .await;
    assert_eq!(all.ok()["markdown"], "**one** cat\n\ntwo cat\n");

    let too_many: Vec<Value> = (0..101)
        .map(|_| json!({"old_str": "cat", "new_str": "cat", "replace_all_matches": true}))
        .collect();
    let refused = patch(
        &api,
        &page,
        json!({"type": "update_content", "update_content": {"content_updates": too_many}}),
    )
    .await;
    refused.error(400, "validation_error");
}

#[tokio::test]
async fn insert_content_and_replace_content_range() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    patch(
        &api,
        &page,
        json!({"type": "insert_content", "insert_content": {"content": "## New Section\n\nHello from markdown."}}),
    )
    .await
    .ok();
    patch(
        &api,
        &page,
        json!({"type": "insert_content", "insert_content": {"content": "Top", "position": {"type": "start"}}}),
    )
    .await
    .ok();
    patch(
        &api,
        &page,
        json!({"type": "insert_content", "insert_content": {"content": "After heading", "after": "## New...Section"}}),
    )
    .await
    .ok();
    assert_eq!(
        markdown(&api, &page).await,
        "Top\n\n## New Section\n\nAfter heading\n\nHello from markdown.\n"
    );
    let ranged = patch(
        &api,
        &page,
        json!({"type": "replace_content_range", "replace_content_range": {"content": "Middle", "content_range": "After...heading"}}),
    )
    .await;
    assert_eq!(
        ranged.ok()["markdown"],
        "Top\n\n## New Section\n\nMiddle\n\nHello from markdown.\n"
    );
    let unknown = patch(
        &api,
        &page,
        json!({"type": "insert_content", "insert_content": {"content": "x", "after": "Nowhere...at all"}}),
    )
    .await;
    unknown.error(400, "validation_error");
}

#[tokio::test]
async fn deleting_child_pages_needs_allow_deleting_content() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let child = api.page(&page, "Child").await;
    patch(
        &api,
        &page,
        json!({"type": "insert_content", "insert_content": {"content": "Intro", "position": {"type": "start"}}}),
    )
    .await
    .ok();
    let md = markdown(&api, &page).await;
    assert!(md.contains("<page url="), "{md}");

    let kept = patch(
        &api,
        &page,
        json!({"type": "update_content", "update_content": {"content_updates": [{"old_str": "Intro", "new_str": "Welcome"}]}}),
    )
    .await;
    kept.ok();
    let child_page = api.get(&format!("/v1/pages/{child}")).await;
    assert_eq!(
        child_page.ok()["in_trash"],
        false,
        "an edit elsewhere keeps the child page"
    );

    let refused = patch(
        &api,
        &page,
        json!({"type": "replace_content", "replace_content": {"new_str": "Only text"}}),
    )
    .await;
    refused.error(400, "validation_error");

    patch(
        &api,
        &page,
        json!({"type": "replace_content", "replace_content": {"new_str": "Only text", "allow_deleting_content": true}}),
    )
    .await
    .ok();
    let child_page = api.get(&format!("/v1/pages/{child}")).await;
    assert_eq!(child_page.ok()["in_trash"], true);
}

#[tokio::test]
async fn create_page_from_markdown_takes_the_first_h1_as_title() {
    let (emu, api) = start().await;
    let created = api
        .post(
            "/v1/pages",
            json!({"parent": {"page_id": emu.root_page_id()}, "markdown": "# Meeting Notes\n\nDiscussed *roadmap*.\n\n- [ ] Draft proposal"}),
        )
        .await;
    let created = created.ok();
    assert_eq!(
        created["properties"]["title"]["title"][0]["plain_text"],
        "Meeting Notes"
    );
    let page = id(created);
    assert_eq!(children_types(&api, &page).await, ["paragraph", "to_do"]);

    let both = api
        .post(
            "/v1/pages",
            json!({"parent": {"page_id": emu.root_page_id()}, "markdown": "x", "children": []}),
        )
        .await;
    both.error(400, "validation_error");
}

#[tokio::test]
async fn markdown_comments_parse_inline_formatting() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let comment = api
        .post(
            "/v1/comments",
            json!({"parent": {"page_id": page}, "markdown": "Agreed, **ship it**"}),
        )
        .await;
    let rich = comment.ok()["rich_text"].as_array().unwrap().clone();
    assert_eq!(rich.len(), 2);
    assert_eq!(rich[1]["plain_text"], "ship it");
    assert_eq!(rich[1]["annotations"]["bold"], true);
    assert_eq!(rich[0]["annotations"]["bold"], false);
}
