//! `POST /v1/search`.

use notion_model::{ApiVersion, SearchResult};
use serde_json::json;

use super::list::BodyListRequest;
use crate::client::Client;
use crate::error::Result;
use crate::pagination::{ItemStream, Paginated};

/// Which objects a search returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SearchFilter {
    /// Pages only.
    Pages,
    /// Data sources only (databases under 2022-06-28).
    DataSources,
}

/// `POST /v1/search`: title search over everything shared with the integration.
#[derive(Debug, Clone)]
#[must_use]
pub struct Search {
    inner: BodyListRequest<SearchResult>,
    version: ApiVersion,
}

impl Search {
    pub(crate) fn new(client: &Client) -> Self {
        Self {
            inner: BodyListRequest::new(client, "/v1/search".to_owned()),
            version: client.notion_version(),
        }
    }

    /// Title substring to match (empty matches everything).
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.inner = self.inner.field("query", query.into());
        self
    }

    /// Restricts results to pages or data sources.
    pub fn filter(mut self, filter: SearchFilter) -> Self {
        let value = match (filter, self.version.has_data_sources()) {
            (SearchFilter::Pages, _) => "page",
            (SearchFilter::DataSources, true) => "data_source",
            (SearchFilter::DataSources, false) => "database",
        };
        self.inner = self
            .inner
            .field("filter", json!({"property": "object", "value": value}));
        self
    }

    /// Sorts by `last_edited_time` (`ascending` = oldest first).
    pub fn sort_by_last_edited(mut self, ascending: bool) -> Self {
        let direction = if ascending { "ascending" } else { "descending" };
        self.inner = self.inner.field(
            "sort",
            json!({"timestamp": "last_edited_time", "direction": direction}),
        );
        self
    }

    /// Items per page (max 100).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.inner = self.inner.field("page_size", page_size);
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(&self) -> Result<Paginated<SearchResult>> {
        self.inner.send().await
    }

    /// Every result, following cursors.
    pub fn stream(self) -> ItemStream<SearchResult> {
        self.inner.stream()
    }

    /// Every result in a `Vec`.
    ///
    /// # Errors
    ///
    /// The first [`Error`](crate::Error) of any page.
    pub async fn collect_all(self) -> Result<Vec<SearchResult>> {
        self.inner.collect_all().await
    }
}
