//! The common ancestor of a two-way sync: per key, the plain values (and the hash of the
//! page body) both sides agreed on at the last sync or pull, and per database the time of
//! the last pull. Kept in the same SQLite store as the push state.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};

use super::state::StateStore;
use crate::error::Result;
use crate::record::PlainValue;

/// What both sides held for one key at the last sync or pull.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// The page, when known.
    pub page_id: String,
    /// Plain values by property name.
    pub values: BTreeMap<String, PlainValue>,
    /// Hash of the normalised page body (Markdown sources only).
    pub body_hash: Option<String>,
}

impl StateStore {
    /// Remembers `values` as the agreed values of `key` (the body hash is kept).
    ///
    /// # Errors
    /// [`crate::Error::State`].
    pub fn put_snapshot(
        &self,
        database: &str,
        key: &str,
        page_id: &str,
        values: &BTreeMap<String, PlainValue>,
    ) -> Result<()> {
        let json = serde_json::to_string(values).unwrap_or_else(|_| "{}".to_owned());
        self.with(|c| {
            c.execute(
                "INSERT INTO snapshots (database, key, page_id, plain_values) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (database, key) DO UPDATE SET
                   page_id = excluded.page_id, plain_values = excluded.plain_values
                 WHERE snapshots.plain_values != excluded.plain_values
                    OR snapshots.page_id != excluded.page_id",
                params![database, key, page_id, json],
            )
            .map(drop)
        })
    }

    /// Remembers the hash of the body both sides hold for `key`.
    ///
    /// # Errors
    /// [`crate::Error::State`].
    pub fn put_body_hash(&self, database: &str, key: &str, hash: &str) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO snapshots (database, key, body_hash) VALUES (?1, ?2, ?3)
                 ON CONFLICT (database, key) DO UPDATE SET body_hash = excluded.body_hash",
                params![database, key, hash],
            )
            .map(drop)
        })
    }

    /// The snapshot of `key`, if any.
    ///
    /// # Errors
    /// [`crate::Error::State`].
    pub fn snapshot(&self, database: &str, key: &str) -> Result<Option<Snapshot>> {
        self.with(|c| {
            c.query_row(
                "SELECT page_id, plain_values, body_hash FROM snapshots
                 WHERE database = ?1 AND key = ?2",
                [database, key],
                |r| {
                    let json: String = r.get(1)?;
                    Ok(Snapshot {
                        page_id: r.get(0)?,
                        values: serde_json::from_str(&json).unwrap_or_default(),
                        body_hash: r.get(2)?,
                    })
                },
            )
            .optional()
        })
    }

    /// Forgets everything about `key` (row, intent, snapshot): the row is gone.
    ///
    /// # Errors
    /// [`crate::Error::State`].
    pub fn forget(&self, database: &str, key: &str) -> Result<()> {
        self.with(|c| {
            for table in ["rows", "intents", "snapshots"] {
                c.execute(
                    &format!("DELETE FROM {table} WHERE database = ?1 AND key = ?2"),
                    [database, key],
                )?;
            }
            Ok(())
        })
    }

    /// When `database` was last pulled (RFC 3339), if ever.
    ///
    /// # Errors
    /// [`crate::Error::State`].
    pub fn watermark(&self, database: &str) -> Result<Option<String>> {
        self.with(|c| {
            c.query_row(
                "SELECT pulled_at FROM watermarks WHERE database = ?1",
                [database],
                |r| r.get(0),
            )
            .optional()
        })
    }

    /// Records a pull of `database` that started at `pulled_at`.
    ///
    /// # Errors
    /// [`crate::Error::State`].
    pub fn set_watermark(&self, database: &str, pulled_at: &str) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO watermarks (database, pulled_at) VALUES (?1, ?2)
                 ON CONFLICT (database) DO UPDATE SET pulled_at = excluded.pulled_at",
                params![database, pulled_at],
            )
            .map(drop)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_keep_values_and_body_hash_apart() {
        let store = StateStore::in_memory().expect("store");
        let values = BTreeMap::from([("Name".to_owned(), PlainValue::from("Alpha"))]);
        store.put_body_hash("db", "Alpha", "h1").expect("hash");
        store
            .put_snapshot("db", "Alpha", "p1", &values)
            .expect("put");
        let snap = store.snapshot("db", "Alpha").expect("get").expect("some");
        assert_eq!(
            (
                snap.page_id.as_str(),
                snap.values,
                snap.body_hash.as_deref()
            ),
            ("p1", values, Some("h1"))
        );
        store.forget("db", "Alpha").expect("forget");
        assert_eq!(store.snapshot("db", "Alpha").expect("get"), None);
        assert_eq!(store.watermark("db").expect("wm"), None);
        store
            .set_watermark("db", "2026-01-01T00:00:00Z")
            .expect("set");
        assert_eq!(
            store.watermark("db").expect("wm").as_deref(),
            Some("2026-01-01T00:00:00Z")
        );
    }
}
