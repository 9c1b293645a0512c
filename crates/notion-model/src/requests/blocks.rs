//! `PATCH /v1/blocks/{id}/children` and `PATCH /v1/blocks/{id}`.

use serde::{Deserialize, Serialize};

use crate::block::{BlockContent, NewBlock};
use crate::common::Extra;
use crate::ids::BlockId;
use crate::rich_text::ObjectReference;

/// Body of `PATCH /v1/blocks/{id}/children`.
///
/// Up to 2025-09-03 the insertion point is `after` (a block id); 2026-03-11 replaced it with
/// `position`. Sending both is an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppendBlockChildrenRequest {
    /// Blocks to append (≤ 100).
    pub children: Vec<NewBlock>,
    /// Insert after this block (≤ 2025-09-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Where to insert (2026-03-11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppendBlockChildrenRequest {
    /// Append at the end.
    pub fn new(children: Vec<NewBlock>) -> Self {
        Self {
            children,
            after: None,
            position: None,
            extra: Extra::new(),
        }
    }

    /// Insert after `block` using the pre-2026 `after` key.
    pub fn after(mut self, block: BlockId) -> Self {
        self.after = Some(block.to_string());
        self
    }

    /// Insert at `position` (2026-03-11).
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }
}

/// `{"type":"after_block","after_block":{"id":...}}`, `{"type":"start"}` or `{"type":"end"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Position {
    /// `after_block`, `start` or `end`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The anchor block for `after_block`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_block: Option<ObjectReference>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Position {
    fn of(type_name: &str) -> Self {
        Self {
            type_name: type_name.to_owned(),
            after_block: None,
            extra: Extra::new(),
        }
    }

    /// At the start.
    pub fn start() -> Self {
        Self::of("start")
    }

    /// At the end (the default).
    pub fn end() -> Self {
        Self::of("end")
    }

    /// After `block`.
    pub fn after_block(block: BlockId) -> Self {
        Self {
            after_block: Some(ObjectReference::new(block)),
            ..Self::of("after_block")
        }
    }
}

/// Body of `PATCH /v1/blocks/{id}`: the type key with new fields, and/or `in_trash`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateBlockRequest {
    /// The block type, when sent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// New payload (or [`BlockContent::Unknown`] when only flags change).
    #[serde(flatten)]
    pub content: BlockContent,
    /// Trash or restore.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_trash: Option<bool>,
    /// Deprecated alias of `in_trash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdateBlockRequest {
    /// Replace the payload (the block type must stay the same).
    pub fn content(content: BlockContent) -> Self {
        Self {
            type_name: None,
            content,
            in_trash: None,
            archived: None,
            extra: Extra::new(),
        }
    }

    /// Move the block to the trash.
    pub fn trash() -> Self {
        Self {
            in_trash: Some(true),
            ..Self::content(BlockContent::Unknown)
        }
    }
}

impl From<NewBlock> for UpdateBlockRequest {
    fn from(block: NewBlock) -> Self {
        Self::content(block.content)
    }
}
