//! Block content: parsing request block trees (limits, nesting, table and column rules) and
//! writing them into the tree.

pub(crate) mod input;
pub(crate) mod markdown;
pub(crate) mod payload;
pub(crate) mod write;
