//! Data-source templates: stored through the admin API, listed, applied on page create and update.

use serde_json::{Value, json};

use crate::support::{Api, id, paragraph, start, text};

/// A data source with a title, a select and a number.
async fn bugs(api: &Api, root: &str) -> String {
    let (_, ds) = api
        .database(
            root,
            "Bugs",
            json!({"Name": {"title": {}}, "Severity": {"select": {}}, "Points": {"number": {}}}),
        )
        .await;
    ds
}

/// The plain text of every top-level block of a page (and the nested ones, indented).
async fn content(api: &Api, page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let list = api.get(&format!("/v1/blocks/{page}/children")).await;
    for block in list.ok()["results"].as_array().unwrap() {
        let kind = block["type"].as_str().unwrap();
        let text = block[kind]["rich_text"][0]["plain_text"]
            .as_str()
            .unwrap_or_default();
        out.push(format!("{kind}:{text}"));
        if block["has_children"] == true {
            for nested in Box::pin(content(api, block["id"].as_str().unwrap())).await {
                out.push(format!("  {nested}"));
            }
        }
    }
    out
}

fn names(list: &Value) -> Vec<&str> {
    list["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn templates_are_listed_filtered_and_paginated() {
    let (emu, api) = start().await;
    let ds = bugs(&api, &emu.root_page_id()).await;
    let admin = emu.admin();
    let urgent = admin.template(&ds, "Urgent bug", true, json!({}), Value::Null);
    admin.template(&ds, "UI bug", false, json!({}), Value::Null);
    admin.template(&ds, "Feature", false, json!({}), Value::Null);

    let all = api.get(&format!("/v1/data_sources/{ds}/templates")).await;
    let all = all.ok();
    assert_eq!(names(all), ["Urgent bug", "UI bug", "Feature"]);
    assert_eq!(
        all["templates"][0],
        json!({"id": urgent, "name": "Urgent bug", "is_default": true})
    );
    assert_eq!(all["templates"][1]["is_default"], false);
    assert_eq!(
        (all["has_more"].clone(), all["next_cursor"].clone()),
        (json!(false), Value::Null)
    );
    assert!(all.get("object").is_none() && all.get("request_id").is_none());

    let filtered = api
        .get(&format!("/v1/data_sources/{ds}/templates?name=BUG"))
        .await;
    assert_eq!(names(filtered.ok()), ["Urgent bug", "UI bug"]);

    let first = api
        .get(&format!("/v1/data_sources/{ds}/templates?page_size=2"))
        .await;
    let first = first.ok();
    assert_eq!(names(first), ["Urgent bug", "UI bug"]);
    assert_eq!(first["has_more"], true);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = api
        .get(&format!(
            "/v1/data_sources/{ds}/templates?page_size=2&start_cursor={cursor}"
        ))
        .await;
    let rest = rest.ok();
    assert_eq!(names(rest), ["Feature"]);
    assert_eq!(
        (rest["has_more"].clone(), rest["next_cursor"].clone()),
        (json!(false), Value::Null)
    );

    let bad = api
        .get(&format!(
            "/v1/data_sources/{ds}/templates?start_cursor=nope"
        ))
        .await;
    assert!(bad.error(400, "validation_error").contains("start_cursor"));

    // A second default replaces the first.
    admin.template(&ds, "New default", true, json!({}), Value::Null);
    let all = api.get(&format!("/v1/data_sources/{ds}/templates")).await;
    let defaults: Vec<&str> = all.ok()["templates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["is_default"] == true)
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["New default"]);
}

#[tokio::test]
async fn templates_are_not_rows_nor_search_results() {
    let (emu, api) = start().await;
    let ds = bugs(&api, &emu.root_page_id()).await;
    emu.admin().template(
        &ds,
        "Hidden template",
        true,
        json!({"Name": {"title": text("Hidden template")}}),
        json!([paragraph("inside")]),
    );
    let rows = api
        .post(&format!("/v1/data_sources/{ds}/query"), json!({}))
        .await;
    assert_eq!(rows.ok()["results"], json!([]));
    let found = api
        .post("/v1/search", json!({"query": "Hidden template"}))
        .await;
    assert_eq!(found.ok()["results"], json!([]));
}

#[tokio::test]
async fn creating_a_page_from_a_template_copies_properties_and_content() {
    let (emu, api) = start().await;
    let ds = bugs(&api, &emu.root_page_id()).await;
    let template = emu.admin().template(
        &ds,
        "Urgent bug",
        false,
        json!({"Name": {"title": text("Untitled bug")}, "Severity": {"select": {"name": "High"}}, "Points": {"number": 3}}),
        json!([
            {"heading_2": {"rich_text": text("Steps")}},
            {"bulleted_list_item": {"rich_text": text("first"), "children": [paragraph("detail")]}}
        ]),
    );
    let body = json!({
        "parent": {"data_source_id": ds},
        "properties": {"Name": {"title": text("Login fails")}, "Points": {"number": 8}},
        "template": {"type": "template_id", "template_id": template, "timezone": "Europe/Paris"}
    });
    let page = api.post("/v1/pages", body).await;
    let page = page.ok();
    assert_eq!(
        page["properties"]["Name"]["title"][0]["plain_text"],
        "Login fails"
    );
    assert_eq!(page["properties"]["Points"]["number"], 8);
    assert_eq!(page["properties"]["Severity"]["select"]["name"], "High");
    let page_id = id(page);
    assert_eq!(
        content(&api, &page_id).await,
        [
            "heading_2:Steps",
            "bulleted_list_item:first",
            "  paragraph:detail"
        ]
    );
    // The template keeps its own content: a second page gets a fresh copy.
    let again = api
        .post(
            "/v1/pages",
            json!({"parent": {"data_source_id": ds}, "template": {"type": "template_id", "template_id": template}}),
        )
        .await;
    let again = again.ok();
    assert_eq!(
        again["properties"]["Name"]["title"][0]["plain_text"],
        "Untitled bug"
    );
    assert_eq!(content(&api, &id(again)).await.len(), 3);
}

#[tokio::test]
async fn the_default_template_applies_and_its_absence_is_a_validation_error() {
    let (emu, api) = start().await;
    let ds = bugs(&api, &emu.root_page_id()).await;
    let body = json!({"parent": {"data_source_id": ds}, "template": {"type": "default"}});
    let missing = api.post("/v1/pages", body.clone()).await;
    assert!(
        missing
            .error(400, "validation_error")
            .contains("no default template")
    );
    emu.admin().template(
        &ds,
        "Default",
        true,
        json!({"Severity": {"select": {"name": "Low"}}}),
        json!([paragraph("from default")]),
    );
    let page = api.post("/v1/pages", body).await;
    let page = page.ok();
    assert_eq!(page["properties"]["Severity"]["select"]["name"], "Low");
    assert_eq!(content(&api, &id(page)).await, ["paragraph:from default"]);
    // `none` is a plain page.
    let plain = api
        .post(
            "/v1/pages",
            json!({"parent": {"data_source_id": ds}, "template": {"type": "none"}}),
        )
        .await;
    let plain = plain.ok();
    assert_eq!(plain["properties"]["Severity"]["select"], Value::Null);
    assert!(content(&api, &id(plain)).await.is_empty());
}

#[tokio::test]
async fn template_requests_are_validated() {
    let (emu, api) = start().await;
    let ds = bugs(&api, &emu.root_page_id()).await;
    let template = emu
        .admin()
        .template(&ds, "T", false, json!({}), json!([paragraph("x")]));
    let with_children = json!({
        "parent": {"data_source_id": ds},
        "children": [paragraph("mine")],
        "template": {"type": "template_id", "template_id": template}
    });
    let message = api
        .post("/v1/pages", with_children)
        .await
        .error(400, "validation_error");
    assert!(message.contains("body.children"), "{message}");

    let unknown = "0b7f3a52-5c1e-4f6a-9a0e-3d2c1b0a9f8e";
    let body = json!({"parent": {"data_source_id": ds}, "template": {"type": "template_id", "template_id": unknown}});
    let message = api
        .post("/v1/pages", body)
        .await
        .error(404, "object_not_found");
    assert!(message.contains(unknown));

    let body = json!({"parent": {"data_source_id": ds}, "template": {"type": "copy"}});
    api.post("/v1/pages", body)
        .await
        .error(400, "validation_error");

    // A template of another data source does not apply here.
    let other = bugs(&api, &emu.root_page_id()).await;
    let body = json!({"parent": {"data_source_id": other}, "template": {"type": "template_id", "template_id": template}});
    api.post("/v1/pages", body)
        .await
        .error(400, "validation_error");
}

#[tokio::test]
async fn updating_a_page_applies_a_template_and_can_erase_content_first() {
    let (emu, api) = start().await;
    let ds = bugs(&api, &emu.root_page_id()).await;
    let template = emu.admin().template(
        &ds,
        "T",
        false,
        json!({"Points": {"number": 5}, "Severity": {"select": {"name": "Mid"}}}),
        json!([paragraph("from template")]),
    );
    let body = json!({
        "parent": {"data_source_id": ds},
        "properties": {"Name": {"title": text("Row")}, "Points": {"number": 1}},
        "children": [paragraph("old")]
    });
    let page = id(api.post("/v1/pages", body).await.ok());

    let apply = json!({"template": {"type": "template_id", "template_id": template}, "properties": {"Severity": {"select": {"name": "Top"}}}});
    let updated = api.patch(&format!("/v1/pages/{page}"), apply).await;
    let updated = updated.ok();
    assert_eq!(updated["properties"]["Points"]["number"], 5);
    assert_eq!(updated["properties"]["Severity"]["select"]["name"], "Top");
    assert_eq!(
        updated["properties"]["Name"]["title"][0]["plain_text"],
        "Row"
    );
    assert_eq!(
        content(&api, &page).await,
        ["paragraph:old", "paragraph:from template"]
    );

    let replace = json!({"template": {"type": "template_id", "template_id": template}, "erase_content": true});
    api.patch(&format!("/v1/pages/{page}"), replace).await.ok();
    assert_eq!(content(&api, &page).await, ["paragraph:from template"]);

    let none = json!({"template": {"type": "none"}});
    api.patch(&format!("/v1/pages/{page}"), none)
        .await
        .error(400, "validation_error");
}

#[tokio::test]
async fn any_visible_page_can_serve_as_a_content_template() {
    let (emu, api) = start().await;
    let source = api.page(&emu.root_page_id(), "Checklist").await;
    api.patch(
        &format!("/v1/blocks/{source}/children"),
        json!({"children": [{"to_do": {"rich_text": text("check"), "checked": false}}]}),
    )
    .await
    .ok();
    let body = json!({
        "parent": {"page_id": emu.root_page_id()},
        "properties": {"title": text("Copy")},
        "template": {"type": "template_id", "template_id": source}
    });
    let page = api.post("/v1/pages", body).await;
    assert_eq!(content(&api, &id(page.ok())).await, ["to_do:check"]);
}
