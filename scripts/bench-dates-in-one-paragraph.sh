#!/usr/bin/env bash
# Times `dateline build` on a site whose one article is a single paragraph
# naming N dates, one short sentence each: the case issue 23 (item 11) found
# quadratic in the key-events sentence code. A measurement, not a test: it
# prints the stage timings and the wall and CPU seconds of the build.
#
#   scripts/bench-dates-in-one-paragraph.sh [N] [BINARY]   # N=50000, target/release/dateline
set -euo pipefail
n=${1:-50000}
bin=${2:-target/release/dateline}
site=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench-dates.XXXXXX")
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/content"
python3 - "$n" > "$site/content/many.md" <<'PY'
import datetime, sys
n = int(sys.argv[1])
print("---\ntitle: Many dates\ndate: 2025-02-09\n---\n")
first = datetime.date(1900, 1, 1)
days = (first + datetime.timedelta(days=i) for i in range(n))
print(" ".join(f"On {d.day} {d:%B} {d.year} it rained." for d in days))
PY
TIMEFORMAT="dates=$n wall=%Rs user=%Us sys=%Ss"
time "$bin" --root "$site" build --no-cache --timings > /dev/null
