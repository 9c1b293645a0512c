//! Downloading the Notion-hosted files of a block tree and pointing the blocks at the
//! local copies.

use std::path::{Path, PathBuf};

use notion_markdown::BlockTree;
use notion_model::Color;
use notion_model::block::BlockContent;
use notion_model::file::{FileSource, MediaBlock};

use crate::error::{Error, Result};

/// Downloads every hosted image, file, PDF, video and audio of `trees` into
/// `out/<folder>/` and rewrites their URLs to `<folder>/<file>`. Returns the files written.
///
/// # Errors
/// A download that fails, or a file that cannot be written.
pub async fn download_files(
    http: &reqwest::Client,
    trees: &mut [BlockTree],
    out: &Path,
    folder: &str,
) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let mut stack: Vec<&mut BlockTree> = trees.iter_mut().collect();
    while let Some(tree) = stack.pop() {
        if let Some(media) = media_mut(&mut tree.block.content) {
            plain_caption(media);
        }
        if let Some(media) = media_mut(&mut tree.block.content)
            && let FileSource::File(hosted) = &mut media.source
        {
            let name = file_name(&hosted.url, &tree.block.id.to_string(), written.len());
            let dir = out.join(folder);
            crate::report::create_dir(&dir)?;
            let path = dir.join(&name);
            let bytes = fetch(http, &hosted.url).await?;
            std::fs::write(&path, bytes).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            hosted.url = format!("{folder}/{name}");
            written.push(path);
        }
        stack.extend(tree.children.iter_mut());
    }
    written.sort();
    Ok(written)
}

/// Drops response annotations that only say "no styling", so a plain caption renders
/// as Markdown alt text (`![caption](file)`).
fn plain_caption(media: &mut MediaBlock) {
    for item in media.caption.iter_mut().flatten() {
        let unstyled = item.annotations.as_ref().is_some_and(|a| {
            [a.bold, a.italic, a.strikethrough, a.underline, a.code]
                .iter()
                .all(|flag| *flag != Some(true))
                && a.color.as_ref().is_none_or(|c| *c == Color::Default)
        });
        if unstyled {
            item.annotations = None;
        }
        if let notion_model::RichTextContent::Text(text) = &mut item.content
            && text.link == Some(None)
        {
            text.link = None;
        }
    }
}

fn media_mut(content: &mut BlockContent) -> Option<&mut MediaBlock> {
    match content {
        BlockContent::Image(m)
        | BlockContent::File(m)
        | BlockContent::Pdf(m)
        | BlockContent::Video(m)
        | BlockContent::Audio(m) => Some(m),
        _ => None,
    }
}

async fn fetch(http: &reqwest::Client, url: &str) -> Result<Vec<u8>> {
    let failed = |e: String| Error::Report(format!("downloading a file: {e}"));
    let response = http
        .get(url)
        .send()
        .await
        .map_err(|e| failed(e.without_url().to_string()))?;
    if !response.status().is_success() {
        return Err(failed(format!("the server answered {}", response.status())));
    }
    let bytes = response
        .bytes()
        .await
        .map_err(|e| failed(e.without_url().to_string()))?;
    Ok(bytes.to_vec())
}

/// The URL's last path segment (decoded, made safe), prefixed by the block id so two
/// files with one name stay apart.
fn file_name(url: &str, block_id: &str, index: usize) -> String {
    let last = url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_owned))
        })
        .map(|s| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or(s)
        })
        .unwrap_or_default();
    let safe: String = last
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = if safe.trim_matches(['-', '.']).is_empty() {
        format!("file-{index}")
    } else {
        safe
    };
    format!(
        "{}-{safe}",
        &block_id.replace('-', "")[..8.min(block_id.len())]
    )
}
