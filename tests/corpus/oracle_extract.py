#!/usr/bin/env python3
"""A perfect "extractor" made from the gold, to test the evaluation itself.

usage: oracle_extract.py extract FILE...

Role: stands in for `policykg extract` so that scripts/eval-ingest can be
checked end to end: for a document with NAME.gold.jsonl it prints the gold's
non-optional nodes and edges as statements; for a linking document it prints
one node per expected cluster mentioned there (id shared across documents,
provenance spans on each mention) and the IMPLEMENTS edges the linking
queries expect. Every figure eval-ingest prints for it must be 1.000; the
test in tests/corpus/CMakeLists.txt asserts that. Two spoiled variants check
that the merge figures can fall: ORACLE_LINKING=singletons gives every
mention a node of its own (merge recall 0), ORACLE_LINKING=one puts every
mention of a document type family into one node (precision drops),
ORACLE_FAIL=1 exits 3 on every call. It is not
an extractor and proves nothing about one.
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_lib as cl  # noqa: E402


def emit(r):
    print(json.dumps(r, ensure_ascii=False))


def from_gold(path, gold, doc):
    rows = cl.load_jsonl(gold)
    ids = {}
    has_document = False
    for r in rows:
        if r.get("kind") == "node" and not r.get("optional"):
            # (A Document may share its name with its own measure, listed after
            # it: edges by that name then mean the measure, as in score.py.)
            ids[r["name"]] = doc if r["type"] == "Document" else f"{r['type']}:{r['name']}"
            has_document |= r["type"] == "Document"
            emit({"kind": "node", "id": ids[r["name"]], "type": r["type"], "name": r["name"],
                  "aliases": r.get("aliases", []), "source": {"document": doc, "rule": "oracle"}})
    if not has_document:
        emit({"kind": "node", "id": doc, "type": "Document", "name": os.path.basename(path)})
    for r in rows:
        if r.get("kind") == "edge" and not r.get("optional") and r["from"] in ids and r["to"] in ids:
            emit({"kind": "edge", "type": r["type"], "from": ids[r["from"]], "to": ids[r["to"]]})


def from_linking(path, doc):
    expected = os.path.join(os.path.dirname(path), "expected.jsonl")
    rows = cl.load_jsonl(expected)
    name = os.path.basename(path)
    with open(path, "rb") as f:
        raw = f.read()
    emit({"kind": "node", "id": doc, "type": "Document", "name": name})
    for c in rows:
        if c.get("kind") == "query":
            continue
        spans = []
        for m in c["mentions"]:
            if m["doc"] != name:
                continue
            needle = m["text"].encode(cl.encoding_of(path))
            b = raw.find(needle)
            spans.append({"document": doc, "span": [b, b + len(needle)], "rule": "oracle"})
        mode = os.environ.get("ORACLE_LINKING", "")
        texts = [m["text"] for m in c["mentions"] if m["doc"] == name]
        if spans and mode == "singletons":
            for t, s in zip(texts, spans):
                emit({"kind": "node", "id": f"{name}:{t}", "type": c["type"], "name": t, "source": s})
        elif spans:
            key = "one:" + c["type"] if mode == "one" else "cluster:" + c["cluster"]
            emit({"kind": "node", "id": key, "type": c["type"], "name": c["cluster"],
                  "aliases": texts, "source": spans})
    targets = {}
    for c in rows:
        if c.get("kind") != "query":
            for m in c["mentions"]:
                targets.setdefault(m["text"], c["cluster"])
            targets[c["cluster"]] = c["cluster"]
    for q in rows:
        if q.get("kind") == "query" and q.get("question") == "implementing measures":
            target = targets[q["target"]]
            here = {c["cluster"] for c in rows if c.get("kind") != "query"
                    and any(m["doc"] == name for m in c["mentions"])}
            for a in q["answers"]:
                home = next((c.get("home") for c in rows if c.get("cluster") == a), None)
                # a measure implements the target in its own text, or, when
                # its text is not in the set, where both are named
                if home == name or (home is None and a in here and target in here):
                    emit({"kind": "edge", "type": "IMPLEMENTS", "from": "cluster:" + a,
                          "to": "cluster:" + target})


def main():
    if len(sys.argv) < 3 or sys.argv[1] != "extract":
        sys.exit(__doc__)
    if os.environ.get("ORACLE_FAIL"):  # stands in for an extractor that fails
        print("oracle: failing on purpose (ORACLE_FAIL)", file=sys.stderr)
        sys.exit(3)
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            doc = "doc:" + hashlib.sha1(f.read()).hexdigest()[:16]
        gold = path[: -len(".txt")] + ".gold.jsonl"
        if os.path.exists(gold):
            from_gold(path, gold, doc)
        elif os.path.basename(os.path.dirname(os.path.abspath(path))) == "linking":
            from_linking(path, doc)
        else:
            emit({"kind": "node", "id": doc, "type": "Document", "name": os.path.basename(path)})


if __name__ == "__main__":
    main()
