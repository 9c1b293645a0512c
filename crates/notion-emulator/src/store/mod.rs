//! SQLite storage: one connection behind a mutex, one transaction per request.
//!
//! Every `/v1` request runs [`Store::run`], which opens a transaction on a blocking thread, runs the
//! handler's closure and commits only if it returned `Ok`: a failing request changes nothing.

pub(crate) mod access;
pub(crate) mod nodes;
pub(crate) mod people;
pub(crate) mod seed;
pub(crate) mod touched;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, Transaction};

use crate::error::{ApiError, Result};
use touched::Generations;

/// A cached value and the write generations it was computed at: the global one and those of the
/// data sources it depends on.
#[derive(Debug)]
struct CacheEntry {
    global: u64,
    sources: Vec<(String, u64)>,
    value: Arc<dyn std::any::Any + Send + Sync>,
}

impl CacheEntry {
    fn is_current(&self, generations: &Generations) -> bool {
        self.global == generations.global()
            && self
                .sources
                .iter()
                .all(|(id, generation)| generations.of(id) == *generation)
    }
}

/// The SQLite handle shared by all requests.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    conn: Arc<Mutex<Connection>>,
    seq: Arc<AtomicI64>,
    generations: Arc<Mutex<Generations>>,
    row_cache: Arc<Mutex<HashMap<String, CacheEntry>>>,
    cache_loads: Arc<AtomicU64>,
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
            generations: Arc::new(Mutex::new(Generations::default())),
            row_cache: Arc::new(Mutex::new(HashMap::new())),
            cache_loads: Arc::new(AtomicU64::new(0)),
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
        touched::begin();
        let value = f(&tx);
        let touched = touched::finish();
        let value = value?;
        tx.commit()?;
        let changes = conn.total_changes() - before;
        lock(&self.generations).committed(changes, touched);
        Ok(value)
    }

    /// A value computed from the database, reused until a write may have changed it: a write that
    /// touched one of `sources` (data-source ids) or one nobody classified (see [`touched`]).
    ///
    /// Call it inside a transaction of [`Store::run`]: the connection lock keeps the generations
    /// still between the check and the load.
    pub(crate) fn cached<T: Send + Sync + 'static>(
        &self,
        key: String,
        sources: &[String],
        load: impl FnOnce() -> Result<T, ApiError>,
    ) -> Result<Arc<T>, ApiError> {
        let (global, current) = {
            let generations = lock(&self.generations);
            let mut cache = lock(&self.row_cache);
            if let Some(entry) = cache.get(&key)
                && entry.is_current(&generations)
                && let Ok(value) = Arc::clone(&entry.value).downcast::<T>()
            {
                return Ok(value);
            }
            cache.retain(|_, entry| entry.is_current(&generations));
            let current: Vec<(String, u64)> = sources
                .iter()
                .map(|id| (id.clone(), generations.of(id)))
                .collect();
            (generations.global(), current)
        };
        self.cache_loads.fetch_add(1, Ordering::Relaxed);
        let value = Arc::new(load()?);
        lock(&self.row_cache).insert(
            key,
            CacheEntry {
                global,
                sources: current,
                value: value.clone(),
            },
        );
        Ok(value)
    }

    /// How many times [`Store::cached`] had to compute its value (a debug counter for tests).
    pub(crate) fn cache_loads(&self) -> u64 {
        self.cache_loads.load(Ordering::Relaxed)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
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
