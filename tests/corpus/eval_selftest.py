#!/usr/bin/env python3
"""Tests of scripts/eval-ingest itself, run by CTest (tests/corpus/CMakeLists.txt).

usage: eval_selftest.py missing|failing|oracle|singletons|one

  missing     an absent binary gives exit status 2 and a message naming it
  failing     an extractor that exits non-zero: every row says so, each
              counts 0 in the average, the evaluation still completes
  oracle      the gold echoed as statements (oracle_extract.py) scores 1.000
              on every document, the dev example, merge precision and recall
              and every linking query
  singletons  a run that never merges: merge recall 0, documents-mentioning
              recall below 1
  one         a run that merges everything of a type: merge recall 1,
              precision below 0.5
Exit 0 when the expectation holds, 1 with the reason otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(os.path.dirname(os.path.dirname(HERE)), "scripts", "eval-ingest")
ORACLE = os.path.join(HERE, "oracle_extract.py")


def run(binary, env=None):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "figures.json")
        p = subprocess.run([sys.executable, EVAL, binary, "--json", out], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=dict(os.environ, **(env or {})), timeout=600)
        figures = json.load(open(out, encoding="utf-8")) if os.path.exists(out) else None
    return p.returncode, p.stdout.decode() + p.stderr.decode(), figures


def check(cond, why):
    if not cond:
        print("FAIL:", why)
        sys.exit(1)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "missing":
        code, out, _ = run("/nonexistent/policykg")
        check(code == 2, f"exit status {code}, want 2")
        check("/nonexistent/policykg" in out, "message does not name the binary")
    elif mode == "failing":
        code, out, f = run(ORACLE, {"ORACLE_FAIL": "1"})
        check(code == 0 and f, f"eval-ingest should complete: exit {code}: {out[-500:]}")
        check(all(isinstance(d["result"], str) and "exit 3" in d["result"] for d in f["documents"]),
              "a failed extraction is not reported as such")
        check(f["macro"]["node"] == 0.0, f"macro node F1 {f['macro']['node']}, want 0")
        check(f["linking"]["merge_recall"] == 0.0, "linking without output should score 0")
    elif mode == "oracle":
        code, out, f = run(ORACLE)
        check(code == 0 and f, f"eval-ingest failed: {out[-500:]}")
        for d in f["documents"] + [{"file": "dev", "result": r} for r in f["dev"]]:
            r = d["result"]
            check(isinstance(r, dict), f"{d['file']}: {r}")
            for k in ("node", "edge", "lnode", "ledge", "query"):
                # (No query for a text that names no measure: check_gold owes none.)
                check(r[k] == 1.0 or (k == "query" and r[k] is None), f"{d['file']}: {k} = {r[k]}, want 1.0")
        L = f["linking"]
        check(L["merge_precision"] == 1.0 and L["merge_recall"] == 1.0, f"merge figures {L}")
        check(L["matched"] == L["mentions"], "a mention found no node")
        for q in L["queries"]:
            check(q["recall"] == 1.0 and q["precision"] == 1.0, f"query {q}")
    elif mode == "singletons":
        code, out, f = run(ORACLE, {"ORACLE_LINKING": "singletons"})
        check(code == 0 and f, out[-500:])
        check(f["linking"]["merge_recall"] == 0.0, f"merge recall {f['linking']['merge_recall']}, want 0")
        check(f["linking"]["queries"][0]["recall"] < 1.0, "documents-mentioning recall should fall")
    elif mode == "one":
        code, out, f = run(ORACLE, {"ORACLE_LINKING": "one"})
        check(code == 0 and f, out[-500:])
        check(f["linking"]["merge_recall"] == 1.0, "merge recall should stay 1")
        check(f["linking"]["merge_precision"] < 0.5, f"merge precision {f['linking']['merge_precision']}")
    else:
        sys.exit(__doc__)
    print("ok:", mode)


if __name__ == "__main__":
    main()
