//! The alerts remembered per metric, for the de-duplication rule of
//! [`super::alert_rule`]: table `insight_alerts` in the sync state file
//! (`.orchestra/state.sqlite`, see [`crate::sync::state_path`]), created idempotently
//! beside the sync engine's own tables.
//!
//! A row is written only after Slack accepted the alert (a failed post leaves the state
//! as it was, so the next run tries again) and deleted when the metric is no longer
//! Critical.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::alert_rule::LastAlert;
use crate::collect::sqlite_file::SqliteFile;
use crate::error::Result;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS insight_alerts (
    metric TEXT PRIMARY KEY,
    severity INTEGER NOT NULL,
    alerted_at TEXT NOT NULL
);
";

/// The remembered alerts.
#[derive(Debug)]
pub struct AlertLog {
    file: SqliteFile,
}

impl AlertLog {
    /// Opens the table in the state file at `path` (creating file, folder and table).
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State) when SQLite fails,
    /// [`Error::Io`](crate::Error::Io) when the folder cannot be made.
    pub fn open(path: &Path) -> Result<Self> {
        SqliteFile::open(path, SCHEMA).map(|file| Self { file })
    }

    /// An in-memory log (tests, dry runs).
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State) when SQLite fails.
    pub fn in_memory() -> Result<Self> {
        SqliteFile::in_memory(SCHEMA).map(|file| Self { file })
    }

    /// The last alert posted for `metric` (an unreadable row counts as none).
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn last(&self, metric: &str) -> Result<Option<LastAlert>> {
        let row: Option<(i64, String)> = self.file.with(|c| {
            c.query_row(
                "SELECT severity, alerted_at FROM insight_alerts WHERE metric = ?1",
                [metric],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
        })?;
        Ok(row.and_then(|(severity, at)| {
            Some(LastAlert {
                severity: u32::try_from(severity).ok()?,
                at: at.parse().ok()?,
            })
        }))
    }

    /// Remembers that an alert of `severity` was posted for `metric` at `at`.
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn record(&self, metric: &str, severity: u32, at: Timestamp) -> Result<()> {
        self.file.with(|c| {
            c.execute(
                "INSERT INTO insight_alerts (metric, severity, alerted_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (metric) DO UPDATE SET
                   severity = excluded.severity, alerted_at = excluded.alerted_at",
                params![metric, i64::from(severity), at.to_string()],
            )
            .map(drop)
        })
    }

    /// Forgets the alert of `metric` (it is no longer Critical).
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn clear(&self, metric: &str) -> Result<()> {
        self.file.with(|c| {
            c.execute("DELETE FROM insight_alerts WHERE metric = ?1", [metric])
                .map(drop)
        })
    }

    /// Forgets every alert except those of `critical` (after a run that measured every
    /// metric but only kept the Critical ones).
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn clear_all_but(&self, critical: &[&str]) -> Result<()> {
        for metric in self.metrics()? {
            if !critical.contains(&metric.as_str()) {
                self.clear(&metric)?;
            }
        }
        Ok(())
    }

    /// The metrics with a remembered alert, sorted.
    ///
    /// # Errors
    /// [`Error::State`](crate::Error::State).
    pub fn metrics(&self) -> Result<Vec<String>> {
        self.file.with(|c| {
            let mut stmt = c.prepare("SELECT metric FROM insight_alerts ORDER BY metric")?;
            stmt.query_map([], |r| r.get(0))?.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alerts_are_recorded_replaced_and_cleared() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(".orchestra").join("state.sqlite");
        let at: Timestamp = "2026-03-01T12:00:00Z".parse().expect("time");
        {
            let log = AlertLog::open(&path).expect("open");
            assert_eq!(log.last("CPU").expect("last"), None);
            log.record("CPU", 1, at).expect("record");
            log.record("CPU", 2, at).expect("record");
            log.record("Disk", 1, at).expect("record");
        }
        let log = AlertLog::open(&path).expect("reopen");
        assert_eq!(
            log.last("CPU").expect("last"),
            Some(LastAlert { severity: 2, at })
        );
        log.clear_all_but(&["Disk"]).expect("clear");
        assert_eq!(log.metrics().expect("metrics"), ["Disk"]);
        log.clear("Disk").expect("clear");
        assert!(log.metrics().expect("metrics").is_empty());
    }
}
