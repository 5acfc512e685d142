#!/usr/bin/env python3
"""Sorts the tagger's wrong values on the TempEval-3 training corpus by cause.

  scripts/score-tagger.sh --verbose --max-errors 1000 | scripts/tagger-errors.py [--show CLASS]

Reads the scorer's per-document listing on standard input and puts every
relaxed match whose value is wrong into one class, tried in this order:

  C  the gold date is not the weekday its text names, or is more than a week
     from the document's own creation date (the annotator used another DCT)
  F  the gold value contradicts a year, month or count written in the
     expression ("Sept. 27, 1989" as 1989-11-27)
  A  the gold value is left underspecified (1989-WXX, 1968-XX, PXM) where the
     tagger resolved it to a value with the same known part
  D  the gold type and value disagree (a DURATION holding a date, a DATE
     holding a duration)
  B  the same stretch of time at another granularity (1988 / 1988-Q3,
     2000-01-05 / 2000-01-05TNI)
  E  everything else: the tagger is wrong, or the case is unclear

The classes are mechanical tests, not judgements: E still holds gold errors
no rule can see (a week-shifted document whose dates are all still weekdays
within a week of the DCT). Prints the count per class and what value F1
would be if every E were right. --show C lists one class.
"""

import argparse
import collections
import datetime as dt
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
GOLD = os.path.join(SHARED, "corpora", "tempeval3-train")

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
CLASSES = {
    "C": "gold date contradicts its weekday name or its DCT",
    "F": "gold value contradicts the numbers written in the expression",
    "A": "gold left underspecified (X); the tagger resolved it",
    "D": "gold type and value disagree",
    "B": "same stretch of time, other granularity",
    "E": "other: tagger wrong, or unclear",
}
MATCH = re.compile(r"@(\d+)\s+gold (['\"])(.*?)\2 (\w+) (\S+) \| sys (['\"])(.*?)\6 (\w+) (\S+)")
DCT = re.compile(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)')


def dcts():
    out = {}
    for path in glob.glob(os.path.join(GOLD, "**", "*.tml"), recursive=True):
        with open(path, encoding="utf-8") as f:
            m = DCT.search(f.read())
        if m:
            out[os.path.basename(path)[:-4]] = dt.date.fromisoformat(m.group(1))
    return out


def classify(text, gold_type, gold, sys_type, system, dct):
    lower = text.lower()
    named = [WEEKDAYS.index(w) for w in re.findall("|".join(WEEKDAYS), lower)]
    day = re.match(r"^(\d{4}-\d\d-\d\d)", gold)
    if named and day and not re.search(r"before|after|last|next|previous", lower):
        g = dt.date.fromisoformat(day.group(1))
        if g.weekday() != named[0] or abs((g - dct).days) > 7:
            return "C"
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)
    month = re.search(r"\b(" + "|".join(MONTHS) + r")[a-z]*\.?\s+\d", lower)
    count = re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\b", lower)
    if years and not gold.startswith(years[0]) and system.startswith(years[0]):
        return "F"
    if month and re.match(r"^\d{4}-\d\d", gold) and int(gold[5:7]) != MONTHS.index(month.group(1)) + 1:
        return "F"
    if count and gold.startswith("P") and system.startswith("P") and gold[-1] != system[-1] \
            and gold[1:-1] == system[1:-1]:
        return "F"
    if "X" in gold:
        if gold.startswith("P"):
            if system.startswith("P"):
                return "A"
        else:
            known = gold.split("X")[0].rstrip("-")
            if system.startswith(known):
                return "A"
    if gold_type != sys_type and (gold_type == "DURATION") != gold.startswith("P"):
        return "D"
    short, long_ = sorted([gold, system], key=len)
    if long_.startswith(short):
        return "B"
    if re.match(r"^\d{4}", short) and re.match(r"^\d{4}", long_) and short[:4] == long_[:4] \
            and (("Q" in short) != ("Q" in long_) or ("W" in short) != ("W" in long_) or len(short) != len(long_)):
        return "B"
    return "E"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", choices=sorted(CLASSES), help="list the errors of one class")
    args = ap.parse_args()
    if not os.path.isdir(GOLD):
        print("tagger-errors: %s not found" % GOLD, file=sys.stderr)
        return 3
    dct = dcts()
    counts = collections.Counter()
    shown = []
    doc = None
    relaxed_f1 = matched = None
    for line in sys.stdin:
        m = re.match(r"== (\S+)", line)
        if m:
            doc = m.group(1)
            continue
        m = re.match(r"relaxed\s+P=\S+ R=\S+ F1=(\S+)\s+\((\d+) overlapping\)", line)
        if m:
            relaxed_f1, matched = float(m.group(1)), int(m.group(2))
            continue
        if "[value]" not in line:
            continue
        m = MATCH.search(line)
        if not m or doc not in dct:
            continue
        c = classify(m.group(3), m.group(4), m.group(5), m.group(8), m.group(9), dct[doc])
        counts[c] += 1
        if c == args.show:
            shown.append("%s  %r %s  /  %r %s" % (doc, m.group(3), m.group(5), m.group(7), m.group(9)))
    total = sum(counts.values())
    for c in sorted(CLASSES):
        print("%s %4d  %s" % (c, counts[c], CLASSES[c]))
    print("  %4d  wrong values in all" % total)
    if relaxed_f1 and matched:
        now = relaxed_f1 * (matched - total) / matched
        best = relaxed_f1 * (matched - total + counts["E"]) / matched
        print("value F1 %.2f now; %.2f if every E were right" % (now, best))
    for s in shown:
        print("  " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
