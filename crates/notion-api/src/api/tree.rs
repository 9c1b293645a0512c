//! Whole block trees: [`BlocksHandler::append_tree`] writes a tree of any size and depth with
//! the calls of a [`notion_markdown::AppendPlan`]; [`BlocksHandler::read_tree`] reads one back,
//! recursively and concurrently.
//!
//! The planning lives in `notion-markdown` (pure, no I/O, tested on its own); this module only
//! executes plans. The dependency points `notion-api -> notion-markdown`, so the Markdown crate
//! stays usable without a client (the emulator uses it too).

use std::collections::{HashMap, VecDeque};

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use notion_markdown::{AppendPlan, BlockTree, Created, plan_appends};
use notion_model::block::BlockContent;
use notion_model::{Block, BlockId, NewBlock};

use super::blocks::BlocksHandler;
use crate::error::Result;

/// How many list-children requests [`BlocksHandler::read_tree`] keeps in flight. The client's
/// rate budget still applies to each of them.
pub const READ_TREE_CONCURRENCY: usize = 6;

/// What [`BlocksHandler::append_tree`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AppendTreeOutcome {
    /// Ids of the blocks created directly under the parent, in order.
    pub top_level: Vec<BlockId>,
    /// Append calls sent (`PATCH /v1/blocks/{id}/children`): the plan's length.
    pub append_calls: usize,
    /// List-children requests sent to learn nested ids (usually 0; see
    /// [`AppendPlan::read_calls_needed`]).
    pub read_requests: usize,
}

impl AppendTreeOutcome {
    /// Every request sent.
    pub fn requests(&self) -> usize {
        self.append_calls + self.read_requests
    }
}

impl BlocksHandler<'_> {
    /// Appends a block tree of any size and depth under `parent` (a page or block), in as
    /// few calls as Notion's limits allow (100 children per array, two nesting levels and
    /// 1,000 blocks / 500 KB per request; see [`notion_markdown::plan`]).
    ///
    /// Calls run one after another: later calls append under blocks earlier calls created.
    /// Blocks from [`notion_markdown::markdown_to_blocks`] already respect the per-item limits.
    ///
    /// # Errors
    ///
    /// The first failing request's [`Error`](crate::Error); blocks created by earlier calls
    /// stay. [`Error::Plan`](crate::Error::Plan) if Notion returned fewer blocks than sent.
    pub async fn append_tree(
        &self,
        parent: BlockId,
        blocks: Vec<NewBlock>,
    ) -> Result<AppendTreeOutcome> {
        self.execute_plan(parent, plan_appends(blocks)).await
    }

    /// Executes an already computed plan (see [`Self::append_tree`]).
    ///
    /// # Errors
    ///
    /// As [`Self::append_tree`].
    pub async fn execute_plan(
        &self,
        parent: BlockId,
        plan: AppendPlan,
    ) -> Result<AppendTreeOutcome> {
        let mut results: Vec<Vec<Created<BlockId>>> = Vec::with_capacity(plan.len());
        // Calls run in order; each target resolves against the results of earlier calls.
        let mut outcome = AppendTreeOutcome {
            top_level: Vec::new(),
            append_calls: 0,
            read_requests: 0,
        };
        for (index, call) in plan.into_calls().into_iter().enumerate() {
            let target = *call.parent.resolve(&parent, &results)?;
            let created = self.append(target, call.children).send().await?;
            outcome.append_calls += 1;
            let mut nodes: Vec<Created<BlockId>> = created
                .results
                .iter()
                .map(|block| Created::new(block.id))
                .collect();
            for path in &call.reads_after {
                let Some(node) = Created::find_mut(&mut nodes, path) else {
                    return Err(notion_markdown::Error::MissingCreatedBlock {
                        call: index,
                        path: path.clone(),
                    }
                    .into());
                };
                let (children, pages) = self.list_all(node.id).await?;
                outcome.read_requests += pages;
                node.children = children.iter().map(|b| Created::new(b.id)).collect();
            }
            if call.parent == notion_markdown::Target::Root {
                outcome.top_level.extend(nodes.iter().map(|node| node.id));
            }
            results.push(nodes);
        }
        Ok(outcome)
    }

    /// Reads a block (or page) and its whole subtree. Children are listed with pagination,
    /// up to [`READ_TREE_CONCURRENCY`] lists at a time within the client's rate budget.
    ///
    /// The subtrees of child pages and child databases are not read: they are documents of
    /// their own (their blocks appear, without children).
    ///
    /// # Errors
    ///
    /// The first failing request's [`Error`](crate::Error).
    pub async fn read_tree(&self, block: BlockId) -> Result<BlockTree> {
        let root = self.retrieve(block).await?;
        let children = if descends_into(&root) {
            self.read_children_tree(block).await?
        } else {
            Vec::new()
        };
        Ok(BlockTree::new(root, children))
    }

    /// Reads the children of a block or page, each with its whole subtree (as
    /// [`Self::read_tree`], without retrieving `parent` itself). Render the result with
    /// [`notion_markdown::tree_to_markdown`].
    ///
    /// # Errors
    ///
    /// The first failing request's [`Error`](crate::Error).
    pub async fn read_children_tree(&self, parent: BlockId) -> Result<Vec<BlockTree>> {
        let mut pending = VecDeque::from([parent]);
        let mut listed: HashMap<BlockId, Vec<Block>> = HashMap::new();
        let mut in_flight = FuturesUnordered::new();
        loop {
            while in_flight.len() < READ_TREE_CONCURRENCY
                && let Some(id) = pending.pop_front()
            {
                in_flight.push(async move { (id, self.list_all(id).await) });
            }
            let Some((id, result)) = in_flight.next().await else {
                break;
            };
            let (children, _) = result?;
            pending.extend(
                children
                    .iter()
                    .filter(|child| child.has_children && descends_into(child))
                    .map(|child| child.id),
            );
            listed.insert(id, children);
        }
        Ok(assemble(parent, &mut listed))
    }

    /// Every child of `id` and the number of pages (requests) it took.
    async fn list_all(&self, id: BlockId) -> Result<(Vec<Block>, usize)> {
        let mut children = Vec::new();
        let mut requests = 0;
        let mut cursor: Option<String> = None;
        loop {
            let mut list = self.children(id).page_size(100);
            if let Some(cursor) = cursor.take() {
                list = list.start_cursor(cursor);
            }
            let page = list.send().await?;
            requests += 1;
            children.extend(page.results);
            match page.next_cursor.filter(|_| page.has_more) {
                Some(next) => cursor = Some(next),
                None => return Ok((children, requests)),
            }
        }
    }
}

/// Whether [`BlocksHandler::read_tree`] reads a block's children.
fn descends_into(block: &Block) -> bool {
    !matches!(
        block.content,
        BlockContent::ChildPage(_) | BlockContent::ChildDatabase(_)
    )
}

/// Builds the trees under `parent` from the listed children.
fn assemble(parent: BlockId, listed: &mut HashMap<BlockId, Vec<Block>>) -> Vec<BlockTree> {
    listed
        .remove(&parent)
        .unwrap_or_default()
        .into_iter()
        .map(|block| {
            let children = assemble(block.id, listed);
            BlockTree::new(block, children)
        })
        .collect()
}
