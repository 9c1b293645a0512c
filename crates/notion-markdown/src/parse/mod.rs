//! Markdown (CommonMark + GFM + Notion's enhanced tags) -> request blocks.

mod frame;
mod inline;
mod raw;
mod table;
pub(crate) mod tags;

use std::ops::Range;

use notion_model::block::{BlockContent, CodeBlock, CodeLanguage, HeadingBlock};
use notion_model::{Block, NewBlock, RichText};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use crate::blocks::paragraph;
use crate::front_matter::split_front_matter;
use crate::language::{PLAIN_TEXT, notion_language};
use crate::limits::enforce_limits;
use crate::options::{Converted, Options, Warning};

pub(crate) use frame::{Frame, FrameKind};
pub(crate) use inline::{Inline, Segment, as_text, link_of, media_block, parse_color};
use table::TableState;

/// How deep enhanced-Markdown tags may nest text that is parsed again as Markdown.
const MAX_NESTED_PARSE: usize = 24;

/// Converts Markdown to Notion request blocks.
///
/// Supports CommonMark, GFM (tables, strikethrough, task lists, alerts, footnotes), `$…$` and
/// `$$…$$` math, YAML front matter, and Notion's enhanced-Markdown tags (see the crate docs
/// for the full mapping). The result is already within Notion's per-item limits
/// ([`crate::limits`]); use [`crate::plan_appends`] to send it.
pub fn markdown_to_blocks(md: &str, options: &Options) -> Converted {
    let normalized;
    let md = if md.contains('\r') {
        normalized = normalize_line_endings(md);
        normalized.as_str()
    } else {
        md
    };
    let (front_matter, body) = split_front_matter(md);
    let mut parser = BlockParser::new(options, 0);
    parser.run(body);
    let (mut blocks, warnings, footnotes) = parser.finish();
    if !footnotes.is_empty() {
        blocks.push(Block::heading_3("Footnotes"));
        blocks.extend(footnotes);
    }
    Converted {
        blocks: enforce_limits(blocks),
        front_matter,
        warnings,
    }
}

/// CRLF and lone CR become LF, in one pass.
fn normalize_line_endings(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Where the inline content being collected goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum InlineTarget {
    Paragraph,
    Heading(u8),
    Cell,
    ItemText,
}

/// State for one Markdown document (or one fragment inside an enhanced tag).
#[derive(Debug)]
pub(crate) struct BlockParser<'o> {
    options: &'o Options,
    depth: usize,
    stack: Vec<Frame>,
    /// Where the inline content being collected goes (`None`: nothing is being collected).
    inline_target: Option<InlineTarget>,
    /// The inline collector, reused for every paragraph, heading, cell and item.
    inline: Inline,
    code: Option<(String, String)>,
    html: Option<String>,
    table: Option<TableState>,
    tag_paragraph: Option<String>,
    footnotes: Vec<NewBlock>,
    warnings: Vec<Warning>,
}

impl<'o> BlockParser<'o> {
    pub(crate) fn new(options: &'o Options, depth: usize) -> Self {
        Self {
            options,
            depth,
            stack: vec![Frame::new(FrameKind::Root)],
            inline_target: None,
            inline: Inline::default(),
            code: None,
            html: None,
            table: None,
            tag_paragraph: None,
            footnotes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn markdown_options() -> pulldown_cmark::Options {
        use pulldown_cmark::Options as O;
        O::ENABLE_TABLES
            | O::ENABLE_FOOTNOTES
            | O::ENABLE_STRIKETHROUGH
            | O::ENABLE_TASKLISTS
            | O::ENABLE_MATH
            | O::ENABLE_GFM
    }

    pub(crate) fn run(&mut self, body: &str) {
        let events = pulldown_cmark::Parser::new_ext(body, Self::markdown_options());
        for (event, range) in events.into_offset_iter() {
            self.event(event, range, body);
        }
    }

    pub(crate) fn finish(mut self) -> (Vec<NewBlock>, Vec<Warning>, Vec<NewBlock>) {
        self.flush_item_text();
        while self.stack.len() > 1 {
            if let Some(tag) = self.stack.last().and_then(|f| f.kind.tag()) {
                self.warn(format!("<{tag}> was never closed; closed at the end"));
            }
            self.pop_frame();
        }
        let root = self.stack.pop().map(Frame::finish).unwrap_or_default();
        (root, self.warnings, self.footnotes)
    }

    fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(Warning::new(message));
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>, body: &str) {
        if self.tag_paragraph.is_some() {
            if let Event::End(TagEnd::Paragraph) = event
                && let Some(raw) = self.tag_paragraph.take()
            {
                self.process_raw(&raw);
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range, body),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((_, code)) = &mut self.code {
                    code.push_str(&text);
                } else if let Some(html) = &mut self.html {
                    html.push_str(&text);
                } else {
                    self.inline().text(&text);
                }
            }
            Event::Code(code) => self.inline().code(&code),
            Event::InlineMath(math) => self.inline().equation(&math),
            Event::DisplayMath(math) => {
                let block = Block::equation(math.trim());
                self.inline().block(block);
            }
            Event::Html(html) => match &mut self.html {
                Some(buffer) => buffer.push_str(&html),
                None => self.process_raw(&html),
            },
            Event::InlineHtml(html) => self.inline().html(&html),
            Event::FootnoteReference(label) => self.inline().text(&format!("[{label}]")),
            Event::SoftBreak => self.inline().text(" "),
            Event::HardBreak => self.inline().text("\n"),
            Event::Rule => {
                self.flush_item_text();
                self.push_block(Block::divider());
            }
            Event::TaskListMarker(checked) => {
                if let Some(frame) = self
                    .stack
                    .iter_mut()
                    .rev()
                    .find(|f| matches!(f.kind, FrameKind::Item { .. }))
                    && let FrameKind::Item { checked: slot, .. } = &mut frame.kind
                {
                    *slot = Some(checked);
                }
            }
        }
    }

    fn inline(&mut self) -> &mut Inline {
        if self.inline_target.is_none() {
            let target = match self.top().kind {
                FrameKind::Item { .. } => InlineTarget::ItemText,
                _ => InlineTarget::Paragraph,
            };
            self.start_inline(target);
        }
        &mut self.inline
    }

    /// Starts collecting inline content for `target` (replacing any open collection).
    fn start_inline(&mut self, target: InlineTarget) {
        self.inline.reset();
        self.inline_target = Some(target);
    }

    fn top(&mut self) -> &mut Frame {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn push_block(&mut self, block: NewBlock) {
        self.top().push(block);
    }

    /// Ends tight list-item text when a nested block starts.
    fn flush_item_text(&mut self) {
        if self.inline_target == Some(InlineTarget::ItemText) {
            self.inline_target = None;
            let finished = self.inline.finish();
            self.emit_segments(finished, false);
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>, body: &str) {
        match tag {
            Tag::Paragraph => {
                self.flush_item_text();
                let raw = &body[range];
                if raw::is_tag_paragraph(raw) {
                    self.tag_paragraph = Some(raw.to_owned());
                } else {
                    self.start_inline(InlineTarget::Paragraph);
                }
            }
            Tag::Heading { level, .. } => {
                self.flush_item_text();
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.start_inline(InlineTarget::Heading(level));
            }
            Tag::BlockQuote(kind) => {
                self.flush_item_text();
                self.stack.push(Frame::new(FrameKind::Quote(kind)));
            }
            Tag::CodeBlock(kind) => {
                self.flush_item_text();
                let language = match kind {
                    CodeBlockKind::Fenced(info) => match notion_language(&info) {
                        Some(language) => language.to_owned(),
                        None => {
                            self.warn(format!(
                                "code language `{info}` is not in Notion's list; using plain text"
                            ));
                            PLAIN_TEXT.to_owned()
                        }
                    },
                    CodeBlockKind::Indented => PLAIN_TEXT.to_owned(),
                };
                self.code = Some((language, String::new()));
            }
            Tag::HtmlBlock => {
                self.flush_item_text();
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                self.flush_item_text();
                self.stack.push(Frame::new(FrameKind::List { start }));
            }
            Tag::Item => {
                let (start, first) = match &self.top().kind {
                    FrameKind::List { start } => (*start, self.top().blocks.is_empty()),
                    _ => (None, false),
                };
                self.stack.push(Frame::new(FrameKind::Item {
                    start,
                    first,
                    checked: None,
                }));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_item_text();
                self.stack
                    .push(Frame::new(FrameKind::Footnote(label.to_string())));
            }
            Tag::Table(alignments) => {
                self.flush_item_text();
                // One row per source line but the delimiter row: an upper bound.
                let lines = body[range].lines().count();
                self.table = Some(TableState::new(alignments.len(), lines.saturating_sub(1)));
            }
            Tag::TableCell => self.start_inline(InlineTarget::Cell),
            Tag::Emphasis => self.inline().emphasis(true),
            Tag::Strong => self.inline().strong(true),
            Tag::Strikethrough => self.inline().strikethrough(true),
            Tag::Link { dest_url, .. } => self.inline().link_start(&dest_url),
            Tag::Image { dest_url, .. } => self.inline().image_start(&dest_url),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.end_paragraph(),
            TagEnd::Heading(_) => {
                if let Some(InlineTarget::Heading(level)) = self.inline_target.take() {
                    let (text, warnings) = self.inline.finish_inline();
                    self.warnings.extend(warnings);
                    let block = self.heading(level, text);
                    self.push_block(block);
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush_item_text();
                self.close_until(|k| matches!(k, FrameKind::Quote(_)));
            }
            TagEnd::CodeBlock => {
                if let Some((language, mut text)) = self.code.take() {
                    if text.ends_with('\n') {
                        text.pop();
                    }
                    let mut code = CodeBlock::default();
                    code.rich_text = Some(vec![RichText::text(text)]);
                    code.language = Some(CodeLanguage::from_wire(&language));
                    self.push_block(NewBlock::new(BlockContent::Code(code)));
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.process_raw(&html);
                }
            }
            TagEnd::List(_) => {
                self.flush_item_text();
                self.close_until(|k| matches!(k, FrameKind::List { .. }));
            }
            TagEnd::Item => {
                self.flush_item_text();
                self.close_until(|k| matches!(k, FrameKind::Item { .. }));
            }
            TagEnd::FootnoteDefinition => {
                self.flush_item_text();
                if self
                    .stack
                    .iter()
                    .any(|f| matches!(f.kind, FrameKind::Footnote(_)))
                {
                    self.close_open_tags_until(|k| matches!(k, FrameKind::Footnote(_)));
                    if let Some(frame) = self.stack.pop() {
                        self.footnotes.extend(frame.finish());
                    }
                }
            }
            TagEnd::Table => self.finish_table(),
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.end_row();
                }
            }
            TagEnd::TableCell => {
                if let Some(InlineTarget::Cell) = self.inline_target.take() {
                    let (text, warnings) = self.inline.finish_inline();
                    self.warnings.extend(warnings);
                    if let Some(table) = &mut self.table {
                        table.push_cell(text);
                    }
                }
            }
            TagEnd::Emphasis => self.inline().emphasis(false),
            TagEnd::Strong => self.inline().strong(false),
            TagEnd::Strikethrough => self.inline().strikethrough(false),
            TagEnd::Link => self.inline().link_end(),
            TagEnd::Image => self.inline().image_end(),
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        if self.inline_target.take().is_some() {
            let finished = self.inline.finish();
            self.emit_segments(finished, true);
        }
    }

    fn heading(&mut self, level: u8, text: Vec<RichText>) -> NewBlock {
        let mut heading = HeadingBlock::default();
        heading.rich_text = Some(text);
        let content = match level {
            1 => BlockContent::Heading1(heading),
            2 => BlockContent::Heading2(heading),
            3 => BlockContent::Heading3(heading),
            _ if self.options.heading_4 => BlockContent::Heading4(heading),
            _ => BlockContent::Heading3(heading),
        };
        NewBlock::new(content)
    }

    /// Turns collected inline segments into blocks: text runs become paragraphs (or the
    /// container's own text), images and display equations become their own blocks.
    fn emit_segments(&mut self, finished: inline::Finished, allow_bookmark: bool) {
        let several = finished.len() > 1;
        self.warnings.extend(finished.warnings);
        for segment in finished.segments {
            match segment {
                Segment::Text(items) => self.emit_text(items, several, allow_bookmark),
                Segment::Block(block) => self.push_block(block),
            }
        }
        if let Some(items) = finished.tail {
            self.emit_text(items, several, allow_bookmark);
        }
    }

    /// One text segment of [`Self::emit_segments`]: a paragraph, a bookmark or the
    /// container's own text.
    fn emit_text(&mut self, mut items: Vec<RichText>, several: bool, allow_bookmark: bool) {
        if several {
            trim_edges(&mut items);
        }
        if !items.is_empty() && items.iter().all(is_blank) {
            return;
        }
        let frame = self.top();
        let becomes_text = matches!(
            frame.kind,
            FrameKind::Item { .. }
                | FrameKind::Quote(_)
                | FrameKind::Callout { .. }
                | FrameKind::Footnote(_)
                | FrameKind::Template
        ) && frame.text.is_none()
            && frame.blocks.is_empty();
        let block = match bare_link(&items) {
            Some(url) if allow_bookmark && !several && !becomes_text => Block::bookmark(url),
            _ => paragraph(items),
        };
        self.push_block(block);
    }

    fn finish_table(&mut self) {
        if let Some(table) = self.table.take().and_then(TableState::finish) {
            self.push_block(table);
        }
    }

    /// Pops the top frame into its parent.
    fn pop_frame(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.stack.is_empty() {
            self.stack.push(frame);
            return;
        }
        let is_children = matches!(frame.kind, FrameKind::Children);
        let blocks = frame.finish();
        if is_children {
            let parent = self.top();
            if !frame::attach_children(&mut parent.blocks, blocks) {
                self.warn("<children> follows a block that cannot hold children; kept as siblings");
            }
        } else {
            for block in blocks {
                self.push_block(block);
            }
        }
    }

    /// Closes enhanced-tag frames left open above the Markdown container `is_target`.
    fn close_open_tags_until(&mut self, is_target: impl Fn(&FrameKind) -> bool) {
        while self.stack.len() > 1 && !is_target(&self.top().kind) {
            if let Some(tag) = self.top().kind.tag() {
                self.warn(format!(
                    "<{tag}> was not closed inside its Markdown container"
                ));
            }
            self.pop_frame();
        }
    }

    fn close_until(&mut self, is_target: impl Fn(&FrameKind) -> bool) {
        if !self.stack.iter().skip(1).any(|f| is_target(&f.kind)) {
            return;
        }
        self.close_open_tags_until(&is_target);
        self.pop_frame();
    }

    /// An HTML block that starts with an inline tag (a mention alone on its line): read it
    /// as the paragraph it would be without the HTML-block rule.
    fn parse_inline_html_block(&mut self, raw: &str) {
        const SENTINEL: char = '\u{E000}';
        let mut blocks = self.parse_nested(&format!("{SENTINEL}{}", raw.trim()));
        if let Some(first) = blocks.first_mut()
            && let Some(Some(items)) = crate::blocks::rich_text_slot(&mut first.content)
            && let Some(notion_model::RichTextContent::Text(text)) =
                items.first_mut().map(|item| &mut item.content)
            && text.content.starts_with(SENTINEL)
        {
            text.content.remove(0);
            if text.content.is_empty() {
                items.remove(0);
            }
        }
        for block in blocks {
            self.push_block(block);
        }
    }

    /// Parses a fragment (text inside an enhanced tag) as Markdown.
    fn parse_nested(&mut self, text: &str) -> Vec<NewBlock> {
        if self.depth >= MAX_NESTED_PARSE {
            self.warn("enhanced tags nested too deeply; inner text kept as a paragraph");
            return vec![paragraph(vec![RichText::text(text.trim())])];
        }
        let mut nested = BlockParser::new(self.options, self.depth + 1);
        nested.run(&raw::dedent(text));
        let (blocks, warnings, footnotes) = nested.finish();
        self.warnings.extend(warnings);
        self.footnotes.extend(footnotes);
        blocks
    }
}

fn is_blank(item: &RichText) -> bool {
    as_text(item).is_some_and(|t| t.content.trim().is_empty())
}

fn trim_edges(items: &mut [RichText]) {
    if let Some(first) = items.first_mut()
        && let notion_model::RichTextContent::Text(t) = &mut first.content
    {
        t.content = t.content.trim_start().to_owned();
    }
    if let Some(last) = items.last_mut()
        && let notion_model::RichTextContent::Text(t) = &mut last.content
    {
        t.content = t.content.trim_end().to_owned();
    }
}

/// The URL of a paragraph that is only a link whose text is its URL.
fn bare_link(items: &[RichText]) -> Option<String> {
    let [item] = items else {
        return None;
    };
    if item.annotations.is_some() {
        return None;
    }
    let text = as_text(item)?;
    match link_of(text) {
        Some(link) => (link.url == text.content).then(|| link.url.clone()),
        None => {
            let url = text.content.as_str();
            let is_url = (url.starts_with("https://") || url.starts_with("http://"))
                && !url.contains(char::is_whitespace);
            is_url.then(|| url.to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_line_endings;

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(normalize_line_endings("a\r\nb\rc\n\r\n\r"), "a\nb\nc\n\n\n");
        assert_eq!(normalize_line_endings("no breaks"), "no breaks");
    }
}
