#!/usr/bin/env python3
"""Validates the gold annotations of the evaluation corpus.

usage: check_gold.py [--fill] [GOLD.jsonl ...]   (default: every gold file
under tests/corpus/);  check_gold.py --table prints the corpus table of
docs/evaluation.md

Role: keeps the yardstick honest. For each NAME.gold.jsonl beside NAME.txt it
checks that
  - every line is JSON of kind node / edge / query, nodes of a concrete type
    of data/schema.json, names unique, no name or alias shared by two nodes
    of one type (the scorer could not tell them apart);
  - every edge joins existing node names with endpoint types the schema
    allows (type or an ancestor listed, and the schema's "pairs" when given);
    edges score.py does not score (APPLIES_IN, MENTIONS, RELATED_TO) are
    optional, since score.py counts non-optional gold ones as misses;
  - every non-optional node except Indicators (whose names are composed) has
    its name or an alias in the document text, after decoding its encoding,
    removing inline pinyin, Traditional → Simplified and score.py's
    normalisation: the gold names what the text says;
  - each Indicator's value is a number of the text, read as is or in 万 / 亿 /
    万亿 (catches slips such as 1.38万亿 → 1.38e13); a fund's size is a number
    of the text and its CNY figure agrees with its unit;
  - each query's answers equal "the measures that support the target" over
    the non-optional gold graph (--fill writes them in);
  - the document has 800–4000 characters and the gold 15–60 nodes.
It also checks tests/corpus/linking/expected.jsonl: every mention text occurs
in its document, no mention sits in two clusters, query answers name known
clusters or documents. It does not look at any extractor output.
Exit 0 when all is well, 1 with one line per problem otherwise.
"""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_lib as cl  # noqa: E402


# score.py drops these from predictions but not from gold: non-optional gold
# edges of these types would count as misses for every extractor.
UNSCORED_EDGES = {"MENTIONS", "APPLIES_IN", "RELATED_TO"}


def load_schema():
    with open(cl.SCHEMA_PATH, encoding="utf-8") as f:
        schema = json.load(f)
    parent = {t["name"]: t.get("parent") for t in schema["node_types"]}
    concrete = {t["name"] for t in schema["node_types"] if not t.get("abstract")}
    edges = {e["name"]: e for e in schema["edge_types"]}
    return parent, concrete, edges


def lineage(t, parent):
    out = []
    while t:
        out.append(t)
        t = parent.get(t)
    return out


def edge_allowed(spec, ft, tt, parent):
    def ok(t, allowed):
        return "*" in allowed or any(a in allowed for a in lineage(t, parent))
    if not (ok(ft, spec["from"]) and ok(tt, spec["to"])):
        return False
    pairs = spec.get("pairs")
    return not pairs or any(ok(ft, [a]) and ok(tt, [b]) for a, b in pairs)


def doc_text_normalised(txt_path):
    text = cl.decode_document(txt_path)
    return text, cl.normalise(cl.to_simplified(cl.strip_pinyin(text)))


def check_gold(gold_path, schema, fill):
    parent, concrete, edges = schema
    problems = []
    rows = cl.load_jsonl(gold_path)
    txt_path = gold_path[: -len(".gold.jsonl")] + ".txt"
    nodes, seen_names = {}, {}
    for r in rows:
        kind = r.get("kind")
        if kind == "node":
            t, name = r.get("type"), r.get("name")
            if t not in concrete:
                problems.append(f"node {name}: type {t} is not a concrete schema type")
            if not name:
                problems.append(f"node without a name: {r}")
                continue
            # A page whose title is the measure itself (a 条例 or 办法 published
            # on its own) names its Document and its own measure alike: allowed
            # when the Document comes first, so that edges by that name (and
            # score.py, whose name index keeps the last node) mean the measure.
            own_measure = name in nodes and nodes[name].get("type") == "Document" and t != "Document"
            if name in nodes and not own_measure:
                problems.append(f"node {name}: named twice")
            nodes[name] = r
            for n in {cl.normalise(name)} | {cl.normalise(a) for a in r.get("aliases", [])}:
                key = (t, n)
                # Indicators of one subject for two periods may share a short alias.
                if t != "Indicator" and key in seen_names and seen_names[key] != name:
                    problems.append(f"node {name}: name/alias '{n}' also belongs to {seen_names[key]}")
                seen_names[key] = name
        elif kind not in ("edge", "query"):
            problems.append(f"unknown kind: {r}")
    for r in rows:
        if r.get("kind") != "edge":
            continue
        a, b, t = r.get("from"), r.get("to"), r.get("type")
        if a not in nodes or b not in nodes:
            problems.append(f"edge {a} -{t}-> {b}: endpoint is not a gold node")
            continue
        if t not in edges:
            problems.append(f"edge {a} -{t}-> {b}: unknown edge type")
        elif not edge_allowed(edges[t], nodes[a]["type"], nodes[b]["type"], parent):
            problems.append(f"edge {a} -{t}-> {b}: {nodes[a]['type']} -> {nodes[b]['type']} not allowed")
        if t in UNSCORED_EDGES and not r.get("optional"):
            problems.append(f"edge {a} -{t}-> {b}: score.py never predicts {t}, so gold must mark it optional")
        if nodes[a].get("optional") or nodes[b].get("optional"):
            if not r.get("optional"):
                problems.append(f"edge {a} -{t}-> {b}: touches an optional node, so must be optional")
    changed = False
    for r in rows:
        if r.get("kind") != "query":
            continue
        if r.get("target") not in nodes:
            problems.append(f"query target {r.get('target')} is not a gold node")
            continue
        want = sorted(cl.supporters(rows, r["target"]))
        if sorted(r.get("answers", [])) != want:
            if fill:
                r["answers"] = want
                changed = True
            else:
                problems.append(f"query {r['target']}: answers {sorted(r.get('answers', []))} "
                                f"but the gold graph gives {want}")
        if not want:
            problems.append(f"query {r['target']}: no measure supports it in the gold graph")
    if changed:
        with open(gold_path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    if not os.path.exists(txt_path):
        problems.append(f"no document {txt_path}")
        return problems
    try:
        raw, norm_text = doc_text_normalised(txt_path)
    except UnicodeDecodeError as e:
        problems.append(f"{txt_path}: does not decode as {cl.encoding_of(txt_path)}: {e}")
        return problems
    cl.to_simplified_many([f for r in nodes.values() for f in [r["name"]] + list(r.get("aliases", []))])
    for name, r in nodes.items():
        if r.get("optional") or r["type"] == "Indicator" or not HAVE_UCONV:
            continue
        forms = [name] + list(r.get("aliases", []))
        if not any(cl.normalise(cl.to_simplified(f)) in norm_text for f in forms):
            problems.append(f"node {r['type']} {name}: neither name nor alias occurs in the text")
    numbers = {float(x) for x in re.findall(r"\d+(?:\.\d+)?", raw)}
    for name, r in nodes.items():
        value = (r.get("props") or {}).get("value")
        if r["type"] != "Indicator" or not isinstance(value, (int, float)):
            continue
        # as written: the number itself, or in 万 / 亿 / 万亿 (500亿元 → 5.0e10)
        if not any(abs(value / k - n) <= 1e-9 * max(1.0, n) for k in (1, 1e4, 1e8, 1e12) for n in numbers):
            problems.append(f"indicator {name}: value {value} is not a number of the text (in 1, 万, 亿, 万亿)")
    scale = {"元": 1, "万元": 1e4, "亿元": 1e8, "万亿元": 1e12}
    for name, r in nodes.items():
        size = (r.get("props") or {}).get("size")
        if r["type"] != "Fund" or not isinstance(size, dict):
            continue
        if size.get("value") not in numbers:
            problems.append(f"fund {name}: size {size.get('value')} is not a number of the text")
        if "cny" in size and size.get("unit") in scale and size["cny"] != size["value"] * scale[size["unit"]]:
            problems.append(f"fund {name}: {size['value']} {size['unit']} is not {size['cny']} CNY")
        if "size_cny" in r["props"] and r["props"]["size_cny"] != size.get("cny"):
            problems.append(f"fund {name}: size_cny {r['props']['size_cny']} differs from size.cny")
    if not 800 <= len(raw) <= 4000:
        problems.append(f"document has {len(raw)} characters (want 800–4000)")
    if not 15 <= len(nodes) <= 60:
        problems.append(f"gold has {len(nodes)} nodes (want 15–60)")
    # A text that names no measure (a statistical bulletin: indicators only)
    # has nothing a "which measures support X" query could return.
    measures = {"Fund", "Platform", "Pilot", "Initiative", "Policy"}
    names_measures = any(r.get("kind") == "node" and r.get("type") in measures and not r.get("optional") for r in rows)
    if names_measures and not any(r.get("kind") == "query" for r in rows):
        problems.append("gold has no query line")
    return problems


def check_linking(path):
    problems = []
    folder = os.path.dirname(path)
    rows = cl.load_jsonl(path)
    texts = {}
    owner, clusters = {}, set()
    for r in rows:
        if r.get("kind", "cluster") == "query":
            continue
        name = r.get("cluster")
        if not name or not r.get("type") or not r.get("mentions"):
            problems.append(f"cluster line lacks cluster/type/mentions: {r}")
            continue
        if name in clusters:
            problems.append(f"cluster {name}: listed twice")
        clusters.add(name)
        for m in r["mentions"]:
            doc, text = m.get("doc"), m.get("text")
            if doc not in texts:
                p = os.path.join(folder, doc or "")
                if not os.path.isfile(p):
                    problems.append(f"cluster {name}: no document {doc}")
                    continue
                texts[doc] = cl.decode_document(p)
            if not text or text not in texts[doc]:
                problems.append(f"cluster {name}: '{text}' does not occur in {doc}")
            key = (doc, text)
            if key in owner and owner[key] != name:
                problems.append(f"mention {doc}:'{text}' is in clusters {owner[key]} and {name}")
            owner[key] = name
    docs = {f for f in os.listdir(folder) if f.endswith(".txt")}
    texts_seen = {text for (_, text) in owner}
    for r in rows:
        if r.get("kind") != "query":
            continue
        if r.get("target") not in clusters and r.get("target") not in texts_seen:
            problems.append(f"query target {r.get('target')} is neither a cluster nor a mention")
        for a in r.get("answers", []):
            if a not in clusters and a not in docs:
                problems.append(f"query {r.get('target')}: answer {a} is neither a cluster nor a document")
    if len(docs) < 8:
        problems.append(f"linking set has {len(docs)} documents (want at least 8)")
    return problems


HAVE_UCONV = shutil.which("uconv") is not None


def print_table():
    """The corpus table of docs/evaluation.md, from the files themselves."""
    names = {"utf-8": "UTF-8", "gb18030": "GB18030", "big5": "Big5"}
    print("| genre | file | encoding | chars | nodes | edges | queries |\n|---|---|---|---|---|---|---|")
    for txt, gold, genre in cl.corpus_documents():
        rows = cl.load_jsonl(gold)
        with open(txt, "rb") as f:
            bom = f.read(3) == b"\xef\xbb\xbf"
        count = {k: [sum(1 for r in rows if r["kind"] == k and not r.get("optional")),
                     sum(1 for r in rows if r["kind"] == k and r.get("optional"))] for k in ("node", "edge")}
        enc = names[cl.encoding_of(txt)] + (" (BOM, CRLF)" if bom else "")
        print(f"| {genre} | `{os.path.relpath(txt, cl.CORPUS_DIR)}` | {enc} | {len(cl.decode_document(txt))} | "
              f"{count['node'][0]} + {count['node'][1]} | {count['edge'][0]} + {count['edge'][1]} | "
              f"{sum(1 for r in rows if r['kind'] == 'query')} |")


def main():
    if "--table" in sys.argv:
        print_table()
        return 0
    if not HAVE_UCONV:
        print("check_gold: uconv (Debian icu-devtools) not found: names are not checked against the texts")
    fill = "--fill" in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    golds = args or [g for _, g, _ in cl.corpus_documents()]
    schema = load_schema()
    bad = 0
    for g in golds:
        for p in check_gold(g, schema, fill):
            print(f"{os.path.relpath(g, cl.CORPUS_DIR)}: {p}")
            bad += 1
    linking = os.path.join(cl.CORPUS_DIR, "linking", "expected.jsonl")
    if not args and os.path.exists(linking):
        for p in check_linking(linking):
            print(f"linking/expected.jsonl: {p}")
            bad += 1
    print(f"check_gold: {len(golds)} gold files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
