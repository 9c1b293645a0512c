//! `allow_async` Markdown edits, polled with `client.async_tasks()`.

use std::time::Duration;

use notion_api::api::{AsyncTasksHandler, MarkdownUpdate};
use notion_api::model::{Page, PageMarkdown, Parent, PropertyValue};
use notion_api::{Error, ErrorCode};
use serde_json::json;

use crate::support::{Env, api_error};

async fn page(env: &Env, title: &str) -> Page {
    env.client
        .pages()
        .create(Parent::page(env.root()))
        .property("title", PropertyValue::title(title))
        .send()
        .await
        .expect("create page")
}

#[tokio::test(start_paused = true)]
async fn a_queued_edit_is_waited_for_and_decoded() {
    let env = Env::start().await;
    let page = page(&env, "Doc").await;
    let edit = json!({
        "type": "replace_content",
        "replace_content": {"new_str": "# Plan\n\n- [ ] ship"},
        "allow_async": true
    });
    let update = env
        .client
        .pages()
        .update_markdown(page.id, &edit)
        .await
        .expect("queued");
    let MarkdownUpdate::Queued(task) = update else {
        panic!("expected a queued task, got {update:?}")
    };
    assert_eq!(task.status, "queued");
    let done = env
        .client
        .async_tasks()
        .wait(&task, Duration::from_secs(60))
        .await
        .expect("task finishes");
    assert_eq!(done.status, "succeeded");
    let markdown: PageMarkdown = AsyncTasksHandler::result(&done).expect("result");
    assert_eq!(markdown.markdown, "# Plan\n\n- [ ] ship\n");
    let fetched = env.client.pages().markdown(page.id).await.expect("read");
    assert_eq!(fetched.markdown, markdown.markdown);
}

#[tokio::test(start_paused = true)]
async fn a_failed_task_surfaces_as_the_api_error_and_unknown_tasks_are_404() {
    let env = Env::start().await;
    let page = page(&env, "Doc").await;
    let edit = json!({
        "type": "update_content",
        "update_content": {"content_updates": [{"old_str": "absent", "new_str": "x"}]},
        "allow_async": true
    });
    let MarkdownUpdate::Queued(task) = env
        .client
        .pages()
        .update_markdown(page.id, &edit)
        .await
        .expect("queued")
    else {
        panic!("expected a queued task")
    };
    let done = env
        .client
        .async_tasks()
        .wait(&task, Duration::from_secs(60))
        .await
        .expect("task finishes");
    let error = AsyncTasksHandler::result::<PageMarkdown>(&done).unwrap_err();
    api_error(&error, 400, ErrorCode::ValidationError);

    let unknown = env
        .client
        .async_tasks()
        .retrieve("task_00000000000000000000000000000000")
        .await
        .unwrap_err();
    assert!(unknown.is_not_found(), "{unknown}");
    assert!(!matches!(unknown, Error::TaskPending { .. }));
}
