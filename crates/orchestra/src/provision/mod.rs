//! `orchestra init`: find the seven databases under the parent page, create what is
//! missing in dependency order, and detect (and with `--apply` repair) schema drift.
//!
//! Plan first ([`survey`] reads only), then [`apply`]. A second run on an up-to-date
//! workspace sends no write request.

mod apply;
mod drift;
mod locate;

use std::collections::BTreeMap;
use std::fmt;

use notion_api::Client;
use notion_model::{DataSource, PageId};

pub use apply::{ApplyOptions, ApplyReport, ProvisionEvent, apply};
pub use drift::{Drift, detect};
pub use locate::FoundBy;

use crate::config::{Config, ResolvedIds};
use crate::error::Result;
use crate::record::LiveSchema;
use crate::schema::WorkspaceSchema;

/// What `init` will do, database by database, in creation order.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The parent page.
    pub parent: PageId,
    /// One entry per database.
    pub databases: Vec<DatabasePlan>,
}

/// The plan for one database.
#[derive(Debug, Clone)]
pub struct DatabasePlan {
    /// Its key.
    pub key: String,
    /// Its title.
    pub title: String,
    /// What to do.
    pub action: Action,
}

/// What to do with one database.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Action {
    /// Create it.
    Create,
    /// It exists; these differences were found.
    Keep {
        /// Its ids.
        ids: ResolvedIds,
        /// How it was found.
        found_by: FoundBy,
        /// The data source as read.
        source: Box<DataSource>,
        /// Differences with the brief.
        drift: Vec<Drift>,
    },
    /// It cannot be checked or created safely.
    Blocked {
        /// What went wrong.
        reason: String,
        /// What to do about it.
        fix: String,
    },
}

impl Plan {
    /// True when nothing needs to be created or repaired and nothing is blocked.
    pub fn is_up_to_date(&self) -> bool {
        self.databases
            .iter()
            .all(|d| matches!(&d.action, Action::Keep { drift, .. } if drift.is_empty()))
    }

    /// True when a database is blocked.
    pub fn has_blocked(&self) -> bool {
        self.databases
            .iter()
            .any(|d| matches!(d.action, Action::Blocked { .. }))
    }

    /// Drift left for a person (type changes, relation targets).
    pub fn has_unrepairable_drift(&self) -> bool {
        self.databases.iter().any(|d| {
            matches!(&d.action, Action::Keep { drift, .. } if drift.iter().any(|x| !x.is_repairable()))
        })
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Workspace under page {}:", self.parent)?;
        for db in &self.databases {
            let name = format!("{:?} ({})", db.title, db.key);
            match &db.action {
                Action::Create => writeln!(f, "  + create {name}")?,
                Action::Keep {
                    drift, found_by, ..
                } if drift.is_empty() => {
                    writeln!(f, "  = {name}: up to date ({found_by})")?;
                }
                Action::Keep {
                    drift, found_by, ..
                } => {
                    writeln!(f, "  ~ {name}: {} difference(s) ({found_by})", drift.len())?;
                    for d in drift {
                        writeln!(f, "      {d}")?;
                    }
                }
                Action::Blocked { reason, fix } => {
                    writeln!(f, "  ! {name}: {reason}")?;
                    writeln!(f, "      fix: {fix}")?;
                }
            }
        }
        Ok(())
    }
}

/// Reads the workspace (GET and search requests only) and plans the changes.
///
/// # Errors
/// The API error when the parent page itself cannot be read.
pub async fn survey(
    client: &Client,
    schema: &WorkspaceSchema,
    config: &Config,
    parent: PageId,
) -> Result<Plan> {
    client.pages().retrieve(parent).send().await?;
    let mut located = Vec::new();
    for spec in schema.creation_order() {
        located.push((spec, locate::locate(client, spec, config, parent).await));
    }
    let targets: BTreeMap<String, String> = located
        .iter()
        .filter_map(|(spec, l)| match l {
            locate::Located::Found { ids, .. } => {
                Some((spec.key.clone(), ids.data_source_id.to_string()))
            }
            _ => None,
        })
        .collect();
    let databases = located
        .into_iter()
        .map(|(spec, l)| {
            let action = match l {
                locate::Located::Missing => Action::Create,
                locate::Located::Blocked { reason, fix } => Action::Blocked { reason, fix },
                locate::Located::Found {
                    ids,
                    found_by,
                    source,
                } => {
                    let live = LiveSchema::from_data_source(&source);
                    let remembered = config
                        .databases
                        .get(&spec.key)
                        .map(|d| d.property_ids.clone())
                        .unwrap_or_default();
                    Action::Keep {
                        ids,
                        found_by,
                        drift: detect(spec, &live, &remembered, &targets),
                        source,
                    }
                }
            };
            DatabasePlan {
                key: spec.key.clone(),
                title: spec.title.clone(),
                action,
            }
        })
        .collect();
    Ok(Plan { parent, databases })
}
