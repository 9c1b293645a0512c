//! The crate's one error type.

/// Errors raised while resolving an [`crate::AppendPlan`] against real results, or while
/// applying a Markdown edit ([`crate::edit`]; Notion answers those with `validation_error`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A call targets the result of a call that has not run yet (or does not exist).
    #[error("call {call} has no recorded result (only {available} calls have results)")]
    MissingCallResult {
        /// The call whose result was needed.
        call: usize,
        /// How many results were supplied.
        available: usize,
    },
    /// A path points past the blocks a call created (or whose children were not listed).
    #[error("call {call} has no created block at path {path:?}")]
    MissingCreatedBlock {
        /// The call whose result tree was searched.
        call: usize,
        /// The path that did not resolve.
        path: Vec<usize>,
    },
    /// An `update_content` edit whose `old_str` does not occur.
    #[error("content_updates[{index}].old_str was not found in the page content: {old_str:?}")]
    NoMatch {
        /// Index of the edit.
        index: usize,
        /// The text searched for.
        old_str: String,
    },
    /// An `update_content` edit whose `old_str` occurs more than once without
    /// `replace_all_matches`.
    #[error(
        "content_updates[{index}].old_str matches {count} times; make it unique or set replace_all_matches: {old_str:?}"
    )]
    AmbiguousMatch {
        /// Index of the edit.
        index: usize,
        /// The text searched for.
        old_str: String,
        /// How many times it occurs.
        count: usize,
    },
    /// An `update_content` edit with an empty `old_str`.
    #[error("content_updates[{index}].old_str should not be empty")]
    EmptySearch {
        /// Index of the edit.
        index: usize,
    },
    /// More `content_updates` than one request may carry.
    #[error("content_updates should have at most 100 items, instead has {count}")]
    TooManyUpdates {
        /// How many were sent.
        count: usize,
    },
    /// A `start...end` selection that does not match the page content.
    #[error("the selection {selection:?} was not found in the page content")]
    SelectionNotFound {
        /// The selection.
        selection: String,
    },
    /// The edit would delete child pages or databases without `allow_deleting_content`.
    #[error(
        "this edit would delete {} child page(s) or database(s); set allow_deleting_content to true to allow it",
        urls.len()
    )]
    WouldDeleteContent {
        /// URLs of the child pages / databases that would be deleted.
        urls: Vec<String>,
    },
    /// `insert_content` with both `after` and `position`.
    #[error("insert_content.after cannot be combined with insert_content.position")]
    AfterWithPosition,
    /// An operation type this crate does not know.
    #[error("unknown markdown operation")]
    UnknownEdit,
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
