//! `orchestra log deploy|git|ci`.

use std::path::Path;
use std::process::Command;

use super::receiver::Receiver;
use super::{initialised, json, run_with};
use crate::support::write_requests;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_deploy_is_one_row_and_one_slack_post() {
    let (emu, dir) = initialised().await;
    let slack = Receiver::start(200).await;
    let env = [("SLACK_WEBHOOK_URL", slack.url.as_str())];
    let args = [
        "log",
        "deploy",
        "--repo",
        "orchestra-api",
        "--branch",
        "main",
        "--status",
        "Failed",
        "--details",
        "Rolled back",
        "--link",
        "https://ci.example.com/1",
        "--json",
    ];
    let run = run_with(&emu, dir.path(), &args, &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = json(&run);
    assert_eq!(out["sync"]["created"], 1, "{out}");
    assert_eq!(out["sync"]["key_property"], "Activity ID");
    assert_eq!(out["notify"]["posted"], 1, "{out}");
    let bodies = slack.bodies();
    assert_eq!(bodies.len(), 1);
    assert!(
        bodies[0]["blocks"][0]["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Failed: Deploy orchestra-api")),
        "{}",
        bodies[0]
    );
    assert!(!run.stdout.contains(&slack.url) && !run.stderr.contains(&slack.url));

    let success = run_with(
        &emu,
        dir.path(),
        &[
            "log",
            "deploy",
            "--repo",
            "orchestra-api",
            "--status",
            "Success",
        ],
        &env,
    );
    assert_eq!(success.code, 0, "{}", success.stderr);
    assert!(
        success.stdout.contains("activity: 1 created"),
        "{}",
        success.stdout
    );
    let no_notify = run_with(
        &emu,
        dir.path(),
        &[
            "log",
            "test",
            "--repo",
            "orchestra-api",
            "--status",
            "Failed",
            "--no-notify",
        ],
        &env,
    );
    assert_eq!(no_notify.code, 0, "{}", no_notify.stderr);
    assert_eq!(slack.bodies().len(), 1, "only the failed deploy was posted");

    let bad = run_with(
        &emu,
        dir.path(),
        &["log", "deploy", "--repo", "x", "--status", "Maybe"],
        &[],
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("expected Success, Failed"),
        "{}",
        bad.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slack_webhook_failing_is_a_warning_and_exit_code_0() {
    let (emu, dir) = initialised().await;
    let slack = Receiver::start(500).await;
    let run = run_with(
        &emu,
        dir.path(),
        &["log", "build", "--repo", "api", "--status", "Failed"],
        &[("SLACK_WEBHOOK_URL", slack.url.as_str())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: Slack answered 500"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(&slack.url));
    assert_eq!(slack.bodies().len(), 1);
}

fn git(dir: &Path, args: &[&str], date: Option<&str>) {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null");
    if let Some(date) = date {
        cmd.env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let out = cmd.output().expect("git");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_git_logs_50_commits_then_nothing() {
    let (emu, dir) = initialised().await;
    let repo = tempfile::tempdir().expect("repo");
    git(repo.path(), &["init", "-q", "-b", "trunk"], None);
    git(repo.path(), &["config", "user.name", "Ada"], None);
    git(
        repo.path(),
        &["config", "user.email", "ada@example.com"],
        None,
    );
    for i in 0..50 {
        let date = format!("2026-04-{:02}T{:02}:00:00Z", 1 + i / 24, i % 24);
        git(
            repo.path(),
            &[
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                &format!("Commit {i}"),
            ],
            Some(&date),
        );
    }
    let repo_arg = repo.path().to_string_lossy().into_owned();
    let args = ["log", "git", "--repo", &repo_arg, "--json"];
    let first = run_with(&emu, dir.path(), &args, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(json(&first)["sync"]["created"], 50);

    crate::support::admin(
        &emu,
        reqwest::Method::DELETE,
        "/_emulator/stats",
        &serde_json::Value::Null,
    )
    .await;
    let second = run_with(&emu, dir.path(), &args, &[]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let out = json(&second);
    assert_eq!(out["sync"]["created"], 0, "{out}");
    assert_eq!(out["sync"]["unchanged"], 50, "{out}");
    let writes = write_requests(&emu).await;
    assert!(
        !writes
            .iter()
            .any(|w| w.contains("POST") && w.contains("/v1/pages")),
        "{writes:?}"
    );
    assert!(writes.is_empty(), "{writes:?}");

    let since = run_with(
        &emu,
        dir.path(),
        &[
            "log",
            "git",
            "--repo",
            &repo_arg,
            "--since",
            "2026-04-03T00:00:00Z",
            "--dry-run",
            "--json",
        ],
        &[],
    );
    assert_eq!(since.code, 0, "{}", since.stderr);
    assert_eq!(json(&since)["sync"]["unchanged"], 2, "{}", since.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_ci_records_the_github_actions_run_once() {
    let (emu, dir) = initialised().await;
    let env = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_WORKFLOW", "Daily report"),
        ("GITHUB_RUN_ID", "987654"),
        ("GITHUB_RUN_ATTEMPT", "1"),
        ("GITHUB_REPOSITORY", "acme/orchestra"),
        ("GITHUB_REF_NAME", "main"),
        ("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"),
        ("GITHUB_SERVER_URL", "https://github.com"),
        ("GITHUB_JOB", "report"),
    ];
    let args = ["log", "ci", "--outcome", "success", "--json"];
    let first = run_with(&emu, dir.path(), &args, &env);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let out = json(&first);
    assert_eq!(out["sync"]["created"], 1, "{out}");
    assert_eq!(
        out["sync"]["records"][0]["key"],
        "ci:acme/orchestra:987654:1"
    );
    let again = json(&run_with(&emu, dir.path(), &args, &env));
    assert_eq!(
        again["sync"]["created"], 0,
        "same run and attempt, same row: {again}"
    );
    assert_eq!(again["sync"]["failed"], 0, "{again}");

    let outside = run_with(&emu, dir.path(), &["log", "ci"], &[]);
    assert_eq!(outside.code, 2);
    assert!(
        outside.stderr.contains("not GitHub Actions"),
        "{}",
        outside.stderr
    );
}
