//! Request bodies, one file per API area.
//!
//! Every request struct keeps unknown keys in `extra` and leaves unset fields out of the JSON,
//! so a body decodes and re-encodes unchanged (the emulator reads them with the same types).

mod blocks;
mod comments;
mod data_sources;
mod databases;
mod file_uploads;
mod markdown;
mod pages;
mod properties;
mod search;
mod views;

pub use blocks::{AppendBlockChildrenRequest, Position, UpdateBlockRequest};
pub use comments::{CreateCommentRequest, UpdateCommentRequest};
pub use data_sources::{CreateDataSourceRequest, QueryDataSourceRequest, UpdateDataSourceRequest};
pub use databases::{CreateDatabaseRequest, InitialDataSource, UpdateDatabaseRequest};
pub use file_uploads::CreateFileUploadRequest;
pub use markdown::{
    ContentUpdate, InsertContent, MarkdownOperation, ReplaceContent, ReplaceContentRange,
    UpdateContent, UpdatePageMarkdownRequest,
};
pub use pages::{CreatePageRequest, MovePageRequest, UpdatePageRequest};
pub use properties::{Properties, PropertyInput};
pub use search::{SearchFilter, SearchRequest, SearchSort};
pub use views::{CreateViewRequest, QueryViewRequest, UpdateViewRequest};
