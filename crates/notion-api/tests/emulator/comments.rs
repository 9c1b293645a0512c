//! `/v1/comments`: create, reply, list, retrieve, update, delete.

use notion_api::ErrorCode;
use notion_api::model::rich_text::plain_text;
use notion_api::model::{Block, ParentKind, RichText};
use serde_json::json;

use crate::support::{Env, api_error, block, child_page};

#[tokio::test]
async fn discussion_lifecycle() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Review").await;
    let comments = env.client.comments();

    let first = comments
        .create_on_page(page.id)
        .rich_text(vec![
            RichText::text("Looks "),
            RichText::text("good").bold(),
        ])
        .send()
        .await
        .expect("create comment");
    assert_eq!(plain_text(&first.rich_text), "Looks good");
    assert!(
        first.rich_text[1]
            .annotations
            .as_ref()
            .is_some_and(|a| a.is_bold())
    );
    assert!(
        matches!(first.parent.kind, ParentKind::Page(id) if id == page.id),
        "{:?}",
        first.parent
    );
    assert_eq!(first.created_by.id.to_string(), env.emu.bot_user_id());

    let reply = comments
        .reply(first.discussion_id)
        .text("Agreed, ship it")
        .send()
        .await
        .expect("reply");
    assert_eq!(reply.discussion_id, first.discussion_id);
    assert_eq!(plain_text(&reply.rich_text), "Agreed, ship it");

    let listed = comments
        .list(block(page.id))
        .page_size(1)
        .collect_all()
        .await
        .expect("list");
    let ids: Vec<_> = listed.iter().map(|c| c.id).collect();
    assert_eq!(ids, [first.id, reply.id]);

    let fetched = comments.retrieve(reply.id).await.expect("retrieve");
    assert_eq!(plain_text(&fetched.rich_text), "Agreed, ship it");

    let edited = comments
        .update(
            reply.id,
            &json!({"rich_text": [{"text": {"content": "Agreed."}}]}),
        )
        .await
        .expect("update");
    assert_eq!(plain_text(&edited.rich_text), "Agreed.");

    comments.delete(reply.id).await.expect("delete");
    let left = comments
        .list(block(page.id))
        .collect_all()
        .await
        .expect("list after delete");
    assert_eq!(left.iter().map(|c| c.id).collect::<Vec<_>>(), [first.id]);
    let err = comments.retrieve(reply.id).await.unwrap_err();
    api_error(&err, 404, ErrorCode::ObjectNotFound);
}

#[tokio::test]
async fn comment_on_a_block() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Blocky").await;
    let para = env
        .client
        .blocks()
        .append(block(page.id), vec![Block::paragraph("Claim")])
        .send()
        .await
        .unwrap()
        .results[0]
        .id;
    let comment = env
        .client
        .comments()
        .create_on_block(para)
        .text("Source?")
        .send()
        .await
        .expect("comment");
    assert!(
        matches!(comment.parent.kind, ParentKind::Block(id) if id == para),
        "{:?}",
        comment.parent
    );
    let listed = env
        .client
        .comments()
        .list(para)
        .collect_all()
        .await
        .expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(plain_text(&listed[0].rich_text), "Source?");
}

#[tokio::test]
async fn markdown_comments_keep_inline_formatting() {
    let env = Env::start().await;
    let page = child_page(&env.client, env.root(), "Markdown").await;
    let comment = env
        .client
        .comments()
        .create_on_page(page.id)
        .markdown("Agreed, **ship it**")
        .send()
        .await
        .expect("markdown comment");
    assert_eq!(plain_text(&comment.rich_text), "Agreed, ship it");
    let bold: Vec<&str> = comment
        .rich_text
        .iter()
        .filter(|t| t.annotations.as_ref().is_some_and(|a| a.is_bold()))
        .map(|t| t.plain())
        .collect();
    assert_eq!(bold, ["ship it"]);
}
