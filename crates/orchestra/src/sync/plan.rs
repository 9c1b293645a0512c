//! Deciding, record by record, what to write: validation, keys, diff against the rows.

use std::collections::{BTreeMap, HashMap, HashSet};

use notion_model::PageId;

use super::diff::{PropertyChange, changes, comparable, key_text};
use super::remote::{ReadScope, RemoteIndex, RemoteRow};
use super::report::{RecordOutcome, SyncAction};
use super::state::RowState;
use crate::record::{LiveSchema, PlainValue, Record, ValidRecord, Validator};

/// A record that passed validation, with its key and comparable values.
#[derive(Debug, Clone)]
pub(crate) struct LocalRow {
    /// Position in the file.
    pub(crate) index: usize,
    pub(crate) key: String,
    pub(crate) valid: ValidRecord,
    pub(crate) values: BTreeMap<String, PlainValue>,
}

/// One write to make.
#[derive(Debug, Clone)]
pub(crate) enum Write {
    Create,
    Update {
        page: PageId,
        changes: Vec<PropertyChange>,
        restore: bool,
    },
}

/// What one record needs.
#[derive(Debug, Clone)]
pub(crate) enum Decision {
    /// A write.
    Write(Planned),
    /// The row already has these values.
    Unchanged {
        local: LocalRow,
        page: PageId,
        last_edited_time: String,
    },
    /// Nothing to write, for a reason given in the outcome (trash, failed lookup).
    Done(RecordOutcome),
}

/// A record and what to do with it.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    pub(crate) local: LocalRow,
    pub(crate) write: Write,
}

/// Validates every record and finds its key; bad records become failures.
pub(crate) fn prepare(
    records: &[Record],
    validator: &Validator<'_>,
    live: &LiveSchema,
    key_property: &str,
) -> (Vec<LocalRow>, Vec<(usize, RecordOutcome)>) {
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in records.iter().enumerate() {
        let label = validator.label(record);
        let valid = match validator.validate(record) {
            Ok(valid) => valid,
            Err(err) => {
                failures.push((index, RecordOutcome::failed(label, err.to_string())));
                continue;
            }
        };
        let values: BTreeMap<String, PlainValue> = valid
            .properties
            .iter()
            .filter_map(|(name, value)| Some((name.clone(), comparable(name, value, live)?)))
            .collect();
        let Some(key) = values.get(key_property).and_then(key_text) else {
            failures.push((
                index,
                RecordOutcome::failed(
                    label,
                    format!("no value for the key property {key_property:?}"),
                ),
            ));
            continue;
        };
        if !seen.insert(key.clone()) {
            failures.push((
                index,
                RecordOutcome::failed(key, "this key appears more than once in the file"),
            ));
            continue;
        }
        rows.push(LocalRow {
            index,
            key,
            valid,
            values,
        });
    }
    (rows, failures)
}

/// What a record needs, given the rows read and the state store; rows the state
/// remembers but the read did not return are looked up one by one (trash, renamed key).
pub(crate) async fn decide(
    local: LocalRow,
    index: &RemoteIndex,
    remembered: &HashMap<String, RowState>,
    scope: &ReadScope<'_>,
    restore: bool,
) -> Decision {
    let create = |local| {
        Decision::Write(Planned {
            local,
            write: Write::Create,
        })
    };
    if let Some(row) = index.by_key.get(&local.key) {
        return update_or_nothing(local, row, false);
    }
    let Some(page_id) = remembered
        .get(&local.key)
        .and_then(|state| PageId::parse(&state.page_id).ok())
    else {
        return create(local);
    };
    match scope.client.pages().retrieve(page_id).send().await {
        Ok(page) => {
            let row = scope.row(&page).map_or_else(
                || RemoteRow {
                    page_id: page.id,
                    values: BTreeMap::new(),
                    last_edited_time: page.last_edited_time.as_str().to_owned(),
                    in_trash: page.in_trash,
                },
                |(_, row)| row,
            );
            if row.in_trash && !restore {
                let mut outcome = RecordOutcome::new(&local.key, SyncAction::SkippedTrashed);
                outcome.page_id = Some(page.id.to_string());
                return Decision::Done(outcome);
            }
            update_or_nothing(local, &row, row.in_trash)
        }
        Err(err) if err.is_not_found() => create(local),
        Err(err) => Decision::Done(RecordOutcome::failed(&local.key, err.to_string())),
    }
}

fn update_or_nothing(local: LocalRow, row: &RemoteRow, restore: bool) -> Decision {
    let changes = changes(&local.values, Some(&row.values));
    if changes.is_empty() && !restore {
        return Decision::Unchanged {
            local,
            page: row.page_id,
            last_edited_time: row.last_edited_time.clone(),
        };
    }
    Decision::Write(Planned {
        local,
        write: Write::Update {
            page: row.page_id,
            changes,
            restore,
        },
    })
}

impl Planned {
    /// What `--dry-run` reports for this write.
    pub(crate) fn dry_run_outcome(self) -> (usize, RecordOutcome) {
        let outcome = match self.write {
            Write::Create => RecordOutcome {
                changes: changes(&self.local.values, None),
                ..RecordOutcome::new(&self.local.key, SyncAction::Create)
            },
            Write::Update {
                page,
                changes,
                restore,
            } => {
                let action = if restore {
                    SyncAction::Restore
                } else {
                    SyncAction::Update
                };
                RecordOutcome {
                    page_id: Some(page.to_string()),
                    changes,
                    ..RecordOutcome::new(&self.local.key, action)
                }
            }
        };
        (self.local.index, outcome)
    }
}
