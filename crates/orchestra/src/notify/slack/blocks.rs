//! Block Kit messages.

use serde_json::{Value, json};

use super::alert::{Alert, Severity};
use super::summary::DailySummary;

/// Slack's limit for a header's text.
const HEADER_MAX: usize = 150;
/// Slack's limit for a section's text.
const SECTION_MAX: usize = 3000;

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Escapes `&`, `<` and `>` for mrkdwn.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn header(text: &str) -> Value {
    json!({"type": "header", "text": {"type": "plain_text", "text": clip(text, HEADER_MAX), "emoji": true}})
}

fn section(mrkdwn: &str) -> Value {
    json!({"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn, SECTION_MAX)}})
}

fn button(label: &str, url: &str) -> Value {
    json!({"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": label}, "url": url}
    ]})
}

/// The daily summary message.
pub fn summary_message(s: &DailySummary) -> Value {
    let day = s
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "today".to_owned());
    let title = format!("Orchestra daily report: {day}");
    let headline = if s.failures_24h + s.insights_critical == 0 {
        "All clear.".to_owned()
    } else {
        format!(
            "{} failure(s) in the last 24 hours, {} critical insight(s).",
            s.failures_24h, s.insights_critical
        )
    };
    let field =
        |name: &str, value: String| json!({"type": "mrkdwn", "text": format!("*{name}*\n{value}")});
    let mut blocks = vec![
        header(&title),
        section(&escape(&headline)),
        json!({"type": "section", "fields": [
            field("Projects", format!("{} ({} active, {} overdue)", s.projects_total, s.projects_active, s.projects_overdue)),
            field("Activity (24 h)", format!("{} ({} failed)", s.activities_24h, s.failures_24h)),
            field("Insights", format!("{} critical, {} warning", s.insights_critical, s.insights_warning)),
            field("AI tools", format!("{} tracked, {} unhealthy, ${:.2} this month", s.tools_total, s.tools_unhealthy, s.tools_cost_month)),
        ]}),
    ];
    if let Some(url) = &s.report_url {
        blocks.push(button("Open the report", url));
    }
    json!({"text": format!("{title}. {headline}"), "blocks": blocks})
}

/// One alert message.
pub fn alert_message(alert: &Alert) -> Value {
    let icon = match alert.severity {
        Severity::Critical => "🔴",
        Severity::Failure => "❌",
    };
    let title = format!("{icon} {}", alert.title);
    let mut blocks = vec![header(&title), section(&escape(&alert.text))];
    if let Some(link) = &alert.link {
        blocks.push(button("Open", link));
    }
    blocks.push(json!({"type": "context", "elements": [
        {"type": "mrkdwn", "text": "Sent by Orchestra for Notion"}
    ]}));
    json!({"text": alert.title, "blocks": blocks})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_headers_are_clipped_and_text_escaped() {
        let alert = Alert {
            title: "x".repeat(400),
            text: "a < b & c".to_owned(),
            severity: Severity::Failure,
            link: None,
        };
        let message = alert_message(&alert);
        let header = message["blocks"][0]["text"]["text"]
            .as_str()
            .expect("header");
        assert_eq!(header.chars().count(), HEADER_MAX);
        assert_eq!(
            message["blocks"][1]["text"]["text"].as_str(),
            Some("a &lt; b &amp; c")
        );
    }
}
