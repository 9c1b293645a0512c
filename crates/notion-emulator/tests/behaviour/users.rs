//! `/v1/users`.

use crate::support::{keys, start};

#[tokio::test]
async fn me_is_the_default_bot_with_workspace_limits() {
    let (emu, api) = start().await;
    let me = api.get("/v1/users/me").await;
    let me = me.ok();
    assert_eq!(me["id"], emu.bot_user_id().as_str());
    assert_eq!(
        keys(me),
        [
            "object",
            "id",
            "name",
            "avatar_url",
            "type",
            "bot",
            "request_id"
        ]
    );
    assert_eq!(me["bot"]["owner"]["type"], "workspace");
    assert_eq!(
        me["bot"]["workspace_limits"]["max_file_upload_size_in_bytes"],
        5_242_880
    );
}

#[tokio::test]
async fn list_paginates_and_retrieve_finds_people() {
    let (emu, api) = start().await;
    let ada = emu.admin().user("Ada", "ada@example.com");
    let first = api.get("/v1/users?page_size=2").await;
    let first = first.ok();
    assert_eq!(first["results"].as_array().unwrap().len(), 2);
    assert_eq!(first["has_more"], true);
    assert_eq!(first["type"], "user");
    let cursor = first["next_cursor"].as_str().unwrap();
    assert!(
        uuid_like(cursor).is_none(),
        "cursor should be opaque, got {cursor}"
    );
    let second = api
        .get(&format!("/v1/users?page_size=2&start_cursor={cursor}"))
        .await;
    assert_eq!(second.ok()["results"][0]["id"], ada.as_str());
    let one = api.get(&format!("/v1/users/{ada}")).await;
    assert_eq!(one.ok()["person"]["email"], "ada@example.com");
    api.get("/v1/users?page_size=101")
        .await
        .error(400, "validation_error");
}

#[tokio::test]
async fn user_info_capability_controls_emails_and_access() {
    let (emu, api) = start().await;
    emu.admin().user("Bob", "bob@example.com");
    let quiet = emu.admin().integration("quiet", &[], "without_email");
    let none = emu.admin().integration("none", &[], "none");
    let list = api.with_token(&quiet.token).get("/v1/users").await;
    let people: Vec<_> = list.ok()["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["type"] == "person")
        .cloned()
        .collect();
    assert!(people.iter().all(|p| p["person"].get("email").is_none()));
    api.with_token(&none.token)
        .get("/v1/users")
        .await
        .error(403, "restricted_resource");
}

fn uuid_like(s: &str) -> Option<uuid_shape::Shape> {
    uuid_shape::parse(s)
}

mod uuid_shape {
    pub(crate) struct Shape;
    pub(crate) fn parse(s: &str) -> Option<Shape> {
        let hex: String = s.chars().filter(|c| *c != '-').collect();
        (hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(Shape)
    }
}
