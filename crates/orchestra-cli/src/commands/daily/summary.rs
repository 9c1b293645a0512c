//! What the daily job did: one line per step (or JSON with `--json`), then where to
//! look at the report.

use std::path::PathBuf;

use jiff::civil::Date;
use orchestra::sync::SyncReport;
use serde_json::json;

use crate::cli::Output;
use crate::commands::report::{self, Written};
use crate::commands::{say, say_json};

/// The result of one step.
#[derive(Debug, Clone, Default)]
pub(super) struct StepResult {
    pub(super) step: String,
    /// `ok`, `skipped` or `failed`.
    pub(super) status: &'static str,
    pub(super) created: usize,
    pub(super) updated: usize,
    pub(super) unchanged: usize,
    pub(super) failed: usize,
    pub(super) detail: String,
    pub(super) errors: Vec<String>,
    pub(super) warnings: Vec<String>,
    pub(super) posted: usize,
    pub(super) error: Option<String>,
}

impl StepResult {
    pub(super) fn ok(step: &str) -> Self {
        Self {
            step: step.to_owned(),
            status: "ok",
            ..Self::default()
        }
    }

    pub(super) fn skipped(step: &str, why: &str) -> Self {
        Self {
            status: "skipped",
            detail: why.to_owned(),
            ..Self::ok(step)
        }
    }

    pub(super) fn failed(step: &str, err: &anyhow::Error) -> Self {
        let mut result = Self::ok(step);
        result.fail(format!("{err:#}"));
        result
    }

    pub(super) fn from_sync(step: &str, report: &SyncReport) -> Self {
        let mut result = Self::ok(step);
        result.add_sync(report);
        result
    }

    pub(super) fn report(written: &Written) -> Self {
        let mut result = Self::ok("report");
        if written.published.created {
            result.created = 1;
        } else {
            result.updated = 1;
        }
        result.detail = format!(
            "{} page {:?} with {} charts",
            if written.published.created {
                "created"
            } else {
                "updated"
            },
            written.report.title,
            written.published.images
        );
        result
    }

    /// Adds a sync's counts and failed records.
    pub(super) fn add_sync(&mut self, report: &SyncReport) {
        self.created += report.created + report.restored;
        self.updated += report.updated;
        self.unchanged += report.unchanged;
        for record in report.records.iter().filter(|r| r.error.is_some()) {
            self.fail(format!(
                "{}: {}",
                record.key,
                record.error.as_deref().unwrap_or("failed")
            ));
        }
    }

    /// Records a failure (a record or the whole step).
    pub(super) fn fail(&mut self, error: String) {
        self.status = "failed";
        self.failed += 1;
        self.error.get_or_insert_with(|| error.clone());
        self.errors.push(error);
    }

    fn to_json(&self) -> serde_json::Value {
        json!({
            "step": self.step,
            "status": self.status,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "detail": self.detail,
            "errors": self.errors,
            "warnings": self.warnings,
        })
    }

    pub(super) fn posted(&self) -> bool {
        self.posted > 0
    }

    fn counts(&self) -> String {
        if self.status == "skipped" {
            return format!("skipped: {}", self.detail);
        }
        let mut text = format!(
            "{} created, {} updated, {} unchanged, {} failed",
            self.created, self.updated, self.unchanged, self.failed
        );
        if !self.detail.is_empty() {
            text = format!("{} ({text})", self.detail);
        }
        text
    }
}

/// The whole job.
#[derive(Debug)]
pub(super) struct Outcome {
    date: Date,
    steps: Vec<StepResult>,
    pub(super) report: Option<Written>,
    /// The local workspace's file and (now stopped) server URL, when no token was set.
    pub(super) local: Option<(PathBuf, String)>,
}

impl Outcome {
    pub(super) fn new(date: Date) -> Self {
        Self {
            date,
            steps: Vec::new(),
            report: None,
            local: None,
        }
    }

    pub(super) fn push(&mut self, step: StepResult) {
        self.steps.push(step);
    }

    pub(super) fn is_success(&self) -> bool {
        self.steps.iter().all(|s| s.status != "failed")
    }

    pub(super) fn print(&self, output: Output) -> anyhow::Result<()> {
        if output.json {
            return say_json(&json!({
                "date": self.date.to_string(),
                "success": self.is_success(),
                "steps": self.steps.iter().map(StepResult::to_json).collect::<Vec<_>>(),
                "report": self.report.as_ref().map(report::json),
                "local_workspace": self.local.as_ref().map(|(path, _)| path),
            }));
        }
        say(&format!("Daily job for {}:", self.date))?;
        for step in &self.steps {
            let mark = match step.status {
                "ok" => "ok  ",
                "skipped" => "--  ",
                _ => "FAIL",
            };
            say(&format!("  {mark} {:<16} {}", step.step, step.counts()))?;
            for error in &step.errors {
                eprintln!("orchestra: {}: {error}", step.step);
            }
            for warning in &step.warnings {
                eprintln!("orchestra: warning: {}: {warning}", step.step);
            }
        }
        if let Some(written) = &self.report {
            say("")?;
            for line in report::describe(written) {
                say(&line)?;
            }
        }
        if let Some((path, _)) = &self.local {
            say(&format!(
                "Local workspace (no NOTION_API_KEY): {}; browse it with \
                 `orchestra emulator serve --db {}` and GET /v1/pages/<id>, \
                 or export the page: `orchestra export <page id> --format html`.",
                path.display(),
                path.display()
            ))?;
        }
        Ok(())
    }
}
