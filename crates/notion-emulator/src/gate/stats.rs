//! Request counters by method, path template and status (`GET /_emulator/stats`).

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::{Value, json};

/// `(method, path template, status)`.
type Key = (String, String, u16);

/// Counters since start or the last reset.
#[derive(Debug, Default)]
pub(crate) struct Stats {
    counts: Mutex<(u64, BTreeMap<Key, u64>)>,
}

impl Stats {
    pub(crate) fn record(&self, method: &str, template: &str, status: u16) {
        let mut guard = self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        guard.0 += 1;
        *guard
            .1
            .entry((method.to_owned(), template.to_owned(), status))
            .or_default() += 1;
    }

    pub(crate) fn reset(&self) {
        *self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Default::default();
    }

    pub(crate) fn to_json(&self) -> Value {
        let guard = self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let requests: Vec<Value> = guard
            .1
            .iter()
            .map(|((method, path, status), count)| {
                json!({"method": method, "path": path, "status": status, "count": count})
            })
            .collect();
        json!({"total": guard.0, "requests": requests})
    }
}

/// `/v1/pages/{page_id}` → `/v1/pages/{id}`.
pub(crate) fn template(matched: &str) -> String {
    let mut out = String::with_capacity(matched.len());
    let mut in_param = false;
    for c in matched.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{id}");
            }
            '}' => in_param = false,
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}
