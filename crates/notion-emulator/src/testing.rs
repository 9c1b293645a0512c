//! The shared test harness: an in-memory emulator on `127.0.0.1:0`.
//!
//! ```no_run
//! # async fn t() {
//! let emu = notion_emulator::testing::TestEmulator::start().await;
//! let url = format!("{}/v1/users/me", emu.base_url());
//! let token = emu.token();
//! # let _ = (url, token);
//! # }
//! ```

use std::net::SocketAddr;

use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::admin::{self, NewIntegration};
use crate::gate::faults::FaultSpec;
use crate::gate::rate_limit::RateLimitSetting;
use crate::state::{ALL_CAPABILITIES, AppOptions, AppState};

/// A running emulator; shuts down when dropped.
#[derive(Debug)]
pub struct TestEmulator {
    state: AppState,
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

/// An integration created through [`Admin::integration`].
#[derive(Debug, Clone)]
pub struct TestIntegration {
    /// Its id.
    pub integration_id: String,
    /// Its bearer token.
    pub token: String,
    /// Its bot user.
    pub bot_user_id: String,
}

impl TestEmulator {
    /// Starts an emulator with default options.
    ///
    /// # Panics
    /// When it cannot bind or open its in-memory database.
    pub async fn start() -> Self {
        Self::start_with(AppOptions::default()).await
    }

    /// Starts an emulator with `options`.
    ///
    /// # Panics
    /// When it cannot bind or open its in-memory database.
    pub async fn start_with(options: AppOptions) -> Self {
        let state = AppState::open(":memory:", options).expect("open in-memory emulator");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        Self::start_on(listener, state)
    }

    /// Serves an existing state on a listener (used for persistence tests).
    ///
    /// # Panics
    /// When the listener has no local address.
    pub fn start_on(listener: tokio::net::TcpListener, state: AppState) -> Self {
        let addr = listener.local_addr().expect("local addr");
        state.set_base_url(format!("http://{addr}"));
        let (tx, rx) = oneshot::channel::<()>();
        let server_state = state.clone();
        let task = tokio::spawn(async move {
            let shutdown = async {
                let _ = rx.await;
            };
            crate::server::serve_with_shutdown(listener, server_state, shutdown)
                .await
                .expect("emulator server failed");
        });
        Self {
            state,
            addr,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The default integration's token (every capability).
    pub fn token(&self) -> String {
        self.state.token()
    }

    /// A page shared with the default integration.
    pub fn root_page_id(&self) -> String {
        self.state.root_page_id()
    }

    /// The default integration's bot user id.
    pub fn bot_user_id(&self) -> String {
        self.state.bot_user_id()
    }

    /// The underlying state.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// In-process access to the admin API.
    pub fn admin(&self) -> Admin<'_> {
        Admin { state: &self.state }
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for TestEmulator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// The admin API, called in process (same effects as `/_emulator`).
#[derive(Debug, Clone, Copy)]
pub struct Admin<'a> {
    state: &'a AppState,
}

impl Admin<'_> {
    /// Creates an integration with `capabilities` (empty = all) and `user_info`.
    ///
    /// # Panics
    /// On an unknown capability or `user_info`.
    pub fn integration(
        &self,
        name: &str,
        capabilities: &[&str],
        user_info: &str,
    ) -> TestIntegration {
        let capabilities = if capabilities.is_empty() {
            ALL_CAPABILITIES.to_vec()
        } else {
            capabilities.to_vec()
        };
        let value = admin::add_integration(
            self.state,
            NewIntegration {
                name: name.to_owned(),
                capabilities: capabilities.iter().map(|c| (*c).to_owned()).collect(),
                user_info: user_info.to_owned(),
            },
        )
        .expect("create integration");
        TestIntegration {
            integration_id: field(&value, "integration_id"),
            token: field(&value, "token"),
            bot_user_id: field(&value, "bot_user_id"),
        }
    }

    /// Shares an object (and its subtree) with the integration owning `token`.
    ///
    /// # Panics
    /// On an unknown token or object.
    pub fn share(&self, token: &str, object_id: &str) {
        admin::set_share(self.state, token, object_id, true).expect("share");
    }

    /// Removes a share.
    ///
    /// # Panics
    /// On an unknown token or object.
    pub fn unshare(&self, token: &str, object_id: &str) {
        admin::set_share(self.state, token, object_id, false).expect("unshare");
    }

    /// Adds a person; returns the user id.
    ///
    /// # Panics
    /// When the store fails.
    pub fn user(&self, name: &str, email: &str) -> String {
        let value = admin::add_user(self.state, name, Some(email)).expect("create user");
        field(&value, "id")
    }

    /// Sets the rate limit.
    pub fn rate_limit(&self, setting: RateLimitSetting) {
        self.state.inner.rate.set(setting);
    }

    /// Replaces the fault rules.
    ///
    /// # Panics
    /// On an invalid spec.
    pub fn faults(&self, spec: FaultSpec) {
        admin::set_fault_spec(self.state, spec).expect("valid fault spec");
    }

    /// `GET /_emulator/stats`.
    pub fn stats(&self) -> Value {
        self.state.inner.stats.to_json()
    }

    /// Stores a template of a data source (`POST /_emulator/templates`); returns its id.
    /// `properties` are page property values (request form), `children` blocks (request form).
    ///
    /// # Panics
    /// On an unknown data source or values invalid for its schema.
    pub fn template(
        &self,
        data_source_id: &str,
        name: &str,
        is_default: bool,
        properties: Value,
        children: Value,
    ) -> String {
        let properties = match properties {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        let value = admin::add_template(
            self.state,
            crate::api::templates::NewTemplate {
                data_source_id: data_source_id.to_owned(),
                name: name.to_owned(),
                is_default,
                properties,
                children,
            },
        )
        .expect("create template");
        field(&value, "template_id")
    }

    /// How many times a data-source query had to load its rows instead of reusing the row cache
    /// (a debug counter: cache precision is tested with it).
    pub fn row_cache_loads(&self) -> u64 {
        self.state.store().cache_loads()
    }

    /// How many times a data-source query patched its cached rows with the pages written since,
    /// instead of loading them all again (a debug counter).
    pub fn row_cache_patches(&self) -> u64 {
        self.state.store().cache_patches()
    }

    /// Empties the workspace.
    ///
    /// # Panics
    /// When the store fails.
    pub fn reset(&self) {
        admin::reset_workspace(self.state).expect("reset");
    }
}

fn field(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Inserts `count` rows titled `row <n>` into a data source in one transaction (fast fixtures
/// for large-query tests and benchmarks).
///
/// # Panics
/// When the store fails.
pub fn fill_rows(state: &AppState, data_source_id: &str, count: usize) {
    use crate::store::nodes::{self, Node};
    use crate::wire::{ids, rich_text, time};
    let ds = data_source_id.to_owned();
    let bot = state.bot_user_id();
    let store = state.store().clone();
    state
        .store()
        .run_blocking(move |tx| {
            let now = time::now();
            for n in 0..count {
                let title = format!("row {n}");
                nodes::insert(
                    tx,
                    &Node {
                        id: ids::new_id(),
                        kind: "page".into(),
                        parent_type: "data_source_id".into(),
                        parent_id: Some(ds.clone()),
                        ord: 0,
                        seq: store.next_seq(),
                        created_time: now.clone(),
                        last_edited_time: now.clone(),
                        created_by: bot.clone(),
                        last_edited_by: bot.clone(),
                        in_trash: false,
                        title: title.clone(),
                        data: serde_json::json!({"icon": null, "cover": null, "is_locked": false, "is_archived": false,
                            "properties": {"title": [rich_text::plain(&title)]}}),
                    },
                )?;
            }
            Ok(())
        })
        .expect("fill rows");
}

/// Creates `count` rows in a data source in one transaction, through the same code as
/// `POST /v1/pages` (values checked against the schema, select options resolved), without HTTP.
/// `properties(n)` gives row `n`'s request `properties` object, e.g.
/// `json!({"Name": {"title": [{"text": {"content": "Task 1"}}]}, "Done": {"checkbox": true}})`.
///
/// # Panics
/// When a row is invalid for the schema or the store fails.
pub fn fill_rows_with(
    state: &AppState,
    data_source_id: &str,
    count: usize,
    properties: impl Fn(usize) -> Value,
) {
    use notion_model::version::ApiVersion;
    let integration = state
        .integration_for(&state.token())
        .expect("the default integration exists");
    let ctx = state.ctx(ApiVersion::V2025_09_03, integration);
    let parent = serde_json::json!({"data_source_id": data_source_id});
    state
        .store()
        .run_blocking(move |tx| {
            for n in 0..count {
                let mut body = serde_json::Map::new();
                body.insert("parent".into(), parent.clone());
                body.insert("properties".into(), properties(n));
                crate::api::pages::create_page(tx, &ctx, &body)?;
            }
            Ok(())
        })
        .expect("fill rows");
}
