//! `/v1/comments`: create, list, retrieve, update, delete.

use notion_model::{BlockId, Comment, CommentId, DiscussionId, PageId, RichText};
use reqwest::Method;
use serde::Serialize;
use serde_json::json;

use super::body::JsonBody;
use super::list::ListRequest;
use crate::client::Client;
use crate::error::Result;
use crate::transport::request::ApiRequest;

/// Comments endpoints. Get one with [`Client::comments`].
#[derive(Debug, Clone, Copy)]
pub struct CommentsHandler<'c> {
    client: &'c Client,
}

impl<'c> CommentsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    fn create(&self, key: &str, value: serde_json::Value) -> CreateComment {
        let mut body = JsonBody::default();
        body.set(key, value);
        CreateComment {
            client: self.client.clone(),
            body,
        }
    }

    /// Starts a discussion on a page.
    pub fn create_on_page(&self, page: PageId) -> CreateComment {
        self.create("parent", json!({"page_id": page}))
    }

    /// Starts a discussion on a block.
    pub fn create_on_block(&self, block: BlockId) -> CreateComment {
        self.create("parent", json!({"block_id": block}))
    }

    /// Replies in an existing discussion.
    pub fn reply(&self, discussion: DiscussionId) -> CreateComment {
        self.create("discussion_id", json!(discussion))
    }

    /// `GET /v1/comments?block_id=...`: unresolved comments of a page or block (paginated).
    pub fn list(&self, block: BlockId) -> ListRequest<Comment> {
        ListRequest::new(self.client, "/v1/comments".to_owned())
            .param("block_id", block.to_string())
    }

    /// `GET /v1/comments/{id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn retrieve(&self, id: CommentId) -> Result<Comment> {
        self.client
            .execute(&ApiRequest::new(Method::GET, format!("/v1/comments/{id}")))
            .await
    }

    /// `PATCH /v1/comments/{id}` with `{"rich_text":[...]}` or `{"markdown":"..."}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn update(&self, id: CommentId, update: &impl Serialize) -> Result<Comment> {
        let request = ApiRequest::new(Method::PATCH, format!("/v1/comments/{id}")).json(update)?;
        self.client.execute(&request).await
    }

    /// `DELETE /v1/comments/{id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn delete(&self, id: CommentId) -> Result<Comment> {
        self.client
            .execute(&ApiRequest::new(
                Method::DELETE,
                format!("/v1/comments/{id}"),
            ))
            .await
    }
}

/// `POST /v1/comments`. Build with [`CommentsHandler::create_on_page`],
/// [`create_on_block`](CommentsHandler::create_on_block) or [`reply`](CommentsHandler::reply).
#[derive(Debug, Clone)]
#[must_use]
pub struct CreateComment {
    client: Client,
    body: JsonBody,
}

impl CreateComment {
    /// The comment as rich text.
    pub fn rich_text(mut self, text: Vec<RichText>) -> Self {
        self.body.set("rich_text", text);
        self
    }

    /// The comment as plain text.
    pub fn text(self, text: impl Into<String>) -> Self {
        self.rich_text(vec![RichText::text(text)])
    }

    /// The comment as Markdown (inline formatting only).
    pub fn markdown(mut self, markdown: impl Into<String>) -> Self {
        self.body.set("markdown", markdown.into());
        self
    }

    /// Any other body field (`attachments`, `display_name`), as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.body.set(key, value);
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(self) -> Result<Comment> {
        let request = ApiRequest::new(Method::POST, "/v1/comments").json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}
