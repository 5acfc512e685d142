#!/usr/bin/env bash
# A second, untuned check of the tagger: generates synthetic news with
# shared/bench/make_corpus.py --truth (planted date phrases with their values),
# tags every article body in batch, and reports how many planted phrases got a
# match with the right value (and part -> START/MID/END modifier).
#   scripts/check-tagger-synthetic.sh [ARTICLES]   (default 200)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
n=${1:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/bench/make_corpus.py" --articles "$n" --out "$tmp/c" --truth >/dev/null
mkdir -p "$tmp/txt"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
for i, line in enumerate(open(f"{tmp}/c/truth.jsonl")):
    a = json.loads(line)
    body = open(f"{tmp}/c/{a['file']}", encoding="utf-8").read().split("---", 2)[2]
    open(f"{tmp}/txt/a{i:06d}.txt", "w", encoding="utf-8").write(body)
    open(f"{tmp}/txt/a{i:06d}.dct", "w").write(a["published"] + "\n")
PY
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$root/target/release/dateline" tag --dct-dir "$tmp/txt" --out "$tmp/sys" 2>/dev/null
python3 - "$tmp" <<'PY'
import json, sys, collections
tmp = sys.argv[1]
tot = found = ok = 0
bad = collections.Counter()
for i, line in enumerate(open(f"{tmp}/c/truth.jsonl")):
    a = json.loads(line)
    body = open(f"{tmp}/txt/a{i:06d}.txt", encoding="utf-8").read().encode()
    out = json.load(open(f"{tmp}/sys/a{i:06d}.json"))
    pos = 0
    for d in a["dates"]:
        e = d["expr"].encode()
        at = body.find(e, pos)
        if at < 0:
            continue
        pos = at + len(e)
        tot += 1
        hit = [o for o in out if o["start"] < at + len(e) and at < o["end"]]
        if not hit:
            bad[("MISS", d["expr"])] += 1
            continue
        found += 1
        want_mod = {"early": "START", "mid": "MID", "late": "END"}.get(d.get("part"))
        h = hit[0]
        if h["value"] == d["value"] and (want_mod is None or h.get("mod") == want_mod):
            ok += 1
        else:
            bad[(d["expr"], d["value"], h["text"], h["value"], h.get("mod"))] += 1
print(f"planted {tot}  matched {found} ({100*found/tot:.1f}%)  value+mod right {ok} ({100*ok/tot:.1f}%)")
for k, v in bad.most_common(10):
    print(v, k)
PY
