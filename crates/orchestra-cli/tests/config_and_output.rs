//! `orchestra.toml` keeps its comments through `init`, `config show` is readable, and the
//! verbosity flags and progress bars behave on a non-terminal stderr.

use std::path::Path;
use std::process::Command;

use notion_emulator::testing::TestEmulator;
use serde_json::Value;

use crate::support::{Run, on};

const COMMENTED: &str = r#"# Orchestra for the Orchestra team.
# Ids are added below by `orchestra init`; everything else is ours.

[notion]
# Typos in select options are refused, not added.
option_policy = "reject"  # strict on purpose

# Cost per day, in dollars.
[thresholds.cost]
warning = 100.0   # heads-up in Slack
critical = 250.0  # page someone

[slack]
webhook_env = "TEAM_SLACK_HOOK"  # the URL itself lives in the environment
"#;

fn ok(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

/// Runs `orchestra` against `emu` without the client's proactive rate limit.
fn fast(emu: &TestEmulator, dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_orchestra"))
        .current_dir(dir)
        .args(args)
        .env_remove("NOTION_TOKEN")
        .env_remove("NOTION_VERSION")
        .env_remove("RUST_LOG")
        .env_remove("ORCHESTRA_CONFIG")
        .env("NOTION_API_KEY", emu.token())
        .env("NOTION_BASE_URL", emu.base_url())
        .env("ORCHESTRA_RATE_LIMIT", "off")
        .output()
        .expect("run orchestra");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The file with every UUID and every property id replaced by a placeholder.
fn redact_ids(text: &str) -> String {
    let mut in_property_ids = false;
    text.lines()
        .map(|line| {
            if line.starts_with('[') {
                in_property_ids = line.ends_with(".property_ids]");
            }
            match line.split_once(" = ") {
                Some((key, _)) if in_property_ids => format!("{key} = \"[property id]\""),
                _ => redact_uuids(line),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn redact_uuids(line: &str) -> String {
    let is_uuid = |s: &str| {
        s.len() == 36
            && s.char_indices().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_hexdigit(),
            })
    };
    let mut out = String::new();
    let mut rest = line;
    while !rest.is_empty() {
        if rest.len() >= 36 && rest.is_char_boundary(36) && is_uuid(&rest[..36]) {
            out.push_str("[id]");
            rest = &rest[36..];
        } else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn init_adds_the_ids_and_keeps_every_comment() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("orchestra.toml");
    std::fs::write(&path, COMMENTED).expect("write config");
    ok(&fast(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let written = std::fs::read_to_string(&path).expect("config");
    for line in COMMENTED.lines() {
        assert!(written.contains(line), "lost {line:?}:\n{written}");
    }
    assert!(written.contains("[databases.projects]"), "{written}");
    assert!(!written.contains(&emu.token()));
    insta::assert_snapshot!("commented_config_after_init", redact_ids(&written));

    let again = fast(&emu, dir.path(), &["init"]);
    ok(&again);
    assert_eq!(
        std::fs::read_to_string(&path).expect("config"),
        written,
        "a second init changes nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_show_is_readable_by_default_and_json_on_request() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("orchestra.toml"), COMMENTED).expect("write config");
    let hook = "https://hooks.slack.com/services/T000/B000/very-secret";
    let show = |json: bool| {
        let mut args = vec!["config", "show"];
        if json {
            args.insert(0, "--json");
        }
        let out = Command::new(env!("CARGO_BIN_EXE_orchestra"))
            .current_dir(dir.path())
            .args(&args)
            .env_remove("NOTION_TOKEN")
            .env_remove("ORCHESTRA_CONFIG")
            .env("NOTION_API_KEY", emu.token())
            .env("NOTION_BASE_URL", emu.base_url())
            .env("TEAM_SLACK_HOOK", hook)
            .output()
            .expect("run orchestra");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };

    let text = show(false);
    assert!(
        serde_json::from_str::<Value>(&text).is_err(),
        "not JSON:\n{text}"
    );
    assert!(text.contains("[environment]"), "{text}");
    assert!(
        text.contains("token = \"*** (from NOTION_API_KEY)\""),
        "{text}"
    );
    assert!(
        text.contains("slack_webhook = \"*** (from TEAM_SLACK_HOOK)\""),
        "{text}"
    );
    assert!(text.contains("option_policy = \"reject\""), "{text}");
    assert!(text.contains("[thresholds.cost]"), "{text}");

    let json: Value = serde_json::from_str(&show(true)).expect("JSON with --json");
    assert_eq!(json["environment"]["token"], "*** (from NOTION_API_KEY)");
    assert_eq!(
        json["environment"]["slack_webhook"],
        "*** (from TEAM_SLACK_HOOK)"
    );
    assert_eq!(json["notion"]["option_policy"], "reject");

    for output in [text, json.to_string()] {
        assert!(!output.contains(&emu.token()), "{output}");
        assert!(!output.contains("very-secret"), "{output}");
        assert!(!output.contains("hooks.slack.com"), "{output}");
    }

    let unset = on(&emu, dir.path(), &["config", "show"]);
    assert!(
        unset
            .stdout
            .contains("slack_webhook = \"not set (TEAM_SLACK_HOOK)\""),
        "{}",
        unset.stdout
    );
}

/// Lines of `stderr` that describe one HTTP request with its method, path template,
/// attempt and status.
fn request_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.contains("method=GET")
                && l.contains("path=/v1/data_sources/{id}")
                && l.contains("attempt=1")
                && l.contains("status=200")
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verbosity_flags_change_what_stderr_shows() {
    let quiet_emu = TestEmulator::start().await;
    let quiet_dir = tempfile::tempdir().expect("tempdir");
    let quiet = fast(
        &quiet_emu,
        quiet_dir.path(),
        &["init", "--parent", &quiet_emu.root_page_id()],
    );
    ok(&quiet);
    assert_eq!(quiet.stderr, "", "nothing on stderr by default");

    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let verbose = fast(
        &emu,
        dir.path(),
        &["-v", "init", "--parent", &emu.root_page_id()],
    );
    ok(&verbose);
    assert!(
        verbose.stderr.contains("INFO") && verbose.stderr.contains("\"Project Overview\""),
        "-v tells what init changed:\n{}",
        verbose.stderr
    );
    assert!(
        request_lines(&verbose.stderr).is_empty(),
        "-v does not log requests:\n{}",
        verbose.stderr
    );

    let default = fast(&emu, dir.path(), &["doctor"]);
    ok(&default);
    assert_eq!(default.stderr, "");
    let very = fast(&emu, dir.path(), &["-vv", "doctor"]);
    ok(&very);
    assert!(
        request_lines(&very.stderr).len() >= 7,
        "-vv logs each request (one per database at least):\n{}",
        very.stderr
    );
    let debug = fast(&emu, dir.path(), &["--debug", "doctor"]);
    ok(&debug);
    assert!(
        request_lines(&debug.stderr).len() >= 7,
        "--debug logs each request:\n{}",
        debug.stderr
    );
    for run in [&verbose, &very, &debug] {
        assert!(!run.stderr.contains(&emu.token()));
        assert!(!run.stdout.contains(&emu.token()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_progress_frames_or_colours_when_stderr_is_not_a_terminal() {
    let emu = TestEmulator::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&fast(
        &emu,
        dir.path(),
        &["init", "--parent", &emu.root_page_id()],
    ));
    let records: String = (1..=200)
        .map(|i| format!("- Name: Project {i:03}\n  Progress: {}\n", i % 101))
        .collect();
    std::fs::write(dir.path().join("projects.yaml"), records).expect("write records");

    let sync = fast(
        &emu,
        dir.path(),
        &["sync", "projects", "--from", "projects.yaml"],
    );
    ok(&sync);
    assert!(sync.stdout.contains("200"), "{}", sync.stdout);
    let logged = fast(
        &emu,
        dir.path(),
        &["-vv", "sync", "projects", "--from", "projects.yaml"],
    );
    ok(&logged);
    assert!(!logged.stderr.is_empty(), "-vv logs something");
    for run in [&sync, &logged] {
        for (name, stream) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(
                !stream.contains('\u{1b}'),
                "no ANSI escapes on {name}:\n{stream}"
            );
            assert!(
                !stream.contains('\r'),
                "no carriage-return frames on {name}:\n{stream}"
            );
        }
    }
}
