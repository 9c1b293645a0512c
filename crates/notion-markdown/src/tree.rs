//! [`BlockTree`]: response blocks with their children, as the renderer reads them.

use notion_model::Block;

/// A response [`Block`] with its children (read with list-children calls) attached.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BlockTree {
    /// The block.
    pub block: Block,
    /// Its children, in order.
    pub children: Vec<BlockTree>,
}

impl BlockTree {
    /// A block and its children.
    pub fn new(block: Block, children: Vec<BlockTree>) -> Self {
        Self { block, children }
    }
}
