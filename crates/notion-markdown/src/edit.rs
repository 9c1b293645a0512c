//! Text edits of a page's Markdown, as `PATCH /v1/pages/{id}/markdown` applies them
//! (DIGEST 7.3): `replace_content`, `update_content` (search and replace), and the deprecated
//! `insert_content` and `replace_content_range` with their ellipsis selections.
//!
//! Pure string work: the caller renders the page to Markdown ([`crate::tree_to_markdown`]),
//! applies the operation here, and parses the result back ([`crate::markdown_to_blocks`]).
//!
//! Rules:
//! * each `old_str` of `update_content` must occur exactly once (non-overlapping count) unless
//!   `replace_all_matches`; updates apply in order, each to the result of the previous one;
//!   at most [`MAX_CONTENT_UPDATES`];
//! * a selection `"start...end"` spans from the first occurrence of `start` to the first
//!   occurrence of `end` after it; a selection without `...` is the literal text;
//! * `insert_content` inserts a new block after the line where the selection ends, at the
//!   start (`position: {type: "start"}`), or at the end (default);
//! * an edit that removes a child page or database (`<page url>` / `<database url>` tag) is
//!   refused unless `allow_deleting_content` is true.

use notion_model::requests::{MarkdownOperation, UpdateContent};

use crate::error::{Error, Result};

/// Most `content_updates` in one request.
pub const MAX_CONTENT_UPDATES: usize = 100;

/// Separator of the two ends of a selection.
const ELLIPSIS: &str = "...";

/// Applies `operation` to `current` and returns the new Markdown.
///
/// # Errors
/// The [`Error`] edit variants (Notion answers them with `validation_error`).
pub fn apply_operation(current: &str, operation: &MarkdownOperation) -> Result<String> {
    let (edited, allow_deleting) = match operation {
        MarkdownOperation::ReplaceContent(op) => (op.new_str.clone(), op.allow_deleting_content),
        MarkdownOperation::UpdateContent(op) => {
            (update_content(current, op)?, op.allow_deleting_content)
        }
        MarkdownOperation::InsertContent(op) => {
            let at_start = op
                .position
                .as_ref()
                .and_then(|p| p.get("type"))
                .and_then(serde_json::Value::as_str)
                == Some("start");
            if op.after.is_some() && op.position.is_some() {
                return Err(Error::AfterWithPosition);
            }
            let edited = match (&op.after, at_start) {
                (Some(selection), _) => insert_after(current, selection, &op.content)?,
                (None, true) => join_blocks(&op.content, current),
                (None, false) => join_blocks(current, &op.content),
            };
            (edited, None)
        }
        MarkdownOperation::ReplaceContentRange(op) => {
            let range = select(current, &op.content_range)?;
            let mut edited = String::with_capacity(current.len() + op.content.len());
            edited.push_str(&current[..range.start]);
            edited.push_str(&op.content);
            edited.push_str(&current[range.end..]);
            (edited, op.allow_deleting_content)
        }
        _ => return Err(Error::UnknownEdit),
    };
    if allow_deleting != Some(true) {
        let removed = removed_child_objects(current, &edited);
        if !removed.is_empty() {
            return Err(Error::WouldDeleteContent { urls: removed });
        }
    }
    Ok(edited)
}

/// `update_content`: the search-and-replace edits, in order.
fn update_content(current: &str, op: &UpdateContent) -> Result<String> {
    if op.content_updates.len() > MAX_CONTENT_UPDATES {
        return Err(Error::TooManyUpdates {
            count: op.content_updates.len(),
        });
    }
    let mut text = current.to_owned();
    for (index, update) in op.content_updates.iter().enumerate() {
        if update.old_str.is_empty() {
            return Err(Error::EmptySearch { index });
        }
        let matches = text.matches(update.old_str.as_str()).count();
        let all = update.replace_all_matches == Some(true);
        match matches {
            0 => {
                return Err(Error::NoMatch {
                    index,
                    old_str: update.old_str.clone(),
                });
            }
            1 => text = text.replacen(&update.old_str, &update.new_str, 1),
            _ if all => text = text.replace(&update.old_str, &update.new_str),
            count => {
                return Err(Error::AmbiguousMatch {
                    index,
                    old_str: update.old_str.clone(),
                    count,
                });
            }
        }
    }
    Ok(text)
}

/// The byte range a selection (`"start...end"` or literal text) covers in `text`.
fn select(text: &str, selection: &str) -> Result<std::ops::Range<usize>> {
    let not_found = || Error::SelectionNotFound {
        selection: selection.to_owned(),
    };
    match selection.split_once(ELLIPSIS) {
        Some((start, end)) if !start.is_empty() || !end.is_empty() => {
            let from = if start.is_empty() {
                0
            } else {
                text.find(start).ok_or_else(not_found)?
            };
            let search_from = from + start.len();
            let to = if end.is_empty() {
                text.len()
            } else {
                search_from + text[search_from..].find(end).ok_or_else(not_found)? + end.len()
            };
            Ok(from..to)
        }
        _ if selection.is_empty() => Err(not_found()),
        _ => {
            let from = text.find(selection).ok_or_else(not_found)?;
            Ok(from..from + selection.len())
        }
    }
}

/// Inserts `content` as new blocks after the line where `selection` ends.
fn insert_after(current: &str, selection: &str, content: &str) -> Result<String> {
    let range = select(current, selection)?;
    let line_end = current[range.end..]
        .find('\n')
        .map_or(current.len(), |i| range.end + i);
    let (before, after) = current.split_at(line_end);
    let mut edited = join_blocks(before, content);
    if !after.trim().is_empty() {
        edited = join_blocks(&edited, after);
    }
    Ok(edited)
}

/// `a` then `b` as separate blocks (a blank line between them, none if either is empty).
fn join_blocks(a: &str, b: &str) -> String {
    let a = a.trim_end_matches('\n');
    let b = b.trim_start_matches('\n');
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}\n\n{b}"),
    }
}

/// URLs of the child pages and databases (`<page url="…">`, `<database url="…">`) present in
/// `before` but not in `after`.
pub fn removed_child_objects(before: &str, after: &str) -> Vec<String> {
    let kept = child_object_urls(after);
    child_object_urls(before)
        .into_iter()
        .filter(|url| !kept.contains(url))
        .collect()
}

/// URLs of the `<page url>` and `<database url>` tags in `markdown`, in document order.
pub fn child_object_urls(markdown: &str) -> Vec<String> {
    child_object_refs(markdown).into_iter().flatten().collect()
}

/// Every `<page …>` and `<database …>` tag in `markdown`, in document order, with its `url`
/// when it has one. Parsed Markdown holds the matching `child_page` / `child_database` blocks
/// in the same order (without the URLs), so the two can be zipped to tell existing child
/// pages from new ones.
pub fn child_object_refs(markdown: &str) -> Vec<Option<String>> {
    let mut refs = Vec::new();
    let mut rest = markdown;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let Some(head) = ["page ", "page>", "database ", "database>"]
            .into_iter()
            .find(|tag| rest.starts_with(tag))
        else {
            continue;
        };
        let attrs = rest[head.len() - 1..].split('>').next().unwrap_or_default();
        refs.push(
            attrs
                .split_once("url=\"")
                .and_then(|(_, value)| value.split_once('"'))
                .map(|(url, _)| url.to_owned()),
        );
    }
    refs
}

#[cfg(test)]
mod tests;
