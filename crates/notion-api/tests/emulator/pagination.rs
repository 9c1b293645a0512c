//! Pagination: `stream()` / `collect_all()` over 250 rows, and `scan_all()` past the
//! emulator's 10,000-row query cap.

use std::collections::HashSet;

use futures::{StreamExt, TryStreamExt, stream};
use notion_api::model::{Filter, Page};
use notion_emulator::AppOptions;
use notion_emulator::testing::{TestEmulator, fill_rows};

use crate::support::{Env, database, row};

#[tokio::test]
async fn stream_and_collect_all_read_250_rows_once_each() {
    let env = Env::start().await;
    let (_, ds) = database(&env.client, env.root(), "Many", vec![]).await;
    let client = &env.client;
    stream::iter(0..250)
        .map(|n| async move { row(client, ds, &format!("row {n}"), vec![]).await })
        .buffer_unordered(8)
        .collect::<Vec<Page>>()
        .await;

    let first = env
        .client
        .data_sources()
        .query(ds)
        .page_size(100)
        .send()
        .await
        .expect("first page");
    assert_eq!(first.results.len(), 100);
    assert!(first.has_more && first.next_cursor.is_some());

    let all = env
        .client
        .data_sources()
        .query(ds)
        .collect_all()
        .await
        .expect("collect_all");
    assert_eq!(all.len(), 250);
    let ids: HashSet<_> = all.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 250, "no row twice");

    let streamed: Vec<Page> = env
        .client
        .data_sources()
        .query(ds)
        .page_size(40)
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(
        streamed.iter().map(|p| p.id).collect::<Vec<_>>(),
        all.iter().map(|p| p.id).collect::<Vec<_>>()
    );

    // A stream can stop early: only the pages needed are fetched.
    let before = env.client.stats().requests_sent;
    let five: Vec<Page> = env
        .client
        .data_sources()
        .query(ds)
        .page_size(2)
        .stream()
        .take(5)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(five.len(), 5);
    assert_eq!(env.client.stats().requests_sent - before, 3);

    let filtered = env
        .client
        .data_sources()
        .query(ds)
        .filter(Filter::title("Name").ends_with("7"))
        .collect_all()
        .await
        .expect("filtered");
    assert_eq!(filtered.len(), 25, "row 7, 17, ..., 247");
}

#[tokio::test]
async fn scan_all_reads_past_the_row_cap() {
    // Exact timestamps: the scan's created_time windows need distinct creation times,
    // and fill_rows gives each batch one timestamp.
    let env =
        Env::on(TestEmulator::start_with(AppOptions::default().with_exact_timestamps(true)).await);
    let (_, ds) = database(&env.client, env.root(), "Huge", vec![]).await;
    for batch in [4_000, 4_000, 2_050] {
        fill_rows(env.emu.state(), &ds.to_string(), batch);
    }

    let capped = env
        .client
        .data_sources()
        .query(ds)
        .collect_all()
        .await
        .expect("capped query");
    assert_eq!(capped.len(), 10_000, "one query stops at the cap");

    let scanned: Vec<Page> = env
        .client
        .data_sources()
        .query(ds)
        .scan_all()
        .try_collect()
        .await
        .expect("scan_all");
    assert_eq!(scanned.len(), 10_050);
    let ids: HashSet<_> = scanned.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 10_050, "every row exactly once");
}
