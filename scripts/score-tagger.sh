#!/usr/bin/env bash
# Scores the temporal tagger on the TempEval-3 training corpus end to end:
# tml_to_text.py -> dateline tag (batch) -> timex_score.py. Extra arguments go
# to the scorer (e.g. --verbose).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
gold=$shared/corpora/tempeval3-train
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/tools/tml_to_text.py" "$gold" "$tmp/txt" >/dev/null
# DATELINE names a prebuilt binary; otherwise build it (honouring CARGO_TARGET_DIR).
if [[ -z "${DATELINE:-}" ]]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    DATELINE=${CARGO_TARGET_DIR:-$root/target}/release/dateline
fi
"$DATELINE" tag --dct-dir "$tmp/txt" --out "$tmp/sys"
python3 "$shared/tools/timex_score.py" "$gold" "$tmp/sys" "$@"
