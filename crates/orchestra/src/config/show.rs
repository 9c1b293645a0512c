//! `orchestra config show`: the effective configuration, secrets redacted.

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
    }
    value
}
