//! Rollups keep working, and show the current names, when the properties they use are renamed.

use serde_json::{Value, json};

use crate::support::{Api, id, start, text};

async fn schema(api: &Api, ds: &str) -> Value {
    api.get(&format!("/v1/data_sources/{ds}"))
        .await
        .ok()
        .clone()
}

async fn total(api: &Api, page: &str) -> Value {
    api.get(&format!("/v1/pages/{page}")).await.ok().clone()["properties"]["Total"]["rollup"]
        .clone()
}

async fn rename(api: &Api, ds: &str, old: &str, new: &str) {
    api.patch(
        &format!("/v1/data_sources/{ds}"),
        json!({"properties": {old: {"name": new}}}),
    )
    .await
    .ok();
}

#[tokio::test]
async fn renaming_the_relation_and_rolled_up_properties_keeps_rollups_working() {
    let (emu, api) = start().await;
    let (_, projects) = api
        .database(
            &emu.root_page_id(),
            "Projects",
            json!({"Name": {"title": {}}}),
        )
        .await;
    let (_, tasks) = api
        .database(&emu.root_page_id(), "Tasks", json!({
            "Name": {"title": {}},
            "Hours": {"number": {}},
            "Project": {"relation": {"data_source_id": projects, "dual_property": {"synced_property_name": "Tasks"}}}
        }))
        .await;
    api.patch(&format!("/v1/data_sources/{projects}"), json!({"properties": {
        "Total": {"rollup": {"relation_property_name": "Tasks", "rollup_property_name": "Hours", "function": "sum"}}
    }})).await.ok();
    let project = id(&api
        .row(&projects, json!({"Name": {"title": text("P")}}))
        .await);
    for hours in [2, 5] {
        api.row(
            &tasks,
            json!({"Hours": {"number": hours}, "Project": {"relation": [{"id": project}]}}),
        )
        .await;
    }
    let before = schema(&api, &projects).await;
    let config = before["properties"]["Total"]["rollup"].clone();
    let relation_id = before["properties"]["Tasks"]["id"].clone();
    let hours_id = schema(&api, &tasks).await["properties"]["Hours"]["id"].clone();
    assert_eq!(
        config,
        json!({
            "rollup_property_name": "Hours",
            "relation_property_name": "Tasks",
            "rollup_property_id": hours_id,
            "relation_property_id": relation_id,
            "function": "sum"
        })
    );
    assert_eq!(total(&api, &project).await["number"], 7.0);

    rename(&api, &tasks, "Hours", "Effort").await;
    rename(&api, &projects, "Tasks", "Work items").await;

    assert_eq!(total(&api, &project).await["number"], 7.0);
    let after = schema(&api, &projects).await;
    assert_eq!(
        after["properties"]["Total"]["rollup"],
        json!({
            "rollup_property_name": "Effort",
            "relation_property_name": "Work items",
            "rollup_property_id": hours_id,
            "relation_property_id": relation_id,
            "function": "sum"
        })
    );
    let tasks_schema = schema(&api, &tasks).await;
    assert_eq!(
        tasks_schema["properties"]["Project"]["relation"]["dual_property"]["synced_property_name"],
        "Work items"
    );
    let rows = api
        .post(
            &format!("/v1/data_sources/{projects}/query"),
            json!({"filter": {"property": "Total", "rollup": {"number": {"equals": 7}}}}),
        )
        .await;
    assert_eq!(rows.ok()["results"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn a_rollup_given_by_ids_shows_names_and_renaming_the_rollup_itself_keeps_it() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "Self",
            json!({
                "Name": {"title": {}},
                "Size": {"number": {}}
            }),
        )
        .await;
    api.patch(
        &format!("/v1/data_sources/{ds}"),
        json!({"properties": {
            "Parent": {"relation": {"data_source_id": ds, "single_property": {}}}
        }}),
    )
    .await
    .ok();
    let before = schema(&api, &ds).await;
    let parent_id = before["properties"]["Parent"]["id"].clone();
    let size_id = before["properties"]["Size"]["id"].clone();
    api.patch(&format!("/v1/data_sources/{ds}"), json!({"properties": {
        "Sum": {"rollup": {"relation_property_id": parent_id, "rollup_property_id": size_id, "function": "sum"}}
    }})).await.ok();
    rename(&api, &ds, "Sum", "Total").await;
    rename(&api, &ds, "Size", "Weight").await;
    let config = &schema(&api, &ds).await["properties"]["Total"]["rollup"];
    assert_eq!(config["relation_property_name"], "Parent");
    assert_eq!(config["rollup_property_name"], "Weight");
    assert_eq!(config["rollup_property_id"], size_id);
    let parent = id(&api
        .row(
            &ds,
            json!({"Name": {"title": text("p")}, "Weight": {"number": 4}}),
        )
        .await);
    let child = id(&api
        .row(
            &ds,
            json!({"Name": {"title": text("c")}, "Parent": {"relation": [{"id": parent}]}}),
        )
        .await);
    assert_eq!(total(&api, &child).await["number"], 4.0);
}
