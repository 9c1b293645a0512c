//! Comments.

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp};
use crate::file::HostedFile;
use crate::ids::{CommentId, DiscussionId};
use crate::parent::Parent;
use crate::rich_text::RichText;
use crate::serde_util::present;
use crate::user::User;

/// A comment (`object: "comment"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comment {
    /// `"comment"`.
    pub object: String,
    /// Comment id.
    pub id: CommentId,
    /// The page or block commented on.
    pub parent: Parent,
    /// The thread.
    pub discussion_id: DiscussionId,
    /// Creation time.
    pub created_time: Timestamp,
    /// Last edit time.
    pub last_edited_time: Timestamp,
    /// Author (partial user).
    pub created_by: User,
    /// Content.
    pub rich_text: Vec<RichText>,
    /// How the author is displayed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<DisplayName>,
    /// Attached files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<CommentAttachment>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `display_name: {type: custom|user|integration, resolved_name}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DisplayName {
    /// `custom`, `user` or `integration`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The name shown.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub resolved_name: Option<Option<String>>,
    /// Keys this crate does not model (e.g. `custom: {name}` in requests).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A comment attachment `{category, file:{url, expiry_time}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CommentAttachment {
    /// `audio`, `image`, `pdf`, `productivity` or `video`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<HostedFile>,
    /// Keys this crate does not model (e.g. `file_upload_id` in requests).
    #[serde(flatten)]
    pub extra: Extra,
}
