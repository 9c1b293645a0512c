//! Mutable access to the parts of a block payload that conversion needs.

use notion_model::block::BlockContent;
use notion_model::{NewBlock, RichText};

/// The `children` slot of a payload, for types that carry one.
pub(crate) fn children_slot(content: &mut BlockContent) -> Option<&mut Option<Vec<NewBlock>>> {
    Some(match content {
        BlockContent::Paragraph(b)
        | BlockContent::BulletedListItem(b)
        | BlockContent::Quote(b)
        | BlockContent::Toggle(b)
        | BlockContent::Template(b) => &mut b.children,
        BlockContent::Heading1(b)
        | BlockContent::Heading2(b)
        | BlockContent::Heading3(b)
        | BlockContent::Heading4(b) => &mut b.children,
        BlockContent::NumberedListItem(b) => &mut b.children,
        BlockContent::ToDo(b) => &mut b.children,
        BlockContent::Callout(b) => &mut b.children,
        BlockContent::SyncedBlock(b) => &mut b.children,
        BlockContent::ColumnList(b) | BlockContent::Tab(b) => &mut b.children,
        BlockContent::Column(b) => &mut b.children,
        BlockContent::Table(b) => &mut b.children,
        _ => return None,
    })
}

/// Removes and returns a block's nested children (empty when it has none).
pub(crate) fn take_children(block: &mut NewBlock) -> Vec<NewBlock> {
    children_slot(&mut block.content)
        .and_then(Option::take)
        .unwrap_or_default()
}

/// Puts children back (no-op for an empty list or a type without children).
pub(crate) fn set_children(block: &mut NewBlock, children: Vec<NewBlock>) {
    if children.is_empty() {
        return;
    }
    if let Some(slot) = children_slot(&mut block.content) {
        *slot = Some(children);
    }
}

/// The `rich_text` slot of a payload, for types that carry one.
pub(crate) fn rich_text_slot(content: &mut BlockContent) -> Option<&mut Option<Vec<RichText>>> {
    Some(match content {
        BlockContent::Paragraph(b)
        | BlockContent::BulletedListItem(b)
        | BlockContent::Quote(b)
        | BlockContent::Toggle(b)
        | BlockContent::Template(b) => &mut b.rich_text,
        BlockContent::Heading1(b)
        | BlockContent::Heading2(b)
        | BlockContent::Heading3(b)
        | BlockContent::Heading4(b) => &mut b.rich_text,
        BlockContent::NumberedListItem(b) => &mut b.rich_text,
        BlockContent::ToDo(b) => &mut b.rich_text,
        BlockContent::Callout(b) => &mut b.rich_text,
        BlockContent::Code(b) => &mut b.rich_text,
        _ => return None,
    })
}

/// Whether Notion rejects this block type when it is created without children
/// (tables need a row, column lists need columns, columns need a block).
pub(crate) fn requires_children(content: &BlockContent) -> bool {
    matches!(
        content,
        BlockContent::Table(_) | BlockContent::ColumnList(_) | BlockContent::Column(_)
    )
}

/// A `{rich_text, children?}` payload.
pub(crate) fn text_block(
    rich_text: Vec<RichText>,
    children: Option<Vec<NewBlock>>,
) -> notion_model::block::TextBlock {
    let mut block = notion_model::block::TextBlock::default();
    block.rich_text = Some(rich_text);
    block.children = children;
    block
}

/// A paragraph block.
pub(crate) fn paragraph(rich_text: Vec<RichText>) -> NewBlock {
    NewBlock::new(BlockContent::Paragraph(text_block(rich_text, None)))
}

/// Builds a model value from JSON (for `#[non_exhaustive]` types without constructors).
/// The JSON is built by this crate, so failure is a bug.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("notion-markdown builds valid model JSON")
}
