//! `POST /v1/search`.

use serde_json::json;

use crate::support::start;

#[tokio::test]
async fn title_search_filters_sorts_and_paginates() {
    let (emu, api) = start().await;
    for title in ["Alpha report", "beta REPORT", "Gamma"] {
        api.page(&emu.root_page_id(), title).await;
    }
    api.database(
        &emu.root_page_id(),
        "Reports DB",
        json!({"Name": {"title": {}}}),
    )
    .await;
    let hits = api.post("/v1/search", json!({"query": "report"})).await;
    let hits = hits.ok();
    assert_eq!(hits["results"].as_array().unwrap().len(), 3);
    assert_eq!(hits["type"], "page_or_data_source");
    let pages = api
        .post(
            "/v1/search",
            json!({"query": "report", "filter": {"property": "object", "value": "page"}}),
        )
        .await;
    assert_eq!(pages.ok()["results"].as_array().unwrap().len(), 2);
    let asc = api.post("/v1/search", json!({"sort": {"timestamp": "last_edited_time", "direction": "ascending"}, "page_size": 1})).await;
    let asc = asc.ok();
    assert_eq!(asc["results"][0]["id"], emu.root_page_id().as_str());
    assert_eq!(asc["has_more"], true);
    let cursor = asc["next_cursor"].clone();
    let next = api.post("/v1/search", json!({"sort": {"timestamp": "last_edited_time", "direction": "ascending"}, "page_size": 1, "start_cursor": cursor})).await;
    assert_ne!(next.ok()["results"][0]["id"], emu.root_page_id().as_str());
    api.post(
        "/v1/search",
        json!({"filter": {"property": "object", "value": "database"}}),
    )
    .await
    .error(400, "validation_error");
}
