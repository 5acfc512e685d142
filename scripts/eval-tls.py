#!/usr/bin/env python3
"""End-to-end timeline-summarisation evaluation of `dateline summarize` on T17.

  scripts/eval-tls.py [--tasks ID,ID] [--signal NAME] [--cv] [--ablation]
                      [--subsample F,F] [--rouge] [--work DIR] [--bin PATH]
                      [--json OUT]

Steps: list the tasks of the development gold timelines (tls_tasks.py), turn
each topic's articles into a dateline content/ folder (t17_to_content.py,
once per topic, cached under --work), run `dateline summarize --json` per
task with the task's span, L, K and keywords, and score the set
(tls_score.py): the in-sample figures, with the binary's own constants.
Shared material is read from ../shared beside the repo root (or
$DATELINE_SHARED).

--cv adds the figures we quote: leave one story out. The same runs write
every day's signal counts (`summarize --dump-signals`); this script ranks
the days again in Python from those counts (`top_days`, a line-for-line
mirror of src/keydates/rank.rs) and first checks that it gives exactly the
binary's days for every task. Then, for each of the six stories, every
constant of the combined score (GRID) is chosen on the other five, by their
date F1, and the binary is run on the held-out story's tasks with those
constants (`--param`; its days are checked against the Python ranking
again). Those held-out timelines give the cross-validated date F1 and, with
--rouge, alignment ROUGE. --ablation (with --cv) measures what each signal
and constant adds to the cross-validated F1: the same procedure with it left
out of the grid; without --cv it scores every signal alone. --subsample
0.5,0.25 reruns the tasks on a fixed subset of each story's articles (half,
a quarter) and reports F1 against size, with the binary's constants and
cross-validated.

--rouge scores alignment ROUGE too; it needs tilse 0.2.1: set $TILSE_PYTHON
to a Python that has it (default: /work/eval/tilse-venv or target/tilse-venv
if present). To make one:
  python3 -m venv target/tilse-venv && target/tilse-venv/bin/pip install tilse==0.2.1
Exit status 0, or 1 on failure (a Python ranking that differs from the
binary's is one); 3 if ../shared is absent.
"""

import argparse
import datetime as dt
import heapq
import itertools
import json
import math
import os
import subprocess
import sys
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("DATELINE_SHARED", os.path.join(ROOT, "..", "shared"))
TOOLS = os.path.join(SHARED, "tools")
GOLD = os.path.join(SHARED, "corpora", "tls", "t17", "gold")
RAW = os.path.join(SHARED, "corpora", "tls", "t17", "raw")
# rank.rs `Signal::ALL`, in its order.
SIGNALS = ["published", "published_on_topic", "articles", "after", "spread", "on_topic",
           "corroborated"]

# The constants of the combined score (rank.rs `Params`), their defaults in
# the binary, and the values the cross-validation chooses among: each within
# a factor of two of a round middle value, and 0 where leaving the term out
# is a choice. near_redundancy 0 (no spreading) is measured by --ablation.
DEFAULT = {"publication": 0.25, "spread": 0.5, "after_opportunity": 0.2,
           "near_redundancy": 0.5, "near_days": 2}
GRID = {"publication": [0, 0.125, 0.25, 0.5],
        "spread": [0, 0.25, 0.5, 1],
        "after_opportunity": [0, 0.1, 0.2, 0.4],
        "near_redundancy": [0.25, 0.5, 1],
        "near_days": [1, 2, 3]}


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


def subsampled_site(task, work, fraction):
    """The topic's site with a fixed `fraction` of its articles, chosen by a
    hash of the file name (so a quarter is part of the half), hard-linked."""
    full = site_for(task, work)
    site = os.path.join(work, "sites-%g" % fraction, task["topic"])
    stamp = os.path.join(site, ".done")
    if not os.path.exists(stamp):
        buckets = round(1 / fraction)
        for folder, _, files in os.walk(os.path.join(full, "content")):
            out = os.path.join(site, os.path.relpath(folder, full))
            os.makedirs(out, exist_ok=True)
            for name in files:
                if not name.endswith(".md") or zlib.crc32(name.encode()) % buckets == 0:
                    dest = os.path.join(out, name)
                    if not os.path.exists(dest):
                        os.link(os.path.join(folder, name), dest)
        open(stamp, "w").close()
    return site


def summarize(binary, task, site, out_dir, signal=None, params=None, dump_dir=None):
    cmd = [binary, "--root", site, "summarize", "--json",
           "--dates", str(task["l"]), "--sentences", str(task["k"]),
           "--from", task["start"], "--to", task["end"],
           "--keywords", ",".join(task["keywords"])]
    if signal:
        cmd += ["--signal", signal]
    for name, value in (params or {}).items():
        cmd += ["--param", "%s=%s" % (name, value)]
    if dump_dir:
        cmd += ["--dump-signals", os.path.join(dump_dir, task["id"] + ".json")]
    with open(os.path.join(out_dir, task["id"] + ".json"), "w", encoding="utf-8") as f:
        run(cmd, stdout=f)


def tilse_python():
    for python in (os.environ.get("TILSE_PYTHON"), "/work/eval/tilse-venv/bin/python",
                   os.path.join(ROOT, "target", "tilse-venv", "bin", "python")):
        if python and os.path.exists(python):
            return python
    return sys.executable


def score(tasks_path, sys_dir, rouge, out_json):
    python = sys.executable
    cmd = [os.path.join(TOOLS, "tls_score.py"), "--tasks", tasks_path, "--system-dir", sys_dir,
           "--json", out_json]
    if rouge:
        python = tilse_python()
        cmd.append("--rouge")
    res = run([python, *cmd], capture_output=True, text=True)
    with open(out_json, encoding="utf-8") as f:
        return res.stdout, json.load(f)


def fresh_dir(path):
    os.makedirs(path, exist_ok=True)
    for f in os.listdir(path):
        os.remove(os.path.join(path, f))
    return path


def evaluate(binary, tasks_path, tasks, work, name, signal, rouge, site=None, params=None,
             dumps=False):
    """Runs every task and scores them. `site(task)` is the task's content
    folder; `params` maps a task id to its constants; with `dumps`, each
    day's signal counts go to WORK/dumps/NAME/ID.json."""
    site = site or (lambda t: site_for(t, work))
    sys_dir = fresh_dir(os.path.join(work, "system", name))
    dump_dir = fresh_dir(os.path.join(work, "dumps", name)) if dumps else None
    started = time.time()
    for t in tasks:
        summarize(binary, t, site(t), sys_dir, signal, (params or {}).get(t["id"]), dump_dir)
    seconds = time.time() - started
    table, result = score(tasks_path, sys_dir, rouge, os.path.join(work, name + ".score.json"))
    return table, result, seconds


# --------------------------------------------------------------------------
# The ranking again, in Python, over the binary's signal counts
# --------------------------------------------------------------------------

def weights(p):
    """rank.rs `Params::weight`, in `Signal::ALL` order."""
    w = {s: 0.0 for s in SIGNALS}
    w.update(articles=1.0, after=1.0, on_topic=1.0, corroborated=1.0)
    w.update(published=p["publication"], published_on_topic=p["publication"], spread=p["spread"])
    # Ablation only: "w:NAME" sets one signal's weight.
    w.update((k[2:], v) for k, v in p.items() if k.startswith("w:"))
    return [(s, w[s]) for s in SIGNALS]


class Days:
    """One task's days and their log-scale evidence, from a signal dump."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
        self.days = sorted(raw)
        self.ordinal = [dt.date.fromisoformat(d).toordinal() for d in self.days]
        self.raw = [raw[d] for d in self.days]
        self.log = {s: [math.log1p(r[s]) for r in self.raw]
                    for s in SIGNALS + ["later_on_topic"]}


def combined_scores(days, p):
    """rank.rs `score` with `Scoring::Combined`: the same sum in the same
    order, so the floats are the binary's to the last bit."""
    n = len(days.days)
    total = [0.0] * n
    for s, w in weights(p):
        e = days.log[s]
        if s == "after":
            later = days.log["later_on_topic"]
            e = [max(e[i] - p["after_opportunity"] * later[i], 0.0) for i in range(n)]
        for i in range(n):
            total[i] += w * e[i]
    return total


def top_days(days, p, n, signal=None):
    """rank.rs `top_days`: the n best days, each pick lowering the days within
    near_days of it by near_redundancy * ln(1 + picks near it); ties go to
    the earlier day. A lazy heap: a pick only ever lowers a score, so a
    popped day whose penalty is current is the best."""
    if signal:
        score, penalty, window = [r[signal] for r in days.raw], 0.0, 0
    else:
        score = combined_scores(days, p)
        penalty, window = p["near_redundancy"], int(p["near_days"])
    heap = [(-score[i], days.ordinal[i], i, 0.0) for i in range(len(score)) if score[i] > 0.0]
    heapq.heapify(heap)
    near, chosen = {}, []
    while heap and len(chosen) < n:
        _, o, i, counted = heapq.heappop(heap)
        k = near.get(o, 0.0)
        if k != counted:
            heapq.heappush(heap, (-(score[i] - penalty * math.log1p(k)), o, i, k))
            continue
        for d in range(o - window, o + window + 1):
            near[d] = near.get(d, 0.0) + 1.0
        chosen.append(days.days[i])
    return chosen


def binary_days(sys_dir, task):
    with open(os.path.join(sys_dir, task["id"] + ".json"), encoding="utf-8") as f:
        return sorted(d for d, _ in json.load(f))


def check_reproduced(sys_dir, tasks, dumps, params):
    """Fails unless the Python ranking gives the binary's days exactly."""
    wrong = [t["id"] for t in tasks
             if sorted(top_days(dumps[t["id"]], params[t["id"]], t["l"])) != binary_days(sys_dir, t)]
    if wrong:
        raise SystemExit("eval-tls: the Python ranking differs from the binary's on %s"
                         % ", ".join(wrong))


class Tls:
    """Date scores of rankings over the dumps (tls_score.py's date_prf and
    news-tls averaging: F1 of the mean P and mean R)."""

    def __init__(self, tasks, dumps):
        sys.path.insert(0, TOOLS)
        from tls_score import date_prf, mean_prf
        from tls_tasks import gold_timeline
        self.date_prf, self.mean_prf = date_prf, mean_prf
        self.tasks, self.dumps = tasks, dumps
        self.gold = {t["id"]: set(gold_timeline(t["gold"], t["line"])) for t in tasks}
        self.topics = sorted({t["topic"] for t in tasks})
        self.cache = {}

    def prf(self, p, t, signal=None):
        key = (tuple(sorted(p.items())), t["id"], signal)
        if key not in self.cache:
            chosen = top_days(self.dumps[t["id"]], p, t["l"], signal)
            self.cache[key] = self.date_prf(chosen, self.gold[t["id"]])[:3]
        return self.cache[key]

    def f1(self, p, tasks, signal=None):
        return self.mean_prf([self.prf(p, t, signal) for t in tasks])[2]

    def cross_validate(self, grid):
        """Leave one story out: for each topic, the grid point with the best
        date F1 on the other topics' tasks (the first one on a tie).
        Returns ({topic: constants}, held-out F1 over all tasks)."""
        chosen, rows = {}, []
        for topic in self.topics:
            train = [t for t in self.tasks if t["topic"] != topic]
            best = max(range(len(grid)), key=lambda c: (self.f1(grid[c], train), -c))
            chosen[topic] = grid[best]
            rows += [self.prf(grid[best], t) for t in self.tasks if t["topic"] == topic]
        return chosen, self.mean_prf(rows)[2]


def grid_of(axes):
    names = list(axes)
    return [dict(zip(names, values)) for values in itertools.product(*(axes[n] for n in names))]


REFERENCES = ["articles", "after", "on_topic", "corroborated"]


def ablation_grid(part):
    """GRID with one part of the combined score left out: a reference signal
    or a constant."""
    axes = dict(GRID)
    if part in ("publication", "spread", "after_opportunity"):
        axes[part] = [0]
    elif part == "near_redundancy":
        axes.update(near_redundancy=[0], near_days=[DEFAULT["near_days"]])
    grid = grid_of(axes)
    if part in REFERENCES:
        grid = [dict(p, **{"w:" + part: 0.0}) for p in grid]
    return grid


def read_dumps(work, name, tasks):
    return {t["id"]: Days(os.path.join(work, "dumps", name, t["id"] + ".json")) for t in tasks}


def cross_validated(args, tasks_path, tasks, work, name, site=None):
    """In-sample run with dumps, the reproduction check, the leave-one-story-
    out choice, and the held-out run. Returns a dict of figures."""
    table, in_sample, _ = evaluate(args.bin, tasks_path, tasks, work, name, None, args.rouge,
                                   site, dumps=True)
    dumps = read_dumps(work, name, tasks)
    check_reproduced(os.path.join(work, "system", name), tasks, dumps,
                     {t["id"]: DEFAULT for t in tasks})
    tls = Tls(tasks, dumps)
    chosen, f1 = tls.cross_validate(grid_of(GRID))
    per_task = {t["id"]: chosen[t["topic"]] for t in tasks}
    held_name = name + "-cv"
    _, held, _ = evaluate(args.bin, tasks_path, tasks, work, held_name, None, args.rouge, site,
                          per_task)
    check_reproduced(os.path.join(work, "system", held_name), tasks, dumps, per_task)
    if abs(held["mean"]["F1"] - f1) > 1e-9:
        raise SystemExit("eval-tls: cross-validated F1 %.4f from the binary, %.4f in Python"
                         % (held["mean"]["F1"], f1))
    return {"table": table, "in_sample": in_sample, "cv": held, "chosen": chosen, "tls": tls}


def by_topic(result, keys):
    """{topic: {key: F1 of the topic's tasks}} of a tls_score.py result."""
    out = {}
    for topic in sorted({r["topic"] for r in result["results"]}):
        rows = [r for r in result["results"] if r["topic"] == topic]
        out[topic] = {}
        for k in keys:
            get = (lambda r: (r["P"], r["R"])) if k == "F1" else (lambda r: (r[k]["P"], r[k]["R"]))
            mp = sum(get(r)[0] for r in rows) / len(rows)
            mr = sum(get(r)[1] for r in rows) / len(rows)
            out[topic][k] = 0.0 if mp + mr == 0 else 2 * mp * mr / (mp + mr)
    return out


def figure(result, key):
    m = result["mean"]
    return m["F1"] if key == "F1" else m[key]["F1"]


def report_cv(cvr, rouge):
    keys = ["F1", "AR1", "AR2"] if rouge else ["F1"]
    print("\nLeave one story out (constants chosen on the other five stories):")
    print("story\t" + "\t".join("in-sample %s\tCV %s" % (k, k) for k in keys) + "\tchosen")
    ins, cv = by_topic(cvr["in_sample"], keys), by_topic(cvr["cv"], keys)
    for topic in sorted(cvr["chosen"]):
        cells = []
        for k in keys:
            cells += ["%.4f" % ins[topic][k], "%.4f" % cv[topic][k]]
        chosen = " ".join("%s=%g" % kv for kv in cvr["chosen"][topic].items())
        print("%s\t%s\t%s" % (topic, "\t".join(cells), chosen))
    cells = []
    for k in keys:
        cells += ["%.4f" % figure(cvr["in_sample"], k), "%.4f" % figure(cvr["cv"], k)]
    print("all 15\t%s" % "\t".join(cells))


def report_ablation(tls):
    print("\nAblation, cross-validated (the same procedure, one part left out):")
    full = tls.cross_validate(grid_of(GRID))[1]
    print("%-36s CV F1 %.4f" % ("everything", full))
    rows = {"everything": full}
    for part in REFERENCES + ["publication", "spread", "after_opportunity", "near_redundancy"]:
        f1 = tls.cross_validate(ablation_grid(part))[1]
        label = "without " + part
        rows[label] = f1
        print("%-36s CV F1 %.4f (%+.4f)" % (label, f1, f1 - full))
    return rows


def report_alone(tls, tasks):
    print("\nEach signal alone (date F1, in-sample):")
    rows = {s: tls.f1(DEFAULT, tasks, s) for s in SIGNALS}
    for s, f1 in rows.items():
        print("%-20s %.4f" % (s, f1))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tasks", help="comma-separated task ids (default: all)")
    ap.add_argument("--signal", help="rank by one signal alone")
    ap.add_argument("--cv", action="store_true", help="leave-one-story-out figures too")
    ap.add_argument("--ablation", action="store_true",
                    help="what each signal adds (cross-validated with --cv, else alone)")
    ap.add_argument("--subsample", help="comma-separated fractions of the articles, e.g. 0.5,0.25")
    ap.add_argument("--rouge", action="store_true", help="alignment ROUGE with tilse")
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "tls-eval"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--json", help="write the figures here")
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
    out = {}
    if args.cv or args.subsample:
        cvr = cross_validated(args, tasks_path, tasks, args.work, "combined")
        print(cvr["table"])
        report_cv(cvr, args.rouge)
        out.update(in_sample=cvr["in_sample"], cv=cvr["cv"], chosen=cvr["chosen"])
        if args.ablation:
            out["ablation"] = report_ablation(cvr["tls"])
            out["alone"] = report_alone(cvr["tls"], tasks)
        for fraction in [float(x) for x in (args.subsample or "").split(",") if x]:
            sub = cross_validated(args, tasks_path, tasks, args.work, "sub-%g" % fraction,
                                  lambda t, fr=fraction: subsampled_site(t, args.work, fr))
            print("\n== %g of the articles" % fraction)
            report_cv(sub, args.rouge)
            out["subsample %g" % fraction] = {"in_sample": sub["in_sample"], "cv": sub["cv"],
                                              "chosen": sub["chosen"]}
    else:
        table, result, seconds = evaluate(args.bin, tasks_path, tasks, args.work,
                                          args.signal or "combined", args.signal, args.rouge,
                                          dumps=args.ablation)
        print(table)
        print("summarize time over %d tasks: %.1fs" % (len(tasks), seconds))
        out.update(in_sample=result)
        if args.ablation:
            dumps = read_dumps(args.work, "combined", tasks)
            out["alone"] = report_alone(Tls(tasks, dumps), tasks)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
