//! The provisioned workspace: pages created and updated through validation.

use notion_api::Client;
use notion_model::{DataSourceId, Page, PageId, Parent};
use serde_json::json;

use crate::config::{Config, OptionPolicy};
use crate::error::{Error, Result};
use crate::record::{LiveSchema, Record, RecordError, ValidRecord, Validator};
use crate::schema::{DatabaseSpec, WorkspaceSchema};

/// A client plus the configuration and schema that say where everything is.
#[derive(Debug, Clone)]
pub struct Workspace {
    client: Client,
    config: Config,
    schema: WorkspaceSchema,
}

/// One record that could not be written.
#[derive(Debug)]
pub struct RecordFailure {
    /// The record's key or title.
    pub record: String,
    /// Why.
    pub error: Error,
}

/// The outcome of writing several records: one bad record never stops the others.
#[derive(Debug, Default)]
pub struct BatchReport {
    /// Written pages: record label and page id.
    pub written: Vec<(String, PageId)>,
    /// Records that failed.
    pub failures: Vec<RecordFailure>,
}

impl BatchReport {
    /// True when every record was written.
    pub fn is_success(&self) -> bool {
        self.failures.is_empty()
    }
}

impl Workspace {
    /// A workspace view.
    pub fn new(client: Client, config: Config, schema: WorkspaceSchema) -> Self {
        Self {
            client,
            config,
            schema,
        }
    }

    /// The client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The schema definition.
    pub fn schema(&self) -> &WorkspaceSchema {
        &self.schema
    }

    /// The spec and data source of database `key`.
    ///
    /// # Errors
    /// [`Error::UnknownDatabase`], [`Error::NotProvisioned`].
    pub fn database(&self, key: &str) -> Result<(&DatabaseSpec, DataSourceId)> {
        let spec = self.schema.database(key)?;
        let ids = self.config.ids(key).ok_or_else(|| Error::NotProvisioned {
            key: key.to_owned(),
            title: spec.title.clone(),
        })?;
        Ok((spec, ids.data_source_id))
    }

    /// The live schema of database `key` (one GET).
    ///
    /// # Errors
    /// As [`Workspace::database`], or the API error.
    pub async fn live_schema(&self, key: &str) -> Result<LiveSchema> {
        let (_, ds) = self.database(key)?;
        let source = self.client.data_sources().retrieve(ds).await?;
        Ok(LiveSchema::from_data_source(&source))
    }

    fn policy(&self) -> OptionPolicy {
        self.config.notion.option_policy
    }

    /// Validates `record` for database `key` without sending anything.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every problem of the record.
    pub fn validate(&self, key: &str, live: &LiveSchema, record: &Record) -> Result<ValidRecord> {
        let spec = self.schema.database(key)?;
        Ok(Validator::new(live, Some(spec), self.policy()).validate(record)?)
    }

    /// Creates a row in database `key` after validating it against the live schema.
    ///
    /// # Errors
    /// [`Error::Invalid`] (nothing sent), or the API error.
    pub async fn create_page(&self, key: &str, record: &Record) -> Result<Page> {
        let live = self.live_schema(key).await?;
        let valid = self.validate(key, &live, record)?;
        self.send_create(key, valid).await
    }

    async fn send_create(&self, key: &str, valid: ValidRecord) -> Result<Page> {
        let (_, ds) = self.database(key)?;
        let mut request = self.client.pages().create(Parent::data_source(ds));
        for (name, value) in valid.properties {
            request = request.property(&name, value);
        }
        Ok(request.send().await?)
    }

    /// Updates page `page` of database `key` with the record's properties only.
    ///
    /// # Errors
    /// [`Error::Invalid`] (nothing sent), or the API error.
    pub async fn update_page(&self, key: &str, page: PageId, record: &Record) -> Result<Page> {
        let live = self.live_schema(key).await?;
        let valid = self.validate(key, &live, record)?;
        let mut request = self.client.pages().update(page);
        for (name, value) in valid.properties {
            request = request.property(&name, value);
        }
        Ok(request.send().await?)
    }

    /// Writes many records to database `key`: every record is validated, bad ones are
    /// reported and the others are still written.
    ///
    /// # Errors
    /// Only when the live schema cannot be read; record failures are in the report.
    pub async fn create_pages(&self, key: &str, records: &[Record]) -> Result<BatchReport> {
        let live = self.live_schema(key).await?;
        let mut report = BatchReport::default();
        for record in records {
            let label = Validator::new(&live, None, self.policy()).label(record);
            let outcome = match self.validate(key, &live, record) {
                Ok(valid) => self.send_create(key, valid).await,
                Err(err) => Err(err),
            };
            match outcome {
                Ok(page) => report.written.push((label, page.id)),
                Err(error) => report.failures.push(RecordFailure {
                    record: label,
                    error,
                }),
            }
        }
        Ok(report)
    }

    /// Finds a page of database `key` by id, URL or title.
    ///
    /// # Errors
    /// [`Error::Lookup`] when no page or several pages have that title.
    pub async fn find_page(&self, key: &str, id_or_title: &str) -> Result<PageId> {
        if let Ok(id) = PageId::parse(id_or_title) {
            return Ok(id);
        }
        let (spec, ds) = self.database(key)?;
        let title = spec.title_property().name.clone();
        let pages = self
            .client
            .data_sources()
            .query(ds)
            .filter(json!({"property": title, "title": {"equals": id_or_title}}))
            .page_size(2)
            .send()
            .await?;
        match pages.results.as_slice() {
            [one] => Ok(one.id),
            [] => Err(Error::Lookup(format!(
                "no page titled {id_or_title:?} in {}",
                spec.title
            ))),
            _ => Err(Error::Lookup(format!(
                "several pages are titled {id_or_title:?} in {}; give the page id",
                spec.title
            ))),
        }
    }
}

impl From<RecordError> for RecordFailure {
    fn from(err: RecordError) -> Self {
        Self {
            record: err.record.clone(),
            error: Error::Invalid(err),
        }
    }
}
