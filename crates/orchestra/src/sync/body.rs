//! Page bodies of Markdown notes: read as Markdown, replaced from Markdown, compared by
//! the hash of a normalised form (Markdown -> blocks -> Markdown), so that two texts that
//! make the same blocks have the same hash.
//!
//! Bodies are read with notion-api's `read_children_tree` and replaced with
//! [`replace_page_content`] (every old block deleted, child pages included).

use notion_api::Client;
use notion_markdown::{Options, blocks_to_markdown, markdown_to_blocks, tree_to_markdown};
use notion_model::{BlockId, PageId};

use crate::content::{ChildPages, replace_page_content};
use crate::error::Result;

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
    let trees = client
        .blocks()
        .read_children_tree(BlockId::from(page))
        .await?;
    Ok(tree_to_markdown(&trees))
}

/// Replaces the page's content with `markdown`.
pub(crate) async fn replace_body(client: &Client, page: PageId, markdown: &str) -> Result<()> {
    let blocks = markdown_to_blocks(markdown, &Options::new()).blocks;
    replace_page_content(client, page, blocks, ChildPages::Delete).await?;
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
