//! `/v1/users`: list, retrieve, me.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use notion_model::error::ErrorCode;

use crate::error::ApiError;
use crate::render::user::user;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access;
use crate::store::people;
use crate::wire::list::{PageRequest, envelope};
use crate::wire::params;

fn require_user_info(ctx: &Ctx) -> Result<(), ApiError> {
    if ctx.integration.user_info == "none" {
        Err(ApiError::restricted())
    } else {
        Ok(())
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let params = params::parse(query.as_deref());
    let page = PageRequest::from_query(
        params::first(&params, "start_cursor"),
        params::first(&params, "page_size"),
    )?;
    let value = state
        .store()
        .run(move |tx| {
            require_user_info(&ctx)?;
            let users = people::list_users(tx)?;
            let items = users.iter().map(|u| user(&ctx, u, false)).collect();
            Ok(envelope(items, page, "user"))
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn retrieve(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            require_user_info(&ctx)?;
            let id = access::path_id(&raw_id, "user_id")?;
            match people::get_user(tx, &id)? {
                Some(found) => Ok(user(&ctx, &found, false)),
                None => Err(ApiError::new(
                    ErrorCode::ObjectNotFound,
                    format!("Could not find user with ID: {id}."),
                )),
            }
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn me(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            let me = people::get_user(tx, &ctx.integration.bot_user_id)?
                .ok_or_else(|| ApiError::internal("bot user missing"))?;
            Ok(user(&ctx, &me, true))
        })
        .await?;
    Ok(Reply::json(value))
}
