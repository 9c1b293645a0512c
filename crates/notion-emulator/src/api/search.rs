//! `POST /v1/search`: title search over what the integration can see.

use std::collections::HashMap;

use axum::Extension;
use axum::extract::State;
use bytes::Bytes;
use rusqlite::Transaction;
use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::render::{self, title_of};
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access;
use crate::store::nodes::{self, Node};
use crate::wire::body;
use crate::wire::list::{PageRequest, envelope};

pub(crate) async fn search(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    bytes: Bytes,
) -> ApiResult {
    let body = body::parse(&bytes)?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            run(tx, &ctx, &body)
        })
        .await?;
    Ok(Reply::json(value))
}

fn run(tx: &Transaction<'_>, ctx: &Ctx, body: &Map<String, Value>) -> Result<Value, ApiError> {
    let page = PageRequest::from_json(&Value::Object(body.clone()), "body")?;
    let query = match body.get("query") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(q)) => q.to_lowercase(),
        Some(other) => return Err(ApiError::expected("body.query", "a string", other)),
    };
    let container = if ctx.version.has_data_sources() {
        "data_source"
    } else {
        "database"
    };
    let (want_pages, want_containers, want_trash) = match body.get("filter") {
        None | Some(Value::Null) => (true, true, false),
        Some(filter) => {
            let value = filter
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let trash = filter
                .get("in_trash")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            if filter.get("property").and_then(Value::as_str) != Some("object") {
                return Err(ApiError::expected(
                    "body.filter.property",
                    "`\"object\"`",
                    filter.get("property").unwrap_or(&Value::Null),
                ));
            }
            match value {
                "page" => (true, false, trash),
                v if v == container => (false, true, trash),
                _ => {
                    return Err(ApiError::expected(
                        "body.filter.value",
                        &format!("`\"page\"` or `\"{container}\"`"),
                        filter.get("value").unwrap_or(&Value::Null),
                    ));
                }
            }
        }
    };
    let descending = match body.get("sort") {
        None | Some(Value::Null) => true,
        Some(sort) => match sort.get("direction").and_then(Value::as_str) {
            Some("ascending") => false,
            Some("descending") | None => true,
            Some(other) => {
                return Err(ApiError::expected(
                    "body.sort.direction",
                    "`\"ascending\"` or `\"descending\"`",
                    &Value::String(other.to_owned()),
                ));
            }
        },
    };
    let mut visible = Visibility::default();
    let mut hits: Vec<Node> = Vec::new();
    if want_pages {
        for node in nodes::all_of_kind(tx, "page")? {
            if node.in_trash == want_trash
                && node.title.contains(&query)
                && visible.check(tx, ctx, &node)?
            {
                hits.push(node);
            }
        }
    }
    if want_containers {
        for node in nodes::all_of_kind(tx, container)? {
            if node.in_trash != want_trash || !visible.check(tx, ctx, &node)? {
                continue;
            }
            let database_title = if container == "data_source" {
                node.parent_id
                    .as_deref()
                    .map(|p| nodes::get(tx, p))
                    .transpose()?
                    .flatten()
                    .map(|db| db.title)
                    .unwrap_or_default()
            } else {
                String::new()
            };
            if node.title.contains(&query) || database_title.contains(&query) {
                hits.push(node);
            }
        }
    }
    hits.sort_by(|a, b| {
        let order = a
            .last_edited_time
            .cmp(&b.last_edited_time)
            .then(a.seq.cmp(&b.seq));
        if descending { order.reverse() } else { order }
    });
    let mut items = Vec::with_capacity(hits.len());
    for (i, node) in hits.iter().enumerate() {
        if i < page.offset || i >= page.offset + page.page_size {
            items.push(serde_json::json!({"id": node.id}));
            continue;
        }
        items.push(match node.kind.as_str() {
            "page" => render::page::page(tx, ctx, node, &[])?,
            "data_source" => render::database::data_source(tx, ctx, node)?,
            _ => render::database::database(tx, ctx, node)?,
        });
    }
    let _ = title_of;
    let kind = if ctx.version.has_data_sources() {
        "page_or_data_source"
    } else {
        "page_or_database"
    };
    Ok(envelope(items, page, kind))
}

/// Visibility with a per-request memo of ancestors.
#[derive(Default)]
struct Visibility {
    memo: HashMap<String, bool>,
}

impl Visibility {
    fn check(&mut self, tx: &Transaction<'_>, ctx: &Ctx, node: &Node) -> Result<bool, ApiError> {
        if let Some(parent) = &node.parent_id
            && let Some(known) = self.memo.get(parent)
            && *known
        {
            return Ok(true);
        }
        let result = access::visible(tx, &ctx.integration, &node.id)?;
        if let Some(parent) = &node.parent_id
            && result
            && !crate::store::people::is_shared(tx, &ctx.integration.id, &node.id)?
        {
            self.memo.insert(parent.clone(), true);
        }
        Ok(result)
    }
}
