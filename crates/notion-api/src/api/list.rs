//! Generic paginated requests: cursor in the query string (GET) or in the body (POST).

use std::fmt;
use std::marker::PhantomData;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::pagination::full_scan::ScanQuery;
use crate::pagination::{self, ItemStream, Paginated};
use crate::transport::request::ApiRequest;

/// A paginated GET endpoint (`start_cursor` and `page_size` in the query string).
///
/// `send()` fetches one page, `stream()` every item, `collect_all()` every item into a `Vec`.
#[must_use]
pub struct ListRequest<T> {
    client: Client,
    path: String,
    query: Vec<(String, String)>,
    page_size: Option<u32>,
    start_cursor: Option<String>,
    results_key: Option<&'static str>,
    item: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for ListRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListRequest")
            .field("path", &self.path)
            .field("query", &self.query)
            .field("page_size", &self.page_size)
            .field("start_cursor", &self.start_cursor)
            .finish()
    }
}

impl<T> Clone for ListRequest<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            path: self.path.clone(),
            query: self.query.clone(),
            page_size: self.page_size,
            start_cursor: self.start_cursor.clone(),
            results_key: self.results_key,
            item: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + Send + 'static> ListRequest<T> {
    pub(crate) fn new(client: &Client, path: String) -> Self {
        Self {
            client: client.clone(),
            path,
            query: Vec::new(),
            page_size: None,
            start_cursor: None,
            results_key: None,
            item: PhantomData,
        }
    }

    /// For lists that carry their items under another key (`templates`).
    pub(crate) fn results_under(mut self, key: &'static str) -> Self {
        self.results_key = Some(key);
        self
    }

    pub(crate) fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Items per page (Notion's maximum and default is 100).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.page_size = Some(page_size);
        self
    }

    /// Starts from this cursor (a previous page's `next_cursor`).
    pub fn start_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.start_cursor = Some(cursor.into());
        self
    }

    fn request(&self, cursor: Option<&str>) -> ApiRequest {
        let mut request = ApiRequest::new(Method::GET, self.path.clone());
        request.query = self.query.clone();
        request
            .query_opt("start_cursor", cursor)
            .query_opt("page_size", self.page_size.map(|n| n.to_string()))
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Any [`Error`] from the transport or decoding.
    pub async fn send(&self) -> Result<Paginated<T>> {
        fetch_page(
            self.client.clone(),
            self.request(self.start_cursor.as_deref()),
            self.results_key,
        )
        .await
    }

    /// Fetches one page decoded as `R` (for endpoints with two response shapes).
    pub(crate) async fn send_raw<R: DeserializeOwned>(&self) -> Result<R> {
        self.client
            .execute(&self.request(self.start_cursor.as_deref()))
            .await
    }

    /// Every item of every page, following `next_cursor` while `has_more`.
    pub fn stream(self) -> ItemStream<T> {
        let first = self.start_cursor.clone();
        pagination::items(move |cursor| {
            let request = self.request(cursor.as_deref().or(first.as_deref()));
            fetch_page(self.client.clone(), request, self.results_key)
        })
    }

    /// Every item of every page, in a `Vec`.
    ///
    /// # Errors
    ///
    /// The first [`Error`] of any page.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        pagination::collect(self.stream()).await
    }
}

/// Fetches one page, moving `results_key` to `results` first when set.
async fn fetch_page<T: DeserializeOwned>(
    client: Client,
    request: ApiRequest,
    results_key: Option<&'static str>,
) -> Result<Paginated<T>> {
    let Some(key) = results_key else {
        return client.execute(&request).await;
    };
    let mut page: Map<String, Value> = client.execute(&request).await?;
    let results = page.remove(key).unwrap_or(Value::Array(Vec::new()));
    page.insert("results".into(), results);
    page.entry("object").or_insert_with(|| Value::from("list"));
    crate::transport::response::decode(
        &request.method,
        &crate::transport::path::template(&request.path),
        &serde_json::to_vec(&page).map_err(Error::Encode)?,
    )
}

/// A paginated POST endpoint (`start_cursor` and `page_size` in the JSON body).
#[must_use]
pub struct BodyListRequest<T> {
    client: Client,
    path: String,
    query: Vec<(String, String)>,
    body: Map<String, Value>,
    error: Option<String>,
    item: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for BodyListRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyListRequest")
            .field("path", &self.path)
            .field("query", &self.query)
            .field("body", &self.body)
            .finish()
    }
}

impl<T> Clone for BodyListRequest<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            path: self.path.clone(),
            query: self.query.clone(),
            body: self.body.clone(),
            error: self.error.clone(),
            item: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + Send + 'static> BodyListRequest<T> {
    pub(crate) fn new(client: &Client, path: String) -> Self {
        Self {
            client: client.clone(),
            path,
            query: Vec::new(),
            body: Map::new(),
            error: None,
            item: PhantomData,
        }
    }

    pub(crate) fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Sets one body field from anything serializable; a serialization failure
    /// is reported by `send()`.
    pub(crate) fn field(mut self, key: &str, value: impl Serialize) -> Self {
        match serde_json::to_value(value) {
            Ok(value) => {
                self.body.insert(key.to_owned(), value);
            }
            Err(err) => self.error = Some(format!("{key}: {err}")),
        }
        self
    }

    fn check(&self) -> Result<()> {
        match &self.error {
            Some(err) => Err(Error::Config(format!("request body field {err}"))),
            None => Ok(()),
        }
    }

    /// The query as a full scan: the scan owns `filter`, `sorts` and `start_cursor`.
    pub(crate) fn into_scan_query(self, filter: Option<Value>) -> Result<ScanQuery> {
        self.check()?;
        let mut body = self.body;
        for key in ["filter", "sorts", "start_cursor"] {
            body.remove(key);
        }
        Ok(ScanQuery {
            client: self.client,
            path: self.path,
            query: self.query,
            filter,
            body,
        })
    }

    fn request(&self, cursor: Option<&str>) -> Result<ApiRequest> {
        self.check()?;
        let mut body = self.body.clone();
        if let Some(cursor) = cursor {
            body.insert("start_cursor".into(), Value::String(cursor.to_owned()));
        }
        let mut request = ApiRequest::new(Method::POST, self.path.clone());
        request.query = self.query.clone();
        request.json(&body)
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Any [`Error`] from the transport or decoding.
    pub async fn send(&self) -> Result<Paginated<T>> {
        self.client.execute(&self.request(None)?).await
    }

    /// Every item of every page, following `next_cursor` while `has_more`.
    pub fn stream(self) -> ItemStream<T> {
        pagination::items(move |cursor| {
            let request = self.request(cursor.as_deref());
            let client = self.client.clone();
            async move { client.execute(&request?).await }
        })
    }

    /// Every item of every page, in a `Vec`.
    ///
    /// # Errors
    ///
    /// The first [`Error`] of any page.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        pagination::collect(self.stream()).await
    }
}
