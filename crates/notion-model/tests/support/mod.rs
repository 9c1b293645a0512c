//! Shared helpers for the fixture tests: decode into a named model, re-encode, compare.

use notion_model::list::ListResponse;
use notion_model::requests::{
    AppendBlockChildrenRequest, CreateCommentRequest, CreateDataSourceRequest,
    CreateDatabaseRequest, CreateFileUploadRequest, CreatePageRequest, CreateViewRequest,
    MovePageRequest, QueryDataSourceRequest, QueryViewRequest, SearchRequest, UpdateBlockRequest,
    UpdateCommentRequest, UpdateDataSourceRequest, UpdateDatabaseRequest,
    UpdatePageMarkdownRequest, UpdatePageRequest, UpdateViewRequest,
};
use notion_model::{
    AsyncTask, Block, Comment, CustomEmoji, DataSource, Database, ErrorBody, FileUpload, NewBlock,
    Page, PageMarkdown, SearchResult, TemplateList, User, View, ViewQuery,
    property::{PropertyItemResponse, PropertySchema, PropertyValue},
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Decodes `original` as `T` (reporting the JSON path of a failure), re-encodes it and
/// compares with `expected`.
pub(crate) fn roundtrip<T: DeserializeOwned + Serialize>(
    label: &str,
    original: &Value,
    expected: &Value,
) -> Result<T, String> {
    let typed: T = serde_path_to_error::deserialize(original).map_err(|e| {
        format!(
            "{label}: decoding as {} failed at `{}`: {}",
            std::any::type_name::<T>(),
            e.path(),
            e.inner()
        )
    })?;
    let back =
        serde_json::to_value(&typed).map_err(|e| format!("{label}: re-encoding failed: {e}"))?;
    if &back != expected {
        let diff = first_difference(expected, &back, "$".to_owned())
            .unwrap_or_else(|| "values differ".to_owned());
        return Err(format!(
            "{label}: re-encoding as {} differs: {diff}",
            std::any::type_name::<T>()
        ));
    }
    Ok(typed)
}

/// The first place where two JSON values differ, as a readable line.
pub(crate) fn first_difference(expected: &Value, actual: &Value, path: String) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    None => return Some(format!("{path}.{k}: missing after re-encoding")),
                    Some(av) => {
                        if let Some(d) = first_difference(ev, av, format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                }
            }
            a.keys()
                .find(|k| !e.contains_key(*k))
                .map(|k| format!("{path}.{k}: added by re-encoding ({})", a[k]))
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!("{path}: length {} became {}", e.len(), a.len()));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .find_map(|(i, (ev, av))| first_difference(ev, av, format!("{path}[{i}]")))
        }
        _ if expected == actual => None,
        _ => Some(format!("{path}: {expected} became {actual}")),
    }
}

/// Rewrites undashed 32-hex-digit ids into the dashed form typed ids print.
pub(crate) fn canonical_ids(value: &Value) -> Value {
    match value {
        Value::String(s) if s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Value::String(format!(
                "{}-{}-{}-{}-{}",
                &s[..8],
                &s[8..12],
                &s[12..16],
                &s[16..20],
                &s[20..]
            ))
        }
        Value::Array(items) => Value::Array(items.iter().map(canonical_ids).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), canonical_ids(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn check<T: DeserializeOwned + Serialize>(
    label: &str,
    value: &Value,
    ids: bool,
) -> Result<T, String> {
    let expected = if ids {
        canonical_ids(value)
    } else {
        value.clone()
    };
    roundtrip::<T>(label, value, &expected)
}

/// Decodes `value` as the model called `model`, re-encodes it and compares.
///
/// Request models compare after [`canonical_ids`], because typed ids print dashed.
pub(crate) fn check_model(model: &str, label: &str, value: &Value) -> Result<(), String> {
    match model {
        "ErrorBody" => check::<ErrorBody>(label, value, false).map(drop),
        "Page" => check::<Page>(label, value, false).map(drop),
        "Block" => check::<Block>(label, value, false).map(drop),
        "Database" => check::<Database>(label, value, false).map(drop),
        "DataSource" => check::<DataSource>(label, value, false).map(drop),
        "User" => check::<User>(label, value, false).map(drop),
        "Comment" => check::<Comment>(label, value, false).map(drop),
        "FileUpload" => check::<FileUpload>(label, value, false).map(drop),
        "PageMarkdown" => check::<PageMarkdown>(label, value, false).map(drop),
        "AsyncTask" => check::<AsyncTask>(label, value, false).map(drop),
        "View" => check::<View>(label, value, false).map(drop),
        "ViewQuery" => check::<ViewQuery>(label, value, false).map(drop),
        "TemplateList" => check::<TemplateList>(label, value, false).map(drop),
        "PropertyItemResponse" => check::<PropertyItemResponse>(label, value, false).map(drop),
        "PropertySchema" => check::<PropertySchema>(label, value, false).map(drop),
        "PropertyValue" => check::<PropertyValue>(label, value, false).map(drop),
        "NewBlock" => check::<NewBlock>(label, value, true).map(drop),
        "List<Block>" => check::<ListResponse<Block>>(label, value, false).map(drop),
        "List<User>" => check::<ListResponse<User>>(label, value, false).map(drop),
        "List<Comment>" => check::<ListResponse<Comment>>(label, value, false).map(drop),
        "List<FileUpload>" => check::<ListResponse<FileUpload>>(label, value, false).map(drop),
        "List<View>" => check::<ListResponse<View>>(label, value, false).map(drop),
        "List<CustomEmoji>" => check::<ListResponse<CustomEmoji>>(label, value, false).map(drop),
        "List<Page>" => check::<ListResponse<Page>>(label, value, false).map(drop),
        "List<SearchResult>" => {
            let list = check::<ListResponse<SearchResult>>(label, value, false)?;
            match list.results.iter().position(|r| {
                matches!(r, SearchResult::Other(v)
                    if matches!(v.get("object").and_then(Value::as_str), Some("page" | "data_source" | "database")))
            }) {
                Some(i) => {
                    // Re-decode strictly to report why the typed decode failed.
                    let item = &value["results"][i];
                    let why = match item.get("object").and_then(Value::as_str) {
                        Some("page") => check::<Page>(label, item, false).err(),
                        Some("data_source") => check::<DataSource>(label, item, false).err(),
                        _ => check::<Database>(label, item, false).err(),
                    };
                    Err(format!(
                        "{label}: results[{i}] fell back to raw JSON: {}",
                        why.unwrap_or_default()
                    ))
                }
                None => Ok(()),
            }
        }
        "CreatePageRequest" => check::<CreatePageRequest>(label, value, true).map(drop),
        "UpdatePageRequest" => check::<UpdatePageRequest>(label, value, true).map(drop),
        "MovePageRequest" => check::<MovePageRequest>(label, value, true).map(drop),
        "CreateDatabaseRequest" => check::<CreateDatabaseRequest>(label, value, true).map(drop),
        "UpdateDatabaseRequest" => check::<UpdateDatabaseRequest>(label, value, true).map(drop),
        "CreateDataSourceRequest" => check::<CreateDataSourceRequest>(label, value, true).map(drop),
        "UpdateDataSourceRequest" => check::<UpdateDataSourceRequest>(label, value, true).map(drop),
        "QueryDataSourceRequest" => check::<QueryDataSourceRequest>(label, value, true).map(drop),
        "AppendBlockChildrenRequest" => {
            check::<AppendBlockChildrenRequest>(label, value, true).map(drop)
        }
        "UpdateBlockRequest" => check::<UpdateBlockRequest>(label, value, true).map(drop),
        "CreateCommentRequest" => check::<CreateCommentRequest>(label, value, true).map(drop),
        "UpdateCommentRequest" => check::<UpdateCommentRequest>(label, value, true).map(drop),
        "SearchRequest" => check::<SearchRequest>(label, value, true).map(drop),
        "CreateFileUploadRequest" => check::<CreateFileUploadRequest>(label, value, true).map(drop),
        "UpdatePageMarkdownRequest" => {
            check::<UpdatePageMarkdownRequest>(label, value, true).map(drop)
        }
        "CreateViewRequest" => check::<CreateViewRequest>(label, value, true).map(drop),
        "UpdateViewRequest" => check::<UpdateViewRequest>(label, value, true).map(drop),
        "QueryViewRequest" => check::<QueryViewRequest>(label, value, true).map(drop),
        other => Err(format!("{label}: no model called {other}")),
    }
}
