//! `orchestra daily` twice on the examples.

use notion_emulator::testing::TestEmulator;
use serde_json::{Value, json};

use super::{COMMITS, api, children, daily, workspace};
use crate::support::{admin, write_requests};

/// The rows of each database after the first run.
async fn row_counts(emu: &TestEmulator, config: &std::path::Path) -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(config).expect("config");
    let parsed: toml_like::Config = toml_like::parse(&text);
    let mut counts = Vec::new();
    for (key, data_source) in parsed.data_sources {
        let mut total = 0;
        let mut cursor: Option<String> = None;
        loop {
            let mut body = json!({"page_size": 100});
            if let Some(c) = &cursor {
                body["start_cursor"] = Value::String(c.clone());
            }
            let page = api(
                emu,
                reqwest::Method::POST,
                &format!("/v1/data_sources/{data_source}/query"),
                Some(body),
            )
            .await;
            total += page["results"].as_array().map_or(0, Vec::len);
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        counts.push((key, total));
    }
    counts.sort();
    counts
}

/// The few lines of orchestra.toml these tests read: `[databases.<key>] data_source_id`.
mod toml_like {
    pub(super) struct Config {
        pub(super) data_sources: Vec<(String, String)>,
    }

    pub(super) fn parse(text: &str) -> Config {
        let mut data_sources = Vec::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if let Some(key) = line
                .strip_prefix("[databases.")
                .and_then(|l| l.strip_suffix(']'))
            {
                current = Some(key.to_owned());
            } else if line.starts_with('[') {
                current = None;
            } else if let (Some(key), Some(id)) = (&current, line.strip_prefix("data_source_id = "))
            {
                data_sources.push((key.clone(), id.trim_matches('"').to_owned()));
            }
        }
        Config { data_sources }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn daily_fills_all_seven_databases_and_one_report_page_then_changes_no_row() {
    let emu = TestEmulator::start().await;
    let dir = workspace(&emu);
    let first = daily(&emu, dir.path());
    assert_eq!(first["success"], true, "{first:#}");

    // Exactly the expected rows: the examples' records, notes, providers and metrics,
    // the repository's commits, and this machine's system metrics.
    let system = orchestra::collect::insights::measure_system(dir.path())
        .await
        .len();
    let counts = row_counts(&emu, &dir.path().join("examples/orchestra.toml")).await;
    let expected: Vec<(String, usize)> = vec![
        ("activity".into(), COMMITS),
        ("cherry".into(), 3),
        ("insights".into(), 5 + system),
        ("karen".into(), 2),
        ("projects".into(), 12),
        ("sophia".into(), 3),
        ("tools".into(), 3),
    ];
    assert_eq!(counts, expected);

    // One report page under the root, with one uploaded image block per chart.
    let page = &first["report"]["page"];
    assert_eq!(page["created"], true);
    let page_id = page["page_id"].as_str().expect("page id").to_owned();
    let title = first["report"]["title"].as_str().expect("title").to_owned();
    assert!(title.starts_with("Daily Report "), "{title}");
    let report_pages = |blocks: &[Value]| {
        blocks
            .iter()
            .filter(|b| b["type"] == "child_page" && b["child_page"]["title"] == title.as_str())
            .count()
    };
    assert_eq!(report_pages(&children(&emu, &emu.root_page_id()).await), 1);
    let blocks = children(&emu, &page_id).await;
    let images: Vec<&Value> = blocks.iter().filter(|b| b["type"] == "image").collect();
    assert_eq!(images.len(), 4, "{blocks:#?}");
    for image in &images {
        assert_eq!(
            image["image"]["type"], "file",
            "uploaded, not external: {image}"
        );
        assert!(
            !image["image"]["caption"]
                .as_array()
                .expect("caption")
                .is_empty()
        );
    }
    assert!(
        blocks.iter().any(|b| b["type"] == "table"),
        "the status x priority table"
    );

    // The same day again: no row created or changed; the same page updated.
    admin(
        &emu,
        reqwest::Method::DELETE,
        "/_emulator/stats",
        &Value::Null,
    )
    .await;
    let second = daily(&emu, dir.path());
    assert_eq!(second["report"]["page"]["page_id"], page_id.as_str());
    assert_eq!(second["report"]["page"]["created"], false);
    for step in second["steps"].as_array().expect("steps") {
        if step["step"] != "report" {
            assert_eq!(step["created"], 0, "{step}");
            assert_eq!(step["updated"], 0, "{step}");
        }
    }
    let writes = write_requests(&emu).await;
    assert!(
        !writes.iter().any(|w| w == "\"POST\" \"/v1/pages\""),
        "{writes:#?}"
    );
    let row_patches: Vec<&String> = writes
        .iter()
        .filter(|w| w.starts_with("\"PATCH\" \"/v1/pages/"))
        .collect();
    assert!(row_patches.is_empty(), "{row_patches:#?}");
    assert!(
        writes
            .iter()
            .any(|w| w == "\"PATCH\" \"/v1/blocks/{id}/children\""),
        "the report's content is replaced: {writes:#?}"
    );
    assert_eq!(
        counts,
        row_counts(&emu, &dir.path().join("examples/orchestra.toml")).await
    );
    assert_eq!(report_pages(&children(&emu, &emu.root_page_id()).await), 1);
    assert_eq!(
        children(&emu, &page_id)
            .await
            .iter()
            .filter(|b| b["type"] == "image")
            .count(),
        4
    );
    emu.stop().await;
}
