//! `orchestra::bulk`: update and archive exactly the rows a filter matches.

use std::collections::BTreeMap;

use futures::TryStreamExt;
use orchestra::bulk::{BulkAction, BulkOptions, Filter, apply, select};
use orchestra::record::{LiveSchema, Record, Validator, page_record};
use orchestra::sync::SyncTarget;
use orchestra::workspace::Workspace;
use serde_json::json;

use crate::support::{TestResult, provisioned, reset_stats, stats, writes};

/// Twelve projects: status cycles Active, In Progress, On Hold; progress 0, 10, ... 110 capped at 100.
async fn seed(workspace: &Workspace) -> Vec<Record> {
    let statuses = ["Active", "In Progress", "On Hold"];
    let records: Vec<Record> = (0..12)
        .map(|n| {
            Record::new()
                .set("Name", format!("Project {n:02}"))
                .set("Status", statuses[n % 3])
                .set("Progress", ((n * 10).min(100)) as f64)
        })
        .collect();
    let report = workspace
        .create_pages("projects", &records)
        .await
        .expect("seed");
    assert!(report.is_success(), "{:?}", report.failures);
    records
}

/// Every row (trashed ones excluded) as name -> record.
async fn rows(workspace: &Workspace) -> BTreeMap<String, Record> {
    let (_, ds) = workspace.database("projects").expect("projects");
    let live = workspace.live_schema("projects").await.expect("schema");
    let pages: Vec<notion_model::Page> = workspace
        .client()
        .data_sources()
        .query(ds)
        .stream()
        .try_collect()
        .await
        .expect("query");
    pages
        .iter()
        .filter(|p| !p.in_trash)
        .map(|p| {
            let record = page_record(p, &live);
            (record.text("Name").unwrap_or_default().to_owned(), record)
        })
        .collect()
}

fn status(record: &Record) -> &str {
    record.text("Status").unwrap_or_default()
}

fn count(stats: &serde_json::Value) -> u64 {
    stats["total"].as_u64().unwrap_or_default()
}

#[tokio::test]
async fn bulk_update_changes_exactly_the_matching_rows() -> TestResult {
    let (emu, workspace) = provisioned().await;
    seed(&workspace).await;
    let before = rows(&workspace).await;
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    reset_stats(&emu).await;

    let filter = Filter::parse("Status = Active and Progress < 50")?;
    let selection = select(&workspace, &target, &filter, &["Priority".to_owned()]).await?;
    let expected: Vec<&String> = before
        .iter()
        .filter(|(_, r)| status(r) == "Active" && r.number("Progress").unwrap_or(0.0) < 50.0)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(selection.pages.len(), expected.len());
    assert_eq!(expected.len(), 2, "Project 00 and Project 03");

    let live: &LiveSchema = &selection.live;
    let update = Record::new()
        .set("Priority", "High")
        .set("Status", "Completed");
    let valid = Validator::new(live, target.spec.as_ref(), Default::default()).validate(&update)?;
    let report = apply(
        &workspace,
        &selection,
        &BulkAction::Update(valid),
        BulkOptions::default(),
        &|_| {},
    )
    .await;
    assert_eq!((report.matched, report.updated, report.failed), (2, 2, 0));

    let used = stats(&emu).await;
    assert_eq!(
        writes(&used),
        vec!["\"PATCH\" \"/v1/pages/{id}\""],
        "{used}"
    );
    let patches: u64 = used["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["method"] == "PATCH")
        .filter_map(|r| r["count"].as_u64())
        .sum();
    assert_eq!(patches, 2, "one write per matching row: {used}");
    assert_eq!(
        count(&used),
        1 + 1 + 2,
        "schema + one query page + writes: {used}"
    );
    assert_eq!(report.requests, 4);

    let after = rows(&workspace).await;
    for (name, old) in &before {
        let new = &after[name];
        if expected.contains(&name) {
            assert_eq!(status(new), "Completed", "{name}");
            assert_eq!(new.text("Priority"), Some("High"), "{name}");
            assert_eq!(new.number("Progress"), old.number("Progress"), "{name}");
        } else {
            assert_eq!(new, old, "{name} must not change");
        }
    }
    Ok(())
}

#[tokio::test]
async fn bulk_archive_trashes_the_matching_rows() -> TestResult {
    let (_emu, workspace) = provisioned().await;
    seed(&workspace).await;
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    let filter = Filter::parse("Progress >= 80 or Status = \"On Hold\"")?;
    let selection = select(&workspace, &target, &filter, &[]).await?;
    let matched: Vec<String> = selection
        .pages
        .iter()
        .map(|p| {
            page_record(p, &selection.live)
                .text("Name")
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    // On Hold: 02, 05, 08, 11; Progress >= 80: 08, 09, 10, 11.
    assert_eq!(matched.len(), 6, "{matched:?}");

    let report = apply(
        &workspace,
        &selection,
        &BulkAction::Archive,
        BulkOptions::default(),
        &|_| {},
    )
    .await;
    assert_eq!((report.archived, report.failed), (6, 0));

    let left = rows(&workspace).await;
    assert_eq!(left.len(), 6);
    for name in &matched {
        assert!(!left.contains_key(name), "{name} is in the trash");
    }
    let again = select(&workspace, &target, &filter, &[]).await?;
    assert!(
        again.pages.is_empty(),
        "trashed rows are not selected again"
    );
    Ok(())
}

#[tokio::test]
async fn the_filter_is_checked_against_the_live_schema() -> TestResult {
    let (emu, workspace) = provisioned().await;
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    reset_stats(&emu).await;
    let filter = Filter::parse("Stauts = Active")?;
    let err = select(&workspace, &target, &filter, &[])
        .await
        .expect_err("unknown property");
    assert!(
        matches!(err, orchestra::Error::Filter(ref f) if f.column == 1),
        "{err}"
    );
    assert!(err.to_string().contains("did you mean \"Status\""), "{err}");
    assert_eq!(count(&stats(&emu).await), 1, "only the schema was read");
    Ok(())
}

#[tokio::test]
async fn nested_groups_and_dates_reach_notion_as_one_query() -> TestResult {
    let (_emu, workspace) = provisioned().await;
    let records = vec![
        Record::new()
            .set("Name", "Late")
            .set("Due Date", "2026-01-10")
            .set("Status", "Active"),
        Record::new()
            .set("Name", "Soon")
            .set("Due Date", "2026-07-01")
            .set("Status", "Active"),
        Record::new()
            .set("Name", "Undated")
            .set("Status", "On Hold"),
    ];
    workspace.create_pages("projects", &records).await?;
    let target = SyncTarget::resolve(&workspace, "projects").await?;
    let filter = Filter::parse(
        "(`Due Date` before 2026-06-01 or \"Due Date\" is empty) and Name is not empty",
    )?;
    let selection = select(&workspace, &target, &filter, &[]).await?;
    assert_eq!(
        selection.notion_filter,
        json!({"and": [
            {"or": [
                {"property": "Due Date", "date": {"before": "2026-06-01"}},
                {"property": "Due Date", "date": {"is_empty": true}},
            ]},
            {"property": "Name", "title": {"is_not_empty": true}},
        ]})
    );
    let mut names: Vec<String> = selection
        .pages
        .iter()
        .map(|p| {
            page_record(p, &selection.live)
                .text("Name")
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names, vec!["Late", "Undated"]);
    Ok(())
}
