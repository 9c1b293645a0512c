//! `orchestra sync`, end to end.

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::support::{on, write_requests};

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_projects_from_yaml_creates_then_changes_nothing() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let init = on(&emu, dir.path(), &["init", "--parent", &emu.root_page_id()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    std::fs::write(
        dir.path().join("projects.yaml"),
        "- Name: Alpha\n  Status: Active\n  Progress: 25\n  Due Date: 2026-06-01\n\
         - Name: Beta\n  Status: On Hold\n  Progress: 80\n\
         - Name: Gamma\n  Progress: 140\n",
    )
    .expect("write records");
    let args = ["sync", "projects", "--from", "projects.yaml", "--json"];

    let first = on(&emu, dir.path(), &args);
    assert_eq!(first.code, 1, "Gamma is invalid: {}", first.stderr);
    let summary = json(&first.stdout);
    assert_eq!(
        (
            &summary["created"],
            &summary["updated"],
            &summary["unchanged"],
            &summary["failed"]
        ),
        (
            &Value::from(2),
            &Value::from(0),
            &Value::from(0),
            &Value::from(1)
        ),
        "{summary}"
    );
    assert!(
        summary["requests"].as_u64().is_some_and(|n| n >= 3),
        "{summary}"
    );
    assert!(dir.path().join(".orchestra/state.sqlite").exists());

    std::fs::write(
        dir.path().join("projects.yaml"),
        "- Name: Alpha\n  Status: Completed\n  Progress: 25\n  Due Date: 2026-06-01\n\
         - Name: Beta\n  Status: On Hold\n  Progress: 80\n",
    )
    .expect("rewrite records");
    let dry = on(
        &emu,
        dir.path(),
        &["sync", "projects", "--from", "projects.yaml", "--dry-run"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(dry.stdout.contains("~ update \"Alpha\""), "{}", dry.stdout);
    assert!(
        dry.stdout.contains("\"Active\" -> \"Completed\""),
        "{}",
        dry.stdout
    );

    let second = on(&emu, dir.path(), &args);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let summary = json(&second.stdout);
    assert_eq!(
        (&summary["updated"], &summary["unchanged"]),
        (&Value::from(1), &Value::from(1))
    );

    crate::support::admin(
        &emu,
        reqwest::Method::DELETE,
        "/_emulator/stats",
        &Value::Null,
    )
    .await;
    let third = on(&emu, dir.path(), &args);
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert_eq!(json(&third.stdout)["unchanged"], Value::from(2));
    assert_eq!(write_requests(&emu).await, Vec::<String>::new());
}
