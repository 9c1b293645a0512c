//! Orchestra for Notion: the domain layer.
//!
//! - [`schema`]: the seven databases of the brief as one declarative definition;
//! - [`config`]: `orchestra.toml` (ids, sources, thresholds, Slack), never secrets;
//! - [`env`](mod@env): token, base URL and API version from the environment;
//! - [`record`]: plain records validated against the live schema;
//! - [`typed`]: one Rust type per database row;
//! - [`provision`]: `init` (create what is missing, detect and repair drift);
//! - [`doctor`]: health checks with the brief's troubleshooting advice;
//! - [`workspace`]: pages created and updated through validation;
//! - [`content`]: replacing a page's content;
//! - [`sync`]: upsert of local records by key, crash-safe, writing only what changed;
//! - [`bulk`]: update or archive every row matching a readable filter;
//! - [`templates`]: pages from local Markdown templates or Notion's templates;
//! - [`comments`]: add and list comments on pages;
//! - [`integrations`]: the `get_integration("notion")` registry;
//! - [`collect`]: activity log, operational insights and AI tools collectors;
//! - [`notify`]: Slack summaries and alerts (Block Kit), never fatal;
//! - [`report`]: the daily report (Notion page, Markdown, HTML, PNG charts);
//! - [`export`]: pages and databases as Markdown or HTML files.
//!
//! ```no_run
//! # async fn run() -> orchestra::Result<()> {
//! use orchestra::record::Record;
//! let env = orchestra::env::Environment::from_env();
//! let client = orchestra::env::build_client(env.builder()?)?;
//! let path = std::path::Path::new("orchestra.toml");
//! let config = orchestra::config::Config::load(path)?;
//! let workspace = orchestra::workspace::Workspace::new(client, config.clone(), config.schema(path)?);
//! let record = Record::new().set("Name", "New Project").set("Status", "Active").set("Progress", 25.0);
//! let page = workspace.create_page("projects", &record).await?;
//! println!("{}", page.id);
//! # Ok(()) }
//! ```

pub mod bulk;
pub mod collect;
pub mod comments;
pub mod config;
pub mod content;
pub mod doctor;
pub mod env;
mod error;
pub mod export;
pub mod integrations;
pub mod kb;
pub mod notify;
pub mod provision;
pub mod record;
pub mod report;
pub mod schema;
pub mod sync;
pub mod templates;
pub mod typed;
pub mod workspace;

pub use error::{Error, Result};
