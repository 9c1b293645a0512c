//! `orchestra tools sync`.

use super::{add_config, initialised, json, run_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tools_sync_sums_the_ledger_and_never_shows_the_key() {
    let (emu, dir) = initialised().await;
    add_config(
        dir.path(),
        Some("sources"),
        "usage_ledger = \"usage.jsonl\"",
    );
    add_config(
        dir.path(),
        None,
        "[[providers]]\nname = \"OpenAI\"\nkey_env = \"TEST_OPENAI_KEY\"\nrate_limit = \"500 RPM\"\n\n\
         [[providers]]\nname = \"Anthropic\"\nkey_env = \"TEST_ANTHROPIC_KEY\"",
    );
    let month = jiff::Timestamp::now().to_string();
    std::fs::write(
        dir.path().join("usage.jsonl"),
        format!(
            "{{\"time\":\"{month}\",\"provider\":\"OpenAI\",\"tokens\":1500,\"cost\":0.75}}\n\
             {{broken\n\
             {{\"time\":\"{month}\",\"provider\":\"OpenAI\",\"tokens\":500,\"cost\":0.25}}\n"
        ),
    )
    .expect("ledger");
    let secret = "sk-test-very-secret-value";
    let run = run_with(
        &emu,
        dir.path(),
        &["tools", "sync", "--json"],
        &[("TEST_OPENAI_KEY", secret)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains(secret) && !run.stderr.contains(secret));
    let out = json(&run);
    assert_eq!(out["sync"]["created"], 2, "{out}");
    let openai = &out["tools"][0];
    assert_eq!(openai["tool_name"], "OpenAI");
    assert_eq!(openai["api_key_status"], true);
    assert_eq!(openai["usage_this_month"], 2000.0);
    assert_eq!(openai["cost"], 1.0);
    assert_eq!(openai["health_status"], "Healthy");
    assert_eq!(out["tools"][1]["api_key_status"], false);
    assert_eq!(out["tools"][1]["health_status"], "Warning");
    assert!(
        out["warnings"].as_array().is_some_and(|w| w
            .iter()
            .any(|w| w.as_str().is_some_and(|w| w.contains("line 2:")))),
        "{out}"
    );

    let again = run_with(
        &emu,
        dir.path(),
        &["tools", "sync", "--json"],
        &[("TEST_OPENAI_KEY", secret)],
    );
    assert_eq!(json(&again)["sync"]["unchanged"], 2, "{}", again.stdout);
}
