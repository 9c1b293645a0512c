//! The Development Activity Log: `log` of one event and the git import.

use std::path::Path;
use std::process::Command;

use jiff::Timestamp;
use orchestra::collect::Destination;
use orchestra::collect::activity::{
    self, ACTIVITY_ID, ActivityKind, ActivityStatus, GitImport, ManualEntry, People,
};
use orchestra::record::PlainValue;
use orchestra::sync::StateStore;

use super::rows;
use crate::support::{TestResult, provisioned, reset_stats, stats, writes};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deploy_is_one_row_with_the_values_given() -> TestResult {
    let (emu, ws) = provisioned().await;
    let user = emu.admin().user("Ada", "ada@example.com");
    let state = StateStore::in_memory()?;
    let to = Destination::new(&ws, &state);
    let now: Timestamp = "2026-05-04T10:15:30Z".parse()?;
    let entry = ManualEntry {
        kind: ActivityKind::Deploy,
        repo: "orchestra-api".to_owned(),
        branch: Some("main".to_owned()),
        status: ActivityStatus::Failed,
        details: Some("Rolled back v1.2".to_owned()),
        link: Some("https://github.com/acme/orchestra-api/actions/runs/1".to_owned()),
        title: None,
        author: Some("ADA@example.com".to_owned()),
        key: None,
    }
    .into_entry(now, &People::load(ws.client()).await);
    let report = activity::log(&to, std::slice::from_ref(&entry)).await?;
    assert_eq!((report.created, report.failed), (1, 0), "{report:?}");

    let rows = rows(&ws, "activity").await;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.text("Activity"), Some("Deploy orchestra-api"));
    assert_eq!(row.text("Type"), Some("Deploy"));
    assert_eq!(row.text("Status"), Some("Failed"));
    assert_eq!(row.text("Repository"), Some("orchestra-api"));
    assert_eq!(row.text("Branch"), Some("main"));
    assert_eq!(row.text("Details"), Some("Rolled back v1.2"));
    assert_eq!(
        row.text("Link"),
        Some("https://github.com/acme/orchestra-api/actions/runs/1")
    );
    assert_eq!(row.text(ACTIVITY_ID), Some(entry.id.as_str()));
    let stamp = row.text("Timestamp").expect("timestamp");
    assert!(stamp.starts_with("2026-05-04T10:15:30"), "{stamp}");
    assert_eq!(
        row.list("Author")
            .iter()
            .map(|id| id.replace('-', ""))
            .collect::<Vec<_>>(),
        vec![user.replace('-', "")]
    );

    reset_stats(&emu).await;
    let again = activity::log(&to, &[entry]).await?;
    assert_eq!(again.unchanged, 1, "same key, same values: {again:?}");
    assert!(writes(&stats(&emu).await).is_empty());
    Ok(())
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
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with `count` commits, one a day from 2026-03-01, alternating two authors.
pub(crate) fn repository(dir: &Path, count: usize) {
    git(dir, &["init", "-q", "-b", "main"], None);
    git(dir, &["config", "user.name", "Ada"], None);
    git(dir, &["config", "user.email", "ada@example.com"], None);
    git(
        dir,
        &["remote", "add", "origin", "git@github.com:acme/api.git"],
        None,
    );
    for i in 0..count {
        let date = format!("2026-03-{:02}T{:02}:00:00+00:00", 1 + i % 28, i % 24);
        let author = if i % 2 == 0 {
            "Ada <ada@example.com>"
        } else {
            "Bob <bob@example.org>"
        };
        git(
            dir,
            &[
                "commit",
                "-q",
                "--allow-empty",
                "--author",
                author,
                "-m",
                &format!("Change number {i}\n\nBody text."),
            ],
            Some(&date),
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn git_import_logs_every_commit_once() -> TestResult {
    let (emu, ws) = provisioned().await;
    let ada = emu.admin().user("Ada", "ada@example.com");
    let dir = tempfile::tempdir()?;
    repository(dir.path(), 50);
    let state = StateStore::in_memory()?;
    let to = Destination::new(&ws, &state);
    let import = GitImport {
        repo: dir.path().to_owned(),
        ..GitImport::default()
    };
    let people = People::load(ws.client()).await;
    let entries = activity::import_entries(&import, &people)?;
    assert_eq!(entries.len(), 50);
    let first = activity::log(&to, &entries).await?;
    assert_eq!((first.created, first.failed), (50, 0));

    let rows = rows(&ws, "activity").await;
    assert_eq!(rows.len(), 50);
    let change_0 = rows
        .iter()
        .find(|r| r.text("Activity") == Some("Change number 0"))
        .expect("first commit");
    assert_eq!(change_0.text("Type"), Some("Commit"));
    assert_eq!(change_0.text("Status"), Some("Success"));
    assert_eq!(change_0.text("Branch"), Some("main"));
    assert_eq!(change_0.text("Repository"), Some("acme/api"));
    let sha = change_0.text(ACTIVITY_ID).expect("sha");
    assert_eq!(sha.len(), 40);
    assert_eq!(
        change_0.text("Link").map(str::to_owned),
        Some(format!("https://github.com/acme/api/commit/{sha}"))
    );
    assert!(
        change_0
            .text("Timestamp")
            .is_some_and(|t| t.starts_with("2026-03-01T00:00:00")),
        "{change_0:?}"
    );
    assert_eq!(change_0.list("Author").len(), 1);
    assert_eq!(
        change_0.list("Author")[0].replace('-', ""),
        ada.replace('-', "")
    );
    let change_1 = rows
        .iter()
        .find(|r| r.text("Activity") == Some("Change number 1"))
        .expect("second commit");
    assert!(change_1.list("Author").is_empty());
    assert!(
        change_1
            .text("Details")
            .is_some_and(|d| d.contains("Bob <bob@example.org>")),
        "{change_1:?}"
    );
    assert!(!matches!(change_1.values.get("Author"), Some(PlainValue::List(l)) if !l.is_empty()));

    reset_stats(&emu).await;
    let again = activity::log(&to, &activity::import_entries(&import, &people)?).await?;
    assert_eq!((again.created, again.unchanged), (0, 50), "{again:?}");
    let after = stats(&emu).await;
    assert!(writes(&after).is_empty(), "{:?}", writes(&after));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn git_import_of_a_folder_that_is_not_a_repository_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = activity::import_entries(
        &GitImport {
            repo: dir.path().to_owned(),
            ..GitImport::default()
        },
        &People::default(),
    )
    .expect_err("not a repository");
    assert!(err.to_string().contains("not a git repository"), "{err}");
    assert!(err.is_usage());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_older_workspace_gets_the_key_property_from_init_apply() -> TestResult {
    let (emu, ws) = provisioned().await;
    let (_, ds) = ws.database("activity")?;
    ws.client()
        .data_sources()
        .update(ds)
        .remove_property(ACTIVITY_ID)
        .send()
        .await?;
    let state = StateStore::in_memory()?;
    let to = Destination::new(&ws, &state);
    let entry = ManualEntry {
        kind: ActivityKind::Build,
        repo: "api".to_owned(),
        branch: None,
        status: ActivityStatus::Success,
        details: None,
        link: None,
        title: None,
        author: None,
        key: None,
    }
    .into_entry(Timestamp::now(), &People::default());
    let err = activity::log(&to, std::slice::from_ref(&entry))
        .await
        .expect_err("no key property");
    assert!(err.to_string().contains("orchestra init --apply"), "{err}");

    let mut config = ws.config().clone();
    let (_, report) =
        crate::support::init(ws.client(), &mut config, crate::support::root(&emu), true).await?;
    assert!(
        report
            .repaired
            .iter()
            .any(|r| format!("{r:?}").contains(ACTIVITY_ID)),
        "{report:?}"
    );
    let report = activity::log(&to, &[entry]).await?;
    assert_eq!(report.created, 1, "{report:?}");
    Ok(())
}
