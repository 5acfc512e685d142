#!/bin/bash
# First paint of the front page, the busiest month page and the busiest
# actor page of a generated archive, in headless Chromium (issue 22's
# budget: under 1 s). Figures to report, not a timed test.
#
#   scripts/bench-first-paint.sh                 # 10,000 generated articles
#   ARTICLES=2000 RUNS=5 scripts/bench-first-paint.sh
#   SITE=/path/to/public scripts/bench-first-paint.sh   # an already built site
#
# Needs ../shared/bench/make_corpus.py (unless SITE is given), python3,
# node with `npm ci --prefix tests/browser`, and Chromium
# (/usr/bin/chromium or DATELINE_CHROMIUM). Build output goes under
# BENCH_DIR (default /dev/shm/dateline-paint).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-10000}
RUNS=${RUNS:-7}
# A word of the generated corpus; set QUERY for another site.
QUERY=${QUERY:-budget}
BENCH_DIR=${BENCH_DIR:-/dev/shm/dateline-paint}
if [ -z "${SITE:-}" ]; then
  cargo build --release --quiet
  rm -rf "$BENCH_DIR"
  mkdir -p "$BENCH_DIR"
  python3 ../shared/bench/make_corpus.py --articles "$ARTICLES" --flavor plain --out "$BENCH_DIR/site" >/dev/null
  target/release/dateline --root "$BENCH_DIR/site" build --no-cache
  SITE="$BENCH_DIR/site/public"
fi
# The busiest month page and the busiest actor.
month=$(cd "$SITE" && { ls -S archive/[0-9]*/[0-9]*/index.html archive/[0-9]*/index.html 2>/dev/null || true; } | head -1)
actor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0][1])' "$SITE/actors/names.json")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$SITE" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
node scripts/bench-first-paint.mjs "http://127.0.0.1:$port/" "$RUNS" "" "$month" "actors/$actor/" "search/?q=$QUERY"
