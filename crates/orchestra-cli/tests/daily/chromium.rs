//! The HTML report renders in headless Chromium with its chart images loaded.
//!
//! Runs when `chromium` is on PATH; skipped with a printed reason otherwise, unless
//! `ORCHESTRA_REQUIRE_CHROMIUM=1` (set by `.ci/run`), which makes it mandatory.

use std::path::Path;
use std::process::Command;

use notion_emulator::testing::TestEmulator;

use super::{daily, workspace};

fn chromium() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|candidate| candidate.is_file())
}

fn dump_dom(chromium: &Path, html: &Path) -> String {
    let profile = tempfile::tempdir().expect("profile");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn html_report_renders_in_headless_chromium_with_its_charts() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var("ORCHESTRA_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "ORCHESTRA_REQUIRE_CHROMIUM=1 but chromium is not on PATH"
        );
        println!("skipped: chromium is not on PATH (apt-get install -y chromium)");
        return;
    };
    let emu = TestEmulator::start().await;
    let dir = workspace(&emu);
    let first = daily(&emu, dir.path());
    let html = dir.path().join(
        first["report"]["files"]["html"]
            .as_str()
            .expect("html path"),
    );
    let dom = dump_dom(&chromium, &html.canonicalize().expect("absolute"));
    assert!(
        dom.contains("data-loaded=\"true\""),
        "the load event ran: {dom}"
    );
    let widths: Vec<u32> = dom
        .split("data-natural-width=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(widths.len(), 4, "four chart images: {dom}");
    assert!(
        widths.iter().all(|w| *w == orchestra::report::SIZE.0),
        "every chart decoded at its real width: {widths:?}"
    );
    emu.stop().await;
}
