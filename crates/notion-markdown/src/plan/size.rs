//! Request size, measured without building JSON: rich text (nearly all of a block's bytes) is
//! sized arithmetically, the rest of a block by a byte-counting writer.
//!
//! Every figure is exact or an upper bound, so a plan never exceeds Notion's 500 KB.

use std::io;

use notion_model::block::BlockContent;
use notion_model::rich_text::Text;
use notion_model::{NewBlock, RichText, RichTextContent};

use crate::blocks::rich_text_slot;

/// `,"rich_text":` (the key, when re-attached to a block measured without it).
const RICH_TEXT_KEY: usize = 13;
/// `,"cells":` (the key, when re-attached to a table row measured without it).
const CELLS_KEY: usize = 9;

/// JSON bytes of a block without children (the caller has detached them). The rich text
/// (or a table row's cells) is taken out while the rest is counted, then put back.
pub(super) fn block_len(block: &mut NewBlock) -> usize {
    if let BlockContent::TableRow(row) = &mut block.content
        && let Some(cells) = row.cells.take()
    {
        let skeleton = counted_len(block);
        let cells_len = CELLS_KEY + 2 + cells.iter().map(|c| array_len(c) + 1).sum::<usize>();
        if let BlockContent::TableRow(row) = &mut block.content {
            row.cells = Some(cells);
        }
        return skeleton + cells_len;
    }
    let Some(items) = rich_text_slot(&mut block.content).and_then(Option::take) else {
        return counted_len(block);
    };
    let skeleton = counted_len(block);
    let text_len = RICH_TEXT_KEY + array_len(&items);
    if let Some(slot) = rich_text_slot(&mut block.content) {
        *slot = Some(items);
    }
    skeleton + text_len
}

/// JSON bytes of a rich-text array.
pub(super) fn array_len(items: &[RichText]) -> usize {
    2 + items.iter().map(|item| item_len(item) + 1).sum::<usize>()
}

/// JSON bytes of one rich-text item (an upper bound).
fn item_len(item: &RichText) -> usize {
    if !item.extra.is_empty() {
        return counted_len(item);
    }
    // `{` `}` plus `"type":"…",`
    let mut bytes = 2 + item.type_name.as_deref().map_or(0, |t| 10 + t.len());
    bytes += match &item.content {
        RichTextContent::Text(text) => text_len(text),
        RichTextContent::Equation(eq) if eq.extra.is_empty() => {
            // `"equation":{"expression":…}`
            26 + string_len(&eq.expression)
        }
        other => counted_len(other),
    };
    if let Some(annotations) = &item.annotations {
        bytes += if annotations.extra.is_empty() {
            // `,"annotations":{…}` with every flag and the longest spelling of each.
            16 + 90
                + annotations
                    .color
                    .as_ref()
                    .map_or(0, |c| 10 + c.as_str().len())
        } else {
            16 + counted_len(annotations)
        };
    }
    if let Some(plain) = item.plain_text() {
        bytes += 14 + string_len(plain);
    }
    if let Some(href) = item.href() {
        bytes += 8 + href.map_or(4, string_len);
    }
    bytes
}

/// `"text":{"content":…,"link":…}`.
fn text_len(text: &Text) -> usize {
    if !text.extra.is_empty() {
        return 8 + counted_len(text);
    }
    let mut bytes = 19 + string_len(&text.content);
    if let Some(link) = &text.link {
        bytes += 8 + match link {
            None => 4,
            Some(link) if link.extra.is_empty() => 8 + string_len(&link.url),
            Some(link) => counted_len(link),
        };
    }
    bytes
}

/// JSON bytes of a string literal: quotes plus escapes (serde_json escapes `"`, `\` and
/// control characters; `\u00XX` for those without a short form).
fn string_len(s: &str) -> usize {
    2 + s.len()
        + s.bytes()
            .map(|b| match b {
                b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
                0..=0x1f => 5,
                _ => 0,
            })
            .sum::<usize>()
}

/// Exact JSON length of a value, without building the JSON.
fn counted_len<T: serde::Serialize + ?Sized>(value: &T) -> usize {
    let mut counter = ByteCounter(0);
    match serde_json::to_writer(&mut counter, value) {
        Ok(()) => counter.0,
        Err(_) => 0,
    }
}

/// An `io::Write` that only counts.
#[derive(Debug)]
struct ByteCounter(usize);

impl io::Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use notion_model::{Annotations, Block, Color, Mention, PageId};
    use serde_json::json;

    use super::*;

    fn exact(block: &NewBlock) -> usize {
        serde_json::to_vec(block).map_or(0, |v| v.len())
    }

    #[test]
    fn estimates_are_upper_bounds_and_close() {
        let page = PageId::parse("1f0c9a3e5b7d4c219e8a6d2b4f1a0c33").unwrap();
        let response_item: RichText = serde_json::from_value(json!({
            "type": "text", "text": {"content": "resp", "link": null},
            "annotations": {"bold": false, "italic": false, "strikethrough": false,
                            "underline": false, "code": false, "color": "default"},
            "plain_text": "resp", "href": null
        }))
        .unwrap();
        let blocks = vec![
            Block::paragraph("plain"),
            Block::paragraph_rich(vec![
                RichText::text("quote \" and \\ and \n and \u{1} and é"),
                RichText::link("docs", "https://x.test/?a=\"b\""),
                RichText::text("b").bold().color(Color::RedBackground),
                RichText::equation("x^2"),
                RichText::mention(Mention::page(page)),
                RichText::text("a").with_annotations(Annotations::plain()),
                response_item,
            ]),
            Block::heading_2("Title"),
            Block::to_do("task", true),
            Block::code("rust", "fn main() {}"),
            Block::divider(),
            Block::table(
                2,
                true,
                vec![
                    vec!["a".into(), "b".into()],
                    vec!["c \"d\"".into(), "e".into()],
                ],
            ),
        ];
        for mut block in blocks {
            let before = block.clone();
            let exact = exact(&block);
            let estimate = block_len(&mut block);
            assert_eq!(block, before, "measuring gives the rich text back");
            assert!(estimate >= exact, "{estimate} < {exact}: {block:?}");
            assert!(
                estimate <= exact + exact / 2 + 64,
                "{estimate} ≫ {exact}: {block:?}"
            );
        }
    }
}
