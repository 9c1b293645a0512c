//! The `Notion-Version` header values this project speaks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Notion API version, sent as the `Notion-Version` header.
///
/// Versions are ordered by date, so `version >= ApiVersion::V2025_09_03` asks
/// "does this version have data sources?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum ApiVersion {
    /// `2022-06-28`: a database is its own schema; `/v1/databases/{id}/query`.
    V2022_06_28,
    /// `2025-09-03`: databases split into containers and data sources (the official SDK's default).
    #[default]
    V2025_09_03,
    /// `2026-03-11`: no `archived`, `position` instead of `after`, `meeting_notes` blocks.
    V2026_03_11,
}

impl ApiVersion {
    /// Every supported version, oldest first.
    pub const ALL: [ApiVersion; 3] = [Self::V2022_06_28, Self::V2025_09_03, Self::V2026_03_11];

    /// The header value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::V2022_06_28 => "2022-06-28",
            Self::V2025_09_03 => "2025-09-03",
            Self::V2026_03_11 => "2026-03-11",
        }
    }

    /// True from 2025-09-03 on: databases are containers of data sources.
    pub fn has_data_sources(self) -> bool {
        self >= Self::V2025_09_03
    }

    /// True before 2026-03-11: objects carry the deprecated `archived` alias of `in_trash`.
    pub fn has_archived(self) -> bool {
        self < Self::V2026_03_11
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The header value is not a version this project supports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported Notion-Version {0:?}: expected one of 2022-06-28, 2025-09-03, 2026-03-11")]
pub struct UnsupportedVersion(pub String);

impl FromStr for ApiVersion {
    type Err = UnsupportedVersion;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s.trim())
            .ok_or_else(|| UnsupportedVersion(s.to_owned()))
    }
}

impl Serialize for ApiVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ApiVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        assert_eq!(
            "2026-03-11".parse::<ApiVersion>().unwrap(),
            ApiVersion::V2026_03_11
        );
        assert!("2021-05-13".parse::<ApiVersion>().is_err());
        assert!(ApiVersion::V2022_06_28 < ApiVersion::V2025_09_03);
        assert!(!ApiVersion::V2022_06_28.has_data_sources());
        assert!(!ApiVersion::V2026_03_11.has_archived());
        assert_eq!(ApiVersion::default().as_str(), "2025-09-03");
    }
}
