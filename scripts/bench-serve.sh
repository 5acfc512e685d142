#!/usr/bin/env bash
# Measures `dateline serve`: the time from saving one article to the reload
# event reaching an open page (median of N edits), and the memory the server
# holds (VmRSS / VmHWM from /proc), on the example site and on a generated
# 10,000-article corpus. A measurement, not a test: it prints figures.
#
#   scripts/bench-serve.sh                 # example site + 10k corpus, 30 edits each
#   EDITS=50 ARTICLES=2000 scripts/bench-serve.sh
#   SKIP_CORPUS=1 scripts/bench-serve.sh   # example site only
#   CORPUS=/tmp/c10k scripts/bench-serve.sh # reuse a corpus (author: -> authors: done)
#   HUGO=1 scripts/bench-serve.sh          # also `hugo server` on the same corpus
#
# Needs python3; the corpus comes from ../shared/bench/make_corpus.py.
# Work happens in copies under a temporary folder; the repository's own
# content/ is never edited.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
EDITS=${EDITS:-30}
ARTICLES=${ARTICLES:-10000}
SHARED=${SHARED:-$REPO/../shared}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench-serve.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet
BIN=$REPO/target/release/dateline

measure() { # name site-root
  python3 - "$BIN" "$2" "$1" "$EDITS" <<'PY'
import json, os, re, socket, statistics, subprocess, sys, time
binary, root, name, edits = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t_start = time.perf_counter()
p = subprocess.Popen([binary, "--root", root, "serve", "--port", "0"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    url = None
    deadline = time.time() + 600
    while time.time() < deadline:
        line = p.stdout.readline()
        if not line:
            raise SystemExit("serve exited: " + p.stderr.read())
        m = re.search(r"http://([\d.]+):(\d+)/", line)
        if m:
            host, port = m.group(1), int(m.group(2))
            break
    startup = time.perf_counter() - t_start

    def status():
        out = {}
        with open(f"/proc/{p.pid}/status") as f:
            for l in f:
                k, _, v = l.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    out[k] = int(v.split()[0]) / 1024
        return out
    mem_start = status()

    s = socket.create_connection((host, port), timeout=30)
    s.sendall(b"GET /__dateline/events HTTP/1.1\r\nHost: x\r\n\r\n")
    f = s.makefile("rb")
    def wait_event(want):
        ev, data = None, []
        while True:
            line = f.readline()
            if not line:
                raise SystemExit("event stream closed")
            line = line.decode().rstrip("\r\n")
            if line.startswith("event: "):
                ev, data = line[7:], []
            elif line.startswith("data: "):
                data.append(line[6:])
            elif line == "" and ev == want:
                return "\n".join(data)
    def wait_reload(path):
        while True:
            paths = json.loads(wait_event("reload"))["paths"]
            if path in paths or "*" in paths:
                return
    wait_event("ok")

    content = os.path.join(root, "content")
    article = sorted(x for x in os.listdir(content) if x.endswith(".md"))[len(os.listdir(content)) // 2]
    path = os.path.join(content, article)
    original = open(path, "rb").read()
    slug = re.sub(r"[^a-z0-9]+", "-", article[:-3].lower()).strip("-")
    page = f"/articles/{slug}/"
    times, index_times = [], []
    try:
        for i in range(edits):
            data = original + f"\nEdit number {i} on Friday.\n".encode()
            time.sleep(0.2)
            t0 = time.perf_counter()
            with open(path, "wb") as out:
                out.write(data)
            wait_reload(page)
            times.append((time.perf_counter() - t0) * 1000)
            wait_reload("/")
            index_times.append((time.perf_counter() - t0) * 1000)
    finally:
        open(path, "wb").write(original)
    wait_reload("/")
    mem_end = status()
    # the page really changed
    s2 = socket.create_connection((host, port), timeout=30)
    s2.sendall(b"GET / HTTP/1.0\r\n\r\n")
    first = s2.makefile("rb").readline().decode().strip()
    times.sort()
    index_times.sort()
    print(f"{name}: startup (build + first serve) {startup:.2f} s; {first}")
    print(f"{name}: save -> reload event over {edits} edits of {article}: "
          f"median {statistics.median(times):.1f} ms, p90 {times[int(len(times)*0.9)-1]:.1f} ms, "
          f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms")
    print(f"{name}: save -> index page reload event: median {statistics.median(index_times):.1f} ms, "
          f"p90 {index_times[int(len(index_times)*0.9)-1]:.1f} ms, max {index_times[-1]:.1f} ms")
    print(f"{name}: memory after first build VmRSS {mem_start['VmRSS']:.0f} MiB; "
          f"after the edits VmRSS {mem_end['VmRSS']:.0f} MiB, peak VmHWM {mem_end['VmHWM']:.0f} MiB")
finally:
    p.terminate()
    p.wait(timeout=30)
PY
}

mkdir -p "$WORK/example"
cp -r "$REPO/content" "$REPO/dateline.yaml" "$WORK/example/"
[ -d "$REPO/templates" ] && cp -r "$REPO/templates" "$WORK/example/"
[ -d "$REPO/static" ] && cp -r "$REPO/static" "$WORK/example/"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
measure example "$WORK/example"

hugo_measure() { # site-root: `hugo server` on the same corpus (hugo flavor)
  local port=18313
  (cd "$1" && exec hugo server --bind 127.0.0.1 --port $port >"$WORK/hugo.log" 2>&1) &
  local pid=$!
  local t0=$(date +%s.%N)
  for _ in $(seq 1 600); do grep -q "Web Server is available" "$WORK/hugo.log" && break; sleep 1; done
  echo "hugo: startup $(echo "$(date +%s.%N) - $t0" | bc) s; memory after first build: $(grep VmRSS /proc/$pid/status)"
  local article="$1/content/$(ls "$1/content" | grep -v '^_' | sed -n "$(( $(ls "$1/content" | wc -l) / 2 ))p")"
  python3 - $port "$article" "$EDITS" <<'PY'
import base64, os, socket, statistics, sys, time, json
port = int(sys.argv[1]); path = sys.argv[2]; edits = int(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port), timeout=60)
key = base64.b64encode(os.urandom(16)).decode()
s.sendall(f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n".encode())
buf = b""
while b"\r\n\r\n" not in buf:
    buf += s.recv(4096)
head, buf = buf.split(b"\r\n\r\n", 1)
assert b" 101 " in head.split(b"\r\n")[0], head
def send(text):
    data = text.encode(); mask = os.urandom(4)
    hdr = bytes([0x81]) + (bytes([0x80 | len(data)]) if len(data) < 126 else bytes([0x80 | 126]) + len(data).to_bytes(2, "big"))
    s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
def recv_exact(n):
    global buf
    while len(buf) < n:
        buf += s.recv(65536)
    out, buf = buf[:n], buf[n:]
    return out
def frame():
    h = recv_exact(2); n = h[1] & 0x7f
    if n == 126: n = int.from_bytes(recv_exact(2), "big")
    elif n == 127: n = int.from_bytes(recv_exact(8), "big")
    return recv_exact(n).decode(errors="replace")
send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
pass
original = open(path, "rb").read()
times = []
try:
    for i in range(edits):
        time.sleep(1.0)
        t0 = time.perf_counter()
        with open(path, "wb") as f:
            f.write(original + f"\nEdit number {i} on Friday.\n".encode())
        while True:
            msg = frame()
            if "reload" in msg:
                break
        times.append((time.perf_counter() - t0) * 1000)
finally:
    open(path, "wb").write(original)
times.sort()
print(f"hugo: save -> livereload message over {edits} edits: median {statistics.median(times):.1f} ms, min {times[0]:.1f}, max {times[-1]:.1f}")
PY
  echo "hugo: after the edits $(grep -E 'VmRSS|VmHWM' /proc/$pid/status | tr -s ' \t\n' ' ')"
  kill $pid; wait $pid 2>/dev/null || true
}

if [ -n "${HUGO:-}" ]; then
  # Optional comparison (HUGO=1): `hugo server` on the hugo flavor of the
  # same corpus, save -> livereload websocket message, and its memory.
  if command -v hugo >/dev/null; then
    python3 "$SHARED/bench/make_corpus.py" --articles "$ARTICLES" --out "$WORK/hugo" --flavor hugo >/dev/null
    hugo_measure "$WORK/hugo"
  else
    echo "hugo is not installed: skipping the comparison" >&2
  fi
fi

if [ -z "${SKIP_CORPUS:-}" ]; then
  if [ ! -f "$SHARED/bench/make_corpus.py" ]; then
    echo "no $SHARED/bench/make_corpus.py: skipping the corpus" >&2
    exit 0
  fi
  if [ -n "${CORPUS:-}" ]; then
    # A corpus made before (and already converted, see below): used in place.
    measure "corpus-$(ls "$CORPUS/content" | wc -l)" "$CORPUS"
    exit 0
  fi
  python3 "$SHARED/bench/make_corpus.py" --articles "$ARTICLES" --out "$WORK/corpus" >/dev/null
  # The corpus writes `author:`; dateline's front matter field is `authors:`.
  find "$WORK/corpus/content" -name '*.md' -exec sed -i 's/^author: /authors: /' {} +
  measure "corpus-$ARTICLES" "$WORK/corpus"
fi
