//! SQLite storage: one connection behind a mutex, one transaction per request.
//!
//! Every `/v1` request runs [`Store::run`], which opens a transaction on a blocking thread, runs the
//! handler's closure and commits only if it returned `Ok`: a failing request changes nothing.

pub(crate) mod access;
pub(crate) mod nodes;
pub(crate) mod people;
pub(crate) mod seed;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, Transaction};

use crate::error::{ApiError, Result};

/// A cached value and the write generation it was computed at.
type CacheEntry = (u64, Arc<dyn std::any::Any + Send + Sync>);

/// The SQLite handle shared by all requests.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    conn: Arc<Mutex<Connection>>,
    seq: Arc<AtomicI64>,
    generation: Arc<AtomicU64>,
    row_cache: Arc<Mutex<HashMap<String, CacheEntry>>>,
}

impl Store {
    /// Opens (and creates) the database; `":memory:"` gives a private in-memory one.
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let conn = if path.as_os_str() == ":memory:" {
            Connection::open_in_memory()?
        } else {
            let conn = Connection::open(path)?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // 64 MiB of page cache (the default is 2 MiB): big data sources stay in memory.
            conn.pragma_update(None, "cache_size", -65_536)?;
            conn
        };
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        conn.execute_batch(include_str!("schema.sql"))?;
        conn.set_prepared_statement_cache_capacity(128);
        let max_seq: i64 = conn.query_row(
            "SELECT MAX(s) FROM (SELECT COALESCE(MAX(seq),0) AS s FROM nodes
               UNION ALL SELECT COALESCE(MAX(seq),0) FROM comments
               UNION ALL SELECT COALESCE(MAX(seq),0) FROM file_uploads
               UNION ALL SELECT COALESCE(MAX(seq),0) FROM users)",
            [],
            |row| row.get(0),
        )?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            seq: Arc::new(AtomicI64::new(max_seq + 1)),
            generation: Arc::new(AtomicU64::new(0)),
            row_cache: Arc::new(Mutex::new(HashMap::new())),
        })
    }

    /// A fresh, increasing sequence number (creation order of every object).
    pub(crate) fn next_seq(&self) -> i64 {
        self.seq.fetch_add(1, Ordering::Relaxed)
    }

    /// Runs `f` in one transaction on a blocking thread; commits only on `Ok`.
    pub(crate) async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.run_blocking(f))
            .await
            .map_err(ApiError::internal)?
    }

    /// The blocking form of [`Store::run`].
    pub(crate) fn run_blocking<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError>,
    {
        let mut conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let before = conn.total_changes();
        let tx = conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        if conn.total_changes() != before {
            self.generation.fetch_add(1, Ordering::Relaxed);
        }
        Ok(value)
    }

    /// A value computed from the database, reused until the next write changes anything.
    pub(crate) fn cached<T: Send + Sync + 'static>(
        &self,
        key: String,
        load: impl FnOnce() -> Result<T, ApiError>,
    ) -> Result<Arc<T>, ApiError> {
        let generation = self.generation.load(Ordering::Relaxed);
        let mut cache = self
            .row_cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((g, value)) = cache.get(&key)
            && *g == generation
            && let Ok(value) = Arc::clone(value).downcast::<T>()
        {
            return Ok(value);
        }
        let value = Arc::new(load()?);
        cache.retain(|_, (g, _)| *g == generation);
        cache.insert(key, (generation, value.clone()));
        Ok(value)
    }
}

/// Reads one value from the `meta` table.
pub(crate) fn meta_get(tx: &Transaction<'_>, key: &str) -> Result<Option<String>, ApiError> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?)
}

/// Writes one value of the `meta` table.
pub(crate) fn meta_set(tx: &Transaction<'_>, key: &str, value: &str) -> Result<(), ApiError> {
    tx.prepare_cached("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")?
        .execute([key, value])?;
    Ok(())
}
