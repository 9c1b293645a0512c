//! The steps of the daily job. A step that fails is reported and the job goes on;
//! only a failed `init` stops it.

use std::path::Path;

use anyhow::{Context, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use orchestra::collect::Destination;
use orchestra::collect::activity::{self, GitImport, People};
use orchestra::collect::insights::{self, CollectOptions, History, history_path};
use orchestra::collect::tools::{env_var_is_set, sync_tools};
use orchestra::kb;
use orchestra::notify::slack::{SlackNotifier, alerts_for};
use orchestra::provision::{self, ApplyOptions};
use orchestra::sync::{
    LocalSource, PullOptions, StateStore, SyncOptions, SyncTarget, pull_into, push_source,
    title_property,
};
use orchestra::typed::{DevActivity, Insight};
use orchestra::workspace::Workspace;

use super::beside_config;
use super::summary::StepResult;
use crate::cli::Output;
use crate::commands::report::{self, Written};
use crate::session::Session;

/// Provisions the databases when any lacks an id (`orchestra init` under the configured
/// parent page, else the local workspace's root), and saves their ids (in the local
/// workspace's ids file when there is no token: the configuration file stays untouched).
pub(super) async fn init(session: &mut Session, _output: Output) -> anyhow::Result<StepResult> {
    let missing: Vec<String> = session
        .schema
        .keys()
        .into_iter()
        .filter(|k| session.config.ids(k).is_none())
        .collect();
    if missing.is_empty() {
        return Ok(StepResult::skipped(
            "init",
            "all seven databases are provisioned",
        ));
    }
    let Some(parent) = session
        .config
        .parent_page()
        .or_else(|| session.local_root())
    else {
        bail!(
            "the databases {} have no ids and no parent page is configured: run \
             `orchestra init --parent <page id or URL>` first",
            missing.join(", ")
        );
    };
    let plan = provision::survey(&session.client, &session.schema, &session.config, parent)
        .await
        .with_context(|| format!("reading the parent page {parent}"))?;
    let mut config = session.config.clone();
    config.notion.parent_page_id = Some(parent.to_string());
    let applied = provision::apply(
        &session.client,
        &session.schema,
        &plan,
        &mut config,
        ApplyOptions {
            repair_drift: false,
        },
        &|_| {},
    )
    .await;
    if config != session.config {
        session.save_ids(&config)?;
        session.config = config;
    }
    let report = applied?;
    if !report.blocked.is_empty() {
        bail!("init is blocked: {}", report.blocked.join("; "));
    }
    let mut result = StepResult::ok("init");
    result.created = report.created.len();
    result.detail = format!("created {}", report.created.join(", "));
    Ok(result)
}

/// Imports the commits of each configured repository; returns the failed rows that
/// changed (for alerts).
pub(super) async fn activity(
    session: &Session,
    workspace: &Workspace,
    state: &StateStore,
) -> (StepResult, Vec<DevActivity>) {
    let repositories = &session.config.sources.repositories;
    if repositories.is_empty() {
        return (
            StepResult::skipped("activity", "no [sources] repositories configured"),
            Vec::new(),
        );
    }
    let people = People::load(workspace.client()).await;
    let to = Destination::new(workspace, state);
    let mut total = StepResult::ok("activity");
    let mut failures = Vec::new();
    for repo in repositories {
        let import = GitImport {
            repo: beside_config(&session.config_path, repo),
            since: None,
            branch: None,
            name: None,
        };
        let outcome = async {
            let entries = activity::import_entries(&import, &people)?;
            let report = activity::log(&to, &entries).await?;
            Ok::<_, orchestra::Error>((entries, report))
        }
        .await;
        match outcome {
            Ok((entries, report)) => {
                let changed = orchestra::collect::changed_keys(&report);
                failures.extend(
                    entries
                        .into_iter()
                        .filter(|e| changed.contains(e.id.as_str()))
                        .map(|e| e.row)
                        .filter(|r| r.status.as_deref() == Some("Failed")),
                );
                total.add_sync(&report);
            }
            Err(err) => total.fail(format!("{}: {err}", import.repo.display())),
        }
    }
    (total, failures)
}

/// Measures this machine and reads the metrics file; returns the critical insights.
pub(super) async fn insights(
    session: &Session,
    workspace: &Workspace,
    state: &StateStore,
) -> (StepResult, Vec<Insight>) {
    let metrics = session
        .config
        .sources
        .metrics
        .as_deref()
        .map(|f| beside_config(&session.config_path, f));
    let folder = session
        .config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .to_owned();
    let outcome = async {
        let history = History::open(&history_path(&session.config_path))?;
        let options = CollectOptions {
            metrics_file: metrics.as_deref(),
            system_folder: Some(folder.as_path()),
        };
        insights::collect(
            &Destination::new(workspace, state),
            &history,
            options,
            Timestamp::now(),
        )
        .await
    }
    .await;
    match outcome {
        Ok(run) => {
            let mut result = StepResult::from_sync("insights", &run.report);
            result.warnings = run.warnings;
            let critical = run
                .insights
                .into_iter()
                .filter(Insight::is_critical)
                .collect();
            (result, critical)
        }
        Err(err) => (StepResult::failed("insights", &err.into()), Vec::new()),
    }
}

/// Fills the AI Tools Coordination Hub from `[[providers]]` and the usage ledger.
pub(super) async fn tools(
    session: &Session,
    workspace: &Workspace,
    state: &StateStore,
) -> StepResult {
    if session.config.providers.is_empty() {
        return StepResult::skipped("tools", "no [[providers]] configured");
    }
    let ledger = session
        .config
        .sources
        .usage_ledger
        .as_deref()
        .map(|f| beside_config(&session.config_path, f));
    let to = Destination::new(workspace, state);
    match sync_tools(&to, ledger.as_deref(), &env_var_is_set, Timestamp::now()).await {
        Ok(run) => {
            let mut result = StepResult::from_sync("tools", &run.report);
            result.warnings = run.warnings;
            result
        }
        Err(err) => StepResult::failed("tools", &err.into()),
    }
}

/// Upserts the projects records file into Project Overview.
pub(super) async fn projects(
    session: &Session,
    workspace: &Workspace,
    state: &StateStore,
) -> StepResult {
    let Some(file) = session.config.sources.projects.as_deref() else {
        return StepResult::skipped("projects", "no [sources] projects file configured");
    };
    let file = beside_config(&session.config_path, file);
    let outcome = async {
        let target = SyncTarget::resolve(workspace, "projects").await?;
        let title = title_property(workspace, &target).await?;
        let source = LocalSource::open(&file, &title)?;
        push_source(
            workspace,
            &target,
            &source,
            state,
            &SyncOptions::default(),
            &|_| {},
        )
        .await
    }
    .await;
    match outcome {
        Ok(report) => StepResult::from_sync("projects", &report.sync),
        Err(err) => StepResult::failed("projects", &err.into()),
    }
}

/// Two-way sync of each persona's folder that exists (pull what changed in Notion, then
/// push the notes and their bodies).
pub(super) async fn knowledge_bases(
    session: &Session,
    workspace: &Workspace,
    state: &StateStore,
) -> Vec<StepResult> {
    let mut results = Vec::new();
    for persona in kb::PERSONAS {
        let step = format!("kb {persona}");
        let folder = kb::folder(&session.config, &session.config_path, persona, None);
        if !folder.is_dir() {
            results.push(StepResult::skipped(&step, "no folder"));
            continue;
        }
        let outcome = async {
            let target = SyncTarget::resolve(workspace, persona).await?;
            let title = title_property(workspace, &target).await?;
            let mut source = LocalSource::open_folder(&folder, &title)?;
            let options = PullOptions::default();
            let pulled = pull_into(workspace, &target, &mut source, state, &options).await?;
            if !pulled.is_success() {
                return Ok(Err(format!(
                    "{} conflict(s) left unresolved; run `orchestra kb sync {persona}`",
                    pulled.unresolved()
                )));
            }
            let pushed = push_source(
                workspace,
                &target,
                &source,
                state,
                &SyncOptions::default(),
                &|_| {},
            )
            .await?;
            Ok::<_, orchestra::Error>(Ok(pushed))
        }
        .await;
        results.push(match outcome {
            Ok(Ok(pushed)) => {
                let mut result = StepResult::from_sync(&step, &pushed.sync);
                for (key, error) in &pushed.body_failures {
                    result.fail(format!("{key}: page content: {error}"));
                }
                result
            }
            Ok(Err(conflicts)) => {
                let mut result = StepResult::ok(&step);
                result.fail(conflicts);
                result
            }
            Err(err) => StepResult::failed(&step, &err.into()),
        });
    }
    results
}

/// Writes the report (local files and the Notion page).
pub(super) async fn report(
    workspace: &Workspace,
    state: &StateStore,
    date: Date,
    out: &Path,
) -> anyhow::Result<Written> {
    report::write(workspace, state, date, out).await
}

/// Posts the daily summary and the alerts; never fails the job.
pub(super) async fn notify(
    workspace: &Workspace,
    written: Option<&Written>,
    failed_activity: &[DevActivity],
    critical: &[Insight],
) -> StepResult {
    let Some(slack) = SlackNotifier::from_env(workspace.config()) else {
        return StepResult::skipped(
            "notify",
            "Slack not configured (set SLACK_WEBHOOK_URL to post the summary)",
        );
    };
    let mut result = StepResult::ok("notify");
    let mut posted = 0;
    if let Some(written) = written {
        let report = slack.post_daily_summary(&written.report.summary).await;
        posted += report.posted;
        result.warnings.extend(report.warnings);
    }
    let alerts = alerts_for(failed_activity, critical);
    let report = slack.post_alerts(&alerts).await;
    posted += report.posted;
    result.warnings.extend(report.warnings);
    result.posted = posted;
    result.detail = format!("{posted} Slack message(s) posted");
    result
}
