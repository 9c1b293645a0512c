//! `/v1/databases` and `/v1/data_sources`: create, retrieve, update, templates.

use notion_api::model::property::{NumberFormat, SelectOption};
use notion_api::model::rich_text::plain_text;
use notion_api::model::{Parent, PropertyConfig, PropertySchema, PropertyValue, RichText};

use crate::support::{Env, database};

#[tokio::test]
async fn create_retrieve_and_update_a_database() {
    let env = Env::start().await;
    let db = env
        .client
        .databases()
        .create(Parent::page(env.root()))
        .title_text("Projects")
        .description(vec![RichText::text("All projects")])
        .property("Name", PropertySchema::title())
        .property("Budget", PropertySchema::number(NumberFormat::Dollar))
        .send()
        .await
        .expect("create database");
    assert_eq!(plain_text(&db.title), "Projects");
    let sources = db.data_sources.clone().expect("data sources listed");
    assert_eq!(sources.len(), 1);
    assert!(
        db.properties.is_none(),
        "2025-09-03 databases carry no schema"
    );

    let fetched = env
        .client
        .databases()
        .retrieve(db.id)
        .await
        .expect("retrieve");
    assert_eq!(fetched.id, db.id);
    assert_eq!(fetched.data_sources.unwrap()[0].id, sources[0].id);
    assert_eq!(
        fetched.description.as_deref().map(plain_text).as_deref(),
        Some("All projects")
    );

    let updated = env
        .client
        .databases()
        .update(db.id)
        .title(vec![RichText::text("Projects 2026")])
        .is_inline(true)
        .send()
        .await
        .expect("update");
    assert_eq!(plain_text(&updated.title), "Projects 2026");
    assert_eq!(updated.is_inline, Some(true));

    // The schema lives on the data source.
    let source = env
        .client
        .data_sources()
        .retrieve(sources[0].id)
        .await
        .expect("data source");
    let budget = &source.properties["Budget"];
    assert!(
        matches!(&budget.config, PropertyConfig::Number(n) if n.format == Some(NumberFormat::Dollar)),
        "{budget:?}"
    );
    assert!(matches!(
        source.properties["Name"].config,
        PropertyConfig::Title(_)
    ));
}

#[tokio::test]
async fn data_source_create_update_rename_and_delete_property() {
    let env = Env::start().await;
    let (db, first) = database(&env.client, env.root(), "Library", vec![]).await;
    let second = env
        .client
        .data_sources()
        .create(db)
        .title(vec![RichText::text("Books")])
        .property("Title", PropertySchema::title())
        .property(
            "Genre",
            PropertySchema::select(vec![
                SelectOption::named("Fiction"),
                SelectOption::named("Poetry"),
            ]),
        )
        .property("Pages", PropertySchema::number(NumberFormat::Number))
        .send()
        .await
        .expect("create data source");
    assert_ne!(second.id, first);
    assert_eq!(plain_text(&second.title), "Books");
    let listed = env
        .client
        .databases()
        .retrieve(db)
        .await
        .unwrap()
        .data_sources
        .unwrap();
    assert!(listed.iter().any(|s| s.id == second.id), "{listed:?}");

    let pages_id = second.properties["Pages"].id.clone().expect("property id");
    let updated = env
        .client
        .data_sources()
        .update(second.id)
        .title(vec![RichText::text("Books & Poems")])
        .property("Genre", PropertySchema::rename("Kind"))
        .remove_property("Pages")
        .property("Read", PropertySchema::checkbox())
        .send()
        .await
        .expect("update data source");
    assert_eq!(plain_text(&updated.title), "Books & Poems");
    let names: Vec<&str> = updated.properties.keys().map(String::as_str).collect();
    assert_eq!(names, ["Kind", "Read", "Title"]);
    let PropertyConfig::Select(kind) = &updated.properties["Kind"].config else {
        panic!(
            "the renamed property keeps its type: {:?}",
            updated.properties["Kind"]
        );
    };
    let options: Vec<_> = kind
        .options
        .iter()
        .flatten()
        .filter_map(|o| o.name.clone())
        .collect();
    assert_eq!(options, ["Fiction", "Poetry"]);
    assert!(
        !updated
            .properties
            .values()
            .any(|p| p.id.as_deref() == Some(pages_id.as_str()))
    );

    // Rows use the new names.
    let book = env
        .client
        .pages()
        .create(Parent::data_source(second.id))
        .property("Title", PropertyValue::title("Dune"))
        .property("Kind", PropertyValue::select("Fiction"))
        .send()
        .await
        .expect("set renamed property");
    assert_eq!(
        book.property("Kind").and_then(PropertyValue::option_name),
        Some("Fiction")
    );
    assert!(book.property("Pages").is_none());
}

#[tokio::test]
async fn templates_of_a_fresh_data_source_are_an_empty_typed_list() {
    let env = Env::start().await;
    let (_, ds) = database(&env.client, env.root(), "T", vec![]).await;
    let page = env
        .client
        .data_sources()
        .templates(ds)
        .send()
        .await
        .expect("templates");
    assert!(page.results.is_empty());
    assert!(!page.has_more);
    assert!(
        env.client
            .data_sources()
            .templates(ds)
            .collect_all()
            .await
            .unwrap()
            .is_empty()
    );
}
