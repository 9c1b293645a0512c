//! `orchestra log`, `orchestra insights collect`, `orchestra tools sync`, end to end,
//! with Slack on a local receiver.

mod activity;
mod insights;
pub(crate) mod receiver;
mod tools;

use std::path::Path;
use std::process::Command;

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::support::{Run, on};

/// Variables a developer's or CI's environment may hold that would change the outcome.
const CLEARED: [&str; 12] = [
    "SLACK_WEBHOOK_URL",
    "ORCHESTRA_SLACK_WEBHOOK",
    "GITHUB_ACTIONS",
    "GITHUB_WORKFLOW",
    "GITHUB_RUN_ID",
    "GITHUB_RUN_ATTEMPT",
    "GITHUB_REPOSITORY",
    "GITHUB_REF_NAME",
    "GITHUB_SHA",
    "GITHUB_SERVER_URL",
    "GITHUB_JOB",
    "ORCHESTRA_CONFIG",
];

/// Runs `orchestra args...` in `dir` against `emu` with `env` added.
pub(crate) fn run_with(emu: &TestEmulator, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_orchestra"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("NOTION_TOKEN")
        .env_remove("NOTION_VERSION")
        .env_remove("RUST_LOG")
        .env("NOTION_BASE_URL", emu.base_url())
        .env("NOTION_API_KEY", emu.token());
    for name in CLEARED {
        cmd.env_remove(name);
    }
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().expect("run orchestra");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh emulator and a folder where `orchestra init` ran.
pub(crate) async fn initialised() -> (TestEmulator, tempfile::TempDir) {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let init = on(&emu, dir.path(), &["init", "--parent", &emu.root_page_id()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    (emu, dir)
}

pub(crate) fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
}

/// Adds `lines` to `[section]` of the folder's orchestra.toml (or adds the section);
/// `section` `None` appends the lines at the end.
pub(crate) fn add_config(dir: &Path, section: Option<&str>, lines: &str) {
    let path = dir.join("orchestra.toml");
    let mut config = std::fs::read_to_string(&path).expect("orchestra.toml");
    match section.map(|s| format!("[{s}]\n")) {
        Some(header) if config.contains(&header) => {
            config = config.replacen(&header, &format!("{header}{lines}\n"), 1);
        }
        Some(header) => config.push_str(&format!("\n{header}{lines}\n")),
        None => config.push_str(&format!("\n{lines}\n")),
    }
    std::fs::write(path, config).expect("write orchestra.toml");
}
