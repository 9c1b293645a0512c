//! Users, integrations and shares.

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::state::Integration;

/// A workspace member or bot as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredUser {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) data: Value,
}

pub(crate) fn insert_user(
    tx: &Transaction<'_>,
    seq: i64,
    id: &str,
    kind: &str,
    name: &str,
    email: Option<&str>,
) -> Result<(), ApiError> {
    let data = json!({"name": name, "email": email, "avatar_url": null});
    tx.prepare_cached("INSERT INTO users (id, seq, kind, data) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![id, seq, kind, data.to_string()])?;
    Ok(())
}

pub(crate) fn get_user(tx: &Transaction<'_>, id: &str) -> Result<Option<StoredUser>, ApiError> {
    Ok(tx
        .prepare_cached("SELECT id, kind, data FROM users WHERE id = ?1")?
        .query_row([id], |row| {
            let data: String = row.get(2)?;
            Ok(StoredUser {
                id: row.get(0)?,
                kind: row.get(1)?,
                data: serde_json::from_str(&data).unwrap_or(Value::Null),
            })
        })
        .optional()?)
}

pub(crate) fn list_users(tx: &Transaction<'_>) -> Result<Vec<StoredUser>, ApiError> {
    let mut stmt = tx.prepare_cached("SELECT id, kind, data FROM users ORDER BY seq")?;
    let rows = stmt.query_map([], |row| {
        let data: String = row.get(2)?;
        Ok(StoredUser {
            id: row.get(0)?,
            kind: row.get(1)?,
            data: serde_json::from_str(&data).unwrap_or(Value::Null),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn insert_integration(
    tx: &Transaction<'_>,
    integration: &Integration,
    is_default: bool,
) -> Result<(), ApiError> {
    tx.prepare_cached(
        "INSERT INTO integrations (id, token, name, bot_user_id, capabilities, user_info, is_default)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        integration.id,
        integration.token,
        integration.name,
        integration.bot_user_id,
        serde_json::to_string(&integration.capabilities)?,
        integration.user_info,
        is_default,
    ])?;
    Ok(())
}

pub(crate) fn set_token(
    tx: &Transaction<'_>,
    integration_id: &str,
    token: &str,
) -> Result<(), ApiError> {
    tx.prepare_cached("UPDATE integrations SET token = ?2 WHERE id = ?1")?
        .execute([integration_id, token])?;
    Ok(())
}

pub(crate) fn all_integrations(tx: &Transaction<'_>) -> Result<Vec<Integration>, ApiError> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, token, name, bot_user_id, capabilities, user_info FROM integrations",
    )?;
    let rows = stmt.query_map([], |row| {
        let caps: String = row.get(4)?;
        Ok(Integration {
            id: row.get(0)?,
            token: row.get(1)?,
            name: row.get(2)?,
            bot_user_id: row.get(3)?,
            capabilities: serde_json::from_str(&caps).unwrap_or_default(),
            user_info: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn share(
    tx: &Transaction<'_>,
    integration_id: &str,
    object_id: &str,
) -> Result<(), ApiError> {
    tx.prepare_cached("INSERT OR IGNORE INTO shares (integration_id, object_id) VALUES (?1, ?2)")?
        .execute([integration_id, object_id])?;
    Ok(())
}

pub(crate) fn unshare(
    tx: &Transaction<'_>,
    integration_id: &str,
    object_id: &str,
) -> Result<(), ApiError> {
    tx.prepare_cached("DELETE FROM shares WHERE integration_id = ?1 AND object_id = ?2")?
        .execute([integration_id, object_id])?;
    Ok(())
}

pub(crate) fn is_shared(
    tx: &Transaction<'_>,
    integration_id: &str,
    object_id: &str,
) -> Result<bool, ApiError> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM shares WHERE integration_id = ?1 AND object_id = ?2")?
        .exists([integration_id, object_id])?)
}
