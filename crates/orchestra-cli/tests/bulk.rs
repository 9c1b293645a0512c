//! `orchestra bulk update|archive`, end to end.

use std::path::Path;

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::support::{admin, on, write_requests};

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

/// Provisions the workspace and syncs six projects into it.
fn seeded(emu: &TestEmulator, dir: &Path) {
    let init = on(emu, dir, &["init", "--parent", &emu.root_page_id()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    std::fs::write(
        dir.join("projects.yaml"),
        "- {Name: Alpha, Status: Active, Progress: 10}\n\
         - {Name: Beta, Status: Active, Progress: 60}\n\
         - {Name: Gamma, Status: Active, Progress: 30}\n\
         - {Name: Delta, Status: On Hold, Progress: 20}\n\
         - {Name: Epsilon, Status: In Progress, Progress: 90}\n\
         - {Name: Zeta, Status: Completed, Progress: 100}\n",
    )
    .expect("records");
    let sync = on(emu, dir, &["sync", "projects", "--from", "projects.yaml"]);
    assert_eq!(sync.code, 0, "{}", sync.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_update_previews_refuses_without_yes_then_writes() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    seeded(&emu, dir.path());
    admin(
        &emu,
        reqwest::Method::DELETE,
        "/_emulator/stats",
        &Value::Null,
    )
    .await;
    let filter = "Status = Active and Progress < 50";

    let refused = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "update",
            "projects",
            "--where",
            filter,
            "--set",
            "Priority=High",
        ],
    );
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("pass --yes"), "{}", refused.stderr);
    assert!(
        refused.stdout.contains("Alpha"),
        "preview: {}",
        refused.stdout
    );
    assert!(
        refused.stdout.contains("2 rows match"),
        "{}",
        refused.stdout
    );
    assert!(write_requests(&emu).await.is_empty(), "nothing written");

    let dry = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "update",
            "projects",
            "--where",
            filter,
            "--set",
            "Priority=High",
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    let preview = json(&dry.stdout);
    assert_eq!(preview["matched"], 2, "{preview}");
    assert_eq!(
        preview["columns"],
        serde_json::json!(["Name", "Status", "Progress", "Priority"])
    );

    let done = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "update",
            "projects",
            "--where",
            filter,
            "--set",
            "Priority=High",
            "--yes",
            "--json",
        ],
    );
    assert_eq!(done.code, 0, "{}", done.stderr);
    let summary = json(&done.stdout);
    assert_eq!(
        (
            &summary["matched"],
            &summary["updated"],
            &summary["failed"],
            &summary["requests"]
        ),
        (
            &Value::from(2),
            &Value::from(2),
            &Value::from(0),
            &Value::from(4)
        ),
        "schema + query + 2 writes: {summary}"
    );

    let check = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "archive",
            "projects",
            "--where",
            "Priority = High",
            "--dry-run",
            "--json",
        ],
    );
    let rows = json(&check.stdout);
    let mut matched: Vec<&str> = rows["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["values"][0].as_str())
        .collect();
    matched.sort_unstable();
    assert_eq!(matched, vec!["Alpha", "Gamma"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_archive_and_filter_errors() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    seeded(&emu, dir.path());

    let typo = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "archive",
            "projects",
            "--where",
            "Progres > 50",
            "--yes",
        ],
    );
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean \"Progress\"?"),
        "{}",
        typo.stderr
    );
    assert!(typo.stderr.contains("column 1"), "{}", typo.stderr);

    let syntax = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "archive",
            "projects",
            "--where",
            "Progress >",
            "--yes",
        ],
    );
    assert_eq!(syntax.code, 2);
    assert!(
        syntax.stderr.contains("expected a value after `>`"),
        "{}",
        syntax.stderr
    );

    let archived = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "archive",
            "projects",
            "--where",
            "Progress > 50",
            "--yes",
        ],
    );
    assert_eq!(archived.code, 0, "{}", archived.stderr);
    assert!(
        archived.stdout.contains("3 matched, 3 archived, 0 failed"),
        "{}",
        archived.stdout
    );
    let left = on(
        &emu,
        dir.path(),
        &[
            "bulk",
            "archive",
            "projects",
            "--where",
            "Name is not empty",
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(json(&left.stdout)["matched"], 3, "{}", left.stdout);
}
