//! Wire types for the Notion REST API: every object, request and error, with typed ids.
//!
//! This crate does no I/O. The client (`notion-api`) and the emulator (`notion-emulator`)
//! both speak through it, and golden fixtures recorded from api.notion.com keep it honest.
//!
//! Decoding is lenient and re-encoding is exact: every struct keeps unknown keys in an
//! `extra` map, unknown block / property / mention / parent / icon types keep their payload,
//! unknown enum strings are kept, numbers stay `serde_json::Number` and timestamps stay text.
//! An absent key stays absent and a `null` stays `null` (`Option<Option<T>>` where both occur).
//!
//! ```
//! use notion_model::requests::{Properties, UpdatePageRequest};
//! use notion_model::{Block, Filter, Sort};
//!
//! // Update Project Status: Status (select) and Progress (number).
//! let update = UpdatePageRequest::properties(
//!     Properties::new().select("Status", "Active").number("Progress", 25),
//! );
//! let body = serde_json::to_value(&update)?;
//! assert_eq!(body["properties"]["Status"]["select"]["name"], "Active");
//! assert_eq!(body["properties"]["Progress"]["number"], 25);
//!
//! let _content = vec![Block::heading_1("Plan"), Block::to_do("Ship", false)];
//! let _active = Filter::select("Status").equals("Active");
//! let _latest = Sort::descending("Due Date");
//! # Ok::<(), serde_json::Error>(())
//! ```

#![deny(missing_docs)]

mod extra;
mod serde_util;

pub mod async_task;
pub mod block;
pub mod comment;
pub mod common;
pub mod data_source;
pub mod database;
pub mod error;
pub mod file;
pub mod file_upload;
pub mod filter;
pub mod ids;
pub mod list;
pub mod markdown;
pub mod page;
pub mod parent;
pub mod property;
pub mod requests;
pub mod rich_text;
pub mod search;
pub mod template;
pub mod user;
pub mod version;
pub mod view;

pub use async_task::AsyncTask;
pub use block::{Block, BlockContent, NewBlock};
pub use comment::Comment;
pub use common::{Color, EmptyObject, Extra, Timestamp, TypeName};
pub use data_source::DataSource;
pub use database::{DataSourceRef, Database};
pub use error::{ErrorBody, ErrorCode};
pub use file::{Cover, CustomEmoji, FileObject, FileSource, Icon, IconKind, MediaBlock};
pub use file_upload::{FileUpload, FileUploadStatus};
pub use filter::{Filter, Sort};
pub use ids::{
    BlockId, CommentId, DataSourceId, DatabaseId, DiscussionId, FileUploadId, PageId, ParseIdError,
    UserId, parse_notion_uuid,
};
pub use list::{ListResponse, RequestStatus};
pub use markdown::PageMarkdown;
pub use page::Page;
pub use parent::{Parent, ParentKind};
pub use property::{PropertyConfig, PropertySchema, PropertyValue, PropertyValueContent};
pub use requests::Properties;
pub use rich_text::{Annotations, DateValue, Mention, MentionKind, RichText, RichTextContent};
pub use search::SearchResult;
pub use template::{Template, TemplateList};
pub use user::{User, UserKind};
pub use version::{ApiVersion, UnsupportedVersion};
pub use view::{View, ViewQuery};
