//! Notion's per-item limits (DIGEST 9.1) and the functions that make blocks respect them.
//!
//! Notion validates lengths with JavaScript's `String.length`, i.e. in **UTF-16 code units**:
//! an emoji outside the BMP counts 2, a CJK ideograph 1. Splits happen only between Rust
//! `char`s, so a surrogate pair is never cut in two.
//!
//! Policies (all lossless for the visible text):
//! * a `text` item longer than [`MAX_TEXT_UTF16`] becomes several items with the same
//!   annotations and the same link on every piece;
//! * an inline equation longer than [`MAX_EQUATION_UTF16`] becomes a `text` item with the
//!   `code` annotation holding the expression; a block equation that long becomes a `code`
//!   block with language `latex`;
//! * a rich-text array longer than [`MAX_RICH_TEXT_ITEMS`] is first compacted (adjacent items
//!   with identical styling merged); what still overflows continues in:
//!   - following blocks of the same type for `paragraph`, `quote` and `code` (the original's
//!     children move to the last piece),
//!   - following `paragraph` siblings for headings,
//!   - `paragraph` blocks inserted first among the children for list items, to-dos,
//!     toggles and callouts;
//! * table cells and captions cannot continue elsewhere: their overflow is joined into plain
//!   text items (styling of the overflow is lost, the text is not).

use notion_model::block::{BlockContent, CodeBlock, CodeLanguage};
use notion_model::rich_text::Text;
use notion_model::{NewBlock, RichText, RichTextContent};

use crate::blocks::{children_slot, paragraph, rich_text_slot, set_children, take_children};

/// Most UTF-16 code units in one `text.content` (and one `link.url`).
pub const MAX_TEXT_UTF16: usize = 2000;
/// Most UTF-16 code units in one `equation.expression`.
pub const MAX_EQUATION_UTF16: usize = 1000;
/// Most items in one rich-text array (and in any array of a request).
pub const MAX_RICH_TEXT_ITEMS: usize = 100;

/// Length of `s` as Notion counts it (UTF-16 code units).
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}

/// Splits `s` into pieces of at most `max` UTF-16 code units, only between characters.
/// `max` must be at least 2 so that any character fits.
pub fn split_utf16(s: &str, max: usize) -> Vec<&str> {
    assert!(max >= 2, "a piece must hold at least one surrogate pair");
    if s.is_ascii() {
        return s
            .as_bytes()
            .chunks(max)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut units = 0;
    for (index, ch) in s.char_indices() {
        let width = ch.len_utf16();
        if units + width > max {
            pieces.push(&s[start..index]);
            start = index;
            units = 0;
        }
        units += width;
    }
    if start < s.len() || pieces.is_empty() {
        pieces.push(&s[start..]);
    }
    pieces
}

/// Splits over-long text items and demotes over-long inline equations (see module docs).
pub fn split_rich_text(items: Vec<RichText>) -> Vec<RichText> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match &item.content {
            RichTextContent::Text(text) if utf16_len(&text.content) > MAX_TEXT_UTF16 => {
                for piece in split_utf16(&text.content, MAX_TEXT_UTF16) {
                    out.push(with_content(&item, piece));
                }
            }
            RichTextContent::Equation(eq) if utf16_len(&eq.expression) > MAX_EQUATION_UTF16 => {
                let code = RichText::text(eq.expression.clone())
                    .with_annotations(item.annotations.clone().unwrap_or_default())
                    .code();
                out.extend(split_rich_text(vec![code]));
            }
            _ => out.push(item),
        }
    }
    out
}

fn with_content(item: &RichText, piece: &str) -> RichText {
    let mut copy = item.clone();
    if let RichTextContent::Text(text) = &mut copy.content {
        text.content = piece.to_owned();
    }
    if copy.plain_text().is_some() {
        copy.set_plain_text(Some(piece.to_owned()));
    }
    copy
}

/// Merges adjacent `text` items that have the same annotations and link (in place: rich
/// text items are large, so they are not moved more than needed).
pub fn merge_adjacent(mut items: Vec<RichText>) -> Vec<RichText> {
    items.dedup_by(|next, kept| {
        if !mergeable(kept, next) {
            return false;
        }
        if let (RichTextContent::Text(a), RichTextContent::Text(b)) =
            (&mut kept.content, &next.content)
        {
            a.content.push_str(&b.content);
        }
        true
    });
    items
}

fn mergeable(a: &RichText, b: &RichText) -> bool {
    let (RichTextContent::Text(ta), RichTextContent::Text(tb)) = (&a.content, &b.content) else {
        return false;
    };
    a.annotations == b.annotations
        && ta.link == tb.link
        && ta.extra.is_empty()
        && tb.extra.is_empty()
        && a.plain_text().is_none()
        && b.plain_text().is_none()
        && a.href() == b.href()
        && a.extra.is_empty()
        && b.extra.is_empty()
}

/// Makes a rich-text array valid: returns one or more arrays, each with at most
/// [`MAX_RICH_TEXT_ITEMS`] items of at most [`MAX_TEXT_UTF16`] units.
pub fn fit_rich_text(items: Vec<RichText>) -> Vec<Vec<RichText>> {
    if fits(&items) {
        return vec![items];
    }
    let items = if items.len() > MAX_RICH_TEXT_ITEMS {
        merge_adjacent(items)
    } else {
        items
    };
    let too_long = items.iter().any(|item| match &item.content {
        RichTextContent::Text(t) => t.content.len() > MAX_TEXT_UTF16,
        RichTextContent::Equation(e) => e.expression.len() > MAX_EQUATION_UTF16,
        _ => false,
    });
    let items = if too_long {
        split_rich_text(items)
    } else {
        items
    };
    if items.len() <= MAX_RICH_TEXT_ITEMS {
        return vec![items];
    }
    // Split off from the back so that every item moves at most once and the first chunk
    // stays where it is.
    let mut items = items;
    let mut chunks = Vec::with_capacity(items.len().div_ceil(MAX_RICH_TEXT_ITEMS));
    let mut start = (items.len() - 1) / MAX_RICH_TEXT_ITEMS * MAX_RICH_TEXT_ITEMS;
    while start > 0 {
        chunks.push(items.split_off(start));
        start -= MAX_RICH_TEXT_ITEMS;
    }
    // The first chunk keeps the whole allocation: give back what it no longer uses.
    items.shrink_to_fit();
    chunks.push(items);
    chunks.reverse();
    chunks
}

/// Whether a rich-text array already respects the limits (a cheap check: byte lengths bound
/// UTF-16 lengths from above).
fn fits(items: &[RichText]) -> bool {
    items.len() <= MAX_RICH_TEXT_ITEMS
        && items.iter().all(|item| match &item.content {
            RichTextContent::Text(t) => t.content.len() <= MAX_TEXT_UTF16,
            RichTextContent::Equation(e) => e.expression.len() <= MAX_EQUATION_UTF16,
            _ => true,
        })
}

/// Fits a rich-text array that cannot continue elsewhere (cells, captions): overflow is
/// joined into plain text.
fn fit_in_place(items: Vec<RichText>) -> Vec<RichText> {
    let mut chunks = fit_rich_text(items);
    if chunks.len() == 1 {
        return chunks.pop().unwrap_or_default();
    }
    let mut flat: Vec<RichText> = chunks.into_iter().flatten().collect();
    let keep = MAX_RICH_TEXT_ITEMS - 1;
    let tail: String = flat
        .drain(keep..)
        .map(|item| item.plain().to_owned())
        .collect();
    let room = (MAX_RICH_TEXT_ITEMS - keep) * MAX_TEXT_UTF16;
    let pieces = split_utf16(&tail, MAX_TEXT_UTF16);
    let mut text = String::new();
    for piece in pieces {
        if utf16_len(&text) + utf16_len(piece) > room {
            break;
        }
        text.push_str(piece);
    }
    flat.push(RichText::text(text));
    flat
}

/// Rewrites a block tree so that every rich-text array, text item and equation respects
/// Notion's limits (see the module docs for where overflow goes).
pub fn enforce_limits(mut blocks: Vec<NewBlock>) -> Vec<NewBlock> {
    // Nearly every block already fits: fix those in place instead of rebuilding the list.
    if blocks.iter().all(fits_in_place) {
        for block in &mut blocks {
            enforce_in_place(block);
        }
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        enforce_block(block, &mut out);
    }
    out
}

/// Whether a block's own text respects the limits, so that fixing it cannot add siblings.
fn fits_in_place(block: &NewBlock) -> bool {
    if let BlockContent::Equation(eq) = &block.content
        && eq.expression.len() > MAX_EQUATION_UTF16
    {
        return false;
    }
    fits(block.content.rich_text())
}

/// Fixes a block that [`fits_in_place`]: its captions, cells and children.
fn enforce_in_place(block: &mut NewBlock) {
    fit_captions_and_cells(&mut block.content);
    if let Some(Some(children)) = children_slot(&mut block.content)
        && !children.is_empty()
    {
        *children = enforce_limits(std::mem::take(children));
    }
}

fn enforce_block(mut block: NewBlock, out: &mut Vec<NewBlock>) {
    if fits_in_place(&block) {
        // Same result as below without taking the block apart: only an empty `children`
        // list is dropped, as putting the (empty) children back would.
        enforce_in_place(&mut block);
        if let Some(slot) = children_slot(&mut block.content)
            && slot.as_ref().is_some_and(Vec::is_empty)
        {
            *slot = None;
        }
        out.push(block);
        return;
    }
    let children = take_children(&mut block);
    let children = if children.is_empty() {
        children
    } else {
        enforce_limits(children)
    };
    if let BlockContent::Equation(eq) = &block.content
        && utf16_len(&eq.expression) > MAX_EQUATION_UTF16
    {
        let mut code = CodeBlock::default();
        code.rich_text = Some(vec![RichText::text(eq.expression.clone())]);
        code.language = Some(CodeLanguage::Latex);
        block = NewBlock::new(BlockContent::Code(code));
    }
    fit_captions_and_cells(&mut block.content);
    let chunks = match rich_text_slot(&mut block.content) {
        Some(slot) => match slot.take() {
            Some(items) => {
                let mut chunks = fit_rich_text(items);
                *slot = Some(chunks.remove(0));
                chunks
            }
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    if chunks.is_empty() {
        set_children(&mut block, children);
        out.push(block);
        return;
    }
    place_overflow(block, children, chunks, out);
}

fn place_overflow(
    mut block: NewBlock,
    children: Vec<NewBlock>,
    chunks: Vec<Vec<RichText>>,
    out: &mut Vec<NewBlock>,
) {
    match &block.content {
        BlockContent::Paragraph(_) | BlockContent::Quote(_) | BlockContent::Code(_) => {
            // Clone the block without its (large) text to make the continuation blocks.
            let first = rich_text_slot(&mut block.content).and_then(Option::take);
            let template = block.clone();
            if let Some(slot) = rich_text_slot(&mut block.content) {
                *slot = first;
            }
            out.push(block);
            for chunk in chunks {
                let mut next = template.clone();
                if let BlockContent::Code(code) = &mut next.content {
                    code.caption = None;
                }
                if let Some(slot) = rich_text_slot(&mut next.content) {
                    *slot = Some(chunk);
                }
                out.push(next);
            }
            if let Some(last) = out.last_mut() {
                set_children(last, children);
            }
        }
        BlockContent::Heading1(_)
        | BlockContent::Heading2(_)
        | BlockContent::Heading3(_)
        | BlockContent::Heading4(_)
        | BlockContent::Template(_) => {
            set_children(&mut block, children);
            out.push(block);
            out.extend(chunks.into_iter().map(paragraph));
        }
        _ => {
            let mut all: Vec<NewBlock> = chunks.into_iter().map(paragraph).collect();
            all.extend(children);
            if children_slot(&mut block.content).is_some() {
                set_children(&mut block, all);
                out.push(block);
            } else {
                out.push(block);
                out.extend(all);
            }
        }
    }
}

fn fit_captions_and_cells(content: &mut BlockContent) {
    let caption = match content {
        BlockContent::Code(b) => &mut b.caption,
        BlockContent::Embed(b) | BlockContent::Bookmark(b) | BlockContent::LinkPreview(b) => {
            &mut b.caption
        }
        BlockContent::Image(b)
        | BlockContent::Video(b)
        | BlockContent::Pdf(b)
        | BlockContent::Audio(b)
        | BlockContent::File(b) => &mut b.caption,
        BlockContent::TableRow(row) => {
            if let Some(cells) = &mut row.cells {
                for cell in cells.iter_mut().filter(|cell| !fits(cell)) {
                    *cell = fit_in_place(std::mem::take(cell));
                }
            }
            return;
        }
        _ => return,
    };
    if let Some(items) = caption
        && !fits(items)
    {
        *items = fit_in_place(std::mem::take(items));
    }
}

/// A text item's content, for tests and callers that inspect split results.
pub fn text_content(item: &RichText) -> Option<&Text> {
    match &item.content {
        RichTextContent::Text(text) => Some(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
