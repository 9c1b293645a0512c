//! Typed endpoints, one handler per area of the API.
//!
//! Handlers are cheap views of a [`Client`]: `client.pages().retrieve(id)`.

mod async_tasks;
mod blocks;
mod body;
mod comments;
mod data_sources;
mod databases;
mod file_uploads;
mod list;
mod pages;
mod search;
mod tree;
mod users;

pub use async_tasks::AsyncTasksHandler;
pub use blocks::{AppendChildren, AppendPosition, BlocksHandler};
pub use comments::{CommentsHandler, CreateComment};
pub use data_sources::{CreateDataSource, DataSourceQuery, DataSourcesHandler, UpdateDataSource};
pub use databases::{CreateDatabase, DatabasesHandler, UpdateDatabase};
pub use file_uploads::{CreateFileUpload, FileUploadsHandler, MULTI_PART_THRESHOLD, PART_SIZE};
pub use list::{BodyListRequest, ListRequest};
pub use pages::{CreatePage, MarkdownUpdate, PagesHandler, RetrievePage, UpdatePage};
pub use search::{Search, SearchFilter};
pub use tree::{AppendTreeOutcome, READ_TREE_CONCURRENCY};
pub use users::UsersHandler;

use crate::client::Client;

impl Client {
    /// `/v1/users`.
    pub fn users(&self) -> UsersHandler<'_> {
        UsersHandler::new(self)
    }

    /// `/v1/pages`.
    pub fn pages(&self) -> PagesHandler<'_> {
        PagesHandler::new(self)
    }

    /// `/v1/databases`.
    pub fn databases(&self) -> DatabasesHandler<'_> {
        DatabasesHandler::new(self)
    }

    /// `/v1/data_sources`.
    pub fn data_sources(&self) -> DataSourcesHandler<'_> {
        DataSourcesHandler::new(self)
    }

    /// `/v1/blocks`.
    pub fn blocks(&self) -> BlocksHandler<'_> {
        BlocksHandler::new(self)
    }

    /// `/v1/comments`.
    pub fn comments(&self) -> CommentsHandler<'_> {
        CommentsHandler::new(self)
    }

    /// `POST /v1/search`.
    pub fn search(&self) -> Search {
        Search::new(self)
    }

    /// `/v1/async_tasks`: poll work queued with `allow_async`.
    pub fn async_tasks(&self) -> AsyncTasksHandler<'_> {
        AsyncTasksHandler::new(self)
    }

    /// `/v1/file_uploads`.
    pub fn file_uploads(&self) -> FileUploadsHandler<'_> {
        FileUploadsHandler::new(self)
    }
}
