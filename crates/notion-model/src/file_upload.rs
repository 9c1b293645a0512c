//! File uploads.

use serde::{Deserialize, Serialize};
use serde_json::Number;

use crate::common::{Extra, Timestamp};
use crate::ids::FileUploadId;
use crate::serde_util::{open_enum, present};
use crate::user::User;

/// A file upload (`object: "file_upload"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileUpload {
    /// `"file_upload"`.
    pub object: String,
    /// Upload id.
    pub id: FileUploadId,
    /// Creation time.
    pub created_time: Timestamp,
    /// Creator `{id, type}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<User>,
    /// Last edit time.
    pub last_edited_time: Timestamp,
    /// When a pending upload expires (`null` once attached).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub expiry_time: Option<Option<Timestamp>>,
    /// Where to send the bytes (pending uploads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_url: Option<String>,
    /// Where to complete a multi-part upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_url: Option<String>,
    /// Whether it is in the trash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash` (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Upload state.
    pub status: FileUploadStatus,
    /// File name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub filename: Option<Option<String>>,
    /// MIME type.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub content_type: Option<Option<String>>,
    /// Size in bytes, once known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub content_length: Option<Option<Number>>,
    /// Multi-part progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_parts: Option<PartCounts>,
    /// Result of an `external_url` import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_import_result: Option<serde_json::Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `number_of_parts: {total, sent}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartCounts {
    /// Parts expected.
    pub total: u32,
    /// Parts received.
    pub sent: u32,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// File upload states.
    pub enum FileUploadStatus {
        /// Waiting for bytes.
        Pending = "pending",
        /// Ready to attach.
        Uploaded = "uploaded",
        /// Expired before use.
        Expired = "expired",
        /// Import failed.
        Failed = "failed",
    }
}
