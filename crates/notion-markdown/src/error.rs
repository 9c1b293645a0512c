//! The crate's one error type.

/// Errors raised while resolving an [`crate::AppendPlan`] against real results.
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
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
