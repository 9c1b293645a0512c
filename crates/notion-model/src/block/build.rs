//! Short constructors for request blocks: `Block::paragraph("hi")`, `Block::code("rust", "..")`.

use crate::block::content::{
    BlockContent, CalloutBlock, CodeBlock, CodeLanguage, ColumnBlock, ContainerBlock,
    EquationBlock, HeadingBlock, NumberedListItemBlock, TableBlock, TableRowBlock, TextBlock,
    ToDoBlock, UrlBlock,
};
use crate::block::{Block, NewBlock};
use crate::common::{EmptyObject, Extra};
use crate::file::{Icon, MediaBlock};
use crate::rich_text::RichText;

fn text_block(text: impl Into<String>) -> TextBlock {
    TextBlock {
        rich_text: Some(vec![RichText::text(text)]),
        ..TextBlock::default()
    }
}

fn heading(text: impl Into<String>) -> HeadingBlock {
    HeadingBlock {
        rich_text: Some(vec![RichText::text(text)]),
        ..HeadingBlock::default()
    }
}

/// Request-block constructors. They return [`NewBlock`], the shape Notion accepts in
/// `children` arrays.
impl Block {
    /// A paragraph of plain text.
    pub fn paragraph(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Paragraph(text_block(text)))
    }

    /// A paragraph of rich text.
    pub fn paragraph_rich(rich_text: Vec<RichText>) -> NewBlock {
        NewBlock::new(BlockContent::Paragraph(TextBlock {
            rich_text: Some(rich_text),
            ..TextBlock::default()
        }))
    }

    /// A level-1 heading.
    pub fn heading_1(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Heading1(heading(text)))
    }

    /// A level-2 heading.
    pub fn heading_2(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Heading2(heading(text)))
    }

    /// A level-3 heading.
    pub fn heading_3(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Heading3(heading(text)))
    }

    /// A level-4 heading.
    pub fn heading_4(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Heading4(heading(text)))
    }

    /// A bulleted list item.
    pub fn bulleted(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::BulletedListItem(text_block(text)))
    }

    /// A numbered list item.
    pub fn numbered(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::NumberedListItem(Box::new(
            NumberedListItemBlock {
                rich_text: Some(vec![RichText::text(text)]),
                ..NumberedListItemBlock::default()
            },
        )))
    }

    /// A to-do item.
    pub fn to_do(text: impl Into<String>, checked: bool) -> NewBlock {
        NewBlock::new(BlockContent::ToDo(ToDoBlock {
            rich_text: Some(vec![RichText::text(text)]),
            checked: Some(checked),
            ..ToDoBlock::default()
        }))
    }

    /// A toggle.
    pub fn toggle(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Toggle(text_block(text)))
    }

    /// A quote.
    pub fn quote(text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Quote(text_block(text)))
    }

    /// A callout with an emoji icon.
    pub fn callout(emoji: impl Into<String>, text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Callout(CalloutBlock {
            rich_text: Some(vec![RichText::text(text)]),
            icon: Some(Some(Box::new(Icon::emoji(emoji)))),
            ..CalloutBlock::default()
        }))
    }

    /// A code block.
    pub fn code(language: impl Into<String>, text: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Code(CodeBlock {
            rich_text: Some(vec![RichText::text(text)]),
            language: Some(CodeLanguage::from_wire(&language.into())),
            ..CodeBlock::default()
        }))
    }

    /// A block equation.
    pub fn equation(expression: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Equation(EquationBlock {
            expression: expression.into(),
            extra: Extra::new(),
        }))
    }

    /// A divider.
    pub fn divider() -> NewBlock {
        NewBlock::new(BlockContent::Divider(EmptyObject::new()))
    }

    /// A bookmark.
    pub fn bookmark(url: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Bookmark(UrlBlock {
            url: url.into(),
            caption: None,
            extra: Extra::new(),
        }))
    }

    /// An embed.
    pub fn embed(url: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Embed(UrlBlock {
            url: url.into(),
            caption: None,
            extra: Extra::new(),
        }))
    }

    /// An image from an external URL.
    pub fn image(url: impl Into<String>) -> NewBlock {
        NewBlock::new(BlockContent::Image(Box::new(MediaBlock::external(url))))
    }

    /// A table with `width` columns and the given rows (each row: one string per cell).
    pub fn table(width: u32, has_column_header: bool, rows: Vec<Vec<String>>) -> NewBlock {
        let rows = rows
            .into_iter()
            .map(|cells| {
                NewBlock::new(BlockContent::TableRow(TableRowBlock {
                    cells: Some(cells.into_iter().map(|c| vec![RichText::text(c)]).collect()),
                    extra: Extra::new(),
                }))
            })
            .collect();
        NewBlock::new(BlockContent::Table(TableBlock {
            table_width: Some(width),
            has_column_header: Some(has_column_header),
            has_row_header: Some(false),
            children: Some(rows),
            extra: Extra::new(),
        }))
    }

    /// A column list whose columns hold the given blocks.
    pub fn columns(columns: Vec<Vec<NewBlock>>) -> NewBlock {
        let columns = columns
            .into_iter()
            .map(|children| {
                NewBlock::new(BlockContent::Column(ColumnBlock {
                    width_ratio: None,
                    children: Some(children),
                    extra: Extra::new(),
                }))
            })
            .collect();
        NewBlock::new(BlockContent::ColumnList(ContainerBlock {
            children: Some(columns),
            extra: Extra::new(),
        }))
    }
}

impl NewBlock {
    /// Adds nested children (for block types that take them; ignored otherwise).
    pub fn with_children(mut self, children: Vec<NewBlock>) -> Self {
        let slot = match &mut self.content {
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
            _ => return self,
        };
        *slot = Some(children);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use serde_json::json;

    #[test]
    fn paragraph_and_headings() {
        assert_eq!(
            serde_json::to_value(Block::paragraph("hi")).unwrap(),
            json!({"type": "paragraph", "paragraph": {"rich_text": [{"type": "text", "text": {"content": "hi"}}]}})
        );
        assert_eq!(
            serde_json::to_value(Block::heading_1("T")).unwrap(),
            json!({"type": "heading_1", "heading_1": {"rich_text": [{"type": "text", "text": {"content": "T"}}]}})
        );
    }

    #[test]
    fn to_do_code_and_children() {
        assert_eq!(
            serde_json::to_value(Block::to_do("ship", true)).unwrap(),
            json!({"type": "to_do", "to_do": {"rich_text": [{"type": "text", "text": {"content": "ship"}}], "checked": true}})
        );
        assert_eq!(
            serde_json::to_value(Block::code("rust", "fn main() {}")).unwrap(),
            json!({"type": "code", "code": {"rich_text": [{"type": "text", "text": {"content": "fn main() {}"}}], "language": "rust"}})
        );
        let toggle = Block::toggle("more").with_children(vec![Block::divider()]);
        assert_eq!(
            serde_json::to_value(toggle).unwrap(),
            json!({"type": "toggle", "toggle": {
                "rich_text": [{"type": "text", "text": {"content": "more"}}],
                "children": [{"type": "divider", "divider": {}}]
            }})
        );
    }

    #[test]
    fn table_rows_are_children() {
        let table = Block::table(2, true, vec![vec!["a".into(), "b".into()]]);
        let value = serde_json::to_value(table).unwrap();
        assert_eq!(value["table"]["table_width"], json!(2));
        assert_eq!(
            value["table"]["children"][0]["table_row"]["cells"][1][0]["text"]["content"],
            json!("b")
        );
    }
}
