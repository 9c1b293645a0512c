//! SQLite storage: one connection behind a mutex, one transaction per request.
//!
//! Every `/v1` request runs [`Store::run`], which opens a transaction on a blocking thread, runs the
//! handler's closure and commits only if it returned `Ok`: a failing request changes nothing.

pub(crate) mod access;
pub(crate) mod nodes;
pub(crate) mod people;
pub(crate) mod seed;
pub(crate) mod touched;

use std::collections::{HashMap, HashSet};
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
    /// The data source whose page writes the value can absorb page by page (see [`Store::cached`]).
    patchable: Option<String>,
    value: Arc<dyn std::any::Any + Send + Sync>,
}

/// Beyond this many written pages a patch is not worth it: the value is loaded again.
const MAX_PATCHED_PAGES: usize = 256;

impl CacheEntry {
    fn is_current(&self, generations: &Generations) -> bool {
        self.global == generations.global()
            && self
                .sources
                .iter()
                .all(|(id, generation)| generations.of(id) == *generation)
    }

    /// The pages to patch the value with, when the only changes since it was computed are page
    /// writes of its patchable data source.
    fn pages_to_patch(&self, generations: &Generations) -> Option<HashSet<String>> {
        let own = self.patchable.as_deref()?;
        if self.global != generations.global() {
            return None;
        }
        let mut pages = None;
        for (id, generation) in &self.sources {
            if id == own {
                pages = Some(generations.pages_since(id, *generation)?);
            } else if generations.of(id) != *generation {
                return None;
            }
        }
        pages.filter(|pages| pages.len() <= MAX_PATCHED_PAGES)
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
    cache_patches: Arc<AtomicU64>,
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
               UNION ALL SELECT COALESCE(MAX(seq),0) FROM async_tasks
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
            cache_patches: Arc::new(AtomicU64::new(0)),
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
    /// With `patchable` set to one of `sources`, a value whose only changes since are page writes
    /// of that data source is not loaded again: `patch` updates it with the ids of those pages.
    /// Only values that read no page of that data source but the patched ones may be patchable.
    ///
    /// Call it inside a transaction of [`Store::run`]: the connection lock keeps the generations
    /// still between the check and the load.
    pub(crate) fn cached<T: Clone + Send + Sync + 'static>(
        &self,
        key: String,
        sources: &[String],
        patchable: Option<&str>,
        load: impl FnOnce() -> Result<T, ApiError>,
        patch: impl FnOnce(&mut T, &HashSet<String>) -> Result<(), ApiError>,
    ) -> Result<Arc<T>, ApiError> {
        let (global, current, stale) = {
            let generations = lock(&self.generations);
            let mut cache = lock(&self.row_cache);
            let mut stale = None;
            if let Some(entry) = cache.get(&key) {
                if entry.is_current(&generations)
                    && let Ok(value) = Arc::clone(&entry.value).downcast::<T>()
                {
                    return Ok(value);
                }
                if entry.patchable.as_deref() == patchable
                    && let Some(pages) = entry.pages_to_patch(&generations)
                    && let Some(entry) = cache.remove(&key)
                    && let Ok(value) = entry.value.downcast::<T>()
                {
                    stale = Some((value, pages));
                }
            }
            cache.retain(|_, entry| {
                entry.is_current(&generations) || entry.pages_to_patch(&generations).is_some()
            });
            let current: Vec<(String, u64)> = sources
                .iter()
                .map(|id| (id.clone(), generations.of(id)))
                .collect();
            (generations.global(), current, stale)
        };
        let value = match stale {
            Some((mut value, pages)) => {
                self.cache_patches.fetch_add(1, Ordering::Relaxed);
                // The cache no longer holds it: usually no copy is made.
                patch(Arc::make_mut(&mut value), &pages)?;
                value
            }
            None => {
                self.cache_loads.fetch_add(1, Ordering::Relaxed);
                Arc::new(load()?)
            }
        };
        lock(&self.row_cache).insert(
            key,
            CacheEntry {
                global,
                sources: current,
                patchable: patchable.map(str::to_owned),
                value: value.clone(),
            },
        );
        Ok(value)
    }

    /// How many times [`Store::cached`] had to compute its value (a debug counter for tests).
    pub(crate) fn cache_loads(&self) -> u64 {
        self.cache_loads.load(Ordering::Relaxed)
    }

    /// How many times [`Store::cached`] patched a value instead of loading it (a debug counter).
    pub(crate) fn cache_patches(&self) -> u64 {
        self.cache_patches.load(Ordering::Relaxed)
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
