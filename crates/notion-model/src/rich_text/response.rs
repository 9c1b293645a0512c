//! [`ResponseText`]: the keys of a rich-text item that only responses carry.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::serde_util::present;

/// `plain_text` and `href`, which Notion adds to every rich-text item of a response and
/// requests never need.
///
/// Stored behind one pointer that is only allocated when a key is present: the items this
/// workspace builds (Markdown conversion, reports) are request items, thousands per page,
/// and the two strings would make each of them 48 bytes larger. Absent, `null` and a value
/// stay distinct, so responses re-encode exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ResponseText(Option<Box<ResponseFields>>);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ResponseFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    plain_text: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    href: Option<Option<String>>,
}

impl ResponseText {
    pub(crate) const fn new() -> Self {
        Self(None)
    }

    fn from_fields(fields: ResponseFields) -> Self {
        if fields.plain_text.is_none() && fields.href.is_none() {
            Self(None)
        } else {
            Self(Some(Box::new(fields)))
        }
    }

    pub(crate) fn plain_text(&self) -> Option<&str> {
        self.0.as_ref()?.plain_text.as_deref()
    }

    pub(crate) fn href(&self) -> Option<Option<&str>> {
        self.0.as_ref()?.href.as_ref().map(Option::as_deref)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    fn fields(&self) -> ResponseFields {
        self.0.as_deref().cloned().unwrap_or_default()
    }

    pub(crate) fn set_plain_text(&mut self, plain_text: Option<String>) {
        let mut fields = self.fields();
        fields.plain_text = plain_text;
        *self = Self::from_fields(fields);
    }

    pub(crate) fn set_href(&mut self, href: Option<Option<String>>) {
        let mut fields = self.fields();
        fields.href = href;
        *self = Self::from_fields(fields);
    }
}

impl Serialize for ResponseText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Flattened into the item: an empty struct adds no keys.
        self.0.as_deref().unwrap_or(&EMPTY).serialize(serializer)
    }
}

static EMPTY: ResponseFields = ResponseFields {
    plain_text: None,
    href: None,
};

impl<'de> Deserialize<'de> for ResponseText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ResponseFields::deserialize(deserializer).map(Self::from_fields)
    }
}
