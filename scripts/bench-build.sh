#!/usr/bin/env bash
# Build-time benchmark: dateline against Zola and Hugo on the same synthetic
# news corpus (../shared/bench/make_corpus.py), with runs of the engines
# alternating so machine noise hits them alike; prints medians, peak RSS and
# ratios. Zola and Hugo are used when found on PATH (or $ZOLA / $HUGO); see
# the README's "Benchmarks" section for getting them.
#
#   scripts/bench-build.sh                 # 1,000 and 10,000 articles, 5 runs
#   SIZES="1000 10000 100000" RUNS=3 scripts/bench-build.sh
#
# Environment: SIZES, RUNS (median of), BENCH_DIR (default /dev/shm/dateline-bench,
# must be tmpfs for fair numbers), SHARED (default ../shared), DATELINE (a
# built binary; default: cargo build --release), ZOLA, HUGO. Corpora are
# generated once into BENCH_DIR and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-/dev/shm/dateline-bench}
SHARED=${SHARED:-../shared}
GEN="$SHARED/bench/make_corpus.py"

if [ ! -x /usr/bin/time ]; then
  echo "error: /usr/bin/time is missing (Debian: apt-get install time)" >&2
  exit 1
fi
if [ ! -f "$GEN" ]; then
  echo "error: $GEN not found (set SHARED to the folder holding bench/make_corpus.py)" >&2
  exit 1
fi
if [ -z "${DATELINE:-}" ]; then
  cargo build --release --quiet
  DATELINE=$PWD/target/release/dateline
fi
ZOLA=${ZOLA:-$(command -v zola || true)}
HUGO=${HUGO:-$(command -v hugo || true)}
[ -n "$ZOLA" ] || echo "note: zola not found; its columns stay empty" >&2
[ -n "$HUGO" ] || echo "note: hugo not found; its columns stay empty" >&2
case "$(stat -f -c %T "$(dirname "$BENCH_DIR")" 2>/dev/null || echo ?)" in
  tmpfs) ;;
  *) echo "warning: $BENCH_DIR is not on tmpfs; output writes will weigh on the timings" >&2 ;;
esac
mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.tsv"
: >"$RESULTS"

corpus() { # size flavor -> dir (generated once)
  local dir="$BENCH_DIR/$2-$1"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 "$GEN" --articles "$1" --out "$dir" --flavor "$2" >/dev/null
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# measure LABEL SIZE DIR CMD...: one run, whole process, appends
# "label size seconds max_rss_kib" to the results.
measure() {
  local label=$1 size=$2 dir=$3
  shift 3
  local t="$BENCH_DIR/time.txt"
  if ! (cd "$dir" && /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>"$BENCH_DIR/err.txt"); then
    echo "error: $label failed on $dir:" >&2
    cat "$BENCH_DIR/err.txt" >&2
    exit 1
  fi
  if [ "$keep" = yes ]; then
    printf '%s\t%s\t%s\n' "$label" "$size" "$(tr ' ' '\t' <"$t")" >>"$RESULTS"
  fi
}

for n in $SIZES; do
  plain=$(corpus "$n" plain)
  zola_dir=""
  hugo_dir=""
  [ -n "$ZOLA" ] && zola_dir=$(corpus "$n" zola)
  [ -n "$HUGO" ] && hugo_dir=$(corpus "$n" hugo)
  echo "== $n articles: $RUNS runs each after a warm-up, alternating" >&2
  for run in $(seq 0 "$RUNS"); do
    # Run 0 warms the page cache and is not kept.
    keep=$([ "$run" -gt 0 ] && echo yes || echo no)
    # dateline, first build: no cache, as a fresh checkout builds.
    rm -rf "$plain/.dateline-cache"
    measure dateline "$n" "$plain" "$DATELINE" build
    # dateline, second build with nothing changed: from the cache the
    # first one wrote.
    measure dateline-cached "$n" "$plain" "$DATELINE" build
    [ -n "$ZOLA" ] && measure zola "$n" "$zola_dir" "$ZOLA" build
    [ -n "$HUGO" ] && measure hugo "$n" "$hugo_dir" "$HUGO" --quiet
    echo "   run $run done" >&2
  done
done

python3 - "$RESULTS" <<'EOF'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, size, secs, kib = line.split("\t")
    rows[(label, int(size))].append((float(secs), int(kib)))
sizes = sorted({s for _, s in rows})
def med(label, size, i):
    v = rows.get((label, size))
    return statistics.median(x[i] for x in v) if v else None
def fmt(x, unit):
    if x is None:
        return "-"
    return f"{x:.2f} s" if unit == "s" else f"{x / 1024:.0f} MiB"
def ratio(a, b):
    return "-" if a is None or b is None or b == 0 else f"{a / b:.2f}x"
print()
print("| articles | dateline | dateline 2nd build | Zola | Hugo | dateline/Zola | dateline/Hugo | 2nd/1st | peak RSS dateline | Zola | Hugo | RSS dateline/Zola |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    d, c, z, h = (med(l, n, 0) for l in ("dateline", "dateline-cached", "zola", "hugo"))
    dm, zm, hm = (med(l, n, 1) for l in ("dateline", "zola", "hugo"))
    print(f"| {n:,} | {fmt(d,'s')} | {fmt(c,'s')} | {fmt(z,'s')} | {fmt(h,'s')} | {ratio(d,z)} | {ratio(d,h)} | {ratio(c,d)} | {fmt(dm,'m')} | {fmt(zm,'m')} | {fmt(hm,'m')} | {ratio(dm,zm)} |")
if len(sizes) > 1:
    for a, b in zip(sizes, sizes[1:]):
        x, y = med("dateline", a, 0), med("dateline", b, 0)
        if x and y:
            print(f"\ndateline {b:,} / {a:,} articles: {y / x:.2f}x the time for {b / a:.0f}x the articles")
print(f"\nmedians of the kept runs; wall time and peak RSS of the whole process (/usr/bin/time); raw runs in {sys.argv[1]}")
EOF
