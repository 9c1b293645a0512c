//! Data survives a restart on a file database.

use notion_emulator::testing::TestEmulator;
use notion_emulator::{AppOptions, AppState};

use crate::support::Api;

#[tokio::test]
async fn file_database_survives_restart_with_stable_identities() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    let state = AppState::open(&path, AppOptions::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let emu = TestEmulator::start_on(listener, state);
    let (token, root) = (emu.token(), emu.root_page_id());
    let page = Api::new(&emu).page(&root, "Persistent").await;
    emu.stop().await;

    let state = AppState::open(&path, AppOptions::default()).unwrap();
    assert_eq!(state.token(), token);
    assert_eq!(state.root_page_id(), root);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let emu = TestEmulator::start_on(listener, state);
    let fetched = Api::new(&emu).get(&format!("/v1/pages/{page}")).await;
    assert_eq!(
        fetched.ok()["properties"]["title"]["title"][0]["plain_text"],
        "Persistent"
    );
    emu.stop().await;

    let state = AppState::open(&path, AppOptions::default().with_token("secret_fixed")).unwrap();
    assert_eq!(state.token(), "secret_fixed");
    assert_eq!(state.root_page_id(), root);
}
