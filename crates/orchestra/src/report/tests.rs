//! Unit tests of the report's content and charts.

use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::typed::{AiTool, DevActivity, Insight, Project};

fn project(name: &str, status: &str, priority: &str, due: &str) -> Project {
    Project {
        name: name.to_owned(),
        status: Some(status.to_owned()),
        priority: Some(priority.to_owned()),
        due_date: Some(due.parse().expect("date")),
        ..Project::default()
    }
}

fn activity(name: &str, status: &str, at: &str) -> DevActivity {
    DevActivity {
        activity: name.to_owned(),
        activity_type: Some("Deploy".to_owned()),
        status: Some(status.to_owned()),
        timestamp: Some(at.parse().expect("timestamp")),
        ..DevActivity::default()
    }
}

fn data() -> ReportData {
    ReportData {
        projects: vec![
            project("Late and open", "Active", "High", "2026-11-01"),
            project("Late but done", "Completed", "Low", "2026-10-01"),
            project("Later", "In Progress", "Critical", "2026-12-31"),
        ],
        activities: vec![
            activity("old", "Failed", "2026-11-24T09:00:00Z"),
            activity("ok recent", "Success", "2026-11-26T09:00:00Z"),
            activity("failed earlier", "Failed", "2026-11-25T12:00:00Z"),
        ],
        insights: vec![Insight {
            metric: "Latency".to_owned(),
            current_value: Some(1500.0),
            threshold: Some(800.0),
            status: Some("Critical".to_owned()),
            ..Insight::default()
        }],
        tools: vec![AiTool {
            tool_name: "OpenAI".to_owned(),
            cost: Some(12.345),
            health_status: Some("Healthy".to_owned()),
            ..AiTool::default()
        }],
    }
}

fn now() -> Timestamp {
    "2026-11-26T10:00:00Z".parse().expect("now")
}

#[test]
fn overdue_means_past_due_and_not_completed() {
    let data = data();
    let late: Vec<&str> = overdue(&data.projects, date(2026, 11, 26))
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(late, ["Late and open"]);
}

#[test]
fn last_day_lists_failures_first_then_newest() {
    let data = data();
    let names: Vec<&str> = last_day(&data.activities, now())
        .iter()
        .map(|a| a.activity.as_str())
        .collect();
    assert_eq!(names, ["failed earlier", "ok recent"]);
}

#[test]
fn a_past_day_is_seen_from_its_end() {
    assert_eq!(
        as_of(date(2026, 11, 25), now()),
        "2026-11-26T00:00:00Z".parse::<Timestamp>().expect("ts")
    );
    assert_eq!(as_of(date(2026, 11, 26), now()), now());
}

#[test]
fn the_report_has_every_section_and_references_its_charts() {
    let report = DailyReport::build(&data(), date(2026, 11, 26), now());
    assert_eq!(report.title, "Daily Report 2026-11-26");
    assert_eq!(report.summary.projects_overdue, 1);
    assert_eq!(report.summary.failures_24h, 1);
    assert_eq!(report.summary.insights_critical, 1);
    assert!((report.summary.tools_cost_month - 12.35).abs() < 1e-9);
    for section in [
        "**Summary:** 3 projects (2 active, 1 overdue)",
        "## Projects by status and priority",
        "| Active | 0 | 1 | 0 | 0 | 1 |",
        "## Overdue projects",
        "| Late and open | 2026-11-01 | 25 days |",
        "## Development activity (last 24 hours)",
        "### Critical (1)",
        "- **Latency**: 1,500 (threshold 800)",
        "## AI tools (month to date)",
        "| **Total** |",
    ] {
        assert!(
            report.markdown.contains(section),
            "{section:?} in\n{}",
            report.markdown
        );
    }
    for chart in &report.charts {
        assert!(
            report
                .markdown
                .contains(&format!("](charts/{})", chart.file_name()))
        );
    }
    let blocks =
        notion_markdown::markdown_to_blocks(&report.markdown, &notion_markdown::Options::new());
    assert!(
        blocks
            .blocks
            .iter()
            .any(|b| b.type_name.as_ref().is_some_and(|t| t.as_ref() == "table"))
    );
}

#[test]
fn charts_render_to_png_with_embedded_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = DailyReport::build(&data(), date(2026, 11, 26), now());
    let files = report.write_local(dir.path()).expect("write");
    assert_eq!(files.charts.len(), 4);
    for chart in &files.charts {
        let bytes = std::fs::read(chart).expect("chart");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(
            bytes.len() > 5_000,
            "{chart:?} has content: {} bytes",
            bytes.len()
        );
    }
    let html = std::fs::read_to_string(&files.html).expect("html");
    assert!(html.contains("<img src=\"charts/projects.png\""));
    let markdown = std::fs::read_to_string(&files.markdown).expect("md");
    assert!(markdown.starts_with("# Daily Report 2026-11-26\n"));
}
