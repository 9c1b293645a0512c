//! Wire types for the Notion REST API: every object, request and error, with typed ids.
//!
//! This crate does no I/O. The client (`notion-api`) and the emulator (`notion-emulator`)
//! both speak through it, and golden fixtures recorded from api.notion.com keep it honest.

#![deny(missing_docs)]

pub mod error;
pub mod ids;

pub use error::{ErrorBody, ErrorCode};
pub use ids::{
    BlockId, CommentId, DataSourceId, DatabaseId, DiscussionId, FileUploadId, PageId, ParseIdError,
    UserId, parse_notion_uuid,
};
pub mod version;
pub use version::{ApiVersion, UnsupportedVersion};
