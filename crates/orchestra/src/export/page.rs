//! Exporting a page: its blocks (all levels, all pages of each list), hosted files
//! downloaded, child pages and databases exported to their own files and linked.

use std::path::PathBuf;

use notion_markdown::{BlockTree, tree_to_markdown};
use notion_model::block::{BlockContent, TextBlock};
use notion_model::property::PropertyValueContent;
use notion_model::rich_text::{RichText, plain_text};
use notion_model::{BlockId, DatabaseId, Page, PageId};

use super::{Exporter, download_files};
use crate::error::Result;

/// The page's title (its title property as plain text).
pub(crate) fn page_title(page: &Page) -> String {
    page.properties
        .values()
        .find_map(|v| match &v.value {
            PropertyValueContent::Title(t) => Some(plain_text(t)),
            _ => None,
        })
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Untitled".to_owned())
}

impl Exporter<'_> {
    /// Exports `page` under a fresh name; returns its file.
    pub(crate) async fn page(&mut self, page: &Page) -> Result<PathBuf> {
        let title = page_title(page);
        let name = self.names.unique(&title);
        self.page_as(page.id, &title, &name, "").await
    }

    /// Exports page `id` as `<name>.<ext>`: a title heading, `preamble` (row
    /// properties), then the content.
    pub(crate) async fn page_as(
        &mut self,
        id: PageId,
        title: &str,
        name: &str,
        preamble: &str,
    ) -> Result<PathBuf> {
        let mut trees = self
            .client
            .blocks()
            .read_children_tree(BlockId::from(id))
            .await?;
        let folder = format!("{name}_files");
        let files = download_files(&self.http, &mut trees, &self.out, &folder).await?;
        self.report.downloads.extend(files);
        Box::pin(self.link_children(&mut trees)).await?;
        let mut markdown = format!("# {title}\n\n{preamble}");
        markdown.push_str(&tree_to_markdown(&trees));
        self.write_document(name, title, &markdown)
    }

    /// Exports every child page and child database in `trees` and replaces its block with
    /// a paragraph linking to the exported file.
    async fn link_children(&mut self, trees: &mut [BlockTree]) -> Result<()> {
        for tree in trees.iter_mut() {
            let target = match &tree.block.content {
                BlockContent::ChildPage(child) => {
                    let id = PageId::parse(&tree.block.id.to_string()).ok();
                    let page = match id {
                        Some(id) => self.client.pages().retrieve(id).send().await.ok(),
                        None => None,
                    };
                    match page {
                        Some(page) => Some((child.title.clone(), self.page(&page).await?)),
                        None => None,
                    }
                }
                BlockContent::ChildDatabase(child) => {
                    let id = DatabaseId::parse(&tree.block.id.to_string()).ok();
                    let database = match id {
                        Some(id) => self.client.databases().retrieve(id).await.ok(),
                        None => None,
                    };
                    match database {
                        Some(db) => {
                            Some((child.title.clone(), Box::pin(self.database(&db)).await?))
                        }
                        None => None,
                    }
                }
                _ => {
                    Box::pin(self.link_children(&mut tree.children)).await?;
                    None
                }
            };
            if let Some((title, path)) = target {
                let file = path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                tree.block.type_name = "paragraph".to_owned();
                let mut text = TextBlock::default();
                text.rich_text = Some(vec![RichText::link(format!("📄 {title}"), file)]);
                tree.block.content = BlockContent::Paragraph(text);
                tree.children.clear();
            }
        }
        Ok(())
    }
}
