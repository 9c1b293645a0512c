//! `notion-emulator serve` (and `orchestra emulator serve`): flags, readiness line, signals.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::error::{Error, Result};
use crate::gate::faults::FaultSpec;
use crate::gate::rate_limit::RateLimitSetting;
use crate::state::{AppOptions, AppState};

/// The flags of `serve`, shared by every binary that embeds the emulator.
#[derive(Debug, Clone, Args)]
#[non_exhaustive]
pub struct ServeArgs {
    /// Address to bind (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: String,
    /// SQLite file, or `:memory:`.
    #[arg(long, default_value = ":memory:")]
    pub db: PathBuf,
    /// Token of the default integration (kept in the database when not given).
    #[arg(long)]
    pub token: Option<String>,
    /// `off`, `notion` (180 requests per 60 s) or `N/SECONDS`.
    #[arg(long, default_value = "off")]
    pub rate_limit: String,
    /// Fault rules: JSON inline or `@file` (same JSON as `PUT /_emulator/faults`).
    #[arg(long)]
    pub faults: Option<String>,
    /// Show timestamps to the millisecond instead of Notion's whole minutes.
    #[arg(long)]
    pub exact_timestamps: bool,
}

impl ServeArgs {
    /// Turns the flags into options.
    ///
    /// # Errors
    /// When the rate limit or fault spec is malformed.
    pub fn options(&self) -> Result<AppOptions> {
        let rate_limit: RateLimitSetting = self.rate_limit.parse().map_err(Error::Invalid)?;
        let mut options = AppOptions::default()
            .with_rate_limit(rate_limit)
            .with_exact_timestamps(self.exact_timestamps);
        if let Some(token) = &self.token {
            options = options.with_token(token.clone());
        }
        if let Some(spec) = &self.faults {
            options = options.with_faults(parse_faults(spec)?);
        }
        Ok(options)
    }
}

/// Parses `--faults` (inline JSON or `@path`).
///
/// # Errors
/// When the file can't be read or the JSON is not a valid spec.
pub fn parse_faults(spec: &str) -> Result<FaultSpec> {
    let text = match spec.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)?,
        None => spec.to_owned(),
    };
    let spec: FaultSpec =
        serde_json::from_str(&text).map_err(|e| Error::Invalid(format!("--faults: {e}")))?;
    spec.validate()
        .map_err(|e| Error::Invalid(format!("--faults: {e}")))?;
    Ok(spec)
}

/// Opens the database, binds, prints the readiness line on stdout and serves until SIGINT/SIGTERM.
///
/// The line is `{"event":"listening","base_url":…,"token":…,"root_page_id":…,"bot_user_id":…}`.
///
/// # Errors
/// Bad flags, an unusable database file or address.
pub async fn run_serve(args: ServeArgs) -> Result<()> {
    let options = args.options()?;
    let db = args.db.clone();
    let state = tokio::task::spawn_blocking(move || AppState::open(db, options))
        .await
        .map_err(|e| Error::Invalid(e.to_string()))??;
    let listener = tokio::net::TcpListener::bind(&args.addr).await?;
    let addr = listener.local_addr()?;
    let line = json!({
        "event": "listening",
        "base_url": format!("http://{addr}"),
        "token": state.token(),
        "root_page_id": state.root_page_id(),
        "bot_user_id": state.bot_user_id(),
    });
    {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{line}")?;
        stdout.flush()?;
    }
    crate::server::serve(listener, state).await
}
