//! The collectors (activity, insights, tools) and Slack notifications, against the
//! emulator and a local Slack receiver.

mod activity;
mod insights;
pub(crate) mod receiver;
mod slack;
mod tools;

use futures::TryStreamExt;
use orchestra::record::{Record, page_record};
use orchestra::workspace::Workspace;

/// Every row of database `key` as records.
pub(crate) async fn rows(ws: &Workspace, key: &str) -> Vec<Record> {
    let live = ws.live_schema(key).await.expect("live schema");
    let (_, ds) = ws.database(key).expect("database");
    let pages: Vec<_> = ws
        .client()
        .data_sources()
        .query(ds)
        .page_size(100)
        .scan_all()
        .try_collect()
        .await
        .expect("query");
    pages.iter().map(|p| page_record(p, &live)).collect()
}
