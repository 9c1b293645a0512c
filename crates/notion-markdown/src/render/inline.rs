//! Rich text -> inline Markdown.
//!
//! Notion rich text is a flat list of styled runs; Markdown nests its marks. Runs are
//! rendered with a stack of open marks (link, color, underline, bold, italic, strikethrough)
//! that is closed and reopened only where styling changes. Whitespace at the edges of a
//! styled run is moved outside its delimiters. Where CommonMark's flanking rules would not
//! read `**`/`*`/`~~` back correctly, the mark is written as `<strong>`/`<em>`/`<del>`.

use notion_model::rich_text::{MentionKind, TemplateMentionKind};
use notion_model::{Color, RichText, RichTextContent};

use crate::parse::tags::escape_attr;

/// Where the inline text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// Paragraph-like blocks: interior line breaks become `\` + newline.
    Block,
    /// Headings, table cells, summaries: single line, breaks become `<br>`.
    Line,
}

#[derive(Debug, Clone, PartialEq)]
enum Mark {
    Link(String),
    Color(String),
    Underline,
    Bold,
    Italic,
    Strike,
}

impl Mark {
    fn delimiter(&self) -> Option<&'static str> {
        match self {
            Self::Bold => Some("**"),
            Self::Italic => Some("*"),
            Self::Strike => Some("~~"),
            _ => None,
        }
    }

    fn open(&self, html: bool) -> String {
        match self {
            Self::Link(_) => "[".to_owned(),
            Self::Color(color) => format!("<span color=\"{}\">", escape_attr(color)),
            Self::Underline => "<u>".to_owned(),
            Self::Bold if html => "<strong>".to_owned(),
            Self::Italic if html => "<em>".to_owned(),
            Self::Strike if html => "<del>".to_owned(),
            other => other.delimiter().unwrap_or_default().to_owned(),
        }
    }

    fn close(&self, html: bool) -> String {
        match self {
            Self::Link(url) => format!("]({})", link_destination(url)),
            Self::Color(_) => "</span>".to_owned(),
            Self::Underline => "</u>".to_owned(),
            Self::Bold if html => "</strong>".to_owned(),
            Self::Italic if html => "</em>".to_owned(),
            Self::Strike if html => "</del>".to_owned(),
            other => other.delimiter().unwrap_or_default().to_owned(),
        }
    }
}

/// One run, ready to write.
#[derive(Debug)]
struct Piece {
    marks: Vec<Mark>,
    lead: String,
    core: String,
    trail: String,
    /// For code spans: the escaped text, to write as `<code>` when a fence would merge.
    code_html: Option<String>,
}

/// Renders rich text as inline Markdown.
pub(crate) fn render_rich_text(items: &[RichText], ctx: Ctx) -> String {
    let mut pieces: Vec<Piece> = Vec::with_capacity(items.len());
    for item in items {
        if let Some(piece) = piece(item, ctx) {
            pieces.push(piece);
        }
    }
    inherit_marks_for_blank_pieces(&mut pieces);
    let mut out = String::new();
    let mut open: Vec<(Mark, bool)> = Vec::new();
    let mut pending = String::new();
    for index in 0..pieces.len() {
        let piece = &pieces[index];
        let common = open
            .iter()
            .take_while(|(mark, _)| piece.marks.contains(mark))
            .count();
        let closing = open.len() > common;
        while open.len() > common {
            if let Some((mark, html)) = open.pop() {
                out.push_str(&mark.close(html));
            }
        }
        out.push_str(&pending);
        pending.clear();
        out.push_str(&piece.lead);
        let closed_delimiter = closing && out.ends_with(['*', '~']);
        let before = out.chars().last();
        let mut new_marks: Vec<(usize, &Mark)> = piece
            .marks
            .iter()
            .filter(|mark| !open.iter().any(|(o, _)| o == *mark))
            .map(|mark| (run_end(&pieces, index, mark), mark))
            .collect();
        // Longer runs outside, so that shorter ones close without closing them.
        new_marks.sort_by_key(|(end, _)| std::cmp::Reverse(*end));
        for (_, mark) in new_marks {
            let below: Vec<&Mark> = open.iter().map(|(m, _)| m).chain([mark]).collect();
            let end = stack_run_end(&pieces, index, &below);
            let inner_at_edges =
                pieces[index].marks.len() > below.len() || pieces[end].marks.len() > below.len();
            let html = mark.delimiter().is_some()
                && (closed_delimiter || !md_form_ok(&pieces, index, end, before, inner_at_edges));
            out.push_str(&mark.open(html));
            open.push((mark.clone(), html));
        }
        if piece.code_html.is_some() && out.ends_with('`') {
            // Two code spans in a row would merge their backtick fences.
            out.push_str("<code>");
            out.push_str(piece.code_html.as_deref().unwrap_or_default());
            out.push_str("</code>");
        } else {
            out.push_str(&piece.core);
        }
        pending.push_str(&piece.trail);
    }
    while let Some((mark, html)) = open.pop() {
        out.push_str(&mark.close(html));
    }
    out.push_str(&pending);
    avoid_html_block_start(protect_edge_whitespace(out))
}

/// A line that is only a complete tag would start an HTML block (CommonMark type 7) and
/// swallow the lines after it; an empty comment after the tag prevents that.
fn avoid_html_block_start(mut out: String) -> String {
    if out.starts_with('<')
        && let Some((_, end)) = crate::parse::tags::parse_at(&out, 0)
        && out[end..]
            .split('\n')
            .next()
            .is_some_and(|rest| rest.trim().is_empty())
    {
        out.insert_str(end, "<!---->");
    }
    out
}

/// The last piece of the run of pieces (from `start`) that carry `mark`.
fn run_end(pieces: &[Piece], start: usize, mark: &Mark) -> usize {
    let mut end = start;
    while end + 1 < pieces.len() && pieces[end + 1].marks.contains(mark) {
        end += 1;
    }
    end
}

/// The last piece before a mark (with `stack` below and including it) must close.
fn stack_run_end(pieces: &[Piece], start: usize, stack: &[&Mark]) -> usize {
    let mut end = start;
    while end + 1 < pieces.len() && stack.iter().all(|m| pieces[end + 1].marks.contains(m)) {
        end += 1;
    }
    end
}

/// Whether `**`/`*`/`~~` will parse back for a mark spanning pieces `start..=end`
/// (conservatively: a mark opened inside the run may close earlier than `end`).
fn md_form_ok(
    pieces: &[Piece],
    start: usize,
    end: usize,
    before: Option<char>,
    inner_at_edges: bool,
) -> bool {
    let first = pieces[start].core.chars().next();
    let last = pieces[end].core.chars().last();
    let after = if !pieces[end].trail.is_empty() {
        Some(' ')
    } else {
        pieces
            .get(end + 1)
            .and_then(|p| p.lead.chars().next().or_else(|| p.core.chars().next()))
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space_or_edge = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if space(first) || space(last) {
        return false;
    }
    let calm_before = space_or_edge(before) || word(before);
    let calm_after = space_or_edge(after)
        || word(after)
        || after.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
    !inner_at_edges && word(first) && word(last) && calm_before && calm_after
}

/// Pieces that are only whitespace take the marks of a neighbour so they do not open or
/// close marks (which CommonMark could not read back).
fn inherit_marks_for_blank_pieces(pieces: &mut [Piece]) {
    for index in 0..pieces.len() {
        if !pieces[index].core.is_empty() {
            continue;
        }
        let marks = if index > 0 {
            pieces[index - 1].marks.clone()
        } else {
            pieces
                .iter()
                .find(|p| !p.core.is_empty())
                .map(|p| p.marks.clone())
                .unwrap_or_default()
        };
        pieces[index].marks = marks;
    }
}

fn marks_of(item: &RichText, link: Option<&str>) -> Vec<Mark> {
    let mut marks = Vec::new();
    if let Some(url) = link {
        marks.push(Mark::Link(url.to_owned()));
    }
    if let Some(a) = &item.annotations {
        if let Some(color) = &a.color
            && *color != Color::Default
        {
            marks.push(Mark::Color(color.as_str().to_owned()));
        }
        let on = |flag: Option<bool>| flag.unwrap_or(false);
        if on(a.underline) {
            marks.push(Mark::Underline);
        }
        if on(a.bold) {
            marks.push(Mark::Bold);
        }
        if on(a.italic) {
            marks.push(Mark::Italic);
        }
        if on(a.strikethrough) {
            marks.push(Mark::Strike);
        }
    }
    marks
}

fn piece(item: &RichText, ctx: Ctx) -> Option<Piece> {
    let is_code = item
        .annotations
        .as_ref()
        .is_some_and(|a| a.code.unwrap_or(false));
    match &item.content {
        RichTextContent::Text(text) => {
            let link = text
                .link
                .as_ref()
                .and_then(Option::as_ref)
                .map(|l| l.url.as_str());
            let marks = marks_of(item, link);
            if text.content.is_empty() {
                return None;
            }
            if is_code {
                return Some(Piece {
                    marks,
                    lead: String::new(),
                    core: code_span(&text.content),
                    trail: String::new(),
                    code_html: Some(escape_text(&text.content, Ctx::Line)),
                });
            }
            let content = text.content.as_str();
            if !marks.is_empty() && !content.trim().is_empty() {
                // Styled edge spaces stay inside the mark (written as HTML if needed).
                return Some(Piece {
                    marks,
                    lead: String::new(),
                    core: escape_text(content, ctx),
                    trail: String::new(),
                    code_html: None,
                });
            }
            let body = content.trim_start_matches([' ', '\t']);
            let lead = &content[..content.len() - body.len()];
            let core_text = body.trim_end_matches([' ', '\t']);
            let trail = &body[core_text.len()..];
            Some(Piece {
                marks,
                lead: lead.to_owned(),
                core: escape_text(core_text, ctx),
                trail: trail.to_owned(),
                code_html: None,
            })
        }
        RichTextContent::Equation(eq) => Some(Piece {
            marks: marks_of(item, None),
            lead: String::new(),
            core: format!("${}$", eq.expression.trim()),
            trail: String::new(),
            code_html: None,
        }),
        RichTextContent::Mention(mention) => {
            let (core, link) = mention_markdown(&mention.kind, item.plain());
            let marks = marks_of(item, link.as_deref());
            let core = if link.is_some() {
                escape_text(&core, ctx)
            } else {
                core
            };
            Some(Piece {
                marks,
                lead: String::new(),
                core,
                trail: String::new(),
                code_html: None,
            })
        }
        _ => {
            let plain = item.plain();
            (!plain.is_empty()).then(|| Piece {
                marks: marks_of(item, None),
                lead: String::new(),
                core: escape_text(plain, ctx),
                trail: String::new(),
                code_html: None,
            })
        }
    }
}

/// A mention as an enhanced-Markdown tag, or (text, link) for link-like mentions.
fn mention_markdown(kind: &MentionKind, plain: &str) -> (String, Option<String>) {
    let page_url = |id: &str| format!("https://www.notion.so/{}", id.replace('-', ""));
    match kind {
        MentionKind::Page(r) => (
            format!("<mention-page url=\"{}\"/>", escape_attr(&page_url(&r.id))),
            None,
        ),
        MentionKind::Database(r) => (
            format!(
                "<mention-database url=\"{}\"/>",
                escape_attr(&page_url(&r.id))
            ),
            None,
        ),
        MentionKind::User(user) => (format!("<mention-user url=\"user://{}\"/>", user.id), None),
        MentionKind::Date(date) => {
            let mut tag = format!(
                "<mention-date start=\"{}\"",
                escape_attr(date.start.as_str())
            );
            if let Some(end) = date.end() {
                tag.push_str(&format!(" end=\"{}\"", escape_attr(end.as_str())));
            }
            if let Some(Some(zone)) = &date.time_zone {
                tag.push_str(&format!(" time_zone=\"{}\"", escape_attr(zone)));
            }
            tag.push_str("/>");
            (tag, None)
        }
        MentionKind::LinkPreview(preview) => (preview.url.clone(), Some(preview.url.clone())),
        MentionKind::LinkMention(link) => (
            link.title.clone().unwrap_or_else(|| link.href.clone()),
            Some(link.href.clone()),
        ),
        MentionKind::TemplateMention(template) => {
            let text = match &template.kind {
                TemplateMentionKind::Date(value) | TemplateMentionKind::User(value) => {
                    format!("@{value}")
                }
                _ => plain.to_owned(),
            };
            (escape_text(&text, Ctx::Line), None)
        }
        MentionKind::CustomEmoji(emoji) => (
            escape_text(
                &format!(":{}:", emoji.name.as_deref().unwrap_or(&emoji.id)),
                Ctx::Line,
            ),
            None,
        ),
        _ => (escape_text(plain, Ctx::Line), None),
    }
}

/// `(url)` or `(<url>)` when the URL has spaces or parentheses.
fn link_destination(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>', '\n']) || url.is_empty() {
        let cleaned = url
            .replace('<', "%3C")
            .replace('>', "%3E")
            .replace('\n', "%0A");
        format!("<{cleaned}>")
    } else {
        url.to_owned()
    }
}

/// A code span that reads back to exactly `content` (newlines become spaces).
pub(crate) fn code_span(content: &str) -> String {
    let content = content.replace('\n', " ");
    let mut longest = 0;
    let mut run = 0;
    for ch in content.chars() {
        if ch == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = content.starts_with('`')
        || content.ends_with('`')
        || (content.starts_with(' ') && content.ends_with(' ') && !content.trim().is_empty());
    if pad {
        format!("{fence} {content} {fence}")
    } else {
        format!("{fence}{content}{fence}")
    }
}

/// Escapes text so that CommonMark reads it back verbatim.
pub(crate) fn escape_text(text: &str, ctx: Ctx) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let mut line_start = true;
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        match ch {
            '\n' => {
                let interior = ctx == Ctx::Block
                    && index > 0
                    && index + 1 < chars.len()
                    && !chars[index - 1].is_whitespace()
                    && !chars[index + 1].is_whitespace();
                if interior {
                    out.push_str("\\\n");
                    line_start = true;
                } else {
                    out.push_str("<br>");
                }
                index += 1;
                continue;
            }
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '$' | '~' | '|' | '&' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(ch);
            }
            '0'..='9' if line_start => {
                let mut end = index;
                while end < chars.len() && chars[end].is_ascii_digit() {
                    end += 1;
                }
                out.extend(&chars[index..end]);
                if let Some(&next @ ('.' | ')')) = chars.get(end) {
                    out.push('\\');
                    out.push(next);
                    end += 1;
                }
                index = end;
                line_start = false;
                continue;
            }
            _ => out.push(ch),
        }
        line_start = false;
        index += 1;
    }
    out
}

/// Leading/trailing spaces would be stripped by the parser: write them as entities.
fn protect_edge_whitespace(out: String) -> String {
    let body = out.trim_start_matches([' ', '\t']);
    let lead = out.len() - body.len();
    let core = body.trim_end_matches([' ', '\t']);
    let trail = body.len() - core.len();
    if lead == 0 && trail == 0 {
        return out;
    }
    let entity = |c: char| if c == '\t' { "&#9;" } else { "&#32;" };
    let mut fixed = String::with_capacity(out.len() + 8 * (lead + trail));
    out[..lead].chars().for_each(|c| fixed.push_str(entity(c)));
    fixed.push_str(core);
    body[core.len()..]
        .chars()
        .for_each(|c| fixed.push_str(entity(c)));
    fixed
}
