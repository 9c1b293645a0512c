//! Throughput and latency of the emulator over real HTTP, in one process.
//!
//! Run with `cargo bench -p notion-emulator --bench throughput` (release profile).
//! `THROUGHPUT_QUICK=1` shortens every phase (a smoke run, numbers not meaningful);
//! `THROUGHPUT_ROWS=N` queries only a data source of `N` rows (200 runs), e.g. for profiling.
//!
//! For an in-memory database and for a temporary database file (what users of the binary get),
//! it measures:
//! - `GET /v1/pages/{id}` on existing data-source rows, from `CONCURRENCY` client tasks;
//! - `POST /v1/pages` into a data source with a realistic schema (title, select, number, date,
//!   multi_select, rich_text), from `CONCURRENCY` client tasks;
//! - `POST /v1/data_sources/{id}/query` with a compound filter (select equals + number
//!   greater_than), two sorts and `page_size` 100, on 10,000 and 100,000 rows: one client
//!   (latency of one query on an idle server) and `CONCURRENCY` clients, plus the first query
//!   after filling, after a write in another data source (the row cache survives it) and after
//!   updating one of its rows (the row cache patches that row in). The rows are created
//!   with `testing::fill_rows_with`, the code of `POST /v1/pages` run in one transaction.

use std::time::{Duration, Instant};

use notion_emulator::testing::{TestEmulator, fill_rows_with};
use notion_emulator::{AppOptions, AppState};
use reqwest::Client;
use serde_json::{Value, json};

/// Client tasks sending requests at the same time.
const CONCURRENCY: usize = 8;
const STATUSES: [&str; 5] = ["Backlog", "Active", "Blocked", "Review", "Done"];
const TAGS: [&str; 6] = ["api", "ui", "infra", "docs", "bug", "perf"];

/// How long and how often each phase runs.
struct Plan {
    retrieve_for: Duration,
    create_for: Duration,
    /// (rows in the data source, query runs per client setting).
    query_sizes: Vec<(usize, usize)>,
}

impl Plan {
    fn from_env() -> Self {
        let mut plan = Self::base();
        if let Some(rows) = std::env::var("THROUGHPUT_ROWS")
            .ok()
            .and_then(|rows| rows.parse().ok())
        {
            plan.query_sizes = vec![(rows, 200)];
        }
        plan
    }

    fn base() -> Self {
        if std::env::var_os("THROUGHPUT_QUICK").is_some() {
            Self {
                retrieve_for: Duration::from_millis(500),
                create_for: Duration::from_millis(500),
                query_sizes: vec![(1_000, 20)],
            }
        } else {
            Self {
                retrieve_for: Duration::from_secs(5),
                create_for: Duration::from_secs(3),
                query_sizes: vec![(10_000, 200), (100_000, 40)],
            }
        }
    }
}

/// Sorted request latencies of one phase.
struct Latencies {
    sorted: Vec<Duration>,
    elapsed: Duration,
}

impl Latencies {
    fn new(mut all: Vec<Duration>, elapsed: Duration) -> Self {
        all.sort_unstable();
        Self {
            sorted: all,
            elapsed,
        }
    }

    fn per_second(&self) -> f64 {
        self.sorted.len() as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        if self.sorted.is_empty() {
            return f64::NAN;
        }
        let rank = ((self.sorted.len() - 1) as f64 * p).round() as usize;
        self.sorted[rank].as_secs_f64() * 1000.0
    }
}

/// One emulator and a client for it.
struct Target {
    emulator: TestEmulator,
    client: Client,
    base: String,
}

impl Target {
    async fn start(db: &str) -> Self {
        let state = AppState::open(db, AppOptions::default()).expect("open the database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let emulator = TestEmulator::start_on(listener, state);
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            "authorization",
            format!("Bearer {}", emulator.token())
                .parse()
                .expect("header value"),
        );
        headers.insert(
            "notion-version",
            "2025-09-03".parse().expect("header value"),
        );
        let client = Client::builder()
            .default_headers(headers)
            .pool_max_idle_per_host(CONCURRENCY * 2)
            .build()
            .expect("reqwest client");
        let base = emulator.base_url();
        Self {
            emulator,
            client,
            base,
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<&Value>) -> Value {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let value: Value = response.json().await.expect("JSON response");
        assert!(status.is_success(), "{path} answered {status}: {value}");
        value
    }

    /// A database with the realistic schema; returns its data source id.
    async fn data_source(&self, title: &str) -> String {
        let options =
            |names: &[&str]| json!(names.iter().map(|n| json!({"name": n})).collect::<Vec<_>>());
        let body = json!({
            "parent": {"page_id": self.emulator.root_page_id()},
            "title": [{"text": {"content": title}}],
            "initial_data_source": {"properties": {
                "Name": {"title": {}},
                "Status": {"select": {"options": options(&STATUSES)}},
                "Priority": {"number": {"format": "number"}},
                "Due": {"date": {}},
                "Tags": {"multi_select": {"options": options(&TAGS)}},
                "Notes": {"rich_text": {}},
            }},
        });
        let database = self
            .send(reqwest::Method::POST, "/v1/databases", Some(&body))
            .await;
        database["data_sources"][0]["id"]
            .as_str()
            .expect("data source id")
            .to_owned()
    }
}

/// The request `properties` of row `n`.
fn row_properties(n: usize) -> Value {
    let day = 1 + (n * 7) % 28;
    let month = 1 + (n * 5) % 12;
    json!({
        "Name": {"title": [{"text": {"content": format!("Task {n}")}}]},
        "Status": {"select": {"name": STATUSES[n % STATUSES.len()]}},
        "Priority": {"number": (n * 37) % 100},
        "Due": {"date": {"start": format!("2025-{month:02}-{day:02}")}},
        "Tags": {"multi_select": [{"name": TAGS[n % TAGS.len()]}, {"name": TAGS[(n / 7) % TAGS.len()]}]},
        "Notes": {"rich_text": [{"text": {"content": format!("Notes for task {n}: keep it short.")}}]},
    })
}

fn query_body() -> Value {
    json!({
        "filter": {"and": [
            {"property": "Status", "select": {"equals": "Active"}},
            {"property": "Priority", "number": {"greater_than": 50}},
        ]},
        "sorts": [
            {"property": "Due", "direction": "descending"},
            {"property": "Name", "direction": "ascending"},
        ],
        "page_size": 100,
    })
}

/// Runs `request(i)` from `tasks` client tasks until `deadline` passes or `total` requests were
/// sent; returns every latency.
async fn drive<F, Fut>(tasks: usize, limit: Limit, request: F) -> Latencies
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let started = Instant::now();
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut handles = Vec::with_capacity(tasks);
    for _ in 0..tasks {
        let request = request.clone();
        let counter = counter.clone();
        handles.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let done = match limit {
                    Limit::For(duration) => started.elapsed() >= duration,
                    Limit::Runs(runs) => i >= runs,
                };
                if done {
                    break;
                }
                let sent = Instant::now();
                request(i).await;
                latencies.push(sent.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for handle in handles {
        all.extend(handle.await.expect("client task"));
    }
    Latencies::new(all, started.elapsed())
}

#[derive(Debug, Clone, Copy)]
enum Limit {
    For(Duration),
    Runs(usize),
}

/// One line of the report.
struct Line {
    database: &'static str,
    what: String,
    clients: usize,
    latencies: Latencies,
}

fn print_table(lines: &[Line]) {
    println!();
    println!(
        "{:<8} {:<44} {:>7} {:>8} {:>10} {:>9} {:>9}",
        "db", "operation", "clients", "requests", "req/s", "p50 ms", "p99 ms"
    );
    for line in lines {
        println!(
            "{:<8} {:<44} {:>7} {:>8} {:>10.0} {:>9.2} {:>9.2}",
            line.database,
            line.what,
            line.clients,
            line.latencies.sorted.len(),
            line.latencies.per_second(),
            line.latencies.percentile_ms(0.50),
            line.latencies.percentile_ms(0.99),
        );
    }
}

async fn bench_database(database: &'static str, path: &str, plan: &Plan, lines: &mut Vec<Line>) {
    let target = std::sync::Arc::new(Target::start(path).await);
    let source = target.data_source("Tasks").await;

    // (a) retrieve existing rows.
    let state = target.emulator.state().clone();
    let fill_source = source.clone();
    tokio::task::spawn_blocking(move || {
        fill_rows_with(&state, &fill_source, 1_000, row_properties)
    })
    .await
    .expect("fill");
    let listed = target
        .send(
            reqwest::Method::POST,
            &format!("/v1/data_sources/{source}/query"),
            Some(&json!({"page_size": 100})),
        )
        .await;
    let ids: std::sync::Arc<Vec<String>> = std::sync::Arc::new(
        listed["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|page| page["id"].as_str().expect("page id").to_owned())
            .collect(),
    );
    let client = target.clone();
    let latencies = drive(CONCURRENCY, Limit::For(plan.retrieve_for), move |i| {
        let target = client.clone();
        let ids = ids.clone();
        async move {
            let path = format!("/v1/pages/{}", ids[i % ids.len()]);
            target.send(reqwest::Method::GET, &path, None).await;
        }
    })
    .await;
    report(
        lines,
        database,
        "GET /v1/pages/{id}".into(),
        CONCURRENCY,
        latencies,
    );

    // (b) create rows.
    let client = target.clone();
    let create_source = source.clone();
    let latencies = drive(CONCURRENCY, Limit::For(plan.create_for), move |i| {
        let target = client.clone();
        let body =
            json!({"parent": {"data_source_id": create_source}, "properties": row_properties(i)});
        async move {
            target
                .send(reqwest::Method::POST, "/v1/pages", Some(&body))
                .await;
        }
    })
    .await;
    report(
        lines,
        database,
        "POST /v1/pages (6 properties)".into(),
        CONCURRENCY,
        latencies,
    );

    // (c) filtered, sorted queries.
    for &(rows, runs) in &plan.query_sizes {
        let source = target.data_source(&format!("Query {rows}")).await;
        let state = target.emulator.state().clone();
        let fill_source = source.clone();
        let filling = Instant::now();
        tokio::task::spawn_blocking(move || {
            fill_rows_with(&state, &fill_source, rows, row_properties);
        })
        .await
        .expect("fill");
        eprintln!(
            "[{database}] filled {rows} rows in {:.1} s",
            filling.elapsed().as_secs_f64()
        );
        let path = format!("/v1/data_sources/{source}/query");
        let body = std::sync::Arc::new(query_body());
        let first = Instant::now();
        let page = target.send(reqwest::Method::POST, &path, Some(&body)).await;
        let first = first.elapsed();
        assert_eq!(page["results"].as_array().map(Vec::len), Some(100));
        report(
            lines,
            database,
            format!("query {rows} rows, first after a write"),
            1,
            Latencies::new(vec![first], first),
        );
        // A write in another data source keeps this one's row cache.
        let elsewhere = target.data_source(&format!("Elsewhere {rows}")).await;
        let row = json!({"parent": {"data_source_id": elsewhere}, "properties": row_properties(0)});
        target
            .send(reqwest::Method::POST, "/v1/pages", Some(&row))
            .await;
        let after_other = Instant::now();
        target.send(reqwest::Method::POST, &path, Some(&body)).await;
        let after_other = after_other.elapsed();
        report(
            lines,
            database,
            format!("query {rows} rows, 1st after write elsewhere"),
            1,
            Latencies::new(vec![after_other], after_other),
        );
        // Updating one of its rows: the row cache patches that row in, without a full reload.
        let row_id = page["results"][0]["id"].as_str().unwrap_or_default();
        let update = json!({"properties": {"Priority": {"number": 99}}});
        target
            .send(
                reqwest::Method::PATCH,
                &format!("/v1/pages/{row_id}"),
                Some(&update),
            )
            .await;
        let after_own = Instant::now();
        target.send(reqwest::Method::POST, &path, Some(&body)).await;
        let after_own = after_own.elapsed();
        report(
            lines,
            database,
            format!("query {rows} rows, 1st after own row update"),
            1,
            Latencies::new(vec![after_own], after_own),
        );
        for clients in [1, CONCURRENCY] {
            let client = target.clone();
            let path = path.clone();
            let body = body.clone();
            let latencies = drive(clients, Limit::Runs(runs), move |_| {
                let target = client.clone();
                let path = path.clone();
                let body = body.clone();
                async move {
                    target.send(reqwest::Method::POST, &path, Some(&body)).await;
                }
            })
            .await;
            report(
                lines,
                database,
                format!("query {rows} rows (filter+2 sorts, 100/page)"),
                clients,
                latencies,
            );
        }
    }
}

fn report(
    lines: &mut Vec<Line>,
    database: &'static str,
    what: String,
    clients: usize,
    latencies: Latencies,
) {
    let line = Line {
        database,
        what,
        clients,
        latencies,
    };
    eprintln!(
        "[{}] {}: {} requests, {:.0}/s, p50 {:.2} ms, p99 {:.2} ms",
        line.database,
        line.what,
        line.latencies.sorted.len(),
        line.latencies.per_second(),
        line.latencies.percentile_ms(0.50),
        line.latencies.percentile_ms(0.99),
    );
    lines.push(line);
}

fn main() {
    let plan = Plan::from_env();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bench.db");
    let file = file.to_str().expect("UTF-8 temp path").to_owned();
    let mut lines = Vec::new();
    runtime.block_on(async {
        bench_database("memory", ":memory:", &plan, &mut lines).await;
        bench_database("file", &file, &plan, &mut lines).await;
    });
    println!(
        "notion-emulator throughput: server and client in one process, {} CPU(s) available, \
         {CONCURRENCY} client tasks unless noted",
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    print_table(&lines);
}
