#!/usr/bin/python3
"""Fills column 8 (pinyin) of regions.tsv: the romanised short name that agency
templates write for {E} ("上海市财政局" → "Shanghai Finance Bureau") when the
region has no English name of its own.

usage: /usr/bin/python3 add_region_pinyin.py < regions.tsv > regions.new.tsv
Needs Debian's python3-icu (PyICU): the same ICU transform, "Han-Latin;
Latin-ASCII" with spaces and apostrophes removed, that the lexicon loader
(ingest/lexicon.cc, PinyinOf) applies to a region left without this column, so
the column only saves every process that loads the lexicon the transform's
cost (about 0.2 s of start-up). tests/ingest/lexicon_test.cc checks that the
two agree.
"""
import sys

import icu

tr = icu.Transliterator.createInstance("Han-Latin; Latin-ASCII")
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        if line.startswith("# type\t"):
            line = line.replace("\tcode", "\tcode\tpinyin", 1)
        print(line)
        continue
    f = line.split("\t")
    f += [""] * (8 - len(f))
    if f[0] == "Region" and f[4] not in ("national", "regional") and not f[3]:
        f[7] = "".join(c for c in tr.transliterate(f[1]) if c not in " '")
    print("\t".join(f[:8]))
