//! `/v1/pages`: create, retrieve, update, move, property items, Markdown.

use notion_model::property::{PropertyItem, PropertyItemResponse};
use notion_model::{
    AsyncTask, FileObject, Icon, NewBlock, Page, PageId, PageMarkdown, Parent, PropertyValue,
};
use reqwest::Method;
use serde::Serialize;
use serde_json::Value;

use super::body::JsonBody;
use super::list::ListRequest;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::request::ApiRequest;

/// Pages endpoints. Get one with [`Client::pages`].
#[derive(Debug, Clone, Copy)]
pub struct PagesHandler<'c> {
    client: &'c Client,
}

/// The answer to a Markdown edit: done at once, or queued as an async task
/// (`allow_async: true`, HTTP 202).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum MarkdownUpdate {
    /// The page's new Markdown.
    Done(PageMarkdown),
    /// A queued task to poll at `/v1/async_tasks/{id}`.
    Queued(AsyncTask),
}

impl<'c> PagesHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `POST /v1/pages` under `parent` (`Parent::data_source(..)` for a database row).
    pub fn create(&self, parent: Parent) -> CreatePage {
        let mut body = JsonBody::default();
        body.set("parent", parent);
        CreatePage {
            client: self.client.clone(),
            body,
            filter_properties: Vec::new(),
        }
    }

    /// `GET /v1/pages/{id}`.
    pub fn retrieve(&self, id: PageId) -> RetrievePage {
        RetrievePage {
            client: self.client.clone(),
            id,
            filter_properties: Vec::new(),
        }
    }

    /// `PATCH /v1/pages/{id}`.
    pub fn update(&self, id: PageId) -> UpdatePage {
        UpdatePage {
            client: self.client.clone(),
            id,
            body: JsonBody::default(),
        }
    }

    /// `POST /v1/pages/{id}/move` to a new page or data-source parent.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn move_to(&self, id: PageId, parent: Parent) -> Result<Page> {
        let request = ApiRequest::new(Method::POST, format!("/v1/pages/{id}/move"))
            .json(&serde_json::json!({ "parent": parent }))?;
        self.client.execute(&request).await
    }

    /// `GET /v1/pages/{id}/properties/{property_id}`: one value, or the first page
    /// of a paginated property (title, rich_text, people, relation, rollup).
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn property(&self, id: PageId, property_id: &str) -> Result<PropertyItemResponse> {
        self.property_items(id, property_id).send_raw().await
    }

    /// Every item of a paginated property value, following cursors.
    pub fn property_items(&self, id: PageId, property_id: &str) -> ListRequest<PropertyItem> {
        ListRequest::new(
            self.client,
            format!("/v1/pages/{id}/properties/{}", encode_segment(property_id)),
        )
    }

    /// `GET /v1/pages/{id}/markdown`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn markdown(&self, id: PageId) -> Result<PageMarkdown> {
        self.client
            .execute(&ApiRequest::new(
                Method::GET,
                format!("/v1/pages/{id}/markdown"),
            ))
            .await
    }

    /// `PATCH /v1/pages/{id}/markdown` with an edit such as
    /// `{"type":"replace_content","replace_content":{"new_str":"..."}}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn update_markdown(
        &self,
        id: PageId,
        edit: &impl Serialize,
    ) -> Result<MarkdownUpdate> {
        let request =
            ApiRequest::new(Method::PATCH, format!("/v1/pages/{id}/markdown")).json(edit)?;
        let value: Value = self.client.execute(&request).await?;
        let queued = value.get("object").and_then(Value::as_str) == Some("async_task");
        let decoded = if queued {
            serde_json::from_value(value).map(MarkdownUpdate::Queued)
        } else {
            serde_json::from_value(value).map(MarkdownUpdate::Done)
        };
        decoded.map_err(|source| Error::Decode {
            method: Method::PATCH,
            path: "/v1/pages/{id}/markdown".to_owned(),
            json_path: ".".to_owned(),
            body_excerpt: String::new(),
            source,
        })
    }
}

/// Percent-encodes a property id for use as one path segment.
fn encode_segment(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// `POST /v1/pages`. Build with [`PagesHandler::create`].
#[derive(Debug, Clone)]
#[must_use]
pub struct CreatePage {
    client: Client,
    body: JsonBody,
    filter_properties: Vec<String>,
}

impl CreatePage {
    /// Sets one property value (by property name or id).
    pub fn property(mut self, name: &str, value: PropertyValue) -> Self {
        self.body.set_in("properties", name, value);
        self
    }

    /// The page icon.
    pub fn icon(mut self, icon: Icon) -> Self {
        self.body.set("icon", icon);
        self
    }

    /// The page cover.
    pub fn cover(mut self, cover: FileObject) -> Self {
        self.body.set("cover", cover);
        self
    }

    /// Initial content as blocks (exclusive with [`CreatePage::markdown`]).
    pub fn children(mut self, blocks: Vec<NewBlock>) -> Self {
        self.body.set("children", blocks);
        self
    }

    /// Initial content as enhanced Markdown (exclusive with [`CreatePage::children`]).
    pub fn markdown(mut self, markdown: impl Into<String>) -> Self {
        self.body.set("markdown", markdown.into());
        self
    }

    /// Any other body field (`template`, `position`, ...), as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.body.set(key, value);
        self
    }

    /// Trims the returned properties to these ids (`filter_properties`).
    pub fn filter_properties<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.filter_properties
            .extend(ids.into_iter().map(Into::into));
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); on a 5xx check [`Error::is_write_maybe_committed`].
    pub async fn send(self) -> Result<Page> {
        let mut request = ApiRequest::new(Method::POST, "/v1/pages").json(self.body.finish()?)?;
        for id in self.filter_properties {
            request = request.query("filter_properties", id);
        }
        self.client.execute(&request).await
    }
}

/// `GET /v1/pages/{id}`. Build with [`PagesHandler::retrieve`].
#[derive(Debug, Clone)]
#[must_use]
pub struct RetrievePage {
    client: Client,
    id: PageId,
    filter_properties: Vec<String>,
}

impl RetrievePage {
    /// Returns only these property ids (`filter_properties`, repeated).
    pub fn filter_properties<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.filter_properties
            .extend(ids.into_iter().map(Into::into));
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); [`Error::is_not_found`] when the page is missing or not shared.
    pub async fn send(self) -> Result<Page> {
        let mut request = ApiRequest::new(Method::GET, format!("/v1/pages/{}", self.id));
        for id in self.filter_properties {
            request = request.query("filter_properties", id);
        }
        self.client.execute(&request).await
    }
}

/// `PATCH /v1/pages/{id}`. Build with [`PagesHandler::update`].
#[derive(Debug, Clone)]
#[must_use]
pub struct UpdatePage {
    client: Client,
    id: PageId,
    body: JsonBody,
}

impl UpdatePage {
    /// Sets one property value (by name or id).
    pub fn property(mut self, name: &str, value: PropertyValue) -> Self {
        self.body.set_in("properties", name, value);
        self
    }

    /// Clears one property of type `property_type` (`url`, `select`, `date`, ...):
    /// sends `{"<property_type>": null}`, the form Notion accepts (a bare `null`
    /// property value is rejected).
    pub fn clear_property(mut self, name: &str, property_type: &str) -> Self {
        self.body
            .set_at(&["properties", name, property_type], Value::Null);
        self
    }

    /// The page icon (`None` removes it).
    pub fn icon(mut self, icon: Option<Icon>) -> Self {
        self.body.set("icon", icon);
        self
    }

    /// The page cover (`None` removes it).
    pub fn cover(mut self, cover: Option<FileObject>) -> Self {
        self.body.set("cover", cover);
        self
    }

    /// Moves the page to or from the trash.
    pub fn in_trash(mut self, in_trash: bool) -> Self {
        self.body.set("in_trash", in_trash);
        self
    }

    /// Locks or unlocks the page.
    pub fn is_locked(mut self, locked: bool) -> Self {
        self.body.set("is_locked", locked);
        self
    }

    /// Any other body field (`template`, `erase_content`, ...), as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.body.set(key, value);
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); on a 5xx check [`Error::is_write_maybe_committed`].
    pub async fn send(self) -> Result<Page> {
        let request = ApiRequest::new(Method::PATCH, format!("/v1/pages/{}", self.id))
            .json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}
