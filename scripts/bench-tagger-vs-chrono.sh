#!/usr/bin/env bash
# Measures, in one run and on the same text, the dateline tagger's throughput
# (benches/tagger.rs, one thread) and chrono-node's (chrono.parse(text,
# refDate) per document, median of several passes), and prints both with the
# ratio. Needs python3, cargo, node and npm (chrono-node@2 is installed into a
# temp dir).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
passes=${PASSES:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/tools/tml_to_text.py" "$shared/corpora/tempeval3-train" "$tmp/txt" >/dev/null 2>&1

dl=$(cargo bench --quiet --manifest-path "$root/Cargo.toml" --bench tagger -- "$tmp/txt" --passes "$passes" \
     | tee /dev/stderr | sed -n 's/^dateline_mb_per_s=//p')

(cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund chrono-node@2 >/dev/null)
cat > "$tmp/bench.js" <<'JS'
const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');
const dir = process.argv[2];
const passes = parseInt(process.argv[3] || '7', 10);
const docs = fs.readdirSync(dir).filter(f => f.endsWith('.txt')).sort().map(f => {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  let dct = new Date('2000-01-01T12:00:00Z');
  try { dct = new Date(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.dct')), 'utf8').trim() + 'T12:00:00Z'); } catch (e) {}
  return [text, dct];
});
const bytes = docs.reduce((n, [t]) => n + Buffer.byteLength(t, 'utf8'), 0);
let found = 0;
for (const [t, d] of docs) found += chrono.parse(t, d).length;   // warm-up
const times = [];
for (let p = 0; p < passes; p++) {
  const t0 = process.hrtime.bigint();
  for (const [t, d] of docs) chrono.parse(t, d);
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
times.sort((a, b) => a - b);
const med = times[Math.floor(times.length / 2)];
const mbps = bytes / 1e6 / med;
console.error(`chrono-node ${JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules/chrono-node/package.json'), 'utf8')).version}: ${docs.length} docs, ${(bytes/1e6).toFixed(2)} MB, ${found} results, median ${(med*1e3).toFixed(1)} ms over ${passes} passes, ${mbps.toFixed(2)} MB/s`);
console.log(mbps.toFixed(3));
JS
ch=$(cd "$tmp" && node bench.js "$tmp/txt" "$passes")
ratio=$(python3 -c "print(f'{$dl / $ch:.1f}')")
echo
echo "dateline     ${dl} MB/s (one thread)"
echo "chrono-node  ${ch} MB/s"
echo "ratio        ${ratio}x (dateline / chrono-node)"
