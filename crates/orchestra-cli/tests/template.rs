//! `orchestra template list|apply`, end to end (local workspace, no token).

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::support::{on, orchestra};

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn template_list_and_apply_with_placeholders() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let init = on(&emu, dir.path(), &["init", "--parent", &emu.root_page_id()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    std::fs::create_dir(dir.path().join("templates")).expect("dir");
    std::fs::write(
        dir.path().join("templates/kickoff.md"),
        "---\ndatabase: projects\ndescription: A new project\nproperties:\n  Name: \"{{name}}\"\n  Status: Active\n---\n# {{name}}\n\nLed by {{lead}}.\n",
    )
    .expect("template");

    let list = on(
        &emu,
        dir.path(),
        &["template", "list", "projects", "--json"],
    );
    assert_eq!(list.code, 0, "{}", list.stderr);
    let listed = json(&list.stdout);
    assert_eq!(listed["local"][0]["name"], "kickoff");
    assert_eq!(
        listed["local"][0]["placeholders"],
        serde_json::json!(["name", "lead"])
    );
    assert_eq!(listed["notion"], serde_json::json!([]));

    let missing = on(
        &emu,
        dir.path(),
        &["template", "apply", "kickoff", "--set", "name=Apollo"],
    );
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("missing values for placeholders: lead"),
        "{}",
        missing.stderr
    );

    let applied = on(
        &emu,
        dir.path(),
        &[
            "template",
            "apply",
            "kickoff",
            "--set",
            "name=Apollo",
            "--set",
            "lead=Ada",
            "--json",
        ],
    );
    assert_eq!(applied.code, 0, "{}", applied.stderr);
    let page = json(&applied.stdout);
    assert_eq!(
        (&page["source"], &page["blocks"]),
        (&Value::from("local"), &Value::from(2))
    );

    let found = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "archive",
            "projects",
            "--where",
            "Name = Apollo",
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(json(&found.stdout)["matched"], 1, "{}", found.stdout);

    let notion = on(
        &emu,
        dir.path(),
        &["template", "apply", "Weekly", "--database", "projects"],
    );
    assert_eq!(notion.code, 2);
    assert!(
        notion.stderr.contains("Notion templates: none"),
        "{}",
        notion.stderr
    );
}

#[test]
fn template_list_works_without_a_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = orchestra(
        dir.path(),
        "http://127.0.0.1:9",
        None,
        &["template", "list"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("No local templates"), "{}", run.stdout);
}
