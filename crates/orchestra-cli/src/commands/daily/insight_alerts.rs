//! The daily job's alerts for Critical insights: the de-duplication rule of
//! `orchestra insights collect` (same state, default quiet period), so a metric the
//! 15-minute collector already alerted about is not posted again by the daily job.

use orchestra::typed::Insight;
use orchestra::workspace::Workspace;

use super::summary::StepResult;
use crate::commands::collect::{daily_alerts, forget_recovered};
use crate::session::Session;

/// After the insights step measured every metric: forgets the alerts of the metrics that
/// are no longer Critical (a failure is a warning of the step).
pub(super) fn forget(result: &mut StepResult, session: &Session, critical: &[Insight]) {
    if let Err(err) = forget_recovered(&session.config_path, critical) {
        result.warnings.push(format!("insight alerts: {err:#}"));
    }
}

/// Posts the alerts of `critical` the rule lets through and adds them to the notify step.
pub(super) async fn post(
    result: &mut StepResult,
    workspace: &Workspace,
    session: &Session,
    critical: &[Insight],
) {
    if critical.is_empty() {
        return;
    }
    match daily_alerts(workspace.config(), &session.config_path, critical).await {
        Ok(Some(alerting)) => {
            result.posted += alerting.report.posted;
            result.warnings.extend(alerting.report.warnings);
            let suppressed = alerting.metrics.len() - alerting.due.len();
            result.detail = format!("{} Slack message(s) posted", result.posted);
            if suppressed > 0 {
                result.detail += &format!(", {suppressed} insight alert(s) already sent");
            }
        }
        Ok(None) => {}
        Err(err) => result.warnings.push(format!("insight alerts: {err:#}")),
    }
}
