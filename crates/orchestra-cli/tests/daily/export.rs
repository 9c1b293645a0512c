//! `orchestra export` of the report page, as Markdown and as HTML.

use notion_emulator::testing::TestEmulator;

use super::{daily, orchestra, workspace};
use crate::collect::json;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

#[tokio::test(flavor = "multi_thread")]
async fn export_of_the_report_page_downloads_the_chart_images() {
    let emu = TestEmulator::start().await;
    let dir = workspace(&emu);
    let first = daily(&emu, dir.path());
    let page_id = first["report"]["page"]["page_id"]
        .as_str()
        .expect("page id")
        .to_owned();
    for (format, out) in [("md", "export-md"), ("html", "export-html")] {
        let run = orchestra(
            &emu,
            dir.path(),
            &[
                "--json", "export", &page_id, "--format", format, "--out", out,
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let report = json(&run);
        let main = dir.path().join(report["main"].as_str().expect("main"));
        assert!(main.extension().is_some_and(|e| e == format), "{main:?}");
        let text = std::fs::read_to_string(&main).expect("main file");
        assert!(text.contains("Projects by status and priority"), "{text}");
        let downloads = report["downloads"].as_array().expect("downloads");
        assert_eq!(downloads.len(), 4, "{report:#}");
        for file in downloads {
            let path = dir.path().join(file.as_str().expect("path"));
            let bytes = std::fs::read(&path).expect("downloaded chart");
            assert!(bytes.starts_with(PNG), "{path:?} is a PNG");
            let relative = path
                .strip_prefix(main.parent().expect("folder"))
                .expect("next to the output")
                .to_string_lossy()
                .into_owned();
            let reference = match format {
                "md" => format!("]({relative})"),
                _ => format!("src=\"{relative}\""),
            };
            assert!(text.contains(&reference), "{reference} in {text}");
        }
    }
    emu.stop().await;
}
