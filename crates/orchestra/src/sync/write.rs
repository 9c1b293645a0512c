//! Making one planned write, crash-safely.
//!
//! A create is journalled before it is sent. When its outcome is unknown (timeout, 5xx,
//! dropped connection) it is not repeated: the row is looked up by key first, and only a
//! row found that way is adopted. "Committed then 503" names the new page: it is recorded
//! as the page of the key.

use notion_api::Error as ApiError;
use notion_model::{PageId, Parent};

use super::diff::{changes, values_hash};
use super::plan::{LocalRow, Planned, Write};
use super::remote::ReadScope;
use super::report::{RecordOutcome, SyncAction};
use super::state::{Intent, RowState, StateStore};

/// What every write needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Writer<'a> {
    pub(crate) scope: ReadScope<'a>,
    pub(crate) state: &'a StateStore,
    /// The state store's database name (the data source id).
    pub(crate) database: &'a str,
}

impl Writer<'_> {
    /// Makes the write; never fails as a whole: errors are in the outcome.
    pub(crate) async fn run(&self, planned: Planned) -> RecordOutcome {
        match planned.write {
            Write::Create => self.create(&planned.local).await,
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
                let mut outcome = self
                    .update(&planned.local, page, &changes, restore, action)
                    .await;
                outcome.changes = changes;
                outcome
            }
        }
    }

    async fn create(&self, local: &LocalRow) -> RecordOutcome {
        let intent = Intent {
            key: local.key.clone(),
            intent_id: intent_id(local.index),
            created_at: jiff::Timestamp::now().to_string(),
        };
        if let Err(err) = self.state.begin_create(self.database, &intent) {
            return RecordOutcome::failed(&local.key, err.to_string());
        }
        let mut request = self
            .scope
            .client
            .pages()
            .create(Parent::data_source(self.scope.data_source));
        for (name, value) in &local.valid.properties {
            request = request.property(name, value.clone());
        }
        let created = |page: String, edited: String| {
            let mut outcome = RecordOutcome::new(&local.key, SyncAction::Create);
            outcome.changes = changes(&local.values, None);
            match self.remember(local, &page, edited) {
                Ok(()) => outcome.page_id = Some(page),
                Err(err) => outcome = RecordOutcome::failed(&local.key, err.to_string()),
            }
            outcome
        };
        match request.send().await {
            Ok(page) => created(
                page.id.to_string(),
                page.last_edited_time.as_str().to_owned(),
            ),
            Err(err) => {
                if let Some(page) = err.committed_resource_id() {
                    return created(page.to_owned(), String::new());
                }
                if err.is_write_maybe_committed() {
                    return self.reconcile(local, &err).await;
                }
                // Known not to have happened: the intent is void.
                let _ = self.state.clear_intent(self.database, &local.key);
                RecordOutcome::failed(&local.key, err.to_string())
            }
        }
    }

    /// After a create with an unknown outcome: look the key up instead of repeating it.
    async fn reconcile(&self, local: &LocalRow, err: &ApiError) -> RecordOutcome {
        let unknown = || {
            RecordOutcome::failed(
                &local.key,
                format!(
                    "{err}; the create may not have happened: no row with this key was found \
                     (the next sync looks again before creating)"
                ),
            )
        };
        match self.scope.find(&local.key).await {
            Ok(Some(row)) => {
                let pending = changes(&local.values, Some(&row.values));
                if pending.is_empty() {
                    let mut outcome = RecordOutcome::new(&local.key, SyncAction::Create);
                    outcome.changes = changes(&local.values, None);
                    outcome.page_id = Some(row.page_id.to_string());
                    if let Err(e) =
                        self.remember(local, &row.page_id.to_string(), row.last_edited_time)
                    {
                        return RecordOutcome::failed(&local.key, e.to_string());
                    }
                    return outcome;
                }
                self.update(local, row.page_id, &pending, false, SyncAction::Create)
                    .await
            }
            Ok(None) => unknown(),
            Err(find) => RecordOutcome::failed(
                &local.key,
                format!("{err}; looking the row up by key also failed: {find}"),
            ),
        }
    }

    async fn update(
        &self,
        local: &LocalRow,
        page: PageId,
        changed: &[super::diff::PropertyChange],
        restore: bool,
        action: SyncAction,
    ) -> RecordOutcome {
        let mut request = self.scope.client.pages().update(page);
        if restore {
            request = request.in_trash(false);
        }
        for (name, value) in &local.valid.properties {
            if changed.iter().any(|c| &c.property == name) {
                request = request.property(name, value.clone());
            }
        }
        let edited = match request.send().await {
            Ok(updated) => updated.last_edited_time.as_str().to_owned(),
            Err(err) if err.committed_resource_id().is_some() => String::new(),
            Err(err) => {
                let mut outcome = RecordOutcome::failed(&local.key, err.to_string());
                outcome.page_id = Some(page.to_string());
                return outcome;
            }
        };
        let mut outcome = RecordOutcome::new(&local.key, action);
        outcome.page_id = Some(page.to_string());
        if let Err(err) = self.remember(local, &page.to_string(), edited) {
            return RecordOutcome::failed(&local.key, err.to_string());
        }
        outcome
    }

    fn remember(&self, local: &LocalRow, page: &str, edited: String) -> crate::Result<()> {
        let page_id = PageId::parse(page).map_or_else(|_| page.to_owned(), |p| p.to_string());
        self.state
            .put_snapshot(self.database, &local.key, &page_id, &local.values)?;
        self.state.put_row(
            self.database,
            &local.key,
            &RowState {
                page_id,
                hash: values_hash(&local.values),
                last_edited_time: edited,
            },
        )
    }
}

/// A unique id for one create attempt.
fn intent_id(index: usize) -> String {
    let now = jiff::Timestamp::now();
    format!("{:x}-{:x}-{index}", now.as_nanosecond(), std::process::id())
}
