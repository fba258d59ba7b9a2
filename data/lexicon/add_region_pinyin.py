#!/usr/bin/python3
"""Fills column 8 (pinyin) of regions.tsv: the romanised short name that agency
templates write for {E} ("上海市财政局" → "Shanghai Finance Bureau") when the
region has no English name of its own.

usage: /usr/bin/python3 add_region_pinyin.py < regions.tsv > regions.new.tsv
Needs Debian's python3-icu (PyICU): the same ICU transform, "Han-Latin;
Latin-ASCII" with spaces and apostrophes removed, after the place-name
readings of place_readings.tsv (成都 → Chengdu, not ICU's "Chengdou"), that
the lexicon loader (ingest/lexicon.cc, PinyinOf) applies to a region left
without this column, so the column only saves every process that loads the
lexicon the transform's cost (about 0.2 s of start-up).
tests/ingest/lexicon_test.cc checks that the two agree.
"""
import os
import sys

import icu

tr = icu.Transliterator.createInstance("Han-Latin; Latin-ASCII")
readings = []
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "place_readings.tsv"), encoding="utf-8") as f:
    for row in f:
        row = row.rstrip("\n")
        if row and not row.startswith("#"):
            word, latin = row.split("\t")
            readings.append((word, latin))
readings.sort(key=lambda r: -len(r[0]))


def romanise(name):
    """Place readings first (longest word first, left to right), then ICU."""
    out, i = "", 0
    while i < len(name):
        for word, latin in readings:
            if name.startswith(word, i):
                out += " " + latin + " "
                i += len(word)
                break
        else:
            out += name[i]
            i += 1
    return "".join(c for c in tr.transliterate(out) if c not in " '")
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        if line.startswith("# type\t") and "\tpinyin" not in line:
            line = line.replace("\tcode", "\tcode\tpinyin", 1)
        print(line)
        continue
    f = line.split("\t")
    f += [""] * (8 - len(f))
    if f[0] == "Region" and f[4] not in ("national", "regional") and not f[3]:
        f[7] = romanise(f[1])
    print("\t".join(f[:8]))
