//! `orchestra pull`, `sync --both`, `kb sync|search`, and a sync killed with SIGKILL at
//! random points, end to end against an in-process emulator.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use notion_api::{Client, RateLimit};
use notion_emulator::testing::TestEmulator;
use notion_model::{DataSourceId, PageId};
use serde_json::{Value, json};

use crate::support::{Run, config_value, on};

fn json_of(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

fn client(emu: &TestEmulator) -> Client {
    Client::builder()
        .token(emu.token())
        .base_url(emu.base_url())
        .rate_limit(RateLimit::Off)
        .build()
        .expect("client")
}

fn data_source(dir: &Path, key: &str) -> DataSourceId {
    DataSourceId::parse(&config_value(dir, key, "data_source_id")).expect("data source id")
}

/// Every row of a data source: title -> page.
async fn rows(emu: &TestEmulator, ds: DataSourceId, title: &str) -> Vec<(String, Value)> {
    let pages = client(emu)
        .data_sources()
        .query(ds)
        .page_size(100)
        .collect_all()
        .await
        .expect("query");
    pages
        .into_iter()
        .map(|page| {
            let value = serde_json::to_value(&page).expect("page json");
            let name = value["properties"][title]["title"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t["plain_text"].as_str())
                .collect::<String>();
            (name, value)
        })
        .collect()
}

async fn set_number(emu: &TestEmulator, page: &str, property: &str, value: f64) {
    client(emu)
        .pages()
        .update(PageId::parse(page).expect("page id"))
        .property(property, notion_model::PropertyValue::number_f64(value))
        .send()
        .await
        .expect("api edit");
}

fn run_blocking(
    emu: &TestEmulator,
    dir: &Path,
    args: &[&str],
) -> impl std::future::Future<Output = Run> + use<> {
    let (dir, url, token) = (dir.to_owned(), emu.base_url(), emu.token());
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    async move {
        tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            crate::support::orchestra(&dir, &url, Some(&token), &args)
        })
        .await
        .expect("join")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_sync_both_and_knowledge_bases_from_the_command_line() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = emu.root_page_id();
    assert_eq!(
        run_blocking(&emu, dir.path(), &["init", "--parent", &root])
            .await
            .code,
        0
    );
    let file = dir.path().join("projects.yaml");
    std::fs::write(
        &file,
        "# mine\n- Name: Alpha\n  Progress: 10\n- Name: Beta\n  Progress: 20\n",
    )
    .expect("write");
    let pushed = run_blocking(
        &emu,
        dir.path(),
        &["sync", "projects", "--from", "projects.yaml", "--json"],
    )
    .await;
    assert_eq!(pushed.code, 0, "{pushed:?}");
    let alpha = json_of(&pushed)["records"][0]["page_id"]
        .as_str()
        .expect("page id")
        .to_owned();

    set_number(&emu, &alpha, "Progress", 0.5).await;
    let pulled = run_blocking(
        &emu,
        dir.path(),
        &["pull", "projects", "--into", "projects.yaml", "--json"],
    )
    .await;
    assert_eq!(pulled.code, 0, "{pulled:?}");
    let summary = json_of(&pulled);
    assert_eq!(
        (&summary["merged"], &summary["written"]),
        (&json!(1), &json!(true)),
        "{summary}"
    );
    let text = std::fs::read_to_string(&file).expect("read");
    assert_eq!(
        text,
        "# mine\n- Name: Alpha\n  Progress: 50\n- Name: Beta\n  Progress: 20\n"
    );

    // A conflict: listed, exit 1, file untouched; then settled in favour of Notion.
    std::fs::write(&file, text.replace("Progress: 50", "Progress: 55")).expect("edit");
    set_number(&emu, &alpha, "Progress", 0.6).await;
    let failed = run_blocking(
        &emu,
        dir.path(),
        &["pull", "projects", "--into", "projects.yaml"],
    )
    .await;
    assert_eq!(failed.code, 1, "{failed:?}");
    assert!(
        failed
            .stdout
            .contains("conflict \"Alpha\" Progress: local 55.0 | Notion 60.0"),
        "{}",
        failed.stdout
    );
    let both = run_blocking(
        &emu,
        dir.path(),
        &[
            "sync",
            "projects",
            "--from",
            "projects.yaml",
            "--both",
            "--on-conflict",
            "notion",
            "--json",
        ],
    )
    .await;
    assert_eq!(both.code, 0, "{both:?}");
    let summary = json_of(&both);
    assert_eq!(
        (
            &summary["merged"],
            &summary["conflicts"],
            &summary["unchanged"],
            &summary["created"]
        ),
        (&json!(1), &json!(1), &json!(2), &json!(0)),
        "{summary}"
    );
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("Progress: 60")
    );

    // Knowledge bases: default folder knowledge/<persona>/, two-way, searchable.
    let notes = dir.path().join("knowledge").join("cherry");
    std::fs::create_dir_all(&notes).expect("mkdir");
    std::fs::write(
        notes.join("Coffee.md"),
        "---\nCategory: [Preferences]\n---\n\nOat milk, no sugar.\n",
    )
    .expect("note");
    let kb = run_blocking(&emu, dir.path(), &["kb", "sync", "cherry", "--json"]).await;
    assert_eq!(kb.code, 0, "{kb:?}");
    let summary = json_of(&kb);
    assert_eq!(
        (&summary["created"], &summary["bodies_written"]),
        (&json!(1), &json!(1)),
        "{summary}"
    );
    let rows = rows(&emu, data_source(dir.path(), "cherry"), "Topic").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "Coffee");

    let search = run_blocking(
        &emu,
        dir.path(),
        &["kb", "search", "cherry", "oat milk", "--json"],
    )
    .await;
    assert_eq!(search.code, 0, "{search:?}");
    let matches = &json_of(&search)["matches"];
    assert_eq!(matches[0]["title"], json!("Coffee"), "{matches}");
    assert_eq!(matches[0]["excerpt"], json!("Oat milk, no sugar."));
    let search = run_blocking(
        &emu,
        dir.path(),
        &["kb", "search", "cherry", "coffee", "--json"],
    )
    .await;
    assert_eq!(
        json_of(&search)["matches"][0]["found_in"],
        json!(["local", "notion"])
    );
    let unknown = on(&emu, dir.path(), &["kb", "sync", "bob"]);
    assert_eq!(unknown.code, 2, "{unknown:?}");
}

/// A small deterministic generator (no extra dependency): xorshift64*.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn records_yaml(n: usize) -> String {
    let statuses = ["Active", "In Progress", "Completed", "On Hold"];
    (0..n)
        .map(|i| {
            format!(
                "- Name: Project {i:04}\n  Status: {}\n  Progress: {}\n  Description: Record number {i}\n",
                statuses[i % 4],
                i % 101
            )
        })
        .collect()
}

/// The sync of 1,000 records is killed with SIGKILL at random points (several seeds);
/// re-runs finish the job: exactly 1,000 rows, right values, no duplicates.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_killed_at_random_points_finishes_without_duplicates() {
    const RECORDS: usize = 1000;
    let mut after_kills = Vec::new();
    for seed in [7_u64, 1_234, 99_991] {
        let emu = TestEmulator::start().await;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = emu.root_page_id();
        assert_eq!(
            run_blocking(&emu, dir.path(), &["init", "--parent", &root])
                .await
                .code,
            0
        );
        std::fs::write(dir.path().join("records.yaml"), records_yaml(RECORDS)).expect("write");
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        for _ in 0..2 {
            let delay = 50 + rng.below(1450);
            let mut child = Command::new(env!("CARGO_BIN_EXE_orchestra"))
                .current_dir(dir.path())
                .args(["sync", "projects", "--from", "records.yaml", "--json"])
                .env_remove("NOTION_TOKEN")
                .env_remove("ORCHESTRA_CONFIG")
                .env("NOTION_API_KEY", emu.token())
                .env("NOTION_BASE_URL", emu.base_url())
                .env("ORCHESTRA_RATE_LIMIT", "off")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn");
            // The kill point is real time by nature: the child runs in its own process.
            tokio::time::sleep(Duration::from_millis(delay)).await;
            child.kill().expect("SIGKILL");
            child.wait().expect("reap");
        }
        after_kills.push(
            rows(&emu, data_source(dir.path(), "projects"), "Name")
                .await
                .len(),
        );
        let dir_path = dir.path().to_owned();
        let (url, token) = (emu.base_url(), emu.token());
        let finish = tokio::task::spawn_blocking(move || {
            let out = Command::new(env!("CARGO_BIN_EXE_orchestra"))
                .current_dir(&dir_path)
                .args(["sync", "projects", "--from", "records.yaml", "--json"])
                .env_remove("NOTION_TOKEN")
                .env_remove("ORCHESTRA_CONFIG")
                .env("NOTION_API_KEY", token)
                .env("NOTION_BASE_URL", url)
                .env("ORCHESTRA_RATE_LIMIT", "off")
                .output()
                .expect("run");
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            )
        })
        .await
        .expect("join");
        assert_eq!(finish.0, Some(0), "seed {seed}: {}", finish.1);
        let summary: Value = serde_json::from_str(&finish.1).expect("json");
        assert_eq!(summary["failed"], json!(0), "seed {seed}");

        let rows = rows(&emu, data_source(dir.path(), "projects"), "Name").await;
        assert_eq!(rows.len(), RECORDS, "seed {seed}: wrong row count");
        let by_name: HashMap<&str, &Value> = rows.iter().map(|(n, v)| (n.as_str(), v)).collect();
        assert_eq!(by_name.len(), RECORDS, "seed {seed}: duplicates");
        for i in [0, 1, 499, 998, 999] {
            let page = by_name[format!("Project {i:04}").as_str()];
            let progress = page["properties"]["Progress"]["number"]
                .as_f64()
                .expect("number");
            assert!(
                ((progress * 100.0) - (i % 101) as f64).abs() < 1e-6,
                "seed {seed}, {i}"
            );
        }
        assert!(rows.iter().all(|(_, page)| {
            page["properties"]["Description"]["rich_text"][0]["plain_text"]
                .as_str()
                .is_some_and(|d| d.starts_with("Record number "))
        }));
    }
    // The kills landed mid-sync (otherwise the test proves nothing).
    assert!(
        after_kills.iter().any(|n| *n < RECORDS),
        "rows after the kills: {after_kills:?}"
    );
}
