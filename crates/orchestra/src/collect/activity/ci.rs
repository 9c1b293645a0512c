//! `orchestra log ci`: the current GitHub Actions run, from its `GITHUB_*` variables.

use jiff::Timestamp;

use super::entry::{ActivityEntry, ActivityKind, ActivityStatus};
use crate::error::{Error, Result};
use crate::typed::DevActivity;

/// A GitHub Actions job's outcome (`${{ job.status }}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiOutcome {
    /// `success`.
    Success,
    /// `failure`.
    Failure,
    /// `cancelled`.
    Cancelled,
}

impl CiOutcome {
    /// Parses `success`, `failure` or `cancelled` (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "success" => Some(Self::Success),
            "failure" | "failed" => Some(Self::Failure),
            "cancelled" | "canceled" => Some(Self::Cancelled),
            _ => None,
        }
    }

    /// The activity Status: a cancelled run counts as failed.
    pub fn status(self) -> ActivityStatus {
        match self {
            Self::Success => ActivityStatus::Success,
            Self::Failure | Self::Cancelled => ActivityStatus::Failed,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Failure => "failure",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The current workflow run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiRun {
    /// `GITHUB_WORKFLOW`.
    pub workflow: String,
    /// `GITHUB_RUN_ID`.
    pub run_id: String,
    /// `GITHUB_RUN_ATTEMPT` (default 1).
    pub attempt: String,
    /// `GITHUB_REPOSITORY` (`owner/name`).
    pub repository: String,
    /// `GITHUB_REF_NAME`.
    pub ref_name: Option<String>,
    /// `GITHUB_SHA`.
    pub sha: Option<String>,
    /// `GITHUB_SERVER_URL` (default `https://github.com`).
    pub server_url: String,
    /// `GITHUB_JOB`.
    pub job: Option<String>,
}

impl CiRun {
    /// Reads the run from the environment through `var` (e.g. `|k| std::env::var(k).ok()`).
    ///
    /// # Errors
    /// [`Error::Collect`] when `GITHUB_RUN_ID` or `GITHUB_REPOSITORY` is missing: not
    /// running in GitHub Actions.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let get = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let missing: Vec<&str> = ["GITHUB_RUN_ID", "GITHUB_REPOSITORY"]
            .into_iter()
            .filter(|name| get(name).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(Error::Collect(format!(
                "`orchestra log ci` records the current GitHub Actions run, but this is not \
                 GitHub Actions ({} not set); use `orchestra log build|deploy|test` elsewhere",
                missing.join(" and ")
            )));
        }
        Ok(Self {
            workflow: get("GITHUB_WORKFLOW").unwrap_or_else(|| "workflow".to_owned()),
            run_id: get("GITHUB_RUN_ID").unwrap_or_default(),
            attempt: get("GITHUB_RUN_ATTEMPT").unwrap_or_else(|| "1".to_owned()),
            repository: get("GITHUB_REPOSITORY").unwrap_or_default(),
            ref_name: get("GITHUB_REF_NAME"),
            sha: get("GITHUB_SHA"),
            server_url: get("GITHUB_SERVER_URL")
                .map(|u| u.trim_end_matches('/').to_owned())
                .unwrap_or_else(|| "https://github.com".to_owned()),
            job: get("GITHUB_JOB"),
        })
    }

    /// The Activity ID: run id and attempt.
    pub fn key(&self) -> String {
        format!("ci:{}:{}:{}", self.repository, self.run_id, self.attempt)
    }

    /// The run's page on GitHub.
    pub fn link(&self) -> String {
        format!(
            "{}/{}/actions/runs/{}/attempts/{}",
            self.server_url, self.repository, self.run_id, self.attempt
        )
    }

    /// The activity row: a Build, with the given status (or the outcome's), at `now`.
    pub fn entry(
        &self,
        status: Option<ActivityStatus>,
        outcome: Option<CiOutcome>,
        now: Timestamp,
    ) -> ActivityEntry {
        let status = status
            .or_else(|| outcome.map(CiOutcome::status))
            .unwrap_or(ActivityStatus::InProgress);
        let mut details = vec![format!("Workflow {:?}", self.workflow)];
        if let Some(job) = &self.job {
            details.push(format!("job {job}"));
        }
        details.push(format!("run {} attempt {}", self.run_id, self.attempt));
        if let Some(sha) = &self.sha {
            details.push(format!("commit {}", sha.get(..7).unwrap_or(sha)));
        }
        if let Some(outcome) = outcome {
            details.push(format!("outcome {}", outcome.as_str()));
        }
        ActivityEntry {
            id: self.key(),
            row: DevActivity {
                activity: format!("CI {} on {}", self.workflow, self.repository),
                activity_type: Some(ActivityKind::Build.as_str().to_owned()),
                author: Vec::new(),
                repository: Some(self.repository.clone()),
                branch: self.ref_name.clone(),
                status: Some(status.as_str().to_owned()),
                timestamp: Some(now),
                details: Some(details.join(", ")),
                link: Some(self.link()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn outside_github_actions_the_error_says_so() {
        let err = CiRun::from_env(|_| None).expect_err("no env");
        assert!(err.to_string().contains("not GitHub Actions"), "{err}");
        assert!(err.to_string().contains("GITHUB_RUN_ID"), "{err}");
    }

    #[test]
    fn a_failed_run_is_a_failed_build_keyed_by_run_and_attempt() {
        let env: HashMap<&str, &str> = [
            ("GITHUB_RUN_ID", "42"),
            ("GITHUB_RUN_ATTEMPT", "2"),
            ("GITHUB_REPOSITORY", "acme/api"),
            ("GITHUB_WORKFLOW", "CI"),
            ("GITHUB_REF_NAME", "main"),
        ]
        .into();
        let run = CiRun::from_env(|k| env.get(k).map(|v| (*v).to_owned())).expect("run");
        let now = "2026-05-04T10:00:00Z".parse().expect("time");
        let entry = run.entry(None, CiOutcome::parse("failure"), now);
        assert_eq!(entry.id, "ci:acme/api:42:2");
        assert_eq!(entry.row.status.as_deref(), Some("Failed"));
        assert_eq!(entry.row.branch.as_deref(), Some("main"));
        assert_eq!(
            entry.row.link.as_deref(),
            Some("https://github.com/acme/api/actions/runs/42/attempts/2")
        );
        assert!(entry.row.is_alerting_failure());
    }
}
