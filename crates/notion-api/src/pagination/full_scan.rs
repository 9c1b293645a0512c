//! Reading every row of a data source, past Notion's per-query row cap.
//!
//! One query (one filter and sort) stops after a fixed number of rows (10,000
//! by default) with `request_status.incomplete_reason = "query_result_limit_reached"`.
//! The scan sorts by `created_time` ascending and, whenever a query stops at the
//! cap, starts a new query from the last `created_time` it saw
//! (`on_or_after`, combined with the caller's filter by `and`). Windows overlap
//! by design (Notion rounds `created_time` to the minute), so rows are
//! de-duplicated by id.

use std::collections::{HashSet, VecDeque};

use futures::StreamExt;
use futures::stream;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::{ItemStream, Paginated, hit_result_limit, next_page_cursor};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::request::ApiRequest;

/// What to scan: a query endpoint and the caller's part of the body.
#[derive(Debug, Clone)]
pub(crate) struct ScanQuery {
    pub(crate) client: Client,
    /// `/v1/data_sources/{id}/query` (or the legacy database query path).
    pub(crate) path: String,
    /// Query-string pairs (`filter_properties`).
    pub(crate) query: Vec<(String, String)>,
    /// The caller's filter, if any.
    pub(crate) filter: Option<Value>,
    /// Other body fields (`page_size`, `in_trash`, ...); `sorts`, `filter` and
    /// `start_cursor` are set by the scan.
    pub(crate) body: Map<String, Value>,
}

struct ScanState {
    scan: ScanQuery,
    seen: HashSet<String>,
    window_start: Option<String>,
    last_created: Option<String>,
    cursor: Option<String>,
    done: bool,
}

/// Streams every row matching the query, each exactly once.
pub(crate) fn full_scan<T>(scan: ScanQuery) -> ItemStream<T>
where
    T: DeserializeOwned + Send + 'static,
{
    let state = ScanState {
        scan,
        seen: HashSet::new(),
        window_start: None,
        last_created: None,
        cursor: None,
        done: false,
    };
    stream::try_unfold(state, |mut state| async move {
        if state.done {
            return Ok(None);
        }
        let rows = state.next_batch().await?;
        Ok(Some((rows, state)))
    })
    .map(|batch: Result<VecDeque<Value>>| match batch {
        Ok(rows) => stream::iter(rows.into_iter().map(decode_row::<T>)).left_stream(),
        Err(err) => stream::once(async { Err(err) }).right_stream(),
    })
    .flatten()
    .boxed()
}

fn decode_row<T: DeserializeOwned>(row: Value) -> Result<T> {
    serde_path_to_error::deserialize(row.clone()).map_err(|err| Error::Decode {
        method: Method::POST,
        path: "/v1/data_sources/{id}/query".to_owned(),
        json_path: format!("results[].{}", err.path()),
        body_excerpt: super::super::transport::response::excerpt(row.to_string().as_bytes()),
        source: err.into_inner(),
    })
}

impl ScanState {
    /// Fetches one page and returns its rows not seen before.
    async fn next_batch(&mut self) -> Result<VecDeque<Value>> {
        let page: Paginated<Value> = self.scan.client.execute(&self.request()?).await?;
        let mut fresh = VecDeque::new();
        for row in &page.results {
            if let Some(created) = row.get("created_time").and_then(Value::as_str) {
                self.last_created = Some(created.to_owned());
            }
            let id = row.get("id").and_then(Value::as_str).unwrap_or_default();
            if self.seen.insert(id.to_owned()) {
                fresh.push_back(row.clone());
            }
        }
        if let Some(cursor) = next_page_cursor(&page) {
            self.cursor = Some(cursor.to_owned());
        } else if hit_result_limit(&page) {
            let Some(last) = self.last_created.clone() else {
                self.done = true;
                return Ok(fresh);
            };
            if self.window_start.as_deref() == Some(last.as_str()) {
                return Err(Error::ScanStalled { created_time: last });
            }
            tracing::debug!(created_time = %last, rows = self.seen.len(), "query hit its row cap; continuing from created_time");
            self.window_start = Some(last);
            self.cursor = None;
        } else {
            self.done = true;
        }
        Ok(fresh)
    }

    fn request(&self) -> Result<ApiRequest> {
        let mut body = self.scan.body.clone();
        let window = self.window_start.as_ref().map(
            |start| json!({"timestamp": "created_time", "created_time": {"on_or_after": start}}),
        );
        if let Some(filter) = combine(self.scan.filter.clone(), window) {
            body.insert("filter".into(), filter);
        }
        body.insert(
            "sorts".into(),
            json!([{"timestamp": "created_time", "direction": "ascending"}]),
        );
        if let Some(cursor) = &self.cursor {
            body.insert("start_cursor".into(), Value::String(cursor.clone()));
        }
        let mut request = ApiRequest::new(Method::POST, self.scan.path.clone());
        request.query = self.scan.query.clone();
        request.json(&body)
    }
}

/// `user AND window`, flattening into the user's top-level `and` when it has one.
fn combine(user: Option<Value>, window: Option<Value>) -> Option<Value> {
    match (user, window) {
        (user, None) => user,
        (None, window) => window,
        (Some(mut user), Some(window)) => {
            if let Some(Value::Array(all)) = user.get_mut("and") {
                all.push(window);
                Some(user)
            } else {
                Some(json!({"and": [user, window]}))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combines_filters_without_extra_nesting() {
        let window = json!({"timestamp": "created_time", "created_time": {"on_or_after": "t"}});
        let status = json!({"property": "Status", "select": {"equals": "Active"}});
        assert_eq!(
            combine(Some(status.clone()), Some(window.clone())),
            Some(json!({"and": [status.clone(), window.clone()]}))
        );
        let both = json!({"and": [status.clone()]});
        assert_eq!(
            combine(Some(both), Some(window.clone())),
            Some(json!({"and": [status.clone(), window.clone()]}))
        );
        assert_eq!(combine(None, Some(window.clone())), Some(window));
        assert_eq!(combine(Some(status.clone()), None), Some(status));
    }
}
