//! `orchestra comment add|list`, end to end.

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::support::on;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comment_add_with_a_mention_then_list() {
    let emu = TestEmulator::start().await;
    emu.admin().user("Grace Hopper", "grace@example.com");
    let dir = tempfile::tempdir().expect("tempdir");
    let init = on(&emu, dir.path(), &["init", "--parent", &emu.root_page_id()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    let page = on(
        &emu,
        dir.path(),
        &["page", "create", "projects", "--set", "Name=Apollo"],
    );
    assert_eq!(page.code, 0, "{}", page.stderr);

    let added = on(
        &emu,
        dir.path(),
        &[
            "comment",
            "add",
            "Apollo",
            "Ready for review",
            "--mention",
            "grace@example.com",
            "--database",
            "projects",
        ],
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let unknown = on(
        &emu,
        dir.path(),
        &["comment", "add", "Apollo", "x", "--mention", "Grace Hoper"],
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean \"Grace Hopper\"?"),
        "{}",
        unknown.stderr
    );

    let listed = on(&emu, dir.path(), &["comment", "list", "Apollo"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(
        listed.stdout.contains("@Grace Hopper Ready for review"),
        "{}",
        listed.stdout
    );

    let json = on(
        &emu,
        dir.path(),
        &["comment", "list", page.stdout.trim(), "--json"],
    );
    let value: Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(
        value["comments"].as_array().map(Vec::len),
        Some(1),
        "{value}"
    );
    assert_eq!(
        value["comments"][0]["mentions"].as_array().map(Vec::len),
        Some(1)
    );
}
