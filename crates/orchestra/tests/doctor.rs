//! `doctor` against a healthy, an unshared and an unauthorised workspace.

use orchestra::doctor::{self, Status};
use orchestra::schema::WorkspaceSchema;

use crate::support::{TestResult, client_with_token, provisioned};

#[tokio::test]
async fn a_healthy_workspace_passes() -> TestResult {
    let (_emu, ws) = provisioned().await;
    let report = doctor::run(ws.client(), ws.schema(), ws.config(), None).await;
    assert!(!report.failed(), "{report}");
    Ok(())
}

#[tokio::test]
async fn an_unshared_database_gets_the_sharing_fix() -> TestResult {
    let (emu, ws) = provisioned().await;
    let other = emu
        .admin()
        .integration("Orchestra AI System", &[], "with_email");
    for ids in ws.config().databases.values() {
        emu.admin().share(&other.token, &ids.database_id);
    }
    let client = client_with_token(&emu, &other.token);
    let mut config = ws.config().clone();
    config.notion.parent_page_id = None;
    let report = doctor::run(&client, &WorkspaceSchema::builtin(), &config, None).await;
    assert!(
        !report.checks.iter().any(|c| c.status == Status::Fail),
        "{report}"
    );

    emu.admin()
        .unshare(&other.token, &ws.config().databases["karen"].database_id);
    let report = doctor::run(&client, &WorkspaceSchema::builtin(), &config, None).await;
    assert!(report.failed());
    let karen = report
        .checks
        .iter()
        .find(|c| c.name.contains("karen"))
        .expect("karen check");
    assert_eq!(karen.status, Status::Fail);
    assert!(
        karen.detail.starts_with("Database not found"),
        "{}",
        karen.detail
    );
    let fix = karen.fix.as_deref().unwrap_or_default();
    assert!(fix.contains("\"...\" -> \"Add connections\""), "{fix}");
    assert!(fix.contains("select \"Orchestra AI System\""), "{fix}");
    assert!(fix.contains("\"Confirm\""), "{fix}");
    Ok(())
}

#[tokio::test]
async fn a_bad_token_is_unauthorized_with_the_briefs_advice() -> TestResult {
    let (emu, ws) = provisioned().await;
    let client = client_with_token(&emu, "secret_wrong");
    let report = doctor::run(&client, ws.schema(), ws.config(), None).await;
    let token = &report.checks[0];
    assert_eq!(token.status, Status::Fail);
    assert!(token.detail.starts_with("Unauthorized"), "{}", token.detail);
    assert!(
        token
            .fix
            .as_deref()
            .unwrap_or_default()
            .contains("Verify the API key is correct")
    );
    assert!(!report.to_string().contains("secret_wrong"));
    Ok(())
}
