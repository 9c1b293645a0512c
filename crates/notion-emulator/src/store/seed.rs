//! The workspace every database starts with: an owner, the default integration and a root page.

use rusqlite::Transaction;
use serde_json::json;

use crate::error::ApiError;
use crate::state::{ALL_CAPABILITIES, Integration};
use crate::store::nodes::{self, Node};
use crate::store::{Store, meta_get, meta_set, people};
use crate::wire::{ids, rich_text, time};

/// Identities of the seeded workspace, stable across restarts of the same database.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) owner_user_id: String,
    pub(crate) root_page_id: String,
    pub(crate) default_integration_id: String,
    pub(crate) default_bot_user_id: String,
    pub(crate) default_token: String,
    pub(crate) file_secret: String,
}

const KEYS: [&str; 8] = [
    "workspace_id",
    "workspace_name",
    "owner_user_id",
    "root_page_id",
    "default_integration_id",
    "default_bot_user_id",
    "default_token",
    "file_secret",
];

/// Loads the workspace, creating it on first use; `token` overrides the default integration's token.
pub(crate) fn ensure(
    tx: &Transaction<'_>,
    store: &Store,
    token: Option<&str>,
) -> Result<Workspace, ApiError> {
    let workspace = match load(tx)? {
        Some(workspace) => workspace,
        None => create(tx, store, None)?,
    };
    apply_token(tx, workspace, token)
}

/// Wipes everything and seeds again, keeping the default token, bot and root page ids.
pub(crate) fn reset(
    tx: &Transaction<'_>,
    store: &Store,
    previous: &Workspace,
) -> Result<Workspace, ApiError> {
    tx.execute_batch(
        "DELETE FROM nodes; DELETE FROM users; DELETE FROM integrations; DELETE FROM shares;
         DELETE FROM comments; DELETE FROM file_uploads; DELETE FROM file_parts; DELETE FROM meta;
         DELETE FROM async_tasks;",
    )?;
    create(tx, store, Some(previous))
}

fn apply_token(
    tx: &Transaction<'_>,
    mut workspace: Workspace,
    token: Option<&str>,
) -> Result<Workspace, ApiError> {
    if let Some(token) = token
        && token != workspace.default_token
    {
        tx.execute(
            "DELETE FROM integrations WHERE token = ?1 AND id <> ?2",
            [token, workspace.default_integration_id.as_str()],
        )?;
        people::set_token(tx, &workspace.default_integration_id, token)?;
        meta_set(tx, "default_token", token)?;
        workspace.default_token = token.to_owned();
    }
    Ok(workspace)
}

fn load(tx: &Transaction<'_>) -> Result<Option<Workspace>, ApiError> {
    let mut values = Vec::with_capacity(KEYS.len());
    for key in KEYS {
        match meta_get(tx, key)? {
            Some(value) => values.push(value),
            None => return Ok(None),
        }
    }
    let mut it = values.into_iter();
    let mut next = || it.next().unwrap_or_default();
    Ok(Some(Workspace {
        id: next(),
        name: next(),
        owner_user_id: next(),
        root_page_id: next(),
        default_integration_id: next(),
        default_bot_user_id: next(),
        default_token: next(),
        file_secret: next(),
    }))
}

fn create(
    tx: &Transaction<'_>,
    store: &Store,
    keep: Option<&Workspace>,
) -> Result<Workspace, ApiError> {
    let workspace = Workspace {
        id: keep.map_or_else(ids::new_id, |w| w.id.clone()),
        name: "Emulated Workspace".to_owned(),
        owner_user_id: keep.map_or_else(ids::new_id, |w| w.owner_user_id.clone()),
        root_page_id: keep.map_or_else(ids::new_id, |w| w.root_page_id.clone()),
        default_integration_id: keep.map_or_else(ids::new_id, |w| w.default_integration_id.clone()),
        default_bot_user_id: keep.map_or_else(ids::new_id, |w| w.default_bot_user_id.clone()),
        default_token: keep.map_or_else(ids::new_token, |w| w.default_token.clone()),
        file_secret: keep.map_or_else(ids::new_token, |w| w.file_secret.clone()),
    };
    let values = [
        &workspace.id,
        &workspace.name,
        &workspace.owner_user_id,
        &workspace.root_page_id,
        &workspace.default_integration_id,
        &workspace.default_bot_user_id,
        &workspace.default_token,
        &workspace.file_secret,
    ];
    for (key, value) in KEYS.iter().zip(values) {
        meta_set(tx, key, value)?;
    }
    people::insert_user(
        tx,
        store.next_seq(),
        &workspace.owner_user_id,
        "person",
        "Workspace Owner",
        Some("owner@example.com"),
    )?;
    let integration = Integration {
        id: workspace.default_integration_id.clone(),
        token: workspace.default_token.clone(),
        name: "Notion Emulator".to_owned(),
        bot_user_id: workspace.default_bot_user_id.clone(),
        capabilities: ALL_CAPABILITIES.iter().map(|c| (*c).to_owned()).collect(),
        user_info: "with_email".to_owned(),
    };
    people::insert_user(
        tx,
        store.next_seq(),
        &integration.bot_user_id,
        "bot",
        &integration.name,
        None,
    )?;
    people::insert_integration(tx, &integration, true)?;
    let now = time::now();
    let title = "Emulator Root";
    nodes::insert(
        tx,
        &Node {
            id: workspace.root_page_id.clone(),
            kind: "page".into(),
            parent_type: "workspace".into(),
            parent_id: None,
            ord: 0,
            seq: store.next_seq(),
            created_time: now.clone(),
            last_edited_time: now,
            created_by: workspace.owner_user_id.clone(),
            last_edited_by: workspace.owner_user_id.clone(),
            in_trash: false,
            title: title.to_lowercase(),
            data: json!({
                "icon": null, "cover": null, "is_locked": false, "is_archived": false,
                "properties": {"title": [rich_text::plain(title)]}
            }),
        },
    )?;
    people::share(tx, &integration.id, &workspace.root_page_id)?;
    Ok(workspace)
}
