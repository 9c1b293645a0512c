//! Without a token the ids of the local workspace go to `.orchestra/workspace-ids.toml`:
//! the user's `orchestra.toml` is never rewritten.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::Run;

/// The repository's `examples/` folder.
fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Copies `from` into `to`, leaving out a local workspace left by an earlier run.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        if entry.file_name() == ".orchestra" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A folder holding a copy of `examples/` inside a git repository of one commit (the
/// examples read the activity of `..`).
fn fresh_clone() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&examples(), &dir.path().join("examples"));
    for args in [
        &["init", "-q", "-b", "main", "."][..],
        &["commit", "-q", "--allow-empty", "-m", "First"][..],
    ] {
        let out = Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "Ada")
            .env("GIT_AUTHOR_EMAIL", "ada@example.com")
            .env("GIT_COMMITTER_NAME", "Ada")
            .env("GIT_COMMITTER_EMAIL", "ada@example.com")
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {out:?}");
    }
    dir
}

/// Runs `orchestra --config examples/orchestra.toml args...` in `dir` with no token at
/// all (so against the local workspace).
fn local(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_orchestra"))
        .current_dir(dir)
        .args(["--config", "examples/orchestra.toml"])
        .args(args)
        .env_remove("NOTION_API_KEY")
        .env_remove("NOTION_TOKEN")
        .env_remove("NOTION_BASE_URL")
        .env_remove("NOTION_VERSION")
        .env_remove("RUST_LOG")
        .env_remove("ORCHESTRA_CONFIG")
        .env_remove("SLACK_WEBHOOK_URL")
        .env_remove("ORCHESTRA_SLACK_WEBHOOK")
        .env("ORCHESTRA_RATE_LIMIT", "off")
        .output()
        .expect("run orchestra");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The JSON a run printed; the run must have succeeded.
fn json_of(run: &Run) -> Value {
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn created(init: &Value) -> usize {
    init["created"].as_array().map_or(0, Vec::len)
}

#[test]
fn runs_without_a_token_leave_the_config_file_byte_identical() {
    let dir = fresh_clone();
    let config = dir.path().join("examples/orchestra.toml");
    let ids_file = dir.path().join("examples/.orchestra/workspace-ids.toml");
    let original = read(&config);

    let first = json_of(&local(dir.path(), &["--json", "init"]));
    assert_eq!(created(&first), 7, "{first}");
    assert_eq!(read(&config), original, "init rewrote orchestra.toml");
    let ids = String::from_utf8(read(&ids_file)).expect("utf-8");
    for key in ["projects", "tools", "activity", "insights"] {
        assert!(ids.contains(&format!("[databases.{key}]")), "{ids}");
    }

    let second = json_of(&local(dir.path(), &["--json", "init"]));
    assert_eq!(created(&second), 0, "the ids file was not used: {second}");

    for _ in 0..2 {
        let daily = json_of(&local(dir.path(), &["--json", "daily"]));
        assert_eq!(daily["success"], true, "{daily}");
        let init = &daily["steps"][0];
        assert_eq!(init["step"], "init", "{daily}");
        assert_eq!(init["status"], "skipped", "{daily}");
        assert_eq!(init["created"], 0, "{daily}");
    }
    assert_eq!(read(&config), original, "daily rewrote orchestra.toml");
    assert_eq!(
        String::from_utf8(read(&ids_file)).expect("utf-8"),
        ids,
        "the ids did not change"
    );

    let show = json_of(&local(dir.path(), &["--json", "config", "show"]));
    let origin = &show["local_workspace_ids"];
    assert!(
        origin["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("workspace-ids.toml")),
        "{show}"
    );
    assert_eq!(origin["ids"].as_array().map(Vec::len), Some(8), "{show}");
    assert_eq!(show["databases"].as_object().map(|d| d.len()), Some(7));
    let text = local(dir.path(), &["config", "show"]);
    assert!(
        text.stdout.contains("[local_workspace_ids]"),
        "{}",
        text.stdout
    );
}

#[test]
fn ids_the_config_file_carries_from_older_runs_keep_working() {
    let dir = fresh_clone();
    let config = dir.path().join("examples/orchestra.toml");
    let ids_file = dir.path().join("examples/.orchestra/workspace-ids.toml");
    json_of(&local(dir.path(), &["--json", "init"]));
    // Move the ids into orchestra.toml, as older versions wrote them, and drop the file.
    let ids = String::from_utf8(read(&ids_file)).expect("utf-8");
    let (parent_line, databases) = ids
        .split_once("\n\n[databases.")
        .map(|(head, rest)| (head.lines().last().unwrap_or_default(), rest))
        .expect("parent and databases");
    let legacy = format!(
        "[notion]\n{parent_line}\n\n{}\n[databases.{databases}",
        String::from_utf8(read(&config)).expect("utf-8")
    );
    std::fs::write(&config, &legacy).expect("write config");
    std::fs::remove_file(&ids_file).expect("remove ids file");

    let again = json_of(&local(dir.path(), &["--json", "init"]));
    assert_eq!(created(&again), 0, "{again}");
    assert_eq!(
        read(&config),
        legacy.as_bytes(),
        "orchestra.toml was rewritten"
    );
    let show = json_of(&local(dir.path(), &["--json", "config", "show"]));
    assert!(show.get("local_workspace_ids").is_none(), "{show}");
    assert_eq!(show["databases"].as_object().map(|d| d.len()), Some(7));
}

#[test]
fn a_malformed_ids_file_is_a_clear_error() {
    let dir = fresh_clone();
    let ids_file = dir.path().join("examples/.orchestra/workspace-ids.toml");
    std::fs::create_dir_all(ids_file.parent().expect("folder")).expect("mkdir");
    std::fs::write(
        &ids_file,
        "[databases.projects]\ndatabase_id = \"not an id\"\ndata_source_id = \"x\"\n",
    )
    .expect("write");
    let run = local(dir.path(), &["init", "--dry-run"]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("workspace-ids.toml"), "{}", run.stderr);
    assert!(
        run.stderr.contains("databases.projects.database_id"),
        "{}",
        run.stderr
    );
}
