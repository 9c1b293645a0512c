//! `orchestra config show`: the effective configuration, secrets redacted. Ids layered in
//! from the local workspace's ids file are shown with the file they came from.

use serde_json::{Value, json};

use super::Config;

/// The configuration plus the environment it runs with, as JSON. The token is never
/// included: only whether one is set, and from which variable.
pub fn redacted_view(config: &Config, env: &crate::env::Environment) -> Value {
    let mut value = serde_json::to_value(config).unwrap_or(Value::Null);
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "environment".to_owned(),
            json!({
                "token": env.token_source().map_or_else(
                    || "not set (local workspace)".to_owned(),
                    |var| format!("*** (from {var})"),
                ),
                "base_url": env.base_url(),
                "notion_version": env.version_label(),
                "slack_webhook": if std::env::var_os(&config.slack.webhook_env).is_some() {
                    format!("*** (from {})", config.slack.webhook_env)
                } else {
                    format!("not set ({})", config.slack.webhook_env)
                },
            }),
        );
        if let Some(origin) = &config.local_ids {
            obj.insert(LOCAL_IDS_SECTION.to_owned(), local_ids_view(origin));
        }
    }
    value
}

/// The section saying which ids came from the local workspace's ids file.
const LOCAL_IDS_SECTION: &str = "local_workspace_ids";

fn local_ids_view(origin: &super::LocalIdsOrigin) -> Value {
    let parent = origin
        .parent_page_id
        .then(|| "notion.parent_page_id".to_owned());
    let keys: Vec<String> = parent
        .into_iter()
        .chain(
            origin
                .databases
                .iter()
                .map(|key| format!("databases.{key}")),
        )
        .collect();
    json!({
        "file": origin.file.display().to_string(),
        "note": "these ids belong to the local workspace and win over orchestra.toml's",
        "ids": keys,
    })
}

/// The same view as [`redacted_view`], as readable TOML: the environment first, then the
/// file's sections. Secrets appear only as `***` or "not set", with their variable's name.
pub fn redacted_text(config: &Config, env: &crate::env::Environment) -> String {
    let mut view = redacted_view(config, env);
    let mut ordered = serde_json::Map::new();
    if let Some(obj) = view.as_object_mut() {
        if let Some(environment) = obj.remove("environment") {
            ordered.insert("environment".to_owned(), environment);
        }
        if let Some(local_ids) = obj.remove(LOCAL_IDS_SECTION) {
            ordered.insert(LOCAL_IDS_SECTION.to_owned(), local_ids);
        }
        ordered.extend(std::mem::take(obj));
    }
    ordered.retain(|_, section| !is_empty_table(section));
    toml::to_string_pretty(&Value::Object(ordered))
        .unwrap_or_else(|e| format!("# the configuration could not be shown: {e}\n"))
}

fn is_empty_table(value: &Value) -> bool {
    value.as_object().is_some_and(serde_json::Map::is_empty)
}
