//! The commands, end to end.

use notion_emulator::testing::TestEmulator;
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{Run, admin, config_value, on, orchestra, write_requests};

fn ok(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn init_twice_gives_the_same_ids_and_writes_nothing_the_second_time() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let first = on(&emu, dir.path(), &["init", "--parent", &emu.root_page_id()]);
    ok(&first);
    assert!(
        first
            .stdout
            .contains("+ create \"Project Overview\" (projects)"),
        "{}",
        first.stdout
    );
    let toml = std::fs::read_to_string(dir.path().join("orchestra.toml")).expect("config");
    assert!(!toml.contains(&emu.token()));
    admin(&emu, Method::DELETE, "/_emulator/stats", &Value::Null).await;
    let second = on(&emu, dir.path(), &["init"]);
    ok(&second);
    assert!(second.stdout.contains("Nothing to do"), "{}", second.stdout);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("orchestra.toml")).expect("config"),
        toml
    );
    assert_eq!(write_requests(&emu).await, Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_property_deleted_by_hand_is_found_by_doctor_and_restored_by_init_apply() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&on(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let ds = config_value(dir.path(), "projects", "data_source_id");
    let response = reqwest::Client::new()
        .patch(format!("{}/v1/data_sources/{ds}", emu.base_url()))
        .bearer_auth(emu.token())
        .header("Notion-Version", "2025-09-03")
        .json(&json!({"properties": {"Progress": null}}))
        .send()
        .await
        .expect("patch");
    assert!(response.status().is_success());

    let doctor = on(&emu, dir.path(), &["doctor"]);
    assert_eq!(doctor.code, 2, "{}", doctor.stdout);
    assert!(
        doctor
            .stdout
            .contains("missing property \"Progress\" (Number)"),
        "{}",
        doctor.stdout
    );
    assert!(
        doctor.stdout.contains("orchestra init --apply"),
        "{}",
        doctor.stdout
    );

    let dry = on(&emu, dir.path(), &["init", "--dry-run"]);
    ok(&dry);
    assert!(
        dry.stdout.contains("+ add property \"Progress\" (Number)"),
        "{}",
        dry.stdout
    );
    assert_eq!(
        on(&emu, dir.path(), &["doctor"]).code,
        2,
        "dry run changed nothing"
    );

    ok(&on(&emu, dir.path(), &["init", "--apply"]));
    ok(&on(&emu, dir.path(), &["doctor"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unshared_database_makes_doctor_print_the_sharing_fix() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&on(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let other = admin(
        &emu,
        Method::POST,
        "/_emulator/integrations",
        &json!({"name": "Orchestra AI System"}),
    )
    .await;
    let token = other["token"].as_str().expect("token").to_owned();
    for key in [
        "projects", "tools", "cherry", "sophia", "karen", "activity", "insights",
    ] {
        let id = config_value(dir.path(), key, "database_id");
        admin(
            &emu,
            Method::POST,
            "/_emulator/shares",
            &json!({"token": token, "object_id": id}),
        )
        .await;
    }
    let karen = config_value(dir.path(), "karen", "database_id");
    admin(
        &emu,
        Method::DELETE,
        "/_emulator/shares",
        &json!({"token": token, "object_id": karen}),
    )
    .await;
    let doctor = orchestra(dir.path(), &emu.base_url(), Some(&token), &["doctor"]);
    assert_eq!(doctor.code, 2, "{}", doctor.stdout);
    let line = doctor
        .stdout
        .lines()
        .find(|l| l.contains("(karen)"))
        .expect("karen line");
    assert!(
        line.contains("FAIL") && line.contains("Database not found"),
        "{line}"
    );
    assert!(
        doctor.stdout.contains("click \"...\" -> \"Add connections\", search for and select \"Orchestra AI System\", click \"Confirm\""),
        "{}",
        doctor.stdout
    );
    assert!(!doctor.stdout.contains(&token) && !doctor.stderr.contains(&token));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_appears_in_any_output_at_debug() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let token = emu.token();
    let root = emu.root_page_id();
    let runs: Vec<Vec<&str>> = vec![
        vec!["--debug", "-vv", "init", "--parent", &root],
        vec!["--debug", "-vv", "init", "--dry-run"],
        vec!["--debug", "-vv", "doctor"],
        vec!["--debug", "-vv", "config", "show"],
        vec!["--debug", "-vv", "--json", "config", "show"],
        vec![
            "--debug",
            "-vv",
            "page",
            "create",
            "projects",
            "--set",
            "Name=Secretive",
            "--set",
            "Progress=5",
        ],
        vec![
            "--debug", "-vv", "page", "create", "projects", "--set", "name=Bad",
        ],
        vec![
            "--debug",
            "-vv",
            "page",
            "update",
            "Secretive",
            "--database",
            "projects",
            "--set",
            "Status=Active",
        ],
        vec!["--debug", "-vv", "--json", "doctor"],
    ];
    let mut saw_requests = false;
    for args in runs {
        let run = on(&emu, dir.path(), &args);
        assert!(
            !run.stdout.contains(&token),
            "stdout of {args:?} has the token"
        );
        assert!(
            !run.stderr.contains(&token),
            "stderr of {args:?} has the token"
        );
        saw_requests |= run.stderr.contains("/v1/data_sources/{id}");
    }
    assert!(saw_requests, "--debug logs requests");
    let bad = orchestra(
        dir.path(),
        &emu.base_url(),
        Some("secret_not_the_token"),
        &["--debug", "doctor"],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stdout.contains("Unauthorized"), "{}", bad.stdout);
    assert!(
        !bad.stdout.contains("secret_not_the_token")
            && !bad.stderr.contains("secret_not_the_token")
    );
    let show = on(&emu, dir.path(), &["config", "show"]);
    assert!(
        show.stdout.contains("*** (from NOTION_API_KEY)"),
        "{}",
        show.stdout
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_token_commands_use_the_local_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let unused = "http://127.0.0.1:9";
    let init = orchestra(dir.path(), unused, None, &["init"]);
    ok(&init);
    assert_eq!(
        init.stderr.matches("using the local workspace").count(),
        1,
        "{}",
        init.stderr
    );
    assert!(dir.path().join(".orchestra/workspace.sqlite").exists());
    let create = orchestra(
        dir.path(),
        unused,
        None,
        &["page", "create", "projects", "--set", "Name=Local"],
    );
    ok(&create);
    let again = orchestra(dir.path(), unused, None, &["init"]);
    ok(&again);
    assert!(
        again.stdout.contains("Nothing to do"),
        "the data survived: {}",
        again.stdout
    );
    ok(&orchestra(dir.path(), unused, None, &["doctor"]));
}

// The brief's five Python examples, as commands.

/// "Basic Usage": the integration is configured and healthy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brief_basic_usage() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&on(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let doctor = on(&emu, dir.path(), &["--json", "doctor"]);
    ok(&doctor);
    let report: Value = serde_json::from_str(&doctor.stdout).expect("json");
    assert_eq!(report["checks"][0]["name"], "token");
    assert_eq!(report["checks"][0]["status"], "ok");
}

/// "Create a new page in a database", then "Update Project Status".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brief_create_page_and_update_project_status() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&on(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let create = on(
        &emu,
        dir.path(),
        &[
            "page",
            "create",
            "projects",
            "--set",
            "Name=New Project",
            "--set",
            "Status=Active",
            "--set",
            "Priority=High",
            "--set",
            "Progress=25",
        ],
    );
    ok(&create);
    let id = create.stdout.trim().to_owned();
    assert_eq!(id.len(), 36, "{id}");
    let update = on(
        &emu,
        dir.path(),
        &[
            "--json",
            "page",
            "update",
            "New Project",
            "--database",
            "projects",
            "--set",
            "Status=Completed",
            "--set",
            "Progress=100",
        ],
    );
    ok(&update);
    let out: Value = serde_json::from_str(&update.stdout).expect("json");
    assert_eq!(out["id"], id.as_str());
    let page: Value = reqwest::Client::new()
        .get(format!("{}/v1/pages/{id}", emu.base_url()))
        .bearer_auth(emu.token())
        .header("Notion-Version", "2025-09-03")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(page["properties"]["Status"]["select"]["name"], "Completed");
    assert_eq!(page["properties"]["Progress"]["number"], 1);
}

/// "Log Development Activity", and the brief's mistakes rejected with exit 1.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brief_log_deployment() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&on(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let args = [
        "page",
        "create",
        "activity",
        "--set",
        "Activity=Deploy orchestra-api",
        "--set",
        "Type=Deploy",
        "--set",
        "Repository=orchestra-api",
        "--set",
        "Branch=main",
        "--set",
        "Status=Success",
        "--set",
        "Details=Rolled out v1.2",
        "--set",
        "Timestamp=2026-05-04 10:00 +02:00",
    ];
    ok(&on(&emu, dir.path(), &args));
    let bad = on(
        &emu,
        dir.path(),
        &[
            "page",
            "create",
            "activity",
            "--set",
            "Activity=Deploy",
            "--set",
            "status=Success",
            "--set",
            "Timestamp=2026-05-04",
        ],
    );
    assert_eq!(bad.code, 1, "{}", bad.stderr);
    insta::assert_snapshot!("log_deployment_invalid", bad.stderr.trim());
}

/// "Error Handling": a rate-limited write fails clearly (after the client's retries).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brief_error_handling_of_rate_limited() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&on(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let faults = json!({"seed": 7, "rules": [{"status": 429, "probability": 1.0, "methods": ["POST"], "path": "/v1/pages"}]});
    admin(&emu, Method::PUT, "/_emulator/faults", &faults).await;
    let limited = on(
        &emu,
        dir.path(),
        &["page", "create", "projects", "--set", "Name=Busy"],
    );
    assert_eq!(limited.code, 2, "{}", limited.stderr);
    assert!(
        limited.stderr.contains("rate_limited"),
        "{}",
        limited.stderr
    );
    admin(
        &emu,
        Method::PUT,
        "/_emulator/faults",
        &json!({"rules": []}),
    )
    .await;
    ok(&on(
        &emu,
        dir.path(),
        &["page", "create", "projects", "--set", "Name=Busy"],
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_errors_and_completions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let unused = "http://127.0.0.1:9";
    let bash = orchestra(dir.path(), unused, None, &["completions", "bash"]);
    ok(&bash);
    assert!(bash.stdout.contains("orchestra"));
    let bad_parent = orchestra(
        dir.path(),
        unused,
        None,
        &["init", "--parent", "not-a-page"],
    );
    assert_eq!(bad_parent.code, 2);
    assert!(
        bad_parent.stderr.contains("--parent"),
        "{}",
        bad_parent.stderr
    );
    std::fs::write(
        dir.path().join("orchestra.toml"),
        "[notion]\napi_key = \"secret_x\"\n",
    )
    .expect("write");
    let secret = orchestra(dir.path(), unused, None, &["config", "show"]);
    assert_eq!(secret.code, 2);
    assert!(
        secret
            .stderr
            .contains("`notion.api_key`: secrets never live in orchestra.toml"),
        "{}",
        secret.stderr
    );
    assert!(!secret.stderr.contains("secret_x"));
}

#[test]
fn emulator_serve_prints_the_readiness_line() {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_orchestra"))
        .args([
            "emulator",
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--db",
            ":memory:",
            "--token",
            "secret_serve_test",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .expect("line");
    child.kill().expect("stop the server we started");
    let _ = child.wait();
    let ready: Value = serde_json::from_str(&line).expect("json line");
    assert_eq!(ready["event"], "listening");
    assert_eq!(ready["token"], "secret_serve_test");
    assert!(
        ready["base_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("http://127.0.0.1:"))
    );
    assert!(ready["root_page_id"].is_string() && ready["bot_user_id"].is_string());
}
