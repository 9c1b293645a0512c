//! A borrowed view of a block with its children, shared by request and response trees.

use notion_model::block::BlockContent;
use notion_model::ids::BlockId;
use notion_model::{Extra, NewBlock};

use crate::tree::BlockTree;

/// One block to render.
#[derive(Debug)]
pub(crate) struct Node<'a> {
    pub(crate) content: &'a BlockContent,
    pub(crate) type_name: Option<&'a str>,
    pub(crate) id: Option<&'a BlockId>,
    pub(crate) extra: &'a Extra,
    pub(crate) children: Vec<Node<'a>>,
}

impl<'a> Node<'a> {
    pub(crate) fn from_new(block: &'a NewBlock) -> Self {
        Self {
            content: &block.content,
            type_name: block.kind(),
            id: None,
            extra: &block.extra,
            children: block
                .content
                .children()
                .iter()
                .map(Node::from_new)
                .collect(),
        }
    }

    pub(crate) fn from_tree(tree: &'a BlockTree) -> Self {
        let children = if tree.children.is_empty() {
            tree.block
                .content
                .children()
                .iter()
                .map(Node::from_new)
                .collect()
        } else {
            tree.children.iter().map(Node::from_tree).collect()
        };
        Self {
            content: &tree.block.content,
            type_name: Some(&tree.block.type_name),
            id: Some(&tree.block.id),
            extra: &tree.block.extra,
            children,
        }
    }
}
