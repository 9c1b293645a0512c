//! Running the built binary in a temporary directory against a `TestEmulator`.

use std::path::Path;
use std::process::Command;

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

/// What one run printed and returned.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `orchestra args...` in `dir` with the emulator's base URL and `token`
/// (`None`: no token at all, so the local workspace).
pub(crate) fn orchestra(dir: &Path, base_url: &str, token: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_orchestra"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("NOTION_API_KEY")
        .env_remove("NOTION_TOKEN")
        .env_remove("NOTION_VERSION")
        .env_remove("RUST_LOG")
        .env_remove("ORCHESTRA_CONFIG")
        .env("NOTION_BASE_URL", base_url);
    if let Some(token) = token {
        cmd.env("NOTION_API_KEY", token);
    }
    let out = cmd.output().expect("run orchestra");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs against `emu` with its default token.
pub(crate) fn on(emu: &TestEmulator, dir: &Path, args: &[&str]) -> Run {
    orchestra(dir, &emu.base_url(), Some(&emu.token()), args)
}

pub(crate) async fn admin(
    emu: &TestEmulator,
    method: reqwest::Method,
    path: &str,
    body: &Value,
) -> Value {
    let response = reqwest::Client::new()
        .request(method, format!("{}{path}", emu.base_url()))
        .json(body)
        .send()
        .await
        .expect("admin request");
    response.json().await.unwrap_or(Value::Null)
}

/// Requests that may change something (anything but GET, search and queries).
pub(crate) async fn write_requests(emu: &TestEmulator) -> Vec<String> {
    let stats = admin(emu, reqwest::Method::GET, "/_emulator/stats", &Value::Null).await;
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

/// `databases.<key>.<field>` of the written orchestra.toml.
pub(crate) fn config_value(dir: &Path, key: &str, field: &str) -> String {
    let text = std::fs::read_to_string(dir.join("orchestra.toml")).expect("orchestra.toml");
    let header = format!("[databases.{key}]");
    let section = text.split(&header).nth(1).expect("section");
    section
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{field} = ")))
        .map(|v| v.trim_matches('"').to_owned())
        .expect("field")
}
