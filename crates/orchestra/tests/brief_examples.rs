//! The brief's five Python examples, in Rust.

use notion_model::PageId;
use orchestra::record::{Record, page_record};
use orchestra::typed::{DevActivity, Project, Row};
use serde_json::json;

use crate::support::{TestResult, provisioned};

/// "Basic Usage": `notion = get_integration('notion')`.
#[tokio::test]
async fn basic_usage_gets_the_notion_integration() -> TestResult {
    let (emu, _ws) = provisioned().await;
    let env = orchestra::env::Environment::from_lookup(|name| match name {
        "NOTION_API_KEY" => Some(emu.token()),
        "NOTION_BASE_URL" => Some(emu.base_url()),
        _ => None,
    });
    let notion = orchestra::integrations::get_with("notion", &env)?;
    assert_eq!(notion.name(), "notion");
    let health = notion.health().await;
    assert!(health.healthy, "{health:?}");
    assert!(notion.notion_client().is_some());
    let err = orchestra::integrations::get_with("jira", &env).expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "unknown integration \"jira\"; known integrations: notion"
    );
    Ok(())
}

/// "Create a new page in a database".
#[tokio::test]
async fn create_page() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let project = Project {
        name: "New Project".into(),
        status: Some("Active".into()),
        priority: Some("High".into()),
        progress: Some(25.0),
        ..Project::default()
    };
    let page = ws
        .create_page(Project::DATABASE, &project.to_record())
        .await?;
    let live = ws.live_schema("projects").await?;
    let stored = ws.client().pages().retrieve(page.id).send().await?;
    // Progress uses Notion's percent format: 25 % is stored as 0.25.
    assert_eq!(
        stored.properties["Progress"]
            .as_number()
            .and_then(serde_json::Number::as_f64),
        Some(0.25)
    );
    assert_eq!(Project::from_record(&page_record(&stored, &live)), project);
    Ok(())
}

/// "Update Project Status": query for the page, then update status and progress.
#[tokio::test]
async fn update_project_status() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let created = ws
        .create_page(
            "projects",
            &Record::new()
                .set("Name", "Orchestra")
                .set("Status", "Active")
                .set("Progress", 10.0),
        )
        .await?;
    let id: PageId = ws.find_page("projects", "Orchestra").await?;
    assert_eq!(id, created.id);
    let update = Record::keyed("Orchestra")
        .set("Status", "Completed")
        .set("Progress", 100.0);
    ws.update_page("projects", id, &update).await?;
    let live = ws.live_schema("projects").await?;
    let project = Project::from_record(&page_record(
        &ws.client().pages().retrieve(id).send().await?,
        &live,
    ));
    assert_eq!(project.status.as_deref(), Some("Completed"));
    assert_eq!(project.progress, Some(100.0));
    Ok(())
}

/// "Log Development Activity", including the brief's `"Branch": {"text": ...}` mistake.
#[tokio::test]
async fn log_deployment() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let mut deploy = DevActivity::deployment("orchestra-api", "main", "Success", "Rolled out v1.2");
    deploy.timestamp = Some("2026-05-04T10:00:00Z".parse()?);
    let page = ws
        .create_page(DevActivity::DATABASE, &deploy.to_record())
        .await?;
    let live = ws.live_schema("activity").await?;
    let back = DevActivity::from_record(&page_record(
        &ws.client().pages().retrieve(page.id).send().await?,
        &live,
    ));
    assert_eq!(back, deploy);

    let as_in_the_brief = Record::new().set("Activity", "Deploy orchestra-api").set(
        "Branch",
        orchestra::record::PlainValue::Notion(
            json!({"text": {"content": "main"}})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        ),
    );
    let err = ws
        .create_page("activity", &as_in_the_brief)
        .await
        .expect_err("Text takes rich_text");
    assert!(
        err.to_string()
            .contains("\"Branch\" is a Text property, which takes rich_text"),
        "{err}"
    );
    Ok(())
}

/// "Error Handling": a `rate_limited` error is recognisable, and a later retry works.
#[tokio::test]
async fn error_handling_of_rate_limited() -> TestResult {
    let (emu, ws) = provisioned().await;
    let http = reqwest::Client::new();
    let faults = json!({"seed": 1, "rules": [{"status": 429, "probability": 1.0, "methods": ["POST"], "path": "/v1/pages"}]});
    http.put(format!("{}/_emulator/faults", emu.base_url()))
        .json(&faults)
        .send()
        .await?;
    let record = Record::new().set("Name", "Busy");
    let err = ws
        .create_page("projects", &record)
        .await
        .expect_err("rate limited");
    assert!(
        err.notion().is_some_and(notion_api::Error::is_rate_limited),
        "{err}"
    );
    assert!(err.to_string().contains("rate_limited"), "{err}");
    http.put(format!("{}/_emulator/faults", emu.base_url()))
        .json(&json!({"rules": []}))
        .send()
        .await?;
    ws.create_page("projects", &record).await?;
    Ok(())
}
