//! Carrying out a [`Plan`]: creations always, drift repairs with `--apply`.

use std::collections::BTreeMap;

use notion_api::Client;
use notion_model::property::{PropertySchema, SelectOption};
use notion_model::{DataSource, DataSourceId, Parent};

use super::{Action, Drift, Plan};
use crate::config::{Config, DatabaseIds};
use crate::error::{Error, Result};
use crate::schema::{DatabaseSpec, WorkspaceSchema};

/// What [`apply`] may do.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApplyOptions {
    /// Repair drift (additive changes only: properties, options, renames back, formats).
    pub repair_drift: bool,
}

/// Progress of [`apply`], for progress bars and logs.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ProvisionEvent {
    /// Work on a database starts.
    Database {
        /// Its title.
        title: String,
        /// 1-based position.
        index: usize,
        /// How many databases there are.
        total: usize,
    },
    /// A write happened.
    Changed(String),
}

/// What [`apply`] did.
#[derive(Debug, Clone, Default)]
pub struct ApplyReport {
    /// Databases created (keys).
    pub created: Vec<String>,
    /// Repairs made, as `key: change`.
    pub repaired: Vec<String>,
    /// Drift left for a person, as `key: change`.
    pub left: Vec<String>,
    /// Databases blocked, as `key: reason`.
    pub blocked: Vec<String>,
}

impl ApplyReport {
    /// True when something was written to Notion.
    pub fn changed_anything(&self) -> bool {
        !self.created.is_empty() || !self.repaired.is_empty()
    }
}

/// Creates the missing databases, repairs drift when asked, and records every id in
/// `config` (the caller saves it).
///
/// # Errors
/// The first API error; ids of databases created before it are already in `config`.
pub async fn apply(
    client: &Client,
    schema: &WorkspaceSchema,
    plan: &Plan,
    config: &mut Config,
    options: ApplyOptions,
    on_event: &(dyn Fn(ProvisionEvent) + Sync),
) -> Result<ApplyReport> {
    let mut report = ApplyReport::default();
    let mut targets: BTreeMap<String, DataSourceId> = plan
        .databases
        .iter()
        .filter_map(|d| match &d.action {
            Action::Keep { ids, .. } => Some((d.key.clone(), ids.data_source_id)),
            _ => None,
        })
        .collect();
    let total = plan.databases.len();
    for (i, db) in plan.databases.iter().enumerate() {
        on_event(ProvisionEvent::Database {
            title: db.title.clone(),
            index: i + 1,
            total,
        });
        let spec = schema.database(&db.key)?;
        match &db.action {
            Action::Blocked { reason, .. } => report.blocked.push(format!("{}: {reason}", db.key)),
            Action::Create => {
                let (ids, source) = create(client, spec, plan, &targets).await?;
                targets.insert(db.key.clone(), source.id);
                on_event(ProvisionEvent::Changed(format!("created {:?}", spec.title)));
                report.created.push(db.key.clone());
                config.set_ids(&db.key, with_property_ids(ids, spec, &source));
            }
            Action::Keep {
                ids, source, drift, ..
            } => {
                let (repairable, manual): (Vec<&Drift>, Vec<&Drift>) =
                    drift.iter().partition(|d| d.is_repairable());
                report
                    .left
                    .extend(manual.iter().map(|d| format!("{}: {d}", db.key)));
                let mut source = source.as_ref().clone();
                if options.repair_drift && !repairable.is_empty() {
                    source =
                        repair(client, spec, ids.data_source_id, &repairable, &targets).await?;
                    for d in &repairable {
                        on_event(ProvisionEvent::Changed(format!("{}: {d}", spec.title)));
                        report.repaired.push(format!("{}: {d}", db.key));
                    }
                } else {
                    report
                        .left
                        .extend(repairable.iter().map(|d| format!("{}: {d}", db.key)));
                }
                let ids = DatabaseIds::new(ids.database_id, ids.data_source_id);
                config.set_ids(&db.key, with_property_ids(ids, spec, &source));
            }
        }
    }
    Ok(report)
}

/// Remembers property ids by the brief's names (the ones present).
fn with_property_ids(
    mut ids: DatabaseIds,
    spec: &DatabaseSpec,
    source: &DataSource,
) -> DatabaseIds {
    for p in &spec.properties {
        if let Some(id) = source.properties.get(&p.name).and_then(|s| s.id.clone()) {
            ids.property_ids.insert(p.name.clone(), id);
        }
    }
    ids
}

async fn create(
    client: &Client,
    spec: &DatabaseSpec,
    plan: &Plan,
    targets: &BTreeMap<String, DataSourceId>,
) -> Result<(DatabaseIds, DataSource)> {
    let mut request = client
        .databases()
        .create(Parent::page(plan.parent))
        .title_text(spec.title.clone());
    let mut deferred = Vec::new();
    for p in &spec.properties {
        let target = p.target.as_ref().and_then(|t| targets.get(t).copied());
        match p.to_notion(target) {
            Some(schema) => request = request.property(&p.name, schema),
            None => deferred.push(p),
        }
    }
    let database = request.send().await?;
    let data_source_id = database
        .data_sources
        .as_ref()
        .and_then(|d| d.first())
        .map(|d| d.id)
        .ok_or_else(|| {
            Error::Schema(format!(
                "Notion created {:?} without a data source; Orchestra needs Notion-Version 2025-09-03 or later",
                spec.title
            ))
        })?;
    let source = if deferred.is_empty() {
        client.data_sources().retrieve(data_source_id).await?
    } else {
        // Relations to the database itself (Dependencies) need its data source id first.
        let mut update = client.data_sources().update(data_source_id);
        for p in deferred {
            let target = match p.target.as_deref() {
                Some(t) if t == spec.key => Some(data_source_id),
                Some(t) => targets.get(t).copied(),
                None => None,
            };
            if let Some(schema) = p.to_notion(target) {
                update = update.property(&p.name, schema);
            }
        }
        update.send().await?
    };
    Ok((DatabaseIds::new(database.id, data_source_id), source))
}

async fn repair(
    client: &Client,
    spec: &DatabaseSpec,
    data_source_id: DataSourceId,
    drift: &[&Drift],
    targets: &BTreeMap<String, DataSourceId>,
) -> Result<DataSource> {
    let mut update = client.data_sources().update(data_source_id);
    for d in drift {
        let Some(p) = spec.property(d.property()) else {
            continue;
        };
        match d {
            Drift::Missing { .. } => {
                let target = match p.target.as_deref() {
                    Some(t) if t == spec.key => Some(data_source_id),
                    Some(t) => targets.get(t).copied(),
                    None => None,
                };
                if let Some(schema) = p.to_notion(target) {
                    update = update.property(&p.name, schema);
                }
            }
            Drift::MissingOptions { existing, .. } => {
                let mut names: Vec<String> = existing.clone();
                names.extend(p.options.iter().filter(|o| !existing.contains(o)).cloned());
                let options = names.into_iter().map(SelectOption::named).collect();
                let schema = if p.kind == crate::schema::PropertyKind::MultiSelect {
                    PropertySchema::multi_select(options)
                } else {
                    PropertySchema::select(options)
                };
                update = update.property(&p.name, schema);
            }
            Drift::Renamed { id, .. } => {
                update = update.property(id, PropertySchema::rename(p.name.clone()));
            }
            Drift::WrongFormat { .. } => {
                update = update.property(&p.name, PropertySchema::number(p.number_format()));
            }
            Drift::WrongType { .. } | Drift::WrongTarget { .. } => {}
        }
    }
    Ok(update.send().await?)
}
