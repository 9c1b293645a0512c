//! Exporting a database: a Markdown table of its rows (title linking to each row's
//! file) plus one file per row with its properties and content.

use std::fmt::Write as _;
use std::path::PathBuf;

use notion_model::Database;
use notion_model::rich_text::plain_text;

use super::Exporter;
use super::page::page_title;
use crate::error::{Error, Result};
use crate::record::{LiveSchema, PlainValue, page_record};

impl Exporter<'_> {
    /// Exports `database` (its first data source); returns the table's file.
    pub(crate) async fn database(&mut self, database: &Database) -> Result<PathBuf> {
        let title = plain_text(&database.title);
        let title = if title.trim().is_empty() {
            "Untitled database".to_owned()
        } else {
            title
        };
        let name = self.names.unique(&title);
        let source_id = database
            .data_sources
            .as_ref()
            .and_then(|s| s.first())
            .map(|s| s.id)
            .ok_or_else(|| Error::Lookup(format!("database {title:?} has no data source")))?;
        let source = self.client.data_sources().retrieve(source_id).await?;
        let live = LiveSchema::from_data_source(&source);
        let title_property = live.title_property().unwrap_or_default().to_owned();
        let mut columns: Vec<String> = vec![title_property.clone()];
        columns.extend(
            live.properties
                .keys()
                .filter(|k| **k != title_property)
                .cloned(),
        );
        let pages = self
            .client
            .data_sources()
            .query(source_id)
            .page_size(100)
            .collect_all()
            .await?;
        let mut table = format!(
            "| {} |\n|{}\n",
            columns
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(" | "),
            "---|".repeat(columns.len())
        );
        for page in &pages {
            let record = page_record(page, &live);
            let row_title = page_title(page);
            let row_name = self.names.unique(&row_title);
            let mut preamble = String::new();
            let mut cells = vec![format!("[{}]({})", cell(&row_title), self.link(&row_name))];
            for column in columns.iter().skip(1) {
                let value = record.values.get(column).map(show).unwrap_or_default();
                if !value.is_empty() {
                    let _ = writeln!(preamble, "- **{column}:** {value}");
                }
                cells.push(cell(&value));
            }
            if !preamble.is_empty() {
                preamble.push('\n');
            }
            Box::pin(self.page_as(page.id, &row_title, &row_name, &preamble)).await?;
            let _ = writeln!(table, "| {} |", cells.join(" | "));
        }
        let markdown = format!("# {title}\n\n{} rows.\n\n{table}", pages.len());
        self.write_document(&name, &title, &markdown)
    }
}

fn show(value: &PlainValue) -> String {
    match value {
        PlainValue::Null => String::new(),
        PlainValue::Bool(b) => if *b { "Yes" } else { "No" }.to_owned(),
        PlainValue::Number(n) => n.to_string(),
        PlainValue::Text(t) => t.clone(),
        PlainValue::List(items) => items.join(", "),
        PlainValue::Notion(map) => serde_json::Value::Object(map.clone()).to_string(),
    }
}

fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}
