//! Block payloads, one per block type (DIGEST 7.1).

use serde::{Deserialize, Serialize};
use serde_json::Number;

use crate::block::NewBlock;
use crate::common::{Color, EmptyObject, Extra};
use crate::file::{Icon, MediaBlock};
use crate::ids::{BlockId, CommentId, DatabaseId, PageId};
use crate::rich_text::RichText;
use crate::serde_util::{open_enum, payload_enum, present};

payload_enum! {
    /// The payload of a block, by type.
    pub enum BlockContent {
        /// Paragraph.
        Paragraph(TextBlock) = "paragraph",
        /// Heading 1.
        Heading1(HeadingBlock) = "heading_1",
        /// Heading 2.
        Heading2(HeadingBlock) = "heading_2",
        /// Heading 3.
        Heading3(HeadingBlock) = "heading_3",
        /// Heading 4.
        Heading4(HeadingBlock) = "heading_4",
        /// Bulleted list item.
        BulletedListItem(TextBlock) = "bulleted_list_item",
        /// Numbered list item.
        NumberedListItem(Box<NumberedListItemBlock>) = "numbered_list_item",
        /// Quote.
        Quote(TextBlock) = "quote",
        /// To-do.
        ToDo(ToDoBlock) = "to_do",
        /// Toggle.
        Toggle(TextBlock) = "toggle",
        /// Callout.
        Callout(CalloutBlock) = "callout",
        /// Template button (deprecated).
        Template(TextBlock) = "template",
        /// Synced block (original or copy).
        SyncedBlock(SyncedBlock) = "synced_block",
        /// Child page.
        ChildPage(ChildTitleBlock) = "child_page",
        /// Child database.
        ChildDatabase(ChildTitleBlock) = "child_database",
        /// Column list.
        ColumnList(ContainerBlock) = "column_list",
        /// Column.
        Column(ColumnBlock) = "column",
        /// Table.
        Table(TableBlock) = "table",
        /// Table row.
        TableRow(TableRowBlock) = "table_row",
        /// Tabs.
        Tab(ContainerBlock) = "tab",
        /// Code.
        Code(CodeBlock) = "code",
        /// Block equation.
        Equation(EquationBlock) = "equation",
        /// Divider.
        Divider(EmptyObject) = "divider",
        /// Breadcrumb.
        Breadcrumb(EmptyObject) = "breadcrumb",
        /// Table of contents.
        TableOfContents(ColorOnlyBlock) = "table_of_contents",
        /// Link to a page or database.
        LinkToPage(LinkToPageBlock) = "link_to_page",
        /// Embed.
        Embed(UrlBlock) = "embed",
        /// Bookmark.
        Bookmark(UrlBlock) = "bookmark",
        /// Link preview (read-only).
        LinkPreview(UrlBlock) = "link_preview",
        /// Image.
        Image(Box<MediaBlock>) = "image",
        /// Video.
        Video(Box<MediaBlock>) = "video",
        /// PDF.
        Pdf(Box<MediaBlock>) = "pdf",
        /// Audio.
        Audio(Box<MediaBlock>) = "audio",
        /// File.
        File(Box<MediaBlock>) = "file",
        /// Meeting notes (2026-03-11 name).
        MeetingNotes(Box<MeetingNotesBlock>) = "meeting_notes",
        /// Meeting notes (name before 2026-03-11).
        Transcription(Box<MeetingNotesBlock>) = "transcription",
        /// A block the API cannot represent.
        Unsupported(UnsupportedBlock) = "unsupported",
    }
}

/// Paragraph, bulleted item, quote, toggle, template: `{rich_text, color, icon?, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextBlock {
    /// Text (absent in partial update payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Paragraph icon (2026; `null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub icon: Option<Option<Box<Icon>>>,
    /// Nested children (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Headings 1-4: `{rich_text, color, is_toggleable, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HeadingBlock {
    /// Text (absent in partial update payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Whether the heading is a toggle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_toggleable: Option<bool>,
    /// Nested children (toggleable headings, requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Numbered list item: `{rich_text, color, list_start_index?, list_format?, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberedListItemBlock {
    /// Text (absent in partial update payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// First number of the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_start_index: Option<Number>,
    /// `numbers`, `letters` or `roman`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_format: Option<String>,
    /// Nested children (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// To-do: `{rich_text, checked, color, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToDoBlock {
    /// Text (absent in partial update payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Whether it is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<bool>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Nested children (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Callout: `{rich_text, color, icon, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CalloutBlock {
    /// Text (absent in partial update payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Icon (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub icon: Option<Option<Box<Icon>>>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Nested children (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Synced block: `{synced_from: {type:"block_id", block_id} | null, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SyncedBlock {
    /// The original (`null` for the original itself).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub synced_from: Option<Option<SyncedFrom>>,
    /// Nested children (requests, originals only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{type:"block_id", block_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SyncedFrom {
    /// `block_id`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The original block.
    pub block_id: BlockId,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Child page / child database: `{title}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChildTitleBlock {
    /// Title as plain text.
    pub title: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Column list and tab: `{children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContainerBlock {
    /// Nested children (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Column: `{width_ratio?, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ColumnBlock {
    /// Share of the row width (0..1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_ratio: Option<Number>,
    /// Nested children (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Table: `{table_width, has_column_header, has_row_header, children?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TableBlock {
    /// Number of columns (fixed after creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_width: Option<u32>,
    /// First row is a header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_column_header: Option<bool>,
    /// First column is a header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_row_header: Option<bool>,
    /// Rows (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NewBlock>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Table row: `{cells: RichText[][]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TableRowBlock {
    /// One rich-text array per cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Vec<Vec<RichText>>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Code: `{rich_text, caption, language}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CodeBlock {
    /// Source text (absent in partial update payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rich_text: Option<Vec<RichText>>,
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Vec<RichText>>,
    /// Language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<CodeLanguage>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Block equation: `{expression}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EquationBlock {
    /// KaTeX source.
    pub expression: String,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Table of contents: `{color}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ColorOnlyBlock {
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Link to page: `{type: page_id|database_id|comment_id, <type>: id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkToPageBlock {
    /// Target kind.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Target.
    #[serde(flatten)]
    pub target: LinkToPageTarget,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// What a link-to-page block points at.
    pub enum LinkToPageTarget {
        /// A page.
        Page(PageId) = "page_id",
        /// A database.
        Database(DatabaseId) = "database_id",
        /// A comment.
        Comment(CommentId) = "comment_id",
    }
}

/// Embed, bookmark, link preview: `{url, caption?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UrlBlock {
    /// The URL.
    pub url: String,
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Vec<RichText>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Meeting notes / transcription: `{title?, status?, children?, calendar_event?, recording?}`.
///
/// `children` here is an object of block ids (`summary_block_id`, `notes_block_id`,
/// `transcript_block_id`), not a block list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeetingNotesBlock {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<RichText>>,
    /// Transcription status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Ids of the summary / notes / transcript blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<serde_json::Value>,
    /// Calendar event.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub calendar_event: Option<Option<serde_json::Value>>,
    /// Recording info.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub recording: Option<Option<serde_json::Value>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Unsupported: `{block_type}` naming the real type (form, button, drive, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnsupportedBlock {
    /// The real block type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_type: Option<String>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// Code block languages (an open list; unknown names are kept).
    pub enum CodeLanguage {
        /// `abap`
        Abap = "abap",
        /// `bash`
        Bash = "bash",
        /// `c`
        C = "c",
        /// `c#`
        CSharp = "c#",
        /// `c++`
        CPlusPlus = "c++",
        /// `clojure`
        Clojure = "clojure",
        /// `css`
        Css = "css",
        /// `dart`
        Dart = "dart",
        /// `diff`
        Diff = "diff",
        /// `docker`
        Docker = "docker",
        /// `elixir`
        Elixir = "elixir",
        /// `erlang`
        Erlang = "erlang",
        /// `go`
        Go = "go",
        /// `graphql`
        Graphql = "graphql",
        /// `haskell`
        Haskell = "haskell",
        /// `html`
        Html = "html",
        /// `java`
        Java = "java",
        /// `javascript`
        Javascript = "javascript",
        /// `json`
        Json = "json",
        /// `kotlin`
        Kotlin = "kotlin",
        /// `latex`
        Latex = "latex",
        /// `lua`
        Lua = "lua",
        /// `makefile`
        Makefile = "makefile",
        /// `markdown`
        Markdown = "markdown",
        /// `mermaid`
        Mermaid = "mermaid",
        /// `objective-c`
        ObjectiveC = "objective-c",
        /// `ocaml`
        Ocaml = "ocaml",
        /// `perl`
        Perl = "perl",
        /// `php`
        Php = "php",
        /// `plain text`
        PlainText = "plain text",
        /// `powershell`
        Powershell = "powershell",
        /// `python`
        Python = "python",
        /// `r`
        R = "r",
        /// `ruby`
        Ruby = "ruby",
        /// `rust`
        Rust = "rust",
        /// `scala`
        Scala = "scala",
        /// `shell`
        Shell = "shell",
        /// `sql`
        Sql = "sql",
        /// `swift`
        Swift = "swift",
        /// `toml`
        Toml = "toml",
        /// `typescript`
        Typescript = "typescript",
        /// `xml`
        Xml = "xml",
        /// `yaml`
        Yaml = "yaml",
    }
}

impl BlockContent {
    /// The block's text, for block types that carry `rich_text` (empty otherwise).
    pub fn rich_text(&self) -> &[RichText] {
        let text = match self {
            Self::Paragraph(b)
            | Self::BulletedListItem(b)
            | Self::Quote(b)
            | Self::Toggle(b)
            | Self::Template(b) => &b.rich_text,
            Self::Heading1(b) | Self::Heading2(b) | Self::Heading3(b) | Self::Heading4(b) => {
                &b.rich_text
            }
            Self::NumberedListItem(b) => &b.rich_text,
            Self::ToDo(b) => &b.rich_text,
            Self::Callout(b) => &b.rich_text,
            Self::Code(b) => &b.rich_text,
            _ => return &[],
        };
        text.as_deref().unwrap_or_default()
    }

    /// Nested children carried in the payload (request shapes).
    pub fn children(&self) -> &[NewBlock] {
        let children = match self {
            Self::Paragraph(b)
            | Self::BulletedListItem(b)
            | Self::Quote(b)
            | Self::Toggle(b)
            | Self::Template(b) => &b.children,
            Self::Heading1(b) | Self::Heading2(b) | Self::Heading3(b) | Self::Heading4(b) => {
                &b.children
            }
            Self::NumberedListItem(b) => &b.children,
            Self::ToDo(b) => &b.children,
            Self::Callout(b) => &b.children,
            Self::SyncedBlock(b) => &b.children,
            Self::ColumnList(b) | Self::Tab(b) => &b.children,
            Self::Column(b) => &b.children,
            Self::Table(b) => &b.children,
            _ => return &[],
        };
        children.as_deref().unwrap_or_default()
    }
}
