//! Wire-level helpers shared by every endpoint: ids, timestamps, rich text, lists, bodies, limits.

pub(crate) mod body;
pub(crate) mod files;
pub(crate) mod ids;
pub(crate) mod inline_markdown;
pub(crate) mod list;
pub(crate) mod params;
pub(crate) mod rich_text;
pub(crate) mod time;
