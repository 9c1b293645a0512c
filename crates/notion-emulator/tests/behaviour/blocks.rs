//! Blocks: append order, positions, update, trash/restore, structure rules.

use serde_json::json;

use crate::support::{id, keys, paragraph, start, text};

fn plain(block: &serde_json::Value) -> String {
    let kind = block["type"].as_str().unwrap();
    block[kind]["rich_text"][0]["plain_text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn append_keeps_order_and_honours_after_and_position() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Doc").await;
    let path = format!("/v1/blocks/{page}/children");
    let appended = api
        .patch(&path, json!({"children": [paragraph("a"), paragraph("c")]}))
        .await;
    let appended = appended.ok();
    assert_eq!(appended["type"], "block");
    let block = &appended["results"][0];
    assert_eq!(
        keys(block),
        [
            "object",
            "id",
            "parent",
            "created_time",
            "last_edited_time",
            "created_by",
            "last_edited_by",
            "has_children",
            "in_trash",
            "type",
            "paragraph",
            "archived"
        ]
    );
    assert_eq!(keys(&block["paragraph"]), ["rich_text", "icon", "color"]);
    let a = id(block);
    api.patch(&path, json!({"children": [paragraph("b")], "after": a}))
        .await
        .ok();
    api.with_version("2026-03-11")
        .patch(
            &path,
            json!({"children": [paragraph("start")], "position": {"type": "start"}}),
        )
        .await
        .ok();
    let list = api.get(&path).await;
    let order: Vec<String> = list.ok()["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(plain)
        .collect();
    assert_eq!(order, ["start", "a", "b", "c"]);
    let both = api
        .patch(
            &path,
            json!({"children": [paragraph("x")], "after": a, "position": {"type": "end"}}),
        )
        .await;
    both.error(400, "validation_error");
    api.with_version("2026-03-11")
        .patch(&path, json!({"children": [paragraph("x")], "after": a}))
        .await
        .error(400, "validation_error");
}

#[tokio::test]
async fn children_pagination() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Long").await;
    let children: Vec<_> = (0..5).map(|i| paragraph(&format!("p{i}"))).collect();
    api.patch(
        &format!("/v1/blocks/{page}/children"),
        json!({"children": children}),
    )
    .await
    .ok();
    let first = api
        .get(&format!("/v1/blocks/{page}/children?page_size=2"))
        .await;
    let first = first.ok();
    assert_eq!(first["has_more"], true);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = api
        .get(&format!(
            "/v1/blocks/{page}/children?page_size=2&start_cursor={cursor}"
        ))
        .await;
    assert_eq!(plain(&second.ok()["results"][0]), "p2");
}

#[tokio::test]
async fn update_delete_restore() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Todo").await;
    let added = api
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": [{"to_do": {"rich_text": text("x")}}]}),
        )
        .await;
    let block = id(&added.ok()["results"][0]);
    let checked = api
        .patch(
            &format!("/v1/blocks/{block}"),
            json!({"to_do": {"checked": true}}),
        )
        .await;
    assert_eq!(checked.ok()["to_do"]["checked"], true);
    assert_eq!(checked.body["to_do"]["rich_text"][0]["plain_text"], "x");
    api.patch(
        &format!("/v1/blocks/{block}"),
        json!({"paragraph": {"rich_text": text("y")}}),
    )
    .await
    .error(400, "validation_error");
    let deleted = api.delete(&format!("/v1/blocks/{block}")).await;
    assert_eq!(deleted.ok()["in_trash"], true);
    let list = api.get(&format!("/v1/blocks/{page}/children")).await;
    assert_eq!(list.ok()["results"].as_array().unwrap().len(), 0);
    api.patch(
        &format!("/v1/blocks/{block}"),
        json!({"to_do": {"checked": false}}),
    )
    .await
    .error(400, "validation_error");
    api.patch(&format!("/v1/blocks/{block}"), json!({"in_trash": false}))
        .await
        .ok();
    assert_eq!(
        api.get(&format!("/v1/blocks/{page}/children")).await.ok()["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn nesting_columns_and_tables() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Nest").await;
    let path = format!("/v1/blocks/{page}/children");
    let deep = json!({"toggle": {"rich_text": text("1"), "children": [
        {"toggle": {"rich_text": text("2"), "children": [
            {"toggle": {"rich_text": text("3"), "children": [paragraph("4")]}}]}}]}});
    let message = api
        .patch(&path, json!({"children": [deep]}))
        .await
        .error(400, "validation_error");
    assert!(
        message.starts_with("body failed validation: body.children[0].toggle.children[0].toggle.children[0].toggle.children should be not present, instead was `"),
        "{message}"
    );
    let ok = json!({"toggle": {"rich_text": text("1"), "children": [{"toggle": {"rich_text": text("2"), "children": [paragraph("3")]}}]}});
    let created = api.patch(&path, json!({"children": [ok]})).await;
    assert_eq!(created.ok()["results"][0]["has_children"], true);
    let bad_columns =
        json!({"column_list": {"children": [paragraph("not a column"), paragraph("x")]}});
    api.patch(&path, json!({"children": [bad_columns]}))
        .await
        .error(400, "validation_error");
    let row = |n: usize| json!({"table_row": {"cells": (0..n).map(|i| text(&i.to_string())).collect::<Vec<_>>()}});
    let table = |n: usize| json!({"table": {"table_width": 2, "children": [row(n)]}});
    api.patch(&path, json!({"children": [table(3)]}))
        .await
        .error(400, "validation_error");
    api.patch(&path, json!({"children": [table(2)]})).await.ok();
}
