//! The local sync state: `.orchestra/state.sqlite` next to the configuration.
//!
//! Per database and key it keeps the page id, a hash of the values last synced and the
//! page's `last_edited_time`, and a journal of create intents written *before* each
//! create, so a crash or an unknown outcome is reconciled by key on the next run.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Error, Result};

/// The state file for a configuration file.
pub fn state_path(config_path: &Path) -> PathBuf {
    let dir = config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    dir.join(".orchestra").join("state.sqlite")
}

/// What the store remembers about one synced row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowState {
    /// The page.
    pub page_id: String,
    /// Hash of the values last synced.
    pub hash: String,
    /// The page's `last_edited_time` after the last write.
    pub last_edited_time: String,
}

/// A create that was started and whose outcome is not known yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    /// The record key.
    pub key: String,
    /// A unique id of the attempt.
    pub intent_id: String,
    /// When it was journalled (RFC 3339).
    pub created_at: String,
}

/// The SQLite store; safe to share between concurrent writes.
#[derive(Debug)]
pub struct StateStore {
    path: PathBuf,
    conn: Mutex<Connection>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS rows (
    database TEXT NOT NULL,
    key TEXT NOT NULL,
    page_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    last_edited_time TEXT NOT NULL,
    PRIMARY KEY (database, key)
);
CREATE TABLE IF NOT EXISTS intents (
    database TEXT NOT NULL,
    key TEXT NOT NULL,
    intent_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (database, key)
);
CREATE TABLE IF NOT EXISTS snapshots (
    database TEXT NOT NULL,
    key TEXT NOT NULL,
    page_id TEXT NOT NULL DEFAULT '',
    plain_values TEXT NOT NULL DEFAULT '{}',
    body_hash TEXT,
    PRIMARY KEY (database, key)
);
CREATE TABLE IF NOT EXISTS watermarks (
    database TEXT PRIMARY KEY,
    pulled_at TEXT NOT NULL
);
";

impl StateStore {
    /// Opens (or creates) the store at `path`, creating its folder.
    ///
    /// # Errors
    /// [`Error::State`] when the file cannot be opened or initialised.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| state_error(path, &e))?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .and_then(|()| conn.execute_batch(SCHEMA))
            .map_err(|e| state_error(path, &e))?;
        Ok(Self {
            path: path.to_owned(),
            conn: Mutex::new(conn),
        })
    }

    /// An in-memory store (tests, dry runs without a file).
    ///
    /// # Errors
    /// [`Error::State`] when SQLite fails.
    pub fn in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| state_error(&path, &e))?;
        conn.execute_batch(SCHEMA)
            .map_err(|e| state_error(&path, &e))?;
        Ok(Self {
            path,
            conn: Mutex::new(conn),
        })
    }

    pub(super) fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&conn).map_err(|e| state_error(&self.path, &e))
    }

    /// Every remembered row of `database`, by key.
    ///
    /// # Errors
    /// [`Error::State`].
    pub fn rows(&self, database: &str) -> Result<Vec<(String, RowState)>> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT key, page_id, hash, last_edited_time FROM rows WHERE database = ?1",
            )?;
            stmt.query_map([database], |r| {
                Ok((
                    r.get(0)?,
                    RowState {
                        page_id: r.get(1)?,
                        hash: r.get(2)?,
                        last_edited_time: r.get(3)?,
                    },
                ))
            })?
            .collect()
        })
    }

    /// The remembered row of `key`.
    ///
    /// # Errors
    /// [`Error::State`].
    pub fn row(&self, database: &str, key: &str) -> Result<Option<RowState>> {
        self.with(|c| {
            c.query_row(
                "SELECT page_id, hash, last_edited_time FROM rows WHERE database = ?1 AND key = ?2",
                [database, key],
                |r| {
                    Ok(RowState {
                        page_id: r.get(0)?,
                        hash: r.get(1)?,
                        last_edited_time: r.get(2)?,
                    })
                },
            )
            .optional()
        })
    }

    /// Remembers `key` as `row`; clears its intent (the outcome is now known).
    ///
    /// # Errors
    /// [`Error::State`].
    pub fn put_row(&self, database: &str, key: &str, row: &RowState) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO rows (database, key, page_id, hash, last_edited_time)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (database, key) DO UPDATE SET
                   page_id = excluded.page_id, hash = excluded.hash,
                   last_edited_time = excluded.last_edited_time",
                params![database, key, row.page_id, row.hash, row.last_edited_time],
            )?;
            c.execute(
                "DELETE FROM intents WHERE database = ?1 AND key = ?2",
                [database, key],
            )?;
            Ok(())
        })
    }

    /// Journals a create of `key` before it is sent.
    ///
    /// # Errors
    /// [`Error::State`].
    pub fn begin_create(&self, database: &str, intent: &Intent) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO intents (database, key, intent_id, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (database, key) DO UPDATE SET
                   intent_id = excluded.intent_id, created_at = excluded.created_at",
                params![database, intent.key, intent.intent_id, intent.created_at],
            )
            .map(drop)
        })
    }

    /// Forgets the intent of `key` (the create is known not to have happened).
    ///
    /// # Errors
    /// [`Error::State`].
    pub fn clear_intent(&self, database: &str, key: &str) -> Result<()> {
        self.with(|c| {
            c.execute(
                "DELETE FROM intents WHERE database = ?1 AND key = ?2",
                [database, key],
            )
            .map(drop)
        })
    }

    /// Creates of `database` whose outcome is unknown (left by a crash or a failed write).
    ///
    /// # Errors
    /// [`Error::State`].
    pub fn pending_intents(&self, database: &str) -> Result<Vec<Intent>> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT key, intent_id, created_at FROM intents WHERE database = ?1 ORDER BY key",
            )?;
            stmt.query_map([database], |r| {
                Ok(Intent {
                    key: r.get(0)?,
                    intent_id: r.get(1)?,
                    created_at: r.get(2)?,
                })
            })?
            .collect()
        })
    }
}

fn state_error(path: &Path, err: &rusqlite::Error) -> Error {
    Error::State {
        path: path.to_owned(),
        message: err.to_string(),
    }
}
