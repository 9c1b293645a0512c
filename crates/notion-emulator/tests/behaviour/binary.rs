//! The `notion-emulator serve` binary: readiness line, a real call, clean exit on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test]
async fn serve_prints_one_ready_line_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_notion-emulator"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--token",
            "secret_test_token",
            "--rate-limit",
            "notion",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn emulator");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let ready: serde_json::Value = serde_json::from_str(&line).expect("JSON readiness line");
    assert_eq!(ready["event"], "listening");
    assert_eq!(ready["token"], "secret_test_token");
    let base = ready["base_url"].as_str().unwrap();
    let me: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/v1/users/me"))
        .bearer_auth("secret_test_token")
        .header("Notion-Version", "2025-09-03")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["id"], ready["bot_user_id"]);
    let root: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{base}/v1/pages/{}",
            ready["root_page_id"].as_str().unwrap()
        ))
        .bearer_auth("secret_test_token")
        .header("Notion-Version", "2025-09-03")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(root["object"], "page");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "exit status {exit:?}");
}
