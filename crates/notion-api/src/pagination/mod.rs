//! Paginated lists: the [`Paginated`] page type and streams that follow
//! `next_cursor` while `has_more`.
//!
//! Every paginated endpoint offers `send()` (one page), `stream()` (every item,
//! page after page) and `collect_all()`. Data-source queries also offer a full
//! scan past Notion's per-query row cap
//! ([`DataSourceQuery::scan_all`](crate::api::DataSourceQuery::scan_all)).

pub(crate) mod full_scan;

use std::future::Future;

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};

use crate::error::Result;

/// One page of a Notion list response:
/// `{"object":"list","results":[...],"next_cursor":...,"has_more":...}`.
pub type Paginated<T> = notion_model::ListResponse<T>;

/// The cursor to fetch after `page`, if another page follows.
pub fn next_page_cursor<T>(page: &Paginated<T>) -> Option<&str> {
    page.next_cursor.as_deref().filter(|_| page.has_more)
}

/// True when Notion stopped this query at its row cap
/// (`request_status.incomplete_reason == "query_result_limit_reached"`).
pub fn hit_result_limit<T>(page: &Paginated<T>) -> bool {
    page.request_status
        .as_ref()
        .and_then(|s| s.incomplete_reason.as_deref())
        == Some("query_result_limit_reached")
}

/// A boxed stream of items (or of errors, after which it ends).
pub type ItemStream<T> = BoxStream<'static, Result<T>>;

/// Streams the pages produced by `fetch(cursor)`, starting with no cursor and
/// following `next_cursor` while `has_more`. The stream ends after an error.
pub(crate) fn pages<T, F, Fut>(fetch: F) -> BoxStream<'static, Result<Paginated<T>>>
where
    T: Send + 'static,
    F: FnMut(Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Paginated<T>>> + Send + 'static,
{
    stream::try_unfold(
        (fetch, Some(None::<String>)),
        |(mut fetch, cursor)| async move {
            let Some(cursor) = cursor else {
                return Ok(None);
            };
            let page = fetch(cursor).await?;
            let next = next_page_cursor(&page).map(|c| Some(c.to_owned()));
            Ok(Some((page, (fetch, next))))
        },
    )
    .boxed()
}

/// Streams the items of every page produced by `fetch(cursor)`.
pub(crate) fn items<T, F, Fut>(fetch: F) -> ItemStream<T>
where
    T: Send + 'static,
    F: FnMut(Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Paginated<T>>> + Send + 'static,
{
    pages(fetch)
        .map_ok(|page| stream::iter(page.results.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
}

/// Drains an item stream into a vector, stopping at the first error.
pub(crate) async fn collect<T>(stream: ItemStream<T>) -> Result<Vec<T>> {
    stream.try_collect().await
}
