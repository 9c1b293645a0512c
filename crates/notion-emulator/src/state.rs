//! The shared server state ([`AppState`]), its options, and the per-request context.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use notion_model::version::ApiVersion;

use crate::error::Result;
use crate::gate::faults::{FaultSpec, Faults};
use crate::gate::rate_limit::{RateLimitSetting, RateLimiter};
use crate::gate::stats::Stats;
use crate::store::Store;
use crate::store::seed::{self, Workspace};

/// Every capability an integration can have.
pub const ALL_CAPABILITIES: [&str; 5] = [
    "read_content",
    "update_content",
    "insert_content",
    "read_comments",
    "insert_comments",
];

/// How the emulator starts.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AppOptions {
    /// Token of the default integration (generated and kept in the database when `None`).
    pub token: Option<String>,
    /// Request budget per integration.
    pub rate_limit: RateLimitSetting,
    /// Fault rules active from the start.
    pub faults: Option<FaultSpec>,
    /// Show timestamps to the millisecond instead of Notion's whole minutes.
    pub exact_timestamps: bool,
}

impl AppOptions {
    /// Options with a fixed default-integration token.
    #[must_use]
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Options with a rate limit.
    #[must_use]
    pub fn with_rate_limit(mut self, rate_limit: RateLimitSetting) -> Self {
        self.rate_limit = rate_limit;
        self
    }

    /// Options with initial fault rules.
    #[must_use]
    pub fn with_faults(mut self, faults: FaultSpec) -> Self {
        self.faults = Some(faults);
        self
    }

    /// Options showing exact (millisecond) timestamps.
    #[must_use]
    pub fn with_exact_timestamps(mut self, exact: bool) -> Self {
        self.exact_timestamps = exact;
        self
    }
}

/// An integration (a bot with a token and capabilities).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Integration {
    pub(crate) id: String,
    pub(crate) token: String,
    pub(crate) name: String,
    pub(crate) bot_user_id: String,
    pub(crate) capabilities: Vec<String>,
    pub(crate) user_info: String,
}

impl Integration {
    pub(crate) fn can(&self, capability: &str) -> bool {
        self.capabilities.iter().any(|c| c == capability)
    }
}

/// What a `/v1` handler knows about its request.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub(crate) version: ApiVersion,
    pub(crate) integration: Integration,
    pub(crate) base_url: String,
    pub(crate) exact_timestamps: bool,
    pub(crate) workspace: Workspace,
    pub(crate) file_secret: String,
    pub(crate) store: Store,
}

impl Ctx {
    pub(crate) fn user_id(&self) -> &str {
        &self.integration.bot_user_id
    }

    /// A fresh creation-order number.
    pub(crate) fn next_seq(&self) -> i64 {
        self.store.next_seq()
    }
}

/// The emulator: storage plus the knobs of the admin API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) store: Store,
    pub(crate) options: AppOptions,
    pub(crate) tokens: RwLock<HashMap<String, Integration>>,
    pub(crate) workspace: RwLock<Workspace>,
    pub(crate) rate: RateLimiter,
    pub(crate) faults: Mutex<Faults>,
    pub(crate) stats: Stats,
    pub(crate) base_url: RwLock<String>,
}

impl AppState {
    /// Opens the database at `db` (`":memory:"` for a private in-memory one), creating the
    /// workspace (owner, default integration, root page) on first use.
    ///
    /// # Errors
    /// When SQLite cannot open or initialise the file.
    pub fn open(db: impl AsRef<Path>, options: AppOptions) -> Result<Self> {
        let store = Store::open(db.as_ref())?;
        let workspace = store
            .run_blocking(|tx| seed::ensure(tx, &store, options.token.as_deref()))
            .map_err(|e| crate::error::Error::Invalid(e.message))?;
        let faults = Faults::new(options.faults.clone().unwrap_or_default());
        let state = Self {
            inner: Arc::new(Inner {
                rate: RateLimiter::new(options.rate_limit.clone()),
                store,
                options,
                tokens: RwLock::new(HashMap::new()),
                workspace: RwLock::new(workspace),
                faults: Mutex::new(faults),
                stats: Stats::default(),
                base_url: RwLock::new("http://127.0.0.1".to_owned()),
            }),
        };
        state.reload_tokens()?;
        Ok(state)
    }

    /// The token of the default integration (every capability).
    pub fn token(&self) -> String {
        self.workspace().default_token
    }

    /// The page shared with the default integration.
    pub fn root_page_id(&self) -> String {
        self.workspace().root_page_id
    }

    /// The bot user of the default integration.
    pub fn bot_user_id(&self) -> String {
        self.workspace().default_bot_user_id
    }

    /// The base URL the server announces (set by [`crate::serve`]).
    pub fn base_url(&self) -> String {
        read(&self.inner.base_url).clone()
    }

    pub(crate) fn set_base_url(&self, url: String) {
        *self
            .inner
            .base_url
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = url;
    }

    pub(crate) fn workspace(&self) -> Workspace {
        read(&self.inner.workspace).clone()
    }

    pub(crate) fn store(&self) -> &Store {
        &self.inner.store
    }

    pub(crate) fn integration_for(&self, token: &str) -> Option<Integration> {
        read(&self.inner.tokens).get(token).cloned()
    }

    /// Reloads the token → integration map after admin changes.
    pub(crate) fn reload_tokens(&self) -> Result<()> {
        let all = self
            .inner
            .store
            .run_blocking(crate::store::people::all_integrations)
            .map_err(|e| crate::error::Error::Invalid(e.message))?;
        let map = all.into_iter().map(|i| (i.token.clone(), i)).collect();
        *self
            .inner
            .tokens
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = map;
        Ok(())
    }

    pub(crate) fn set_workspace(&self, workspace: Workspace) {
        *self
            .inner
            .workspace
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = workspace;
    }

    pub(crate) fn ctx(&self, version: ApiVersion, integration: Integration) -> Ctx {
        Ctx {
            version,
            integration,
            base_url: self.base_url(),
            exact_timestamps: self.inner.options.exact_timestamps,
            workspace: self.workspace(),
            file_secret: self.workspace().file_secret,
            store: self.inner.store.clone(),
        }
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
