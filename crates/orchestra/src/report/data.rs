//! What the daily report reads: every row of Project Overview, the Development Activity
//! Log, Operational Insights and the AI Tools Coordination Hub, as typed rows.

use notion_model::Page;

use crate::error::Result;
use crate::record::{LiveSchema, page_record};
use crate::typed::{AiTool, DevActivity, Insight, Project, Row};
use crate::workspace::Workspace;

/// The rows a report is built from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportData {
    /// Project Overview.
    pub projects: Vec<Project>,
    /// Development Activity Log.
    pub activities: Vec<DevActivity>,
    /// Operational Insights.
    pub insights: Vec<Insight>,
    /// AI Tools Coordination Hub.
    pub tools: Vec<AiTool>,
}

/// Reads the four databases (one schema read and a paginated query each).
///
/// # Errors
/// A database is not provisioned, or the API fails.
pub async fn load_data(workspace: &Workspace) -> Result<ReportData> {
    Ok(ReportData {
        projects: rows(workspace).await?,
        activities: rows(workspace).await?,
        insights: rows(workspace).await?,
        tools: rows(workspace).await?,
    })
}

async fn rows<R: Row>(workspace: &Workspace) -> Result<Vec<R>> {
    let (_, data_source) = workspace.database(R::DATABASE)?;
    let client = workspace.client();
    let source = client.data_sources().retrieve(data_source).await?;
    let live = LiveSchema::from_data_source(&source);
    let pages: Vec<Page> = client
        .data_sources()
        .query(data_source)
        .page_size(100)
        .collect_all()
        .await?;
    Ok(pages
        .iter()
        .filter(|p| !p.in_trash)
        .map(|p| R::from_record(&page_record(p, &live)))
        .collect())
}
