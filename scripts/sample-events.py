#!/usr/bin/env python3
"""Draws the hand-grading sample of docs/event-grading.md from a built site.

  scripts/sample-events.py SITE/public/events.json SEED N

Takes `random.Random(SEED).sample(events, N)` over the timeline's events (those
events.json does not flag `secondary`) in file order, and prints for each its
date, headline, actors and the sentence of its first source, with the article
date and the words that dated it: what a grader reads to give A, B or C and
to mark the date right or wrong. Never redraw to get a "better" sample.
"""

import json
import random
import sys


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        events = [e for e in json.load(f)["events"] if not e.get("secondary")]
    print(f"{len(events)} timeline events; seed {seed}, N {n}")
    for i, e in enumerate(random.Random(seed).sample(events, min(n, len(events))), 1):
        d = e["date"]
        src = e["sources"][0]
        print(f"--- {i} [{d['interval']['first']} {d['precision']}] sources={len(e['sources'])}")
        print("  headline:", e["headline"])
        print("  actors:  ", ", ".join(e.get("actors", [])))
        print("  sentence:", (src.get("sentence") or "").replace("\n", " "))
        print("  article: ", src.get("published"), "| dated by:", src.get("date_text"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
