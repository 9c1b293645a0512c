//! Inline Markdown (the `markdown` of comments) to request rich-text items.
//!
//! Supports `**bold**` / `__bold__`, `*italic*` / `_italic_`, `~~strikethrough~~`, `` `code` ``,
//! `[text](url)` links and backslash escapes. A delimiter without a closing partner stays text.

use serde_json::{Value, json};

use crate::wire::rich_text::MAX_TEXT;

/// The styles active at one point of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Style {
    bold: bool,
    italic: bool,
    strikethrough: bool,
    code: bool,
    link: Option<String>,
}

/// Request rich-text items (`{"type":"text","text":{…},"annotations":{…}}`) for `markdown`.
pub(crate) fn to_rich_text(markdown: &str) -> Vec<Value> {
    let mut runs = Runs::default();
    parse(markdown, Style::default(), &mut runs);
    runs.flush();
    runs.items
}

#[derive(Default)]
struct Runs {
    items: Vec<Value>,
    text: String,
    style: Style,
}

impl Runs {
    fn push(&mut self, style: &Style, text: &str) {
        if *style != self.style {
            self.flush();
            self.style = style.clone();
        }
        self.text.push_str(text);
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let chars: Vec<char> = text.chars().collect();
        for chunk in chars.chunks(MAX_TEXT) {
            let content: String = chunk.iter().collect();
            let style = &self.style;
            let link = style.link.as_ref().map(|url| json!({"url": url}));
            self.items.push(json!({
                "type": "text",
                "text": {"content": content, "link": link},
                "annotations": {
                    "bold": style.bold, "italic": style.italic,
                    "strikethrough": style.strikethrough, "underline": false,
                    "code": style.code, "color": "default",
                },
            }));
        }
    }
}

fn parse(text: &str, base: Style, runs: &mut Runs) {
    let mut style = base;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\'
            && let Some(escaped) = rest[1..].chars().next()
            && escaped.is_ascii_punctuation()
        {
            runs.push(&style, &rest[1..1 + escaped.len_utf8()]);
            rest = &rest[1 + escaped.len_utf8()..];
            continue;
        }
        if c == '`'
            && let Some(end) = rest[1..].find('`')
        {
            let code = Style {
                code: true,
                ..style.clone()
            };
            runs.push(&code, &rest[1..1 + end]);
            rest = &rest[end + 2..];
            continue;
        }
        if c == '['
            && style.link.is_none()
            && let Some((label, url, after)) = link(rest)
        {
            let linked = Style {
                link: Some(url.to_owned()),
                ..style.clone()
            };
            parse(label, linked, runs);
            rest = after;
            continue;
        }
        if let Some((delimiter, flag)) = delimiter(rest, &mut style) {
            let after = &rest[delimiter.len()..];
            if *flag {
                *flag = false;
                rest = after;
                continue;
            }
            if !after.starts_with(char::is_whitespace) && after.contains(delimiter) {
                *flag = true;
                rest = after;
                continue;
            }
            runs.push(&style, delimiter);
            rest = after;
            continue;
        }
        runs.push(&style, &rest[..c.len_utf8()]);
        rest = &rest[c.len_utf8()..];
    }
}

/// The emphasis delimiter at the start of `rest` and the style flag it toggles.
fn delimiter<'s>(rest: &str, style: &'s mut Style) -> Option<(&'static str, &'s mut bool)> {
    Some(if rest.starts_with("**") {
        ("**", &mut style.bold)
    } else if rest.starts_with("__") {
        ("__", &mut style.bold)
    } else if rest.starts_with("~~") {
        ("~~", &mut style.strikethrough)
    } else if rest.starts_with('*') {
        ("*", &mut style.italic)
    } else if rest.starts_with('_') {
        ("_", &mut style.italic)
    } else {
        return None;
    })
}

/// `[label](url)` at the start of `rest`: (label, url, text after it).
fn link(rest: &str) -> Option<(&str, &str, &str)> {
    let close = rest.find("](")?;
    let label = &rest[1..close];
    let after_label = &rest[close + 2..];
    let end = after_label.find(')')?;
    let url = after_label[..end].trim();
    if label.is_empty() || url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some((label, url, &after_label[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (content, bold, italic, strikethrough, code, link) of each item.
    fn runs(markdown: &str) -> Vec<(String, bool, bool, bool, bool, Option<String>)> {
        to_rich_text(markdown)
            .iter()
            .map(|item| {
                let a = &item["annotations"];
                (
                    item["text"]["content"].as_str().unwrap().to_owned(),
                    a["bold"] == true,
                    a["italic"] == true,
                    a["strikethrough"] == true,
                    a["code"] == true,
                    item["text"]["link"]["url"].as_str().map(str::to_owned),
                )
            })
            .collect()
    }

    fn plain(text: &str) -> (String, bool, bool, bool, bool, Option<String>) {
        (text.to_owned(), false, false, false, false, None)
    }

    #[test]
    fn bold_italic_strike_and_code() {
        assert_eq!(
            runs("Agreed, **ship it**"),
            [
                plain("Agreed, "),
                ("ship it".into(), true, false, false, false, None)
            ]
        );
        assert_eq!(
            runs("_a_ ~~b~~ `c*d*`"),
            [
                ("a".into(), false, true, false, false, None),
                plain(" "),
                ("b".into(), false, false, true, false, None),
                plain(" "),
                ("c*d*".into(), false, false, false, true, None),
            ]
        );
        assert_eq!(
            runs("**bold *both***"),
            [
                ("bold ".into(), true, false, false, false, None),
                ("both".into(), true, true, false, false, None),
            ]
        );
    }

    #[test]
    fn links_escapes_and_unmatched_delimiters() {
        assert_eq!(
            runs("see [the **docs**](https://example.com/a) now"),
            [
                plain("see "),
                (
                    "the ".into(),
                    false,
                    false,
                    false,
                    false,
                    Some("https://example.com/a".into())
                ),
                (
                    "docs".into(),
                    true,
                    false,
                    false,
                    false,
                    Some("https://example.com/a".into())
                ),
                plain(" now"),
            ]
        );
        assert_eq!(
            runs(r"2 * 3 = 6, \*not italic\*"),
            [plain("2 * 3 = 6, *not italic*")]
        );
        assert_eq!(runs("snake_case and [x]"), [plain("snake_case and [x]")]);
        assert!(to_rich_text("").is_empty());
    }

    #[test]
    fn long_text_is_split_at_the_item_limit() {
        let long = "a".repeat(MAX_TEXT + 5);
        let items = to_rich_text(&long);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1]["text"]["content"], "aaaaa");
    }
}
