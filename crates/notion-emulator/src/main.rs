//! `notion-emulator serve [--addr] [--db] [--token] [--rate-limit] [--faults]`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use notion_emulator::ServeArgs;

/// A stateful Notion API emulator.
#[derive(Debug, Parser)]
#[command(name = "notion-emulator", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the Notion API until SIGINT/SIGTERM.
    Serve(ServeArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let Command::Serve(args) = Cli::parse().command;
    match notion_emulator::run_serve(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("notion-emulator: {error}");
            ExitCode::from(2)
        }
    }
}
