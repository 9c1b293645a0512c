//! The axum router and the serve loop.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};

use crate::api::{
    async_tasks, blocks, comments, data_sources, databases, file_uploads, markdown, pages,
    property_items, search, users,
};
use crate::error::{ApiError, Result};
use crate::reply::ApiResult;
use crate::state::AppState;

/// Largest request body accepted at the HTTP layer (file parts up to 20 MB plus framing).
const HTTP_BODY_LIMIT: usize = 25 * 1024 * 1024;

/// The whole emulator: Notion's `/v1` API behind the gate, plus the `/_emulator` admin API.
pub fn router(state: AppState) -> Router {
    let v1 = Router::new()
        .route("/v1/users", get(users::list))
        .route("/v1/users/me", get(users::me))
        .route("/v1/users/{user_id}", get(users::retrieve))
        .route("/v1/pages", post(pages::create))
        .route(
            "/v1/pages/{page_id}",
            get(pages::retrieve).patch(pages::update),
        )
        .route("/v1/pages/{page_id}/move", post(pages::move_page))
        .route(
            "/v1/pages/{page_id}/markdown",
            get(markdown::retrieve).patch(markdown::update),
        )
        .route(
            "/v1/pages/{page_id}/properties/{property_id}",
            get(property_items::retrieve),
        )
        .route("/v1/databases", post(databases::create))
        .route(
            "/v1/databases/{database_id}",
            get(databases::retrieve).patch(databases::update),
        )
        .route(
            "/v1/databases/{database_id}/query",
            post(databases::legacy_query),
        )
        .route("/v1/data_sources", post(data_sources::create))
        .route(
            "/v1/data_sources/{data_source_id}",
            get(data_sources::retrieve).patch(data_sources::update),
        )
        .route(
            "/v1/data_sources/{data_source_id}/query",
            post(data_sources::query),
        )
        .route(
            "/v1/data_sources/{data_source_id}/templates",
            get(crate::api::templates::list),
        )
        .route(
            "/v1/blocks/{block_id}",
            get(blocks::retrieve)
                .patch(blocks::update)
                .delete(blocks::delete),
        )
        .route(
            "/v1/blocks/{block_id}/children",
            get(blocks::list_children).patch(blocks::append_children),
        )
        .route("/v1/comments", get(comments::list).post(comments::create))
        .route(
            "/v1/comments/{comment_id}",
            get(comments::retrieve)
                .patch(comments::update)
                .delete(comments::delete),
        )
        .route("/v1/search", post(search::search))
        .route("/v1/async_tasks/{task_id}", get(async_tasks::retrieve))
        .route(
            "/v1/file_uploads",
            get(file_uploads::list).post(file_uploads::create),
        )
        .route(
            "/v1/file_uploads/{file_upload_id}",
            get(file_uploads::retrieve),
        )
        .route(
            "/v1/file_uploads/{file_upload_id}/send",
            post(file_uploads::send),
        )
        .route(
            "/v1/file_uploads/{file_upload_id}/complete",
            post(file_uploads::complete),
        )
        .fallback(unknown_route)
        .method_not_allowed_fallback(unknown_route)
        .layer(from_fn_with_state(state.clone(), crate::gate::gate));
    Router::new()
        .merge(v1)
        .merge(crate::admin::routes())
        .layer(DefaultBodyLimit::max(HTTP_BODY_LIMIT))
        .with_state(state)
}

async fn unknown_route() -> ApiResult {
    Err(ApiError::invalid_url())
}

/// Serves `state` on `listener` until the process gets SIGINT or SIGTERM.
///
/// # Errors
/// When the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> Result<()> {
    serve_with_shutdown(listener, state, shutdown_signal()).await
}

/// Serves until `shutdown` completes.
///
/// # Errors
/// When the listener fails.
pub async fn serve_with_shutdown(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let addr = listener.local_addr()?;
    state.set_base_url(format!("http://{addr}"));
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
