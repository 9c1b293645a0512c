#!/usr/bin/env bash
# The sync benchmark: `orchestra sync` against the naive loop with the official JavaScript
# SDK, both against the emulator at Notion's rate limit (180 requests per 60 s).
#
#   scripts/bench-sync.sh            # full run (the naive half takes ~12 minutes)
#   scripts/bench-sync.sh --no-naive # only the orchestra half
#
# Steps: start `orchestra emulator serve --rate-limit notion`; `orchestra init` (provisions
# the projects database); seed 1,000 projects through the SDK with the limit switched off
# (setup, not measured); switch the limit back on; then
#   (a) `orchestra sync projects --from changed.json`: the same 1,000 records, 100 changed;
#       requests and 429s from /_emulator/stats; fails unless requests <= 115 and no 429;
#   (b) conformance/js/bench/naive-sync.mjs with its own integration (its own budget): per
#       record, query by key then update or create.
# Environment: ORCHESTRA_BIN (default: a release build), BENCH_RECORDS (1000), BENCH_EVERY (10).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RECORDS=${BENCH_RECORDS:-1000}
EVERY=${BENCH_EVERY:-10}
BUDGET=$((RECORDS / EVERY + RECORDS / 100 + 5))
NAIVE=1
[[ "${1:-}" == "--no-naive" ]] && NAIVE=0

for tool in jq curl node; do
  command -v "$tool" >/dev/null || { echo "bench-sync: $tool is required" >&2; exit 2; }
done
if [[ -z "${ORCHESTRA_BIN:-}" ]]; then
  cargo build --release --quiet -p orchestra-cli --manifest-path "$ROOT/Cargo.toml"
  ORCHESTRA_BIN="$ROOT/target/release/orchestra"
fi
JS="$ROOT/conformance/js"
[[ -d "$JS/node_modules/@notionhq/client" ]] || (cd "$JS" && npm ci --silent)

WORK=$(mktemp -d)
"$ORCHESTRA_BIN" emulator serve --addr 127.0.0.1:0 --db :memory: --rate-limit notion \
  >"$WORK/ready.json" 2>"$WORK/emulator.log" &
EMULATOR=$!
trap 'kill "$EMULATOR" 2>/dev/null || true; wait "$EMULATOR" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 200); do [[ -s "$WORK/ready.json" ]] && break; sleep 0.05; done
BASE=$(jq -r .base_url "$WORK/ready.json")
TOKEN=$(jq -r .token "$WORK/ready.json")
ROOT_PAGE=$(jq -r .root_page_id "$WORK/ready.json")

admin() { # METHOD ROUTE [JSON]
  curl -sSf -X "$1" "$BASE/_emulator/$2" -H 'content-type: application/json' ${3:+--data "$3"}
}
stat_total() { jq '.total' <<<"$1"; }
stat_429() { jq '[.requests[] | select(.status == 429) | .count] | add // 0' <<<"$1"; }

cd "$WORK"
export NOTION_BASE_URL="$BASE" NOTION_API_KEY="$TOKEN"
unset NOTION_TOKEN NOTION_VERSION ORCHESTRA_CONFIG
"$ORCHESTRA_BIN" init --parent "$ROOT_PAGE" --no-progress >/dev/null
DATA_SOURCE=$(awk '/^\[databases.projects\]/{s=1} s && /^data_source_id/{gsub(/"/,"",$3); print $3; exit}' orchestra.toml)

echo "seeding $RECORDS projects (rate limit off; not measured)..." >&2
admin PUT rate_limit '{"off": true}' >/dev/null
node "$JS/bench/seed.mjs" "$BASE" "$TOKEN" "$DATA_SOURCE" "$RECORDS"
admin PUT rate_limit '{"requests": 180, "window_seconds": 60}' >/dev/null
node --input-type=module -e "
  import { records } from '$JS/bench/records.mjs';
  console.log(JSON.stringify(records($RECORDS, $EVERY)));" >changed.json

echo "(a) orchestra sync: $RECORDS records, $((RECORDS / EVERY)) changed..." >&2
admin DELETE stats >/dev/null
START=$(date +%s.%N)
"$ORCHESTRA_BIN" sync projects --from changed.json --json --no-progress >sync.json
OURS_WALL=$(echo "$(date +%s.%N) - $START" | bc)
STATS=$(admin GET stats)
OURS_REQ=$(stat_total "$STATS")
OURS_429=$(stat_429 "$STATS")
OURS_UPDATED=$(jq .updated sync.json)

NAIVE_REQ="-"; NAIVE_429="-"; NAIVE_WALL="-"; NAIVE_DONE="-"
if [[ $NAIVE == 1 ]]; then
  echo "(b) naive SDK loop (query by key, then update or create; ~$((RECORDS * 2 / 180 + 1)) min)..." >&2
  NAIVE_TOKEN=$(admin POST integrations '{"name": "naive-bench"}' | jq -r .token)
  admin POST shares "{\"token\": \"$NAIVE_TOKEN\", \"object_id\": \"$ROOT_PAGE\"}" >/dev/null
  admin DELETE stats >/dev/null
  node "$JS/bench/naive-sync.mjs" "$BASE" "$NAIVE_TOKEN" "$DATA_SOURCE" "$RECORDS" "$EVERY" >naive.json
  STATS=$(admin GET stats)
  NAIVE_REQ=$(stat_total "$STATS")
  NAIVE_429=$(stat_429 "$STATS")
  NAIVE_WALL=$(jq .wall_seconds naive.json)
  NAIVE_DONE="$(jq .updated naive.json) (failed $(jq .failed naive.json))"
fi

printf '\n%-34s %10s %8s %10s %s\n' "$RECORDS records, $((RECORDS / EVERY)) changed" requests 429s "wall (s)" "rows written"
printf '%-34s %10s %8s %10.1f %s\n' "orchestra sync" "$OURS_REQ" "$OURS_429" "$OURS_WALL" "$OURS_UPDATED"
printf '%-34s %10s %8s %10s %s\n' "naive (@notionhq/client 5.26.0)" "$NAIVE_REQ" "$NAIVE_429" "$NAIVE_WALL" "$NAIVE_DONE"

if (( OURS_REQ > BUDGET || OURS_429 > 0 )); then
  echo "FAIL: orchestra sync used $OURS_REQ requests (budget $BUDGET) and got $OURS_429 429s" >&2
  exit 1
fi
echo "ok: orchestra sync stayed within $BUDGET requests with no 429" >&2
