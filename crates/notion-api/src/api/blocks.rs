//! `/v1/blocks`: retrieve, update, delete, list and append children.

use notion_model::{ApiVersion, Block, BlockId, NewBlock};
use reqwest::Method;
use serde::Serialize;
use serde_json::{Value, json};

use super::list::ListRequest;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::pagination::Paginated;
use crate::transport::request::ApiRequest;

/// Blocks endpoints. Get one with [`Client::blocks`]. A page id works as a block id.
#[derive(Debug, Clone, Copy)]
pub struct BlocksHandler<'c> {
    client: &'c Client,
}

impl<'c> BlocksHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `GET /v1/blocks/{id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn retrieve(&self, id: BlockId) -> Result<Block> {
        self.client
            .execute(&ApiRequest::new(Method::GET, format!("/v1/blocks/{id}")))
            .await
    }

    /// `PATCH /v1/blocks/{id}` with a body keyed by the block type, e.g.
    /// `{"paragraph":{"rich_text":[...]}}` or `{"to_do":{"checked":true}}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn update(&self, id: BlockId, update: &impl Serialize) -> Result<Block> {
        let request = ApiRequest::new(Method::PATCH, format!("/v1/blocks/{id}")).json(update)?;
        self.client.execute(&request).await
    }

    /// `DELETE /v1/blocks/{id}`: moves the block (or page) to the trash.
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn delete(&self, id: BlockId) -> Result<Block> {
        self.client
            .execute(&ApiRequest::new(Method::DELETE, format!("/v1/blocks/{id}")))
            .await
    }

    /// `GET /v1/blocks/{id}/children` (paginated, first level only).
    pub fn children(&self, id: BlockId) -> ListRequest<Block> {
        ListRequest::new(self.client, format!("/v1/blocks/{id}/children"))
    }

    /// `PATCH /v1/blocks/{id}/children`: appends up to 100 blocks.
    pub fn append(&self, id: BlockId, children: Vec<NewBlock>) -> AppendChildren {
        AppendChildren {
            client: self.client.clone(),
            id,
            children,
            position: AppendPosition::End,
        }
    }
}

/// Where appended blocks go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AppendPosition {
    /// After the last child (Notion's default).
    #[default]
    End,
    /// Before the first child (2026-03-11 only).
    Start,
    /// Right after this child.
    AfterBlock(BlockId),
}

/// `PATCH /v1/blocks/{id}/children`. Build with [`BlocksHandler::append`].
///
/// The position is written as `position` for 2026-03-11 and as the legacy
/// `after` for older versions, from the same call.
#[derive(Debug, Clone)]
#[must_use]
pub struct AppendChildren {
    client: Client,
    id: BlockId,
    children: Vec<NewBlock>,
    position: AppendPosition,
}

impl AppendChildren {
    /// Inserts after this child block.
    pub fn after(mut self, block: BlockId) -> Self {
        self.position = AppendPosition::AfterBlock(block);
        self
    }

    /// Sets the position.
    pub fn position(mut self, position: AppendPosition) -> Self {
        self.position = position;
        self
    }

    /// The request body for `version`.
    fn body(&self, version: ApiVersion) -> Result<Value> {
        let mut body = json!({ "children": self.children });
        let modern = version >= ApiVersion::V2026_03_11;
        match (self.position, modern) {
            (AppendPosition::End, _) => {}
            (AppendPosition::AfterBlock(id), false) => body["after"] = json!(id),
            (AppendPosition::AfterBlock(id), true) => {
                body["position"] = json!({"type": "after_block", "after_block": {"id": id}});
            }
            (AppendPosition::Start, true) => body["position"] = json!({"type": "start"}),
            (AppendPosition::Start, false) => {
                return Err(Error::Config(format!(
                    "appending at the start needs Notion-Version 2026-03-11 (client uses {version})"
                )));
            }
        }
        Ok(body)
    }

    /// Sends the request; returns the new first-level blocks.
    ///
    /// # Errors
    ///
    /// Any [`Error`]; [`Error::Committed`] names the parent and the new child ids when
    /// Notion committed the append but could not answer in time.
    pub async fn send(self) -> Result<Paginated<Block>> {
        let body = self.body(self.client.notion_version())?;
        let request = ApiRequest::new(Method::PATCH, format!("/v1/blocks/{}/children", self.id))
            .json(&body)?;
        self.client.execute(&request).await
    }
}
