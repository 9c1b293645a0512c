//! Shared helpers: an emulator, a client for it, a provisioned workspace, request stats.

use notion_api::{Client, RetryPolicy};
use notion_emulator::testing::TestEmulator;
use notion_model::PageId;
use orchestra::config::Config;
use orchestra::provision::{self, ApplyOptions, ApplyReport, Plan};
use orchestra::schema::WorkspaceSchema;
use orchestra::workspace::Workspace;
use serde_json::Value;

pub(crate) type TestResult = Result<(), Box<dyn std::error::Error>>;

pub(crate) fn client(emu: &TestEmulator) -> Client {
    client_with_token(emu, &emu.token())
}

pub(crate) fn client_with_token(emu: &TestEmulator, token: &str) -> Client {
    Client::builder()
        .token(token)
        .base_url(emu.base_url())
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

pub(crate) fn root(emu: &TestEmulator) -> PageId {
    PageId::parse(&emu.root_page_id()).expect("root page id")
}

/// Plans and applies `init` once.
pub(crate) async fn init(
    client: &Client,
    config: &mut Config,
    parent: PageId,
    repair: bool,
) -> orchestra::Result<(Plan, ApplyReport)> {
    let schema = WorkspaceSchema::builtin();
    let plan = provision::survey(client, &schema, config, parent).await?;
    let report = provision::apply(
        client,
        &schema,
        &plan,
        config,
        ApplyOptions {
            repair_drift: repair,
        },
        &|_| {},
    )
    .await?;
    Ok((plan, report))
}

/// A provisioned workspace on a fresh emulator.
pub(crate) async fn provisioned() -> (TestEmulator, Workspace) {
    let emu = TestEmulator::start().await;
    let client = client(&emu);
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false)
        .await
        .expect("init");
    let workspace = Workspace::new(client, config, WorkspaceSchema::builtin());
    (emu, workspace)
}

/// `GET /_emulator/stats`.
pub(crate) async fn stats(emu: &TestEmulator) -> Value {
    reqwest::get(format!("{}/_emulator/stats", emu.base_url()))
        .await
        .expect("stats")
        .json()
        .await
        .expect("stats json")
}

/// `DELETE /_emulator/stats`.
pub(crate) async fn reset_stats(emu: &TestEmulator) {
    reqwest::Client::new()
        .delete(format!("{}/_emulator/stats", emu.base_url()))
        .send()
        .await
        .expect("reset stats");
}

/// Requests that may change something: anything but GET, search and queries.
pub(crate) fn writes(stats: &Value) -> Vec<String> {
    stats["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            let method = r["method"].as_str().unwrap_or_default();
            let path = r["path"].as_str().unwrap_or_default();
            method != "GET"
                && !(method == "POST" && (path == "/v1/search" || path.ends_with("/query")))
        })
        .map(|r| format!("{} {}", r["method"], r["path"]))
        .collect()
}
