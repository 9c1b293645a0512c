//! `/v1/pages`: create, retrieve, update, move, property items.

use notion_api::ErrorCode;
use notion_api::model::property::{PropertyItemContent, PropertyItemResponse};
use notion_api::model::{
    Block, Icon, IconKind, PageId, ParentKind, PropertySchema, PropertyValue, PropertyValueContent,
};

use crate::support::{Env, api_error, block, child_page, database, row};

#[tokio::test]
async fn create_retrieve_update_and_trash_a_page() {
    let env = Env::start().await;
    let page = env
        .client
        .pages()
        .create(notion_api::model::Parent::page(env.root()))
        .property("title", PropertyValue::title("Draft"))
        .icon(Icon::emoji("📝"))
        .children(vec![Block::heading_1("Intro"), Block::paragraph("Hello")])
        .send()
        .await
        .expect("create page");
    assert_eq!(page.title().as_deref(), Some("Draft"));
    assert!(
        matches!(page.parent.kind, ParentKind::Page(id) if id == env.root()),
        "{:?}",
        page.parent
    );
    assert!(!page.in_trash);

    let fetched = env
        .client
        .pages()
        .retrieve(page.id)
        .send()
        .await
        .expect("retrieve");
    assert_eq!(fetched.id, page.id);
    assert_eq!(fetched.title().as_deref(), Some("Draft"));
    let icon = fetched.icon.expect("icon kept");
    assert!(
        matches!(&icon.kind, IconKind::Emoji(e) if e == "📝"),
        "{icon:?}"
    );

    let children = env
        .client
        .blocks()
        .children(block(page.id))
        .collect_all()
        .await
        .expect("children");
    let kinds: Vec<&str> = children.iter().map(|b| b.type_name.as_str()).collect();
    assert_eq!(kinds, ["heading_1", "paragraph"]);

    let updated = env
        .client
        .pages()
        .update(page.id)
        .property("title", PropertyValue::title("Final"))
        .icon(None)
        .send()
        .await
        .expect("update");
    assert_eq!(updated.title().as_deref(), Some("Final"));
    assert!(updated.icon.is_none());

    let trashed = env
        .client
        .pages()
        .update(page.id)
        .in_trash(true)
        .send()
        .await
        .expect("trash");
    assert!(trashed.in_trash);
    let restored = env
        .client
        .pages()
        .update(page.id)
        .in_trash(false)
        .send()
        .await
        .expect("restore");
    assert!(!restored.in_trash);
}

#[tokio::test]
async fn rows_carry_typed_property_values() {
    let env = Env::start().await;
    let (_, ds) = database(
        &env.client,
        env.root(),
        "Tasks",
        vec![
            ("Done", PropertySchema::checkbox()),
            (
                "Points",
                PropertySchema::number(notion_api::model::property::NumberFormat::Number),
            ),
            ("Link", PropertySchema::url()),
        ],
    )
    .await;
    let task = row(
        &env.client,
        ds,
        "Write tests",
        vec![
            ("Done", PropertyValue::checkbox(true)),
            ("Points", PropertyValue::number(5)),
            ("Link", PropertyValue::url("https://example.com/x")),
        ],
    )
    .await;
    assert!(
        matches!(task.parent.kind, ParentKind::DataSource { .. }),
        "{:?}",
        task.parent
    );
    let page = env
        .client
        .pages()
        .retrieve(task.id)
        .send()
        .await
        .expect("retrieve row");
    assert_eq!(page.title().as_deref(), Some("Write tests"));
    assert!(matches!(
        page.property("Done").map(|p| &p.value),
        Some(PropertyValueContent::Checkbox(true))
    ));
    assert_eq!(
        page.property("Points")
            .and_then(PropertyValue::as_number)
            .map(ToString::to_string)
            .as_deref(),
        Some("5")
    );
    assert!(
        matches!(page.property("Link").map(|p| &p.value), Some(PropertyValueContent::Url(Some(u))) if u == "https://example.com/x")
    );

    // filter_properties trims the returned properties to the named ids.
    let done_id = page
        .property("Done")
        .and_then(|p| p.id.clone())
        .expect("property id");
    let trimmed = env
        .client
        .pages()
        .retrieve(task.id)
        .filter_properties([done_id])
        .send()
        .await
        .expect("retrieve trimmed");
    assert_eq!(trimmed.properties.keys().collect::<Vec<_>>(), ["Done"]);

    let cleared = env
        .client
        .pages()
        .update(task.id)
        .clear_property("Link", "url")
        .send()
        .await
        .expect("clear");
    assert!(matches!(
        cleared.property("Link").map(|p| &p.value),
        Some(PropertyValueContent::Url(None))
    ));
}

#[tokio::test]
async fn move_a_page_under_another_parent() {
    let env = Env::start().await;
    let a = child_page(&env.client, env.root(), "A").await;
    let b = child_page(&env.client, env.root(), "B").await;
    let moved = env
        .client
        .pages()
        .move_to(b.id, notion_api::model::Parent::page(a.id))
        .await
        .expect("move");
    assert!(
        matches!(moved.parent.kind, ParentKind::Page(id) if id == a.id),
        "{:?}",
        moved.parent
    );
    let under_a = env
        .client
        .blocks()
        .children(block(a.id))
        .collect_all()
        .await
        .expect("children of A");
    assert!(
        under_a.iter().any(|c| c.id == block(b.id)),
        "B is a child page of A now"
    );
    let under_root = env
        .client
        .blocks()
        .children(block(env.root()))
        .collect_all()
        .await
        .expect("root children");
    assert!(
        !under_root.iter().any(|c| c.id == block(b.id)),
        "B left the root"
    );
}

#[tokio::test]
async fn relation_with_30_pages_reads_completely_through_property_items() {
    let env = Env::start().await;
    let (_, targets) = database(&env.client, env.root(), "Targets", vec![]).await;
    let mut related: Vec<PageId> = Vec::new();
    for n in 0..30 {
        related.push(
            row(&env.client, targets, &format!("target {n}"), vec![])
                .await
                .id,
        );
    }
    let (_, sources) = database(
        &env.client,
        env.root(),
        "Sources",
        vec![("Links", PropertySchema::relation(targets))],
    )
    .await;
    let source = row(
        &env.client,
        sources,
        "hub",
        vec![("Links", PropertyValue::relation(related.clone()))],
    )
    .await;

    let page = env
        .client
        .pages()
        .retrieve(source.id)
        .send()
        .await
        .expect("retrieve");
    let links = page.property("Links").expect("Links property");
    let PropertyValueContent::Relation(shown) = &links.value else {
        panic!("relation expected: {links:?}");
    };
    assert_eq!(shown.len(), 25, "a page object shows 25 relations");
    assert_eq!(links.has_more, Some(true));
    let property_id = links.id.clone().expect("property id");

    // The first page of the property endpoint is a typed list.
    let first = env
        .client
        .pages()
        .property(source.id, &property_id)
        .await
        .expect("property");
    let PropertyItemResponse::List(list) = first else {
        panic!("relation property items are paginated: {first:?}");
    };
    assert_eq!(list.property_item.type_name, "relation");

    let items = env
        .client
        .pages()
        .property_items(source.id, &property_id)
        .page_size(7)
        .collect_all()
        .await
        .expect("all property items");
    let ids: Vec<String> = items
        .iter()
        .map(|item| match &item.value {
            PropertyItemContent::Relation(reference) => reference.id.clone(),
            other => panic!("relation item expected: {other:?}"),
        })
        .collect();
    let expected: Vec<String> = related.iter().map(ToString::to_string).collect();
    assert_eq!(ids, expected, "all 30 related pages, in order");
}

#[tokio::test]
async fn scalar_property_item_is_a_single_item() {
    let env = Env::start().await;
    let (_, ds) = database(
        &env.client,
        env.root(),
        "T",
        vec![("Done", PropertySchema::checkbox())],
    )
    .await;
    let page = row(
        &env.client,
        ds,
        "x",
        vec![("Done", PropertyValue::checkbox(true))],
    )
    .await;
    let id = page.property("Done").and_then(|p| p.id.clone()).unwrap();
    match env
        .client
        .pages()
        .property(page.id, &id)
        .await
        .expect("property")
    {
        PropertyItemResponse::Item(item) => {
            assert!(
                matches!(item.value, PropertyItemContent::Checkbox(true)),
                "{item:?}"
            );
        }
        other => panic!("checkbox is a single item: {other:?}"),
    }
    let err = env
        .client
        .pages()
        .property(page.id, "nope")
        .await
        .unwrap_err();
    api_error(&err, 400, ErrorCode::ValidationError);
}
