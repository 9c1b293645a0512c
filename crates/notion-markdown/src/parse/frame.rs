//! Open containers while parsing: Markdown ones (list items, quotes) and enhanced-Markdown
//! tags (callouts, toggles, columns, ...) share one stack.

use notion_model::block::{
    BlockContent, CalloutBlock, ColumnBlock, ContainerBlock, HeadingBlock, NumberedListItemBlock,
    SyncedBlock, ToDoBlock,
};
use notion_model::{Color, Icon, NewBlock, RichText};
use pulldown_cmark::BlockQuoteKind;

use crate::blocks::{set_children, text_block};

/// What a toggle's `<summary>` turned into.
#[derive(Debug, Clone)]
pub(crate) enum Summary {
    Text(Vec<RichText>),
    Heading(u8, Vec<RichText>),
}

/// The kind of an open container.
#[derive(Debug, Clone)]
pub(crate) enum FrameKind {
    Root,
    List {
        start: Option<u64>,
    },
    Item {
        start: Option<u64>,
        first: bool,
        checked: Option<bool>,
    },
    Quote(Option<BlockQuoteKind>),
    Footnote(String),
    Callout {
        icon: Option<Icon>,
        color: Option<Color>,
    },
    Toggle(Option<Summary>),
    Columns,
    Column(Option<serde_json::Number>),
    Synced,
    Template,
    Tabs,
    /// `<children>`: blocks that belong to the previous sibling.
    Children,
}

impl FrameKind {
    /// The enhanced-Markdown tag that opens this kind, if any.
    pub(crate) fn tag(&self) -> Option<&'static str> {
        Some(match self {
            Self::Callout { .. } => "callout",
            Self::Toggle(_) => "details",
            Self::Columns => "columns",
            Self::Column(_) => "column",
            Self::Synced => "synced_block",
            Self::Template => "template",
            Self::Tabs => "tabs",
            Self::Children => "children",
            _ => return None,
        })
    }

    /// Whether the first paragraph becomes the container's own text.
    fn takes_text(&self) -> bool {
        matches!(
            self,
            Self::Item { .. }
                | Self::Quote(_)
                | Self::Callout { .. }
                | Self::Footnote(_)
                | Self::Template
        )
    }
}

/// An open container and what it has collected.
#[derive(Debug)]
pub(crate) struct Frame {
    pub(crate) kind: FrameKind,
    pub(crate) text: Option<Vec<RichText>>,
    pub(crate) blocks: Vec<NewBlock>,
}

impl Frame {
    pub(crate) fn new(kind: FrameKind) -> Self {
        Self {
            kind,
            text: None,
            blocks: Vec::new(),
        }
    }

    /// Adds a finished block; a leading plain paragraph becomes the container's text.
    pub(crate) fn push(&mut self, mut block: NewBlock) {
        if self.kind.takes_text()
            && self.text.is_none()
            && self.blocks.is_empty()
            && let BlockContent::Paragraph(p) = &mut block.content
            && p.children.is_none()
            && p.color.is_none()
        {
            self.text = Some(p.rich_text.take().unwrap_or_default());
            return;
        }
        self.blocks.push(block);
    }

    /// Turns the frame into the block(s) it stands for.
    pub(crate) fn finish(self) -> Vec<NewBlock> {
        let text = self.text.unwrap_or_default();
        let children = (!self.blocks.is_empty()).then_some(self.blocks);
        let content = match self.kind {
            FrameKind::Root | FrameKind::List { .. } | FrameKind::Children => {
                return children.unwrap_or_default();
            }
            FrameKind::Item {
                checked: Some(checked),
                ..
            } => {
                let mut b = ToDoBlock::default();
                b.rich_text = Some(text);
                b.checked = Some(checked);
                b.children = children;
                BlockContent::ToDo(b)
            }
            FrameKind::Item {
                start: Some(start),
                first,
                ..
            } => {
                let mut b = NumberedListItemBlock::default();
                b.rich_text = Some(text);
                b.list_start_index = (first && start != 1).then(|| start.into());
                b.children = children;
                BlockContent::NumberedListItem(Box::new(b))
            }
            FrameKind::Item { .. } => BlockContent::BulletedListItem(text_block(text, children)),
            FrameKind::Quote(None) => BlockContent::Quote(text_block(text, children)),
            FrameKind::Quote(Some(kind)) => {
                let (emoji, color) = alert_style(kind);
                callout(
                    text,
                    Some(Icon::emoji(emoji)),
                    Some(Color::from_wire(color)),
                    children,
                )
            }
            FrameKind::Footnote(label) => {
                let mut rich = vec![RichText::text(format!("[{label}] "))];
                rich.extend(text);
                BlockContent::Paragraph(text_block(rich, children))
            }
            FrameKind::Callout { icon, color } => callout(text, icon, color, children),
            FrameKind::Toggle(Some(Summary::Heading(level, rich))) => {
                let mut heading = HeadingBlock::default();
                heading.rich_text = Some(rich);
                heading.is_toggleable = Some(true);
                heading.children = children;
                match level {
                    1 => BlockContent::Heading1(heading),
                    2 => BlockContent::Heading2(heading),
                    3 => BlockContent::Heading3(heading),
                    _ => BlockContent::Heading4(heading),
                }
            }
            FrameKind::Toggle(summary) => {
                let rich = match summary {
                    Some(Summary::Text(rich)) => rich,
                    _ => Vec::new(),
                };
                BlockContent::Toggle(text_block(rich, children))
            }
            FrameKind::Columns => {
                let mut b = ContainerBlock::default();
                b.children = children;
                BlockContent::ColumnList(b)
            }
            FrameKind::Column(width_ratio) => {
                let mut b = ColumnBlock::default();
                b.width_ratio = width_ratio;
                b.children = children;
                BlockContent::Column(b)
            }
            FrameKind::Synced => {
                let mut b = SyncedBlock::default();
                b.synced_from = Some(None);
                b.children = children;
                BlockContent::SyncedBlock(b)
            }
            FrameKind::Template => BlockContent::Template(text_block(text, children)),
            FrameKind::Tabs => {
                let mut b = ContainerBlock::default();
                b.children = children;
                BlockContent::Tab(b)
            }
        };
        vec![NewBlock::new(content)]
    }
}

fn callout(
    text: Vec<RichText>,
    icon: Option<Icon>,
    color: Option<Color>,
    children: Option<Vec<NewBlock>>,
) -> BlockContent {
    let mut b = CalloutBlock::default();
    b.rich_text = Some(text);
    b.icon = icon.map(|icon| Some(Box::new(icon)));
    b.color = color;
    b.children = children;
    BlockContent::Callout(b)
}

/// Attaches `<children>` content to the last block of `blocks` (or appends it when that
/// block cannot hold children).
pub(crate) fn attach_children(blocks: &mut Vec<NewBlock>, children: Vec<NewBlock>) -> bool {
    if let Some(last) = blocks.last_mut()
        && crate::blocks::children_slot(&mut last.content).is_some_and(|slot| slot.is_none())
    {
        set_children(last, children);
        return true;
    }
    blocks.extend(children);
    false
}

/// Icon and color for GitHub alerts (`> [!NOTE]` ...).
pub(crate) fn alert_style(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("ℹ️", "blue_background"),
        BlockQuoteKind::Tip => ("💡", "green_background"),
        BlockQuoteKind::Important => ("❗", "purple_background"),
        BlockQuoteKind::Warning => ("⚠️", "yellow_background"),
        BlockQuoteKind::Caution => ("🛑", "red_background"),
    }
}
