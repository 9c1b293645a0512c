//! The same data through 2022-06-28, 2025-09-03 and 2026-03-11.

use serde_json::json;

use crate::support::{id, start, text};

#[tokio::test]
async fn one_database_three_shapes() {
    let (emu, api) = start().await;
    let (db, ds) = api
        .database(
            &emu.root_page_id(),
            "Shapes",
            json!({"Name": {"title": {}}, "N": {"number": {}}}),
        )
        .await;
    let row = api
        .row(
            &ds,
            json!({"Name": {"title": text("r")}, "N": {"number": 1}}),
        )
        .await;
    let row = id(&row);

    let old = api.with_version("2022-06-28");
    let legacy = old.get(&format!("/v1/databases/{db}")).await;
    let legacy = legacy.ok();
    assert_eq!(legacy["properties"]["N"]["type"], "number");
    assert!(legacy.get("data_sources").is_none());
    let page = old.get(&format!("/v1/pages/{row}")).await;
    assert_eq!(
        page.ok()["parent"],
        json!({"type": "database_id", "database_id": db})
    );
    let query = old
        .post(&format!("/v1/databases/{db}/query"), json!({}))
        .await;
    assert_eq!(query.ok()["type"], "page_or_database");
    assert_eq!(query.body["results"][0]["id"], row.as_str());
    let search = old
        .post(
            "/v1/search",
            json!({"filter": {"property": "object", "value": "database"}}),
        )
        .await;
    assert_eq!(search.ok()["results"][0]["object"], "database");
    old.post(
        "/v1/search",
        json!({"filter": {"property": "object", "value": "data_source"}}),
    )
    .await
    .error(400, "validation_error");
    let created = old
        .post("/v1/databases", json!({"parent": {"page_id": emu.root_page_id()}, "title": text("Old"), "properties": {"Name": {"title": {}}}}))
        .await;
    assert!(created.ok()["properties"]["Name"].is_object());
    let old_row = old
        .post(
            "/v1/pages",
            json!({"parent": {"database_id": db}, "properties": {"N": {"number": 5}}}),
        )
        .await;
    assert_eq!(old_row.ok()["properties"]["N"]["number"], 5);

    let current = api.get(&format!("/v1/pages/{row}")).await;
    assert_eq!(current.ok()["parent"]["data_source_id"], ds.as_str());
    assert_eq!(current.body["archived"], false);
    let search = api
        .post(
            "/v1/search",
            json!({"filter": {"property": "object", "value": "data_source"}}),
        )
        .await;
    assert_eq!(search.ok()["results"][0]["object"], "data_source");

    let new = api.with_version("2026-03-11");
    let page = new.get(&format!("/v1/pages/{row}")).await;
    assert!(page.ok().get("archived").is_none());
    assert_eq!(page.body["in_trash"], false);
    new.patch(&format!("/v1/pages/{row}"), json!({"archived": true}))
        .await
        .error(400, "validation_error");
}

#[tokio::test]
async fn meeting_notes_are_transcription_before_2026() {
    let (emu, api) = start().await;
    let page = api.page(&emu.root_page_id(), "Meeting").await;
    let new = api.with_version("2026-03-11");
    let created = new
        .patch(
            &format!("/v1/blocks/{page}/children"),
            json!({"children": [{"meeting_notes": {"title": text("Standup")}}]}),
        )
        .await;
    let block = id(&created.ok()["results"][0]);
    assert_eq!(created.body["results"][0]["type"], "meeting_notes");
    let old = api.get(&format!("/v1/blocks/{block}")).await;
    assert_eq!(old.ok()["type"], "transcription");
}

#[tokio::test]
async fn multi_source_databases_refuse_2022_calls() {
    let (emu, api) = start().await;
    let (db, _) = api
        .database(&emu.root_page_id(), "Multi", json!({"Name": {"title": {}}}))
        .await;
    api.post("/v1/data_sources", json!({"parent": {"database_id": db}, "properties": {"Title": {"title": {}}}, "title": text("Second")}))
        .await
        .ok();
    let db_now = api.get(&format!("/v1/databases/{db}")).await;
    assert_eq!(db_now.ok()["data_sources"].as_array().unwrap().len(), 2);
    let response = api
        .with_version("2022-06-28")
        .get(&format!("/v1/databases/{db}"))
        .await;
    response.error(400, "validation_error");
    assert_eq!(
        response.body["additional_data"]["error_type"],
        "multiple_data_sources_for_database"
    );
}
