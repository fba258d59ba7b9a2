"""Scores cross-document linking (issue 7) against tests/corpus/linking/expected.jsonl.

Role: given the statements an extractor printed for the linking documents,
decide which extracted node each expected mention became, then report
  - merge precision / recall / F1 over pairs of mentions (two mentions are a
    predicted pair when they became the same node id, a gold pair when they
    sit in the same expected cluster);
  - how many mentions found a node at all;
  - the cross-document queries ("documents mentioning X", "implementing
    measures" of a cited policy).
Interface: Statements (merges lines by id), evaluate(expected_path, joint,
solo_by_doc) -> dict. How a mention is matched to a node is documented in
docs/evaluation.md and in match_mention below.

It does not run the extractor (scripts/eval-ingest does) and knows nothing of
its rules. Tested by the oracle run in tests/corpus/CMakeLists.txt.
"""
import json
import os
from itertools import combinations

import corpus_lib as cl

FAMILY = {"Initiative": "Measure", "Fund": "Measure", "Platform": "Measure", "Pilot": "Measure",
          "Policy": "Measure", "Agency": "Actor", "Enterprise": "Actor", "TargetGroup": "Actor"}
MIN_SPAN_JACCARD = 0.3  # a span-matched node must cover at least this much of the mention


class Statements:
    """Node and edge statements of one extractor run, merged by node id as
    the loader does (docs/statements.md): aliases and sources unioned."""

    def __init__(self, lines):
        self.nodes, self.edges, self.bad_lines = {}, [], 0
        for line in lines:
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                self.bad_lines += 1
                continue
            if not isinstance(r, dict):
                self.bad_lines += 1
            elif r.get("kind") == "node" and r.get("id") is not None:
                n = self.nodes.setdefault(r["id"], {"id": r["id"], "type": r.get("type"), "names": set(),
                                                    "sources": []})
                props = r.get("props") if isinstance(r.get("props"), dict) else {}
                # a 文号 or title is a name of the item too (schema: doc_number, title)
                n["names"].update(x for x in [r.get("name"), r.get("name_en"), props.get("doc_number"),
                                              props.get("title")] + list(r.get("aliases") or [])
                                  if isinstance(x, str) and x)
                if r.get("name") and "name" not in n:
                    n["name"] = r["name"]
                src = r.get("source") or []
                n["sources"].extend(s for s in (src if isinstance(src, list) else [src]) if isinstance(s, dict))
            elif r.get("kind") == "edge":
                self.edges.append((r.get("from"), r.get("type"), r.get("to")))

    def document_ids(self):
        return {i for i, n in self.nodes.items() if n["type"] == "Document"}


def _norm(s):
    return cl.normalise(cl.to_simplified(s))


def _family(t):
    return FAMILY.get(t, t)


def _occurrences(raw, text, longer, encoding="utf-8"):
    """Byte spans of `text` in `raw` (the file's own bytes, in its encoding:
    provenance spans point into the original file) that do not lie inside a
    span of a longer listed mention of the same document."""
    try:
        needle = text.encode(encoding)
    except UnicodeEncodeError:
        return []
    out, start = [], raw.find(needle)
    while start >= 0:
        span = (start, start + len(needle))
        if not any(b <= span[0] and span[1] <= e and (e - b) > len(needle) for b, e in longer):
            out.append(span)
        start = raw.find(needle, start + 1)
    return out


def _jaccard(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_mention(text, ctype, spans, candidates, doc_ids):
    """The node id a mention became, or None. Only candidates of the
    cluster's type family count (Measure: Initiative, Fund, Platform, Pilot,
    Policy; Actor: Agency, Enterprise, TargetGroup; other types alone): a
    fund mention that lies inside an Industry node's span did not "become"
    that Industry. In order:
    1. span: a node whose provenance span in this document overlaps an
       occurrence of the mention (Jaccard of byte ranges >= 0.3), best
       overlap first, the cluster's exact type breaking ties;
    2. name: a node whose name or alias equals the mention after
       Traditional→Simplified and score.py's normalisation;
    3. near: a node whose name nearly agrees (score.py's `near`: containment
       ≥ 0.5 of length, or bigram Dice ≥ 0.6).
    Candidates are the nodes the run attributes to this document."""
    candidates = [n for n in candidates if _family(n["type"]) == _family(ctype)]
    best, best_score = None, 0.0
    for n in candidates:
        for s in n["sources"]:
            if s.get("document") not in doc_ids or not isinstance(s.get("span"), list) or len(s["span"]) != 2:
                continue
            try:
                span = (int(s["span"][0]), int(s["span"][1]))
            except (TypeError, ValueError):
                continue
            j = max((_jaccard(span, o) for o in spans), default=0.0)
            if j < MIN_SPAN_JACCARD:
                continue
            score = j + (0.01 if n["type"] == ctype else 0.0)
            if score > best_score:
                best, best_score = n["id"], score
    if best:
        return best, "span"
    want = _norm(text)
    for n in candidates:
        if want in {_norm(x) for x in n["names"]}:
            return n["id"], "name"
    for n in candidates:
        if any(_near(want, _norm(x)) for x in n["names"]):
            return n["id"], "near"
    return None, None


def _near(a, b):
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b)) >= 0.5
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y)) >= 0.6


def _prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(expected_path, joint, solo_by_doc):
    """joint: Statements of the run over all linking documents together;
    solo_by_doc: {file name: Statements of that document alone} (used to
    learn each document's Document id, and as the fallback attribution when
    the joint run carries no provenance)."""
    folder = os.path.dirname(expected_path)
    rows = cl.load_jsonl(expected_path)
    clusters = [r for r in rows if r.get("kind", "cluster") != "query"]
    queries = [r for r in rows if r.get("kind") == "query"]
    raw = {}
    for c in clusters:
        for m in c["mentions"]:
            if m["doc"] not in raw:
                with open(os.path.join(folder, m["doc"]), "rb") as f:
                    raw[m["doc"]] = f.read()
    # Which node ids belong to which document.
    joint_docs = joint.document_ids()
    doc_ids = {}
    for doc, solo in solo_by_doc.items():
        ids = solo.document_ids() & joint_docs
        if not ids:  # ids differ between runs: match Document nodes by name
            names = {_norm(x) for i in solo.document_ids() for x in solo.nodes[i]["names"]}
            ids = {i for i in joint_docs if names & {_norm(x) for x in joint.nodes[i]["names"]}}
        doc_ids[doc] = ids
    has_sources = any(n["sources"] for n in joint.nodes.values())

    def attributed(doc):
        ids = doc_ids.get(doc, set())
        if has_sources:
            out = {n["id"] for n in joint.nodes.values() if any(s.get("document") in ids for s in n["sources"])}
        else:
            out = set(solo_by_doc.get(doc, Statements([])).nodes) & set(joint.nodes)
        out |= {b for a, t, b in joint.edges if t == "MENTIONS" and a in ids and b in joint.nodes}
        return out

    attributed_by_doc = {doc: attributed(doc) for doc in raw}
    # One uconv call converts every name this evaluation will compare.
    cl.to_simplified_many([x for n in joint.nodes.values() for x in n["names"]] +
                          [x for s in solo_by_doc.values() for n in s.nodes.values() for x in n["names"]] +
                          [m["text"] for c in clusters for m in c["mentions"]])
    # Mentions -> nodes.
    mentions, how = [], {"span": 0, "name": 0, "near": 0}
    for ci, c in enumerate(clusters):
        for m in c["mentions"]:
            doc = m["doc"]
            longer = [o for c2 in clusters for m2 in c2["mentions"] if m2["doc"] == doc and len(m2["text"]) > len(m["text"])
                      for o in _occurrences(raw[doc], m2["text"], [], cl.encoding_of(doc))]
            spans = _occurrences(raw[doc], m["text"], longer, cl.encoding_of(doc))
            cands = [joint.nodes[i] for i in sorted(attributed_by_doc[doc])]
            node, way = match_mention(m["text"], c["type"], spans, cands, doc_ids.get(doc, set()))
            if way:
                how[way] += 1
            mentions.append((ci, doc, m["text"], node))
    gold_pairs = {(a, b) for a, b in combinations(range(len(mentions)), 2) if mentions[a][0] == mentions[b][0]}
    pred_pairs = {(a, b) for a, b in combinations(range(len(mentions)), 2)
                  if mentions[a][3] is not None and mentions[a][3] == mentions[b][3]}
    p, r, f = _prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    # The node a cluster became: the one most of its mentions map to.
    cluster_node = {}
    for ci in range(len(clusters)):
        got = [m[3] for m in mentions if m[0] == ci and m[3] is not None]
        cluster_node[ci] = max(set(got), key=got.count) if got else None
    query_results = [_answer(q, clusters, mentions, cluster_node, joint, doc_ids, attributed_by_doc) for q in queries]
    shown = [f"{doc}:'{text}' -> {node or 'no node'}   (cluster {clusters[ci]['cluster']})"
             for ci, doc, text, node in mentions]
    # Per cluster: how many nodes its mentions became, and which other
    # clusters' mentions share those nodes (wrong merges).
    for ci, c in enumerate(clusters):
        nodes = {m[3] for m in mentions if m[0] == ci and m[3] is not None}
        n = sum(1 for m in mentions if m[0] == ci)
        foreign = sorted({clusters[m[0]]["cluster"] for m in mentions if m[0] != ci and m[3] in nodes})
        shown.append(f"cluster {c['cluster']}: {n} mentions -> {len(nodes)} node(s), "
                     f"{n - sum(1 for m in mentions if m[0] == ci and m[3])} unmatched"
                     + (f"; merged with {', '.join(foreign)}" if foreign else ""))
    return {"merge_precision": p, "merge_recall": r, "merge_f1": f,
            "mentions": len(mentions), "matched": sum(1 for m in mentions if m[3]), "how": how,
            "gold_pairs": len(gold_pairs), "pred_pairs": len(pred_pairs),
            "queries": query_results, "clusters": len(clusters), "bad_lines": joint.bad_lines,
            "mention_nodes": shown}


def _cluster_index(clusters, target):
    for i, c in enumerate(clusters):
        if c["cluster"] == target or any(m["text"] == target for m in c["mentions"]):
            return i
    return None


def _answer(q, clusters, mentions, cluster_node, joint, doc_ids, attributed_by_doc):
    ti = _cluster_index(clusters, q.get("target"))
    node = cluster_node.get(ti) if ti is not None else None
    want = set(q.get("answers", []))
    got = set()
    if node is not None and q.get("question") == "documents mentioning":
        got = {doc for doc, ids in attributed_by_doc.items() if node in ids}
    elif node is not None and q.get("question") == "implementing measures":
        back = {}
        for a, t, b in joint.edges:
            if t == "IMPLEMENTS":
                back.setdefault(b, set()).add(a)
        seen, todo = set(), [node]
        while todo:  # explicit stack: IMPLEMENTS chains, transitively
            for a in back.get(todo.pop(), ()):
                if a not in seen:
                    seen.add(a)
                    todo.append(a)
        for ai, c in enumerate(clusters):
            if ai == ti:
                continue
            home = doc_ids.get(c.get("home"), set())
            if (cluster_node.get(ai) is not None and cluster_node[ai] in seen) or home & seen:
                got.add(c["cluster"])
    hit = len(got & want)
    return {"question": q.get("question"), "target": q.get("target"),
            "recall": hit / len(want) if want else 1.0,
            "precision": hit / len(got) if got else (1.0 if not want else 0.0),
            "missing": sorted(want - got), "extra": sorted(got - want)}
