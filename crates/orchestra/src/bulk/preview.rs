//! What a bulk operation would touch, as a small table.

use serde::Serialize;

use super::select::Selection;
use crate::record::{PlainValue, plain_value};

/// The first rows of a selection, with the columns that matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preview {
    /// How many rows match.
    pub matched: usize,
    /// Column names: the title, then the filter's and the update's properties.
    pub columns: Vec<String>,
    /// The first rows.
    pub rows: Vec<PreviewRow>,
}

/// One row of a preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewRow {
    /// The page.
    pub page_id: String,
    /// One text per column.
    pub values: Vec<String>,
}

impl Selection {
    /// The first `limit` rows, showing the title and `columns` (unknown names skipped).
    pub fn preview(&self, columns: &[String], limit: usize) -> Preview {
        let mut names: Vec<String> = self
            .live
            .title_property()
            .map(str::to_owned)
            .into_iter()
            .collect();
        for name in columns {
            if self.live.get(name).is_some() && !names.contains(name) {
                names.push(name.clone());
            }
        }
        let rows = self
            .pages
            .iter()
            .take(limit)
            .map(|page| PreviewRow {
                page_id: page.id.to_string(),
                values: names
                    .iter()
                    .map(|name| {
                        let percent = self
                            .live
                            .get(name)
                            .is_some_and(|p| p.format.as_deref() == Some("percent"));
                        page.properties
                            .get(name)
                            .and_then(|v| plain_value(v, percent))
                            .map_or_else(String::new, |v| show(&v))
                    })
                    .collect(),
            })
            .collect();
        Preview {
            matched: self.pages.len(),
            columns: names,
            rows,
        }
    }
}

/// A plain value as one cell of text.
pub(crate) fn show(value: &PlainValue) -> String {
    match value {
        PlainValue::Null => String::new(),
        PlainValue::Bool(b) => b.to_string(),
        PlainValue::Number(n) => n.to_string(),
        PlainValue::Text(t) => t.clone(),
        PlainValue::List(items) => items.join(", "),
        PlainValue::Notion(map) => serde_json::to_string(map).unwrap_or_default(),
    }
}
