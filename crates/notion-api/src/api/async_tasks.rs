//! `/v1/async_tasks`: poll the work Notion queued for a request sent with `allow_async`.

use std::time::Duration;

use notion_model::{AsyncTask, ErrorBody, ErrorCode};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::time::Instant;

use crate::client::Client;
use crate::error::{ApiError, Error, Result};
use crate::transport::request::ApiRequest;

/// The wait between polls when the task does not suggest one.
const DEFAULT_POLL: Duration = Duration::from_secs(1);
/// The longest wait between two polls, whatever the task suggests.
const MAX_POLL: Duration = Duration::from_secs(30);

/// Async-task endpoints. Get one with [`Client::async_tasks`].
#[derive(Debug, Clone, Copy)]
pub struct AsyncTasksHandler<'c> {
    client: &'c Client,
}

impl<'c> AsyncTasksHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `GET /v1/async_tasks/{task_id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); 404 for a task of another integration or an unknown id.
    pub async fn retrieve(&self, task_id: &str) -> Result<AsyncTask> {
        self.client
            .execute(&ApiRequest::new(
                Method::GET,
                format!("/v1/async_tasks/{task_id}"),
            ))
            .await
    }

    /// Polls `task` until it succeeds or fails, waiting `poll_after_seconds` between polls
    /// (1 s when absent, at most 30 s), for at most `timeout`. Returns the finished task;
    /// [`AsyncTasksHandler::result`] turns it into the endpoint's answer.
    ///
    /// # Errors
    ///
    /// [`Error::TaskPending`] when `timeout` passes first; any error of
    /// [`AsyncTasksHandler::retrieve`].
    pub async fn wait(&self, task: &AsyncTask, timeout: Duration) -> Result<AsyncTask> {
        let start = Instant::now();
        let mut current = task.clone();
        loop {
            if current.is_done() {
                return Ok(current);
            }
            let waited = start.elapsed();
            if waited >= timeout {
                return Err(Error::TaskPending {
                    task_id: current.id,
                    status: current.status,
                    waited,
                });
            }
            let pause = poll_delay(&current).min(timeout - waited);
            tokio::time::sleep(pause).await;
            current = self.retrieve(&task.id).await?;
        }
    }

    /// The answer of a finished task: its `result` decoded as `T` (a
    /// [`PageMarkdown`](notion_model::PageMarkdown) for a Markdown edit, a
    /// [`Page`](notion_model::Page) for a page created from Markdown), or its `error` as
    /// [`Error::Api`].
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for a failed task; [`Error::Decode`] when the result is not a `T`;
    /// [`Error::TaskPending`] for a task that is not finished.
    pub fn result<T: DeserializeOwned>(task: &AsyncTask) -> Result<T> {
        let path = "/v1/async_tasks/{id}".to_owned();
        match task.status.as_str() {
            "succeeded" => {
                let result = task.result.clone().unwrap_or(Value::Null);
                serde_json::from_value(result).map_err(|source| Error::Decode {
                    method: Method::GET,
                    path,
                    json_path: ".result".to_owned(),
                    body_excerpt: String::new(),
                    source,
                })
            }
            "failed" => Err(Error::Api(Box::new(task_error(task, path)))),
            status => Err(Error::TaskPending {
                task_id: task.id.clone(),
                status: status.to_owned(),
                waited: Duration::ZERO,
            }),
        }
    }
}

/// How long to wait before polling `task` again.
fn poll_delay(task: &AsyncTask) -> Duration {
    task.poll_after_seconds
        .as_ref()
        .and_then(serde_json::Number::as_f64)
        .filter(|seconds| seconds.is_finite() && *seconds >= 0.0)
        .map_or(DEFAULT_POLL, Duration::from_secs_f64)
        .min(MAX_POLL)
}

/// A failed task's `error` as the error the synchronous request would have returned.
fn task_error(task: &AsyncTask, path: String) -> ApiError {
    let body = task
        .error
        .clone()
        .and_then(|error| serde_json::from_value::<ErrorBody>(error).ok());
    let (status, code, message, additional_data) = match body {
        Some(body) => (body.status, body.code, body.message, body.additional_data),
        None => (
            500,
            ErrorCode::from_wire("internal_server_error"),
            "the async task failed without a readable error".to_owned(),
            None,
        ),
    };
    ApiError {
        method: Method::GET,
        path,
        status,
        code,
        message,
        request_id: None,
        additional_data,
        retry_after: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn task(value: Value) -> AsyncTask {
        serde_json::from_value(value).expect("task")
    }

    #[test]
    fn poll_delay_follows_the_task_within_bounds() {
        let base = json!({"object": "async_task", "id": "task_1", "status": "queued"});
        assert_eq!(poll_delay(&task(base.clone())), DEFAULT_POLL);
        let mut slow = base.clone();
        slow["poll_after_seconds"] = json!(600);
        assert_eq!(poll_delay(&task(slow)), MAX_POLL);
        let mut quick = base;
        quick["poll_after_seconds"] = json!(0.5);
        assert_eq!(poll_delay(&task(quick)), Duration::from_millis(500));
    }

    #[test]
    fn a_failed_task_becomes_the_api_error() {
        let failed = task(json!({
            "object": "async_task", "id": "task_2", "status": "failed",
            "error": {"object": "error", "status": 404, "code": "object_not_found",
                      "message": "Could not find page", "additional_data": {"integration_id": "i"}}
        }));
        let error = AsyncTasksHandler::result::<Value>(&failed).unwrap_err();
        assert!(error.is_not_found(), "{error}");
        let Error::Api(api) = error else {
            panic!("not an API error")
        };
        assert_eq!(api.message, "Could not find page");
        assert_eq!(api.status, 404);
        assert!(api.additional_data.is_some());
    }

    #[test]
    fn a_pending_task_has_no_result_yet() {
        let queued = task(json!({"object": "async_task", "id": "task_3", "status": "running"}));
        assert!(matches!(
            AsyncTasksHandler::result::<Value>(&queued),
            Err(Error::TaskPending { .. })
        ));
    }
}
