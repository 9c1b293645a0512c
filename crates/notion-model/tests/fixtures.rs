//! Every recorded exchange from api.notion.com decodes into its typed model and re-encodes to
//! the same JSON (responses exactly; requests after id canonicalisation).

mod support;

use std::path::PathBuf;

use serde_json::Value;

/// The response model for an exchange.
fn response_model(method: &str, path: &str, status: u64) -> Option<&'static str> {
    if status >= 400 {
        return Some("ErrorBody");
    }
    Some(match (method, path) {
        ("GET" | "PATCH" | "DELETE", "/v1/blocks/{id}") => "Block",
        ("GET" | "PATCH", "/v1/blocks/{id}/children") => "List<Block>",
        ("GET", "/v1/comments") => "List<Comment>",
        ("POST", "/v1/comments") | (_, "/v1/comments/{id}") => "Comment",
        ("GET", "/v1/custom_emojis") => "List<CustomEmoji>",
        ("POST", "/v1/data_sources") | (_, "/v1/data_sources/{id}") => "DataSource",
        ("POST", "/v1/data_sources/{id}/query") => "List<SearchResult>",
        ("GET", "/v1/data_sources/{id}/templates") => "TemplateList",
        ("POST", "/v1/databases") | (_, "/v1/databases/{id}") => "Database",
        ("GET", "/v1/file_uploads") => "List<FileUpload>",
        (_, "/v1/file_uploads" | "/v1/file_uploads/{id}" | "/v1/file_uploads/{id}/send") => {
            "FileUpload"
        }
        ("POST", "/v1/pages") | (_, "/v1/pages/{id}" | "/v1/pages/{id}/move") => "Page",
        ("PATCH", "/v1/pages/{id}/markdown") if status == 202 => "AsyncTask",
        (_, "/v1/pages/{id}/markdown") => "PageMarkdown",
        (_, "/v1/pages/{id}/properties/{property_id}") => "PropertyItemResponse",
        ("GET", "/v1/async_tasks/{task_id}") => "AsyncTask",
        ("POST", "/v1/search") => "List<SearchResult>",
        ("GET", "/v1/users") => "List<User>",
        (_, "/v1/users/me" | "/v1/users/{id}") => "User",
        ("GET", "/v1/views") => "List<View>",
        (_, "/v1/views" | "/v1/views/{id}") => "View",
        ("POST", "/v1/views/{id}/queries") | ("DELETE", "/v1/views/{id}/queries/{query_id}") => {
            "ViewQuery"
        }
        ("GET", "/v1/views/{id}/queries/{query_id}") => "List<Page>",
        _ => return None,
    })
}

/// The request model for an exchange with a JSON body.
fn request_model(method: &str, path: &str) -> Option<&'static str> {
    Some(match (method, path) {
        ("POST", "/v1/pages") => "CreatePageRequest",
        ("PATCH", "/v1/pages/{id}") => "UpdatePageRequest",
        ("POST", "/v1/pages/{id}/move") => "MovePageRequest",
        ("PATCH", "/v1/pages/{id}/markdown") => "UpdatePageMarkdownRequest",
        ("POST", "/v1/databases") => "CreateDatabaseRequest",
        ("PATCH", "/v1/databases/{id}") => "UpdateDatabaseRequest",
        ("POST", "/v1/data_sources") => "CreateDataSourceRequest",
        ("PATCH", "/v1/data_sources/{id}") => "UpdateDataSourceRequest",
        ("POST", "/v1/data_sources/{id}/query") => "QueryDataSourceRequest",
        ("PATCH", "/v1/blocks/{id}/children") => "AppendBlockChildrenRequest",
        ("PATCH", "/v1/blocks/{id}") => "UpdateBlockRequest",
        ("POST", "/v1/comments") => "CreateCommentRequest",
        ("PATCH", "/v1/comments/{id}") => "UpdateCommentRequest",
        ("POST", "/v1/search") => "SearchRequest",
        ("POST", "/v1/file_uploads") => "CreateFileUploadRequest",
        ("POST", "/v1/views") => "CreateViewRequest",
        ("PATCH", "/v1/views/{id}") => "UpdateViewRequest",
        ("POST", "/v1/views/{id}/queries") => "QueryViewRequest",
        _ => return None,
    })
}

fn fixtures_dir() -> PathBuf {
    std::env::var_os("NOTION_FIXTURES_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/notion-api/fixtures"),
        PathBuf::from,
    )
}

fn check_exchange(name: &str, exchange: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let method = exchange["method"].as_str().unwrap_or_default();
    let path = exchange["path_template"].as_str().unwrap_or_default();
    let status = exchange["status"].as_u64().unwrap_or_default();
    match response_model(method, path, status) {
        Some(model) => {
            let label = format!("{name} response");
            if let Err(e) = support::check_model(model, &label, &exchange["response_body"]) {
                failures.push(e);
            }
        }
        None => failures.push(format!(
            "{name}: no response model for {method} {path} {status}"
        )),
    }
    let request = &exchange["request_body"];
    if !request.is_null() && matches!(method, "POST" | "PATCH") {
        match request_model(method, path) {
            Some(model) => {
                let label = format!("{name} request");
                if let Err(e) = support::check_model(model, &label, request) {
                    failures.push(e);
                }
            }
            None => failures.push(format!("{name}: no request model for {method} {path}")),
        }
    }
    failures
}

#[test]
fn recorded_fixtures_round_trip() {
    let dir = fixtures_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        assert!(
            std::env::var("NOTION_FIXTURES_REQUIRED").as_deref() != Ok("1"),
            "fixtures not found at {} and NOTION_FIXTURES_REQUIRED=1",
            dir.display()
        );
        println!("skipped: fixtures not found at {}", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());

    let mut failures = Vec::new();
    for path in &paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                failures.push(format!("{name}: unreadable: {e}"));
                continue;
            }
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(exchange) => failures.extend(check_exchange(&name, &exchange)),
            Err(e) => failures.push(format!("{name}: not JSON: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
    println!("{} fixtures round-tripped", paths.len());
}
