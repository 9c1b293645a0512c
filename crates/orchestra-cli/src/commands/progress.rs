//! Progress bars: only on a terminal, never with `--no-progress` or `--json`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::Output;

/// A bar of `total` steps on stderr, hidden when it should not show.
pub(crate) fn bar(output: Output, total: u64) -> ProgressBar {
    if !output.progress || output.json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    bar
}
