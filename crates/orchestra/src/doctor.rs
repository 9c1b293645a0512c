//! `orchestra doctor`: is the token valid, is every database reachable and shared, does
//! every schema match the brief? Each failure carries the brief's troubleshooting advice.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use notion_api::Client;
use serde::Serialize;

use crate::config::Config;
use crate::provision::{Drift, detect};
use crate::record::LiveSchema;
use crate::schema::WorkspaceSchema;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fine.
    Ok,
    /// Worth knowing; does not fail the run.
    Warn,
    /// Broken.
    Fail,
}

/// One check.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// What was checked.
    pub name: String,
    /// How it went.
    pub status: Status,
    /// What was found (the cause, for failures).
    pub detail: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// Every check, in order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DoctorReport {
    /// The checks.
    pub checks: Vec<Check>,
}

/// The local workspace, when the caller runs one.
#[derive(Debug, Clone)]
pub struct LocalWorkspace {
    /// The SQLite file.
    pub path: PathBuf,
    /// True when commands run against it (no token set).
    pub in_use: bool,
}

impl DoctorReport {
    /// True when a check failed.
    pub fn failed(&self) -> bool {
        self.checks.iter().any(|c| c.status == Status::Fail)
    }

    fn push(
        &mut self,
        name: impl Into<String>,
        status: Status,
        detail: impl Into<String>,
        fix: Option<String>,
    ) {
        self.checks.push(Check {
            name: name.into(),
            status,
            detail: detail.into(),
            fix,
        });
    }
}

impl fmt::Display for DoctorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.checks {
            let mark = match c.status {
                Status::Ok => "ok  ",
                Status::Warn => "warn",
                Status::Fail => "FAIL",
            };
            writeln!(f, "[{mark}] {}: {}", c.name, c.detail)?;
            if let Some(fix) = &c.fix {
                for line in fix.lines() {
                    writeln!(f, "       fix: {line}")?;
                }
            }
        }
        let failed = self
            .checks
            .iter()
            .filter(|c| c.status == Status::Fail)
            .count();
        if failed == 0 {
            writeln!(f, "All checks passed.")
        } else {
            writeln!(f, "{failed} check(s) failed.")
        }
    }
}

/// The brief's advice for "Unauthorized".
pub const UNAUTHORIZED_FIX: &str = "Verify the API key is correct (NOTION_API_KEY holds the integration's \
\"Internal Integration Token\").\nEnsure the integration has access to the database.\nCheck workspace permissions.";

fn not_found_fix(bot: &str) -> String {
    format!(
        "Confirm the database ID is correct (orchestra.toml, or run `orchestra init`).\n\
         Verify the integration is connected to the database: open it in Notion, click \"...\" -> \"Add connections\", \
         search for and select \"{bot}\", click \"Confirm\".\n\
         Check the database wasn't deleted."
    )
}

/// Runs every check. Never fails: problems are checks with [`Status::Fail`].
pub async fn run(
    client: &Client,
    schema: &WorkspaceSchema,
    config: &Config,
    local: Option<LocalWorkspace>,
) -> DoctorReport {
    let mut report = DoctorReport::default();
    if let Some(local) = &local {
        let size = std::fs::metadata(&local.path).map(|m| m.len()).unwrap_or(0);
        if local.in_use {
            report.push(
                "local workspace",
                Status::Ok,
                format!(
                    "no token set: using the local workspace {} ({size} bytes)",
                    local.path.display()
                ),
                None,
            );
        } else if local.path.exists() {
            report.push(
                "local workspace",
                Status::Warn,
                format!(
                    "{} exists but a token is set, so it is not used",
                    local.path.display()
                ),
                None,
            );
        }
    }
    let bot = match client.users().me().await {
        Ok(me) => {
            let name = me.display_name().unwrap_or("your integration").to_owned();
            report.push(
                "token",
                Status::Ok,
                format!("valid; the integration is {name:?}"),
                None,
            );
            name
        }
        Err(err) => {
            let unauthorized = err.status() == Some(401);
            report.push(
                "token",
                Status::Fail,
                if unauthorized {
                    format!("Unauthorized: Notion rejected the API key ({err})")
                } else {
                    err.to_string()
                },
                Some(if unauthorized {
                    UNAUTHORIZED_FIX.to_owned()
                } else {
                    format!(
                        "check NOTION_BASE_URL ({}) and the network",
                        client.base_url()
                    )
                }),
            );
            return report;
        }
    };
    let version = client.notion_version();
    if version.has_data_sources() {
        report.push(
            "API version",
            Status::Ok,
            format!("Notion-Version {}", version.as_str()),
            None,
        );
    } else {
        report.push(
            "API version",
            Status::Fail,
            format!("Notion-Version {} has no data sources", version.as_str()),
            Some("unset NOTION_VERSION or set it to 2025-09-03 or later".to_owned()),
        );
    }
    match config.parent_page() {
        Some(parent) => match client.pages().retrieve(parent).send().await {
            Ok(_) => report.push(
                "parent page",
                Status::Ok,
                format!("{parent} is shared"),
                None,
            ),
            Err(err) => report.push(
                "parent page",
                Status::Fail,
                format!("page {parent} not reachable: {err}"),
                Some(not_found_fix(&bot).replace("database", "page")),
            ),
        },
        None => report.push(
            "parent page",
            Status::Warn,
            "no parent page configured",
            Some("run `orchestra init --parent <page id or URL>`".to_owned()),
        ),
    }
    let targets: BTreeMap<String, String> = config
        .databases
        .iter()
        .map(|(k, ids)| (k.clone(), ids.data_source_id.clone()))
        .collect();
    for spec in &schema.databases {
        let name = format!("{} ({})", spec.title, spec.key);
        let Some(ids) = config.ids(&spec.key) else {
            report.push(
                name,
                Status::Fail,
                "not provisioned: no ids in orchestra.toml",
                Some("run `orchestra init`".to_owned()),
            );
            continue;
        };
        let source = match client.data_sources().retrieve(ids.data_source_id).await {
            Ok(source) => source,
            Err(err) if err.is_not_found() => {
                report.push(
                    name,
                    Status::Fail,
                    format!(
                        "Database not found: {} is not reachable by the integration {bot:?}",
                        ids.database_id
                    ),
                    Some(not_found_fix(&bot)),
                );
                continue;
            }
            Err(err) => {
                report.push(name, Status::Fail, err.to_string(), None);
                continue;
            }
        };
        if source.in_trash {
            report.push(
                name,
                Status::Fail,
                format!("Database {} is in the trash", ids.database_id),
                Some("restore it from the trash in Notion, or remove its ids from orchestra.toml and run `orchestra init`".to_owned()),
            );
            continue;
        }
        let remembered = config
            .databases
            .get(&spec.key)
            .map(|d| d.property_ids.clone())
            .unwrap_or_default();
        let drift = detect(
            spec,
            &LiveSchema::from_data_source(&source),
            &remembered,
            &targets,
        );
        if drift.is_empty() {
            report.push(
                name,
                Status::Ok,
                "reachable, shared, schema matches the brief",
                None,
            );
        } else {
            report.push(
                name,
                Status::Fail,
                drift_detail(&drift),
                Some(drift_fix(&drift)),
            );
        }
    }
    report
}

fn drift_detail(drift: &[Drift]) -> String {
    let lines: Vec<String> = drift
        .iter()
        .map(|d| match d {
            Drift::WrongType {
                property,
                expected,
                found,
            } => format!(
                "Property type mismatch: {property:?} is {} but the brief expects {expected}",
                crate::schema::PropertyKind::brief_name_of(found).unwrap_or(found)
            ),
            Drift::Missing { property, kind } => format!("missing property {property:?} ({kind})"),
            other => other.to_string(),
        })
        .collect();
    format!("schema drift:\n  {}", lines.join("\n  "))
}

fn drift_fix(drift: &[Drift]) -> String {
    let mut fix = String::new();
    if drift.iter().any(Drift::is_repairable) {
        fix.push_str(
            "run `orchestra init --apply` to add missing properties and options and undo renames\n",
        );
    }
    if drift.iter().any(|d| !d.is_repairable()) {
        fix.push_str(
            "Review the database schema in Notion: ensure property names match exactly (case-sensitive) \
             and change each mismatched property to the expected type\n",
        );
    }
    fix.trim_end().to_owned()
}
