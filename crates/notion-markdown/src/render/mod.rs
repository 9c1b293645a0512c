//! Blocks -> Markdown. Types Markdown cannot express are written as Notion's
//! enhanced-Markdown tags, which [`crate::markdown_to_blocks`] reads back.

mod inline;
mod node;

use std::fmt::Write as _;

use notion_model::block::{BlockContent, LinkToPageTarget};
use notion_model::file::{FileSource, IconKind, MediaBlock};
use notion_model::{Color, Icon, NewBlock, RichText};

use crate::language::fence_info;
use crate::parse::tags::escape_attr;
use crate::tree::BlockTree;

pub(crate) use inline::{Ctx, render_rich_text};
use node::Node;

/// Renders request blocks (with nested `children`) as Markdown.
pub fn blocks_to_markdown(blocks: &[NewBlock]) -> String {
    let nodes: Vec<Node<'_>> = blocks.iter().map(Node::from_new).collect();
    finish(render_nodes(&nodes))
}

/// Renders response blocks with their children as Markdown. Unlike
/// [`blocks_to_markdown`], ids are known, so child pages get a URL and unsupported blocks
/// name their id.
pub fn tree_to_markdown(trees: &[BlockTree]) -> String {
    let nodes: Vec<Node<'_>> = trees.iter().map(Node::from_tree).collect();
    finish(render_nodes(&nodes))
}

fn finish(mut out: String) -> String {
    // A divider written `---` on the first line would open YAML front matter when read
    // back (with any later `---` closing it): write that one as `***`, the same rule.
    if out == "---" || out.starts_with("---\n") {
        out.replace_range(..3, "***");
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ListGroup {
    Dash,
    Number,
}

fn list_group(content: &BlockContent) -> Option<ListGroup> {
    match content {
        BlockContent::BulletedListItem(_) | BlockContent::ToDo(_) => Some(ListGroup::Dash),
        BlockContent::NumberedListItem(_) => Some(ListGroup::Number),
        _ => None,
    }
}

fn render_nodes(nodes: &[Node<'_>]) -> String {
    let mut out = String::new();
    let mut previous: Option<ListGroup> = None;
    let mut number: u64 = 0;
    let mut delimiter = '.';
    for (index, node) in nodes.iter().enumerate() {
        let group = list_group(node.content);
        let mut restart = false;
        if let BlockContent::NumberedListItem(item) = node.content {
            let start = item
                .list_start_index
                .as_ref()
                .and_then(serde_json::Number::as_u64);
            if previous == Some(ListGroup::Number) && start.is_none() {
                number += 1;
            } else {
                // A new list; right after another numbered list it needs the other
                // delimiter, or CommonMark would continue the previous one.
                restart = previous == Some(ListGroup::Number);
                delimiter = if restart && delimiter == '.' {
                    ')'
                } else {
                    '.'
                };
                number = start.unwrap_or(1);
            }
        }
        if index > 0 {
            let tight = group.is_some() && group == previous && !restart;
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        render_block(node, number, delimiter, &mut out);
        previous = group;
    }
    out
}

fn text(items: Option<&Vec<RichText>>, ctx: Ctx) -> String {
    items.map_or_else(String::new, |items| render_rich_text(items, ctx))
}

fn render_block(node: &Node<'_>, number: u64, delimiter: char, out: &mut String) {
    let children = &node.children;
    match node.content {
        BlockContent::Paragraph(p) => {
            let body = text(p.rich_text.as_ref(), Ctx::Block);
            out.push_str(if body.is_empty() {
                "<empty-block/>"
            } else {
                &body
            });
            wrap_children(children, out);
        }
        BlockContent::Heading1(h)
        | BlockContent::Heading2(h)
        | BlockContent::Heading3(h)
        | BlockContent::Heading4(h) => {
            let level = match node.content {
                BlockContent::Heading1(_) => 1,
                BlockContent::Heading2(_) => 2,
                BlockContent::Heading3(_) => 3,
                _ => 4,
            };
            let line = format!(
                "{} {}",
                "#".repeat(level),
                text(h.rich_text.as_ref(), Ctx::Line)
            );
            if h.is_toggleable == Some(true) {
                details(line.trim_end(), children, out);
            } else {
                out.push_str(line.trim_end());
                wrap_children(children, out);
            }
        }
        BlockContent::BulletedListItem(b) => {
            list_item("- ", b.rich_text.as_ref(), children, out);
        }
        BlockContent::ToDo(t) => {
            let marker = if t.checked == Some(true) {
                "- [x] "
            } else {
                "- [ ] "
            };
            list_item(marker, t.rich_text.as_ref(), children, out);
        }
        BlockContent::NumberedListItem(n) => {
            list_item(
                &format!("{number}{delimiter} "),
                n.rich_text.as_ref(),
                children,
                out,
            );
        }
        BlockContent::Quote(q) => {
            let body = container_body(q.rich_text.as_ref(), children);
            out.push_str(&prefix_lines(
                if body.is_empty() { "" } else { &body },
                "> ",
                ">",
            ));
        }
        BlockContent::Toggle(t) => {
            details(&text(t.rich_text.as_ref(), Ctx::Line), children, out);
        }
        BlockContent::Callout(c) => {
            let mut open = String::from("<callout");
            if let Some(Some(icon)) = &c.icon
                && let Some(value) = icon_attr(icon)
            {
                let _ = write!(open, " icon=\"{}\"", escape_attr(value));
            }
            push_color_attr(&mut open, c.color.as_ref());
            open.push('>');
            let body = container_body(c.rich_text.as_ref(), children);
            tag_container(&open, "callout", &body, out);
        }
        BlockContent::Template(t) => {
            let body = container_body(t.rich_text.as_ref(), children);
            tag_container("<template>", "template", &body, out);
        }
        BlockContent::SyncedBlock(s) => match &s.synced_from {
            Some(Some(from)) => {
                let _ = write!(out, "<synced_block from=\"{}\"/>", from.block_id);
            }
            _ => tag_container(
                "<synced_block>",
                "synced_block",
                &render_nodes(children),
                out,
            ),
        },
        BlockContent::ColumnList(_) => {
            out.push_str("<columns>");
            for column in children {
                let mut open = String::from("\n<column");
                if let BlockContent::Column(c) = column.content
                    && let Some(ratio) = &c.width_ratio
                {
                    let _ = write!(open, " width_ratio=\"{ratio}\"");
                }
                open.push('>');
                out.push_str(&open);
                let body = render_nodes(&column.children);
                if !body.is_empty() {
                    out.push_str("\n\n");
                    out.push_str(&body);
                    out.push_str("\n\n");
                } else {
                    out.push('\n');
                }
                out.push_str("</column>");
            }
            out.push_str("\n</columns>");
        }
        BlockContent::Column(c) => {
            let mut open = String::from("<column");
            if let Some(ratio) = &c.width_ratio {
                let _ = write!(open, " width_ratio=\"{ratio}\"");
            }
            open.push('>');
            tag_container(&open, "column", &render_nodes(children), out);
        }
        BlockContent::Tab(_) => tag_container("<tabs>", "tabs", &render_nodes(children), out),
        BlockContent::Table(t) => {
            let width = t.table_width.map_or(0, |w| w as usize);
            table(width, children, out);
        }
        BlockContent::TableRow(row) => {
            let cells = row.cells.as_deref().unwrap_or_default();
            table_line(cells, cells.len(), out);
        }
        BlockContent::Code(c) => {
            let source: String = c
                .rich_text
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(RichText::plain)
                .collect();
            let language = c.language.as_ref().map_or("", |l| fence_info(l.as_str()));
            let fence = code_fence(&source);
            let _ = write!(out, "{fence}{language}\n{source}\n{fence}");
        }
        BlockContent::Equation(e) => {
            let _ = write!(out, "$$\n{}\n$$", e.expression.trim());
        }
        BlockContent::Divider(_) => out.push_str("---"),
        BlockContent::Breadcrumb(_) => out.push_str("<breadcrumb/>"),
        BlockContent::TableOfContents(t) => {
            let mut tag = String::from("<table_of_contents");
            push_color_attr(&mut tag, t.color.as_ref());
            tag.push_str("/>");
            out.push_str(&tag);
        }
        BlockContent::LinkToPage(link) => {
            let (attr, id) = match &link.target {
                LinkToPageTarget::Page(id) => ("page", id.to_string()),
                LinkToPageTarget::Database(id) => ("database", id.to_string()),
                LinkToPageTarget::Comment(id) => ("comment", id.to_string()),
                _ => ("page", String::new()),
            };
            let _ = write!(out, "<link_to_page {attr}=\"{id}\"/>");
        }
        BlockContent::ChildPage(c) | BlockContent::ChildDatabase(c) => {
            let tag = if matches!(node.content, BlockContent::ChildPage(_)) {
                "page"
            } else {
                "database"
            };
            let url = node
                .id
                .map(|id| format!(" url=\"https://www.notion.so/{}\"", id.simple()))
                .unwrap_or_default();
            let _ = write!(out, "<{tag}{url}>{}</{tag}>", escape_attr(&c.title));
        }
        BlockContent::Bookmark(b) if b.caption.as_ref().is_none_or(Vec::is_empty) => {
            if b.url.is_empty() || b.url.contains([' ', '<', '>']) || !b.url.contains(':') {
                let _ = write!(out, "<bookmark src=\"{}\"></bookmark>", escape_attr(&b.url));
            } else {
                let _ = write!(out, "<{}>", b.url);
            }
        }
        BlockContent::Embed(b) | BlockContent::Bookmark(b) | BlockContent::LinkPreview(b) => {
            let tag = match node.content {
                BlockContent::Embed(_) => "embed",
                BlockContent::Bookmark(_) => "bookmark",
                _ => "link_preview",
            };
            element(
                tag,
                &format!(" src=\"{}\"", escape_attr(&b.url)),
                b.caption.as_ref(),
                out,
            );
        }
        BlockContent::Image(m) => image(m, out),
        BlockContent::Video(m)
        | BlockContent::Audio(m)
        | BlockContent::Pdf(m)
        | BlockContent::File(m) => {
            let tag = match node.content {
                BlockContent::Video(_) => "video",
                BlockContent::Audio(_) => "audio",
                BlockContent::Pdf(_) => "pdf",
                _ => "file",
            };
            let mut attrs = format!(" src=\"{}\"", escape_attr(&media_src(m)));
            if let Some(Some(name)) = &m.name {
                let _ = write!(attrs, " name=\"{}\"", escape_attr(name));
            }
            element(tag, &attrs, m.caption.as_ref(), out);
        }
        BlockContent::MeetingNotes(m) | BlockContent::Transcription(m) => {
            let attrs = m
                .status
                .as_ref()
                .map(|s| format!(" status=\"{}\"", escape_attr(s)))
                .unwrap_or_default();
            element("meeting-notes", &attrs, m.title.as_ref(), out);
        }
        BlockContent::Unsupported(u) => {
            let kind = u.block_type.as_deref().unwrap_or("unknown");
            comment(&format!("unsupported {kind}"), node, out);
        }
        _ => {
            let kind = node.type_name.unwrap_or("unknown").to_owned();
            let payload = node
                .extra
                .get(&kind)
                .map(ToString::to_string)
                .unwrap_or_default();
            comment(&format!("notion block {kind} {payload}"), node, out);
        }
    }
}

fn comment(what: &str, node: &Node<'_>, out: &mut String) {
    let id = node.id.map(|id| format!(" {id}")).unwrap_or_default();
    let what = what.trim_end().replace("--", "- -");
    let _ = write!(out, "<!-- {what}{id} -->");
}

/// The block's own text followed by its children; an empty text before a leading paragraph
/// is written as `<empty-block/>` so the paragraph stays a child.
fn container_body(rich_text: Option<&Vec<RichText>>, children: &[Node<'_>]) -> String {
    let own = text(rich_text, Ctx::Block);
    let rest = render_nodes(children);
    let first_is_paragraph = children
        .first()
        .is_some_and(|c| absorbed_as_text(c.content));
    match (own.is_empty(), rest.is_empty()) {
        (true, true) => String::new(),
        (false, true) => own,
        (true, false) if first_is_paragraph => format!("<empty-block/>\n\n{rest}"),
        (true, false) => rest,
        (false, false) => format!("{own}\n\n{rest}"),
    }
}

/// Whether the parser would take this block as its container's own text.
fn absorbed_as_text(content: &BlockContent) -> bool {
    matches!(content, BlockContent::Paragraph(p) if p.children.is_none() && p.color.is_none())
}

fn list_item(
    marker: &str,
    rich_text: Option<&Vec<RichText>>,
    children: &[Node<'_>],
    out: &mut String,
) {
    let own = text(rich_text, Ctx::Block);
    let rest = render_nodes(children);
    let first = children.first();
    let own = if own.is_empty() && first.is_some_and(|c| absorbed_as_text(c.content)) {
        "<empty-block/>".to_owned()
    } else {
        own
    };
    let body = if rest.is_empty() {
        own
    } else {
        let nested_list = first.is_some_and(|c| list_group(c.content).is_some());
        let separator = if nested_list || own.is_empty() {
            "\n"
        } else {
            "\n\n"
        };
        format!("{own}{separator}{rest}")
    };
    let indent = " ".repeat(marker.len().min(if marker.starts_with("- [") {
        2
    } else {
        marker.len()
    }));
    let mut lines = body.split('\n');
    let first_line = lines.next().unwrap_or_default();
    if first_line.is_empty() {
        out.push_str(marker.trim_end());
    } else {
        out.push_str(marker);
        out.push_str(first_line);
    }
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&indent);
            out.push_str(line);
        }
    }
}

fn prefix_lines(body: &str, prefix: &str, blank: &str) -> String {
    let mut out = String::with_capacity(body.len() + 16);
    for (index, line) in body.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if line.is_empty() {
            out.push_str(blank);
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
    out
}

fn details(summary: &str, children: &[Node<'_>], out: &mut String) {
    let _ = write!(out, "<details>\n<summary>{summary}</summary>");
    let body = render_nodes(children);
    if body.is_empty() {
        out.push_str("\n</details>");
    } else {
        let _ = write!(out, "\n\n{body}\n\n</details>");
    }
}

fn tag_container(open: &str, name: &str, body: &str, out: &mut String) {
    if body.is_empty() {
        let _ = write!(out, "{open}\n</{name}>");
    } else {
        let _ = write!(out, "{open}\n\n{body}\n\n</{name}>");
    }
}

fn wrap_children(children: &[Node<'_>], out: &mut String) {
    if !children.is_empty() {
        tag_container_after("<children>", "children", &render_nodes(children), out);
    }
}

fn tag_container_after(open: &str, name: &str, body: &str, out: &mut String) {
    out.push_str("\n\n");
    tag_container(open, name, body, out);
}

fn element(tag: &str, attrs: &str, caption: Option<&Vec<RichText>>, out: &mut String) {
    let caption = text(caption, Ctx::Line);
    let _ = write!(out, "<{tag}{attrs}>{caption}</{tag}>");
}

fn push_color_attr(tag: &mut String, color: Option<&Color>) {
    if let Some(color) = color
        && *color != Color::Default
    {
        let _ = write!(tag, " color=\"{}\"", escape_attr(color.as_str()));
    }
}

fn icon_attr(icon: &Icon) -> Option<&str> {
    match &icon.kind {
        IconKind::Emoji(emoji) => Some(emoji),
        IconKind::External(file) => Some(&file.url),
        IconKind::File(file) => Some(&file.url),
        _ => None,
    }
}

fn media_src(media: &MediaBlock) -> String {
    match &media.source {
        FileSource::External(file) => file.url.clone(),
        FileSource::File(file) => file.url.clone(),
        FileSource::FileUpload(upload) => format!("file_upload:{}", upload.id),
        _ => String::new(),
    }
}

fn image(media: &MediaBlock, out: &mut String) {
    let src = media_src(media);
    let caption = media.caption.as_deref().unwrap_or_default();
    let plain_caption = match caption {
        [] => Some(String::new()),
        [item] if item.annotations.is_none() => match &item.content {
            notion_model::RichTextContent::Text(t)
                if t.link.is_none() && !t.content.contains('\n') =>
            {
                Some(t.content.clone())
            }
            _ => None,
        },
        _ => None,
    };
    let simple_src = !src.is_empty() && !src.contains([' ', '(', ')', '<', '>']);
    match plain_caption {
        Some(alt) if simple_src && alt.trim() == alt => {
            let _ = write!(out, "![{}]({src})", inline::escape_text(&alt, Ctx::Line));
        }
        _ => element(
            "image",
            &format!(" src=\"{}\"", escape_attr(&src)),
            media.caption.as_ref(),
            out,
        ),
    }
}

fn code_fence(source: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for ch in source.chars() {
        if ch == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    "`".repeat(longest.max(2) + 1)
}

fn table(width: usize, rows: &[Node<'_>], out: &mut String) {
    let width = rows
        .iter()
        .filter_map(|r| match r.content {
            BlockContent::TableRow(row) => row.cells.as_ref().map(Vec::len),
            _ => None,
        })
        .fold(width, usize::max)
        .max(1);
    let mut first = true;
    for row in rows {
        let BlockContent::TableRow(cells) = row.content else {
            continue;
        };
        if !first {
            out.push('\n');
        }
        table_line(cells.cells.as_deref().unwrap_or_default(), width, out);
        if first {
            out.push('\n');
            out.push('|');
            for _ in 0..width {
                out.push_str(" --- |");
            }
            first = false;
        }
    }
}

fn table_line(cells: &[Vec<RichText>], width: usize, out: &mut String) {
    out.push('|');
    for index in 0..width {
        let cell = cells
            .get(index)
            .map(|c| render_rich_text(c, Ctx::Line))
            .unwrap_or_default();
        out.push(' ');
        out.push_str(&cell);
        out.push_str(" |");
    }
}
