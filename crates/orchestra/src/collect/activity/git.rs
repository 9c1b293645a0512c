//! `orchestra log git`: the commits of a local repository, read with the `git` command.

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::Timestamp;

use super::entry::{ActivityEntry, ActivityKind, ActivityStatus};
use super::people::People;
use crate::error::{Error, Result};
use crate::typed::DevActivity;

/// Separates the fields of one commit in `git log` output.
const FIELD: char = '\0';
/// Separates commits in `git log` output.
const RECORD: char = '\u{1e}';

/// What to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitImport {
    /// The repository folder (default: the current directory).
    pub repo: PathBuf,
    /// Only commits more recent than this (anything `git log --since` takes).
    pub since: Option<String>,
    /// The branch to read (default: the checked-out one).
    pub branch: Option<String>,
    /// The Repository value (default: `owner/name` of a GitHub remote, else the folder name).
    pub name: Option<String>,
}

/// One commit as `git log` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitCommit {
    /// The full SHA.
    pub sha: String,
    /// Author name.
    pub author_name: String,
    /// Author e-mail.
    pub author_email: String,
    /// Commit time.
    pub time: Timestamp,
    /// The first line of the message.
    pub subject: String,
}

fn git(repo: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| Error::Git {
            repo: repo.to_owned(),
            message: format!("cannot run git ({e}); is git installed?"),
        })?;
    if !output.status.success() {
        return Err(Error::Git {
            repo: repo.to_owned(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The commits of `import`, newest first, with the branch they were read from.
///
/// # Errors
/// [`Error::Git`] when the folder is not a repository, the branch is unknown or git fails.
pub fn read_commits(import: &GitImport) -> Result<(String, Vec<GitCommit>)> {
    let repo = import.repo.as_path();
    let branch = match &import.branch {
        Some(branch) => branch.clone(),
        None => git(repo, &["rev-parse", "--abbrev-ref", "HEAD"])?
            .trim()
            .to_owned(),
    };
    let format = "--format=%H%x00%an%x00%ae%x00%cI%x00%s%x1e";
    let mut args = vec!["log", format, "--no-color"];
    let since = import.since.as_ref().map(|s| format!("--since={s}"));
    if let Some(since) = &since {
        args.push(since);
    }
    args.push(&branch);
    args.push("--");
    let text = git(repo, &args)?;
    let commits = text
        .split(RECORD)
        .map(|record| record.trim_start_matches(['\n', '\r']))
        .filter(|record| !record.trim().is_empty())
        .map(|record| parse_commit(record, repo))
        .collect::<Result<Vec<_>>>()?;
    Ok((branch, commits))
}

fn parse_commit(record: &str, repo: &Path) -> Result<GitCommit> {
    let fields: Vec<&str> = record.split(FIELD).collect();
    let bad = || Error::Git {
        repo: repo.to_owned(),
        message: format!("unexpected `git log` output: {record:?}"),
    };
    let [sha, name, email, time, subject] = fields.as_slice() else {
        return Err(bad());
    };
    Ok(GitCommit {
        sha: (*sha).to_owned(),
        author_name: (*name).to_owned(),
        author_email: (*email).to_owned(),
        time: time.trim().parse().map_err(|_| bad())?,
        subject: subject.trim_end().to_owned(),
    })
}

/// `https://<host>/<owner>/<repo>` of the `origin` remote when it is GitHub-like.
pub fn github_commit_base(repo: &Path) -> Option<String> {
    let url = git(repo, &["remote", "get-url", "origin"]).ok()?;
    github_base(url.trim())
}

/// `https://<host>/<owner>/<repo>` for a GitHub-like remote URL (https, ssh or scp form).
pub(crate) fn github_base(remote: &str) -> Option<String> {
    let (host, path) = match url::Url::parse(remote) {
        Ok(url) if url.has_host() => (url.host_str()?.to_owned(), url.path().to_owned()),
        _ => {
            let (user_host, path) = remote.split_once(':')?;
            let host = user_host.rsplit_once('@').map_or(user_host, |(_, h)| h);
            (host.to_owned(), path.to_owned())
        }
    };
    if !host.contains("github") {
        return None;
    }
    let path = path.trim_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    let mut parts = path.split('/');
    let (owner, name) = (parts.next()?, parts.next()?);
    if owner.is_empty() || name.is_empty() || parts.next().is_some() {
        return None;
    }
    Some(format!("https://{host}/{owner}/{name}"))
}

/// The Repository value for `import`: the configured name, `owner/name` of the GitHub
/// base, else the folder name.
pub(crate) fn repository_name(import: &GitImport, base: Option<&str>) -> String {
    if let Some(name) = &import.name {
        return name.clone();
    }
    if let Some(base) = base {
        let mut parts = base.rsplit('/');
        if let (Some(name), Some(owner)) = (parts.next(), parts.next()) {
            return format!("{owner}/{name}");
        }
    }
    std::fs::canonicalize(&import.repo)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "repository".to_owned())
}

/// Activity rows for `commits`, keyed by SHA; authors are matched by e-mail, and an
/// author no workspace user matches is named in Details instead.
pub fn commit_entries(
    commits: &[GitCommit],
    repository: &str,
    branch: &str,
    link_base: Option<&str>,
    people: &People,
) -> Vec<ActivityEntry> {
    commits
        .iter()
        .map(|commit| {
            let short = commit.sha.get(..7).unwrap_or(&commit.sha);
            let author = people.resolve(&commit.author_email);
            let details = if author.is_some() {
                format!("Commit {short} by {}", commit.author_name)
            } else {
                format!(
                    "Commit {short} by {} <{}> (no workspace user matches)",
                    commit.author_name, commit.author_email
                )
            };
            let activity = if commit.subject.is_empty() {
                format!("Commit {short}")
            } else {
                commit.subject.clone()
            };
            ActivityEntry {
                id: commit.sha.clone(),
                row: DevActivity {
                    activity,
                    activity_type: Some(ActivityKind::Commit.as_str().to_owned()),
                    author: author.into_iter().collect(),
                    repository: Some(repository.to_owned()),
                    branch: Some(branch.to_owned()),
                    status: Some(ActivityStatus::Success.as_str().to_owned()),
                    timestamp: Some(commit.time),
                    details: Some(details),
                    link: link_base.map(|base| format!("{base}/commit/{}", commit.sha)),
                },
            }
        })
        .collect()
}

/// Reads `import` and turns its commits into activity rows.
///
/// # Errors
/// As [`read_commits`].
pub fn import_entries(import: &GitImport, people: &People) -> Result<Vec<ActivityEntry>> {
    let (branch, commits) = read_commits(import)?;
    let base = github_commit_base(&import.repo);
    let repository = repository_name(import, base.as_deref());
    Ok(commit_entries(
        &commits,
        &repository,
        &branch,
        base.as_deref(),
        people,
    ))
}

#[cfg(test)]
mod tests {
    use super::github_base;

    #[test]
    fn github_remotes_in_every_form_give_the_web_base() {
        for remote in [
            "https://github.com/acme/api.git",
            "https://github.com/acme/api",
            "git@github.com:acme/api.git",
            "ssh://git@github.com/acme/api.git",
            "https://user:token@github.com/acme/api.git",
            "ssh://git@github.com:22/acme/api.git",
        ] {
            assert_eq!(
                github_base(remote).as_deref(),
                Some("https://github.com/acme/api"),
                "{remote}"
            );
        }
        assert_eq!(
            github_base("git@github.example.com:team/svc.git").as_deref(),
            Some("https://github.example.com/team/svc")
        );
        assert_eq!(github_base("https://gitlab.com/acme/api.git"), None);
        assert_eq!(github_base("/srv/git/api.git"), None);
        assert_eq!(
            github_base("git@github.com:1password/cli.git").as_deref(),
            Some("https://github.com/1password/cli")
        );
    }
}
