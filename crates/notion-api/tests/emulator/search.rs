//! `POST /v1/search`: title query, object filter, sort by last edit.

use notion_api::api::SearchFilter;
use notion_api::model::SearchResult;
use notion_api::model::rich_text::plain_text;

use crate::support::{Env, child_page, database};

fn result_titles(results: &[SearchResult]) -> Vec<String> {
    results
        .iter()
        .map(|r| match r {
            SearchResult::Page(p) => p.title().unwrap_or_default(),
            SearchResult::DataSource(d) => plain_text(&d.title),
            other => panic!("unexpected search result {other:?}"),
        })
        .collect()
}

#[tokio::test]
async fn search_filters_by_object_and_sorts_by_last_edit() {
    let env = Env::start().await;
    for title in [
        "Quarterly report A",
        "Quarterly report B",
        "Quarterly report C",
    ] {
        child_page(&env.client, env.root(), title).await;
    }
    child_page(&env.client, env.root(), "Unrelated").await;
    database(&env.client, env.root(), "Quarterly report index", vec![]).await;

    let pages = env
        .client
        .search()
        .query("Quarterly report")
        .filter(SearchFilter::Pages)
        .sort_by_last_edited(true)
        .page_size(2)
        .collect_all()
        .await
        .expect("search pages");
    assert!(
        pages.iter().all(|r| matches!(r, SearchResult::Page(_))),
        "{pages:?}"
    );
    assert_eq!(
        result_titles(&pages),
        [
            "Quarterly report A",
            "Quarterly report B",
            "Quarterly report C"
        ]
    );

    let newest_first = env
        .client
        .search()
        .query("Quarterly report")
        .filter(SearchFilter::Pages)
        .sort_by_last_edited(false)
        .collect_all()
        .await
        .expect("search descending");
    assert_eq!(
        result_titles(&newest_first),
        [
            "Quarterly report C",
            "Quarterly report B",
            "Quarterly report A"
        ]
    );

    let sources = env
        .client
        .search()
        .query("Quarterly report")
        .filter(SearchFilter::DataSources)
        .collect_all()
        .await
        .expect("search data sources");
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert!(sources[0].as_data_source().is_some(), "{sources:?}");

    let first = env
        .client
        .search()
        .query("Quarterly report")
        .page_size(1)
        .send()
        .await
        .expect("one page");
    assert_eq!(first.results.len(), 1);
    assert!(first.has_more && first.next_cursor.is_some());
}
