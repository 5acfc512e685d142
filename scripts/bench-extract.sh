#!/usr/bin/env bash
# Event extraction over a generated corpus: events per second of the whole
# `dateline extract --json` run (load, tag, extract, merge), and, with the
# corpus's truth.jsonl, the share of planted date expressions that became
# events dated by them with the right value.
#
#   python3 /work/shared/bench/make_corpus.py --articles 10000 --out /tmp/c10k --truth
#   scripts/bench-extract.sh /tmp/c10k
#
# (benches/extract.rs measures the same with the stages timed apart:
#  cargo bench --bench extract -- /tmp/c10k)
set -euo pipefail
corpus=${1:-/tmp/c10k}
here=$(cd "$(dirname "$0")/.." && pwd)
# DATELINE=path/to/binary measures that build instead of building this tree.
if [ -z "${DATELINE:-}" ]; then
  cargo build --release --quiet --manifest-path "$here/Cargo.toml"
fi
bin=${DATELINE:-$here/target/release/dateline}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# dateline needs a config; the corpus has none, so give it an empty one.
[ -f "$corpus/dateline.yaml" ] || printf 'title: bench\n' > "$corpus/dateline.yaml"
start=$(date +%s.%N)
"$bin" --root "$corpus" extract --json > "$out"
end=$(date +%s.%N)
python3 - "$out" "$corpus" "$start" "$end" <<'PY'
import json, sys, os
out, corpus, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
doc = json.load(open(out))
events = doc["events"]
sources = sum(len(e["sources"]) for e in events)
secs = end - start
print(f"{len(events)} merged events from {sources} extracted reports in {secs:.2f}s: "
      f"{sources / secs:.0f} extracted events/s (whole run: load, tag, extract, merge)")
truth = os.path.join(corpus, "truth.jsonl")
if not os.path.exists(truth):
    sys.exit(0)
# Per article, the (words, value, mod) each extracted report was dated by.
by_file = {}
for e in events:
    if e["kind"] != "happened":
        continue
    d = e["date"]
    for s in e["sources"]:
        if s.get("date_text"):
            # The report's own governing value is the first evidence entry.
            ev = s.get("evidence") or []
            value = ev[0]["value"] if ev else (d["value"] + (" " + d["mod"] if d.get("mod") else ""))
            by_file.setdefault(s["article_path"], []).append([s["date_text"], value, False])
parts = {"early": "START", "mid": "MID", "late": "END"}
planted = found = 0
for line in open(truth):
    if not line.strip():
        continue
    t = json.loads(line)
    reports = by_file.get(t["file"], [])
    for d in t["dates"]:
        planted += 1
        want = d["value"] + (" " + parts[d["part"]] if d.get("part") else "")
        expr = d["expr"]
        for r in reports:
            if not r[2] and r[1] == want and (r[0] in expr or expr in r[0]):
                r[2] = True
                found += 1
                break
print(f"truth: {found} of {planted} planted date expressions ({100 * found / max(planted, 1):.1f}%) "
      f"became events dated by them with the right value")
PY
