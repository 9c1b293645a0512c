//! `init`: creation, idempotency, drift detection and repair.

use notion_emulator::testing::TestEmulator;
use notion_model::property::PropertySchema;
use orchestra::config::Config;
use orchestra::provision::{Action, Drift, survey};
use orchestra::schema::{PropertyKind, WorkspaceSchema};
use pretty_assertions::assert_eq;

use crate::support::{TestResult, client, init, reset_stats, root, stats, writes};

#[tokio::test]
async fn init_creates_the_seven_databases_with_the_briefs_properties() -> TestResult {
    let emu = TestEmulator::start().await;
    let client = client(&emu);
    let mut config = Config::default();
    let (plan, report) = init(&client, &mut config, root(&emu), false).await?;
    assert!(
        plan.databases
            .iter()
            .all(|d| matches!(d.action, Action::Create))
    );
    assert_eq!(
        report.created,
        [
            "projects", "tools", "cherry", "sophia", "karen", "activity", "insights"
        ]
    );
    let schema = WorkspaceSchema::builtin();
    for spec in &schema.databases {
        let ids = config.ids(&spec.key).expect("ids recorded");
        let source = client.data_sources().retrieve(ids.data_source_id).await?;
        assert_eq!(
            notion_model::rich_text::plain_text(&source.title),
            spec.title
        );
        for p in &spec.properties {
            let live = source
                .properties
                .get(&p.name)
                .unwrap_or_else(|| panic!("{} lacks {}", spec.title, p.name));
            assert_eq!(
                live.type_name.as_deref(),
                Some(p.kind.notion_type()),
                "{}",
                p.name
            );
        }
    }
    // Dependencies points at Project Overview itself.
    let projects = config.ids("projects").expect("projects");
    let source = client
        .data_sources()
        .retrieve(projects.data_source_id)
        .await?;
    let deps = serde_json::to_value(&source.properties["Dependencies"])?;
    assert_eq!(
        deps["relation"]["data_source_id"],
        projects.data_source_id.to_string()
    );
    let progress = serde_json::to_value(&source.properties["Progress"])?;
    assert_eq!(progress["number"]["format"], "percent");
    Ok(())
}

#[tokio::test]
async fn a_second_init_finds_everything_and_writes_nothing() -> TestResult {
    let emu = TestEmulator::start().await;
    let client = client(&emu);
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false).await?;
    let first = config.clone();
    reset_stats(&emu).await;
    let (plan, report) = init(&client, &mut config, root(&emu), true).await?;
    assert!(plan.is_up_to_date(), "{plan}");
    assert!(!report.changed_anything());
    assert_eq!(config, first, "same ids");
    assert_eq!(writes(&stats(&emu).await), Vec::<String>::new());
    Ok(())
}

#[tokio::test]
async fn without_stored_ids_init_finds_the_databases_by_title() -> TestResult {
    let emu = TestEmulator::start().await;
    let client = client(&emu);
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false).await?;
    let mut fresh = Config::default();
    reset_stats(&emu).await;
    let (plan, report) = init(&client, &mut fresh, root(&emu), false).await?;
    assert!(plan.is_up_to_date(), "{plan}");
    assert!(report.created.is_empty());
    for (key, ids) in &config.databases {
        assert_eq!(fresh.databases[key].database_id, ids.database_id);
        assert_eq!(fresh.databases[key].data_source_id, ids.data_source_id);
    }
    assert_eq!(writes(&stats(&emu).await), Vec::<String>::new());
    Ok(())
}

#[tokio::test]
async fn a_deleted_property_is_detected_and_restored_by_apply() -> TestResult {
    let emu = TestEmulator::start().await;
    let client = client(&emu);
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false).await?;
    let projects = config.ids("projects").expect("projects");
    client
        .data_sources()
        .update(projects.data_source_id)
        .remove_property("Progress")
        .send()
        .await?;
    let plan = survey(&client, &WorkspaceSchema::builtin(), &config, root(&emu)).await?;
    let Action::Keep { drift, .. } = &plan.databases[0].action else {
        panic!("{plan}")
    };
    assert_eq!(
        drift,
        &[Drift::Missing {
            property: "Progress".into(),
            kind: PropertyKind::Number
        }]
    );

    // Without --apply nothing changes.
    let (_, report) = init(&client, &mut config, root(&emu), false).await?;
    assert!(report.repaired.is_empty() && report.left.len() == 1);
    let (_, report) = init(&client, &mut config, root(&emu), true).await?;
    assert_eq!(report.repaired.len(), 1);
    let source = client
        .data_sources()
        .retrieve(projects.data_source_id)
        .await?;
    assert_eq!(
        source.properties["Progress"].type_name.as_deref(),
        Some("number")
    );
    let plan = survey(&client, &WorkspaceSchema::builtin(), &config, root(&emu)).await?;
    assert!(plan.is_up_to_date(), "{plan}");
    Ok(())
}

#[tokio::test]
async fn renames_type_changes_and_missing_options_are_told_apart() -> TestResult {
    let emu = TestEmulator::start().await;
    let client = client(&emu);
    let mut config = Config::default();
    init(&client, &mut config, root(&emu), false).await?;
    let ds = config.ids("activity").expect("activity").data_source_id;
    client
        .data_sources()
        .update(ds)
        .property("Branch", PropertySchema::rename("Git Branch"))
        .property(
            "Details",
            PropertySchema::number(notion_model::property::NumberFormat::Number),
        )
        .property(
            "Status",
            PropertySchema::select(vec![notion_model::property::SelectOption::named("Success")]),
        )
        .send()
        .await?;
    let plan = survey(&client, &WorkspaceSchema::builtin(), &config, root(&emu)).await?;
    insta::assert_snapshot!("activity_drift_plan", plan.databases[5].action_summary());
    let (_, report) = init(&client, &mut config, root(&emu), true).await?;
    assert_eq!(report.repaired.len(), 2, "{report:?}");
    assert_eq!(report.left.len(), 1, "the type change is left to a person");
    let source = client.data_sources().retrieve(ds).await?;
    assert!(source.properties.contains_key("Branch"));
    assert!(!source.properties.contains_key("Git Branch"));
    let status = serde_json::to_value(&source.properties["Status"])?;
    assert_eq!(
        status["select"]["options"].as_array().map(Vec::len),
        Some(3)
    );
    Ok(())
}

trait Summary {
    fn action_summary(&self) -> String;
}

impl Summary for orchestra::provision::DatabasePlan {
    fn action_summary(&self) -> String {
        match &self.action {
            Action::Keep { drift, .. } => drift.iter().map(|d| format!("{d}\n")).collect(),
            other => format!("{other:?}"),
        }
    }
}
