#!/usr/bin/env python3
"""Event recall against the Timeline17 gold timelines: how many of the days a
journalist put on a story's timeline have at least one event on the site's
timeline that day.

  scripts/event-recall.py STORY=SITE/public/events.json [STORY=...] [--json OUT]

STORY is a Timeline17 gold topic (bpoil, egypt, finan, h1n1, mj, syria),
read from ../shared/corpora/tls/t17/gold/STORY/timelines.jsonl beside the repo
root (or $DATELINE_SHARED). Its gold days are the distinct dates of all its
timelines. A gold day counts as recalled when some event of events.json is
dated exactly that day (day or time precision; a week or a month holding the
day does not count, as a reader looking for the day would not find it).

Prints one line per story (gold days, recalled, recall) and the macro mean.
It is a recall floor, not a quality figure: a site that puts an event on
every day scores 1.0. Read it beside scripts/score-tagger.sh and the event
audit (../shared/tools/event_audit.py), which measure what is wrong.
Exit status 0, or 2 on a usage error, 3 if ../shared is absent.
"""

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("DATELINE_SHARED", os.path.join(ROOT, "..", "shared"))
GOLD = os.path.join(SHARED, "corpora", "tls", "t17", "gold")


def gold_days(story):
    days = set()
    with open(os.path.join(GOLD, story, "timelines.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                for date, _sentences in json.loads(line):
                    days.add(date[:10])
    return days


def event_days(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    days = set()
    for ev in doc["events"]:
        d = ev["date"]
        if d.get("precision") in ("day", "time"):
            days.add(d["interval"]["first"][:10])
    return days


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pairs", nargs="+", metavar="STORY=EVENTS_JSON")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    if not os.path.isdir(GOLD):
        print(f"no Timeline17 gold at {GOLD}", file=sys.stderr)
        return 3
    rows = {}
    for pair in args.pairs:
        story, sep, path = pair.partition("=")
        if not sep:
            ap.error(f"{pair}: write STORY=SITE/public/events.json")
        gold = gold_days(story)
        got = event_days(path)
        hit = len(gold & got)
        rows[story] = {"gold_days": len(gold), "recalled": hit,
                       "recall": round(hit / len(gold), 4) if gold else 0.0}
        print(f"{story:6} gold days {len(gold):4}  recalled {hit:4}  recall {rows[story]['recall']:.4f}")
    mean = sum(r["recall"] for r in rows.values()) / len(rows)
    print(f"mean   recall {mean:.4f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"stories": rows, "mean_recall": round(mean, 4)}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
