//! A typed, rate-limit-aware Notion API client.
//!
//! ```no_run
//! use notion_api::model::{DataSourceId, Parent, PropertyValue};
//! use notion_api::ClientBuilder;
//!
//! # async fn run() -> notion_api::Result<()> {
//! // NOTION_API_KEY (or NOTION_TOKEN), and optionally NOTION_BASE_URL / NOTION_VERSION.
//! let client = ClientBuilder::from_env().build()?;
//! let tasks = DataSourceId::parse("1f0c9a3e5b7d4c219e8a6d2b4f1a0c33").expect("a data source id");
//!
//! let page = client
//!     .pages()
//!     .create(Parent::data_source(tasks))
//!     .property("Name", PropertyValue::title("Write the API digest"))
//!     .property("Status", PropertyValue::select("Active"))
//!     .property("Priority", PropertyValue::select("High"))
//!     .property("Progress", PropertyValue::number(25))
//!     .send()
//!     .await?;
//! println!("created {} ({} API requests so far)", page.url, client.stats().requests_sent);
//! # Ok(())
//! # }
//! ```
//!
//! # What the client does for you
//!
//! - **Rate limiting**: at most 180 requests in any rolling 60 s by default ([`RateLimit`]),
//!   shared by every clone of a [`Client`].
//! - **Retries** ([`RetryPolicy`]): 429/529 wait `Retry-After` and pause every caller; 5xx and
//!   connection failures are retried for GET/DELETE only. A failed POST/PATCH tells you whether
//!   it may have committed ([`Error::is_write_maybe_committed`], [`Error::Committed`]).
//! - **Pagination**: list endpoints have `send()` (one page), `stream()` and `collect_all()`;
//!   data-source queries also have `scan_all()`, which reads past Notion's per-query row cap.
//! - **Observability**: a `tracing` span per attempt (method, id-free path, attempt; never the
//!   token), [`Client::stats`] counters and an [`Observer`] hook.
//! - **Block trees**: [`api::BlocksHandler::append_tree`] writes a tree of any size and depth
//!   in the calls of a `notion_markdown` append plan; [`api::BlocksHandler::read_tree`] reads
//!   one back (paginated, a few lists in flight). Pair them with
//!   `notion_markdown::markdown_to_blocks` / `tree_to_markdown`.
//! - **Escape hatch**: [`Client::request_json`] sends any request through the same transport.
//!
//! Endpoints are grouped by area: [`Client::users`], [`Client::pages`], [`Client::databases`],
//! [`Client::data_sources`], [`Client::blocks`], [`Client::comments`], [`Client::search`],
//! [`Client::file_uploads`].

#![deny(missing_docs)]

pub mod api;
mod builder;
mod client;
mod error;
pub mod pagination;
mod token;
mod transport;

pub use builder::{ClientBuilder, DEFAULT_BASE_URL};
pub use client::Client;
pub use error::{ApiError, Error, Result};
pub use notion_model as model;
pub use notion_model::{ApiVersion, ErrorCode};
pub use pagination::{ItemStream, Paginated};
pub use reqwest::Method;
pub use token::Token;
pub use transport::observe::{ClientStats, Observer, TransportEvent};
pub use transport::rate_limit::RateLimit;
pub use transport::retry::{RetryPolicy, parse_retry_after};
