//! Every validation rule, with its message, checked against the live schema.

use orchestra::config::OptionPolicy;
use orchestra::record::{LiveSchema, PlainValue, Record, Validator};
use orchestra::workspace::Workspace;
use serde_json::json;

use crate::support::{TestResult, provisioned, stats};

async fn live(workspace: &Workspace, key: &str) -> LiveSchema {
    workspace.live_schema(key).await.expect("live schema")
}

fn message(
    workspace: &Workspace,
    key: &str,
    live: &LiveSchema,
    policy: OptionPolicy,
    record: &Record,
) -> String {
    let spec = workspace.schema().database(key).expect("spec");
    match Validator::new(live, Some(spec), policy).validate(record) {
        Ok(valid) => panic!("expected a problem, got {valid:?}"),
        Err(err) => err.to_string(),
    }
}

#[tokio::test]
async fn every_rule_has_a_clear_message() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let projects = live(&ws, "projects").await;
    let activity = live(&ws, "activity").await;
    let reject = OptionPolicy::Reject;
    let cases = [
        (
            "unknown_property_case",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("status", "Active"),
            ),
        ),
        (
            "unknown_property_typo",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Priorty", "High"),
            ),
        ),
        (
            "unknown_property_far",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Colour", "red"),
            ),
        ),
        (
            "text_given_as_text_key",
            message(
                &ws,
                "activity",
                &activity,
                reject,
                &Record::keyed("Deploy api").set(
                    "Branch",
                    PlainValue::Notion(
                        json!({"text": {"content": "main"}})
                            .as_object()
                            .cloned()
                            .unwrap_or_default(),
                    ),
                ),
            ),
        ),
        (
            "number_as_words",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Progress", "a lot"),
            ),
        ),
        (
            "option_rejected",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Status", "Done"),
            ),
        ),
        (
            "progress_too_high",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Progress", 150.0),
            ),
        ),
        (
            "progress_negative",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Progress", -1.0),
            ),
        ),
        (
            "bad_date",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Due Date", "next tuesday"),
            ),
        ),
        (
            "date_time_without_time",
            message(
                &ws,
                "activity",
                &activity,
                reject,
                &Record::keyed("Deploy").set("Timestamp", "2026-05-04"),
            ),
        ),
        (
            "bad_url",
            message(
                &ws,
                "activity",
                &activity,
                reject,
                &Record::keyed("Deploy").set("Link", "not a url"),
            ),
        ),
        (
            "bad_person",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::keyed("Alpha").set("Owner", "alice"),
            ),
        ),
        (
            "checkbox_words",
            message(
                &ws,
                "tools",
                &live(&ws, "tools").await,
                reject,
                &Record::keyed("GPT").set("API Key Status", "maybe"),
            ),
        ),
        (
            "several_problems",
            message(
                &ws,
                "projects",
                &projects,
                reject,
                &Record::new()
                    .set("Name", "Beta")
                    .set("Progress", 101.0)
                    .set("Due Date", "soon"),
            ),
        ),
    ];
    for (name, text) in cases {
        insta::assert_snapshot!(name, text);
    }
    let cherry = live(&ws, "cherry").await;
    insta::assert_snapshot!(
        "confidence_out_of_range",
        message(
            &ws,
            "cherry",
            &cherry,
            reject,
            &Record::keyed("Likes tea").set("Confidence", 120.0)
        )
    );
    Ok(())
}

#[tokio::test]
async fn good_values_become_notion_values() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let activity = live(&ws, "activity").await;
    let spec = ws.schema().database("activity")?;
    let long = "x".repeat(4500);
    let record = Record::keyed("Deploy api")
        .set("Activity", "Deploy api")
        .set(
            "Branch",
            PlainValue::Notion(
                json!({"rich_text": [{"text": {"content": "main"}}]})
                    .as_object()
                    .cloned()
                    .unwrap_or_default(),
            ),
        )
        .set("Timestamp", "2026-05-04 10:00 +02:00")
        .set("Details", long.as_str())
        .set("Status", "Success");
    let valid = Validator::new(&activity, Some(spec), OptionPolicy::Reject).validate(&record)?;
    let values: serde_json::Map<String, serde_json::Value> = valid
        .properties
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap_or_default()))
        .collect();
    assert_eq!(
        values["Timestamp"]["date"]["start"],
        "2026-05-04T10:00:00+02:00"
    );
    assert_eq!(values["Branch"]["rich_text"][0]["text"]["content"], "main");
    let details = values["Details"]["rich_text"].as_array().expect("items");
    assert_eq!(details.len(), 3, "4,500 characters make three items");
    assert!(
        details
            .iter()
            .all(|d| d["text"]["content"].as_str().map_or(0, str::len) <= 2000)
    );
    Ok(())
}

#[tokio::test]
async fn a_bad_record_never_stops_the_others() -> TestResult {
    let (emu, ws) = provisioned().await;
    let records = vec![
        Record::new().set("Name", "Good one").set("Progress", 10.0),
        Record::new().set("Name", "Bad one").set("Progress", 900.0),
        Record::new()
            .set("Name", "Good two")
            .set("Status", "On Hold"),
    ];
    let report = ws.create_pages("projects", &records).await?;
    assert_eq!(
        report
            .written
            .iter()
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>(),
        ["Good one", "Good two"]
    );
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].record, "Bad one");
    insta::assert_snapshot!("batch_failure", report.failures[0].error.to_string());
    let stats = stats(&emu).await;
    let posts: u64 = stats["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["method"] == "POST" && r["path"] == "/v1/pages")
        .filter_map(|r| r["count"].as_u64())
        .sum();
    assert_eq!(posts, 2, "nothing was sent for the bad record");
    Ok(())
}

#[tokio::test]
async fn unknown_options_are_created_when_the_policy_says_so() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let page = ws
        .create_page(
            "activity",
            &Record::new()
                .set("Activity", "Deploy web")
                .set("Repository", "orchestra-web"),
        )
        .await?;
    let live = ws.live_schema("activity").await?;
    assert!(
        live.get("Repository")
            .expect("Repository")
            .options
            .contains(&"orchestra-web".to_owned())
    );
    assert_eq!(
        page.properties["Repository"].option_name(),
        Some("orchestra-web")
    );
    Ok(())
}
