#!/usr/bin/env bash
# Key-dates benchmark: `dateline summarize` on the largest Timeline17 task,
# bpoil-2 (1,460 articles, 102 days, 3 sentences each; issue 24: under 2 s
# and 250 MB), for one binary or two side by side. Runs alternate after a
# warm-up pair so machine noise hits both alike; prints each run, then the
# median wall time, CPU time (user + system: less sensitive than wall time
# to other work on the machine, as long as it is not starved) and peak RSS
# of each binary, the ratios NEW / OLD, and the load average.
#
#   scripts/bench-summarize.sh SITE [NEW [OLD]]
#
# SITE is the bpoil content site that scripts/eval-tls.py converts
# (WORK/sites/bpoil, by default target/tls-eval/sites/bpoil). NEW defaults to
# target/release/dateline. RUNS (default 7) runs of each are kept. Each
# binary gets its own hard-linked copy of the site, built once first, so
# that summarize reads its articles from the build cache, as after a
# `dateline build` (a cache is only valid for the executable that wrote it;
# without one, summarize parses and tags every article twice).
set -euo pipefail
cd "$(dirname "$0")/.."

SITE=${1:?usage: scripts/bench-summarize.sh SITE [NEW [OLD]]}
NEW=${2:-target/release/dateline}
OLD=${3:-}
RUNS=${RUNS:-7}
if [ ! -x /usr/bin/time ]; then
  echo "error: /usr/bin/time is missing (Debian: apt-get install time)" >&2
  exit 1
fi
ARGS=(summarize --json --dates 102 --sentences 3
      --from 2010-04-20 --to 2011-01-06 --keywords bp,oil,spill)
TMP=$(mktemp -d)
LOG=$TMP/runs
trap 'rm -rf "$TMP"' EXIT

# One run: "LABEL WALL_S KB USER_S SYS_S" appended to the log.
once() {
  local label=$1 bin=$2 out
  out=$( { /usr/bin/time -f "%e %M %U %S" "$bin" --root "$TMP/$label" "${ARGS[@]}" >/dev/null; } 2>&1 | tail -1)
  echo "$label $out" | tee -a "$LOG"
}

bins=(new "$NEW")
[ -n "$OLD" ] && bins+=(old "$OLD")
for ((i = 0; i < ${#bins[@]}; i += 2)); do
  cp -al "$SITE" "$TMP/${bins[i]}"
  rm -rf "$TMP/${bins[i]}/.dateline-cache" "$TMP/${bins[i]}/public"
  "${bins[i+1]}" --root "$TMP/${bins[i]}" build --output "$TMP/out" >/dev/null
  rm -rf "$TMP/out"
  "${bins[i+1]}" --root "$TMP/${bins[i]}" "${ARGS[@]}" >/dev/null
done
for ((r = 0; r < RUNS; r++)); do
  for ((i = 0; i < ${#bins[@]}; i += 2)); do once "${bins[i]}" "${bins[i+1]}"; done
done

python3 - "$LOG" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, wall, kb, user, system = line.split()
    runs.setdefault(label, []).append((float(wall), float(user) + float(system), int(kb)))
med = {k: [statistics.median(r[i] for r in v) for i in range(3)] for k, v in runs.items()}
for k, (wall, cpu, kb) in med.items():
    print("%s: median %.2f s wall, %.2f s CPU, %d KB peak RSS (%d runs)"
          % (k, wall, cpu, kb, len(runs[k])))
if "old" in med:
    print("ratio new/old: wall %.2f, CPU %.2f, memory %.2f"
          % tuple(med["new"][i] / med["old"][i] for i in range(3)))
print("load average: " + open("/proc/loadavg").read().strip())
EOF
