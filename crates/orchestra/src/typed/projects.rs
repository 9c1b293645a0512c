//! Project Overview rows.

use jiff::civil::Date;

use super::{Row, date, ids, text};
use crate::record::Record;

/// A row of Project Overview.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Project {
    /// Name (title).
    pub name: String,
    /// Active, In Progress, Completed, On Hold.
    pub status: Option<String>,
    /// Critical, High, Medium, Low.
    pub priority: Option<String>,
    /// Project lead (user ids).
    pub owner: Vec<String>,
    /// Target completion.
    pub due_date: Option<Date>,
    /// 0-100 % completion.
    pub progress: Option<f64>,
    /// Project details.
    pub description: Option<String>,
    /// Related projects (page ids).
    pub dependencies: Vec<String>,
    /// Key performance indicators.
    pub metrics: Option<String>,
}

impl Row for Project {
    const DATABASE: &'static str = "projects";

    fn key(&self) -> &str {
        &self.name
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.name)
            .set("Name", self.name.as_str())
            .set_opt("Status", self.status.clone())
            .set_opt("Priority", self.priority.clone())
            .set_opt("Owner", ids(&self.owner))
            .set_opt("Due Date", self.due_date.map(|d| d.to_string()))
            .set_opt("Progress", self.progress)
            .set_opt("Description", self.description.clone())
            .set_opt("Dependencies", ids(&self.dependencies))
            .set_opt("Metrics", self.metrics.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            name: text(r, "Name").unwrap_or_default(),
            status: text(r, "Status"),
            priority: text(r, "Priority"),
            owner: r.list("Owner"),
            due_date: date(r, "Due Date"),
            progress: r.number("Progress"),
            description: text(r, "Description"),
            dependencies: r.list("Dependencies"),
            metrics: text(r, "Metrics"),
        }
    }
}
