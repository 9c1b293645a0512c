//! `/v1/data_sources`: create, retrieve, update, query (with a full scan), templates.

use notion_model::{
    DataSource, DataSourceId, DatabaseId, Icon, Page, PropertySchema, RichText, Template,
};
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::body::JsonBody;
use super::list::{BodyListRequest, ListRequest};
use crate::client::Client;
use crate::error::Result;
use crate::pagination::full_scan::full_scan;
use crate::pagination::{ItemStream, Paginated};
use crate::transport::request::ApiRequest;

/// Data-source endpoints (2025-09-03+). Get one with [`Client::data_sources`].
#[derive(Debug, Clone, Copy)]
pub struct DataSourcesHandler<'c> {
    client: &'c Client,
}

impl<'c> DataSourcesHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `POST /v1/data_sources`: adds a data source to an existing database.
    pub fn create(&self, database: DatabaseId) -> CreateDataSource {
        let mut body = JsonBody::default();
        body.set(
            "parent",
            json!({"type": "database_id", "database_id": database}),
        );
        CreateDataSource {
            client: self.client.clone(),
            body,
        }
    }

    /// `GET /v1/data_sources/{id}`: schema and metadata.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn retrieve(&self, id: DataSourceId) -> Result<DataSource> {
        self.client
            .execute(&ApiRequest::new(
                Method::GET,
                format!("/v1/data_sources/{id}"),
            ))
            .await
    }

    /// `PATCH /v1/data_sources/{id}`.
    pub fn update(&self, id: DataSourceId) -> UpdateDataSource {
        UpdateDataSource {
            client: self.client.clone(),
            id,
            body: JsonBody::default(),
        }
    }

    /// `POST /v1/data_sources/{id}/query`: rows, filtered and sorted.
    pub fn query(&self, id: DataSourceId) -> DataSourceQuery<Page> {
        DataSourceQuery::new(self.client, format!("/v1/data_sources/{id}/query"))
    }

    /// `GET /v1/data_sources/{id}/templates` (paginated).
    pub fn templates(&self, id: DataSourceId) -> ListRequest<Template> {
        ListRequest::new(self.client, format!("/v1/data_sources/{id}/templates"))
            .results_under("templates")
    }
}

/// `POST /v1/data_sources`. Build with [`DataSourcesHandler::create`].
#[derive(Debug, Clone)]
#[must_use]
pub struct CreateDataSource {
    client: Client,
    body: JsonBody,
}

impl CreateDataSource {
    /// The title.
    pub fn title(mut self, title: Vec<RichText>) -> Self {
        self.body.set("title", title);
        self
    }

    /// Adds a property to the schema.
    pub fn property(mut self, name: &str, schema: PropertySchema) -> Self {
        self.body.set_in("properties", name, schema);
        self
    }

    /// The icon.
    pub fn icon(mut self, icon: Icon) -> Self {
        self.body.set("icon", icon);
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(self) -> Result<DataSource> {
        let request =
            ApiRequest::new(Method::POST, "/v1/data_sources").json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}

/// `PATCH /v1/data_sources/{id}`. Build with [`DataSourcesHandler::update`].
#[derive(Debug, Clone)]
#[must_use]
pub struct UpdateDataSource {
    client: Client,
    id: DataSourceId,
    body: JsonBody,
}

impl UpdateDataSource {
    /// The title.
    pub fn title(mut self, title: Vec<RichText>) -> Self {
        self.body.set("title", title);
        self
    }

    /// Adds, renames or reconfigures a property (by name or id).
    pub fn property(mut self, name: &str, schema: PropertySchema) -> Self {
        self.body.set_in("properties", name, schema);
        self
    }

    /// Deletes a property (`null`).
    pub fn remove_property(mut self, name: &str) -> Self {
        self.body.set_in("properties", name, Value::Null);
        self
    }

    /// The icon (`None` removes it).
    pub fn icon(mut self, icon: Option<Icon>) -> Self {
        self.body.set("icon", icon);
        self
    }

    /// Moves the data source to or from the trash.
    pub fn in_trash(mut self, in_trash: bool) -> Self {
        self.body.set("in_trash", in_trash);
        self
    }

    /// Moves the data source to another database.
    pub fn move_to(mut self, database: DatabaseId) -> Self {
        self.body.set(
            "parent",
            json!({"type": "database_id", "database_id": database}),
        );
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(self) -> Result<DataSource> {
        let request = ApiRequest::new(Method::PATCH, format!("/v1/data_sources/{}", self.id))
            .json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}

/// A data-source (or legacy database) query. Build with [`DataSourcesHandler::query`].
///
/// `send()` returns one page, `stream()` every row of this query (at most Notion's
/// per-query cap), and `scan_all()` every row even past that cap.
#[derive(Debug, Clone)]
#[must_use]
pub struct DataSourceQuery<T> {
    inner: BodyListRequest<T>,
    filter: Option<Value>,
}

impl<T: DeserializeOwned + Send + 'static> DataSourceQuery<T> {
    pub(crate) fn new(client: &Client, path: String) -> Self {
        Self {
            inner: BodyListRequest::new(client, path),
            filter: None,
        }
    }

    /// The filter (`{"property":..,"select":{"equals":..}}`, `{"and":[..]}`, ...).
    pub fn filter(mut self, filter: impl Serialize) -> Self {
        self.filter = serde_json::to_value(&filter).ok();
        self.inner = self.inner.field("filter", filter);
        self
    }

    /// The sorts (`[{"property":"Name","direction":"ascending"}]`).
    pub fn sorts(mut self, sorts: impl Serialize) -> Self {
        self.inner = self.inner.field("sorts", sorts);
        self
    }

    /// Rows per page (max 100).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.inner = self.inner.field("page_size", page_size);
        self
    }

    /// Starts from this cursor.
    pub fn start_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.inner = self.inner.field("start_cursor", cursor.into());
        self
    }

    /// Returns only these property ids (`filter_properties`, in the query string).
    pub fn filter_properties<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for id in ids {
            self.inner = self.inner.param("filter_properties", id);
        }
        self
    }

    /// Any other body field (`in_trash`, `result_type`, ...), as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.inner = self.inner.field(key, value);
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(&self) -> Result<Paginated<T>> {
        self.inner.send().await
    }

    /// Every row of this query, following cursors (stops at Notion's per-query cap).
    pub fn stream(self) -> ItemStream<T> {
        self.inner.stream()
    }

    /// Every row of this query in a `Vec` (stops at Notion's per-query cap).
    ///
    /// # Errors
    ///
    /// The first [`Error`](crate::Error) of any page.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        self.inner.collect_all().await
    }

    /// Every matching row, each once, even past Notion's per-query row cap: sorts by
    /// `created_time` ascending (replacing any sorts) and, when a query stops at the
    /// cap, continues with a `created_time on_or_after` window combined with the filter.
    pub fn scan_all(self) -> ItemStream<T> {
        match self.inner.into_scan_query(self.filter) {
            Ok(scan) => full_scan(scan),
            Err(err) => Box::pin(futures::stream::once(async { Err(err) })),
        }
    }
}
