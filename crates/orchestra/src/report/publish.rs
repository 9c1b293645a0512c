//! Writing the report to Notion: one page per day under the workspace's parent page,
//! found again by the id kept in the sync state (else by its title among the parent's
//! child pages), its content replaced on every run; charts uploaded through the File
//! Upload API and shown as image blocks with captions.

use std::path::Path;

use futures::TryStreamExt;
use notion_markdown::{Options, markdown_to_blocks};
use notion_model::block::BlockContent;
use notion_model::file::{FileSource, MediaBlock};
use notion_model::property::PropertyValue;
use notion_model::{Block, BlockId, NewBlock, PageId, Parent};
use serde::Serialize;

use crate::content::{ChildPages, replace_page_content};
use crate::error::{Error, Result};
use crate::sync::{RowState, StateStore};
use crate::workspace::Workspace;

/// The state-store "database" under which report pages are remembered by title.
pub const STATE_KEY: &str = "daily-report";

/// Where the report went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The report page.
    pub page_id: String,
    /// Its URL.
    pub url: String,
    /// True when the page was created by this run (false: an existing page was updated).
    pub created: bool,
    /// Charts uploaded and shown as image blocks.
    pub images: usize,
}

/// Creates or updates the page titled `title` under the parent page with `markdown` as
/// its content; images whose source is `charts/<file>` are uploaded from `charts_dir`.
///
/// # Errors
/// [`Error::Config`] without a parent page, [`Error::Io`] for an unreadable chart, or the
/// API error.
pub async fn publish(
    workspace: &Workspace,
    state: &StateStore,
    title: &str,
    markdown: &str,
    charts_dir: &Path,
) -> Result<Published> {
    let client = workspace.client();
    let parent = workspace
        .config()
        .parent_page()
        .ok_or_else(|| Error::Config {
            path: "orchestra.toml".into(),
            message: "`notion.parent_page_id` is not set; run `orchestra init` first".to_owned(),
        })?;
    let (page_id, created) = match find_page(workspace, state, parent, title).await? {
        Some(id) => (id, false),
        None => {
            let page = client
                .pages()
                .create(Parent::page(parent))
                .property("title", PropertyValue::title(title))
                .send()
                .await?;
            (page.id, true)
        }
    };
    state.put_row(
        STATE_KEY,
        title,
        &RowState {
            page_id: page_id.to_string(),
            hash: String::new(),
            last_edited_time: String::new(),
        },
    )?;
    let mut blocks = markdown_to_blocks(markdown, &Options::new()).blocks;
    let images = attach_charts(workspace, &mut blocks, charts_dir).await?;
    replace_page_content(client, page_id, blocks, ChildPages::Keep).await?;
    let page = client.pages().retrieve(page_id).send().await?;
    Ok(Published {
        page_id: page_id.to_string(),
        url: page.url,
        created,
        images,
    })
}

async fn find_page(
    workspace: &Workspace,
    state: &StateStore,
    parent: PageId,
    title: &str,
) -> Result<Option<PageId>> {
    let client = workspace.client();
    if let Some(row) = state.row(STATE_KEY, title)?
        && let Ok(id) = PageId::parse(&row.page_id)
    {
        match client.pages().retrieve(id).send().await {
            Ok(page) if !page.in_trash => return Ok(Some(id)),
            Ok(_) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err.into()),
        }
    }
    let children: Vec<Block> = client
        .blocks()
        .children(BlockId::from(parent))
        .page_size(100)
        .stream()
        .try_collect()
        .await?;
    Ok(children.iter().find_map(|b| match &b.content {
        BlockContent::ChildPage(child) if child.title == title && !b.in_trash => {
            PageId::parse(&b.id.to_string()).ok()
        }
        _ => None,
    }))
}

/// Uploads the local chart of every image block pointing at `charts/<file>` and points
/// the block at the upload, keeping its caption. Returns how many were attached.
async fn attach_charts(
    workspace: &Workspace,
    blocks: &mut [NewBlock],
    charts_dir: &Path,
) -> Result<usize> {
    let mut attached = 0;
    for block in blocks.iter_mut() {
        let BlockContent::Image(media) = &mut block.content else {
            continue;
        };
        let FileSource::External(external) = &media.source else {
            continue;
        };
        let Some(file_name) = external.url.strip_prefix("charts/") else {
            continue;
        };
        let path = charts_dir.join(file_name);
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let upload = workspace
            .client()
            .file_uploads()
            .upload_file(file_name, "image/png", bytes)
            .await?;
        let mut uploaded = MediaBlock::file_upload(upload.id);
        uploaded.caption = media.caption.take();
        **media = uploaded;
        attached += 1;
    }
    Ok(attached)
}
