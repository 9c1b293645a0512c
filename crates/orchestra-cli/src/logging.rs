//! Logs on stderr: `-v`/`-vv` for more, `--debug` for every request. The token is
//! never logged: requests are described by method, path template, status, attempt and wait.

use std::io::IsTerminal;

use notion_api::TransportEvent;
use tracing_subscriber::EnvFilter;

use crate::cli::Output;

/// Installs the subscriber (`RUST_LOG` overrides the flags).
pub(crate) fn init(output: Output) {
    let default = if output.debug {
        "warn,orchestra=debug,orchestra_cli=debug,orchestra::http=debug"
    } else {
        match output.verbosity {
            0 => "warn",
            1 => "warn,orchestra=info,orchestra_cli=info",
            _ => "info,orchestra=debug,orchestra_cli=debug,notion_api=debug",
        }
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

/// The client observer behind `--debug`.
pub(crate) fn observe(event: &TransportEvent<'_>) {
    match event {
        TransportEvent::Sending {
            method,
            path,
            attempt,
            ..
        } => {
            tracing::debug!(target: "orchestra::http", %method, %path, attempt, "request");
        }
        TransportEvent::Finished {
            method,
            path,
            attempt,
            status,
            elapsed,
            ..
        } => {
            let status = status.map_or_else(|| "no response".to_owned(), |s| s.to_string());
            tracing::debug!(
                target: "orchestra::http",
                %method, %path, attempt, %status, elapsed_ms = elapsed.as_millis() as u64,
                "response"
            );
        }
        TransportEvent::Retrying {
            method,
            path,
            attempt,
            wait,
            shared_pause,
        } => {
            tracing::info!(
                target: "orchestra::http",
                %method, %path, attempt, wait_ms = wait.as_millis() as u64, shared_pause,
                "retrying"
            );
        }
        _ => {}
    }
}
