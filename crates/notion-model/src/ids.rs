//! Typed identifiers.
//!
//! Every Notion object is identified by a UUID. Notion accepts them dashed
//! (`1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33`) or undashed
//! (`1f0c9a3e5b7d4c219e8a6d2b4f1a0c33`), and people copy them out of URLs
//! (`https://www.notion.so/Write-API-digest-1f0c9a3e5b7d4c219e8a6d2b4f1a0c33?pvs=4`).
//! Each newtype here parses all three forms and always prints the canonical
//! dashed, lower-case form, which is also what it serializes to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// The input could not be read as a Notion identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{input:?} is not a Notion id: expected a UUID (dashed or not) or a Notion URL that ends in one"
)]
pub struct ParseIdError {
    input: String,
}

impl ParseIdError {
    /// The text that failed to parse.
    pub fn input(&self) -> &str {
        &self.input
    }
}

/// Extracts the UUID from a dashed or undashed id, or from a Notion URL.
///
/// For URLs the *last* 32-hex-digit run of the path wins (a page URL is
/// `…/Title-<id>`), unless the query carries `p=<id>` (a page opened as a
/// peek from a database view), which names the page itself.
pub fn parse_notion_uuid(input: &str) -> Result<Uuid, ParseIdError> {
    let err = || ParseIdError {
        input: input.to_owned(),
    };
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(err());
    }
    if let Ok(uuid) = Uuid::try_parse(trimmed)
        && (trimmed.len() == 32 || trimmed.len() == 36)
    {
        return Ok(uuid);
    }
    if !(trimmed.contains('/') || trimmed.contains('?') || trimmed.contains('-')) {
        return Err(err());
    }
    // A URL or a slug such as `Title-<id>`.
    let (path, query) = match trimmed.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (trimmed, None),
    };
    if let Some(query) = query {
        let query = query.split('#').next().unwrap_or_default();
        for pair in query.split('&') {
            if let Some(value) = pair.strip_prefix("p=")
                && let Some(uuid) = last_hex_run(value)
            {
                return Ok(uuid);
            }
        }
    }
    let path = path.split('#').next().unwrap_or_default();
    last_hex_run(path).ok_or_else(err)
}

/// Finds the last run of exactly 32 hex digits (optionally dashed as a UUID).
fn last_hex_run(text: &str) -> Option<Uuid> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 {
        // Skip non-hex characters from the right.
        while end > 0 && !bytes[end - 1].is_ascii_hexdigit() {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && (bytes[start - 1].is_ascii_hexdigit() || bytes[start - 1] == b'-') {
            start -= 1;
        }
        let run = &text[start..end];
        // A dashed UUID at the end of the run.
        if run.len() >= 36 {
            let candidate = &run[run.len() - 36..];
            if let Ok(uuid) = Uuid::try_parse(candidate)
                && candidate.as_bytes()[8] == b'-'
            {
                return Some(uuid);
            }
        }
        // An undashed one: the last 32 hex digits after the final dash.
        let tail = run.rsplit('-').next().unwrap_or_default();
        if tail.len() == 32
            && let Ok(uuid) = Uuid::try_parse(tail)
        {
            return Some(uuid);
        }
        if start == 0 {
            break;
        }
        end = start;
    }
    None
}

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            #[doc = concat!("Wraps a UUID as a ", $what, " id.")]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The underlying UUID.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }

            /// The id without dashes, as Notion URLs spell it.
            pub fn simple(&self) -> String {
                self.0.simple().to_string()
            }

            #[doc = concat!("Parses a ", $what, " id from a dashed or undashed UUID or a Notion URL.")]
            ///
            /// # Errors
            ///
            /// [`ParseIdError`] when no id can be found in the input.
            pub fn parse(input: &str) -> Result<Self, ParseIdError> {
                parse_notion_uuid(input).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0.hyphenated())
            }
        }

        impl FromStr for $name {
            type Err = ParseIdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = ParseIdError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ParseIdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0.hyphenated())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

id_type!(
    /// The id of a page (a page is also a block, see [`BlockId`]).
    PageId,
    "page"
);
id_type!(
    /// The id of a database container (2025-09-03 and later) or of a database (2022-06-28).
    DatabaseId,
    "database"
);
id_type!(
    /// The id of a data source, the schema-and-rows half of a database since 2025-09-03.
    DataSourceId,
    "data source"
);
id_type!(
    /// The id of a block.
    BlockId,
    "block"
);
id_type!(
    /// The id of a user (person or bot) or of a group.
    UserId,
    "user"
);
id_type!(
    /// The id of a comment.
    CommentId,
    "comment"
);
id_type!(
    /// The id of a discussion (a thread of comments).
    DiscussionId,
    "discussion"
);
id_type!(
    /// The id of a file upload.
    FileUploadId,
    "file upload"
);

impl From<PageId> for BlockId {
    /// A page is a block: its id works wherever a block id is expected.
    fn from(id: PageId) -> Self {
        Self(id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DASHED: &str = "1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33";

    #[test]
    fn parses_dashed_and_undashed() {
        let a = PageId::parse(DASHED).unwrap();
        let b = PageId::parse("1f0c9a3e5b7d4c219e8a6d2b4f1a0c33").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), DASHED);
        assert_eq!(a.simple(), "1f0c9a3e5b7d4c219e8a6d2b4f1a0c33");
        assert_eq!(
            PageId::parse("1F0C9A3E5B7D4C219E8A6D2B4F1A0C33").unwrap(),
            a
        );
        assert_eq!(PageId::parse(&format!("  {DASHED}\n")).unwrap(), a);
    }

    #[test]
    fn parses_notion_urls() {
        let cases = [
            "https://www.notion.so/Write-API-digest-1f0c9a3e5b7d4c219e8a6d2b4f1a0c33",
            "https://www.notion.so/Write-API-digest-1f0c9a3e5b7d4c219e8a6d2b4f1a0c33?pvs=4",
            "https://www.notion.so/acme/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33",
            "https://notion.so/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33#heading",
            "https://acme.notion.site/Roadmap-1f0c9a3e5b7d4c219e8a6d2b4f1a0c33",
            "notion.so/acme/Title-With-2024-Numbers-1f0c9a3e5b7d4c219e8a6d2b4f1a0c33",
            "https://www.notion.so/acme/ffffffffffffffffffffffffffffffff?v=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&p=1f0c9a3e5b7d4c219e8a6d2b4f1a0c33&pm=s",
            "https://www.notion.so/Page-1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33",
        ];
        for case in cases {
            assert_eq!(PageId::parse(case).unwrap().to_string(), DASHED, "{case}");
        }
        let db = "https://www.notion.so/acme/9d8c7b6a5f4e4d3c8b2a1f0e9d8c7b6a?v=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assert_eq!(
            DatabaseId::parse(db).unwrap().to_string(),
            "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "hello",
            "1234",
            "https://www.notion.so/no-id-here",
            "1f0c9a3e5b7d4c219e8a6d2b4f1a0c3",
            "1f0c9a3e5b7d4c219e8a6d2b4f1a0c33ff",
            "zz0c9a3e5b7d4c219e8a6d2b4f1a0c33",
        ] {
            let err = PageId::parse(bad).unwrap_err();
            assert_eq!(err.input(), bad);
            assert!(err.to_string().contains("is not a Notion id"));
        }
    }

    #[test]
    fn serde_uses_dashed_form() {
        let id: BlockId = serde_json::from_str("\"1f0c9a3e5b7d4c219e8a6d2b4f1a0c33\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{DASHED}\""));
        assert!(serde_json::from_str::<BlockId>("\"nope\"").is_err());
    }

    #[test]
    fn page_id_is_a_block_id() {
        let page = PageId::parse(DASHED).unwrap();
        let block: BlockId = page.into();
        assert_eq!(block.to_string(), DASHED);
        assert_eq!(format!("{page:?}"), format!("PageId({DASHED})"));
    }
}
