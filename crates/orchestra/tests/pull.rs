//! Two-way sync: `pull_into` and `push_source` against the emulator over HTTP.

use std::path::Path;
use std::time::{Duration, SystemTime};

use notion_api::{Client, RateLimit, RetryPolicy};
use notion_emulator::testing::TestEmulator;
use notion_model::{Block, BlockId, PageId};
use orchestra::config::Config;
use orchestra::record::Record;
use orchestra::schema::WorkspaceSchema;
use orchestra::sync::{
    ConflictPolicy, LocalSource, PullOptions, PullReport, PushReport, StateStore, SyncOptions,
    SyncTarget, pull_into, push_source,
};
use orchestra::workspace::Workspace;

use crate::support::{init, reset_stats, root, stats, writes};

async fn workspace() -> (TestEmulator, Workspace) {
    let emu = TestEmulator::start().await;
    let client = Client::builder()
        .token(emu.token())
        .base_url(emu.base_url())
        .rate_limit(RateLimit::Off)
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false)
        .await
        .expect("init");
    (
        emu,
        Workspace::new(client, config, WorkspaceSchema::builtin()),
    )
}

async fn push(
    ws: &Workspace,
    db: &str,
    path: &Path,
    title: &str,
    state: &StateStore,
) -> PushReport {
    let target = SyncTarget::resolve(ws, db).await.expect("target");
    let source = LocalSource::open(path, title).expect("source");
    push_source(
        ws,
        &target,
        &source,
        state,
        &SyncOptions::default(),
        &|_| {},
    )
    .await
    .expect("push")
}

async fn pull(
    ws: &Workspace,
    db: &str,
    path: &Path,
    title: &str,
    state: &StateStore,
    policy: ConflictPolicy,
) -> PullReport {
    let target = SyncTarget::resolve(ws, db).await.expect("target");
    let mut source = LocalSource::open(path, title).expect("source");
    let options = PullOptions {
        on_conflict: policy,
        ..PullOptions::default()
    };
    pull_into(ws, &target, &mut source, state, &options)
        .await
        .expect("pull")
}

fn page_of(report: &PushReport, key: &str) -> PageId {
    let id = report
        .sync
        .records
        .iter()
        .find(|r| r.key == key)
        .and_then(|r| r.page_id.clone())
        .expect("page id");
    PageId::parse(&id).expect("id")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from:?} not in {text}");
    std::fs::write(path, text.replace(from, to)).expect("write");
}

fn touch(path: &Path, offset_secs: i64) {
    let now = SystemTime::now();
    let at = if offset_secs >= 0 {
        now + Duration::from_secs(offset_secs.unsigned_abs())
    } else {
        now - Duration::from_secs(offset_secs.unsigned_abs())
    };
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(at))
        .expect("set mtime");
}

async fn set_progress(ws: &Workspace, page: PageId, progress: f64) {
    ws.update_page("projects", page, &Record::new().set("Progress", progress))
        .await
        .expect("api edit");
}

const PROJECTS: &str = "# Our projects, by hand\n- Name: Alpha\n  Status: Active # hot\n  Progress: 25\n\n# parked\n- Name: Beta\n  Status: On Hold\n  Progress: 80\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_merges_api_edits_into_yaml_and_settles_conflicts_by_policy() {
    let (_emu, ws) = workspace().await;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("projects.yaml");
    std::fs::write(&path, PROJECTS).expect("write");
    let state = StateStore::open(&dir.path().join("state.sqlite")).expect("state");
    let pushed = push(&ws, "projects", &path, "Name", &state).await;
    assert_eq!(pushed.sync.created, 2, "{pushed:?}");
    let (alpha, beta) = (page_of(&pushed, "Alpha"), page_of(&pushed, "Beta"));

    // Edits through the API, and a new row.
    ws.update_page("projects", alpha, &Record::new().set("Status", "Completed"))
        .await
        .expect("edit");
    ws.create_page(
        "projects",
        &Record::new().set("Name", "Gamma").set("Progress", 5.0),
    )
    .await
    .expect("create");
    let report = pull(&ws, "projects", &path, "Name", &state, ConflictPolicy::Fail).await;
    assert_eq!(
        (report.merged, report.appended, report.conflicts.len()),
        (1, 1, 0),
        "{report:?}"
    );
    assert!(report.written);
    assert_eq!(
        read(&path),
        "# Our projects, by hand\n- Name: Alpha\n  Status: Completed\n  Progress: 25\n\n# parked\n- Name: Beta\n  Status: On Hold\n  Progress: 80\n- Name: Gamma\n  Progress: 5\n"
    );

    // Both sides change Beta's progress: `fail` writes nothing and lists the conflict.
    edit(&path, "Progress: 80", "Progress: 85");
    set_progress(&ws, beta, 90.0).await;
    let before = read(&path);
    let failed = pull(&ws, "projects", &path, "Name", &state, ConflictPolicy::Fail).await;
    assert_eq!(failed.unresolved(), 1, "{failed:?}");
    let conflict = &failed.conflicts[0];
    assert_eq!(
        (
            conflict.key.as_str(),
            conflict.property.as_str(),
            &conflict.local,
            &conflict.notion
        ),
        ("Beta", "Progress", &85.0.into(), &90.0.into())
    );
    assert!(!failed.written);
    assert_eq!(read(&path), before);

    // `newer`: the file is older than the API edit, so Notion wins.
    touch(&path, -3600);
    let newer = pull(
        &ws,
        "projects",
        &path,
        "Name",
        &state,
        ConflictPolicy::Newer,
    )
    .await;
    assert_eq!(newer.conflicts.len(), 1);
    assert!(read(&path).contains("Progress: 90"), "{}", read(&path));

    // `newer` again with a file edited after the API: the local value stays, and is pushed.
    edit(&path, "Progress: 90", "Progress: 70");
    set_progress(&ws, beta, 60.0).await;
    touch(&path, 3600);
    pull(
        &ws,
        "projects",
        &path,
        "Name",
        &state,
        ConflictPolicy::Newer,
    )
    .await;
    assert!(read(&path).contains("Progress: 70"));
    let pushed = push(&ws, "projects", &path, "Name", &state).await;
    assert_eq!(
        (pushed.sync.updated, pushed.sync.created),
        (1, 0),
        "{pushed:?}"
    );

    // `notion` and `local`.
    edit(&path, "Progress: 70", "Progress: 10");
    set_progress(&ws, beta, 20.0).await;
    pull(
        &ws,
        "projects",
        &path,
        "Name",
        &state,
        ConflictPolicy::Notion,
    )
    .await;
    assert!(read(&path).contains("Progress: 20"));
    edit(&path, "Progress: 20", "Progress: 30");
    set_progress(&ws, beta, 40.0).await;
    let local = pull(
        &ws,
        "projects",
        &path,
        "Name",
        &state,
        ConflictPolicy::Local,
    )
    .await;
    assert_eq!(local.conflicts.len(), 1);
    assert!(read(&path).contains("Progress: 30"));
    assert!(read(&path).starts_with("# Our projects, by hand\n"));

    // A pull with nothing new changes nothing.
    let again = pull(&ws, "projects", &path, "Name", &state, ConflictPolicy::Fail).await;
    assert_eq!(
        (again.merged, again.appended, again.conflicts.len()),
        (0, 0, 0),
        "{again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trashed_rows_are_reported_and_pruned_on_request() {
    let (_emu, ws) = workspace().await;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("projects.json");
    std::fs::write(
        &path,
        r#"[{"Name": "Alpha", "Progress": 10}, {"Name": "Beta", "Progress": 20}]"#,
    )
    .expect("write");
    let state = StateStore::open(&dir.path().join("state.sqlite")).expect("state");
    let pushed = push(&ws, "projects", &path, "Name", &state).await;
    ws.client()
        .pages()
        .update(page_of(&pushed, "Alpha"))
        .in_trash(true)
        .send()
        .await
        .expect("trash");
    let reported = pull(&ws, "projects", &path, "Name", &state, ConflictPolicy::Fail).await;
    assert_eq!(reported.trashed, vec!["Alpha".to_owned()]);
    assert!(read(&path).contains("Alpha"));

    let target = SyncTarget::resolve(&ws, "projects").await.expect("target");
    let mut source = LocalSource::open(&path, "Name").expect("source");
    let options = PullOptions {
        prune: true,
        full: true,
        ..PullOptions::default()
    };
    let pruned = pull_into(&ws, &target, &mut source, &state, &options)
        .await
        .expect("pull");
    assert_eq!(pruned.pruned, 1);
    let records: serde_json::Value = serde_json::from_str(&read(&path)).expect("json");
    assert_eq!(
        records,
        serde_json::json!([{"Name": "Beta", "Progress": 20}])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_push_bodies_once_and_pull_front_matter_and_bodies_back() {
    let (emu, ws) = workspace().await;
    let dir = tempfile::tempdir().expect("dir");
    let notes = dir.path().join("cherry");
    std::fs::create_dir(&notes).expect("mkdir");
    let note = notes.join("Morning Routine.md");
    std::fs::write(
        &note,
        "---\n# how Cherry starts the day\nCategory: [Personal]\nConfidence: 80\n---\n\n# Morning\n\n- coffee\n- run\n",
    )
    .expect("write");
    let state = StateStore::open(&dir.path().join("state.sqlite")).expect("state");

    let first = push(&ws, "cherry", &notes, "Topic", &state).await;
    assert_eq!(
        (first.sync.created, first.bodies_written),
        (1, 1),
        "{first:?}"
    );
    let page = page_of(&first, "Morning Routine");

    // Nothing changed: no write request at all (no block request either).
    reset_stats(&emu).await;
    let second = push(&ws, "cherry", &notes, "Topic", &state).await;
    assert_eq!((second.sync.unchanged, second.bodies_written), (1, 0));
    assert_eq!(writes(&stats(&emu).await), Vec::<String>::new());

    // Edits in Notion: a property and the body; plus a new note.
    ws.update_page("cherry", page, &Record::new().set("Confidence", 95.0))
        .await
        .expect("edit");
    ws.client()
        .blocks()
        .append(
            BlockId::from(page),
            vec![Block::paragraph("Added in Notion")],
        )
        .send()
        .await
        .expect("append");
    ws.create_page(
        "cherry",
        &Record::new()
            .set("Topic", "Evening")
            .set("Source", "Learned"),
    )
    .await
    .expect("create");
    let report = pull(&ws, "cherry", &notes, "Topic", &state, ConflictPolicy::Fail).await;
    assert_eq!((report.merged, report.appended), (1, 1), "{report:?}");
    let text = read(&note);
    assert!(
        text.starts_with("---\n# how Cherry starts the day\n"),
        "{text}"
    );
    assert!(text.contains("Confidence: 95\n"), "{text}");
    assert!(text.contains("- coffee\n- run\n"), "{text}");
    assert!(text.contains("Added in Notion"), "{text}");
    assert!(read(&notes.join("Evening.md")).contains("Source: Learned"));

    // After the pull both sides agree: a push writes nothing.
    reset_stats(&emu).await;
    let third = push(&ws, "cherry", &notes, "Topic", &state).await;
    assert_eq!(
        (third.sync.unchanged, third.bodies_written),
        (2, 0),
        "{third:?}"
    );
    assert_eq!(writes(&stats(&emu).await), Vec::<String>::new());

    // A local body edit is pushed: the page gets the new content.
    edit(&note, "- run", "- swim");
    let fourth = push(&ws, "cherry", &notes, "Topic", &state).await;
    assert_eq!(fourth.bodies_written, 1);
    let blocks = ws
        .client()
        .blocks()
        .children(BlockId::from(page))
        .collect_all()
        .await
        .expect("children");
    let texts: Vec<String> = blocks
        .iter()
        .map(|b| serde_json::to_string(b).unwrap_or_default())
        .collect();
    assert!(texts.iter().any(|t| t.contains("swim")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("\"run\"")), "{texts:?}");
}
