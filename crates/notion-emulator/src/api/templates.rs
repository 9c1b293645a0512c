//! Data-source templates.
//!
//! In Notion a template is a page made in the app. Here the admin API stores one
//! (`POST /_emulator/templates`) as a node of kind `template` under its data source, holding
//! `{name, is_default, properties}` (request-style property values) and its content as ordinary
//! blocks. Queries and search never see it (they read `page` nodes).
//!
//! `GET /v1/data_sources/{id}/templates` lists them; `POST /v1/pages` and `PATCH /v1/pages/{id}`
//! apply one (`template: {type: none|default|template_id, template_id, timezone}`): its
//! properties become defaults under the request's explicit ones, and its blocks are copied into
//! the page. Notion applies templates in the background; the emulator does it in the same
//! request, so the page has its content as soon as the response arrives. `template_id` may also
//! name any page the integration can see: its content (not its properties) is copied.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use rusqlite::Transaction;
use serde_json::{Map, Value, json};

use crate::content::input::parse_children;
use crate::content::write::{Position, insert_blocks};
use crate::error::ApiError;
use crate::props::{schema::find_name, values};
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access;
use crate::store::nodes::{self, Node};
use crate::wire::list::PageRequest;
use crate::wire::{ids, params, time};

/// The `kind` of template nodes.
pub(crate) const KIND: &str = "template";

/// What `POST /_emulator/templates` asks for.
#[derive(Debug, Clone)]
pub(crate) struct NewTemplate {
    pub(crate) data_source_id: String,
    pub(crate) name: String,
    pub(crate) is_default: bool,
    /// Page property values, as in a `POST /v1/pages` body.
    pub(crate) properties: Map<String, Value>,
    /// Blocks, as in a `POST /v1/pages` body's `children`.
    pub(crate) children: Value,
}

/// Stores a template; returns its id. Its properties are checked against the schema now (new
/// select options are added like a page creation would).
pub(crate) fn create(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    new: &NewTemplate,
) -> Result<String, ApiError> {
    let mut source = nodes::get(tx, &new.data_source_id)?
        .filter(|n| n.kind == "data_source")
        .ok_or_else(|| {
            ApiError::validation(format!("no data source with id {}", new.data_source_id))
        })?;
    let mut schema = source
        .field("properties")
        .as_object()
        .cloned()
        .unwrap_or_default();
    let before = schema.clone();
    let mut scratch = Map::new();
    values::apply(tx, ctx, &mut schema, &mut scratch, &new.properties)?;
    if schema != before {
        source.data["properties"] = Value::Object(schema);
        nodes::update(tx, &source)?;
    }
    let blocks = match &new.children {
        Value::Null => Vec::new(),
        children => parse_children(tx, ctx, children, "children")?,
    };
    if new.is_default {
        for mut other in nodes::by_parent(tx, &source.id, KIND)? {
            if other.field("is_default") == &Value::Bool(true) {
                other.data["is_default"] = Value::Bool(false);
                nodes::update(tx, &other)?;
            }
        }
    }
    let now = time::now();
    let id = ids::new_id();
    nodes::insert(
        tx,
        &Node {
            id: id.clone(),
            kind: KIND.into(),
            parent_type: "data_source_id".into(),
            parent_id: Some(source.id.clone()),
            ord: nodes::next_ord(tx, &source.id)?,
            seq: ctx.next_seq(),
            created_time: now.clone(),
            last_edited_time: now.clone(),
            created_by: ctx.user_id().to_owned(),
            last_edited_by: ctx.user_id().to_owned(),
            in_trash: false,
            title: new.name.to_lowercase(),
            data: json!({"name": new.name, "is_default": new.is_default, "properties": new.properties}),
        },
    )?;
    insert_blocks(tx, ctx, "page_id", &id, blocks, Position::End, &now)?;
    Ok(id)
}

/// `GET /v1/data_sources/{id}/templates?name=&start_cursor=&page_size=`.
pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let params = params::parse(query.as_deref());
    let name = params::first(&params, "name").map(str::to_lowercase);
    let start = params::first(&params, "start_cursor").map(str::to_owned);
    let page = PageRequest::from_query(None, params::first(&params, "page_size"))?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "read_content")?;
            let source = access::load_from_path(tx, &ctx, &raw_id, "data_source")?;
            let templates: Vec<Node> = nodes::by_parent(tx, &source.id, KIND)?
                .into_iter()
                .filter(|t| !t.in_trash)
                .filter(|t| name.as_deref().is_none_or(|n| t.title.contains(n)))
                .collect();
            let offset = match start.as_deref().filter(|c| !c.is_empty()) {
                None => 0,
                Some(cursor) => ids::parse(cursor)
                    .and_then(|c| templates.iter().position(|t| t.id == c))
                    .ok_or_else(|| {
                        ApiError::validation(format!(
                            "The start_cursor provided is invalid: {cursor}"
                        ))
                    })?,
            };
            let end = (offset + page.page_size).min(templates.len());
            let shown: Vec<Value> = templates[offset..end]
                .iter()
                .map(|t| json!({"id": t.id, "name": t.field("name"), "is_default": t.field("is_default") == &Value::Bool(true)}))
                .collect();
            let next = templates.get(end).map(|t| t.id.clone());
            Ok(json!({"templates": shown, "has_more": next.is_some(), "next_cursor": next}))
        })
        .await?;
    Ok(Reply::bare(value))
}

/// Which template a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Choice {
    Default,
    Id(String),
}

/// Reads `body.template`; `allow_none` is false for page updates (where Notion's schema has
/// only `default` and `template_id`).
pub(crate) fn choice(
    body: &Map<String, Value>,
    allow_none: bool,
) -> Result<Option<Choice>, ApiError> {
    let template = match body.get("template") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(map)) => map,
        Some(other) => return Err(ApiError::expected("body.template", "an object", other)),
    };
    if let Some(zone) = template.get("timezone")
        && !zone.is_string()
    {
        return Err(ApiError::expected(
            "body.template.timezone",
            "a string",
            zone,
        ));
    }
    match template.get("type").and_then(Value::as_str) {
        Some("none") if allow_none => Ok(None),
        Some("default") => Ok(Some(Choice::Default)),
        Some("template_id") => {
            let id = access::body_id(template.get("template_id"), "body.template.template_id")?;
            Ok(Some(Choice::Id(id)))
        }
        _ => {
            let allowed = if allow_none {
                "`\"none\"`, `\"default\"`, or `\"template_id\"`"
            } else {
                "`\"default\"` or `\"template_id\"`"
            };
            let given = template.get("type").unwrap_or(&Value::Null);
            Err(ApiError::validation(format!(
                "body failed validation: body.template.type should be {allowed}, instead was `{}`.",
                crate::error::preview(given)
            )))
        }
    }
}

/// Fails when a body gives page content together with a template (Notion rejects it: the
/// template supplies the content).
pub(crate) fn reject_content(body: &Map<String, Value>) -> Result<(), ApiError> {
    for key in ["children", "content", "markdown"] {
        if body.get(key).is_some_and(|v| !v.is_null()) {
            return Err(ApiError::validation(format!(
                "body failed validation: body.{key} should be not present when body.template is given."
            )));
        }
    }
    Ok(())
}

/// The template node (or plain page) a choice names, for a page in `source` (None outside data
/// sources). Unknown or invisible ids are 404 `object_not_found`, like any page id.
pub(crate) fn resolve(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    source: Option<&Node>,
    choice: &Choice,
) -> Result<Node, ApiError> {
    match choice {
        Choice::Default => {
            let Some(source) = source else {
                return Err(ApiError::validation(
                    "A default template can only be applied to a page in a data source.",
                ));
            };
            nodes::by_parent(tx, &source.id, KIND)?
                .into_iter()
                .find(|t| !t.in_trash && t.field("is_default") == &Value::Bool(true))
                .ok_or_else(|| {
                    ApiError::validation(format!(
                        "Data source {} has no default template. Use template type `template_id` or `none`.",
                        source.id
                    ))
                })
        }
        Choice::Id(id) => {
            let node = access::load(tx, ctx, id, &[KIND, "page"], "page")?;
            if node.in_trash {
                return Err(crate::api::archived_error());
            }
            if node.kind == KIND && node.parent_id.as_deref() != source.map(|s| s.id.as_str()) {
                return Err(ApiError::validation(format!(
                    "Template {id} does not belong to the parent data source of this page."
                )));
            }
            Ok(node)
        }
    }
}

/// The request's properties over the template's (keys resolved to property names, so `Name`
/// and its id meet). Template values for properties no longer in the schema are dropped.
pub(crate) fn merge_properties(
    template: &Node,
    schema: &Map<String, Value>,
    request: &Map<String, Value>,
) -> Map<String, Value> {
    let mut merged = Map::new();
    if template.kind == KIND
        && let Some(defaults) = template.field("properties").as_object()
    {
        for (key, value) in defaults {
            if let Some(name) = find_name(schema, key) {
                merged.insert(name, value.clone());
            }
        }
    }
    for (key, value) in request {
        let name = find_name(schema, key).unwrap_or_else(|| key.clone());
        merged.insert(name, value.clone());
    }
    merged
}

/// Copies the blocks under `from` (deeply) to the end of page `to`'s content. Child pages and
/// databases of the template are not duplicated.
pub(crate) fn copy_content(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    from: &str,
    parent_type: &str,
    to: &str,
    now: &str,
) -> Result<(), ApiError> {
    let mut ord = nodes::next_ord(tx, to)?;
    for child in nodes::children(tx, from, false)? {
        if child.kind != "block" {
            continue;
        }
        let id = ids::new_id();
        nodes::insert(
            tx,
            &Node {
                id: id.clone(),
                kind: "block".into(),
                parent_type: parent_type.to_owned(),
                parent_id: Some(to.to_owned()),
                ord,
                seq: ctx.next_seq(),
                created_time: now.to_owned(),
                last_edited_time: now.to_owned(),
                created_by: ctx.user_id().to_owned(),
                last_edited_by: ctx.user_id().to_owned(),
                in_trash: false,
                title: child.title.clone(),
                data: child.data.clone(),
            },
        )?;
        ord += 1;
        copy_content(tx, ctx, &child.id, "block_id", &id, now)?;
    }
    Ok(())
}
