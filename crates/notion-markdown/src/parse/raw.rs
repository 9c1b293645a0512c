//! Enhanced-Markdown block tags (`<callout>`, `<details>`, `<columns>`, `<page>`, ...) found
//! in HTML blocks or in paragraphs made only of such a tag.

use notion_model::block::{BlockContent, ColorOnlyBlock, LinkToPageBlock, MeetingNotesBlock};
use notion_model::{Block, EmptyObject, Icon, NewBlock, RichText};
use serde_json::json;

use crate::blocks::{from_json, paragraph};
use crate::parse::frame::{Frame, FrameKind, Summary};
use crate::parse::tags::{self, OpenTag, Token, decode_entities};
use crate::parse::{BlockParser, media_block, parse_color};

/// Tags that open a container frame.
const CONTAINER_TAGS: &[&str] = &[
    "callout",
    "details",
    "columns",
    "column",
    "synced_block",
    "template",
    "tabs",
    "children",
];

/// Tags whose body (up to the close tag) is a caption or title.
const ELEMENT_TAGS: &[&str] = &[
    "summary",
    "page",
    "database",
    "image",
    "video",
    "audio",
    "pdf",
    "file",
    "embed",
    "bookmark",
    "link_preview",
    "meeting-notes",
];

/// Inline tags that can start a line (and so an HTML block) in rendered Markdown.
const INLINE_TAGS: &[&str] = &[
    "mention-page",
    "mention-database",
    "mention-user",
    "mention-date",
    "span",
    "u",
    "ins",
    "b",
    "strong",
    "i",
    "em",
    "s",
    "del",
    "code",
    "br",
];

/// Self-closing block tags.
const EMPTY_TAGS: &[&str] = &[
    "table_of_contents",
    "breadcrumb",
    "empty-block",
    "link_to_page",
    "unknown",
];

fn is_block_tag(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    CONTAINER_TAGS.contains(&name.as_str())
        || ELEMENT_TAGS.contains(&name.as_str())
        || EMPTY_TAGS.contains(&name.as_str())
}

/// Whether a paragraph's source is an enhanced block tag (and not ordinary inline text).
pub(crate) fn is_tag_paragraph(raw: &str) -> bool {
    let raw = raw.trim();
    if !raw.starts_with('<') || !raw.ends_with('>') {
        return false;
    }
    match tags::parse_at(raw, 0) {
        Some((Token::Open(tag, _), _)) => is_block_tag(tag.name),
        Some((Token::Close(name, _), _)) => is_block_tag(name),
        _ => false,
    }
}

/// Removes the indentation common to all non-blank lines (tabs or spaces).
pub(crate) fn dedent(text: &str) -> String {
    let indent = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    if indent == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        out.push_str(
            line.get(indent..)
                .unwrap_or_else(|| line.trim_start_matches([' ', '\t'])),
        );
    }
    out
}

/// An element tag whose body is still being read.
struct Capture<'a> {
    tag: OpenTag<'a>,
    body: String,
}

impl BlockParser<'_> {
    /// Interprets raw HTML-ish text: enhanced tags open/close frames or make blocks; text
    /// between tags is parsed again as Markdown.
    pub(crate) fn process_raw(&mut self, raw: &str) {
        let trimmed = raw.trim_start();
        if let Some((Token::Open(tag, _), _)) = tags::parse_at(trimmed, 0)
            && INLINE_TAGS.contains(&tag.name.to_ascii_lowercase().as_str())
        {
            self.parse_inline_html_block(raw);
            return;
        }
        let mut capture: Option<Capture<'_>> = None;
        for token in tags::tokenize(raw) {
            if let Some(open) = &mut capture {
                match token {
                    Token::Close(name, _) if name.eq_ignore_ascii_case(open.tag.name) => {
                        if let Some(done) = capture.take() {
                            self.finish_element(&done.tag, &done.body);
                        }
                    }
                    Token::Open(_, text) | Token::Close(_, text) | Token::Text(text) => {
                        open.body.push_str(text);
                    }
                    Token::Comment(text) => {
                        open.body.push_str("<!--");
                        open.body.push_str(text);
                        open.body.push_str("-->");
                    }
                }
                continue;
            }
            match token {
                Token::Text(text) => {
                    if !text.trim().is_empty() {
                        for block in self.parse_nested(text) {
                            self.push_block(block);
                        }
                    }
                }
                Token::Comment(comment) => {
                    let comment = comment.trim();
                    if !comment.is_empty() {
                        self.warn(format!("HTML comment `{comment}` dropped"));
                    }
                }
                Token::Open(tag, text) => {
                    let name = tag.name.to_ascii_lowercase();
                    if ELEMENT_TAGS.contains(&name.as_str()) {
                        if tag.self_closing {
                            self.finish_element(&tag, "");
                        } else {
                            capture = Some(Capture {
                                tag,
                                body: String::new(),
                            });
                        }
                    } else {
                        self.open_tag(&name, &tag, text);
                    }
                }
                Token::Close(name, text) => self.close_tag(name, text),
            }
        }
        if let Some(open) = capture {
            self.warn(format!("<{}> was never closed", open.tag.name));
            self.finish_element(&open.tag, &open.body);
        }
    }

    fn open_tag(&mut self, name: &str, tag: &OpenTag<'_>, raw: &str) {
        let kind = match name {
            "callout" => FrameKind::Callout {
                icon: tag.attr("icon").filter(|i| !i.is_empty()).map(icon),
                color: tag.attr("color").map(parse_color),
            },
            "details" => FrameKind::Toggle(None),
            "columns" => FrameKind::Columns,
            "column" => FrameKind::Column(
                tag.attr("width_ratio")
                    .or_else(|| tag.attr("width"))
                    .and_then(|w| w.parse::<f64>().ok())
                    .and_then(serde_json::Number::from_f64),
            ),
            "synced_block" => {
                if let Some(from) = tag.attr("from") {
                    let synced = json!({"synced_from": {"type": "block_id", "block_id": from}});
                    match serde_json::from_value(synced) {
                        Ok(synced) => {
                            self.push_block(NewBlock::new(BlockContent::SyncedBlock(synced)))
                        }
                        Err(_) => self.warn(format!("synced block source `{from}` is not an id")),
                    }
                    return;
                }
                FrameKind::Synced
            }
            "template" => FrameKind::Template,
            "tabs" => FrameKind::Tabs,
            "children" => FrameKind::Children,
            "table_of_contents" => {
                let mut toc = ColorOnlyBlock::default();
                toc.color = tag.attr("color").map(parse_color);
                self.push_block(NewBlock::new(BlockContent::TableOfContents(toc)));
                return;
            }
            "breadcrumb" => {
                self.push_block(NewBlock::new(BlockContent::Breadcrumb(EmptyObject::new())));
                return;
            }
            "empty-block" => {
                self.push_block(paragraph(Vec::new()));
                return;
            }
            "link_to_page" => {
                self.link_to_page(tag);
                return;
            }
            "unknown" => {
                self.warn(format!("Notion placeholder `{raw}` dropped"));
                return;
            }
            _ => {
                self.warn(format!("HTML `{raw}` kept as text"));
                self.push_block(paragraph(vec![RichText::text(raw)]));
                return;
            }
        };
        self.stack.push(Frame::new(kind));
        if tag.self_closing {
            self.close_tag(name, raw);
        }
    }

    fn close_tag(&mut self, name: &str, raw: &str) {
        let name = name.to_ascii_lowercase();
        let Some(index) = self
            .stack
            .iter()
            .rposition(|frame| frame.kind.tag() == Some(name.as_str()))
        else {
            self.warn(format!("`{raw}` closes nothing; dropped"));
            return;
        };
        while self.stack.len() > index + 1 {
            if let Some(tag) = self.stack.last().and_then(|f| f.kind.tag()) {
                self.warn(format!("<{tag}> closed implicitly by `{raw}`"));
            } else {
                self.warn(format!("Markdown container closed implicitly by `{raw}`"));
            }
            self.pop_frame();
        }
        self.pop_frame();
    }

    fn link_to_page(&mut self, tag: &OpenTag<'_>) {
        let target = [
            ("page", "page_id"),
            ("database", "database_id"),
            ("comment", "comment_id"),
        ]
        .into_iter()
        .find_map(|(attr, key)| tag.attr(attr).map(|id| (key, id)));
        let Some((key, id)) = target else {
            self.warn("<link_to_page> without page, database or comment");
            return;
        };
        match serde_json::from_value::<LinkToPageBlock>(json!({"type": key, key: id})) {
            Ok(link) => self.push_block(NewBlock::new(BlockContent::LinkToPage(link))),
            Err(_) => self.warn(format!("<link_to_page> target `{id}` is not an id")),
        }
    }

    fn finish_element(&mut self, tag: &OpenTag<'_>, body: &str) {
        let name = tag.name.to_ascii_lowercase();
        let src = tag
            .attr("src")
            .or_else(|| tag.attr("url"))
            .unwrap_or_default()
            .to_owned();
        let block = match name.as_str() {
            "summary" => {
                self.summary(body);
                return;
            }
            "page" | "database" => {
                let title = decode_entities(body.trim());
                let content = from_json(json!({ "title": title }));
                NewBlock::new(if name == "page" {
                    BlockContent::ChildPage(content)
                } else {
                    BlockContent::ChildDatabase(content)
                })
            }
            "embed" | "bookmark" | "link_preview" => {
                let mut block = Block::bookmark(src);
                if let BlockContent::Bookmark(url) = &mut block.content {
                    url.caption = self.caption(body);
                    let url = url.clone();
                    block = NewBlock::new(match name.as_str() {
                        "embed" => BlockContent::Embed(url),
                        "bookmark" => BlockContent::Bookmark(url),
                        _ => BlockContent::LinkPreview(url),
                    });
                }
                block
            }
            "meeting-notes" => {
                let mut notes = MeetingNotesBlock::default();
                notes.title = self.caption(body);
                notes.status = tag.attr("status").map(str::to_owned);
                NewBlock::new(BlockContent::MeetingNotes(Box::new(notes)))
            }
            _ => {
                let caption = self.caption(body);
                let file_name = tag.attr("name").map(str::to_owned);
                media_block(&name, &src, caption, file_name)
            }
        };
        self.push_block(block);
    }

    /// Inline Markdown of a caption (`None` when empty).
    fn caption(&mut self, body: &str) -> Option<Vec<RichText>> {
        if body.trim().is_empty() {
            return None;
        }
        let blocks = self.parse_nested(body.trim());
        blocks.into_iter().find_map(|block| match block.content {
            BlockContent::Paragraph(p) => p.rich_text,
            _ => None,
        })
    }

    fn summary(&mut self, body: &str) {
        let summary = if body.trim().is_empty() {
            Summary::Text(Vec::new())
        } else {
            let first = self.parse_nested(body.trim()).into_iter().next();
            match first.map(|b| b.content) {
                Some(BlockContent::Heading1(h)) => {
                    Summary::Heading(1, h.rich_text.unwrap_or_default())
                }
                Some(BlockContent::Heading2(h)) => {
                    Summary::Heading(2, h.rich_text.unwrap_or_default())
                }
                Some(BlockContent::Heading3(h)) => {
                    Summary::Heading(3, h.rich_text.unwrap_or_default())
                }
                Some(BlockContent::Heading4(h)) => {
                    Summary::Heading(4, h.rich_text.unwrap_or_default())
                }
                Some(BlockContent::Paragraph(p)) => Summary::Text(p.rich_text.unwrap_or_default()),
                Some(BlockContent::Bookmark(b)) => {
                    Summary::Text(vec![RichText::link(b.url.clone(), b.url)])
                }
                _ => Summary::Text(vec![RichText::text(body.trim())]),
            }
        };
        match self.stack.last_mut() {
            Some(Frame {
                kind: FrameKind::Toggle(slot @ None),
                ..
            }) => *slot = Some(summary),
            _ => {
                self.warn("<summary> outside <details>; kept as a paragraph");
                let (Summary::Text(text) | Summary::Heading(_, text)) = summary;
                self.push_block(paragraph(text));
            }
        }
    }
}

/// A callout icon attribute: a URL becomes an external icon, anything else an emoji.
fn icon(value: &str) -> Icon {
    if value.starts_with("http://") || value.starts_with("https://") {
        Icon::external(value)
    } else {
        Icon::emoji(value)
    }
}
