//! Markdown <-> Notion blocks without loss, and append plans for writes of any size.
//!
//! A pure crate: no I/O.
//!
//! * [`markdown_to_blocks`] parses CommonMark + GFM + Notion's enhanced-Markdown tags into
//!   request blocks ([`notion_model::NewBlock`]), already within Notion's size limits.
//! * [`blocks_to_markdown`] / [`tree_to_markdown`] render request blocks or response blocks
//!   ([`BlockTree`]) back to Markdown; what Markdown cannot express is written as an
//!   enhanced-Markdown tag so that it parses back to the same blocks.
//! * [`limits`] splits rich text at Notion's limits (counted in UTF-16 code units).
//! * [`markdown_to_rich_text`] parses Markdown for one rich-text field (comments).
//! * [`edit::apply_operation`] applies the text edits of `PATCH /v1/pages/{id}/markdown`.
//! * [`plan_appends`] turns a block tree of any size and depth into the append calls that
//!   create it.
//!
//! # Mapping
//!
//! | Markdown | Notion |
//! |---|---|
//! | `#`, `##`, `###` (`####`+ → `heading_4` with [`Options::heading_4`], else `heading_3`) | headings |
//! | paragraphs; `**b**` `*i*` `~~s~~` `` `c` `` `[t](url)` `<u>` `<span color="red">` `$x$` | rich text |
//! | `-` / `1.` / `- [ ]` lists, nested to any depth | list items, to-dos (children) |
//! | `>` | quote (first paragraph = its text, the rest children) |
//! | `> [!NOTE]` (GitHub alerts), `<callout icon="…" color="…">` | callout |
//! | fenced code (info string mapped by [`language::notion_language`]) | code |
//! | GFM table | table (`has_column_header: true`) + table rows |
//! | `![alt](url)` | image (external) |
//! | a paragraph that is only a URL or a link whose text is its URL | bookmark |
//! | `---` | divider |
//! | `$$ … $$` | equation |
//! | `<details><summary>T</summary>…</details>` | toggle |
//! | `<details><summary>## T</summary>…</details>` | toggleable heading (this crate's choice; not `{toggle="true"}`) |
//! | `<columns><column>…</column></columns>` | column list / columns |
//! | `<table_of_contents/>`, `<breadcrumb/>`, `<empty-block/>` | those blocks (empty paragraph) |
//! | `<mention-page url/>`, `<mention-database url/>`, `<mention-user url/>`, `<mention-date start end/>` | mentions |
//! | `<page>`, `<database>`, `<video src>`, `<audio src>`, `<pdf src>`, `<file src name>`, `<embed src>`, `<bookmark src>`, `<image src>` | child page/database, media, embed, bookmark with caption |
//! | `<synced_block>…</synced_block>`, `<synced_block from="id"/>` | synced block original / copy |
//! | `<link_to_page page="id"/>`, `<meeting-notes>`, `<template>`, `<tabs>` | those blocks |
//! | `<children>…</children>` after a block | nested children of a block Markdown cannot nest under (paragraph, heading) |
//! | footnotes `[^n]` | `[n]` in the text, a "Footnotes" `heading_3` and one paragraph per note at the end |
//! | YAML front matter | [`Converted::front_matter`], not blocks |
//!
//! Enhanced tags may hold Markdown either separated by blank lines or directly (Notion's
//! tab-indented style); both parse. `unsupported` blocks render as an HTML comment with their
//! type and id (and are dropped, with a warning, when read back).
//!
//! Known approximations (reported as [`Warning`]s when parsing): unknown code languages become
//! `plain text`; block colors (except callouts and the table of contents), table header flags
//! other than "first row is a header", code captions and icons other than emoji/URL are not
//! written; hosted file URLs read back as external files; emphasis is written as
//! `<strong>`/`<em>`/`<del>` where CommonMark's flanking rules would misread `**`/`*`/`~~`.
//!
//! ```
//! use notion_markdown::{Options, blocks_to_markdown, markdown_to_blocks, plan_appends};
//!
//! let converted = markdown_to_blocks("# Title\n\n- one\n- two\n", &Options::new());
//! assert_eq!(converted.blocks.len(), 3);
//! assert_eq!(blocks_to_markdown(&converted.blocks), "# Title\n\n- one\n- two\n");
//! assert_eq!(plan_appends(converted.blocks).len(), 1);
//! ```

mod blocks;
pub mod edit;
mod error;
mod front_matter;
mod inline_text;
pub mod language;
pub mod limits;
mod options;
mod parse;
pub mod plan;
mod render;
mod tree;

pub use error::{Error, Result};
pub use front_matter::FrontMatter;
pub use inline_text::markdown_to_rich_text;
pub use options::{Converted, Options, Warning};
pub use parse::markdown_to_blocks;
pub use plan::{
    AppendCall, AppendPlan, Created, PlanLimits, Target, plan_appends, plan_appends_with,
};
pub use render::{blocks_to_markdown, tree_to_markdown};
pub use tree::BlockTree;
