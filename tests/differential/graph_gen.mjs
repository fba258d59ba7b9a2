// The differential test's graph: a seeded, reproducible policy graph of about
// 2,000 nodes and 3,700 edges (tests/differential/).
//
// generateGraph(seed, shape) returns plain objects: nodes {id, type, name, count?,
// value?, instrument?} and edges {type, from, to, confidence?}. Every edge
// respects data/schema.json's endpoint rules, so `policykg load` accepts the
// file; targets are picked with a power law so a few hubs have many edges,
// and cycles (Goal PART_OF Goal, SUPPORTS both ways) exist, which is where
// trail semantics matters. writePolicyKg writes the statements (graph.jsonl),
// writeKuzuCsv the CSV files of the Kuzu peer layout (one Node table with
// id, type, name and the optional properties; one rel table per edge type).
//
// Deliberately absent: aliases and English names (PolicyKG's `{name: X}`
// also matches those, Kuzu's does not), names equal after NormalizeName, self
// loops and duplicate edges; docs/differential-testing.md says why.
// Tested in unit_test.mjs.
import fs from "node:fs";
import path from "node:path";
import { Rng } from "./rng.mjs";

const MEASURES = ["Initiative", "Fund", "Platform", "Pilot", "Policy"];
const ACTORS = ["Agency", "Enterprise"];
// type -> [how many, Chinese word used in names]
const NODE_TYPES = {
  Goal: [150, "目标"], Initiative: [240, "行动"], Fund: [110, "基金"],
  Platform: [140, "平台"], Pilot: [110, "试点"], Policy: [140, "政策"],
  Industry: [240, "产业"], Region: [140, "地区"], Agency: [140, "机构"],
  Enterprise: [40, "企业"], TargetGroup: [80, "群体"], Document: [200, "文件"],
  Indicator: [230, "指标"], Achievement: [40, "成果"],
};
const TOPICS = ["智能", "绿色", "数字", "新型", "低空", "集成电路", "AI+", "氢能", "海洋", "生物"];
export const INSTRUMENTS = ["talent", "funding", "finance", "tax", "regulation", "demonstration"];
const ALL = Object.keys(NODE_TYPES);
// edge type -> [how many, from types, to types] (or pairs), as data/schema.json allows.
const EDGE_TYPES = {
  SUPPORTS: [900, [...MEASURES, "Goal"], ["Goal", ...MEASURES, "Industry"]],
  PART_OF: [500, null, null, [[MEASURES, MEASURES], [MEASURES, ["Goal"]], [["Goal"], ["Goal"]], [["Industry"], ["Industry"]]]],
  FUNDS: [250, ["Fund"], ["Industry", ...MEASURES, "Goal", "TargetGroup"]],
  TARGETS: [200, MEASURES, ["TargetGroup", "Industry", ...ACTORS]],
  RESPONSIBLE: [200, [...ACTORS, "TargetGroup"], [...MEASURES, "Goal"]],
  ISSUED: [250, ACTORS, ["Document", "Policy"]],
  APPLIES_IN: [350, [...MEASURES, "Indicator", "Goal"], ["Region"]],
  MEASURES: [230, ["Indicator"], ["Industry", "Region", "Goal", ...MEASURES, "TargetGroup"]],
  ACHIEVED_IN: [40, ["Achievement"], ["Industry"]],
  IMPLEMENTS: [200, [...MEASURES, "Document", "Goal"], [...MEASURES, "Document", "Goal"]],
  MENTIONS: [500, ["Document"], ALL],
  RELATED_TO: [100, ALL, ALL],
};
export const EDGE_TYPE_NAMES = Object.keys(EDGE_TYPES);

// shape: "sparse" (the default: 2,000 nodes, 3,720 edges, a few hubs) or
// "dense" (about 100 nodes and 800 edges: every node on many short cycles,
// pairs joined by edges of several types, where trail semantics, reach mode
// and relationship uniqueness are most often decisive).
export function generateGraph(seed, shape = "sparse") {
  const rnd = new Rng(seed);
  const dense = shape === "dense";
  if (!dense && shape !== "sparse") throw new Error(`graph_gen: unknown shape ${shape}`);
  const nodeCount = (n) => (dense ? Math.max(3, Math.round(n / 20)) : n);
  const edgeCount = (n) => (dense ? Math.round(n / 5) : n);
  const nodes = [];
  const byType = new Map();
  for (const [type, [n, word]] of Object.entries(NODE_TYPES)) {
    const list = [];
    for (let k = 0; k < nodeCount(n); k++) {
      const node = { id: `n${nodes.length}`, type, name: `${rnd.pick(TOPICS)}${word}${k}` };
      if (MEASURES.includes(type)) {
        if (rnd.chance(0.6)) node.count = rnd.int(0, 12);
        if (rnd.chance(0.5)) node.instrument = rnd.pick(INSTRUMENTS);
      }
      if (type === "Indicator" && rnd.chance(0.8)) node.value = rnd.int(0, 40) / 4;
      nodes.push(node);
      list.push(node.id);
    }
    byType.set(type, rnd.sample(list, list.length));  // hub order differs from id order
  }
  const pool = (types) => types.flatMap((t) => byType.get(t));
  const edges = [];
  const seen = new Set();
  for (const [type, [full, from, to, pairs]] of Object.entries(EDGE_TYPES)) {
    const n = edgeCount(full);
    const choices = pairs ? pairs.map(([f, t]) => [pool(f), pool(t)]) : [[pool(from), pool(to)]];
    for (let k = 0, tries = 0; k < n && tries < n * 20; tries++) {
      const [src, dst] = rnd.pick(choices);
      const a = rnd.pick(src);
      const b = dense ? rnd.pick(dst) : rnd.pickSkewed(dst);
      const key = `${a}|${type}|${b}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      const e = { type, from: a, to: b };
      if (rnd.chance(0.4)) e.confidence = rnd.int(1, 8) / 8;
      edges.push(e);
      k++;
    }
  }
  return { nodes, edges };
}

// graph.jsonl in the statement format of docs/statements.md.
export function writePolicyKg(graph, file) {
  const lines = [];
  for (const n of graph.nodes) {
    const props = {};
    for (const p of ["count", "value", "instrument"]) if (p in n) props[p] = n[p];
    const s = { kind: "node", id: n.id, type: n.type, name: n.name };
    if (Object.keys(props).length) s.props = props;
    lines.push(JSON.stringify(s));
  }
  for (const e of graph.edges) {
    const s = { kind: "edge", type: e.type, from: e.from, to: e.to };
    if ("confidence" in e) s.props = { confidence: e.confidence };
    lines.push(JSON.stringify(s));
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

function csvField(v) {
  if (v === undefined || v === null) return "";  // Kuzu reads an empty field as null
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// nodes.csv (id, type, name, count, value, instrument) and edges_<TYPE>.csv
// (from, to, confidence). Returns the list of edge types written.
export function writeKuzuCsv(graph, dir) {
  const rows = graph.nodes.map((n) => [n.id, n.type, n.name, n.count, n.value, n.instrument].map(csvField).join(","));
  fs.writeFileSync(path.join(dir, "nodes.csv"), rows.join("\n") + "\n");
  const byType = new Map();
  for (const e of graph.edges) {
    if (!byType.has(e.type)) byType.set(e.type, []);
    byType.get(e.type).push([e.from, e.to, e.confidence].map(csvField).join(","));
  }
  for (const [t, r] of byType) fs.writeFileSync(path.join(dir, `edges_${t}.csv`), r.join("\n") + "\n");
  return [...byType.keys()];
}
