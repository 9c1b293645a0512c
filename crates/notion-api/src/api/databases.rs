//! `/v1/databases`: create, retrieve, update, and the legacy (2022-06-28) query.

use notion_model::{
    ApiVersion, Database, DatabaseId, FileObject, Icon, Page, Parent, PropertySchema, RichText,
};
use reqwest::Method;
use serde::Serialize;

use super::body::JsonBody;
use super::data_sources::DataSourceQuery;
use crate::client::Client;
use crate::error::Result;
use crate::transport::request::ApiRequest;

/// Databases endpoints. Get one with [`Client::databases`].
#[derive(Debug, Clone, Copy)]
pub struct DatabasesHandler<'c> {
    client: &'c Client,
}

impl<'c> DatabasesHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `POST /v1/databases` under `parent` (a page, or the workspace).
    pub fn create(&self, parent: Parent) -> CreateDatabase {
        let mut body = JsonBody::default();
        body.set("parent", parent);
        CreateDatabase {
            client: self.client.clone(),
            body,
        }
    }

    /// `GET /v1/databases/{id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn retrieve(&self, id: DatabaseId) -> Result<Database> {
        self.client
            .execute(&ApiRequest::new(Method::GET, format!("/v1/databases/{id}")))
            .await
    }

    /// `PATCH /v1/databases/{id}` (container attributes).
    pub fn update(&self, id: DatabaseId) -> UpdateDatabase {
        UpdateDatabase {
            client: self.client.clone(),
            id,
            body: JsonBody::default(),
        }
    }

    /// `POST /v1/databases/{id}/query`: the 2022-06-28 query, same builder as
    /// [`DataSourcesHandler::query`](super::DataSourcesHandler::query).
    pub fn query_legacy(&self, id: DatabaseId) -> DataSourceQuery<Page> {
        DataSourceQuery::new(self.client, format!("/v1/databases/{id}/query"))
    }
}

/// `POST /v1/databases`. Build with [`DatabasesHandler::create`].
///
/// Properties go to `initial_data_source.properties` from 2025-09-03 on, and to
/// `properties` under 2022-06-28.
#[derive(Debug, Clone)]
#[must_use]
pub struct CreateDatabase {
    client: Client,
    body: JsonBody,
}

impl CreateDatabase {
    /// The title.
    pub fn title(mut self, title: Vec<RichText>) -> Self {
        self.body.set("title", title);
        self
    }

    /// The title from plain text.
    pub fn title_text(self, title: impl Into<String>) -> Self {
        self.title(vec![RichText::text(title)])
    }

    /// The description.
    pub fn description(mut self, description: Vec<RichText>) -> Self {
        self.body.set("description", description);
        self
    }

    /// Inline (inside the parent page) rather than full page.
    pub fn is_inline(mut self, inline: bool) -> Self {
        self.body.set("is_inline", inline);
        self
    }

    /// The icon.
    pub fn icon(mut self, icon: Icon) -> Self {
        self.body.set("icon", icon);
        self
    }

    /// The cover.
    pub fn cover(mut self, cover: FileObject) -> Self {
        self.body.set("cover", cover);
        self
    }

    /// Adds a property to the schema (exactly one must be a title).
    pub fn property(mut self, name: &str, schema: PropertySchema) -> Self {
        if self.client.notion_version() >= ApiVersion::V2025_09_03 {
            self.body
                .set_at(&["initial_data_source", "properties", name], schema);
        } else {
            self.body.set_in("properties", name, schema);
        }
        self
    }

    /// Any other body field, as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.body.set(key, value);
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); on a 5xx check
    /// [`Error::is_write_maybe_committed`](crate::Error::is_write_maybe_committed).
    pub async fn send(self) -> Result<Database> {
        let request = ApiRequest::new(Method::POST, "/v1/databases").json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}

/// `PATCH /v1/databases/{id}`. Build with [`DatabasesHandler::update`].
#[derive(Debug, Clone)]
#[must_use]
pub struct UpdateDatabase {
    client: Client,
    id: DatabaseId,
    body: JsonBody,
}

impl UpdateDatabase {
    /// The title.
    pub fn title(mut self, title: Vec<RichText>) -> Self {
        self.body.set("title", title);
        self
    }

    /// The description.
    pub fn description(mut self, description: Vec<RichText>) -> Self {
        self.body.set("description", description);
        self
    }

    /// Inline or full page.
    pub fn is_inline(mut self, inline: bool) -> Self {
        self.body.set("is_inline", inline);
        self
    }

    /// The icon (`None` removes it).
    pub fn icon(mut self, icon: Option<Icon>) -> Self {
        self.body.set("icon", icon);
        self
    }

    /// The cover (`None` removes it).
    pub fn cover(mut self, cover: Option<FileObject>) -> Self {
        self.body.set("cover", cover);
        self
    }

    /// Moves the database to or from the trash.
    pub fn in_trash(mut self, in_trash: bool) -> Self {
        self.body.set("in_trash", in_trash);
        self
    }

    /// Locks or unlocks the database.
    pub fn is_locked(mut self, locked: bool) -> Self {
        self.body.set("is_locked", locked);
        self
    }

    /// Moves the database under another parent.
    pub fn parent(mut self, parent: Parent) -> Self {
        self.body.set("parent", parent);
        self
    }

    /// Any other body field (e.g. `properties` under 2022-06-28), as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.body.set(key, value);
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(self) -> Result<Database> {
        let request = ApiRequest::new(Method::PATCH, format!("/v1/databases/{}", self.id))
            .json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}
