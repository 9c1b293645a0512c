//! Rich text: text runs, equations and mentions, with annotations.

use serde::{Deserialize, Serialize};

use crate::common::{Color, Extra, TypeName};
use crate::serde_util::{payload_enum, present};

mod mention;
mod response;

use response::ResponseText;

pub use mention::{
    DateValue, LinkMention, LinkPreviewMention, Mention, MentionKind, ObjectReference,
    TemplateMention, TemplateMentionKind,
};

/// One rich-text item.
///
/// Responses carry `type`, `annotations`, `plain_text` and `href`; requests usually only the
/// payload (`{"text":{"content":"hi"}}`). Absent keys stay absent on re-encoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RichText {
    /// `text`, `mention` or `equation`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<TypeName>,
    /// The payload.
    #[serde(flatten)]
    pub content: RichTextContent,
    /// Styling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Annotations>,
    /// `plain_text` and `href` (responses): see [`RichText::plain_text`] and
    /// [`RichText::href`].
    #[serde(flatten)]
    response: ResponseText,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// The kinds of rich text.
    pub enum RichTextContent {
        /// Plain text, optionally linked.
        Text(Text) = "text",
        /// A mention of a user, page, date, ... (boxed: mentions are large and rare, text
        /// runs small and common).
        Mention(Box<Mention>) = "mention",
        /// An inline KaTeX equation.
        Equation(Equation) = "equation",
    }
}

/// The `text` payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Text {
    /// The characters (≤ 2000 per item).
    pub content: String,
    /// Link (`null` in responses when none; boxed: most runs have none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub link: Option<Option<Box<Link>>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"url": ...}`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Link {
    /// Target URL.
    pub url: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Link {
    /// A link to `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            extra: Extra::new(),
        }
    }
}

/// The `equation` payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Equation {
    /// KaTeX source.
    pub expression: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Text styling. Every flag is optional so request payloads such as `{"bold":true}` round-trip.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Annotations {
    /// Bold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    /// Italic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub italic: Option<bool>,
    /// Strikethrough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strikethrough: Option<bool>,
    /// Underline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underline: Option<bool>,
    /// Inline code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<bool>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Annotations {
    /// All flags false and color `default`, as responses spell "no styling".
    pub fn plain() -> Self {
        Self {
            bold: Some(false),
            italic: Some(false),
            strikethrough: Some(false),
            underline: Some(false),
            code: Some(false),
            color: Some(Color::Default),
            extra: Extra::new(),
        }
    }

    /// Whether the item is bold.
    pub fn is_bold(&self) -> bool {
        self.bold.unwrap_or(false)
    }
}

impl RichText {
    fn from_content(type_name: &'static str, content: RichTextContent) -> Self {
        Self {
            type_name: Some(TypeName::Borrowed(type_name)),
            content,
            annotations: None,
            response: ResponseText::new(),
            extra: Extra::new(),
        }
    }

    /// A plain text run (request shape: `{"type":"text","text":{"content":...}}`).
    pub fn text(content: impl Into<String>) -> Self {
        Self::from_content(
            "text",
            RichTextContent::Text(Text {
                content: content.into(),
                link: None,
                extra: Extra::new(),
            }),
        )
    }

    /// A linked text run.
    pub fn link(content: impl Into<String>, url: impl Into<String>) -> Self {
        Self::from_content(
            "text",
            RichTextContent::Text(Text {
                content: content.into(),
                link: Some(Some(Box::new(Link::new(url)))),
                extra: Extra::new(),
            }),
        )
    }

    /// An inline equation.
    pub fn equation(expression: impl Into<String>) -> Self {
        Self::from_content(
            "equation",
            RichTextContent::Equation(Equation {
                expression: expression.into(),
                extra: Extra::new(),
            }),
        )
    }

    /// A mention.
    pub fn mention(mention: Mention) -> Self {
        Self::from_content("mention", RichTextContent::Mention(Box::new(mention)))
    }

    /// A text run as a response carries it: `link: null`, plain annotations, `plain_text`,
    /// `href: null`.
    pub fn text_response(content: impl Into<String>) -> Self {
        let content = content.into();
        let mut item = Self::from_content(
            "text",
            RichTextContent::Text(Text {
                content: content.clone(),
                link: Some(None),
                extra: Extra::new(),
            }),
        );
        item.annotations = Some(Annotations::plain());
        item.set_plain_text(Some(content));
        item.set_href(Some(None));
        item
    }

    /// `plain_text`, when the item carries it (responses do).
    pub fn plain_text(&self) -> Option<&str> {
        self.response.plain_text()
    }

    /// `href`: `None` when the key is absent (requests), `Some(None)` for `null`.
    pub fn href(&self) -> Option<Option<&str>> {
        self.response.href()
    }

    /// Whether the item carries neither `plain_text` nor `href` (request shape).
    pub fn is_request_shaped(&self) -> bool {
        self.response.is_empty()
    }

    /// Sets or removes `plain_text`.
    pub fn set_plain_text(&mut self, plain_text: Option<String>) {
        self.response.set_plain_text(plain_text);
    }

    /// Sets or removes `href` (`Some(None)` writes `null`).
    pub fn set_href(&mut self, href: Option<Option<String>>) {
        self.response.set_href(href);
    }

    /// Sets the annotations.
    pub fn with_annotations(mut self, annotations: Annotations) -> Self {
        self.annotations = Some(annotations);
        self
    }

    /// Makes the run bold.
    pub fn bold(mut self) -> Self {
        self.annotations
            .get_or_insert_with(Annotations::default)
            .bold = Some(true);
        self
    }

    /// Makes the run italic.
    pub fn italic(mut self) -> Self {
        self.annotations
            .get_or_insert_with(Annotations::default)
            .italic = Some(true);
        self
    }

    /// Makes the run inline code.
    pub fn code(mut self) -> Self {
        self.annotations
            .get_or_insert_with(Annotations::default)
            .code = Some(true);
        self
    }

    /// Sets the color.
    pub fn color(mut self, color: Color) -> Self {
        self.annotations
            .get_or_insert_with(Annotations::default)
            .color = Some(color);
        self
    }

    /// The visible text: `plain_text` when present, else the text content or expression.
    pub fn plain(&self) -> &str {
        if let Some(p) = self.plain_text() {
            return p;
        }
        match &self.content {
            RichTextContent::Text(t) => &t.content,
            RichTextContent::Equation(e) => &e.expression,
            _ => "",
        }
    }
}

/// Concatenates the visible text of rich-text items.
pub fn plain_text(items: &[RichText]) -> String {
    items.iter().map(RichText::plain).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use serde_json::json;

    #[test]
    fn request_shape_without_type_round_trips() {
        let raw = json!({"text": {"content": "hi"}, "annotations": {"bold": true, "color": "red_background"}});
        let item: RichText = serde_json::from_value(raw.clone()).unwrap();
        assert!(matches!(item.content, RichTextContent::Text(_)));
        assert_eq!(
            item.annotations.as_ref().unwrap().color,
            Some(Color::RedBackground)
        );
        assert_eq!(serde_json::to_value(&item).unwrap(), raw);
    }

    #[test]
    fn constructors_serialize_to_notion_json() {
        assert_eq!(
            serde_json::to_value(RichText::text("a")).unwrap(),
            json!({"type": "text", "text": {"content": "a"}})
        );
        assert_eq!(
            serde_json::to_value(RichText::link("docs", "https://x.test")).unwrap(),
            json!({"type": "text", "text": {"content": "docs", "link": {"url": "https://x.test"}}})
        );
        assert_eq!(
            serde_json::to_value(RichText::text("b").bold()).unwrap(),
            json!({"type": "text", "text": {"content": "b"}, "annotations": {"bold": true}})
        );
        assert_eq!(
            serde_json::to_value(RichText::equation("x^2")).unwrap(),
            json!({"type": "equation", "equation": {"expression": "x^2"}})
        );
    }

    #[test]
    fn unknown_type_is_kept() {
        let raw =
            json!({"type": "hologram", "hologram": {"x": 1}, "plain_text": "?", "href": null});
        let item: RichText = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(item.content, RichTextContent::Unknown);
        assert_eq!(serde_json::to_value(&item).unwrap(), raw);
    }

    #[test]
    fn response_keys_round_trip_and_are_readable() {
        let raw = json!({
            "type": "text",
            "text": {"content": "docs", "link": {"url": "https://x.test"}},
            "annotations": {"bold": false, "italic": false, "strikethrough": false,
                "underline": false, "code": false, "color": "default"},
            "plain_text": "docs",
            "href": "https://x.test"
        });
        let item: RichText = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(item.plain_text(), Some("docs"));
        assert_eq!(item.href(), Some(Some("https://x.test")));
        assert!(!item.is_request_shaped());
        assert_eq!(serde_json::to_value(&item).unwrap(), raw);

        let mut request = RichText::text("a");
        assert!(request.is_request_shaped());
        assert_eq!(request.href(), None);
        request.set_href(Some(None));
        assert_eq!(request.href(), Some(None));
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({"type": "text", "text": {"content": "a"}, "href": null})
        );
        request.set_href(None);
        assert!(request.is_request_shaped());
    }

    #[test]
    fn request_items_stay_small() {
        // Markdown conversion builds tens of thousands of these per megabyte: the response
        // keys and the link live behind pointers.
        assert!(std::mem::size_of::<RichText>() <= 128);
    }

    #[test]
    fn plain_text_joins_items() {
        let items = vec![RichText::text("a"), RichText::text_response("b")];
        assert_eq!(plain_text(&items), "ab");
    }
}
