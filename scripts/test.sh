#!/usr/bin/env bash
# The project's test command (README.md): every Rust test of the workspace, then the official
# JavaScript SDK conformance scenario against the emulator binary.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked

if [ "${SKIP_JS_CONFORMANCE:-0}" = 1 ]; then
  echo "JS SDK conformance: skipped (SKIP_JS_CONFORMANCE=1)"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then echo "npm is required in CI for the SDK conformance test" >&2; exit 1; fi
  echo "JS SDK conformance: skipped (npm not found)"
  exit 0
fi
cargo build -p notion-emulator --bin notion-emulator --locked
(cd conformance/js && npm ci --no-audit --no-fund --silent && NOTION_EMULATOR_BIN="$PWD/../../target/debug/notion-emulator" npm test)
