//! `/v1/file_uploads`: create, send (multipart), complete, retrieve, list; and the signed file URLs.

use axum::Extension;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::reply::{ApiResult, Reply};
use crate::state::{AppState, Ctx};
use crate::store::access;
use crate::wire::list::{PageRequest, envelope};
use crate::wire::{body, files, ids, params as qs, time};

/// The per-file limit announced by `users/me` (a free workspace's 5 MiB).
pub(crate) const MAX_FILE_BYTES: u64 = 5_242_880;
/// Longest file name, in bytes.
const MAX_FILENAME_BYTES: usize = 900;

struct Upload {
    id: String,
    status: String,
    data: Value,
}

fn not_found(ctx: &Ctx, id: &str) -> ApiError {
    ApiError::not_found("file_upload", id, &ctx.integration)
}

fn load(tx: &Transaction<'_>, ctx: &Ctx, id: &str) -> Result<Upload, ApiError> {
    let row: Option<(String, String, String)> = tx
        .prepare_cached("SELECT status, data, integration_id FROM file_uploads WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((status, data, owner)) = row else {
        return Err(not_found(ctx, id));
    };
    if owner != ctx.integration.id {
        return Err(not_found(ctx, id));
    }
    let mut upload = Upload {
        id: id.to_owned(),
        status,
        data: serde_json::from_str(&data)?,
    };
    expire_if_due(tx, &mut upload)?;
    Ok(upload)
}

fn expire_if_due(tx: &Transaction<'_>, upload: &mut Upload) -> Result<(), ApiError> {
    if upload.status == "pending"
        && let Some(expiry) = upload.data["expiry_time"].as_str()
        && time::unix(expiry) < time::unix_now()
    {
        upload.status = "expired".into();
        save(tx, upload)?;
    }
    Ok(())
}

fn save(tx: &Transaction<'_>, upload: &mut Upload) -> Result<(), ApiError> {
    upload.data["status"] = json!(upload.status);
    tx.prepare_cached("UPDATE file_uploads SET status = ?2, data = ?3 WHERE id = ?1")?
        .execute(params![upload.id, upload.status, upload.data.to_string()])
        .map(crate::store::touched::no_rows)?;
    Ok(())
}

fn render(ctx: &Ctx, upload: &Upload) -> Value {
    let d = &upload.data;
    let mut map = Map::new();
    map.insert("object".into(), json!("file_upload"));
    map.insert("id".into(), json!(upload.id));
    map.insert(
        "created_time".into(),
        json!(time::display(
            d["created_time"].as_str().unwrap_or_default(),
            ctx.exact_timestamps
        )),
    );
    map.insert("created_by".into(), d["created_by"].clone());
    map.insert(
        "last_edited_time".into(),
        json!(time::display(
            d["last_edited_time"].as_str().unwrap_or_default(),
            ctx.exact_timestamps
        )),
    );
    let expiry = d["expiry_time"]
        .as_str()
        .map(|e| json!(time::display(e, ctx.exact_timestamps)))
        .unwrap_or(Value::Null);
    map.insert("expiry_time".into(), expiry);
    if upload.status == "pending" {
        map.insert(
            "upload_url".into(),
            json!(format!(
                "{}/v1/file_uploads/{}/send",
                ctx.base_url, upload.id
            )),
        );
        if d["mode"] == "multi_part" {
            map.insert(
                "complete_url".into(),
                json!(format!(
                    "{}/v1/file_uploads/{}/complete",
                    ctx.base_url, upload.id
                )),
            );
        }
    }
    map.insert("in_trash".into(), json!(false));
    map.insert("status".into(), json!(upload.status));
    map.insert("filename".into(), d["filename"].clone());
    map.insert("content_type".into(), d["content_type"].clone());
    map.insert("content_length".into(), d["content_length"].clone());
    if d["mode"] == "multi_part" {
        map.insert("number_of_parts".into(), d["number_of_parts"].clone());
    }
    if let Some(result) = d.get("file_import_result") {
        map.insert("file_import_result".into(), result.clone());
    }
    crate::render::push_archived(&mut map, ctx.version, false);
    Value::Object(map)
}

pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    bytes: Bytes,
) -> ApiResult {
    let body = body::parse(&bytes)?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_content")?;
            let mode = body.get("mode").and_then(Value::as_str).unwrap_or("single_part").to_owned();
            if !matches!(mode.as_str(), "single_part" | "multi_part" | "external_url") {
                return Err(ApiError::expected(
                    "body.mode",
                    "`\"single_part\"`, `\"multi_part\"`, or `\"external_url\"`",
                    &body["mode"],
                ));
            }
            let filename = body.get("filename").cloned().unwrap_or(Value::Null);
            if let Some(name) = filename.as_str()
                && name.len() > MAX_FILENAME_BYTES
            {
                return Err(ApiError::too_long("body.filename", MAX_FILENAME_BYTES, name.len()));
            }
            let now = time::now();
            let mut data = json!({
                "mode": mode,
                "created_time": now,
                "last_edited_time": now,
                "created_by": {"id": ctx.user_id(), "type": "bot"},
                "expiry_time": time::plus_seconds(&now, files::URL_LIFETIME_SECONDS),
                "filename": filename,
                "content_type": body.get("content_type").cloned().unwrap_or(Value::Null),
                "content_length": null,
            });
            let mut status = "pending".to_owned();
            match mode.as_str() {
                "multi_part" => {
                    let total = body
                        .get("number_of_parts")
                        .and_then(Value::as_u64)
                        .filter(|n| (1..=1000).contains(n))
                        .ok_or_else(|| ApiError::missing("body.number_of_parts"))?;
                    if data["filename"].is_null() {
                        return Err(ApiError::missing("body.filename"));
                    }
                    data["number_of_parts"] = json!({"total": total, "sent": 0});
                }
                "external_url" => {
                    let url = body
                        .get("external_url")
                        .and_then(Value::as_str)
                        .ok_or_else(|| ApiError::missing("body.external_url"))?;
                    if !url.starts_with("https://") {
                        return Err(ApiError::validation(format!(
                            "body failed validation: body.external_url should be an https URL, instead was `\"{url}\"`."
                        )));
                    }
                    files::check_url(url, "body.external_url")?;
                    status = "uploaded".into();
                    data["external_url"] = json!(url);
                    if data["filename"].is_null() {
                        data["filename"] = json!(url.rsplit('/').next().unwrap_or("file"));
                    }
                    data["file_import_result"] = json!({"type": "success", "success": {}, "imported_time": now});
                }
                _ => {}
            }
            data["status"] = json!(status);
            let id = ids::new_id();
            tx.prepare_cached("INSERT INTO file_uploads (id, seq, integration_id, status, data) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![id, ctx.next_seq(), ctx.integration.id, status, data.to_string()]).map(crate::store::touched::no_rows)?;
            Ok(render(&ctx, &Upload { id, status, data }))
        })
        .await?;
    Ok(Reply::json(value))
}

/// One part read from the multipart body.
struct Part {
    bytes: Bytes,
    filename: Option<String>,
    content_type: Option<String>,
    part_number: Option<u64>,
}

async fn read_multipart(mut multipart: Multipart) -> Result<Part, ApiError> {
    let mut part = Part {
        bytes: Bytes::new(),
        filename: None,
        content_type: None,
        part_number: None,
    };
    let mut saw_file = false;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::validation(format!("Could not read multipart body: {e}")))?
    {
        match field.name() {
            Some("file") => {
                saw_file = true;
                part.filename = field.file_name().map(str::to_owned);
                part.content_type = field.content_type().map(str::to_owned);
                part.bytes = field.bytes().await.map_err(|e| {
                    ApiError::validation(format!("Could not read multipart body: {e}"))
                })?;
            }
            Some("part_number") => {
                let text = field.text().await.unwrap_or_default();
                part.part_number = Some(text.trim().parse().map_err(|_| {
                    ApiError::validation(format!("body failed validation: body.part_number should be a number, instead was `\"{text}\"`."))
                })?);
            }
            _ => {}
        }
    }
    if !saw_file {
        return Err(ApiError::missing("body.file"));
    }
    Ok(part)
}

pub(crate) async fn send(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> ApiResult {
    let multipart = multipart.map_err(|_| {
        ApiError::validation("The request body must be multipart/form-data with a `file` field.")
    })?;
    let part = read_multipart(multipart).await?;
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_content")?;
            let id = access::path_id(&raw_id, "file_upload_id")?;
            let mut upload = load(tx, &ctx, &id)?;
            if upload.status != "pending" {
                return Err(ApiError::validation(format!(
                    "File upload with ID {id} is in status `{}` and cannot be sent.",
                    upload.status
                )));
            }
            let size = part.bytes.len() as u64;
            if upload.data["mode"] == "multi_part" {
                let total = upload.data["number_of_parts"]["total"].as_u64().unwrap_or(1);
                let number = part.part_number.ok_or_else(|| ApiError::missing("body.part_number"))?;
                if number < 1 || number > total {
                    return Err(ApiError::validation(format!(
                        "body failed validation: body.part_number should be between 1 and {total}, instead was `{number}`."
                    )));
                }
                tx.prepare_cached("INSERT OR REPLACE INTO file_parts (upload_id, part_number, content) VALUES (?1, ?2, ?3)")?
                    .execute(params![id, number as i64, part.bytes.to_vec()]).map(crate::store::touched::no_rows)?;
                let sent: i64 = tx
                    .prepare_cached("SELECT COUNT(*) FROM file_parts WHERE upload_id = ?1")?
                    .query_row([&id], |r| r.get(0))?;
                upload.data["number_of_parts"]["sent"] = json!(sent);
            } else {
                if size > MAX_FILE_BYTES {
                    return Err(ApiError::validation(format!(
                        "The file is larger than the workspace limit of {MAX_FILE_BYTES} bytes (was {size} bytes)."
                    )));
                }
                if upload.data["filename"].is_null() {
                    upload.data["filename"] = json!(part.filename.clone().unwrap_or_else(|| "file".into()));
                }
                if upload.data["content_type"].is_null() {
                    upload.data["content_type"] = json!(part.content_type.clone().unwrap_or_else(|| "application/octet-stream".into()));
                }
                upload.data["content_length"] = json!(size);
                tx.prepare_cached("UPDATE file_uploads SET content = ?2 WHERE id = ?1")?
                    .execute(params![id, part.bytes.to_vec()]).map(crate::store::touched::no_rows)?;
                upload.status = "uploaded".into();
            }
            upload.data["last_edited_time"] = json!(time::now());
            save(tx, &mut upload)?;
            Ok(render(&ctx, &upload))
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn complete(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(raw_id): Path<String>,
) -> ApiResult {
    let value = state
        .store()
        .run(move |tx| {
            access::require(&ctx, "insert_content")?;
            let id = access::path_id(&raw_id, "file_upload_id")?;
            let mut upload = load(tx, &ctx, &id)?;
            if upload.data["mode"] != "multi_part" || upload.status != "pending" {
                return Err(ApiError::validation(format!(
                    "File upload with ID {id} is not a pending multi_part upload."
                )));
            }
            let total = upload.data["number_of_parts"]["total"]
                .as_u64()
                .unwrap_or(0);
            let mut stmt = tx.prepare_cached(
                "SELECT content FROM file_parts WHERE upload_id = ?1 ORDER BY part_number",
            )?;
            let parts: Vec<Vec<u8>> = stmt
                .query_map([&id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            if parts.len() as u64 != total {
                return Err(ApiError::validation(format!(
                    "Expected {total} parts to be sent before completing, but {} were sent.",
                    parts.len()
                )));
            }
            let content: Vec<u8> = parts.concat();
            upload.data["content_length"] = json!(content.len());
            tx.prepare_cached("UPDATE file_uploads SET content = ?2 WHERE id = ?1")?
                .execute(params![id, content])
                .map(crate::store::touched::no_rows)?;
            tx.prepare_cached("DELETE FROM file_parts WHERE upload_id = ?1")?
                .execute([&id])
                .map(crate::store::touched::no_rows)?;
            upload.status = "uploaded".into();
            upload.data["last_edited_time"] = json!(time::now());
            save(tx, &mut upload)?;
            Ok(render(&ctx, &upload))
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
            let id = access::path_id(&raw_id, "file_upload_id")?;
            Ok(render(&ctx, &load(tx, &ctx, &id)?))
        })
        .await?;
    Ok(Reply::json(value))
}

pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let params = qs::parse(query.as_deref());
    let page = PageRequest::from_query(
        qs::first(&params, "start_cursor"),
        qs::first(&params, "page_size"),
    )?;
    let status = qs::first(&params, "status").map(str::to_owned);
    if let Some(s) = &status
        && !matches!(s.as_str(), "pending" | "uploaded" | "expired" | "failed")
    {
        return Err(ApiError::validation(format!(
            "query failed validation: query.status should be one of `\"pending\"`, `\"uploaded\"`, `\"expired\"`, `\"failed\"`, instead was `\"{s}\"`."
        )));
    }
    let value = state
        .store()
        .run(move |tx| {
            let mut stmt = tx.prepare_cached("SELECT id, status, data FROM file_uploads WHERE integration_id = ?1 ORDER BY seq DESC")?;
            let rows: Vec<(String, String, String)> = stmt
                .query_map([&ctx.integration.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let mut items = Vec::new();
            for (id, st, data) in rows {
                let mut upload = Upload { id, status: st, data: serde_json::from_str(&data)? };
                expire_if_due(tx, &mut upload)?;
                if status.as_deref().is_none_or(|s| s == upload.status) {
                    items.push(render(&ctx, &upload));
                }
            }
            Ok(envelope(items, page, "file_upload"))
        })
        .await?;
    Ok(Reply::json(value))
}

/// `GET /_emulator/files/{id}/{name}?expires=…&sig=…`: the bytes behind a signed file URL.
pub(crate) async fn serve_file(
    State(state): State<AppState>,
    Path((id, _name)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let params = qs::parse(query.as_deref());
    let expires: i64 = qs::first(&params, "expires")
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let sig = qs::first(&params, "sig").unwrap_or_default().to_owned();
    let secret = state.workspace().file_secret;
    if sig != files::signature(&secret, &id, expires) || expires < time::unix_now() {
        return (
            StatusCode::FORBIDDEN,
            "Request has expired or its signature is invalid.",
        )
            .into_response();
    }
    let found = state
        .store()
        .run(move |tx| {
            Ok(tx
                .prepare_cached("SELECT content, json_extract(data, '$.content_type') FROM file_uploads WHERE id = ?1")?
                .query_row([&id], |r| Ok((r.get::<_, Option<Vec<u8>>>(0)?, r.get::<_, Option<String>>(1)?)))
                .optional()?)
        })
        .await;
    match found {
        Ok(Some((Some(content), content_type))) => {
            let mut response = content.into_response();
            let ct = content_type.unwrap_or_else(|| "application/octet-stream".into());
            if let Ok(value) = HeaderValue::from_str(&ct) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
        }
        _ => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}
