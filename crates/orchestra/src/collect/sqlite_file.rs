//! [`SqliteFile`]: one small SQLite database of orchestra's own (metric history, remembered
//! alerts), opened with its schema and used behind a mutex.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// An SQLite file whose errors name it.
#[derive(Debug)]
pub(crate) struct SqliteFile {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl SqliteFile {
    /// Opens (or creates) the file at `path`, its folder included, and applies `schema`
    /// (idempotent `CREATE ... IF NOT EXISTS` statements). Waits up to 5 s for another
    /// process holding the file.
    pub(crate) fn open(path: &Path, schema: &str) -> Result<Self> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| error(path, &e))?;
        conn.busy_timeout(Duration::from_secs(5))
            .and_then(|()| conn.execute_batch(schema))
            .map_err(|e| error(path, &e))?;
        Ok(Self {
            path: path.to_owned(),
            conn: Mutex::new(conn),
        })
    }

    /// A private in-memory database with `schema` (tests, dry runs).
    pub(crate) fn in_memory(schema: &str) -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| error(&path, &e))?;
        conn.execute_batch(schema).map_err(|e| error(&path, &e))?;
        Ok(Self {
            path,
            conn: Mutex::new(conn),
        })
    }

    /// Runs `f` on the connection; an SQLite error becomes [`Error::State`] naming the file.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&conn).map_err(|e| error(&self.path, &e))
    }
}

fn error(path: &Path, err: &rusqlite::Error) -> Error {
    Error::State {
        path: path.to_owned(),
        message: err.to_string(),
    }
}
