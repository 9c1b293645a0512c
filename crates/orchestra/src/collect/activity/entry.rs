//! One activity row and the `orchestra log <kind>` input that makes it.

use jiff::Timestamp;

use super::ACTIVITY_ID;
use super::people::People;
use crate::record::Record;
use crate::typed::{DevActivity, Row};

/// The Type of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    /// A commit.
    Commit,
    /// A deployment.
    Deploy,
    /// A build (CI runs are builds).
    Build,
    /// A test run.
    Test,
    /// A security scan or finding.
    Security,
}

impl ActivityKind {
    /// The select option.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Commit => "Commit",
            Self::Deploy => "Deploy",
            Self::Build => "Build",
            Self::Test => "Test",
            Self::Security => "Security",
        }
    }

    /// Parses a kind, case-insensitively.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Commit,
            Self::Deploy,
            Self::Build,
            Self::Test,
            Self::Security,
        ]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// The Status of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityStatus {
    /// It worked.
    Success,
    /// It failed (alerts are sent for failed deploys, builds and tests).
    Failed,
    /// Still running.
    InProgress,
}

impl ActivityStatus {
    /// The select option.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Success => "Success",
            Self::Failed => "Failed",
            Self::InProgress => "In Progress",
        }
    }

    /// Parses `Success`, `Failed`, `In Progress` (any case; `in-progress` too).
    pub fn parse(text: &str) -> Option<Self> {
        let wanted: String = text
            .trim()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match wanted.as_str() {
            "success" => Some(Self::Success),
            "failed" => Some(Self::Failed),
            "inprogress" => Some(Self::InProgress),
            _ => None,
        }
    }
}

/// A row of the Development Activity Log with its key.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityEntry {
    /// The value of [`ACTIVITY_ID`]: commit SHA, CI run or generated run id.
    pub id: String,
    /// The row.
    pub row: DevActivity,
}

impl ActivityEntry {
    /// The record to sync.
    pub fn to_record(&self) -> Record {
        let mut record = self.row.to_record().set(ACTIVITY_ID, self.id.as_str());
        record.key = Some(self.id.clone());
        record
    }
}

/// What `orchestra log commit|deploy|build|test|security` was given (the brief's
/// `log_deployment`).
#[derive(Debug, Clone, PartialEq)]
pub struct ManualEntry {
    /// The Type.
    pub kind: ActivityKind,
    /// The repository.
    pub repo: String,
    /// The branch.
    pub branch: Option<String>,
    /// The Status.
    pub status: ActivityStatus,
    /// Details.
    pub details: Option<String>,
    /// A GitHub / CI link.
    pub link: Option<String>,
    /// The Activity title; default `"<Kind> <repo>"` (`Deploy orchestra-api`).
    pub title: Option<String>,
    /// A workspace user id, or an e-mail matched against the workspace's users.
    pub author: Option<String>,
    /// The Activity ID; default a generated run id (one row per invocation).
    pub key: Option<String>,
}

impl ManualEntry {
    /// The entry, at `now`; an author e-mail no user has is named in Details instead.
    pub fn into_entry(self, now: Timestamp, people: &People) -> ActivityEntry {
        let title = self
            .title
            .unwrap_or_else(|| format!("{} {}", self.kind.as_str(), self.repo));
        let mut details = self.details;
        let mut author = Vec::new();
        if let Some(who) = self.author.as_deref() {
            match people.resolve(who) {
                Some(id) => author.push(id),
                None => {
                    let note = format!("Author: {who} (no workspace user matches)");
                    details = Some(match details {
                        Some(d) if !d.is_empty() => format!("{d}\n{note}"),
                        _ => note,
                    });
                }
            }
        }
        let id = self.key.unwrap_or_else(|| {
            format!(
                "run:{}:{}-{}",
                self.kind.as_str().to_ascii_lowercase(),
                now.as_nanosecond(),
                std::process::id()
            )
        });
        ActivityEntry {
            id,
            row: DevActivity {
                activity: title,
                activity_type: Some(self.kind.as_str().to_owned()),
                author,
                repository: Some(self.repo),
                branch: self.branch,
                status: Some(self.status.as_str().to_owned()),
                timestamp: Some(now),
                details,
                link: self.link,
            },
        }
    }
}

impl DevActivity {
    /// True for a failed deploy, build or test (what alerts are sent for).
    pub fn is_alerting_failure(&self) -> bool {
        self.status.as_deref() == Some(ActivityStatus::Failed.as_str())
            && matches!(
                self.activity_type.as_deref().and_then(ActivityKind::parse),
                Some(ActivityKind::Deploy | ActivityKind::Build | ActivityKind::Test)
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_statuses_parse_loosely() {
        assert_eq!(ActivityKind::parse("deploy"), Some(ActivityKind::Deploy));
        assert_eq!(ActivityKind::parse("nope"), None);
        assert_eq!(
            ActivityStatus::parse("in-progress"),
            Some(ActivityStatus::InProgress)
        );
        assert_eq!(
            ActivityStatus::parse("In Progress"),
            Some(ActivityStatus::InProgress)
        );
        assert_eq!(
            ActivityStatus::parse("FAILED"),
            Some(ActivityStatus::Failed)
        );
    }

    #[test]
    fn a_manual_entry_names_an_unknown_author_in_details() {
        let now: Timestamp = "2026-05-04T10:00:00Z".parse().expect("time");
        let entry = ManualEntry {
            kind: ActivityKind::Deploy,
            repo: "api".to_owned(),
            branch: Some("main".to_owned()),
            status: ActivityStatus::Failed,
            details: Some("v2".to_owned()),
            link: None,
            title: None,
            author: Some("ghost@example.com".to_owned()),
            key: None,
        }
        .into_entry(now, &People::default());
        assert_eq!(entry.row.activity, "Deploy api");
        assert!(entry.row.author.is_empty());
        assert_eq!(
            entry.row.details.as_deref(),
            Some("v2\nAuthor: ghost@example.com (no workspace user matches)")
        );
        assert!(entry.id.starts_with("run:deploy:"), "{}", entry.id);
        assert!(entry.row.is_alerting_failure());
    }
}
