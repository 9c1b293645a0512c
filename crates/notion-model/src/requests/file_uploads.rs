//! `POST /v1/file_uploads`.

use serde::{Deserialize, Serialize};

use crate::common::Extra;

/// Body of `POST /v1/file_uploads`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateFileUploadRequest {
    /// `single_part` (default), `multi_part` or `external_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// File name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Number of parts (`multi_part`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_parts: Option<u32>,
    /// Source URL (`external_url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_url: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateFileUploadRequest {
    /// A single-part upload.
    pub fn single_part(filename: impl Into<String>, content_type: impl Into<String>) -> Self {
        Self {
            mode: Some("single_part".to_owned()),
            filename: Some(filename.into()),
            content_type: Some(content_type.into()),
            ..Self::default()
        }
    }

    /// A multi-part upload of `parts` parts.
    pub fn multi_part(
        filename: impl Into<String>,
        content_type: impl Into<String>,
        parts: u32,
    ) -> Self {
        Self {
            mode: Some("multi_part".to_owned()),
            number_of_parts: Some(parts),
            ..Self::single_part(filename, content_type)
        }
    }

    /// An import from a public URL.
    pub fn external_url(filename: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            mode: Some("external_url".to_owned()),
            filename: Some(filename.into()),
            external_url: Some(url.into()),
            ..Self::default()
        }
    }
}
