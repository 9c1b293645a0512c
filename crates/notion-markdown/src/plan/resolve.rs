//! Resolving symbolic targets against the blocks earlier calls created.

use crate::error::{Error, Result};
use crate::plan::{AppendPlan, Target};

/// A block an append created, with the children learnt by listing (empty unless listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created<Id> {
    /// The created block's id.
    pub id: Id,
    /// Its children, filled in for the paths a call's `reads_after` names.
    pub children: Vec<Created<Id>>,
}

impl<Id> Created<Id> {
    /// A created block whose children are not known.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            children: Vec::new(),
        }
    }

    /// The node at `path` below this list of siblings.
    fn find<'a>(siblings: &'a [Created<Id>], path: &[usize]) -> Option<&'a Created<Id>> {
        let (first, rest) = path.split_first()?;
        let node = siblings.get(*first)?;
        if rest.is_empty() {
            Some(node)
        } else {
            Self::find(&node.children, rest)
        }
    }

    /// The node at `path` below this list of siblings, mutably (to attach listed children).
    pub fn find_mut<'a>(
        siblings: &'a mut [Created<Id>],
        path: &[usize],
    ) -> Option<&'a mut Created<Id>> {
        let (first, rest) = path.split_first()?;
        let node = siblings.get_mut(*first)?;
        if rest.is_empty() {
            Some(node)
        } else {
            Self::find_mut(&mut node.children, rest)
        }
    }
}

impl Target {
    /// The id this target stands for: `root`, or a block recorded in `results`
    /// (`results[k]` = the top-level blocks call `k` created, with listed children).
    ///
    /// # Errors
    /// [`Error::MissingCallResult`] or [`Error::MissingCreatedBlock`] when `results` does not
    /// hold the block (the call has not run, or its children were not listed).
    pub fn resolve<'a, Id>(&self, root: &'a Id, results: &'a [Vec<Created<Id>>]) -> Result<&'a Id> {
        match self {
            Target::Root => Ok(root),
            Target::Created { call, path } => {
                let created = results.get(*call).ok_or(Error::MissingCallResult {
                    call: *call,
                    available: results.len(),
                })?;
                Created::find(created, path)
                    .map(|node| &node.id)
                    .ok_or_else(|| Error::MissingCreatedBlock {
                        call: *call,
                        path: path.clone(),
                    })
            }
        }
    }
}

impl AppendPlan {
    /// The parent id for call `index`, given the results of the calls before it.
    ///
    /// # Errors
    /// As [`Target::resolve`]; also [`Error::MissingCallResult`] when `index` is out of range.
    pub fn resolve_parent<'a, Id>(
        &self,
        index: usize,
        root: &'a Id,
        results: &'a [Vec<Created<Id>>],
    ) -> Result<&'a Id> {
        let call = self.calls().get(index).ok_or(Error::MissingCallResult {
            call: index,
            available: self.len(),
        })?;
        call.parent.resolve(root, results)
    }
}
