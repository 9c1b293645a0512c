//! Append plans: the sequence of `PATCH /v1/blocks/{id}/children` calls that creates a block
//! tree of any size and depth within Notion's request limits.
//!
//! # Limits respected by every call ([`PlanLimits`])
//! * at most 100 blocks in any `children` array (the request's and every nested one);
//! * two nesting levels: a block in the request may have children, those may have children,
//!   and those may not;
//! * at most 1,000 blocks in the whole request and at most 500 KB of JSON.
//!
//! # Design: first-level anchors, no reads
//! The API returns only the **first-level** blocks an append created; ids of nested blocks
//! would cost list-children calls. The planner therefore never targets a nested block when it
//! can avoid it:
//! * a top-level block of a call keeps as many of its children inline as fit (a prefix, so
//!   order is kept); the rest continues in a later call whose parent is that top-level block
//!   ([`Target::Created`] with a one-element path, whose id the append response gives);
//! * a child is inlined only when its whole subtree fits in the remaining nesting levels;
//!   otherwise it (and its later siblings) move to that later call, where it becomes a
//!   top-level block itself.
//!
//! So ordinary trees need **no read calls**, and the number of writes is the number of
//! blocks that end up as top-level anchors with deferred content plus the calls needed for
//! 100-block pages. For flat lists that is `ceil(n / 100)` calls, which is minimal.
//!
//! The one exception is column lists: Notion creates a column list together with its columns
//! (each with at least one block), so when a column's content is deeper or longer than one
//! request allows, its remainder targets the column (`path = [i, j]`). Those calls list
//! `reads_after` on the creating call; [`AppendPlan::read_calls_needed`] counts them.

mod node;
mod resolve;
mod size;

use std::collections::VecDeque;

use notion_model::NewBlock;
use notion_model::block::BlockContent;

use crate::blocks::{requires_children, set_children};
use node::Node;

pub use resolve::Created;

/// Where a call appends its children.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// The page or block the whole tree is appended to.
    Root,
    /// A block created by an earlier call: `path[0]` indexes that call's top-level results,
    /// further indexes walk into their children (which must be listed, see
    /// [`AppendCall::reads_after`]).
    Created {
        /// Index of the earlier call.
        call: usize,
        /// Path into the tree of blocks that call created.
        path: Vec<usize>,
    },
}

/// One append call.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AppendCall {
    /// The parent to append to.
    pub parent: Target,
    /// The blocks to send (with nested `children` at most two levels deep).
    pub children: Vec<NewBlock>,
    /// After this call, list the children of the created blocks at these paths (in order;
    /// a path's prefix is always listed before it) so later targets can be resolved.
    pub reads_after: Vec<Vec<usize>>,
}

/// The limits a plan respects (Notion's, by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanLimits {
    /// Most blocks in one `children` array.
    pub max_children: usize,
    /// Nesting levels allowed below the request's own blocks.
    pub max_nesting: usize,
    /// Most blocks in one request, at all levels.
    pub max_blocks: usize,
    /// Most bytes of JSON in one request body.
    pub max_bytes: usize,
}

impl Default for PlanLimits {
    fn default() -> Self {
        Self {
            max_children: 100,
            max_nesting: 2,
            max_blocks: 1000,
            max_bytes: 500_000,
        }
    }
}

/// The calls that create a block tree, in the order they must run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppendPlan {
    calls: Vec<AppendCall>,
}

impl AppendPlan {
    /// The calls, in order.
    pub fn calls(&self) -> &[AppendCall] {
        &self.calls
    }

    /// Consumes the plan, returning its calls.
    pub fn into_calls(self) -> Vec<AppendCall> {
        self.calls
    }

    /// Number of append calls.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// Whether there is nothing to append.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// Number of list-children calls needed to learn nested ids (0 unless column lists
    /// carry content deeper or longer than one request allows).
    pub fn read_calls_needed(&self) -> usize {
        self.calls.iter().map(|c| c.reads_after.len()).sum()
    }
}

/// Plans the appends for `blocks` with Notion's limits.
pub fn plan_appends(blocks: Vec<NewBlock>) -> AppendPlan {
    plan_appends_with(blocks, &PlanLimits::default())
}

/// Plans the appends for `blocks` with custom limits.
pub fn plan_appends_with(blocks: Vec<NewBlock>, limits: &PlanLimits) -> AppendPlan {
    let mut planner = Planner {
        limits: *limits,
        calls: Vec::new(),
        queue: VecDeque::new(),
    };
    if !blocks.is_empty() {
        planner.queue.push_back(Job {
            target: Target::Root,
            blocks: blocks.into_iter().map(Node::new).collect(),
        });
    }
    while let Some(job) = planner.queue.pop_front() {
        planner.run_job(job);
    }
    AppendPlan {
        calls: planner.calls,
    }
}

/// Blocks still to append under one target.
#[derive(Debug)]
struct Job {
    target: Target,
    blocks: VecDeque<Node>,
}

/// What is left of one request's size budget.
#[derive(Debug)]
struct Budget {
    blocks: usize,
    bytes: usize,
}

impl Budget {
    fn take(&mut self, blocks: usize, bytes: usize) -> bool {
        if blocks > self.blocks || bytes > self.bytes {
            return false;
        }
        self.blocks -= blocks;
        self.bytes -= bytes;
        true
    }
}

/// JSON bytes of `{"children":[]}` and room for separators.
const ENVELOPE_BYTES: usize = 64;

#[derive(Debug)]
struct Planner {
    limits: PlanLimits,
    calls: Vec<AppendCall>,
    queue: VecDeque<Job>,
}

/// State of the call being filled.
#[derive(Debug)]
struct CallBuilder {
    index: usize,
    budget: Budget,
    children: Vec<NewBlock>,
    reads: Vec<Vec<usize>>,
    deferred: Vec<Job>,
}

impl Planner {
    fn run_job(&mut self, job: Job) {
        let mut remaining = job.blocks;
        while !remaining.is_empty() {
            let mut call = CallBuilder {
                index: self.calls.len(),
                budget: Budget {
                    blocks: self.limits.max_blocks,
                    bytes: self.limits.max_bytes.saturating_sub(ENVELOPE_BYTES),
                },
                children: Vec::new(),
                reads: Vec::new(),
                deferred: Vec::new(),
            };
            while call.children.len() < self.limits.max_children
                && let Some(node) = remaining.pop_front()
            {
                let forced = call.children.is_empty();
                match self.pack_top(node, &mut call, forced) {
                    Ok(packed) => call.children.push(packed),
                    Err(node) => {
                        remaining.push_front(node);
                        break;
                    }
                }
            }
            self.calls.push(AppendCall {
                parent: job.target.clone(),
                children: call.children,
                reads_after: call.reads,
            });
            self.queue.extend(call.deferred);
        }
    }

    /// Whether `node`'s whole subtree can be sent at `level` (1 = the request's blocks).
    fn fits(&self, node: &Node, level: usize) -> bool {
        node.height == 0
            || (level + node.height - 1 <= self.limits.max_nesting
                && node.fanout <= self.limits.max_children)
    }

    /// Packs a top-level block: itself plus the prefix of its children that fits; the rest
    /// is deferred to a call targeting it. `Err` gives the block back when the call is full.
    fn pack_top(
        &self,
        mut node: Node,
        call: &mut CallBuilder,
        forced: bool,
    ) -> Result<NewBlock, Node> {
        let min_children = usize::from(requires_children(&node.block.content));
        if !forced {
            // Move the whole block to the next call rather than splitting it here: a split
            // costs an extra call for the deferred part.
            let (blocks, bytes) = node
                .children
                .iter()
                .take(self.limits.max_children)
                .enumerate()
                .take_while(|(i, c)| *i < min_children || self.fits(c, 2))
                .fold((1, node.own_bytes), |(n, b), (_, c)| {
                    (n + c.count, b + c.bytes + 1)
                });
            if blocks > call.budget.blocks || bytes > call.budget.bytes {
                return Err(node);
            }
        }
        call.budget.take(1, node.own_bytes);
        let position = call.children.len();
        let children = node.detach_children();
        let mut block = node.block;
        if matches!(block.content, BlockContent::ColumnList(_)) {
            let columns = self.pack_columns(children, call, position);
            set_children(&mut block, columns);
            return Ok(block);
        }
        let mut inline = Vec::new();
        let mut rest = children.into_iter().peekable();
        while inline.len() < self.limits.max_children
            && let Some(child) = rest.peek()
        {
            let must = inline.len() < min_children;
            if !self.fits(child, 2) && !must {
                break;
            }
            if !call.budget.take(child.count, child.bytes + 1) && !must {
                break;
            }
            if let Some(child) = rest.next() {
                inline.push(child.into_block());
            }
        }
        let rest: VecDeque<Node> = rest.collect();
        if !rest.is_empty() {
            call.deferred.push(Job {
                target: Target::Created {
                    call: call.index,
                    path: vec![position],
                },
                blocks: rest,
            });
        }
        set_children(&mut block, inline);
        Ok(block)
    }

    /// Columns must be created with their column list, each with at least one block.
    fn pack_columns(
        &self,
        columns: Vec<Node>,
        call: &mut CallBuilder,
        position: usize,
    ) -> Vec<NewBlock> {
        let mut packed = Vec::with_capacity(columns.len());
        let mut listed = false;
        for (j, mut column) in columns.into_iter().enumerate() {
            let children = column.detach_children();
            call.budget.take(1, column.own_bytes);
            let mut inline = Vec::new();
            let mut rest: VecDeque<Node> = children.into();
            while inline.len() < self.limits.max_children
                && let Some(child) = rest.front()
            {
                let first = inline.is_empty();
                if !self.fits(child, 3) && !first {
                    break;
                }
                if !call.budget.take(child.count, child.bytes + 1) && !first {
                    break;
                }
                let Some(mut child) = rest.pop_front() else {
                    break;
                };
                if !self.fits(&child, 3) {
                    let grandchildren = child.detach_children();
                    if !listed {
                        call.reads.push(vec![position]);
                        listed = true;
                    }
                    call.reads.push(vec![position, j]);
                    call.deferred.push(Job {
                        target: Target::Created {
                            call: call.index,
                            path: vec![position, j, 0],
                        },
                        blocks: grandchildren.into(),
                    });
                }
                inline.push(child.into_block());
            }
            if !rest.is_empty() {
                if !listed {
                    call.reads.push(vec![position]);
                    listed = true;
                }
                call.deferred.push(Job {
                    target: Target::Created {
                        call: call.index,
                        path: vec![position, j],
                    },
                    blocks: rest,
                });
            }
            let mut block = column.block;
            set_children(&mut block, inline);
            packed.push(block);
        }
        packed
    }
}

#[cfg(test)]
mod tests;
