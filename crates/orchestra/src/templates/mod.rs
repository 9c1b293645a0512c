//! Page templates: local Markdown templates with placeholders, and Notion's data-source
//! templates.
//!
//! A local template is a Markdown file in the templates folder (`templates/` next to
//! `orchestra.toml`, or `[templates] dir`). Its front matter names the database and the
//! default properties; `{{placeholder}}`s may appear in the body and in property values:
//!
//! ```markdown
//! ---
//! database: projects
//! description: A project in planning
//! properties:
//!   Name: "{{name}}"
//!   Status: Planning
//!   Progress: 0
//! ---
//! # {{name}}
//!
//! Kick-off on {{today}}.
//! ```
//!
//! `{{today}}` is built in (the local date); every other placeholder needs a value.

mod apply;
mod local;
mod placeholders;

pub use apply::{AppliedTemplate, apply_local, apply_notion, list_notion};
pub use local::{LocalTemplate, list_local, templates_dir};
pub use placeholders::{fill, placeholders};
