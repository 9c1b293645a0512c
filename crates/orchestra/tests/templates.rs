//! `orchestra::templates`: pages from local Markdown templates; Notion's templates.

use std::collections::BTreeMap;

use futures::TryStreamExt;
use notion_model::block::BlockContent;
use orchestra::record::page_record;
use orchestra::sync::SyncTarget;
use orchestra::templates::{apply_local, apply_notion, list_local, list_notion};

use crate::support::{TestResult, provisioned};

const PROJECT: &str = "---\n\
database: projects\n\
description: A project in planning\n\
properties:\n  \
  Name: \"{{name}}\"\n  \
  Status: Active\n  \
  Progress: \"{{progress}}\"\n\
---\n\
# {{name}}\n\
\n\
Owner: {{owner}}.\n\
\n\
- first step\n\
- second step\n";

fn text(items: &Option<Vec<notion_model::RichText>>) -> String {
    notion_model::rich_text::plain_text(items.as_deref().unwrap_or_default())
}

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_local_template_with_placeholders_becomes_a_page() -> TestResult {
    let (_emu, workspace) = provisioned().await;
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("project.md"), PROJECT)?;
    std::fs::write(dir.path().join("notes.txt"), "not a template")?;
    let templates = list_local(dir.path())?;
    assert_eq!(templates.len(), 1);
    let template = &templates[0];
    assert_eq!(template.placeholders(), vec!["name", "progress", "owner"]);

    let target = SyncTarget::resolve(&workspace, "projects").await?;
    let missing = apply_local(
        &workspace,
        &target,
        template,
        &values(&[("name", "Apollo")]),
    )
    .await
    .expect_err("missing placeholders");
    assert!(
        missing
            .to_string()
            .contains("missing values for placeholders: progress, owner"),
        "{missing}"
    );

    let applied = apply_local(
        &workspace,
        &target,
        template,
        &values(&[
            ("name", "Apollo"),
            ("progress", "40"),
            ("owner", "Ada"),
            ("Priority", "High"),
        ]),
    )
    .await?;
    assert_eq!(applied.blocks, 4);

    let client = workspace.client();
    let page = client.pages().retrieve(applied.page_id).send().await?;
    let live = workspace.live_schema("projects").await?;
    let record = page_record(&page, &live);
    assert_eq!(record.text("Name"), Some("Apollo"));
    assert_eq!(record.text("Status"), Some("Active"));
    assert_eq!(record.text("Priority"), Some("High"), "--set of a property");
    assert_eq!(record.number("Progress"), Some(40.0));

    let blocks: Vec<notion_model::Block> = client
        .blocks()
        .children(applied.page_id.into())
        .stream()
        .try_collect()
        .await?;
    let texts: Vec<String> = blocks
        .iter()
        .map(|b| match &b.content {
            BlockContent::Heading1(t) => {
                format!("h1 {}", text(&t.rich_text))
            }
            BlockContent::Paragraph(t) => {
                format!("p {}", text(&t.rich_text))
            }
            BlockContent::BulletedListItem(t) => {
                format!("- {}", text(&t.rich_text))
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            "h1 Apollo",
            "p Owner: Ada.",
            "- first step",
            "- second step"
        ]
    );
    Ok(())
}

#[tokio::test]
async fn invalid_template_values_send_nothing() -> TestResult {
    let (emu, workspace) = provisioned().await;
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("project.md"), PROJECT)?;
    let template = &list_local(dir.path())?[0];
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    crate::support::reset_stats(&emu).await;
    let err = apply_local(
        &workspace,
        &target,
        template,
        &values(&[("name", "X"), ("progress", "140"), ("owner", "Ada")]),
    )
    .await
    .expect_err("progress out of range");
    assert!(matches!(err, orchestra::Error::Invalid(_)), "{err}");
    let typo = apply_local(
        &workspace,
        &target,
        template,
        &values(&[
            ("name", "X"),
            ("progres", "1"),
            ("progress", "1"),
            ("owner", "A"),
        ]),
    )
    .await
    .expect_err("unknown name");
    assert!(
        typo.to_string().contains("Did you mean \"progress\"?"),
        "{typo}"
    );
    let used = crate::support::stats(&emu).await;
    assert!(crate::support::writes(&used).is_empty(), "{used}");
    Ok(())
}

#[tokio::test]
async fn notion_templates_are_listed_and_unknown_ones_explained() -> TestResult {
    let (_emu, workspace) = provisioned().await;
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    assert!(list_notion(&workspace, &target).await?.is_empty());
    let err = apply_notion(
        &workspace,
        &target,
        "Weekly review",
        &orchestra::record::Record::new(),
    )
    .await
    .expect_err("no such template");
    assert!(err.to_string().contains("Notion templates: none"), "{err}");
    Ok(())
}

#[tokio::test]
async fn a_notion_template_gives_defaults_and_content_under_the_record() -> TestResult {
    let (emu, workspace) = provisioned().await;
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    emu.admin().template(
        &target.data_source.to_string(),
        "Kick-off",
        false,
        serde_json::json!({
            "Status": {"select": {"name": "On Hold"}},
            "Progress": {"number": 0.1}
        }),
        serde_json::json!([
            {"type": "to_do", "to_do": {"rich_text": [{"text": {"content": "Invite the team"}}]}}
        ]),
    );
    let listed = list_notion(&workspace, &target).await?;
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].name.as_str(), listed[0].is_default),
        ("Kick-off", false)
    );

    let record = orchestra::record::Record::from_assignments(["Name=Apollo", "Progress=40"])
        .map_err(std::io::Error::other)?;
    let applied = apply_notion(&workspace, &target, "kick-off", &record).await?;
    assert_eq!(
        (applied.template.as_str(), applied.source.as_str()),
        ("Kick-off", "notion")
    );

    let client = workspace.client();
    let page = client.pages().retrieve(applied.page_id).send().await?;
    let live = workspace.live_schema("projects").await?;
    let made = page_record(&page, &live);
    assert_eq!(made.text("Name"), Some("Apollo"));
    assert_eq!(made.text("Status"), Some("On Hold"), "from the template");
    assert_eq!(made.number("Progress"), Some(40.0), "the record wins");
    let blocks: Vec<notion_model::Block> = client
        .blocks()
        .children(applied.page_id.into())
        .stream()
        .try_collect()
        .await?;
    let texts: Vec<String> = blocks
        .iter()
        .map(|b| match &b.content {
            BlockContent::ToDo(t) => format!("[ ] {}", text(&t.rich_text)),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, ["[ ] Invite the team"]);
    Ok(())
}
