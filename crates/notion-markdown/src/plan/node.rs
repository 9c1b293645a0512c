//! [`Node`]: a block with its children detached and its subtree's size measured once, so
//! the planner never re-measures a subtree (the old planner serialised every subtree again at
//! every level it considered it).

use notion_model::NewBlock;

use super::size::block_len;
use crate::blocks::{set_children, take_children};

/// Bytes `,"children":[]` adds to a block, plus a separator.
pub(super) const CHILDREN_KEY_BYTES: usize = 16;

/// A block whose children live in `children`, with cached measurements of its subtree.
#[derive(Debug)]
pub(super) struct Node {
    /// The block without its `children`.
    pub(super) block: NewBlock,
    /// Detached children.
    pub(super) children: Vec<Node>,
    /// JSON bytes of the block without children, plus the `children` key when it has any.
    pub(super) own_bytes: usize,
    /// JSON bytes of the whole subtree (an upper bound: separators are over-counted by one).
    pub(super) bytes: usize,
    /// Blocks in the subtree, itself included.
    pub(super) count: usize,
    /// Levels below this block (0 for a leaf).
    pub(super) height: usize,
    /// Longest `children` array in the subtree.
    pub(super) fanout: usize,
}

impl Node {
    /// Detaches and measures a block tree (one pass; each block is measured once).
    pub(super) fn new(mut block: NewBlock) -> Self {
        let children: Vec<Node> = take_children(&mut block)
            .into_iter()
            .map(Node::new)
            .collect();
        let mut own_bytes = block_len(&mut block);
        if !children.is_empty() {
            own_bytes += CHILDREN_KEY_BYTES;
        }
        let mut node = Self {
            block,
            own_bytes,
            bytes: own_bytes,
            count: 1,
            height: 0,
            fanout: children.len(),
            children: Vec::new(),
        };
        for child in &children {
            node.bytes += child.bytes + 1;
            node.count += child.count;
            node.height = node.height.max(child.height + 1);
            node.fanout = node.fanout.max(child.fanout);
        }
        node.children = children;
        node
    }

    /// Re-attaches the children, giving back the block.
    pub(super) fn into_block(self) -> NewBlock {
        let mut block = self.block;
        let children = self.children.into_iter().map(Node::into_block).collect();
        set_children(&mut block, children);
        block
    }

    /// Takes the children out (the cached measurements then describe the original subtree;
    /// only `own_bytes` is used afterwards).
    pub(super) fn detach_children(&mut self) -> Vec<Node> {
        std::mem::take(&mut self.children)
    }
}
