//! Async tasks (`GET /v1/async_tasks/{task_id}`, 202 responses).

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use crate::common::{Extra, Timestamp};

/// `{object:"async_task", id, status, status_url, created_time, poll_after_seconds?,
/// operation, result?, error?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AsyncTask {
    /// `"async_task"`.
    pub object: String,
    /// Task id (`task_...`).
    pub id: String,
    /// `queued`, `running`, `retrying`, `succeeded`, `failed`.
    pub status: String,
    /// Where to poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_url: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<Timestamp>,
    /// Suggested polling delay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_after_seconds: Option<Number>,
    /// `{surface, name}` of the originating request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Value>,
    /// The result of a succeeded task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// The error of a failed task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AsyncTask {
    /// Whether the task is finished (succeeded or failed).
    pub fn is_done(&self) -> bool {
        matches!(self.status.as_str(), "succeeded" | "failed")
    }
}
