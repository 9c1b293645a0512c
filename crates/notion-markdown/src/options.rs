//! Conversion options and the result of a Markdown conversion.

use notion_model::NewBlock;

use crate::front_matter::FrontMatter;

/// Options for [`crate::markdown_to_blocks`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The target API version has `heading_4` blocks (2026-03-11). When false, `####` and
    /// deeper headings become `heading_3`.
    pub heading_4: bool,
}

impl Options {
    /// Default options: no `heading_4`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`Options::heading_4`].
    pub fn with_heading_4(mut self, heading_4: bool) -> Self {
        self.heading_4 = heading_4;
        self
    }
}

/// Something the converter could not express exactly; the output is still valid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Warning {
    /// What happened, for people.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

/// The result of [`crate::markdown_to_blocks`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Converted {
    /// Request-shaped blocks (with nested `children`), already within Notion's size limits.
    pub blocks: Vec<NewBlock>,
    /// The YAML front matter at the top of the document, if any.
    pub front_matter: Option<FrontMatter>,
    /// Things that were approximated.
    pub warnings: Vec<Warning>,
}
