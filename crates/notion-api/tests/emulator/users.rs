//! `/v1/users`: list, retrieve, me.

use notion_api::ErrorCode;
use notion_api::model::{UserId, UserKind};

use crate::support::{Env, api_error};

#[tokio::test]
async fn me_is_the_integration_bot() {
    let env = Env::start().await;
    let me = env.client.users().me().await.expect("users/me");
    assert_eq!(me.id.to_string(), env.emu.bot_user_id());
    assert!(matches!(me.kind, UserKind::Bot(_)), "{me:?}");
    assert_eq!(me.type_name.as_deref(), Some("bot"));
}

#[tokio::test]
async fn list_and_retrieve_people() {
    let env = Env::start().await;
    let ada = env.emu.admin().user("Ada Lovelace", "ada@example.com");
    let grace = env.emu.admin().user("Grace Hopper", "grace@example.com");

    let users = env
        .client
        .users()
        .list()
        .page_size(1)
        .collect_all()
        .await
        .expect("list users");
    let ids: Vec<String> = users.iter().map(|u| u.id.to_string()).collect();
    assert!(ids.contains(&ada) && ids.contains(&grace), "{ids:?}");
    assert!(
        ids.contains(&env.emu.bot_user_id()),
        "bots are listed too: {ids:?}"
    );
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "pagination repeats no user");

    let user = env
        .client
        .users()
        .retrieve(UserId::parse(&ada).unwrap())
        .await
        .expect("retrieve user");
    assert_eq!(user.display_name(), Some("Ada Lovelace"));
    match &user.kind {
        UserKind::Person(person) => assert_eq!(person.email.as_deref(), Some("ada@example.com")),
        other => panic!("expected a person, got {other:?}"),
    }
}

#[tokio::test]
async fn unknown_user_is_404() {
    let env = Env::start().await;
    let missing = UserId::parse("00000000-0000-4000-8000-000000000001").unwrap();
    let err = env.client.users().retrieve(missing).await.unwrap_err();
    api_error(&err, 404, ErrorCode::ObjectNotFound);
    assert!(err.is_not_found());
}
