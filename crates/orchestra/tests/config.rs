//! `orchestra.toml` and the schema definition: errors name the key.

use std::path::Path;

use orchestra::config::{Config, OptionPolicy};
use orchestra::schema::{PropertyKind, WorkspaceSchema};

fn parse(text: &str) -> String {
    Config::parse(text, Path::new("orchestra.toml"))
        .expect_err("invalid")
        .to_string()
}

#[test]
fn config_errors_name_the_key() {
    insta::assert_snapshot!("unknown_key", parse("[notion]\nparent_page = \"x\"\n"));
    insta::assert_snapshot!("bad_policy", parse("[notion]\noption_policy = \"maybe\"\n"));
    insta::assert_snapshot!(
        "bad_database_id",
        parse(
            "[databases.projects]\ndatabase_id = \"nope\"\ndata_source_id = \"1f0c9a3e5b7d4c219e8a6d2b4f1a0c33\"\n"
        )
    );
    insta::assert_snapshot!(
        "secret_in_file",
        parse("[notion]\ntoken = \"secret_abc\"\n")
    );
}

#[test]
fn the_slack_quiet_period_is_checked_when_the_file_is_loaded() {
    let message = parse("[slack]\nrealert_after = \"soon\"\n");
    assert!(message.contains("`slack.realert_after`"), "{message}");
    assert!(message.contains("24h"), "says what is expected: {message}");
    assert!(parse("[slack]\nrealert_after = \"-2h\"\n").contains("positive"));

    let config = Config::parse(
        "[slack]\nrealert_after = \"6h\"\n",
        Path::new("orchestra.toml"),
    )
    .expect("valid");
    let rule = config.slack.realert_rule().expect("checked").expect("set");
    assert_eq!(rule.realert_after, jiff::SignedDuration::from_hours(6));
    let unset = Config::parse("", Path::new("orchestra.toml")).expect("valid");
    assert_eq!(unset.slack.realert_rule(), Ok(None));
}

#[test]
fn a_valid_config_round_trips() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("orchestra.toml");
    let text = "[notion]\nparent_page_id = \"https://www.notion.so/Home-1f0c9a3e5b7d4c219e8a6d2b4f1a0c33\"\noption_policy = \"reject\"\n\n[thresholds.cost]\nwarning = 100.0\ncritical = 250.0\n";
    let config = Config::parse(text, &path)?;
    assert_eq!(config.notion.option_policy, OptionPolicy::Reject);
    assert!(config.parent_page().is_some());
    config.save(&path)?;
    assert_eq!(Config::load(&path)?, config);
    Ok(())
}

#[test]
fn the_builtin_schema_is_the_briefs() {
    let schema = WorkspaceSchema::builtin();
    assert_eq!(
        schema.keys(),
        [
            "projects", "tools", "cherry", "sophia", "karen", "activity", "insights"
        ]
    );
    let titles: Vec<&str> = schema.databases.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Project Overview",
            "AI Tools Coordination Hub",
            "Cherry (Personal Assistant)",
            "Sophia (Financial Advisor)",
            "Karen (Medical Consultant)",
            "Development Activity Log",
            "Operational Insights"
        ]
    );
    let projects = schema.database("projects").expect("projects");
    let names: Vec<&str> = projects
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Name",
            "Status",
            "Priority",
            "Owner",
            "Due Date",
            "Progress",
            "Description",
            "Dependencies",
            "Metrics"
        ]
    );
    assert_eq!(
        projects
            .property("Dependencies")
            .and_then(|p| p.target.as_deref()),
        Some("projects")
    );
    assert!(
        projects
            .property("Progress")
            .is_some_and(|p| p.is_percent())
    );
    let activity = schema.database("activity").expect("activity");
    assert_eq!(
        activity.property("Timestamp").map(|p| p.kind),
        Some(PropertyKind::DateTime)
    );
    assert_eq!(
        schema.database("nope").expect_err("unknown").to_string(),
        "unknown database \"nope\"; known databases: projects, tools, cherry, sophia, karen, activity, insights"
    );
}

#[test]
fn schema_overrides_are_checked() {
    let bad = "[[database]]\nkey = \"a\"\ntitle = \"A\"\nproperties = [{ name = \"X\", type = \"text\" }]\n";
    assert_eq!(
        WorkspaceSchema::from_toml(bad)
            .expect_err("no title")
            .to_string(),
        "schema definition: database \"a\" must have exactly one title property"
    );
    let bad = "[[database]]\nkey = \"a\"\ntitle = \"A\"\nproperties = [{ name = \"T\", type = \"title\" }, { name = \"R\", type = \"relation\", target = \"b\" }]\n";
    assert!(
        WorkspaceSchema::from_toml(bad)
            .expect_err("bad target")
            .to_string()
            .contains("target \"b\" is not a database key")
    );
}
