//! The AI Tools Coordination Hub from providers, a usage ledger and health URLs.

use jiff::Timestamp;
use orchestra::collect::Destination;
use orchestra::collect::tools::{self, Health, check, health_client};
use orchestra::config::Config;
use orchestra::sync::StateStore;
use orchestra::workspace::Workspace;

use super::receiver::Receiver;
use super::rows;
use crate::support::{TestResult, provisioned, reset_stats, stats, writes};

const LEDGER: &str = r#"{"time":"2026-05-02T09:00:00Z","provider":"OpenAI","tool":"gpt-4o","tokens":1200,"cost":0.25}
{"time":"2026-05-03T10:30:00Z","provider":"openai","tool":"gpt-4o-mini","tokens":800,"cost":0.05}
{"time":"2026-04-30T23:59:59Z","provider":"OpenAI","tool":"gpt-4o","tokens":99999,"cost":50}
this line is not JSON
{"time":"2026-05-04T08:00:00Z","provider":"Anthropic","calls":3,"cost":1.5}
{"time":"2026-05-04T08:00:00Z","provider":"Mistral","calls":1}
"#;

fn config(ws: &Workspace, health: &str) -> Workspace {
    let text = format!(
        r#"
[[providers]]
name = "OpenAI"
key_env = "TEST_OPENAI_KEY"
rate_limit = "10,000 RPM"
notes = "Cherry and Sophia"

[[providers]]
name = "Anthropic"
key_env = "TEST_ANTHROPIC_KEY"
health_url = "{health}"

[[providers]]
name = "DeepSeek"
key_env = "TEST_DEEPSEEK_KEY"
per_tool = true
"#
    );
    let mut config = Config::parse(&text, "orchestra.toml".as_ref()).expect("config");
    for (key, ids) in &ws.config().databases {
        config.set_ids(key, ids.clone());
    }
    Workspace::new(ws.client().clone(), config, ws.schema().clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ledger_with_a_bad_line_is_summed_for_this_month() -> TestResult {
    let (emu, ws) = provisioned().await;
    let failing = Receiver::start(503).await;
    let ws = config(&ws, &failing.url);
    let dir = tempfile::tempdir()?;
    let ledger = dir.path().join("usage.jsonl");
    std::fs::write(&ledger, LEDGER)?;
    let state = StateStore::in_memory()?;
    let to = Destination::new(&ws, &state);
    let now: Timestamp = "2026-05-04T12:00:00Z".parse()?;
    let key_is_set = |name: &str| name == "TEST_OPENAI_KEY";

    let run = tools::sync_tools(&to, Some(&ledger), &key_is_set, now).await?;
    assert_eq!(
        (run.report.created, run.report.failed),
        (3, 0),
        "{:?}",
        run.report
    );
    assert!(
        run.warnings.iter().any(|w| w.contains("line 4:")),
        "{:?}",
        run.warnings
    );
    assert!(
        run.warnings.iter().any(|w| w.contains("\"Mistral\"")),
        "{:?}",
        run.warnings
    );
    assert!(
        run.warnings
            .iter()
            .any(|w| w.contains("Anthropic: health check answered 503")),
        "{:?}",
        run.warnings
    );

    let stored = rows(&ws, "tools").await;
    assert_eq!(stored.len(), 3);
    let row = |name: &str| {
        stored
            .iter()
            .find(|r| r.text("Tool Name") == Some(name))
            .unwrap_or_else(|| panic!("{name}: {stored:?}"))
    };
    let openai = row("OpenAI");
    assert_eq!(openai.bool("API Key Status"), Some(true));
    assert_eq!(openai.number("Usage This Month"), Some(2000.0));
    assert_eq!(openai.number("Cost"), Some(0.3));
    assert_eq!(openai.text("Last Used"), Some("2026-05-03"));
    assert_eq!(openai.text("Rate Limit"), Some("10,000 RPM"));
    assert_eq!(openai.text("Health Status"), Some("Healthy"));
    assert_eq!(openai.text("Notes"), Some("Cherry and Sophia"));
    assert_eq!(openai.text("Provider"), Some("OpenAI"));
    let anthropic = row("Anthropic");
    assert_eq!(anthropic.bool("API Key Status"), Some(false));
    assert_eq!(anthropic.number("Usage This Month"), Some(3.0));
    assert_eq!(anthropic.number("Cost"), Some(1.5));
    assert_eq!(anthropic.text("Health Status"), Some("Error"));
    let deepseek = row("DeepSeek");
    assert_eq!(
        deepseek.text("Health Status"),
        Some("Warning"),
        "no key, no URL"
    );
    assert_eq!(deepseek.number("Usage This Month"), Some(0.0));
    assert_eq!(deepseek.text("Last Used"), None);

    reset_stats(&emu).await;
    let again = tools::sync_tools(&to, Some(&ledger), &key_is_set, now).await?;
    assert_eq!(again.report.unchanged, 3, "{:?}", again.report);
    assert!(writes(&stats(&emu).await).is_empty());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_checks_by_status_and_reachability() {
    let client = health_client();
    for (status, expected) in [
        (200, Health::Healthy),
        (204, Health::Healthy),
        (404, Health::Warning),
        (429, Health::Warning),
        (500, Health::Error),
        (503, Health::Error),
    ] {
        let server = Receiver::start(status).await;
        assert_eq!(check(&client, &server.url).await.0, expected, "{status}");
    }
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let closed = format!("http://{}/", listener.local_addr().expect("addr"));
    drop(listener);
    let (health, reason) = check(&client, &closed).await;
    assert_eq!(health, Health::Error);
    assert_eq!(reason, "health check unreachable");
}
