//! The query row cache forgets exactly the data sources a write may have changed.

use serde_json::{Value, json};

use crate::support::{Api, id, paragraph, start, text};

async fn query(api: &Api, ds: &str) -> Value {
    api.post(&format!("/v1/data_sources/{ds}/query"), json!({}))
        .await
        .ok()
        .clone()
}

/// Projects (with a rollup of task hours), Tasks (related to projects), and an unrelated Notes.
struct Fixture {
    projects: String,
    tasks: String,
    notes: String,
    project: String,
    task: String,
}

async fn fixture(api: &Api, root: &str) -> Fixture {
    let (_, projects) = api
        .database(root, "Projects", json!({"Name": {"title": {}}}))
        .await;
    let (_, tasks) = api
        .database(root, "Tasks", json!({
            "Name": {"title": {}},
            "Hours": {"number": {}},
            "Project": {"relation": {"data_source_id": projects, "dual_property": {"synced_property_name": "Tasks"}}}
        }))
        .await;
    api.patch(&format!("/v1/data_sources/{projects}"), json!({"properties": {
        "Total": {"rollup": {"relation_property_name": "Tasks", "rollup_property_name": "Hours", "function": "sum"}}
    }})).await.ok();
    let (_, notes) = api
        .database(root, "Notes", json!({"Name": {"title": {}}}))
        .await;
    api.row(&notes, json!({"Name": {"title": text("note")}}))
        .await;
    let project = id(&api
        .row(&projects, json!({"Name": {"title": text("P")}}))
        .await);
    let task = id(&api
        .row(
            &tasks,
            json!({"Hours": {"number": 2}, "Project": {"relation": [{"id": project}]}}),
        )
        .await);
    Fixture {
        projects,
        tasks,
        notes,
        project,
        task,
    }
}

#[tokio::test]
async fn a_row_update_reloads_its_data_source_and_rollups_over_it_only() {
    let (emu, api) = start().await;
    let f = fixture(&api, &emu.root_page_id()).await;
    let admin = emu.admin();
    // Warm every cache.
    for ds in [&f.projects, &f.tasks, &f.notes] {
        query(&api, ds).await;
    }
    let warm = admin.row_cache_loads();
    for ds in [&f.projects, &f.tasks, &f.notes] {
        query(&api, ds).await;
    }
    assert_eq!(admin.row_cache_loads(), warm, "no write, no reload");

    api.patch(
        &format!("/v1/pages/{}", f.task),
        json!({"properties": {"Hours": {"number": 7}}}),
    )
    .await
    .ok();
    let tasks = query(&api, &f.tasks).await;
    assert_eq!(tasks["results"][0]["properties"]["Hours"]["number"], 7);
    let projects = query(&api, &f.projects).await;
    assert_eq!(
        projects["results"][0]["properties"]["Total"]["rollup"]["number"],
        7.0
    );
    assert_eq!(
        (admin.row_cache_loads(), admin.row_cache_patches()),
        (warm + 1, 1),
        "tasks patch the written row, projects (rollup over tasks) reload"
    );
    query(&api, &f.notes).await;
    assert_eq!(admin.row_cache_loads(), warm + 1, "notes keeps its cache");
    assert_eq!(projects["results"][0]["id"], f.project.as_str());
}

#[tokio::test]
async fn block_content_and_comments_keep_every_cache() {
    let (emu, api) = start().await;
    let f = fixture(&api, &emu.root_page_id()).await;
    let admin = emu.admin();
    query(&api, &f.notes).await;
    let warm = admin.row_cache_loads();
    let page = api.page(&emu.root_page_id(), "Doc").await;
    api.patch(
        &format!("/v1/blocks/{page}/children"),
        json!({"children": [paragraph("text")]}),
    )
    .await
    .ok();
    api.post(
        "/v1/comments",
        json!({"parent": {"page_id": page}, "rich_text": text("hi")}),
    )
    .await
    .ok();
    query(&api, &f.notes).await;
    assert_eq!(admin.row_cache_loads(), warm);
}

#[tokio::test]
async fn schema_changes_people_and_moves_invalidate_what_they_touch() {
    let (emu, api) = start().await;
    let f = fixture(&api, &emu.root_page_id()).await;
    let admin = emu.admin();
    for ds in [&f.projects, &f.tasks, &f.notes] {
        query(&api, ds).await;
    }
    // Deleting the rolled-up property of Tasks: the Projects rollup must see it.
    let before = query(&api, &f.projects).await;
    assert_eq!(
        before["results"][0]["properties"]["Total"]["rollup"]["number"],
        2.0
    );
    api.patch(
        &format!("/v1/data_sources/{}", f.tasks),
        json!({"properties": {"Hours": null}}),
    )
    .await
    .ok();
    let projects = query(&api, &f.projects).await;
    assert_eq!(
        projects["results"][0]["properties"]["Total"]["rollup"]["type"],
        "array"
    );
    let tasks = query(&api, &f.tasks).await;
    assert!(tasks["results"][0]["properties"].get("Hours").is_none());
    // A new property of the same name is another property: the rollup must be pointed at it.
    api.patch(
        &format!("/v1/data_sources/{}", f.tasks),
        json!({"properties": {"Hours": {"number": {}}}}),
    )
    .await
    .ok();
    let projects = query(&api, &f.projects).await;
    assert_eq!(
        projects["results"][0]["properties"]["Total"]["rollup"]["type"],
        "array"
    );
    api.patch(&format!("/v1/data_sources/{}", f.projects), json!({"properties": {
        "Total": {"rollup": {"relation_property_name": "Tasks", "rollup_property_name": "Hours", "function": "sum"}}
    }})).await.ok();
    query(&api, &f.projects).await;
    api.patch(
        &format!("/v1/pages/{}", f.task),
        json!({"properties": {"Hours": {"number": 2}}}),
    )
    .await
    .ok();
    let projects = query(&api, &f.projects).await;
    assert_eq!(
        projects["results"][0]["properties"]["Total"]["rollup"]["number"],
        2.0
    );

    // Moving a task out of Tasks: its rollup contribution disappears.
    api.post(
        &format!("/v1/pages/{}/move", f.task),
        json!({"parent": {"page_id": emu.root_page_id()}}),
    )
    .await
    .ok();
    assert_eq!(query(&api, &f.tasks).await["results"], json!([]));
    let projects = query(&api, &f.projects).await;
    assert_eq!(
        projects["results"][0]["properties"]["Total"]["rollup"]["number"],
        0.0
    );

    // A new person is a global change: even Notes reloads.
    let warm = admin.row_cache_loads();
    admin.user("Ada", "ada@example.com");
    query(&api, &f.notes).await;
    assert_eq!(admin.row_cache_loads(), warm + 1);
}
