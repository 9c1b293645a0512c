//! Databases, data sources, schemas, relations, rollups and queries.

use serde_json::{Value, json};

use crate::support::{id, keys, start, text};

#[tokio::test]
async fn database_and_data_source_shapes_match_fixtures() {
    let (emu, api) = start().await;
    let body = json!({"parent": {"page_id": emu.root_page_id()}, "title": text("Test DB")});
    let db = api.post("/v1/databases", body).await;
    let db = db.ok();
    assert_eq!(
        keys(db),
        [
            "object",
            "id",
            "title",
            "description",
            "parent",
            "is_inline",
            "in_trash",
            "is_locked",
            "created_time",
            "last_edited_time",
            "data_sources",
            "icon",
            "cover",
            "url",
            "public_url",
            "archived",
            "request_id"
        ]
    );
    let ds_id = db["data_sources"][0]["id"].as_str().unwrap();
    assert_eq!(db["data_sources"][0]["name"], "Test DB");
    let ds = api.get(&format!("/v1/data_sources/{ds_id}")).await;
    let ds = ds.ok();
    assert_eq!(
        keys(ds),
        [
            "object",
            "id",
            "cover",
            "icon",
            "created_time",
            "created_by",
            "last_edited_by",
            "last_edited_time",
            "title",
            "description",
            "is_inline",
            "properties",
            "parent",
            "database_parent",
            "url",
            "public_url",
            "in_trash",
            "archived",
            "request_id"
        ]
    );
    assert_eq!(
        ds["properties"]["Name"],
        json!({"id": "title", "name": "Name", "description": null, "type": "title", "title": {}})
    );
    let templates = api
        .get(&format!("/v1/data_sources/{ds_id}/templates"))
        .await;
    assert_eq!(
        templates.ok(),
        &json!({"templates": [], "has_more": false, "next_cursor": null})
    );
}

#[tokio::test]
async fn schema_updates_add_rename_and_delete() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "S",
            json!({"Name": {"title": {}}, "Old": {"rich_text": {}}}),
        )
        .await;
    let path = format!("/v1/data_sources/{ds}");
    let updated = api
        .patch(&path, json!({"properties": {"Old": {"name": "New"}, "Priority": {"select": {"options": [{"name": "High"}]}}}}))
        .await;
    let props = &updated.ok()["properties"];
    assert!(props.get("Old").is_none() && props["New"]["type"] == "rich_text");
    assert_eq!(props["Priority"]["select"]["options"][0]["name"], "High");
    let removed = api.patch(&path, json!({"properties": {"New": null}})).await;
    assert!(removed.ok()["properties"].get("New").is_none());
    let message = api
        .patch(
            &path,
            json!({"properties": {"Tags": {"multi_select": {"options": [{"name": "a,b"}]}}}}),
        )
        .await
        .error(400, "validation_error");
    assert!(message.contains("commas"), "{message}");
}

#[tokio::test]
async fn selects_grow_status_defaults_and_unique_ids_count() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(&emu.root_page_id(), "T", json!({"Name": {"title": {}}, "Tags": {"multi_select": {}}, "State": {"status": {}}, "Key": {"unique_id": {"prefix": "T"}}}))
        .await;
    let first = api
        .row(
            &ds,
            json!({"Tags": {"multi_select": [{"name": "red"}, {"name": "blue"}]}}),
        )
        .await;
    assert_eq!(
        first["properties"]["State"]["status"]["name"],
        "Not started"
    );
    assert_eq!(
        first["properties"]["Key"]["unique_id"],
        json!({"prefix": "T", "number": 1})
    );
    let second = api
        .row(&ds, json!({"State": {"status": {"name": "Done"}}}))
        .await;
    assert_eq!(second["properties"]["Key"]["unique_id"]["number"], 2);
    let schema = api.get(&format!("/v1/data_sources/{ds}")).await;
    let schema = schema.ok();
    let options: Vec<&str> = schema["properties"]["Tags"]["multi_select"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(options, ["red", "blue"]);
    let groups: Vec<&str> = schema["properties"]["State"]["status"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["To-do", "In progress", "Complete"]);
    api.row_error(&ds, json!({"State": {"status": {"name": "Nope"}}}))
        .await;
}

impl crate::support::Api {
    async fn row_error(&self, ds: &str, properties: Value) {
        self.post(
            "/v1/pages",
            json!({"parent": {"data_source_id": ds}, "properties": properties}),
        )
        .await
        .error(400, "validation_error");
    }
}

#[tokio::test]
async fn dual_relations_stay_in_sync_and_rollups_compute() {
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
    let project_schema = api.get(&format!("/v1/data_sources/{projects}")).await;
    assert_eq!(
        project_schema.ok()["properties"]["Tasks"]["relation"]["data_source_id"],
        tasks.as_str()
    );
    api.patch(&format!("/v1/data_sources/{projects}"), json!({"properties": {
        "Total": {"rollup": {"relation_property_name": "Tasks", "rollup_property_name": "Hours", "function": "sum"}}
    }})).await.ok();
    let project = id(&api
        .row(&projects, json!({"Name": {"title": text("P")}}))
        .await);
    let t1 = id(&api
        .row(
            &tasks,
            json!({"Hours": {"number": 2}, "Project": {"relation": [{"id": project}]}}),
        )
        .await);
    api.row(
        &tasks,
        json!({"Hours": {"number": 3}, "Project": {"relation": [{"id": project}]}}),
    )
    .await;
    let page = api.get(&format!("/v1/pages/{project}")).await;
    let page = page.ok();
    assert_eq!(
        page["properties"]["Tasks"]["relation"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(page["properties"]["Total"]["rollup"]["number"], 5.0);
    api.patch(
        &format!("/v1/pages/{t1}"),
        json!({"properties": {"Project": {"relation": []}}}),
    )
    .await
    .ok();
    let page = api.get(&format!("/v1/pages/{project}")).await;
    assert_eq!(
        page.ok()["properties"]["Tasks"]["relation"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(page.body["properties"]["Total"]["rollup"]["number"], 3.0);
}

#[tokio::test]
async fn query_filters_sorts_paginates_and_hides_trash() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "Q",
            json!({"Name": {"title": {}}, "N": {"number": {}}}),
        )
        .await;
    let mut ids = Vec::new();
    for n in 0..7 {
        ids.push(id(&api
            .row(
                &ds,
                json!({"Name": {"title": text(&format!("r{n}"))}, "N": {"number": n}}),
            )
            .await));
    }
    api.patch(&format!("/v1/pages/{}", ids[6]), json!({"in_trash": true}))
        .await
        .ok();
    let path = format!("/v1/data_sources/{ds}/query");
    let body = json!({"filter": {"property": "N", "number": {"greater_than_or_equal_to": 2}}, "sorts": [{"property": "N", "direction": "descending"}], "page_size": 3});
    let first = api.post(&path, body.clone()).await;
    let first = first.ok();
    let numbers = |v: &Value| -> Vec<f64> {
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["properties"]["N"]["number"].as_f64().unwrap())
            .collect()
    };
    assert_eq!(numbers(first), [5.0, 4.0, 3.0]);
    assert_eq!(first["type"], "page_or_data_source");
    let mut next = body;
    next["start_cursor"] = first["next_cursor"].clone();
    let second = api.post(&path, next).await;
    assert_eq!(numbers(second.ok()), [2.0]);
    assert_eq!(second.body["has_more"], false);
    let unsorted = api.post(&path, json!({})).await;
    assert_eq!(
        unsorted.ok()["results"].as_array().unwrap().len(),
        6,
        "trashed row hidden"
    );
    api.post(&path, json!({"page_size": 101}))
        .await
        .error(400, "validation_error");
    api.post(
        &path,
        json!({"filter": {"property": "Missing", "number": {"equals": 1}}}),
    )
    .await
    .error(400, "validation_error");
}

#[tokio::test]
async fn queries_stop_at_ten_thousand_rows() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(&emu.root_page_id(), "Big", json!({"Name": {"title": {}}}))
        .await;
    let state = emu.state().clone();
    let ds_for_fill = ds.clone();
    notion_emulator::testing::fill_rows(&state, &ds_for_fill, 10_050);
    let path = format!("/v1/data_sources/{ds}/query");
    let mut cursor = Value::Null;
    let mut seen = 0;
    let mut pages = 0;
    loop {
        let mut body = json!({"page_size": 100, "filter_properties": []});
        if !cursor.is_null() {
            body["start_cursor"] = cursor.clone();
        }
        let response = api.post(&path, body).await;
        let list = response.ok();
        seen += list["results"].as_array().unwrap().len();
        pages += 1;
        if list["has_more"] == false {
            assert_eq!(
                list["request_status"],
                json!({"type": "incomplete", "incomplete_reason": "query_result_limit_reached"})
            );
            break;
        }
        cursor = list["next_cursor"].clone();
        assert!(pages < 200);
    }
    assert_eq!(seen, 10_000);
}

#[tokio::test]
async fn large_sorted_queries_filter_and_keep_creation_order_on_ties() {
    let (emu, api) = start().await;
    let (_, ds) = api
        .database(
            &emu.root_page_id(),
            "Filled",
            json!({"Name": {"title": {}}, "Kind": {"select": {"options": [{"name": "odd"}, {"name": "even"}]}}, "Score": {"number": {}}}),
        )
        .await;
    let state = emu.state().clone();
    let fill_ds = ds.clone();
    tokio::task::spawn_blocking(move || {
        notion_emulator::testing::fill_rows_with(&state, &fill_ds, 90, |n| {
            json!({
                "Name": {"title": [{"text": {"content": format!("row {n}")}}]},
                "Kind": {"select": {"name": if n % 2 == 0 { "even" } else { "odd" }}},
                "Score": {"number": n % 3},
            })
        });
    })
    .await
    .unwrap();
    let body = json!({
        "filter": {"and": [
            {"property": "Kind", "select": {"equals": "even"}},
            {"property": "Score", "number": {"greater_than": 0}},
        ]},
        "sorts": [{"property": "Score", "direction": "descending"}],
        "page_size": 100,
    });
    let list = api
        .post(&format!("/v1/data_sources/{ds}/query"), body)
        .await
        .ok()
        .clone();
    let names: Vec<String> = list["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|page| {
            page["properties"]["Name"]["title"][0]["plain_text"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // Even rows with score 2 (n % 6 == 2), then score 1 (n % 6 == 4), each oldest first.
    let expected: Vec<String> = (0..90)
        .filter(|n| n % 6 == 2)
        .chain((0..90).filter(|n| n % 6 == 4))
        .map(|n| format!("row {n}"))
        .collect();
    assert_eq!(names, expected);
    assert_eq!(
        list["results"][0]["properties"]["Kind"]["select"]["name"],
        "even"
    );
}
