//! The pure query engine: Notion filters, sorts and rollups over page property values in the
//! exact response shapes of the API.
//!
//! Compile once, match many times: [`compile_filter`] and [`compile_sorts`] resolve property
//! names or ids against the data-source schema, check every condition against the property
//! type and parse operands (numbers, dates, relative dates, ids) up front, so that testing and
//! ordering rows borrows from the pages without allocating in the common cases.

mod conditions;
mod dates;
mod error;
mod filter;
mod ids;
mod json;
pub(crate) mod rollup;
mod schema;
mod sort;
mod sort_value;
#[cfg(test)]
mod testing;
mod text;

use serde_json::{Map, Value};

// The compiled types are named by callers that store them; not every build names them.
#[allow(unused_imports)]
pub(crate) use self::{error::QueryError, filter::CompiledFilter, sort::CompiledSorts};
pub(crate) use self::{filter::compile_filter, sort::compile_sorts};

/// What a query is compiled against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QueryContext<'a> {
    /// The data source `properties` as the API returns them: name -> `{id, name, type, <type>}`.
    pub(crate) schema: &'a Map<String, Value>,
    /// "Now", for relative dates (`today`, `past_week`, …).
    pub(crate) now: jiff::Timestamp,
    /// The user `"me"` stands for in people filters.
    pub(crate) current_user_id: &'a str,
}

/// One page as the query engine sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    /// The page id.
    #[allow(
        dead_code,
        reason = "not read by the engine itself; callers map rows back to pages with it"
    )]
    pub(crate) id: &'a str,
    /// The page `properties` as the API returns them (name -> `{id, type, <type>: value}`),
    /// rollups already computed.
    pub(crate) properties: &'a Map<String, Value>,
    /// ISO timestamp of creation.
    pub(crate) created_time: &'a str,
    /// ISO timestamp of the last edit.
    pub(crate) last_edited_time: &'a str,
    /// Id of the creating user.
    pub(crate) created_by: &'a str,
    /// Id of the last editing user.
    pub(crate) last_edited_by: &'a str,
}
