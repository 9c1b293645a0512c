//! The AI Tools Coordination Hub: one row per provider of `[[providers]]` (or, with
//! `per_tool = true`, one per tool of the ledger, titled `Provider/tool`).
//!
//! - API Key Status: the provider's `key_env` variable is set and non-empty (its value is
//!   never read into a row, output or log);
//! - Usage This Month and Cost: sums over the ledger lines of the current calendar month
//!   (UTC); usage counts tokens, else calls, else one call per line;
//! - Last Used: the date (UTC) of the provider's latest ledger line;
//! - Health Status: from `health_url` when configured (see [`check`]), else Healthy
//!   when the key is set and Warning when not;
//! - Rate Limit and Notes: from the configuration.

mod health;
mod ledger;

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

pub use health::{Health, SLOW, TIMEOUT, check, health_client};
pub use ledger::{LedgerEntry, parse_ledger, read_ledger};

use super::Destination;
use crate::config::ProviderConfig;
use crate::error::Result;
use crate::record::Record;
use crate::sync::SyncReport;
use crate::typed::{AiTool, Row};

/// The database key of the AI Tools Coordination Hub.
pub const DATABASE: &str = "tools";

/// What a tools sync did.
#[derive(Debug, Clone)]
pub struct ToolsRun {
    /// The rows, as written.
    pub tools: Vec<AiTool>,
    /// The sync of the rows.
    pub report: SyncReport,
    /// Skipped ledger lines, unknown providers, failed health checks.
    pub warnings: Vec<String>,
}

/// Reads the ledger (if any), checks health, and upserts one row per tool by Tool Name.
/// `key_is_set` tells whether an environment variable is set and non-empty (e.g.
/// [`env_var_is_set`]).
///
/// # Errors
/// An unreadable ledger, or what stops the sync.
pub async fn sync_tools(
    to: &Destination<'_>,
    ledger: Option<&Path>,
    key_is_set: &(dyn Fn(&str) -> bool + Sync),
    now: Timestamp,
) -> Result<ToolsRun> {
    let providers = &to.workspace.config().providers;
    let (entries, mut warnings) = match ledger {
        Some(path) => read_ledger(path)?,
        None => (Vec::new(), Vec::new()),
    };
    warnings.extend(unknown_providers(providers, &entries));
    let client = health_client();
    let mut health = BTreeMap::new();
    for provider in providers {
        if let Some(url) = &provider.health_url {
            let (status, reason) = check(&client, url).await;
            if status != Health::Healthy {
                warnings.push(format!("{}: {reason}", provider.name));
            }
            health.insert(provider.name.clone(), status);
        }
    }
    let tools = tool_rows(providers, &entries, key_is_set, &health, now);
    let records: Vec<Record> = tools.iter().map(Row::to_record).collect();
    let report = to.sync(DATABASE, &records, None).await?;
    Ok(ToolsRun {
        tools,
        report,
        warnings,
    })
}

/// True when the variable `name` is set and non-empty; its value is not kept.
pub fn env_var_is_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

fn unknown_providers(providers: &[ProviderConfig], entries: &[LedgerEntry]) -> Vec<String> {
    let mut unknown: Vec<&str> = entries
        .iter()
        .map(|e| e.provider.as_str())
        .filter(|name| !providers.iter().any(|p| p.name.eq_ignore_ascii_case(name)))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    unknown
        .into_iter()
        .map(|name| format!("the ledger names provider {name:?}, which is not in [[providers]]"))
        .collect()
}

/// The rows, given the ledger, which keys are set and the health checks made (by
/// provider name; providers without a health URL are absent).
pub fn tool_rows(
    providers: &[ProviderConfig],
    entries: &[LedgerEntry],
    key_is_set: &(dyn Fn(&str) -> bool + Sync),
    health: &BTreeMap<String, Health>,
    now: Timestamp,
) -> Vec<AiTool> {
    let month = now.to_zoned_datetime(TimeZone::UTC);
    let this_month = |t: &Timestamp| {
        let z = t.to_zoned_datetime(TimeZone::UTC);
        z.year() == month.year() && z.month() == month.month()
    };
    let mut rows = Vec::new();
    for provider in providers {
        let mine: Vec<&LedgerEntry> = entries
            .iter()
            .filter(|e| e.provider.eq_ignore_ascii_case(&provider.name))
            .collect();
        let key_set = key_is_set(&provider.key_env);
        let status = health.get(&provider.name).copied().unwrap_or(if key_set {
            Health::Healthy
        } else {
            Health::Warning
        });
        let mut groups: BTreeMap<String, Vec<&LedgerEntry>> = BTreeMap::new();
        if provider.per_tool {
            for e in &mine {
                let name = match &e.tool {
                    Some(tool) => format!("{}/{tool}", provider.name),
                    None => provider.name.clone(),
                };
                groups.entry(name).or_default().push(e);
            }
        }
        if groups.is_empty() {
            groups.insert(provider.name.clone(), mine);
        }
        for (tool_name, lines) in groups {
            let month_lines: Vec<&&LedgerEntry> =
                lines.iter().filter(|e| this_month(&e.time)).collect();
            let usage: f64 = month_lines.iter().map(|e| e.usage()).sum();
            let cost: f64 = month_lines.iter().filter_map(|e| e.cost).sum();
            let last = lines.iter().map(|e| e.time).max();
            rows.push(AiTool {
                tool_name,
                provider: Some(provider.name.clone()),
                api_key_status: key_set,
                usage_this_month: Some(usage.round()),
                cost: Some((cost * 10_000.0).round() / 10_000.0),
                rate_limit: provider.rate_limit.clone(),
                last_used: last.map(|t| t.to_zoned_datetime(TimeZone::UTC).date()),
                health_status: Some(status.as_str().to_owned()),
                notes: provider.notes.clone(),
            });
        }
    }
    rows
}
