//! `orchestra template list|apply`, end to end (local workspace, no token).

use notion_emulator::testing::TestEmulator;
use serde_json::{Value, json};

use crate::support::{config_value, on, orchestra};

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
    assert_eq!(listed["local"][0]["placeholders"], json!(["name", "lead"]));
    assert_eq!(listed["notion"], json!([]));

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

/// `GET {path}` on the emulator with its token.
async fn get(emu: &TestEmulator, path: &str) -> Value {
    reqwest::Client::new()
        .get(format!("{}{path}", emu.base_url()))
        .bearer_auth(emu.token())
        .header("Notion-Version", "2025-09-03")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json")
}

fn plain(rich_text: &Value) -> String {
    rich_text
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t["plain_text"].as_str())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_notion_template_is_listed_and_applied_with_overrides() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let init = on(&emu, dir.path(), &["init", "--parent", &emu.root_page_id()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    let ds = config_value(dir.path(), "projects", "data_source_id");
    let template_id = emu.admin().template(
        &ds,
        "Weekly review",
        true,
        json!({
            "Name": {"title": [{"text": {"content": "Untitled review"}}]},
            "Status": {"select": {"name": "On Hold"}},
            "Priority": {"select": {"name": "Low"}}
        }),
        json!([
            {"type": "heading_2", "heading_2": {"rich_text": [{"text": {"content": "Agenda"}}]}},
            {"type": "paragraph", "paragraph": {"rich_text": [{"text": {"content": "Review last week."}}]}}
        ]),
    );

    let list = on(
        &emu,
        dir.path(),
        &["template", "list", "projects", "--json"],
    );
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        json(&list.stdout)["notion"],
        json!([{"id": template_id, "name": "Weekly review", "is_default": true}])
    );
    let text = on(&emu, dir.path(), &["template", "list", "projects"]);
    assert!(
        text.stdout.contains("Weekly review") && text.stdout.contains("(default)"),
        "{}",
        text.stdout
    );

    let applied = on(
        &emu,
        dir.path(),
        &[
            "template",
            "apply",
            "weekly review",
            "--database",
            "projects",
            "--set",
            "Name=Week 12",
            "--set",
            "Priority=High",
            "--json",
        ],
    );
    assert_eq!(applied.code, 0, "{}", applied.stderr);
    let applied = json(&applied.stdout);
    assert_eq!(
        (&applied["source"], &applied["template"]),
        (&Value::from("notion"), &Value::from("Weekly review"))
    );
    let page_id = applied["page_id"].as_str().expect("page id");

    let page = get(&emu, &format!("/v1/pages/{page_id}")).await;
    let properties = &page["properties"];
    assert_eq!(plain(&properties["Name"]["title"]), "Week 12", "--set wins");
    assert_eq!(
        properties["Priority"]["select"]["name"], "High",
        "--set wins"
    );
    assert_eq!(
        properties["Status"]["select"]["name"], "On Hold",
        "from the template"
    );
    let children = get(&emu, &format!("/v1/blocks/{page_id}/children")).await;
    let blocks: Vec<(String, String)> = children["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|b| {
            let kind = b["type"].as_str().unwrap_or_default().to_owned();
            let text = plain(&b[&kind]["rich_text"]);
            (kind, text)
        })
        .collect();
    assert_eq!(
        blocks,
        [
            ("heading_2".to_owned(), "Agenda".to_owned()),
            ("paragraph".to_owned(), "Review last week.".to_owned())
        ]
    );
}
