//! Page writes of a data source patch its cached rows: queries see exactly what a full reload sees.

use serde_json::{Value, json};

use crate::support::{Api, id, start, text};
use notion_emulator::testing::{Admin, TestEmulator};

/// Every row, trashed ones included, sorted by a property then (on ties) by creation order.
async fn query_all(api: &Api, ds: &str) -> Value {
    let body = json!({"in_trash": true, "sorts": [{"property": "Size", "direction": "ascending"}]});
    results(api, ds, body).await
}

/// A query's results (without the per-request `request_id`).
async fn results(api: &Api, ds: &str, body: Value) -> Value {
    let mut list = api
        .post(&format!("/v1/data_sources/{ds}/query"), body)
        .await
        .ok()
        .clone();
    list.as_object_mut().unwrap().remove("request_id");
    list
}

/// The default query (live rows, newest first) with a filter.
async fn query_big(api: &Api, ds: &str) -> Value {
    let body = json!({"filter": {"property": "Size", "number": {"greater_than": 2}}});
    results(api, ds, body).await
}

fn row(name: &str, size: i64) -> Value {
    json!({"Name": {"title": text(name)}, "Size": {"number": size}})
}

/// What the queries return after a write nobody classified (a new person): a full reload.
async fn reloaded(emu: &TestEmulator, api: &Api, ds: &str, person: &str) -> (Value, Value) {
    let admin: Admin<'_> = emu.admin();
    admin.user(person, &format!("{person}@example.com"));
    let loads = admin.row_cache_loads();
    let fresh = (query_all(api, ds).await, query_big(api, ds).await);
    assert_eq!(admin.row_cache_loads(), loads + 1, "a full reload");
    fresh
}

#[tokio::test]
async fn creates_updates_trashes_and_moves_patch_the_rows_exactly() {
    let (emu, api) = start().await;
    let root = emu.root_page_id();
    let schema = json!({"Name": {"title": {}}, "Size": {"number": {}}});
    let (_, items) = api.database(&root, "Items", schema.clone()).await;
    let (_, other) = api.database(&root, "Other", schema).await;
    let mut ids = Vec::new();
    for size in [3, 1, 4, 1, 5] {
        ids.push(id(&api.row(&items, row(&format!("r{size}"), size)).await));
    }
    let outsider = id(&api.row(&other, row("outsider", 9)).await);
    query_all(&api, &items).await;
    let admin = emu.admin();
    let (loads, patches) = (admin.row_cache_loads(), admin.row_cache_patches());

    // Create, update, trash, move out of and into Items.
    api.row(&items, row("new", 2)).await;
    api.patch(
        &format!("/v1/pages/{}", ids[0]),
        json!({"properties": {"Size": {"number": 8}}}),
    )
    .await
    .ok();
    api.patch(&format!("/v1/pages/{}", ids[1]), json!({"in_trash": true}))
        .await
        .ok();
    api.post(
        &format!("/v1/pages/{}/move", ids[2]),
        json!({"parent": {"page_id": root}}),
    )
    .await
    .ok();
    api.post(
        &format!("/v1/pages/{outsider}/move"),
        json!({"parent": {"data_source_id": items}}),
    )
    .await
    .ok();
    let patched = (query_all(&api, &items).await, query_big(&api, &items).await);
    assert_eq!(admin.row_cache_loads(), loads, "no full reload");
    assert_eq!(admin.row_cache_patches(), patches + 1);
    let names: Vec<&str> = patched.0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|page| {
            page["properties"]["Name"]["title"][0]["plain_text"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["r1", "r1", "new", "r5", "r3", "outsider"]);
    assert_eq!(patched, reloaded(&emu, &api, &items, "Ada").await);

    // Several writes in a row, then one query: every one of them is patched in.
    for size in [7, 0] {
        api.row(&items, row("later", size)).await;
    }
    api.patch(&format!("/v1/pages/{}", ids[1]), json!({"in_trash": false}))
        .await
        .ok();
    let patches = admin.row_cache_patches();
    let patched = (query_all(&api, &items).await, query_big(&api, &items).await);
    assert_eq!(admin.row_cache_patches(), patches + 1);
    assert_eq!(patched, reloaded(&emu, &api, &items, "Bob").await);
}

#[tokio::test]
async fn schema_changes_reload_instead_of_patching() {
    let (emu, api) = start().await;
    let root = emu.root_page_id();
    let schema = json!({"Name": {"title": {}}, "Size": {"number": {}}});
    let (_, items) = api.database(&root, "Items", schema).await;
    api.row(&items, row("a", 1)).await;
    query_all(&api, &items).await;
    let admin = emu.admin();
    let (loads, patches) = (admin.row_cache_loads(), admin.row_cache_patches());
    api.row(&items, row("b", 2)).await;
    api.patch(
        &format!("/v1/data_sources/{items}"),
        json!({"properties": {"Note": {"rich_text": {}}}}),
    )
    .await
    .ok();
    let result = query_all(&api, &items).await;
    assert_eq!(
        (admin.row_cache_loads(), admin.row_cache_patches()),
        (loads + 1, patches)
    );
    assert_eq!(result["results"].as_array().unwrap().len(), 2);
    assert!(result["results"][0]["properties"].get("Note").is_some());
}

#[tokio::test]
async fn rollups_over_the_data_source_itself_reload_and_stay_right() {
    let (emu, api) = start().await;
    let root = emu.root_page_id();
    let schema = json!({"Name": {"title": {}}, "Size": {"number": {}}});
    let (_, items) = api.database(&root, "Items", schema).await;
    api.patch(
        &format!("/v1/data_sources/{items}"),
        json!({"properties": {"Parts": {"relation": {"data_source_id": items, "single_property": {}}}}}),
    )
    .await
    .ok();
    api.patch(&format!("/v1/data_sources/{items}"), json!({"properties": {
        "Total": {"rollup": {"relation_property_name": "Parts", "rollup_property_name": "Size", "function": "sum"}}
    }})).await.ok();
    let part = id(&api.row(&items, row("part", 1)).await);
    let mut whole = row("whole", 10);
    whole["Parts"] = json!({"relation": [{"id": part}]});
    let whole = id(&api.row(&items, whole).await);
    query_all(&api, &items).await;
    let admin = emu.admin();
    let (loads, patches) = (admin.row_cache_loads(), admin.row_cache_patches());
    api.patch(
        &format!("/v1/pages/{part}"),
        json!({"properties": {"Size": {"number": 5}}}),
    )
    .await
    .ok();
    let result = query_all(&api, &items).await;
    let whole_row = result["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|page| page["id"] == whole.as_str())
        .unwrap();
    assert_eq!(whole_row["properties"]["Total"]["rollup"]["number"], 5.0);
    assert_eq!(
        (admin.row_cache_loads(), admin.row_cache_patches()),
        (loads + 1, patches)
    );
}

#[tokio::test]
async fn rollups_of_other_data_sources_see_the_patched_rows() {
    let (emu, api) = start().await;
    let root = emu.root_page_id();
    let (_, projects) = api
        .database(&root, "Projects", json!({"Name": {"title": {}}}))
        .await;
    let (_, tasks) = api
        .database(&root, "Tasks", json!({
            "Name": {"title": {}},
            "Size": {"number": {}},
            "Project": {"relation": {"data_source_id": projects, "dual_property": {"synced_property_name": "Tasks"}}}
        }))
        .await;
    api.patch(&format!("/v1/data_sources/{projects}"), json!({"properties": {
        "Total": {"rollup": {"relation_property_name": "Tasks", "rollup_property_name": "Size", "function": "sum"}}
    }})).await.ok();
    let project = id(&api
        .row(&projects, json!({"Name": {"title": text("P")}}))
        .await);
    let mut task = row("t1", 2);
    task["Project"] = json!({"relation": [{"id": project}]});
    api.row(&tasks, task.clone()).await;
    query_all(&api, &tasks).await;
    results(&api, &projects, json!({})).await;
    let admin = emu.admin();
    let (loads, patches) = (admin.row_cache_loads(), admin.row_cache_patches());

    // A new task: a page write of Tasks only (Projects gets the synced relation, a write of its own).
    task["Name"] = json!({"title": text("t2")});
    task["Size"] = json!({"number": 3});
    api.row(&tasks, task).await;
    let tasks_rows = query_all(&api, &tasks).await;
    assert_eq!(tasks_rows["results"].as_array().unwrap().len(), 2);
    let projects_rows = results(&api, &projects, json!({})).await;
    assert_eq!(
        projects_rows["results"][0]["properties"]["Total"]["rollup"]["number"],
        5.0
    );
    assert_eq!(
        (admin.row_cache_loads(), admin.row_cache_patches()),
        (loads + 1, patches + 1),
        "Tasks patch the new row, Projects (rollup over Tasks) reload"
    );
}
