//! The report's content as Markdown: summary, projects, overdue projects, activity,
//! insights and AI tools, with the charts referenced as `charts/<name>.png`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::ReportData;
use super::charts::ChartSpec;
use crate::notify::slack::DailySummary;
use crate::typed::{DevActivity, Insight, Project};

/// Project statuses, in the brief's order.
pub const STATUSES: [&str; 4] = ["Active", "In Progress", "Completed", "On Hold"];
/// Project priorities, in the brief's order.
pub const PRIORITIES: [&str; 4] = ["Critical", "High", "Medium", "Low"];
/// Insight severities, worst first.
pub const SEVERITIES: [&str; 3] = ["Critical", "Warning", "Normal"];

/// The moment a report for `date` looks back from: now for today, else the end of that day (UTC).
pub fn as_of(date: Date, now: Timestamp) -> Timestamp {
    let today = now.to_zoned_datetime(TimeZone::UTC).date();
    if date >= today {
        return now;
    }
    date.tomorrow()
        .ok()
        .and_then(|d| d.to_zoned_datetime(TimeZone::UTC).ok())
        .map_or(now, |z| z.timestamp())
}

/// Projects past their Due Date (before `date`) and not Completed, most overdue first.
pub fn overdue(projects: &[Project], date: Date) -> Vec<&Project> {
    let mut late: Vec<&Project> = projects
        .iter()
        .filter(|p| p.status.as_deref() != Some("Completed"))
        .filter(|p| p.due_date.is_some_and(|d| d < date))
        .collect();
    late.sort_by(|a, b| a.due_date.cmp(&b.due_date).then(a.name.cmp(&b.name)));
    late
}

/// Activities in the 24 hours before `as_of`: failures first, then newest first.
pub fn last_day(activities: &[DevActivity], as_of: Timestamp) -> Vec<&DevActivity> {
    let since = as_of - 24.hours();
    let mut recent: Vec<&DevActivity> = activities
        .iter()
        .filter(|a| a.timestamp.is_some_and(|t| t > since && t <= as_of))
        .collect();
    recent.sort_by(|a, b| {
        is_failed(b)
            .cmp(&is_failed(a))
            .then(b.timestamp.cmp(&a.timestamp))
            .then(a.activity.cmp(&b.activity))
    });
    recent
}

fn is_failed(a: &DevActivity) -> bool {
    a.status.as_deref() == Some("Failed")
}

/// The counts of the summary line (and of the Slack summary).
pub fn summary(data: &ReportData, date: Date, as_of: Timestamp) -> DailySummary {
    let recent = last_day(&data.activities, as_of);
    let level = |l: &str| {
        data.insights
            .iter()
            .filter(|i| i.status.as_deref() == Some(l))
            .count()
    };
    DailySummary {
        date: Some(date),
        projects_total: data.projects.len(),
        projects_active: data
            .projects
            .iter()
            .filter(|p| matches!(p.status.as_deref(), Some("Active" | "In Progress")))
            .count(),
        projects_overdue: overdue(&data.projects, date).len(),
        activities_24h: recent.len(),
        failures_24h: recent.iter().filter(|a| is_failed(a)).count(),
        insights_warning: level("Warning"),
        insights_critical: level("Critical"),
        tools_total: data.tools.len(),
        tools_unhealthy: data
            .tools
            .iter()
            .filter(|t| t.health_status.as_deref().is_some_and(|h| h != "Healthy"))
            .count(),
        tools_cost_month: round2(data.tools.iter().filter_map(|t| t.cost).sum()),
        report_url: None,
    }
}

/// The one-sentence summary.
pub fn summary_line(s: &DailySummary) -> String {
    format!(
        "{} projects ({} active, {} overdue) · {} development activities in the last 24 hours \
         ({} failed) · insights: {} critical, {} warning · AI spend this month ${:.2} across {} tools",
        s.projects_total,
        s.projects_active,
        s.projects_overdue,
        s.activities_24h,
        s.failures_24h,
        s.insights_critical,
        s.insights_warning,
        s.tools_cost_month,
        s.tools_total,
    )
}

/// The report body (no title heading: Notion shows the page title), in Markdown.
pub(super) fn body(
    data: &ReportData,
    date: Date,
    now: Timestamp,
    summary: &DailySummary,
    charts: &[ChartSpec],
) -> String {
    let as_of = as_of(date, now);
    let chart = |name: &str| {
        charts
            .iter()
            .find(|c| c.name == name)
            .map(|c| format!("![{}](charts/{})\n\n", c.caption, c.file_name()))
            .unwrap_or_default()
    };
    let mut md = String::new();
    let _ = writeln!(md, "**Summary:** {}\n", summary_line(summary));
    let _ = writeln!(
        md,
        "*Generated {} UTC by `orchestra report daily`.*\n",
        now.to_zoned_datetime(TimeZone::UTC)
            .strftime("%Y-%m-%d %H:%M")
    );
    md.push_str("## Projects by status and priority\n\n");
    md.push_str(&status_priority_table(&data.projects));
    md.push_str(&chart("projects"));
    md.push_str("## Overdue projects\n\n");
    md.push_str(&overdue_section(&data.projects, date));
    md.push_str("## Development activity (last 24 hours)\n\n");
    md.push_str(&activity_section(&last_day(&data.activities, as_of)));
    md.push_str(&chart("activity"));
    md.push_str("## Operational insights\n\n");
    md.push_str(&insights_section(&data.insights));
    md.push_str(&chart("insights"));
    md.push_str("## AI tools (month to date)\n\n");
    md.push_str(&tools_section(data));
    md.push_str(&chart("tools"));
    md
}

/// Escapes a table cell.
fn cell(text: &str) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    one_line.replace('|', "\\|").trim().to_owned()
}

fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut md = format!("| {} |\n", header.join(" | "));
    let _ = writeln!(md, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(md, "| {} |", cells.join(" | "));
    }
    md.push('\n');
    md
}

fn status_priority_table(projects: &[Project]) -> String {
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for p in projects {
        let status = p.status.clone().unwrap_or_else(|| "(none)".to_owned());
        let priority = p.priority.clone().unwrap_or_else(|| "(none)".to_owned());
        *counts.entry((status, priority)).or_default() += 1;
    }
    let mut statuses: Vec<String> = STATUSES.iter().map(|s| (*s).to_owned()).collect();
    let mut priorities: Vec<String> = PRIORITIES.iter().map(|s| (*s).to_owned()).collect();
    for (s, p) in counts.keys() {
        if !statuses.contains(s) {
            statuses.push(s.clone());
        }
        if !priorities.contains(p) {
            priorities.push(p.clone());
        }
    }
    let mut header = vec!["Status"];
    header.extend(priorities.iter().map(String::as_str));
    header.push("Total");
    let mut rows = Vec::new();
    for s in &statuses {
        let mut row = vec![s.clone()];
        let mut total = 0;
        for p in &priorities {
            let n = counts.get(&(s.clone(), p.clone())).copied().unwrap_or(0);
            total += n;
            row.push(n.to_string());
        }
        row.push(total.to_string());
        rows.push(row);
    }
    let mut totals = vec!["**Total**".to_owned()];
    for p in &priorities {
        let n: usize = counts
            .iter()
            .filter(|((_, pr), _)| pr == p)
            .map(|(_, n)| n)
            .sum();
        totals.push(n.to_string());
    }
    totals.push(format!("**{}**", projects.len()));
    rows.push(totals);
    table(&header, &rows)
}

fn overdue_section(projects: &[Project], date: Date) -> String {
    let late = overdue(projects, date);
    if late.is_empty() {
        return "No project is past its due date.\n\n".to_owned();
    }
    let rows: Vec<Vec<String>> = late
        .iter()
        .map(|p| {
            let due = p.due_date.expect("overdue projects have a due date");
            let days = (date - due).get_days();
            vec![
                p.name.clone(),
                due.to_string(),
                format!("{days} days"),
                p.status.clone().unwrap_or_default(),
                p.priority.clone().unwrap_or_default(),
                p.progress.map(|v| format!("{v:.0}%")).unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &[
            "Project", "Due Date", "Late by", "Status", "Priority", "Progress",
        ],
        &rows,
    )
}

fn activity_section(recent: &[&DevActivity]) -> String {
    if recent.is_empty() {
        return "No development activity in the last 24 hours.\n\n".to_owned();
    }
    let rows: Vec<Vec<String>> = recent
        .iter()
        .map(|a| {
            let status = a.status.clone().unwrap_or_default();
            vec![
                if status == "Failed" {
                    "**Failed**".to_owned()
                } else {
                    status
                },
                a.timestamp
                    .map(|t| {
                        t.to_zoned_datetime(TimeZone::UTC)
                            .strftime("%H:%M")
                            .to_string()
                    })
                    .unwrap_or_default(),
                a.activity_type.clone().unwrap_or_default(),
                a.activity.clone(),
                a.repository.clone().unwrap_or_default(),
                a.branch.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &[
            "Status",
            "Time (UTC)",
            "Type",
            "Activity",
            "Repository",
            "Branch",
        ],
        &rows,
    )
}

fn insights_section(insights: &[Insight]) -> String {
    if insights.is_empty() {
        return "No insight collected yet.\n\n".to_owned();
    }
    let mut md = String::new();
    for level in SEVERITIES {
        let mine: Vec<&Insight> = insights
            .iter()
            .filter(|i| i.status.as_deref() == Some(level))
            .collect();
        let _ = writeln!(md, "### {level} ({})\n", mine.len());
        if mine.is_empty() {
            md.push_str("None.\n\n");
            continue;
        }
        for i in mine {
            let value = i
                .current_value
                .map(number)
                .unwrap_or_else(|| "?".to_owned());
            let threshold = i
                .threshold
                .map(|t| format!(" (threshold {})", number(t)))
                .unwrap_or_default();
            let trend = i
                .trend
                .as_deref()
                .map(|t| format!(", {}", t.to_lowercase()))
                .unwrap_or_default();
            let action = i
                .action_required
                .as_deref()
                .filter(|a| !a.is_empty())
                .map(|a| format!(" — {a}"))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "- **{}**: {value}{threshold}{trend}{action}",
                i.metric.replace('*', "\\*")
            );
        }
        md.push('\n');
    }
    md
}

fn tools_section(data: &ReportData) -> String {
    if data.tools.is_empty() {
        return "No AI tool is tracked yet.\n\n".to_owned();
    }
    let mut tools: Vec<_> = data.tools.iter().collect();
    tools.sort_by(|a, b| a.tool_name.cmp(&b.tool_name));
    let mut rows: Vec<Vec<String>> = tools
        .iter()
        .map(|t| {
            vec![
                t.tool_name.clone(),
                t.provider.clone().unwrap_or_default(),
                t.usage_this_month.map(number).unwrap_or_default(),
                format!("${:.2}", t.cost.unwrap_or(0.0)),
                t.last_used.map(|d| d.to_string()).unwrap_or_default(),
                t.health_status.clone().unwrap_or_default(),
                if t.api_key_status { "set" } else { "missing" }.to_owned(),
            ]
        })
        .collect();
    let usage: f64 = tools.iter().filter_map(|t| t.usage_this_month).sum();
    let cost: f64 = tools.iter().filter_map(|t| t.cost).sum();
    rows.push(vec![
        "**Total**".to_owned(),
        String::new(),
        number(usage),
        format!("**${cost:.2}**"),
        String::new(),
        String::new(),
        String::new(),
    ]);
    table(
        &[
            "Tool",
            "Provider",
            "Usage this month",
            "Cost",
            "Last used",
            "Health",
            "API key",
        ],
        &rows,
    )
}

/// A number without needless decimals, with thousands separators for large integers.
pub(super) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{}", (v * 100.0).round() / 100.0)
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
