//! Shared helpers: an emulator with a client pointed at it, and small typed fixtures.

use notion_api::model::{
    BlockId, DataSourceId, DatabaseId, Page, PageId, Parent, PropertySchema, PropertyValue,
};
use notion_api::{ApiError, ApiVersion, Client, ClientBuilder, Error, ErrorCode, RateLimit};
use notion_emulator::testing::TestEmulator;

/// A running emulator and a client (version 2025-09-03) using its default token.
pub(crate) struct Env {
    pub(crate) emu: TestEmulator,
    pub(crate) client: Client,
}

impl Env {
    /// Starts an emulator with default options.
    pub(crate) async fn start() -> Self {
        Self::on(TestEmulator::start().await)
    }

    /// Wraps a started emulator.
    pub(crate) fn on(emu: TestEmulator) -> Self {
        let client = client_for(&emu, ApiVersion::V2025_09_03);
        Self { emu, client }
    }

    /// The root page shared with the default integration.
    pub(crate) fn root(&self) -> PageId {
        PageId::parse(&self.emu.root_page_id()).expect("root page id")
    }

    /// A client for the same emulator with another `Notion-Version`.
    pub(crate) fn versioned(&self, version: ApiVersion) -> Client {
        client_for(&self.emu, version)
    }
}

/// A builder pointed at `emu` with its default token. The emulator starts without a
/// rate limit, so the client's proactive budget is off too (the default 180 per
/// minute would make bulk tests wait a real minute); rate-limit tests set both.
pub(crate) fn builder_for(emu: &TestEmulator) -> ClientBuilder {
    Client::builder()
        .base_url(emu.base_url())
        .token(emu.token())
        .rate_limit(RateLimit::Off)
        .timeout(std::time::Duration::from_secs(20))
}

/// A client pointed at `emu` with its default token and `version`.
pub(crate) fn client_for(emu: &TestEmulator, version: ApiVersion) -> Client {
    builder_for(emu)
        .notion_version(version)
        .build()
        .expect("client builds")
}

/// A page id used as a block id (a page is a block).
pub(crate) fn block(page: PageId) -> BlockId {
    BlockId::from_uuid(*page.as_uuid())
}

/// The Notion API error inside `err`, asserting its status and code.
#[track_caller]
pub(crate) fn api_error(err: &Error, status: u16, code: ErrorCode) -> &ApiError {
    let api = err
        .api()
        .unwrap_or_else(|| panic!("expected Error::Api {status} {code}, got {err:?}"));
    assert_eq!(api.status, status, "{api}");
    assert_eq!(api.code, code, "{api}");
    api
}

/// A database under `parent` with a title property `Name` plus `extra` properties;
/// returns the database and its (only) data source.
pub(crate) async fn database(
    client: &Client,
    parent: PageId,
    title: &str,
    extra: Vec<(&str, PropertySchema)>,
) -> (DatabaseId, DataSourceId) {
    let mut create = client
        .databases()
        .create(Parent::page(parent))
        .title_text(title)
        .property("Name", PropertySchema::title());
    for (name, schema) in extra {
        create = create.property(name, schema);
    }
    let db = create.send().await.expect("create database");
    let sources = db
        .data_sources
        .expect("2025-09-03 databases list data sources");
    assert_eq!(sources.len(), 1, "a new database has one data source");
    (db.id, sources[0].id)
}

/// A row titled `name` with `props` in data source `ds`.
pub(crate) async fn row(
    client: &Client,
    ds: DataSourceId,
    name: &str,
    props: Vec<(&str, PropertyValue)>,
) -> Page {
    let mut create = client
        .pages()
        .create(Parent::data_source(ds))
        .property("Name", PropertyValue::title(name));
    for (prop, value) in props {
        create = create.property(prop, value);
    }
    create.send().await.expect("create row")
}

/// A plain child page titled `title` under `parent`.
pub(crate) async fn child_page(client: &Client, parent: PageId, title: &str) -> Page {
    client
        .pages()
        .create(Parent::page(parent))
        .property("title", PropertyValue::title(title))
        .send()
        .await
        .expect("create page")
}
