//! Page content as Markdown, built on `notion-markdown`: a page's live block tree rendered as
//! enhanced Markdown, and Markdown written back as the page's content. The markdown endpoints
//! have no per-request block limits, so trees of any size and depth are written here directly.

use notion_markdown::edit::child_object_refs;
use notion_markdown::{BlockTree, Options, markdown_to_blocks, tree_to_markdown};
use notion_model::block::BlockContent;
use notion_model::{ApiVersion, Block};
use rusqlite::Transaction;
use serde_json::Value;

use crate::content::input::NewBlock;
use crate::content::payload;
use crate::content::write::{Position, insert_blocks};
use crate::error::ApiError;
use crate::render;
use crate::state::Ctx;
use crate::store::nodes;
use crate::wire::{ids, time};

/// The live content under `parent_id`: response blocks with their children. Child pages and
/// databases appear as blocks without their own content.
pub(crate) fn read_tree(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_id: &str,
) -> Result<Vec<BlockTree>, ApiError> {
    let mut out = Vec::new();
    for node in nodes::children(tx, parent_id, false)? {
        let value = render::block::block(tx, ctx, &node)?;
        let block: Block = serde_json::from_value(value).map_err(ApiError::internal)?;
        let children = if node.kind == "block" {
            read_tree(tx, ctx, &node.id)?
        } else {
            Vec::new()
        };
        out.push(BlockTree::new(block, children));
    }
    Ok(out)
}

/// The content of a page (or block) as enhanced Markdown.
pub(crate) fn render_markdown(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_id: &str,
) -> Result<String, ApiError> {
    Ok(tree_to_markdown(&read_tree(tx, ctx, parent_id)?))
}

/// One top-level piece of parsed Markdown.
#[derive(Debug)]
pub(crate) enum Piece {
    /// Blocks to create.
    Create(NewBlock),
    /// An existing child page or database (by id), kept at this place.
    Keep(String),
}

/// Parses Markdown into pieces for `ctx`'s version. `<page url>` / `<database url>` tags
/// naming an existing child become [`Piece::Keep`]; other child page tags are dropped (the
/// markdown endpoints do not create pages).
pub(crate) fn parse_markdown(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    markdown: &str,
    path: &str,
) -> Result<Vec<Piece>, ApiError> {
    Ok(parse_with_title(tx, ctx, markdown, path, false)?.1)
}

/// Like [`parse_markdown`]; with `take_title`, the first top-level `# h1` is removed and
/// returned as a rich-text array (the title of a page created from Markdown).
pub(crate) fn parse_with_title(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    markdown: &str,
    path: &str,
    take_title: bool,
) -> Result<(Option<Value>, Vec<Piece>), ApiError> {
    let options = Options::new().with_heading_4(ctx.version >= ApiVersion::V2026_03_11);
    let mut blocks = markdown_to_blocks(markdown, &options).blocks;
    let mut title = None;
    if take_title
        && let Some(index) = blocks
            .iter()
            .position(|b| matches!(b.content, BlockContent::Heading1(_)))
    {
        let heading = blocks.remove(index);
        let text = serde_json::to_value(heading.content.rich_text()).map_err(ApiError::internal)?;
        title = Some(text);
    }
    let mut refs = child_object_refs(markdown).into_iter();
    let mut pieces = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        if is_child_object(&block.content) {
            if let Some(id) = refs.next().flatten().as_deref().and_then(id_of_url) {
                pieces.push(Piece::Keep(id));
            }
            continue;
        }
        pieces.push(Piece::Create(to_input(
            tx,
            ctx,
            block,
            &format!("{path}[{i}]"),
            &mut refs,
        )?));
    }
    Ok((title, pieces))
}

fn is_child_object(content: &BlockContent) -> bool {
    matches!(
        content,
        BlockContent::ChildPage(_) | BlockContent::ChildDatabase(_)
    )
}

/// The id at the end of a Notion URL (`https://www.notion.so/<32 hex>`).
fn id_of_url(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit(['/', '-']).next()?;
    ids::parse(last)
}

/// A parsed block as the store's input, validated like a request payload (without the
/// request size limits). Nested child page tags are dropped.
fn to_input(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    block: &notion_model::NewBlock,
    path: &str,
    refs: &mut impl Iterator<Item = Option<String>>,
) -> Result<NewBlock, ApiError> {
    let kind = block.kind().unwrap_or("paragraph").to_owned();
    let value = serde_json::to_value(block).map_err(ApiError::internal)?;
    let mut body = match value.get(&kind) {
        Some(Value::Object(map)) => map.clone(),
        _ => serde_json::Map::new(),
    };
    body.remove("children");
    let payload = payload::normalize(tx, ctx, &kind, &body, &format!("{path}.{kind}"))?;
    let mut children = Vec::new();
    for (i, child) in block.content.children().iter().enumerate() {
        if is_child_object(&child.content) {
            refs.next();
            continue;
        }
        children.push(to_input(
            tx,
            ctx,
            child,
            &format!("{path}.{kind}.children[{i}]"),
            refs,
        )?);
    }
    Ok(NewBlock {
        kind,
        payload,
        children,
    })
}

/// Makes `pieces` the whole content of `parent_id`: the old blocks go to the trash, kept
/// child pages and databases move into place, and child pages or databases not kept are
/// trashed too (the caller checked `allow_deleting_content`).
pub(crate) fn replace_content(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_type: &str,
    parent_id: &str,
    pieces: Vec<Piece>,
) -> Result<(), ApiError> {
    let now = time::now();
    let kept: Vec<&str> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Keep(id) => Some(id.as_str()),
            Piece::Create(_) => None,
        })
        .collect();
    for mut node in nodes::children(tx, parent_id, false)? {
        if kept.contains(&node.id.as_str()) {
            continue;
        }
        node.in_trash = true;
        node.last_edited_time = now.clone();
        node.last_edited_by = ctx.user_id().to_owned();
        nodes::update(tx, &node)?;
    }
    append_pieces(tx, ctx, parent_type, parent_id, pieces, &now)
}

/// Inserts `pieces` at the start or the end of `parent_id`'s content, keeping what is there.
/// Kept child pages are only meaningful in whole-content edits; here they are left in place.
pub(crate) fn insert_pieces(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_type: &str,
    parent_id: &str,
    pieces: Vec<Piece>,
    position: Position,
) -> Result<(), ApiError> {
    let now = time::now();
    if matches!(position, Position::End) {
        return append_pieces(tx, ctx, parent_type, parent_id, pieces, &now);
    }
    let blocks = pieces
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Create(block) => Some(block),
            Piece::Keep(_) => None,
        })
        .collect();
    insert_blocks(tx, ctx, parent_type, parent_id, blocks, position, &now)?;
    Ok(())
}

/// Appends `pieces` at the end of `parent_id`, in order.
pub(crate) fn append_pieces(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    parent_type: &str,
    parent_id: &str,
    pieces: Vec<Piece>,
    now: &str,
) -> Result<(), ApiError> {
    let mut run = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Create(block) => run.push(block),
            Piece::Keep(id) => {
                let blocks = std::mem::take(&mut run);
                insert_blocks(tx, ctx, parent_type, parent_id, blocks, Position::End, now)?;
                if let Some(mut node) = nodes::get(tx, &id)? {
                    node.ord = nodes::next_ord(tx, parent_id)?;
                    nodes::update(tx, &node)?;
                }
            }
        }
    }
    insert_blocks(tx, ctx, parent_type, parent_id, run, Position::End, now)?;
    Ok(())
}
