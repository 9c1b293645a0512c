//! Page bodies of Markdown notes: read as Markdown, replaced from Markdown, compared by
//! the hash of a normalised form (Markdown -> blocks -> Markdown), so that two texts that
//! make the same blocks have the same hash.
//!
//! notion-api has no tree helpers yet, so this reads and appends with the plain blocks
//! endpoints: one list-children call per block with children, one delete per old
//! top-level block, and the calls of [`notion_markdown::plan_appends`].

use futures::TryStreamExt;
use notion_api::Client;
use notion_markdown::{
    BlockTree, Created, Options, blocks_to_markdown, markdown_to_blocks, plan_appends,
    tree_to_markdown,
};
use notion_model::{Block, BlockId, PageId};

use crate::error::{Error, Result};

/// The hash of `markdown` as Notion would hold it.
pub(crate) fn body_hash(markdown: &str) -> String {
    let normal = normalise(markdown);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in normal.trim().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// `markdown` after a trip through blocks.
pub(crate) fn normalise(markdown: &str) -> String {
    blocks_to_markdown(&markdown_to_blocks(markdown, &Options::new()).blocks)
}

/// The page's content as Markdown.
pub(crate) async fn read_body(client: &Client, page: PageId) -> Result<String> {
    let trees = read_children(client, BlockId::from(page)).await?;
    Ok(tree_to_markdown(&trees))
}

async fn read_children(client: &Client, parent: BlockId) -> Result<Vec<BlockTree>> {
    let blocks: Vec<Block> = client
        .blocks()
        .children(parent)
        .page_size(100)
        .stream()
        .try_collect()
        .await?;
    let mut trees = Vec::with_capacity(blocks.len());
    for block in blocks {
        let children = if block.has_children {
            Box::pin(read_children(client, block.id)).await?
        } else {
            Vec::new()
        };
        trees.push(BlockTree::new(block, children));
    }
    Ok(trees)
}

/// Replaces the page's content with `markdown`.
pub(crate) async fn replace_body(client: &Client, page: PageId, markdown: &str) -> Result<()> {
    let root = BlockId::from(page);
    let old: Vec<Block> = client
        .blocks()
        .children(root)
        .page_size(100)
        .stream()
        .try_collect()
        .await?;
    for block in old {
        match client.blocks().delete(block.id).await {
            Ok(_) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err.into()),
        }
    }
    let plan = plan_appends(markdown_to_blocks(markdown, &Options::new()).blocks);
    let mut results: Vec<Vec<Created<BlockId>>> = Vec::new();
    for (i, call) in plan.calls().iter().enumerate() {
        let parent = *plan
            .resolve_parent(i, &root, &results)
            .map_err(|e| Error::Content(e.to_string()))?;
        let created = client
            .blocks()
            .append(parent, call.children.clone())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equivalent_markdown_has_one_hash() {
        assert_eq!(body_hash("* one\n* two\n"), body_hash("- one\n- two"));
        assert_ne!(body_hash("- one\n"), body_hash("- two\n"));
    }
}
