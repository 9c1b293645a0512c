//! Small shared pieces: timestamps, colors, empty objects, the `extra` map type.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::serde_util::open_enum;

pub use crate::extra::Extra;

/// The `type` key of a tagged object: usually one of the crate's known names (borrowed, no
/// allocation), owned when decoded or when the type is unknown.
pub type TypeName = std::borrow::Cow<'static, str>;

/// An ISO 8601 timestamp or date exactly as Notion sent it
/// (`2020-08-12T02:12:33.231Z`, `2026-07-04T09:13:00.290+00:00`, `2020-08-12`).
///
/// The text is kept verbatim so it re-encodes byte for byte; parse it with the time
/// library of your choice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// Wraps an ISO 8601 string without checking it.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar date part (`YYYY-MM-DD`), when the text starts with one.
    pub fn date_part(&self) -> Option<&str> {
        let date = self.0.get(..10)?;
        let bytes = date.as_bytes();
        let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
        shape_ok.then_some(date)
    }

    /// Whether the text carries a time of day (not just a date).
    pub fn has_time(&self) -> bool {
        self.0.len() > 10 && self.0.as_bytes().get(10) == Some(&b'T')
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Timestamp {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Timestamp {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// A JSON object whose content this crate does not interpret (`{}` on the wire in most cases).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmptyObject {
    /// Whatever keys the object carried.
    #[serde(flatten)]
    pub extra: Extra,
}

impl EmptyObject {
    /// `{}`.
    pub fn new() -> Self {
        Self::default()
    }
}

open_enum! {
    /// A text or block color (`ApiColor`); unknown colors keep their string.
    pub enum Color {
        /// `default`
        Default = "default",
        /// `gray`
        Gray = "gray",
        /// `brown`
        Brown = "brown",
        /// `orange`
        Orange = "orange",
        /// `yellow`
        Yellow = "yellow",
        /// `green`
        Green = "green",
        /// `blue`
        Blue = "blue",
        /// `purple`
        Purple = "purple",
        /// `pink`
        Pink = "pink",
        /// `red`
        Red = "red",
        /// `default_background`
        DefaultBackground = "default_background",
        /// `gray_background`
        GrayBackground = "gray_background",
        /// `brown_background`
        BrownBackground = "brown_background",
        /// `orange_background`
        OrangeBackground = "orange_background",
        /// `yellow_background`
        YellowBackground = "yellow_background",
        /// `green_background`
        GreenBackground = "green_background",
        /// `blue_background`
        BlueBackground = "blue_background",
        /// `purple_background`
        PurpleBackground = "purple_background",
        /// `pink_background`
        PinkBackground = "pink_background",
        /// `red_background`
        RedBackground = "red_background",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_keeps_text_and_finds_date() {
        let ts: Timestamp = serde_json::from_str("\"2026-07-04T09:13:00.290+00:00\"").unwrap();
        assert_eq!(ts.date_part(), Some("2026-07-04"));
        assert!(ts.has_time());
        assert_eq!(
            serde_json::to_string(&ts).unwrap(),
            "\"2026-07-04T09:13:00.290+00:00\""
        );
        assert!(!Timestamp::new("2026-07-04").has_time());
        assert_eq!(Timestamp::new("soon").date_part(), None);
    }

    #[test]
    fn unknown_color_is_kept() {
        let c: Color = serde_json::from_str("\"teal_background\"").unwrap();
        assert_eq!(c, Color::Other("teal_background".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"teal_background\"");
        assert_eq!(Color::from("red"), Color::Red);
    }
}
