//! AI Tools Coordination Hub rows.

use jiff::civil::Date;

use super::{Row, date, text};
use crate::record::Record;

/// A row of the AI Tools Coordination Hub.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AiTool {
    /// Tool Name (title).
    pub tool_name: String,
    /// OpenAI, Anthropic, DeepSeek, ...
    pub provider: Option<String>,
    /// Is the API key configured?
    pub api_key_status: bool,
    /// API calls or tokens this month.
    pub usage_this_month: Option<f64>,
    /// Monthly spend.
    pub cost: Option<f64>,
    /// Current limits.
    pub rate_limit: Option<String>,
    /// Most recent API call.
    pub last_used: Option<Date>,
    /// Healthy, Warning, Error.
    pub health_status: Option<String>,
    /// Configuration notes.
    pub notes: Option<String>,
}

impl Row for AiTool {
    const DATABASE: &'static str = "tools";

    fn key(&self) -> &str {
        &self.tool_name
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.tool_name)
            .set("Tool Name", self.tool_name.as_str())
            .set_opt("Provider", self.provider.clone())
            .set("API Key Status", self.api_key_status)
            .set_opt("Usage This Month", self.usage_this_month)
            .set_opt("Cost", self.cost)
            .set_opt("Rate Limit", self.rate_limit.clone())
            .set_opt("Last Used", self.last_used.map(|d| d.to_string()))
            .set_opt("Health Status", self.health_status.clone())
            .set_opt("Notes", self.notes.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            tool_name: text(r, "Tool Name").unwrap_or_default(),
            provider: text(r, "Provider"),
            api_key_status: r.bool("API Key Status").unwrap_or(false),
            usage_this_month: r.number("Usage This Month"),
            cost: r.number("Cost"),
            rate_limit: text(r, "Rate Limit"),
            last_used: date(r, "Last Used"),
            health_status: text(r, "Health Status"),
            notes: text(r, "Notes"),
        }
    }
}
