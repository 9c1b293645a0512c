//! `orchestra export`: a page (with its nested blocks and child pages) or a database (a
//! Markdown table plus one file per row) written as Markdown or HTML files, with the
//! Notion-hosted images and files downloaded next to them.
//!
//! Child pages and child databases become links to their own files; every list is read
//! to its end (pagination). External files are left as links (only files Notion hosts
//! are downloaded: their signed URLs expire).

mod download;
mod names;
mod page;
mod table;

use std::path::{Path, PathBuf};

use notion_api::Client;
use notion_model::{DatabaseId, PageId};
use serde::Serialize;

pub use download::download_files;
pub use names::{FileNames, slug};

use crate::error::{Error, Result};
use crate::report::{create_dir, markdown_to_html, write};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `.md` files.
    Markdown,
    /// `.html` files (the Markdown rendered with pulldown-cmark).
    Html,
}

impl Format {
    /// `md` or `html`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// The main file (the page's or the database's).
    pub main: PathBuf,
    /// Every document written (main file included).
    pub documents: Vec<PathBuf>,
    /// Files downloaded (images, attachments).
    pub downloads: Vec<PathBuf>,
}

/// The export of one run: where files go and what was written.
#[derive(Debug)]
pub(crate) struct Exporter<'a> {
    pub(crate) client: &'a Client,
    pub(crate) http: reqwest::Client,
    pub(crate) format: Format,
    pub(crate) out: PathBuf,
    pub(crate) names: FileNames,
    pub(crate) report: ExportReport,
}

/// Exports `target` (a page or database id or URL) into `out`.
///
/// # Errors
/// [`Error::Lookup`] when the id is neither a page nor a database the integration can
/// read; [`Error::Io`] when a file cannot be written; the API error.
pub async fn export(
    client: &Client,
    target: &str,
    format: Format,
    out: &Path,
) -> Result<ExportReport> {
    create_dir(out)?;
    let mut exporter = Exporter {
        client,
        http: reqwest::Client::new(),
        format,
        out: out.to_owned(),
        names: FileNames::default(),
        report: ExportReport::default(),
    };
    let main = if let Ok(id) = PageId::parse(target)
        && let Ok(page) = client.pages().retrieve(id).send().await
    {
        exporter.page(&page).await?
    } else if let Ok(id) = DatabaseId::parse(target)
        && let Ok(database) = client.databases().retrieve(id).await
    {
        exporter.database(&database).await?
    } else {
        return Err(Error::Lookup(format!(
            "{target:?} is neither a page nor a database shared with the integration"
        )));
    };
    exporter.report.main = main;
    Ok(exporter.report)
}

impl Exporter<'_> {
    /// Writes one document (`markdown` converted when the format is HTML) as `<name>.<ext>`.
    pub(crate) fn write_document(
        &mut self,
        name: &str,
        title: &str,
        markdown: &str,
    ) -> Result<PathBuf> {
        let path = self.out.join(format!("{name}.{}", self.format.extension()));
        match self.format {
            Format::Markdown => write(&path, markdown)?,
            Format::Html => write(&path, &markdown_to_html(title, markdown))?,
        }
        self.report.documents.push(path.clone());
        Ok(path)
    }

    /// The link to document `name` in this format.
    pub(crate) fn link(&self, name: &str) -> String {
        format!("{name}.{}", self.format.extension())
    }
}
