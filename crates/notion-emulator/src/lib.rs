//! A stateful Notion API server on SQLite, faithful enough for the official SDKs.
//!
//! It speaks `/v1` in three versions (`2022-06-28`, `2025-09-03`, `2026-03-11`) over the same data,
//! with Notion's error bodies, limits, sharing rules and capabilities, and adds an admin API under
//! `/_emulator` (integrations, shares, users, rate limit, faults, stats, reset).
//!
//! ```no_run
//! # async fn run() -> notion_emulator::Result<()> {
//! use notion_emulator::{AppOptions, AppState};
//! let state = AppState::open(":memory:", AppOptions::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! println!("token {}", state.token());
//! notion_emulator::serve(listener, state).await?;
//! # Ok(()) }
//! ```
//!
//! Known simplifications:
//! - formula properties are stored without evaluation: their value is
//!   `{"type":"string","string":null}` unless the emulator sets one;
//! - timestamps are shown to the whole minute like Notion (pages, blocks, data sources) unless
//!   [`AppOptions::with_exact_timestamps`] is set;
//! - `external_url` file uploads are marked uploaded at once (nothing is fetched).

mod admin;
mod api;
mod cli;
mod content;
mod error;
mod gate;
mod props;
mod query;
mod render;
mod reply;
mod server;
mod state;
mod store;
mod wire;

pub mod testing;

pub use cli::{ServeArgs, parse_faults, run_serve};
pub use error::{Error, Result};
pub use gate::faults::{FaultRule, FaultSpec};
pub use gate::rate_limit::RateLimitSetting;
pub use server::{router, serve, serve_with_shutdown};
pub use state::{ALL_CAPABILITIES, AppOptions, AppState};
