//! File objects (Notion-hosted, external, file upload), icons and covers.

use serde::{Deserialize, Serialize};

use crate::common::{Extra, Timestamp};
use crate::ids::FileUploadId;
use crate::rich_text::RichText;
use crate::serde_util::{payload_enum, present};

/// A file reference as used in `files` properties and covers:
/// `{"type":"external","external":{"url":...}}`, `{"type":"file","file":{"url","expiry_time"}}`
/// or (requests) `{"type":"file_upload","file_upload":{"id":...}}`; `files` items add `name`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileObject {
    /// `file`, `external` or `file_upload`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Display name (in `files` property values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the bytes are.
    #[serde(flatten)]
    pub source: FileSource,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A cover is a file object.
pub type Cover = FileObject;

payload_enum! {
    /// Where a file's bytes live.
    pub enum FileSource {
        /// Hosted by Notion; the URL is signed and expires.
        File(HostedFile) = "file",
        /// Any public URL.
        External(ExternalFile) = "external",
        /// An uploaded file (requests only).
        FileUpload(FileUploadRef) = "file_upload",
    }
}

/// `{"url":..., "expiry_time":...}` for Notion-hosted files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HostedFile {
    /// Signed download URL.
    pub url: String,
    /// When the URL stops working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_time: Option<Timestamp>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"url":...}` for external files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExternalFile {
    /// The URL.
    pub url: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"id":...}` naming a file upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileUploadRef {
    /// The upload.
    pub id: FileUploadId,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FileObject {
    fn with(type_name: &str, source: FileSource) -> Self {
        Self {
            type_name: Some(type_name.to_owned()),
            name: None,
            source,
            extra: Extra::new(),
        }
    }

    /// An external file.
    pub fn external(url: impl Into<String>) -> Self {
        Self::with(
            "external",
            FileSource::External(ExternalFile {
                url: url.into(),
                extra: Extra::new(),
            }),
        )
    }

    /// A Notion-hosted file.
    pub fn hosted(url: impl Into<String>, expiry_time: Option<Timestamp>) -> Self {
        Self::with(
            "file",
            FileSource::File(HostedFile {
                url: url.into(),
                expiry_time,
                extra: Extra::new(),
            }),
        )
    }

    /// A reference to an uploaded file.
    pub fn file_upload(id: FileUploadId) -> Self {
        Self::with(
            "file_upload",
            FileSource::FileUpload(FileUploadRef {
                id,
                extra: Extra::new(),
            }),
        )
    }

    /// Sets the display name (for `files` properties).
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The URL, for hosted and external files.
    pub fn url(&self) -> Option<&str> {
        match &self.source {
            FileSource::File(f) => Some(&f.url),
            FileSource::External(f) => Some(&f.url),
            _ => None,
        }
    }
}

/// A page, database, data-source or callout icon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Icon {
    /// `emoji`, `external`, `file`, `file_upload`, `custom_emoji` or `icon`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The icon payload.
    #[serde(flatten)]
    pub kind: IconKind,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// The kinds of icon.
    pub enum IconKind {
        /// A Unicode emoji.
        Emoji(String) = "emoji",
        /// An external image.
        External(ExternalFile) = "external",
        /// A Notion-hosted image.
        File(HostedFile) = "file",
        /// An uploaded image (requests).
        FileUpload(FileUploadRef) = "file_upload",
        /// A workspace custom emoji.
        CustomEmoji(CustomEmoji) = "custom_emoji",
        /// A native Notion icon `{name, color}` (2026).
        Icon(NativeIcon) = "icon",
    }
}

/// A custom emoji `{id, name, url}` (icons, mentions, `GET /v1/custom_emojis`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomEmoji {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A native Notion icon `{name, color}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NativeIcon {
    /// Icon name.
    pub name: String,
    /// Icon color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Icon {
    fn with(type_name: &str, kind: IconKind) -> Self {
        Self {
            type_name: Some(type_name.to_owned()),
            kind,
            extra: Extra::new(),
        }
    }

    /// An emoji icon.
    pub fn emoji(emoji: impl Into<String>) -> Self {
        Self::with("emoji", IconKind::Emoji(emoji.into()))
    }

    /// An external image icon.
    pub fn external(url: impl Into<String>) -> Self {
        Self::with(
            "external",
            IconKind::External(ExternalFile {
                url: url.into(),
                extra: Extra::new(),
            }),
        )
    }

    /// An uploaded image icon.
    pub fn file_upload(id: FileUploadId) -> Self {
        Self::with(
            "file_upload",
            IconKind::FileUpload(FileUploadRef {
                id,
                extra: Extra::new(),
            }),
        )
    }

    /// A native Notion icon.
    pub fn native(name: impl Into<String>, color: impl Into<String>) -> Self {
        Self::with(
            "icon",
            IconKind::Icon(NativeIcon {
                name: name.into(),
                color: Some(color.into()),
                extra: Extra::new(),
            }),
        )
    }
}

/// A media block payload (`image`, `video`, `pdf`, `audio`, `file`): a file object plus
/// `caption` (and `name` for `file`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MediaBlock {
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Vec<RichText>>,
    /// File name (`file` blocks).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub name: Option<Option<String>>,
    /// `file`, `external` or `file_upload`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Where the bytes are.
    #[serde(flatten)]
    pub source: FileSource,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MediaBlock {
    /// A media payload pointing at an external URL.
    pub fn external(url: impl Into<String>) -> Self {
        let file = FileObject::external(url);
        Self {
            caption: None,
            name: None,
            type_name: file.type_name,
            source: file.source,
            extra: Extra::new(),
        }
    }

    /// A media payload pointing at an uploaded file.
    pub fn file_upload(id: FileUploadId) -> Self {
        let file = FileObject::file_upload(id);
        Self {
            caption: None,
            name: None,
            type_name: file.type_name,
            source: file.source,
            extra: Extra::new(),
        }
    }
}
