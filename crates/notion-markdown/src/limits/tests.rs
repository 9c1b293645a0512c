use notion_model::{Block, RichTextContent};
use pretty_assertions::assert_eq;

use super::*;

fn contents(items: &[RichText]) -> Vec<String> {
    items
        .iter()
        .map(|i| text_content(i).unwrap().content.clone())
        .collect()
}

#[test]
fn counts_utf16_units() {
    assert_eq!(utf16_len("abc"), 3);
    assert_eq!(utf16_len("日本"), 2);
    assert_eq!(utf16_len("😀"), 2);
}

#[test]
fn splits_ascii_at_exactly_2000() {
    let s = "a".repeat(4001);
    let pieces = split_utf16(&s, MAX_TEXT_UTF16);
    assert_eq!(
        pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
        vec![2000, 2000, 1]
    );
}

#[test]
fn never_splits_a_surrogate_pair() {
    let s = format!("{}😀tail", "a".repeat(1999));
    let pieces = split_utf16(&s, MAX_TEXT_UTF16);
    assert_eq!(pieces, vec!["a".repeat(1999).as_str(), "😀tail"]);
    let emoji = "😀".repeat(1500);
    let pieces = split_utf16(&emoji, MAX_TEXT_UTF16);
    assert_eq!(
        pieces.iter().map(|p| utf16_len(p)).collect::<Vec<_>>(),
        vec![2000, 1000]
    );
    assert_eq!(pieces.concat(), emoji);
}

#[test]
fn cjk_counts_one_unit_each() {
    let s = "漢".repeat(2500);
    let pieces = split_utf16(&s, MAX_TEXT_UTF16);
    assert_eq!(
        pieces.iter().map(|p| p.chars().count()).collect::<Vec<_>>(),
        vec![2000, 500]
    );
}

#[test]
fn long_links_keep_their_href_and_style_on_every_piece() {
    let item = RichText::link("x".repeat(4500), "https://example.test").bold();
    let out = split_rich_text(vec![item]);
    assert_eq!(out.len(), 3);
    for piece in &out {
        let text = text_content(piece).unwrap();
        assert_eq!(
            text.link.as_ref().unwrap().as_ref().unwrap().url,
            "https://example.test"
        );
        assert_eq!(piece.annotations.as_ref().unwrap().bold, Some(true));
    }
    assert_eq!(contents(&out).concat(), "x".repeat(4500));
}

#[test]
fn long_inline_equation_becomes_code_text() {
    let out = split_rich_text(vec![RichText::equation("x".repeat(1200))]);
    assert_eq!(out.len(), 1);
    assert!(matches!(out[0].content, RichTextContent::Text(_)));
    assert_eq!(out[0].annotations.as_ref().unwrap().code, Some(true));
}

#[test]
fn long_block_equation_becomes_latex_code() {
    let out = enforce_limits(vec![Block::equation("y".repeat(1001))]);
    let BlockContent::Code(code) = &out[0].content else {
        panic!("{out:?}")
    };
    assert_eq!(code.language, Some(CodeLanguage::Latex));
}

#[test]
fn long_paragraph_is_split_into_items_then_blocks() {
    let text = "word ".repeat(50_000);
    let out = enforce_limits(vec![Block::paragraph(text.clone())]);
    assert_eq!(out.len(), 2, "250,000 units = 125 items = two paragraphs");
    let mut joined = String::new();
    for block in &out {
        let items = block.content.rich_text();
        assert!(items.len() <= MAX_RICH_TEXT_ITEMS);
        for item in items {
            assert!(utf16_len(&text_content(item).unwrap().content) <= MAX_TEXT_UTF16);
        }
        joined.push_str(&notion_model::rich_text::plain_text(items));
    }
    assert_eq!(joined, text);
}

#[test]
fn many_items_merge_before_overflowing() {
    let items: Vec<RichText> = (0..300).map(|i| RichText::text(format!("{i} "))).collect();
    let chunks = fit_rich_text(items);
    assert_eq!(chunks.len(), 1);
    assert_eq!(chunks[0].len(), 1);
}

#[test]
fn list_item_overflow_goes_into_its_children() {
    let items: Vec<RichText> = (0..150)
        .map(|i| {
            let item = RichText::text(format!("{i}"));
            if i % 2 == 0 { item.bold() } else { item }
        })
        .collect();
    let mut block = Block::bulleted("x");
    if let BlockContent::BulletedListItem(b) = &mut block.content {
        b.rich_text = Some(items);
    }
    let out = enforce_limits(vec![block.with_children(vec![Block::divider()])]);
    assert_eq!(out.len(), 1);
    let children = out[0].content.children();
    assert_eq!(children.len(), 2);
    assert!(matches!(children[0].content, BlockContent::Paragraph(_)));
    assert_eq!(children[0].content.rich_text().len(), 50);
}
