//! Long text split into rich-text items of at most 2,000 characters each.

use notion_model::RichText;

/// Notion's limit on one rich-text item's content (in UTF-16 code units).
pub const MAX_TEXT_ITEM: usize = 2000;
/// Notion's limit on the items of one rich-text array.
pub const MAX_TEXT_ITEMS: usize = 100;

/// Splits `text` into chunks of at most [`MAX_TEXT_ITEM`] UTF-16 units, preferring to
/// cut after whitespace in the last fifth of a chunk so words stay whole.
pub fn split_text(text: &str) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut units = 0;
        let mut end = rest.len();
        let mut last_space = None;
        for (i, c) in rest.char_indices() {
            if units + c.len_utf16() > MAX_TEXT_ITEM {
                end = i;
                break;
            }
            units += c.len_utf16();
            if c.is_whitespace() && units > MAX_TEXT_ITEM * 4 / 5 {
                last_space = Some(i + c.len_utf8());
            }
        }
        if end < rest.len()
            && let Some(space) = last_space
        {
            end = space;
        }
        chunks.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    chunks
}

/// The rich-text items for `text` (an empty string gives no items).
pub fn rich_text(text: &str) -> Vec<RichText> {
    split_text(text).into_iter().map(RichText::text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_item_and_long_text_is_several() {
        assert_eq!(split_text("hello"), vec!["hello".to_owned()]);
        assert!(split_text("").is_empty());
        let long = "word ".repeat(1000);
        let chunks = split_text(&long);
        assert_eq!(chunks.len(), 3);
        assert!(
            chunks
                .iter()
                .all(|c| c.encode_utf16().count() <= MAX_TEXT_ITEM)
        );
        assert_eq!(chunks.concat(), long);
        assert!(chunks[0].ends_with(' '), "cut after whitespace");
    }

    #[test]
    fn emoji_count_as_two_units() {
        let text = "😀".repeat(1500);
        let chunks = split_text(&text);
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0].encode_utf16().count(), 2000);
        assert_eq!(chunks.concat(), text);
    }
}
