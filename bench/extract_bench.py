#!/usr/bin/env python3
"""Extraction throughput benchmark (issue 3): end-to-end MB/s of `policykg extract`.

usage: bench/extract_bench.py [--binary build/policykg] [--mb 100] [--dir /tmp/pkg_extract_bench]

Builds a corpus of at least --mb megabytes of mixed policy documents from the texts the
project ships (../shared/corpus/dev/seed.txt and tests/corpus/**/*.txt, whatever their
encoding): each copy gets its region names, numbers and years varied so that no two files
are equal, and a share of them is written as GB18030 or with Windows line ends. Then it runs
`policykg extract --jobs 1` over all files in one process (one core),
timing the wall clock and the child's CPU time (the figure that matters on a shared machine)
and reading its peak RSS (/usr/bin/time), and prints MB/s of input.
A second run on a quarter of the corpus shows whether memory stays flat in corpus size.
`--long-lines` instead times the seed flattened onto one line of 2 and 8 MB: the time ratio
should stay near the size ratio (4); session 9 found a 20 MB line taking 105 s.
Not a timed test: run it by hand, report the figures.
"""
import argparse
import glob
import os
import random
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REGIONS = ["上海", "杭州", "苏州", "合肥", "武汉", "成都", "西安", "宁波", "广州", "深圳", "南京", "青岛"]


def sources():
    paths = [os.path.join(REPO, "..", "shared", "corpus", "dev", "seed.txt")]
    paths += sorted(glob.glob(os.path.join(REPO, "tests", "corpus", "**", "*.txt"), recursive=True))
    texts = []
    for p in paths:
        raw = open(p, "rb").read()
        for enc in ("utf-8", "gb18030", "big5"):
            try:
                texts.append(raw.decode(enc))
                break
            except UnicodeDecodeError:
                continue
    return [t for t in texts if t.strip()]


def variant(text, rng, k):
    a, b = rng.sample(REGIONS, 2)
    t = text.replace(a, b)
    digits = str.maketrans("0123456789", "".join(rng.sample("0123456789", 10)))
    t = t.translate(digits) if k % 3 == 0 else t
    return t + "\n\n(第%d号样本)\n" % k


def build(dirname, megabytes, rng):
    os.makedirs(dirname, exist_ok=True)
    for old in glob.glob(os.path.join(dirname, "doc_*.txt")):
        os.remove(old)
    base = sources()
    total, k, files = 0, 0, []
    while total < megabytes * 1_000_000:
        t = variant(base[k % len(base)], rng, k)
        if k % 10 == 1:
            data = t.encode("gb18030")
        elif k % 10 == 2:
            data = t.replace("\n", "\r\n").encode("utf-8")
        else:
            data = t.encode("utf-8")
        path = os.path.join(dirname, "doc_%06d.txt" % k)
        with open(path, "wb") as f:
            f.write(data)
        files.append(path)
        total += len(data)
        k += 1
    return files, total


def run(binary, files, out_path, jobs=1):
    """One extract process over `files`; statements go to out_path (not into memory here).
    Returns wall seconds, CPU seconds of the child (user + sys), its peak RSS in KB, lines, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # Relative names from the corpus folder: 44,000 absolute paths can exceed the
    # kernel's argument-list limit (E2BIG) when the folder's path is long.
    folder = os.path.dirname(os.path.abspath(files[0]))
    names = [os.path.relpath(os.path.abspath(f), folder) for f in files]
    with open(out_path, "wb") as out:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", os.path.abspath(binary), "extract", "--jobs", str(jobs), *names], stdout=out,
                              stderr=subprocess.PIPE, cwd=folder)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    rss_kb = int(err[-1]) if err and err[-1].isdigit() else 0
    if proc.returncode != 0:
        sys.stderr.write("\n".join(err[:20]) + "\n")
    lines = sum(1 for _ in open(out_path, "rb"))
    return wall, cpu, rss_kb, lines, proc.returncode


def long_lines(binary, dirname, sizes=(2, 8)):
    """The seed flattened onto one line (breadcrumbs, 来源: and the article), repeated to each
    size in MB: time and peak RSS per size. Time should grow with the size, not its square."""
    seed = open(os.path.join(REPO, "..", "shared", "corpus", "dev", "seed.txt"), encoding="utf-8").read()
    flat = seed.replace("\n", "")
    out_path = os.path.join(dirname, "long_line.jsonl")
    rows = []
    for mb in sizes:
        path = os.path.join(dirname, "long_line_%dmb.txt" % mb)
        unit = flat.encode("utf-8")
        with open(path, "wb") as f:
            f.write(unit * (mb * 1_000_000 // len(unit) + 1))
        _, cpu, rss, _, rc = run(binary, [path], out_path)
        rows.append((mb, cpu, rss, rc))
        os.remove(path)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(REPO, "build", "policykg"))
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--dir", default="/tmp/pkg_extract_bench")
    ap.add_argument("--long-lines", action="store_true",
                    help="only time the seed flattened onto one line of 2 and 8 MB (linear scaling check)")
    args = ap.parse_args()
    if args.long_lines:
        os.makedirs(args.dir, exist_ok=True)
        rows = long_lines(args.binary, args.dir)
        for mb, cpu, rss, rc in rows:
            print(f"one line of {mb} MB: cpu {cpu:.2f} s = {mb / cpu:.1f} MB/s, peak RSS {rss / 1024:.0f} MB, exit {rc}")
        (mb0, cpu0, _, _), (mb1, cpu1, _, _) = rows[0], rows[-1]
        print(f"extract_bench: long_line_time_ratio={cpu1 / cpu0:.1f} size_ratio={mb1 / mb0:.0f}")
        return
    rng = random.Random(2025)
    files, total = build(args.dir, args.mb, rng)
    print(f"corpus: {len(files)} documents, {total / 1e6:.1f} MB in {args.dir}")
    quarter = files[: max(1, len(files) // 4)]
    qbytes = sum(os.path.getsize(f) for f in quarter)
    out_path = os.path.join(args.dir, "statements.jsonl")
    # Start-up alone (lexicon, rules, transliteration tables): one empty document, best of 3.
    empty = os.path.join(args.dir, "empty.txt")
    open(empty, "wb").close()
    startup = min(run(args.binary, [empty], out_path)[1] for _ in range(3))
    os.remove(empty)
    wall_q, cpu_q, rss_q, _, _ = run(args.binary, quarter, out_path)
    wall, cpu, rss, lines, rc = run(args.binary, files, out_path)
    cores = os.cpu_count() or 1
    wall_all = run(args.binary, files, out_path, jobs=cores)[0] if cores > 1 else wall
    load = os.getloadavg()[0]
    print(f"start-up: cpu {startup:.2f} s (an empty document)")
    print(f"quarter: {qbytes / 1e6:.1f} MB, wall {wall_q:.2f} s, cpu {cpu_q:.2f} s = {qbytes / 1e6 / cpu_q:.1f} MB/s per core, "
          f"peak RSS {rss_q / 1024:.0f} MB")
    print(f"full:    {total / 1e6:.1f} MB, wall {wall:.2f} s, cpu {cpu:.2f} s = {total / 1e6 / cpu:.1f} MB/s per core "
          f"({total / 1e6 / wall:.1f} MB/s wall, load average {load:.1f}), peak RSS {rss / 1024:.0f} MB, "
          f"{lines} statements, exit {rc}")
    print(f"all {cores} cores (--jobs {cores}): wall {wall_all:.2f} s = {total / 1e6 / wall_all:.1f} MB/s")
    # mb_per_s (what bench/lib/extraction.js reads) is the per-core rate: input MB over the
    # process's CPU time, which a loaded shared machine disturbs far less than the wall clock.
    print(f"extract_bench: mb_per_s={total / 1e6 / cpu:.1f} mb_per_s_cpu={total / 1e6 / cpu:.1f} "
          f"mb_per_s_wall={total / 1e6 / wall:.1f} target=20 peak_rss_mb={rss / 1024:.0f} startup_s={startup:.2f}")


if __name__ == "__main__":
    main()
