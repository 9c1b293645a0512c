//! `orchestra tools sync`.

use std::path::PathBuf;

use jiff::Timestamp;
use orchestra::collect::Destination;
use orchestra::collect::tools::{env_var_is_set, sync_tools};
use serde_json::json;

use super::{Outcome, beside_config};
use crate::session::Session;

/// Fills the AI Tools Coordination Hub.
pub(super) async fn sync(
    session: &Session,
    to: &Destination<'_>,
    ledger: Option<PathBuf>,
) -> anyhow::Result<Outcome> {
    if session.config.providers.is_empty() {
        anyhow::bail!(
            "{}: no [[providers]] configured; add one per AI provider \
             (name, key_env, rate_limit, health_url, notes)",
            session.config_path.display()
        );
    }
    let ledger = ledger.or_else(|| {
        session
            .config
            .sources
            .usage_ledger
            .as_deref()
            .map(|f| beside_config(&session.config_path, f))
    });
    let run = sync_tools(to, ledger.as_deref(), &env_var_is_set, Timestamp::now()).await?;
    let rows: Vec<_> = run
        .tools
        .iter()
        .map(|t| {
            json!({
                "tool_name": t.tool_name, "provider": t.provider,
                "api_key_status": t.api_key_status, "usage_this_month": t.usage_this_month,
                "cost": t.cost, "last_used": t.last_used.map(|d| d.to_string()),
                "health_status": t.health_status,
            })
        })
        .collect();
    Ok(Outcome {
        extra: json!({"tools": rows}),
        report: run.report,
        warnings: run.warnings,
        notify: None,
    })
}
