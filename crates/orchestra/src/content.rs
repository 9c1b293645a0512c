//! Replacing a page's content: the old top-level blocks are deleted one by one, then the
//! new blocks are written with notion-api's [`append_tree`](notion_api::api::BlocksHandler::append_tree)
//! (as few append calls as Notion's limits allow).
//!
//! Reading content back needs no helper here: use
//! [`read_children_tree`](notion_api::api::BlocksHandler::read_children_tree).

use futures::TryStreamExt;
use notion_api::Client;
use notion_api::api::AppendTreeOutcome;
use notion_model::block::BlockContent;
use notion_model::{Block, BlockId, NewBlock, PageId};

use crate::error::Result;

/// What [`replace_page_content`] does with the child pages and child databases among the
/// old blocks (deleting their block archives them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildPages {
    /// Leave them in place: the new blocks are appended after them.
    Keep,
    /// Delete them with the other blocks.
    Delete,
}

/// What [`replace_page_content`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceOutcome {
    /// Old top-level blocks deleted (including ones already gone).
    pub deleted: usize,
    /// The append of the new blocks.
    pub appended: AppendTreeOutcome,
}

/// Deletes the top-level blocks of `page` (child pages as `child_pages` says) and appends
/// `blocks` (any size and depth).
///
/// # Errors
/// The API error; a block that is already gone is not one.
pub async fn replace_page_content(
    client: &Client,
    page: PageId,
    blocks: Vec<NewBlock>,
    child_pages: ChildPages,
) -> Result<ReplaceOutcome> {
    let root = BlockId::from(page);
    let old: Vec<Block> = client
        .blocks()
        .children(root)
        .page_size(100)
        .stream()
        .try_collect()
        .await?;
    let mut deleted = 0;
    for block in old {
        let child_page = matches!(
            block.content,
            BlockContent::ChildPage(_) | BlockContent::ChildDatabase(_)
        );
        if child_page && child_pages == ChildPages::Keep {
            continue;
        }
        match client.blocks().delete(block.id).await {
            Ok(_) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err.into()),
        }
        deleted += 1;
    }
    let appended = client.blocks().append_tree(root, blocks).await?;
    Ok(ReplaceOutcome { deleted, appended })
}
