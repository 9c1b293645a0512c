//! `/v1` endpoint handlers, one file per resource.

pub(crate) mod async_tasks;
pub(crate) mod blocks;
pub(crate) mod comments;
pub(crate) mod container_attrs;
pub(crate) mod data_sources;
pub(crate) mod databases;
pub(crate) mod file_uploads;
pub(crate) mod markdown;
pub(crate) mod pages;
pub(crate) mod property_items;
pub(crate) mod rows;
pub(crate) mod search;
pub(crate) mod templates;
pub(crate) mod users;

use crate::error::ApiError;

/// Notion's message for edits under trashed content.
pub(crate) fn archived_error() -> ApiError {
    ApiError::validation(
        "Can't edit block that is archived. You must unarchive the block before editing.",
    )
}
