//! `orchestra::sync`: upsert by key against the emulator over HTTP.

use std::collections::HashMap;
use std::time::Duration;

use futures::TryStreamExt;
use notion_api::{Client, RateLimit, RetryPolicy};
use notion_emulator::FaultSpec;
use notion_emulator::testing::TestEmulator;
use orchestra::config::Config;
use orchestra::record::{LiveSchema, PlainValue, Record, page_record};
use orchestra::schema::WorkspaceSchema;
use orchestra::sync::{
    StateStore, SyncAction, SyncOptions, SyncReport, SyncTarget, read_records, sync_records,
};
use orchestra::workspace::Workspace;
use serde_json::{Value, json};

use crate::support::{init, reset_stats, root, stats, writes};

/// A client for the emulator: no proactive rate limit, short backoff, no per-request timeout
/// (the tests run on paused time, so injected `Retry-After`s cost nothing).
fn fast_client(emu: &TestEmulator) -> Client {
    Client::builder()
        .token(emu.token())
        .base_url(emu.base_url())
        .rate_limit(RateLimit::Off)
        .retry(
            RetryPolicy::default()
                .base_delay(Duration::from_millis(10))
                .max_delay(Duration::from_millis(200)),
        )
        .no_timeout()
        .build()
        .expect("client")
}

async fn provisioned_fast() -> (TestEmulator, Workspace) {
    let emu = TestEmulator::start().await;
    let client = fast_client(&emu);
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false)
        .await
        .expect("init");
    (
        emu,
        Workspace::new(client, config, WorkspaceSchema::builtin()),
    )
}

fn project(n: usize, status: &str) -> Record {
    Record::new()
        .set("Name", format!("Project {n:04}"))
        .set("Status", status)
        .set("Progress", (n % 101) as f64)
        .set(
            "Due Date",
            format!("2026-{:02}-{:02}", n % 12 + 1, n % 28 + 1),
        )
        .set("Description", format!("Synced project number {n}"))
}

async fn run(workspace: &Workspace, state: &StateStore, records: &[Record]) -> SyncReport {
    let target = SyncTarget::resolve(workspace, "projects")
        .await
        .expect("target");
    sync_records(
        workspace,
        &target,
        records,
        state,
        &SyncOptions::default(),
        &|_| {},
    )
    .await
    .expect("sync")
}

/// Every row of the projects database as plain records, by Name (panics on duplicates).
async fn rows_by_name(workspace: &Workspace) -> HashMap<String, Record> {
    let (_, ds) = workspace.database("projects").expect("projects");
    let source = workspace
        .client()
        .data_sources()
        .retrieve(ds)
        .await
        .expect("schema");
    let live = LiveSchema::from_data_source(&source);
    let pages: Vec<notion_model::Page> = workspace
        .client()
        .data_sources()
        .query(ds)
        .scan_all()
        .try_collect()
        .await
        .expect("rows");
    let mut rows = HashMap::new();
    for page in &pages {
        let record = page_record(page, &live);
        let name = record.key.clone().expect("title");
        assert!(
            rows.insert(name.clone(), record).is_none(),
            "duplicate {name}"
        );
    }
    rows
}

fn assert_values(rows: &HashMap<String, Record>, records: &[Record]) {
    assert_eq!(rows.len(), records.len());
    for record in records {
        let name = record.text("Name").expect("name");
        let row = &rows[name];
        for (property, value) in &record.values {
            assert_eq!(row.values.get(property), Some(value), "{name}: {property}");
        }
    }
}

fn requests_by(stats: &Value, method: &str, path_prefix: &str) -> usize {
    stats["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r["method"] == method && r["path"].as_str().unwrap_or("").starts_with(path_prefix)
        })
        .count()
}

#[tokio::test(start_paused = true)]
async fn a_second_sync_of_500_records_changes_nothing_and_only_reads() {
    let (emu, workspace) = provisioned_fast().await;
    let state = StateStore::in_memory().expect("state");
    let records: Vec<Record> = (0..500).map(|n| project(n, "Active")).collect();

    let first = run(&workspace, &state, &records).await;
    assert_eq!((first.created, first.failed), (500, 0), "{first:?}");
    assert_values(&rows_by_name(&workspace).await, &records);

    reset_stats(&emu).await;
    let second = run(&workspace, &state, &records).await;
    assert_eq!(
        (
            second.created,
            second.updated,
            second.unchanged,
            second.failed
        ),
        (0, 0, 500, 0)
    );
    let stats = stats(&emu).await;
    assert_eq!(writes(&stats), Vec::<String>::new());
    assert_eq!(
        second.requests,
        1 + 5,
        "one schema read and five query pages"
    );
}

#[tokio::test(start_paused = true)]
async fn only_changed_properties_are_sent_and_a_bad_record_does_not_stop_the_others() {
    let (emu, workspace) = provisioned_fast().await;
    let state = StateStore::in_memory().expect("state");
    let mut records: Vec<Record> = (0..20).map(|n| project(n, "Active")).collect();
    run(&workspace, &state, &records).await;

    records[3] = project(3, "Completed");
    records[7] = records[7].clone().set("Progress", 150.0);
    records.push(project(20, "On Hold"));
    reset_stats(&emu).await;
    let report = run(&workspace, &state, &records).await;
    assert_eq!(
        (
            report.created,
            report.updated,
            report.unchanged,
            report.failed
        ),
        (1, 1, 18, 1)
    );
    let changed = report
        .records
        .iter()
        .find(|r| r.action == SyncAction::Update)
        .expect("update");
    assert_eq!(changed.key, "Project 0003");
    let names: Vec<&str> = changed
        .changes
        .iter()
        .map(|c| c.property.as_str())
        .collect();
    assert_eq!(names, ["Status"]);
    assert_eq!(report.records[7].action, SyncAction::Failed);
    let stats = stats(&emu).await;
    assert_eq!(requests_by(&stats, "PATCH", "/v1/pages/"), 1);
    assert_eq!(requests_by(&stats, "POST", "/v1/pages"), 1);
    let rows = rows_by_name(&workspace).await;
    assert_eq!(
        rows["Project 0003"].values["Status"],
        PlainValue::Text("Completed".into())
    );
}

#[tokio::test(start_paused = true)]
async fn a_trashed_row_is_skipped_unless_restored_and_a_dry_run_writes_nothing() {
    let (emu, workspace) = provisioned_fast().await;
    let state = StateStore::in_memory().expect("state");
    let records: Vec<Record> = (0..3).map(|n| project(n, "Active")).collect();
    let first = run(&workspace, &state, &records).await;
    let trashed = first.records[1].page_id.clone().expect("page id");
    workspace
        .client()
        .pages()
        .update(notion_model::PageId::parse(&trashed).expect("id"))
        .in_trash(true)
        .send()
        .await
        .expect("trash");

    let again = run(&workspace, &state, &records).await;
    assert_eq!(again.records[1].action, SyncAction::SkippedTrashed);
    assert_eq!((again.created, again.skipped_trashed), (0, 1));

    let target = SyncTarget::resolve(&workspace, "projects")
        .await
        .expect("target");
    reset_stats(&emu).await;
    let dry = SyncOptions {
        dry_run: true,
        restore: true,
        ..SyncOptions::default()
    };
    let planned = sync_records(&workspace, &target, &records, &state, &dry, &|_| {})
        .await
        .expect("dry run");
    assert_eq!(planned.records[1].action, SyncAction::Restore);
    assert_eq!(writes(&stats(&emu).await), Vec::<String>::new());

    let restore = SyncOptions {
        restore: true,
        ..SyncOptions::default()
    };
    let restored = sync_records(&workspace, &target, &records, &state, &restore, &|_| {})
        .await
        .expect("restore");
    assert_eq!(restored.restored, 1);
    assert_eq!(rows_by_name(&workspace).await.len(), 3);
}

#[tokio::test(start_paused = true)]
async fn under_injected_faults_reruns_converge_to_exactly_one_row_per_record() {
    let (emu, workspace) = provisioned_fast().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let state = StateStore::open(&dir.path().join(".orchestra/state.sqlite")).expect("state");
    let writes_only = |rule: Value| {
        let mut rule = rule;
        rule["methods"] = json!(["POST", "PATCH"]);
        rule["path"] = json!("/v1/pages");
        rule
    };
    let mut rules: Vec<Value> = [429, 500, 502, 503, 504, 529]
        .into_iter()
        .map(|status| writes_only(json!({"status": status, "probability": 0.015})))
        .collect();
    rules.push(writes_only(
        json!({"kind": "commit_then_503", "probability": 0.015}),
    ));
    let spec: FaultSpec =
        serde_json::from_value(json!({"seed": 7, "rules": rules})).expect("fault spec");
    emu.admin().faults(spec);

    let records: Vec<Record> = (0..1000).map(|n| project(n, "In Progress")).collect();
    let mut runs = Vec::new();
    for _ in 0..5 {
        let report = run(&workspace, &state, &records).await;
        let done = report.is_success();
        runs.push((report.created, report.unchanged, report.failed));
        if done {
            break;
        }
    }
    assert!(runs.last().is_some_and(|r| r.2 == 0), "runs: {runs:?}");
    assert!(
        runs[0].2 > 0,
        "the faults should have failed some writes: {runs:?}"
    );
    assert_eq!(runs.iter().map(|r| r.0).sum::<usize>(), 1000, "{runs:?}");

    emu.admin().faults(FaultSpec::default());
    assert_values(&rows_by_name(&workspace).await, &records);
}

#[test]
fn records_files_in_yaml_json_and_csv_read_alike() {
    let dir = tempfile::tempdir().expect("tempdir");
    let yaml = dir.path().join("p.yaml");
    std::fs::write(
        &yaml,
        "- Name: Alpha\n  Progress: 25\n  Status: Active\n  Tags: [a, b]\n",
    )
    .expect("write");
    let json = dir.path().join("p.json");
    std::fs::write(
        &json,
        r#"[{"Name": "Alpha", "Progress": 25, "Status": "Active", "Tags": ["a", "b"]}]"#,
    )
    .expect("write");
    let csv = dir.path().join("p.csv");
    std::fs::write(&csv, "Name,Progress,Status\nAlpha,25,Active\n").expect("write");

    let from_yaml = read_records(&yaml).expect("yaml");
    assert_eq!(from_yaml, read_records(&json).expect("json"));
    assert_eq!(
        from_yaml[0].values["Tags"],
        PlainValue::List(vec!["a".into(), "b".into()])
    );
    let from_csv = read_records(&csv).expect("csv");
    assert_eq!(from_csv[0].number("Progress"), Some(25.0));
    assert_eq!(from_csv[0].text("Status"), Some("Active"));

    std::fs::write(&yaml, "Name: not a list\n").expect("write");
    let err = read_records(&yaml).expect_err("not a list");
    assert!(
        err.to_string().contains("expected a list of records"),
        "{err}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_create_journalled_before_a_crash_is_adopted_by_key_not_repeated() {
    let (emu, workspace) = provisioned_fast().await;
    let state = StateStore::in_memory().expect("state");
    let records = vec![project(1, "Active")];
    let target = SyncTarget::resolve(&workspace, "projects")
        .await
        .expect("target");
    // The crashed run: intent journalled, page committed, process gone before recording it.
    state
        .begin_create(
            &target.data_source.to_string(),
            &orchestra::sync::Intent {
                key: "Project 0001".into(),
                intent_id: "crashed".into(),
                created_at: "2026-01-01T00:00:00Z".into(),
            },
        )
        .expect("journal");
    let page = workspace
        .create_page("projects", &records[0])
        .await
        .expect("committed page");

    reset_stats(&emu).await;
    let report = run(&workspace, &state, &records).await;
    assert_eq!(
        (report.created, report.unchanged, report.reconciled),
        (0, 1, 1)
    );
    assert_eq!(report.records[0].page_id, Some(page.id.to_string()));
    assert_eq!(writes(&stats(&emu).await), Vec::<String>::new());
    let ds = target.data_source.to_string();
    assert!(state.pending_intents(&ds).expect("intents").is_empty());
    assert_eq!(
        state
            .row(&ds, "Project 0001")
            .expect("row")
            .map(|r| r.page_id),
        Some(page.id.to_string())
    );
}

#[tokio::test(start_paused = true)]
async fn the_key_property_comes_from_the_configuration() {
    let (_emu, mut workspace) = provisioned_fast().await;
    let mut config = workspace.config().clone();
    config
        .sync
        .keys
        .insert("projects".into(), "Description".into());
    workspace = Workspace::new(
        workspace.client().clone(),
        config,
        WorkspaceSchema::builtin(),
    );
    let state = StateStore::in_memory().expect("state");
    let first = run(&workspace, &state, &[project(1, "Active")]).await;
    assert_eq!(
        (first.key_property.as_str(), first.created),
        ("Description", 1)
    );
    // Same key, new title: the row is renamed, not duplicated.
    let renamed = project(1, "Active").set("Name", "Renamed");
    let second = run(&workspace, &state, &[renamed]).await;
    assert_eq!((second.created, second.updated), (0, 1));
    assert!(rows_by_name(&workspace).await.contains_key("Renamed"));
}
