"""Shared helpers for the held-out evaluation corpus (tests/corpus/).

Role: reading corpus documents and gold files the same way in every tool that
uses them: scripts/eval-ingest (scoring an extractor), tests/corpus/check_gold.py
(validating the gold itself). Interface: decode_document, encoding_of,
normalise, to_simplified, load_jsonl, supporters, corpus_documents.

It does not score anything (that is ../shared/eval/score.py) and it does not
know any extraction rule: the gold must stay independent of the extractor.
Tested through tests/corpus/CMakeLists.txt (check_gold.py and the oracle run
of scripts/eval-ingest).
"""
import json
import os
import re
import shutil
import subprocess
import unicodedata

CORPUS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(os.path.dirname(CORPUS_DIR))
SCHEMA_PATH = os.path.join(REPO_DIR, "data", "schema.json")

# The same quote set as ../shared/eval/score.py: names differ only by these.
QUOTES = "“”‘’「」『』《》\"'〈〉"
CONTRIBUTES = {"SUPPORTS", "PART_OF", "FUNDS", "IMPLEMENTS"}
MEASURE_TYPES = {"Initiative", "Fund", "Platform", "Pilot", "Policy"}

# Inline pinyin left by scrapers after a Traditional character: 產(chǎn).
# Only lower-case Latin with tone marks inside ASCII or full-width brackets.
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}[)）]")


def encoding_of(path):
    """The declared encoding of a corpus file: by name suffix, else UTF-8.

    Files named *_gb18030.txt are GB18030, *_big5.txt are Big5; the gold
    beside them is always UTF-8.
    """
    base = os.path.basename(path)
    if base.endswith("_gb18030.txt"):
        return "gb18030"
    if base.endswith("_big5.txt"):
        return "big5"
    return "utf-8"


def decode_document(path):
    """Returns the text of a corpus document as a str (raises on bad bytes)."""
    with open(path, "rb") as f:
        raw = f.read()
    return raw.decode(encoding_of(path))


_SIMPLIFIED = {}


def to_simplified_many(texts):
    """Traditional → Simplified for many strings in one call of ICU's uconv
    (Hant-Hans); results are cached. Strings come back unchanged when uconv is
    not installed (the caller then compares Traditional as is)."""
    todo = sorted({t for t in texts if t and t not in _SIMPLIFIED and "\n" not in t})
    if todo and shutil.which("uconv") is not None:
        out = subprocess.run(["uconv", "-x", "Hant-Hans"], input="\n".join(todo).encode("utf-8"),
                             stdout=subprocess.PIPE, check=True).stdout.decode("utf-8").split("\n")
        if len(out) == len(todo):
            _SIMPLIFIED.update(zip(todo, out))
    return [_SIMPLIFIED.get(t, t) if "\n" not in (t or "") else _one_simplified(t) for t in texts]


def _one_simplified(text):
    if shutil.which("uconv") is None:
        return text
    return subprocess.run(["uconv", "-x", "Hant-Hans"], input=text.encode("utf-8"),
                          stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")


def to_simplified(text):
    """to_simplified_many for one string."""
    return to_simplified_many([text])[0]


def strip_pinyin(text):
    return _PINYIN.sub("", text)


def normalise(s):
    """score.py's normalisation: NFKC, quotes and white space removed, lower."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if c not in QUOTES and not c.isspace()).lower()


def load_jsonl(path):
    """Rows of a JSON Lines file; raises ValueError naming the line."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{i}: not JSON: {e}") from None
    return rows


def supporters(gold_rows, target, include_optional=False):
    """Measures from which `target` is reached over contributing edges
    (ontology: "which measures support X"), walking the gold graph backwards
    with an explicit stack. Optional nodes and edges are left out unless
    include_optional."""
    nodes = {r["name"]: r for r in gold_rows if r.get("kind") == "node"
             and (include_optional or not r.get("optional"))}
    back = {}
    for r in gold_rows:
        if r.get("kind") != "edge" or r.get("type") not in CONTRIBUTES:
            continue
        if r.get("optional") and not include_optional:
            continue
        if r["from"] in nodes and r["to"] in nodes:
            back.setdefault(r["to"], set()).add(r["from"])
    seen, todo = set(), [target]
    while todo:
        for a in back.get(todo.pop(), ()):
            if a not in seen:
                seen.add(a)
                todo.append(a)
    return {x for x in seen if nodes[x]["type"] in MEASURE_TYPES}


def corpus_documents(root=CORPUS_DIR):
    """(txt path, gold path, genre) for every document with a gold file,
    sorted; genre is the first folder under the corpus root."""
    out = []
    for dirpath, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".gold.jsonl"):
                continue
            gold = os.path.join(dirpath, name)
            txt = gold[: -len(".gold.jsonl")] + ".txt"
            rel = os.path.relpath(gold, root)
            genre = rel.split(os.sep)[0] if os.sep in rel else "-"
            out.append((txt, gold, genre))
    return sorted(out)
