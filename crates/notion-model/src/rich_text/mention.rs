//! Mentions inside rich text.

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp, TypeName};
use crate::file::CustomEmoji;
use crate::serde_util::{payload_enum, present};
use crate::user::User;

/// The `mention` payload: `{"type":"page","page":{"id":...}}` and friends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// `user`, `date`, `page`, `database`, `link_preview`, `link_mention`,
    /// `template_mention` or `custom_emoji`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<TypeName>,
    /// The mention payload.
    #[serde(flatten)]
    pub kind: MentionKind,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// What a mention points at.
    pub enum MentionKind {
        /// A user (often partial).
        User(User) = "user",
        /// A date or date range.
        Date(DateValue) = "date",
        /// A page.
        Page(ObjectReference) = "page",
        /// A database.
        Database(ObjectReference) = "database",
        /// A link preview (responses).
        LinkPreview(LinkPreviewMention) = "link_preview",
        /// A rich link mention (responses).
        LinkMention(LinkMention) = "link_mention",
        /// A template placeholder.
        TemplateMention(TemplateMention) = "template_mention",
        /// A custom emoji.
        CustomEmoji(CustomEmoji) = "custom_emoji",
    }
}

/// `{"id": ...}` pointing at a page, database, data source or block. The id is kept as text
/// because mentions and relations may point at objects of any kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObjectReference {
    /// The target id.
    pub id: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ObjectReference {
    /// A reference to `id`.
    pub fn new(id: impl std::fmt::Display) -> Self {
        Self {
            id: id.to_string(),
            extra: Extra::new(),
        }
    }
}

/// A date or date range: `{"start", "end"|null, "time_zone"|null}`.
///
/// Used by date mentions, date property values and formula/rollup dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateValue {
    /// Start date or datetime.
    pub start: Timestamp,
    /// End of a range (`null` when not a range).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub end: Option<Option<Timestamp>>,
    /// IANA time zone (`null` when the datetimes carry offsets).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub time_zone: Option<Option<String>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DateValue {
    /// A single date (request shape: only `start`).
    pub fn new(start: impl Into<Timestamp>) -> Self {
        Self {
            start: start.into(),
            end: None,
            time_zone: None,
            extra: Extra::new(),
        }
    }

    /// A range.
    pub fn range(start: impl Into<Timestamp>, end: impl Into<Timestamp>) -> Self {
        Self {
            end: Some(Some(end.into())),
            ..Self::new(start)
        }
    }

    /// The end, if this is a range.
    pub fn end(&self) -> Option<&Timestamp> {
        self.end.as_ref().and_then(Option::as_ref)
    }
}

/// `{"url": ...}` of a link preview mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkPreviewMention {
    /// The previewed URL.
    pub url: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A rich link mention (`href`, `title`, `description`, `link_author`, `link_provider`,
/// `thumbnail_url`, `icon_url`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkMention {
    /// The link.
    pub href: String,
    /// Title of the linked resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Keys this crate does not model (author, provider, thumbnail, ...).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"type":"template_mention_date","template_mention_date":"today"}` or
/// `{"type":"template_mention_user","template_mention_user":"me"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateMention {
    /// `template_mention_date` or `template_mention_user`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The placeholder.
    #[serde(flatten)]
    pub kind: TemplateMentionKind,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Template placeholders.
    pub enum TemplateMentionKind {
        /// `today` or `now`.
        Date(String) = "template_mention_date",
        /// `me`.
        User(String) = "template_mention_user",
    }
}

impl Mention {
    fn with(type_name: &'static str, kind: MentionKind) -> Self {
        Self {
            type_name: Some(TypeName::Borrowed(type_name)),
            kind,
            extra: Extra::new(),
        }
    }

    /// A page mention.
    pub fn page(id: impl std::fmt::Display) -> Self {
        Self::with("page", MentionKind::Page(ObjectReference::new(id)))
    }

    /// A database mention.
    pub fn database(id: impl std::fmt::Display) -> Self {
        Self::with("database", MentionKind::Database(ObjectReference::new(id)))
    }

    /// A user mention.
    pub fn user(id: crate::ids::UserId) -> Self {
        Self::with("user", MentionKind::User(User::partial(id)))
    }

    /// A date mention.
    pub fn date(date: DateValue) -> Self {
        Self::with("date", MentionKind::Date(date))
    }
}
