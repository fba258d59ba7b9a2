#!/usr/bin/env python3
"""Table tests for check_gold.py: each broken gold must be reported.

Role: the validator is the gold's only guard, so it is tested like code. Each
case writes a small document and a gold with one known defect into a temporary
folder and expects a problem line containing the given words; one clean case
expects no problem about its content. Run by CTest (corpus/check_gold_cases).
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_gold  # noqa: E402

TEXT = "测试文件\n" + "为推动集成电路产业发展,设立规模50亿元的上海市集成电路产业基金,由上海市经济和信息化委员会负责。" * 20

BASE = [
    {"kind": "node", "type": "Document", "name": "测试文件"},
    {"kind": "node", "type": "Fund", "name": "上海市集成电路产业基金",
     "props": {"size": {"value": 50, "unit": "亿元", "cny": 5.0e9}, "size_cny": 5.0e9}},
    {"kind": "node", "type": "Industry", "name": "集成电路产业"},
    {"kind": "node", "type": "Agency", "name": "上海市经济和信息化委员会"},
    {"kind": "node", "type": "Region", "name": "上海", "optional": True},
    {"kind": "edge", "type": "FUNDS", "from": "上海市集成电路产业基金", "to": "集成电路产业"},
    {"kind": "edge", "type": "RESPONSIBLE", "from": "上海市经济和信息化委员会", "to": "上海市集成电路产业基金"},
    {"kind": "query", "target": "集成电路产业", "answers": ["上海市集成电路产业基金"]},
]

# (case, rows to add, rows to drop by index, expected words or None for "no content problem")
CASES = [
    ("clean", [], [], None),
    ("edge to a missing node", [{"kind": "edge", "type": "SUPPORTS", "from": "上海市集成电路产业基金", "to": "不存在"}], [],
     "endpoint is not a gold node"),
    ("unknown node type", [{"kind": "node", "type": "Company", "name": "集成电路"}], [], "not a concrete schema type"),
    ("abstract node type", [{"kind": "node", "type": "Measure", "name": "集成电路"}], [], "not a concrete schema type"),
    ("FUNDS from an Agency", [{"kind": "edge", "type": "FUNDS", "from": "上海市经济和信息化委员会", "to": "集成电路产业"}], [],
     "not allowed"),
    ("APPLIES_IN not optional", [{"kind": "edge", "type": "APPLIES_IN", "from": "上海市集成电路产业基金", "to": "上海"}], [],
     "must mark it optional"),
    ("edge to an optional node not optional", [{"kind": "edge", "type": "TARGETS", "from": "上海市集成电路产业基金", "to": "上海"}], [],
     "must be optional"),
    ("name absent from the text", [{"kind": "node", "type": "Industry", "name": "生物医药"}], [], "neither name nor alias"),
    ("alias shared within a type", [{"kind": "node", "type": "Industry", "name": "集成电路", "aliases": ["集成电路产业"]}], [],
     "also belongs to"),
    ("node named twice", [{"kind": "node", "type": "Industry", "name": "集成电路产业"}], [], "named twice"),
    # A page whose title is its own measure (a 条例 published alone): the Document and the measure share the name.
    ("document and own measure share a name", [{"kind": "node", "type": "Policy", "name": "测试文件"}], [], None),
    ("two measures share a name", [{"kind": "node", "type": "Policy", "name": "上海市集成电路产业基金"}], [], "named twice"),
    ("indicator value read in 亿", [{"kind": "node", "type": "Indicator", "name": "基金规模", "props": {"value": 5.0e9}}], [],
     None),
    ("indicator value not in the text", [{"kind": "node", "type": "Indicator", "name": "基金规模", "props": {"value": 5.0e10}}],
     [], "is not a number of the text"),
    ("fund size in CNY disagrees with its unit",
     [{"kind": "node", "type": "Fund", "name": "集成电路基金", "props": {"size": {"value": 50, "unit": "亿元", "cny": 5.0e8}}}],
     [], "is not 500000000.0 CNY"),
    ("query answers disagree with the graph", [], [5], "the gold graph gives"),
    ("no query line", [], [7], "no query line"),
    # No measure (the fund dropped with its edges and the query): no query is owed.
    ("no measure, no query", [], [1, 5, 6, 7], None),
]


def run_case(rows):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "case.txt"), "w", encoding="utf-8") as f:
            f.write(TEXT)
        gold = os.path.join(d, "case.gold.jsonl")
        with open(gold, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return check_gold.check_gold(gold, check_gold.load_schema(), fill=False)


def main():
    failed = 0
    for name, add, drop, want in CASES:
        rows = [r for i, r in enumerate(BASE) if i not in drop] + add
        problems = [p for p in run_case(rows) if "nodes (want" not in p]  # the toy gold is small on purpose
        ok = not problems if want is None else any(want in p for p in problems)
        if not ok:
            failed += 1
            print(f"FAIL {name}: want {want!r}, got {problems}")
    print(f"check_gold_test: {len(CASES) - failed}/{len(CASES)} cases pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
