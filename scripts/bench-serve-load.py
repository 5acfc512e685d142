"""Load on `dateline serve` (issue 23): 200 clients send 5,000 requests,
on kept-alive connections and on one connection each, while an article is
saved every 50 ms; then the same while 2,048 connections hold an unfinished
request open. Prints the p50/p99 latency and the failures (anything but a
whole 200 answer). A measurement, not a test. Works on a copy of the site.

    python3 scripts/bench-serve-load.py target/release/dateline .
"""
import http.client, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

BIN = sys.argv[1]
REPO = sys.argv[2]
CLIENTS, TOTAL = 200, 5000

def start(site):
    p = subprocess.Popen([BIN, "--root", site, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in p.stdout:
        m = re.search(r"http://([\d.]+):(\d+)/", line)
        if m:
            threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()
            return p, (m.group(1), int(m.group(2)))
    raise SystemExit("no URL")

def run(addr, keep_alive, site):
    targets = ["/", "/style.css", "/key/", "/timeline.json"]
    arts = [f"/articles/{n[:-3]}/" for n in sorted(os.listdir(os.path.join(site, "content"))) if n.endswith(".md")][:20]
    targets += arts
    lat, fails = [], []
    lock = threading.Lock()
    stop = threading.Event()
    def editor():
        path = os.path.join(site, "content", sorted(n for n in os.listdir(os.path.join(site, "content")) if n.endswith(".md"))[0])
        orig = open(path).read()
        i = 0
        while not stop.is_set():
            with open(path, "w") as f:
                f.write(orig + f"\n\nEdit number {i}.\n")
            i += 1
            time.sleep(0.05)
        with open(path, "w") as f:
            f.write(orig)
    ed = threading.Thread(target=editor); ed.start()
    per = TOTAL // CLIENTS
    def client(c):
        conn = None
        for r in range(per):
            t = targets[(c + r) % len(targets)]
            t0 = time.perf_counter()
            try:
                if conn is None or not keep_alive:
                    conn = http.client.HTTPConnection(*addr, timeout=60)
                conn.request("GET", t, headers={} if keep_alive else {"Connection": "close"})
                resp = conn.getresponse()
                body = resp.read()
                ok = resp.status == 200 and len(body) == int(resp.getheader("Content-Length"))
                if not keep_alive:
                    conn.close()
                dt = time.perf_counter() - t0
                with lock:
                    lat.append(dt)
                    if not ok:
                        fails.append((t, resp.status))
            except Exception as e:
                with lock:
                    fails.append((t, repr(e)))
                conn = None
    ths = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
    t0 = time.perf_counter()
    for t in ths: t.start()
    for t in ths: t.join()
    wall = time.perf_counter() - t0
    stop.set(); ed.join()
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
    return len(lat), len(fails), q(0.5), q(0.99), wall, fails[:3]

def main():
    work = tempfile.mkdtemp()
    site = os.path.join(work, "site")
    os.makedirs(site)
    for d in ["content", "templates", "static"]:
        if os.path.isdir(os.path.join(REPO, d)):
            shutil.copytree(os.path.join(REPO, d), os.path.join(site, d))
    shutil.copy(os.path.join(REPO, "dateline.yaml"), site)
    p, addr = start(site)
    try:
        time.sleep(1)
        for slow in (False, True):
            held = []
            if slow:
                for _ in range(2048):
                    s = socket.create_connection(addr, timeout=60)
                    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
                    held.append(s)
            for ka in (True, False):
                n, f, p50, p99, wall, ex = run(addr, ka, site)
                print(f"slow_held={len(held)} keep_alive={ka}: requests={n} failures={f} p50={p50:.1f}ms p99={p99:.1f}ms wall={wall:.1f}s {ex}", flush=True)
            for s in held: s.close()
    finally:
        p.kill()
        shutil.rmtree(work, ignore_errors=True)

main()
