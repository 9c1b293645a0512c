//! `orchestra daily`, `orchestra report daily` and `orchestra export`, end to end on the
//! shipped examples against the emulator.

mod chromium;
mod export;
mod job;

use std::path::{Path, PathBuf};
use std::process::Command;

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::collect::{json, run_with};
use crate::support::Run;

/// The repository's `examples/` folder.
fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read examples") {
        let entry = entry.expect("entry");
        let name = entry.file_name();
        if name == ".orchestra" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(&name));
        } else {
            std::fs::copy(&path, to.join(&name)).expect("copy");
        }
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Ada")
        .env("GIT_AUTHOR_EMAIL", "ada@example.com")
        .env("GIT_COMMITTER_NAME", "Ada")
        .env("GIT_COMMITTER_EMAIL", "ada@example.com")
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Commits in the temporary repository the examples' `repositories = [".."]` points at.
const COMMITS: usize = 3;

/// A folder holding a copy of `examples/` (pointed at the emulator's root page) inside
/// a git repository of [`COMMITS`] commits.
fn workspace(emu: &TestEmulator) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let examples_dir = dir.path().join("examples");
    copy_dir(&examples(), &examples_dir);
    let config = examples_dir.join("orchestra.toml");
    let text = std::fs::read_to_string(&config).expect("config");
    let text = format!(
        "[notion]\nparent_page_id = \"{}\"\n\n{text}",
        emu.root_page_id()
    );
    std::fs::write(&config, text).expect("write config");
    git(dir.path(), &["init", "-q", "-b", "main", "."]);
    for i in 1..=COMMITS {
        git(
            dir.path(),
            &[
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                &format!("Change {i}"),
            ],
        );
    }
    dir
}

/// Runs `orchestra --config examples/orchestra.toml args...` in `dir`.
fn orchestra(emu: &TestEmulator, dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--config", "examples/orchestra.toml"];
    all.extend_from_slice(args);
    run_with(emu, dir, &all, &[("ORCHESTRA_RATE_LIMIT", "off")])
}

/// `orchestra daily --json`, which must succeed.
fn daily(emu: &TestEmulator, dir: &Path) -> Value {
    let run = orchestra(emu, dir, &["--json", "daily"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    json(&run)
}

/// A GET or POST against the emulator's API with its token.
async fn api(
    emu: &TestEmulator,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Value {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", emu.base_url()))
        .bearer_auth(emu.token())
        .header("Notion-Version", "2025-09-03");
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("api request");
    response.json().await.expect("api json")
}

/// The blocks directly under `block`.
async fn children(emu: &TestEmulator, block: &str) -> Vec<Value> {
    let page = api(
        emu,
        reqwest::Method::GET,
        &format!("/v1/blocks/{block}/children?page_size=100"),
        None,
    )
    .await;
    page["results"].as_array().cloned().unwrap_or_default()
}
