//! Request limits: typed `Error::Api` with code `validation_error` and Notion's
//! message naming the JSON path.

use notion_api::model::{Block, PropertySchema, PropertyValue, RichText};
use notion_api::{Error, ErrorCode};

use crate::support::{Env, api_error, block, child_page, database};

#[track_caller]
fn validation_message(result: Result<impl std::fmt::Debug, Error>) -> String {
    let err = result.expect_err("the request breaks a limit");
    assert!(
        !err.is_retryable() && !err.is_write_maybe_committed(),
        "{err}"
    );
    api_error(&err, 400, ErrorCode::ValidationError)
        .message
        .clone()
}

#[tokio::test]
async fn text_longer_than_2000_characters() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "L").await;
    let long = "x".repeat(2001);
    let result = env
        .client
        .blocks()
        .append(
            block(page.id),
            vec![Block::paragraph("ok"), Block::paragraph(long)],
        )
        .send()
        .await;
    assert_eq!(
        validation_message(result),
        "body failed validation: body.children[1].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`."
    );
}

#[tokio::test]
async fn more_than_100_children() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "L").await;
    let blocks = (0..101).map(|n| Block::paragraph(n.to_string())).collect();
    let result = env
        .client
        .blocks()
        .append(block(page.id), blocks)
        .send()
        .await;
    assert_eq!(
        validation_message(result),
        "body failed validation: body.children.length should be ≤ `100`, instead was `101`."
    );
    let children = env
        .client
        .blocks()
        .children(block(page.id))
        .collect_all()
        .await
        .unwrap();
    assert!(children.is_empty(), "nothing was appended");
}

#[tokio::test]
async fn three_levels_of_nested_children() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "L").await;
    let two_levels = Block::toggle("1").with_children(vec![
        Block::toggle("2").with_children(vec![Block::paragraph("3")]),
    ]);
    env.client
        .blocks()
        .append(block(page.id), vec![two_levels])
        .send()
        .await
        .expect("two nested levels are fine");
    let three_levels =
        Block::toggle("1").with_children(vec![Block::toggle("2").with_children(vec![
            Block::toggle("3").with_children(vec![Block::paragraph("4")]),
        ])]);
    let message = validation_message(
        env.client
            .blocks()
            .append(block(page.id), vec![three_levels])
            .send()
            .await,
    );
    assert!(
        message.starts_with("body failed validation: body.children[0].toggle.children[0].toggle.children[0].toggle.children should be not present"),
        "{message}"
    );
}

#[tokio::test]
async fn urls_longer_than_2000_characters() {
    let env = Env::start().await;
    let (_, ds) = database(
        &env.client,
        env.root(),
        "U",
        vec![("Link", PropertySchema::url())],
    )
    .await;
    let url = format!(
        "https://example.com/{}",
        "a".repeat(2001 - "https://example.com/".len())
    );
    assert_eq!(url.len(), 2001);
    let result = env
        .client
        .pages()
        .create(notion_api::model::Parent::data_source(ds))
        .property("Name", PropertyValue::title("too long"))
        .property("Link", PropertyValue::url(url.clone()))
        .send()
        .await;
    assert_eq!(
        validation_message(result),
        "body failed validation: body.properties.Link.url.length should be ≤ `2000`, instead was `2001`."
    );

    let page = child_page(&env.client, env.root(), "L").await;
    let link = Block::paragraph_rich(vec![RichText::link("here", url)]);
    let message = validation_message(
        env.client
            .blocks()
            .append(block(page.id), vec![link])
            .send()
            .await,
    );
    assert_eq!(
        message,
        "body failed validation: body.children[0].paragraph.rich_text[0].text.link.url.length should be ≤ `2000`, instead was `2001`."
    );
}
