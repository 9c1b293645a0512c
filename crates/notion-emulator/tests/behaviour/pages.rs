//! Pages: create, retrieve, update, trash, move, property items.

use serde_json::json;

use crate::support::{id, keys, paragraph, start, text};

#[tokio::test]
async fn page_shape_matches_the_fixture_key_order() {
    let (emu, api) = start().await;
    let body = json!({"parent": {"page_id": emu.root_page_id()}, "properties": {"title": text("Hello World")}, "children": [paragraph("hi")]});
    let page = api.post("/v1/pages", body).await;
    let page = page.ok();
    assert_eq!(
        keys(page),
        [
            "object",
            "id",
            "created_time",
            "last_edited_time",
            "created_by",
            "last_edited_by",
            "cover",
            "icon",
            "parent",
            "in_trash",
            "is_archived",
            "is_locked",
            "properties",
            "url",
            "public_url",
            "archived",
            "request_id"
        ]
    );
    assert_eq!(
        page["parent"],
        json!({"type": "page_id", "page_id": emu.root_page_id()})
    );
    assert_eq!(
        page["properties"]["title"]["title"][0]["plain_text"],
        "Hello World"
    );
    assert!(
        page["url"]
            .as_str()
            .unwrap()
            .starts_with("https://app.notion.com/p/Hello-World-")
    );
    assert!(page["created_time"].as_str().unwrap().ends_with(":00.000Z"));
    let children = api.get(&format!("/v1/blocks/{}/children", id(page))).await;
    assert_eq!(
        children.ok()["results"][0]["paragraph"]["rich_text"][0]["plain_text"],
        "hi"
    );
}

#[tokio::test]
async fn update_trash_restore_and_edit_rules() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Draft").await;
    let updated = api
        .patch(
            &format!("/v1/pages/{page}"),
            json!({"properties": {"title": text("Final")}, "icon": {"emoji": "🔥"}}),
        )
        .await;
    assert_eq!(
        updated.ok()["icon"],
        json!({"type": "emoji", "emoji": "🔥"})
    );
    let trashed = api
        .patch(&format!("/v1/pages/{page}"), json!({"in_trash": true}))
        .await;
    assert_eq!(trashed.ok()["archived"], true);
    let message = api
        .patch(
            &format!("/v1/pages/{page}"),
            json!({"properties": {"title": text("x")}}),
        )
        .await
        .error(400, "validation_error");
    assert!(message.contains("archived"), "{message}");
    let restored = api
        .patch(&format!("/v1/pages/{page}"), json!({"archived": false}))
        .await;
    assert_eq!(restored.ok()["in_trash"], false);
    assert_eq!(
        restored.body["properties"]["title"]["title"][0]["plain_text"],
        "Final"
    );
}

#[tokio::test]
async fn unknown_properties_are_rejected_in_notions_words() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "Tasks",
            json!({"Name": {"title": {}}, "Score": {"number": {}}}),
        )
        .await;
    let response = api
        .post(
            "/v1/pages",
            json!({"parent": {"data_source_id": ds}, "properties": {"Nope": {"number": 1}}}),
        )
        .await;
    assert_eq!(
        response.error(400, "validation_error"),
        "Nope is not a property that exists."
    );
    let response = api
        .post(
            "/v1/pages",
            json!({"parent": {"data_source_id": ds}, "properties": {"Score": {"number": "high"}}}),
        )
        .await;
    let message = response.error(400, "validation_error");
    assert!(
        message.contains("body.properties.Score.number"),
        "{message}"
    );
}

#[tokio::test]
async fn move_reparents_a_page() {
    let (emu, api) = start().await;
    let a = api.page(&emu.root_page_id(), "A").await;
    let b = api.page(&emu.root_page_id(), "B").await;
    let moved = api
        .post(
            &format!("/v1/pages/{b}/move"),
            json!({"parent": {"page_id": a}}),
        )
        .await;
    assert_eq!(moved.ok()["parent"]["page_id"], a.as_str());
    let children = api.get(&format!("/v1/blocks/{a}/children")).await;
    assert_eq!(children.ok()["results"][0]["type"], "child_page");
    assert_eq!(children.body["results"][0]["child_page"]["title"], "B");
    api.post(
        &format!("/v1/pages/{a}/move"),
        json!({"parent": {"page_id": b}}),
    )
    .await
    .error(400, "validation_error");
}

#[tokio::test]
async fn relations_truncate_at_25_and_property_items_paginate() {
    let (emu, api) = start().await;
    let (_, targets) = api
        .database(
            &emu.root_page_id(),
            "Targets",
            json!({"Name": {"title": {}}}),
        )
        .await;
    let (_, source) = api
        .database(&emu.root_page_id(), "Source", json!({"Name": {"title": {}}, "Links": {"relation": {"data_source_id": targets, "single_property": {}}}}))
        .await;
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(id(&api
            .row(&targets, json!({"Name": {"title": text(&format!("t{i}"))}}))
            .await));
    }
    let links: Vec<_> = ids.iter().map(|i| json!({"id": i})).collect();
    let row = api
        .row(&source, json!({"Links": {"relation": links}}))
        .await;
    assert_eq!(
        row["properties"]["Links"]["relation"]
            .as_array()
            .unwrap()
            .len(),
        25
    );
    assert_eq!(row["properties"]["Links"]["has_more"], true);
    let prop_id = row["properties"]["Links"]["id"].as_str().unwrap();
    let page_id = id(&row);
    let first = api
        .get(&format!(
            "/v1/pages/{page_id}/properties/{prop_id}?page_size=20"
        ))
        .await;
    let first = first.ok();
    assert_eq!(first["type"], "property_item");
    assert_eq!(first["results"].as_array().unwrap().len(), 20);
    assert_eq!(first["property_item"]["type"], "relation");
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = api
        .get(&format!(
            "/v1/pages/{page_id}/properties/{prop_id}?start_cursor={cursor}"
        ))
        .await;
    assert_eq!(rest.ok()["results"].as_array().unwrap().len(), 10);
    assert_eq!(rest.body["has_more"], false);
    let title = api
        .get(&format!("/v1/pages/{}/properties/title", ids[3]))
        .await;
    assert_eq!(title.ok()["results"][0]["title"]["plain_text"], "t3");
}

#[tokio::test]
async fn filter_properties_trims_the_page() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "T",
            json!({"Name": {"title": {}}, "Score": {"number": {}}, "Done": {"checkbox": {}}}),
        )
        .await;
    let row = api
        .row(
            &ds,
            json!({"Name": {"title": text("r")}, "Score": {"number": 2}}),
        )
        .await;
    let trimmed = api
        .get(&format!("/v1/pages/{}?filter_properties=Score", id(&row)))
        .await;
    assert_eq!(keys(&trimmed.ok()["properties"]), ["Score"]);
}
