//! Blocks: the response object [`Block`], the request shape [`NewBlock`], and every payload.

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp, TypeName};
use crate::ids::BlockId;
use crate::parent::Parent;
use crate::user::User;

mod build;
mod content;

pub use content::{
    BlockContent, CalloutBlock, ChildTitleBlock, CodeBlock, CodeLanguage, ColorOnlyBlock,
    ColumnBlock, ContainerBlock, EquationBlock, HeadingBlock, LinkToPageBlock, LinkToPageTarget,
    MeetingNotesBlock, NumberedListItemBlock, SyncedBlock, SyncedFrom, TableBlock, TableRowBlock,
    TextBlock, ToDoBlock, UnsupportedBlock, UrlBlock,
};

/// A block as Notion returns it (`object: "block"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Block {
    /// `"block"`.
    pub object: String,
    /// Block id.
    pub id: BlockId,
    /// Where the block lives.
    pub parent: Parent,
    /// Creation time.
    pub created_time: Timestamp,
    /// Last edit time.
    pub last_edited_time: Timestamp,
    /// Creator (partial user).
    pub created_by: User,
    /// Last editor (partial user).
    pub last_edited_by: User,
    /// Whether it has children (fetch them with the children endpoint).
    pub has_children: bool,
    /// Whether it is in the trash.
    pub in_trash: bool,
    /// Deprecated alias of `in_trash` (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// The block type (also for types this crate does not know).
    #[serde(rename = "type")]
    pub type_name: String,
    /// The typed payload; [`BlockContent::Unknown`] leaves it in `extra[type_name]`.
    #[serde(flatten)]
    pub content: BlockContent,
    /// Keys this crate does not model (e.g. `request_id`).
    #[serde(flatten)]
    pub extra: Extra,
}

impl Block {
    /// The raw payload of a block whose type this crate does not know.
    pub fn unknown_payload(&self) -> Option<&serde_json::Value> {
        match self.content {
            BlockContent::Unknown => self.extra.get(&self.type_name),
            _ => None,
        }
    }

    /// Turns this block into a request shape with the same content.
    pub fn to_new_block(&self) -> NewBlock {
        NewBlock::new(self.content.clone())
    }
}

/// A block in a request (append children, nested `children`): `{"type"?: t, t: payload}`.
///
/// Requests may omit `type` and `object`; absent keys stay absent on re-encoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewBlock {
    /// `"block"`, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The block type, when sent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<TypeName>,
    /// The payload.
    #[serde(flatten)]
    pub content: BlockContent,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl NewBlock {
    /// A block of this content, with `type` set.
    pub fn new(content: BlockContent) -> Self {
        Self {
            object: None,
            type_name: content.type_name().map(TypeName::Borrowed),
            content,
            extra: Extra::new(),
        }
    }

    /// The block type, from `type` or the payload.
    pub fn kind(&self) -> Option<&str> {
        self.type_name
            .as_deref()
            .or_else(|| self.content.type_name())
    }
}
