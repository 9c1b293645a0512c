//! Saving `orchestra.toml` keeps the user's comments and layout: only changed keys move.

use notion_model::{DataSourceId, DatabaseId};
use orchestra::config::{Config, DatabaseIds, OptionPolicy};

const COMMENTED: &str = r#"# My Orchestra settings, kept by hand.

[notion]
# Strict on purpose: typos in select options are refused.
option_policy = "reject"   # not "create"

# Money, in dollars a day.
[thresholds.cost]
warning  = 100   # a heads-up
critical = 250.0

[slack]
webhook_url_env = "TEAM_HOOK" # the old name of the key
"#;

fn ids(n: u8) -> DatabaseIds {
    let hex = format!("{n:02x}");
    let database = DatabaseId::parse(&hex.repeat(16)).expect("database id");
    let source = DataSourceId::parse(&"ab".repeat(16)).expect("data source id");
    let mut ids = DatabaseIds::new(database, source);
    ids.property_ids
        .insert("Name".to_owned(), "title".to_owned());
    ids
}

#[test]
fn saving_keeps_comments_order_and_untouched_formatting() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("orchestra.toml");
    std::fs::write(&path, COMMENTED)?;
    let mut config = Config::load(&path)?;
    config.set_ids("projects", ids(1));
    config.notion.parent_page_id = Some("1f0c9a3e5b7d4c219e8a6d2b4f1a0c33".to_owned());
    config.save(&path)?;
    let written = std::fs::read_to_string(&path)?;

    for line in COMMENTED.lines() {
        assert!(written.contains(line), "lost {line:?} in:\n{written}");
    }
    assert_eq!(Config::load(&path)?, config, "the file reads back the same");
    insta::assert_snapshot!("commented_config_after_save", written);
    Ok(())
}

#[test]
fn a_changed_value_keeps_its_comments_and_a_removed_one_goes()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("orchestra.toml");
    std::fs::write(&path, COMMENTED)?;
    let mut config = Config::load(&path)?;
    config.notion.option_policy = OptionPolicy::Create;
    config.slack.webhook_env = "NEW_HOOK".to_owned();
    config.thresholds.clear();
    config.save(&path)?;
    let written = std::fs::read_to_string(&path)?;

    assert!(
        written.contains("# Strict on purpose: typos in select options are refused.\noption_policy = \"create\"   # not \"create\""),
        "{written}"
    );
    assert!(
        written.contains("webhook_env = \"NEW_HOOK\"") && !written.contains("webhook_url_env"),
        "the alias is replaced, not duplicated:\n{written}"
    );
    assert!(!written.contains("[thresholds.cost]"), "{written}");
    assert!(written.starts_with("# My Orchestra settings, kept by hand.\n"));
    assert_eq!(Config::load(&path)?, config);
    Ok(())
}

#[test]
fn saving_an_unchanged_config_leaves_the_file_byte_for_byte()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("orchestra.toml");
    std::fs::write(&path, COMMENTED)?;
    Config::load(&path)?.save(&path)?;
    assert_eq!(std::fs::read_to_string(&path)?, COMMENTED);
    Ok(())
}

#[test]
fn a_new_file_gets_the_header_and_every_section() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("orchestra.toml");
    let mut config = Config::default();
    config.set_ids("projects", ids(2));
    config.save(&path)?;
    let written = std::fs::read_to_string(&path)?;
    assert!(written.starts_with("# Orchestra for Notion."), "{written}");
    assert!(written.contains("[databases.projects]"), "{written}");
    assert_eq!(Config::load(&path)?, config);
    Ok(())
}
