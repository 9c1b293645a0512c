//! The history of every metric: `.orchestra/history.sqlite` beside the sync state, the
//! last values per metric, for the Trend and the Chart Data.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::params;

use crate::collect::sqlite_file::SqliteFile;
use crate::error::Result;

/// Values kept per metric (older ones are pruned).
pub const KEEP: usize = 30;

/// The history file for a configuration file.
pub fn history_path(config_path: &Path) -> PathBuf {
    let dir = config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    dir.join(".orchestra").join("history.sqlite")
}

/// One stored value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// When measured.
    pub at: Timestamp,
    /// The value.
    pub value: f64,
}

/// The metric history store.
#[derive(Debug)]
pub struct History {
    file: SqliteFile,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS metric_history (
    metric TEXT NOT NULL,
    at TEXT NOT NULL,
    value REAL NOT NULL,
    seq INTEGER PRIMARY KEY AUTOINCREMENT
);
CREATE INDEX IF NOT EXISTS metric_history_by_metric ON metric_history (metric, seq);
";

impl History {
    /// Opens (or creates) the store at `path`.
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State) when SQLite fails,
    /// [`Error::Io`](crate::Error::Io) when the folder cannot be made.
    pub fn open(path: &Path) -> Result<Self> {
        SqliteFile::open(path, SCHEMA).map(|file| Self { file })
    }

    /// An in-memory store.
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State) when SQLite fails.
    pub fn in_memory() -> Result<Self> {
        SqliteFile::in_memory(SCHEMA).map(|file| Self { file })
    }

    /// Appends a value and prunes the metric to the last [`KEEP`].
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn push(&self, metric: &str, point: Point) -> Result<()> {
        self.file.with(|c| {
            c.execute(
                "INSERT INTO metric_history (metric, at, value) VALUES (?1, ?2, ?3)",
                params![metric, point.at.to_string(), point.value],
            )?;
            c.execute(
                "DELETE FROM metric_history WHERE metric = ?1 AND seq NOT IN
                   (SELECT seq FROM metric_history WHERE metric = ?1 ORDER BY seq DESC LIMIT ?2)",
                params![metric, KEEP as i64],
            )?;
            Ok(())
        })
    }

    /// The last `n` values of `metric`, oldest first.
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn recent(&self, metric: &str, n: usize) -> Result<Vec<Point>> {
        let rows: Vec<(String, f64)> = self.file.with(|c| {
            let mut stmt = c.prepare(
                "SELECT at, value FROM metric_history WHERE metric = ?1 ORDER BY seq DESC LIMIT ?2",
            )?;
            stmt.query_map(params![metric, n as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })?;
        Ok(rows
            .into_iter()
            .rev()
            .filter_map(|(at, value)| {
                Some(Point {
                    at: at.parse().ok()?,
                    value,
                })
            })
            .collect())
    }
}
