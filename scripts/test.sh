#!/usr/bin/env bash
# The project's test command (README.md). Runs every Rust test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
