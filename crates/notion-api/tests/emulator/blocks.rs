//! `/v1/blocks`: retrieve, update, trash and restore, list and append children
//! (the legacy `after` in 2025-09-03 and `position` in 2026-03-11 from one call).

use notion_api::api::AppendPosition;
use notion_api::model::{Block, BlockContent, BlockId, rich_text::plain_text};
use notion_api::{ApiVersion, Client, Error};
use serde_json::json;

use crate::support::{Env, block, child_page};

fn texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| plain_text(b.content.rich_text()))
        .collect()
}

async fn child_texts(client: &Client, parent: BlockId) -> Vec<String> {
    texts(
        &client
            .blocks()
            .children(parent)
            .collect_all()
            .await
            .expect("children"),
    )
}

#[tokio::test]
async fn retrieve_update_trash_and_restore_a_block() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Blocks").await;
    let appended = env
        .client
        .blocks()
        .append(
            block(page.id),
            vec![Block::to_do("Buy milk", false), Block::paragraph("Note")],
        )
        .send()
        .await
        .expect("append");
    assert_eq!(texts(&appended.results), ["Buy milk", "Note"]);
    let todo = appended.results[0].id;

    let fetched = env.client.blocks().retrieve(todo).await.expect("retrieve");
    assert_eq!(fetched.type_name, "to_do");
    assert!(
        matches!(&fetched.content, BlockContent::ToDo(t) if t.checked == Some(false)),
        "{:?}",
        fetched.content
    );

    let updated = env
        .client
        .blocks()
        .update(todo, &json!({"to_do": {"checked": true, "rich_text": [{"text": {"content": "Bought milk"}}]}}))
        .await
        .expect("update");
    assert!(
        matches!(&updated.content, BlockContent::ToDo(t) if t.checked == Some(true)),
        "{:?}",
        updated.content
    );
    assert_eq!(plain_text(updated.content.rich_text()), "Bought milk");

    let deleted = env.client.blocks().delete(todo).await.expect("delete");
    assert!(deleted.in_trash);
    assert_eq!(child_texts(&env.client, block(page.id)).await, ["Note"]);

    let restored = env
        .client
        .blocks()
        .update(todo, &json!({"in_trash": false}))
        .await
        .expect("restore");
    assert!(!restored.in_trash);
    assert_eq!(
        child_texts(&env.client, block(page.id)).await,
        ["Bought milk", "Note"]
    );
}

#[tokio::test]
async fn nested_children_and_pagination() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Nested").await;
    let toggle = Block::toggle("Details").with_children(vec![Block::paragraph("inside")]);
    let mut blocks = vec![toggle];
    blocks.extend((0..30).map(|n| Block::bulleted(format!("item {n}"))));
    let appended = env
        .client
        .blocks()
        .append(block(page.id), blocks)
        .send()
        .await
        .expect("append");
    assert_eq!(appended.results.len(), 31);
    assert!(appended.results[0].has_children);

    let all = env
        .client
        .blocks()
        .children(block(page.id))
        .page_size(7)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 31, "every child across pages of 7");
    let first_page = env
        .client
        .blocks()
        .children(block(page.id))
        .page_size(7)
        .send()
        .await
        .unwrap();
    assert_eq!(first_page.results.len(), 7);
    assert!(first_page.has_more);
    assert_eq!(
        child_texts(&env.client, appended.results[0].id).await,
        ["inside"]
    );
}

async fn append_positions(version: ApiVersion) {
    let env = Env::start().await;
    let client = env.versioned(version);
    let page = child_page(&client, env.root(), "Order").await;
    let first = client
        .blocks()
        .append(
            block(page.id),
            vec![Block::paragraph("one"), Block::paragraph("three")],
        )
        .send()
        .await
        .expect("append");
    client
        .blocks()
        .append(block(page.id), vec![Block::paragraph("two")])
        .after(first.results[0].id)
        .send()
        .await
        .expect("append after");
    client
        .blocks()
        .append(block(page.id), vec![Block::paragraph("four")])
        .position(AppendPosition::End)
        .send()
        .await
        .expect("append at end");
    assert_eq!(
        child_texts(&client, block(page.id)).await,
        ["one", "two", "three", "four"]
    );

    let start = client
        .blocks()
        .append(block(page.id), vec![Block::paragraph("zero")])
        .position(AppendPosition::Start)
        .send()
        .await;
    if version >= ApiVersion::V2026_03_11 {
        start.expect("append at start (2026-03-11)");
        assert_eq!(
            child_texts(&client, block(page.id)).await,
            ["zero", "one", "two", "three", "four"]
        );
    } else {
        assert!(
            matches!(start, Err(Error::Config(_))),
            "start needs 2026-03-11: {start:?}"
        );
    }
}

#[tokio::test]
async fn append_after_a_block_in_2025_09_03() {
    append_positions(ApiVersion::V2025_09_03).await;
}

#[tokio::test]
async fn append_with_position_in_2026_03_11() {
    append_positions(ApiVersion::V2026_03_11).await;
}
