//! What a bulk operation did.

use serde::Serialize;

/// One row that could not be written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulkFailure {
    /// The page.
    pub page_id: String,
    /// Its title.
    pub title: String,
    /// Why.
    pub error: String,
}

/// The summary of `bulk update` or `bulk archive`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BulkReport {
    /// The database key (or id) as given.
    pub database: String,
    /// `update` or `archive`.
    pub action: String,
    /// The filter as written.
    pub filter: String,
    /// Rows matching the filter.
    pub matched: usize,
    /// Rows updated.
    pub updated: usize,
    /// Rows moved to the trash.
    pub archived: usize,
    /// Rows whose write failed.
    pub failed: usize,
    /// API requests used: the schema read, the query and the writes (with retries).
    pub requests: u64,
    /// The failed rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<BulkFailure>,
}

impl BulkReport {
    /// True when no write failed.
    pub fn is_success(&self) -> bool {
        self.failed == 0
    }
}
