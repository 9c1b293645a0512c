//! `orchestra bulk update|archive`: change every row matching a readable filter.
//!
//! [`Filter`] parses `Status = Active and Progress < 50` and translates it against the
//! live schema into Notion's filter JSON. [`select`] runs the query once (only the
//! properties the preview needs), [`Selection::preview`] shows what matched, and [`apply`]
//! writes every row concurrently inside the client's rate budget: one failed row never
//! stops the others, and the [`BulkReport`] counts what happened and the requests used.

pub mod filter;
mod preview;
mod report;
mod select;
mod write;

pub use filter::{Filter, FilterError};
pub use preview::{Preview, PreviewRow};
pub use report::{BulkFailure, BulkReport};
pub use select::{Selection, select};
pub use write::{BulkAction, BulkEvent, BulkOptions, apply};
