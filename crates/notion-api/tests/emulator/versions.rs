//! One workspace through three `Notion-Version`s: the 2022-06-28 database query,
//! 2025-09-03 data sources, and 2026-03-11 (no `archived`).

use notion_api::ApiVersion;
use notion_api::api::SearchFilter;
use notion_api::model::SearchResult;
use notion_api::model::{Filter, Page, PropertySchema, PropertyValue, Sort};

use crate::support::{Env, database, row};

fn names(pages: &[Page]) -> Vec<String> {
    pages.iter().filter_map(Page::title).collect()
}

#[tokio::test]
async fn the_same_rows_through_every_version() {
    let env = Env::start().await;
    let (db, ds) = database(
        &env.client,
        env.root(),
        "Versions",
        vec![("Done", PropertySchema::checkbox())],
    )
    .await;
    for (name, done) in [("a", true), ("b", false), ("c", true)] {
        row(
            &env.client,
            ds,
            name,
            vec![("Done", PropertyValue::checkbox(done))],
        )
        .await;
    }
    let filter = Filter::checkbox("Done").equals(true);
    let sorts = vec![Sort::ascending("Name")];

    let legacy = env.versioned(ApiVersion::V2022_06_28);
    let old = legacy
        .databases()
        .query_legacy(db)
        .filter(&filter)
        .sorts(&sorts)
        .collect_all()
        .await
        .expect("2022 query");
    let current = env
        .client
        .data_sources()
        .query(ds)
        .filter(&filter)
        .sorts(&sorts)
        .collect_all()
        .await
        .expect("2025 query");
    let next = env.versioned(ApiVersion::V2026_03_11);
    let newest = next
        .data_sources()
        .query(ds)
        .filter(&filter)
        .sorts(&sorts)
        .collect_all()
        .await
        .expect("2026 query");
    assert_eq!(names(&old), ["a", "c"]);
    assert_eq!(names(&current), ["a", "c"]);
    assert_eq!(names(&newest), ["a", "c"]);
    assert_eq!(
        old.iter().map(|p| p.id).collect::<Vec<_>>(),
        current.iter().map(|p| p.id).collect::<Vec<_>>()
    );

    // 2022-06-28 rows hang under the database; later versions name the data source.
    assert!(
        matches!(old[0].parent.kind, notion_api::model::ParentKind::Database(id) if id == db),
        "{:?}",
        old[0].parent
    );
    assert!(
        matches!(current[0].parent.kind, notion_api::model::ParentKind::DataSource { data_source_id, .. } if data_source_id == ds),
        "{:?}",
        current[0].parent
    );

    // `archived` is gone in 2026-03-11.
    assert_eq!(current[0].archived, Some(false));
    assert_eq!(old[0].archived, Some(false));
    assert_eq!(
        newest[0].archived, None,
        "2026-03-11 pages have no `archived`"
    );
    let block = next
        .blocks()
        .retrieve(crate::support::block(env.root()))
        .await
        .expect("2026 block");
    assert_eq!(block.archived, None);
    let source = next
        .data_sources()
        .retrieve(ds)
        .await
        .expect("2026 data source");
    assert_eq!(source.archived, None);
    assert_eq!(
        env.client
            .data_sources()
            .retrieve(ds)
            .await
            .unwrap()
            .archived,
        Some(false)
    );
}

#[tokio::test]
async fn databases_in_2022_carry_their_schema() {
    let env = Env::start().await;
    let legacy = env.versioned(ApiVersion::V2022_06_28);
    let db = legacy
        .databases()
        .create(notion_api::model::Parent::page(env.root()))
        .title_text("Old style")
        .property("Name", PropertySchema::title())
        .property("Done", PropertySchema::checkbox())
        .send()
        .await
        .expect("2022 create");
    let props = db.properties.expect("2022 databases carry properties");
    assert!(
        props.contains_key("Done") && props.contains_key("Name"),
        "{props:?}"
    );
    assert!(db.data_sources.is_none(), "no data sources in 2022-06-28");

    // The 2025 view of the same database has one data source with that schema.
    let modern = env
        .client
        .databases()
        .retrieve(db.id)
        .await
        .expect("2025 retrieve");
    let ds = modern.data_sources.expect("data sources")[0].id;
    let source = env
        .client
        .data_sources()
        .retrieve(ds)
        .await
        .expect("data source");
    assert!(source.properties.contains_key("Done"));

    // Search filters by "database" in 2022 and returns database objects.
    let hits = legacy
        .search()
        .query("Old style")
        .filter(SearchFilter::DataSources)
        .collect_all()
        .await
        .expect("2022 search");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(
        matches!(&hits[0], SearchResult::Database(d) if d.id == db.id),
        "{hits:?}"
    );
}
