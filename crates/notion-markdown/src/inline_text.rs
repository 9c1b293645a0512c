//! Markdown for a single rich-text field (a comment, a caption): inline formatting kept,
//! block structure flattened into line breaks.

use notion_model::{NewBlock, RichText};

use crate::limits::split_rich_text;
use crate::options::Options;
use crate::parse::markdown_to_blocks;

/// Parses `md` into rich text: `**bold**`, `*italic*`, links, code, colors and mentions are
/// kept as annotations; blocks (paragraphs, list items, nested children) are joined with a
/// `"\n"` text item. Text items longer than Notion's 2,000 characters are split.
///
/// ```
/// let items = notion_markdown::markdown_to_rich_text("Agreed, **ship it**");
/// assert_eq!(items.len(), 2);
/// assert_eq!(items[1].plain(), "ship it");
/// ```
pub fn markdown_to_rich_text(md: &str) -> Vec<RichText> {
    let converted = markdown_to_blocks(md, &Options::new());
    let mut out = Vec::new();
    for block in &converted.blocks {
        flatten(block, &mut out);
    }
    split_rich_text(out)
}

fn flatten(block: &NewBlock, out: &mut Vec<RichText>) {
    let text = block.content.rich_text();
    if !text.is_empty() {
        if !out.is_empty() {
            out.push(RichText::text("\n"));
        }
        out.extend(text.iter().cloned());
    }
    for child in block.content.children() {
        flatten(child, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_inline_formatting_and_joins_blocks() {
        let items = markdown_to_rich_text("Agreed, **ship it**\n\n- one\n- [two](https://x.test)");
        let plain: String = items.iter().map(RichText::plain).collect();
        assert_eq!(plain, "Agreed, ship it\none\ntwo");
        assert!(items[1].annotations.as_ref().is_some_and(|a| a.is_bold()));
        assert!(!items[0].annotations.as_ref().is_some_and(|a| a.is_bold()));
    }
}
