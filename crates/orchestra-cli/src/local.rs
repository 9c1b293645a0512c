//! The local workspace: an in-process emulator over `.orchestra/workspace.sqlite`,
//! used when no token is set. The ids provisioned in it are kept beside it in
//! `.orchestra/workspace-ids.toml`, never in `orchestra.toml` (see
//! [`orchestra::config::LocalIds`]).

use std::path::{Path, PathBuf};

use anyhow::Context;
use notion_emulator::{AppOptions, AppState};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Where the local workspace lives, next to the configuration file.
pub(crate) fn database_path(config_path: &Path) -> PathBuf {
    let dir = config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    dir.join(".orchestra").join("workspace.sqlite")
}

/// Where the local workspace's ids live: beside its database.
pub(crate) fn ids_path(config_path: &Path) -> PathBuf {
    database_path(config_path).with_file_name(orchestra::config::LOCAL_IDS_FILE)
}

/// A running local emulator; stops when dropped.
#[derive(Debug)]
pub(crate) struct LocalWorkspace {
    pub(crate) path: PathBuf,
    pub(crate) base_url: String,
    pub(crate) token: String,
    pub(crate) root_page_id: String,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl LocalWorkspace {
    /// Opens (or creates) the database and serves it on 127.0.0.1:0.
    pub(crate) async fn start(config_path: &Path) -> anyhow::Result<Self> {
        let path = database_path(config_path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let db = path.clone();
        let state = tokio::task::spawn_blocking(move || AppState::open(db, AppOptions::default()))
            .await?
            .with_context(|| format!("opening the local workspace {}", path.display()))?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let (tx, rx) = oneshot::channel::<()>();
        let server_state = state.clone();
        let task = tokio::spawn(async move {
            let shutdown = async {
                let _ = rx.await;
            };
            if let Err(err) =
                notion_emulator::serve_with_shutdown(listener, server_state, shutdown).await
            {
                tracing::error!("local workspace server stopped: {err}");
            }
        });
        Ok(Self {
            path,
            base_url,
            token: state.token(),
            root_page_id: state.root_page_id(),
            shutdown: Some(tx),
            task: Some(task),
        })
    }

    /// Stops the server and waits for it to finish writing.
    pub(crate) async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for LocalWorkspace {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
