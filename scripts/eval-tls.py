#!/usr/bin/env python3
"""End-to-end timeline-summarisation evaluation of `dateline summarize` on T17.

  scripts/eval-tls.py [--tasks ID,ID] [--signal NAME | --ablation] [--rouge]
                      [--work DIR] [--bin PATH] [--json OUT]

Steps: list the tasks of the development gold timelines (tls_tasks.py), turn
each topic's articles into a dateline content/ folder (t17_to_content.py,
once per topic, cached under --work), run `dateline summarize --json` per
task with the task's span, L, K and keywords, and score the set
(tls_score.py). Shared material is read from ../shared beside the repo root
(or $DATELINE_SHARED). --rouge scores alignment ROUGE too; it needs tilse
0.2.1: set $TILSE_PYTHON to a Python that has it (default: the venv
target/tilse-venv if present). --ablation scores every ranking signal alone
and prints a table. Exit status 0, or 1 on failure; 3 if ../shared is absent.
"""

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("DATELINE_SHARED", os.path.join(ROOT, "..", "shared"))
TOOLS = os.path.join(SHARED, "tools")
GOLD = os.path.join(SHARED, "corpora", "tls", "t17", "gold")
RAW = os.path.join(SHARED, "corpora", "tls", "t17", "raw")
SIGNALS = ["published", "published_on_topic", "mentions", "articles", "outlets", "after", "spread",
           "events", "actors", "on_topic", "corroborated"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def tasks_file(work):
    path = os.path.join(work, "tasks.json")
    run([sys.executable, os.path.join(TOOLS, "tls_tasks.py"), GOLD, "--raw", RAW, "--out", path],
        stdout=subprocess.DEVNULL)
    with open(path, encoding="utf-8") as f:
        return path, json.load(f)["tasks"]


def site_for(task, work):
    """The content folder of the task's topic (all its articles; the span is
    applied by `summarize --from/--to`)."""
    site = os.path.join(work, "sites", task["topic"])
    stamp = os.path.join(site, ".done")
    if not os.path.exists(stamp):
        run([sys.executable, os.path.join(TOOLS, "t17_to_content.py"), *task["sources"],
             "--out", site, "--gold-root", GOLD, "--clean"], stdout=subprocess.DEVNULL)
        open(stamp, "w").close()
    return site


def summarize(binary, task, site, out_dir, signal=None):
    cmd = [binary, "--root", site, "summarize", "--json",
           "--dates", str(task["l"]), "--sentences", str(task["k"]),
           "--from", task["start"], "--to", task["end"],
           "--keywords", ",".join(task["keywords"])]
    if signal:
        cmd += ["--signal", signal]
    with open(os.path.join(out_dir, task["id"] + ".json"), "w", encoding="utf-8") as f:
        run(cmd, stdout=f)


def score(tasks_path, sys_dir, rouge, out_json):
    python = sys.executable
    cmd = [os.path.join(TOOLS, "tls_score.py"), "--tasks", tasks_path, "--system-dir", sys_dir,
           "--json", out_json]
    if rouge:
        python = os.environ.get("TILSE_PYTHON") or os.path.join(ROOT, "target", "tilse-venv", "bin", "python")
        cmd.append("--rouge")
    res = run([python, *cmd], capture_output=True, text=True)
    with open(out_json, encoding="utf-8") as f:
        return res.stdout, json.load(f)


def mean_of(result):
    """The means block of a tls_score.py --json result."""
    for key in ("mean", "means", "average", "summary"):
        if key in result:
            return result[key]
    return result


def evaluate(binary, tasks_path, tasks, work, name, signal, rouge):
    sys_dir = os.path.join(work, "system", name)
    os.makedirs(sys_dir, exist_ok=True)
    for f in os.listdir(sys_dir):
        os.remove(os.path.join(sys_dir, f))
    started = time.time()
    for t in tasks:
        summarize(binary, t, site_for(t, work), sys_dir, signal)
    seconds = time.time() - started
    table, result = score(tasks_path, sys_dir, rouge, os.path.join(work, name + ".score.json"))
    return table, result, seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tasks", help="comma-separated task ids (default: all)")
    ap.add_argument("--signal", help="rank by one signal alone")
    ap.add_argument("--ablation", action="store_true", help="score every signal alone too")
    ap.add_argument("--rouge", action="store_true", help="alignment ROUGE with tilse")
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "tls-eval"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--json", help="write the combined-scoring result here")
    args = ap.parse_args()
    if not os.path.isdir(GOLD) or not os.path.isdir(TOOLS):
        print("eval-tls: %s not found; nothing to evaluate" % os.path.normpath(SHARED), file=sys.stderr)
        return 3
    if not os.path.exists(args.bin):
        run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    os.makedirs(args.work, exist_ok=True)
    tasks_path, tasks = tasks_file(args.work)
    if args.tasks:
        wanted = set(args.tasks.split(","))
        tasks = [t for t in tasks if t["id"] in wanted]
        tasks_path = os.path.join(args.work, "tasks.subset.json")
        with open(tasks_path, "w", encoding="utf-8") as f:
            json.dump({"tasks": tasks}, f)
    if not tasks:
        print("eval-tls: no tasks", file=sys.stderr)
        return 1
    table, result, seconds = evaluate(args.bin, tasks_path, tasks, args.work,
                                      args.signal or "combined", args.signal, args.rouge)
    print(table)
    print("summarize time over %d tasks: %.1fs" % (len(tasks), seconds))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
    if args.ablation:
        rows = []
        for s in SIGNALS:
            table, result, _ = evaluate(args.bin, tasks_path, tasks, args.work, "only-" + s, s, False)
            rows.append((s, table.strip().splitlines()[-3:]))
        print("\nAblation (each signal alone; date selection):")
        for s, lines in rows:
            print("== " + s)
            for line in lines:
                print("   " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
