//! Plain text of property values and Notion's case-insensitive text matching.
//!
//! Choice: every text condition (`equals`, `does_not_equal`, `contains`, `does_not_contain`,
//! `starts_with`, `ends_with`) compares case-insensitively, as Notion's own filter engine (the one
//! behind the UI filter bar, which the API "mimics") does. Text sorts are case-insensitive too.
//! ASCII text is compared without allocating; other text is lower-cased with Unicode rules.

use std::borrow::Cow;

use serde_json::Value;

use super::json::{field, str_field};

/// The plain text of a text-like payload: a rich-text array (concatenated `plain_text`),
/// a string (url, email, phone number, formula string), or nothing for anything else.
pub(crate) fn plain_text(payload: Option<&Value>) -> Cow<'_, str> {
    match payload {
        Some(Value::String(text)) => Cow::Borrowed(text),
        Some(Value::Array(segments)) => match segments.as_slice() {
            [] => Cow::Borrowed(""),
            [single] => Cow::Borrowed(segment_text(single)),
            many => Cow::Owned(many.iter().map(segment_text).collect()),
        },
        _ => Cow::Borrowed(""),
    }
}

/// The `plain_text` of one rich-text item (falling back to `text.content` for request shapes).
pub(crate) fn segment_text(segment: &Value) -> &str {
    str_field(segment, "plain_text")
        .or_else(|| field(segment, "text").and_then(|text| str_field(text, "content")))
        .unwrap_or("")
}

/// A filter operand prepared once for case-insensitive matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Needle {
    folded: String,
}

impl Needle {
    /// Folds `text` to lower case once, at compile time.
    pub(crate) fn new(text: &str) -> Self {
        Self {
            folded: text.to_lowercase(),
        }
    }

    /// `haystack` equals the needle, ignoring case.
    pub(crate) fn equals(&self, haystack: &str) -> bool {
        self.with_folded(haystack, |hay, needle| hay == needle)
    }

    /// `haystack` contains the needle, ignoring case.
    pub(crate) fn contained_in(&self, haystack: &str) -> bool {
        self.with_folded(haystack, |hay, needle| {
            needle.is_empty() || hay.windows(needle.len()).any(|window| window == needle)
        })
    }

    /// `haystack` starts with the needle, ignoring case.
    pub(crate) fn starts(&self, haystack: &str) -> bool {
        self.with_folded(haystack, |hay, needle| hay.starts_with(needle))
    }

    /// `haystack` ends with the needle, ignoring case.
    pub(crate) fn ends(&self, haystack: &str) -> bool {
        self.with_folded(haystack, |hay, needle| hay.ends_with(needle))
    }

    /// Runs `test` on lower-cased bytes of `haystack` and the needle, allocating only for
    /// non-ASCII text with upper-case letters.
    fn with_folded(&self, haystack: &str, test: impl Fn(&[u8], &[u8]) -> bool) -> bool {
        if haystack.is_ascii() {
            if !haystack.bytes().any(|b| b.is_ascii_uppercase()) {
                return test(haystack.as_bytes(), self.folded.as_bytes());
            }
            if haystack.len() <= 128 {
                let mut buffer = [0_u8; 128];
                let folded = &mut buffer[..haystack.len()];
                folded.copy_from_slice(haystack.as_bytes());
                folded.make_ascii_lowercase();
                return test(folded, self.folded.as_bytes());
            }
        }
        let folded = haystack.to_lowercase();
        test(folded.as_bytes(), self.folded.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rich(parts: &[&str]) -> Value {
        Value::Array(
            parts
                .iter()
                .map(|part| json!({"type": "text", "text": {"content": part, "link": null}, "plain_text": part, "href": null}))
                .collect(),
        )
    }

    #[test]
    fn plain_text_concatenates_rich_text_segments() {
        assert_eq!(
            plain_text(Some(&rich(&["Write ", "API", " digest"]))),
            "Write API digest"
        );
        assert_eq!(plain_text(Some(&rich(&["One"]))), "One");
        assert_eq!(plain_text(Some(&rich(&[]))), "");
    }

    #[test]
    fn plain_text_of_strings_and_nulls() {
        assert_eq!(plain_text(Some(&json!("a@b.c"))), "a@b.c");
        assert_eq!(plain_text(Some(&Value::Null)), "");
        assert_eq!(plain_text(None), "");
    }

    #[test]
    fn needle_matches_ignoring_ascii_case() {
        let needle = Needle::new("Api");
        assert!(needle.contained_in("Write API digest"));
        assert!(needle.starts("api docs"));
        assert!(needle.ends("the API"));
        assert!(needle.equals("API"));
        assert!(!needle.equals("APIs"));
        assert!(!needle.contained_in("ap i"));
    }

    #[test]
    fn needle_matches_ignoring_unicode_case() {
        let needle = Needle::new("ÉTÉ");
        assert!(needle.contained_in("Un été chaud"));
        assert!(!needle.starts("Un été"));
    }

    #[test]
    fn needle_handles_long_ascii_text() {
        let long = format!("{}NEEDLE", "x".repeat(300));
        assert!(Needle::new("needle").ends(&long));
    }

    #[test]
    fn empty_needle_is_contained_everywhere() {
        assert!(Needle::new("").contained_in("anything"));
        assert!(Needle::new("").contained_in(""));
    }
}
