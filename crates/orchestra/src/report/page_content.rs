//! Reading and replacing a page's content with the plain blocks endpoints.
//!
//! notion-api has no `append_tree`/`read_tree` helpers yet, so this lists children
//! recursively (one list-children call per block with children, paginated), deletes the
//! old top-level blocks one by one, and sends the calls of
//! [`notion_markdown::plan_appends`].

use futures::TryStreamExt;
use notion_api::Client;
use notion_markdown::{BlockTree, Created, plan_appends};
use notion_model::{Block, BlockId, NewBlock};

use crate::error::{Error, Result};

/// Every block under `parent`, with children, in order (all pages of each list).
///
/// # Errors
/// The API error.
pub async fn read_tree(client: &Client, parent: BlockId) -> Result<Vec<BlockTree>> {
    let blocks: Vec<Block> = client
        .blocks()
        .children(parent)
        .page_size(100)
        .stream()
        .try_collect()
        .await?;
    let mut trees = Vec::with_capacity(blocks.len());
    for block in blocks {
        // Child pages and databases are their own documents: not read as content.
        let nested = block.has_children
            && !matches!(block.type_name.as_str(), "child_page" | "child_database");
        let children = if nested {
            Box::pin(read_tree(client, block.id)).await?
        } else {
            Vec::new()
        };
        trees.push(BlockTree::new(block, children));
    }
    Ok(trees)
}

/// Deletes the top-level blocks of `parent` (child pages excepted) and appends `blocks`.
///
/// # Errors
/// The API error, or an append plan that cannot be resolved.
pub async fn replace_content(
    client: &Client,
    parent: BlockId,
    blocks: Vec<NewBlock>,
) -> Result<()> {
    let old: Vec<Block> = client
        .blocks()
        .children(parent)
        .page_size(100)
        .stream()
        .try_collect()
        .await?;
    for block in old {
        if matches!(block.type_name.as_str(), "child_page" | "child_database") {
            continue;
        }
        match client.blocks().delete(block.id).await {
            Ok(_) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err.into()),
        }
    }
    append(client, parent, blocks).await
}

/// Appends `blocks` (any size and depth) under `parent`.
///
/// # Errors
/// The API error, or an append plan that cannot be resolved.
pub async fn append(client: &Client, parent: BlockId, blocks: Vec<NewBlock>) -> Result<()> {
    let plan = plan_appends(blocks);
    let mut results: Vec<Vec<Created<BlockId>>> = Vec::new();
    for (i, call) in plan.calls().iter().enumerate() {
        let target = *plan
            .resolve_parent(i, &parent, &results)
            .map_err(|e| Error::Content(e.to_string()))?;
        let created = client
            .blocks()
            .append(target, call.children.clone())
            .send()
            .await?;
        let mut nodes: Vec<Created<BlockId>> =
            created.results.iter().map(|b| Created::new(b.id)).collect();
        for path in &call.reads_after {
            let Some(node) = Created::find_mut(&mut nodes, path) else {
                continue;
            };
            let children: Vec<Block> = client
                .blocks()
                .children(node.id)
                .page_size(100)
                .stream()
                .try_collect()
                .await?;
            node.children = children.iter().map(|b| Created::new(b.id)).collect();
        }
        results.push(nodes);
    }
    Ok(())
}
