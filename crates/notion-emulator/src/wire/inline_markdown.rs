//! Inline Markdown (the `markdown` of comments) to request rich-text items, parsed by
//! `notion-markdown` like the page markdown endpoints: `**bold**`, `*italic*`, `~~strike~~`,
//! `` `code` ``, links, `<u>`, color spans and `<mention-…>` tags. Blocks (paragraphs, list
//! items) are joined with line breaks; text items are split at Notion's 2,000 characters.

use serde_json::Value;

/// Request rich-text items (`{"type":"text","text":{…},"annotations":{…}}`) for `markdown`.
pub(crate) fn to_rich_text(markdown: &str) -> Vec<Value> {
    notion_markdown::markdown_to_rich_text(markdown)
        .iter()
        .filter_map(|item| serde_json::to_value(item).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::rich_text::MAX_TEXT;

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
