//! Sharing (404 until an object is shared) and capabilities (403 for a read-only
//! integration that writes), seen through typed errors.

use notion_api::model::{Parent, PropertyValue};
use notion_api::{ApiVersion, Client, ErrorCode};

use crate::support::{Env, api_error, builder_for, child_page};

fn client_with_token(env: &Env, token: &str) -> Client {
    builder_for(&env.emu)
        .token(token.to_owned())
        .notion_version(ApiVersion::V2025_09_03)
        .build()
        .expect("client")
}

#[tokio::test]
async fn unshared_pages_are_not_found_until_shared() {
    let env = Env::start().await;
    let secret = child_page(&env.client, env.root(), "Secret plans").await;
    let other = env.emu.admin().integration("Other", &[], "with_email");
    let other_client = client_with_token(&env, &other.token);

    let err = other_client
        .pages()
        .retrieve(secret.id)
        .send()
        .await
        .unwrap_err();
    let api = api_error(&err, 404, ErrorCode::ObjectNotFound);
    assert!(err.is_not_found());
    assert!(
        api.message
            .starts_with(&format!("Could not find page with ID: {}.", secret.id)),
        "{}",
        api.message
    );
    assert!(
        api.message
            .contains("shared with your integration \"Other\""),
        "{}",
        api.message
    );
    let hits = other_client
        .search()
        .query("Secret")
        .collect_all()
        .await
        .unwrap();
    assert!(hits.is_empty(), "search shows only shared objects");

    env.emu.admin().share(&other.token, &secret.id.to_string());
    let seen = other_client
        .pages()
        .retrieve(secret.id)
        .send()
        .await
        .expect("visible after sharing");
    assert_eq!(seen.title().as_deref(), Some("Secret plans"));
    assert_eq!(
        other_client
            .search()
            .query("Secret")
            .collect_all()
            .await
            .unwrap()
            .len(),
        1
    );

    env.emu
        .admin()
        .unshare(&other.token, &secret.id.to_string());
    let err = other_client
        .pages()
        .retrieve(secret.id)
        .send()
        .await
        .unwrap_err();
    api_error(&err, 404, ErrorCode::ObjectNotFound);
}

#[tokio::test]
async fn read_only_integration_cannot_write() {
    let env = Env::start().await;
    let reader = env
        .emu
        .admin()
        .integration("Reader", &["read_content"], "with_email");
    env.emu
        .admin()
        .share(&reader.token, &env.emu.root_page_id());
    let reader_client = client_with_token(&env, &reader.token);

    let root = reader_client
        .pages()
        .retrieve(env.root())
        .send()
        .await
        .expect("reading is allowed");
    assert_eq!(root.id, env.root());

    let err = reader_client
        .pages()
        .create(Parent::page(env.root()))
        .property("title", PropertyValue::title("nope"))
        .send()
        .await
        .unwrap_err();
    let api = api_error(&err, 403, ErrorCode::RestrictedResource);
    assert_eq!(
        api.message,
        "API token does not have access to this resource."
    );
    assert!(!err.is_retryable() && !err.is_write_maybe_committed());

    let err = reader_client
        .comments()
        .create_on_page(env.root())
        .text("hi")
        .send()
        .await
        .unwrap_err();
    api_error(&err, 403, ErrorCode::RestrictedResource);
    let me = reader_client.users().me().await.expect("me");
    assert_eq!(me.id.to_string(), reader.bot_user_id);
}

#[tokio::test]
async fn a_bad_token_is_unauthorized() {
    let env = Env::start().await;
    let client = client_with_token(&env, "ntn_not_a_real_token");
    let err = client.users().me().await.unwrap_err();
    let api = api_error(&err, 401, ErrorCode::Unauthorized);
    assert_eq!(api.message, "API token is invalid.");
    assert_eq!(client.stats().retries, 0, "401 is not retried");
}
