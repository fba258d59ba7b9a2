// Unit tests of the differential test's own parts (tests/differential/):
// the seeded generator, the schema labels, the graph generator, the Kuzu
// translation (a table of ASTs beside both texts) and the result comparison
// (a table of result pairs beside the verdict). Run: node --test tests/differential/unit_test.mjs
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Rng, querySeed } from "./rng.mjs";
import { loadLabels } from "./labels.mjs";
import { generateGraph } from "./graph_gen.mjs";
import { renderPolicyKg, renderKuzu, literal } from "./render.mjs";
import { compareResults } from "./compare.mjs";
import { QueryGen } from "./query_gen.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPath = path.join(here, "..", "..", "data", "schema.json");
const labels = loadLabels(schemaPath);

test("rng: a seed gives one sequence, ranges hold", () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const xs = Array.from({ length: 50 }, () => a.next());
  assert.deepEqual(xs, Array.from({ length: 50 }, () => b.next()));
  assert.notDeepEqual(xs, Array.from({ length: 50 }, () => c.next()));
  for (const [lo, hi] of [[0, 0], [1, 3], [-2, 2]]) {
    for (let i = 0; i < 200; i++) {
      const v = a.int(lo, hi);
      assert.ok(Number.isInteger(v) && v >= lo && v <= hi, `${v} in [${lo}, ${hi}]`);
    }
  }
  assert.notEqual(querySeed(1, 0), querySeed(1, 1));
  assert.notEqual(querySeed(1, 0), querySeed(2, 0));
});

test("labels: a label stands for its type and every descendant", () => {
  const cases = [
    ["Measure", ["Fund", "Initiative", "Pilot", "Platform", "Policy"]],
    ["Actor", ["Agency", "Enterprise"]],
    ["Fund", ["Fund"]],
    ["Goal", ["Goal"]],
  ];
  for (const [label, types] of cases) assert.deepEqual(labels.labels.get(label), types, label);
  assert.ok(!labels.concrete.includes("Measure"));
});

for (const [shape, minNodes, maxNodes, minDegree] of [["sparse", 1900, 2100, 1.5], ["dense", 90, 120, 10]]) test(`graph (${shape}): reproducible, no self loops or duplicates, endpoints the schema allows`, () => {
  const g = generateGraph(7, shape);
  assert.deepEqual(g, generateGraph(7, shape));
  assert.ok(g.nodes.length >= minNodes && g.nodes.length <= maxNodes, `${g.nodes.length} nodes`);
  assert.ok((2 * g.edges.length) / g.nodes.length >= minDegree, `mean degree ${(2 * g.edges.length) / g.nodes.length}`);
  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
  const type = new Map(g.nodes.map((n) => [n.id, n.type]));
  const admits = (list, t) => list.includes("*") || list.some((l) => labels.labels.get(l).includes(t));
  const seen = new Set();
  for (const e of g.edges) {
    const et = schema.edge_types.find((x) => x.name === e.type);
    const [ft, tt] = [type.get(e.from), type.get(e.to)];
    const ok = et.pairs ? et.pairs.some(([f, t]) => admits([f], ft) && admits([t], tt)) : admits(et.from, ft) && admits(et.to, tt);
    assert.ok(ok, `${ft} -[:${e.type}]-> ${tt}`);
    assert.notEqual(e.from, e.to);
    const key = `${e.from}|${e.type}|${e.to}`;
    assert.ok(!seen.has(key), key);
    seen.add(key);
  }
  assert.equal(new Set(g.nodes.map((n) => n.name)).size, g.nodes.length, "names are unique");
});

// A table: AST, PolicyKG text, Kuzu text.
const N = (v, extra = {}) => ({ v, labels: [], props: [], anon: false, ...extra });
const R = (v, extra = {}) => ({ v, types: [], dir: "->", range: null, props: [], anon: true, ...extra });
const prop = (v, p) => ({ k: "prop", v, p });
const lit = (v) => ({ k: "lit", v });
const renderCases = [
  {
    name: "label and property map; labels become type tests",
    ast: { matches: [{ chains: [{ nodes: [N("a", { labels: ["Measure"], props: [["count", 3]] })], rels: [] }], where: null }],
      ret: { distinct: false, items: [{ e: prop("a", "name"), alias: "c0" }], order: [], skip: 0, limit: null } },
    pkg: "MATCH (a:Measure {count: 3}) RETURN a.name AS c0",
    kuzu: "MATCH (a:Node {count: 3}) WHERE a.type IN ['Fund', 'Initiative', 'Pilot', 'Platform', 'Policy'] RETURN a.name AS c0",
  },
  {
    name: "two hops: anonymous relationships named, kept distinct; type() is label()",
    ast: { matches: [{ chains: [{ nodes: [N("a"), N("b", { anon: true }), N("c")],
      rels: [R("r0", { types: ["SUPPORTS", "PART_OF"], dir: "-" }), R("r1", { anon: false, dir: "<-" })] }],
      where: { k: "or", l: { k: "cmp", op: "=", l: { k: "type", v: "r1" }, r: lit("FUNDS") }, r: { k: "not", e: { k: "isnull", e: prop("c", "count"), not: false } } } }],
      ret: { distinct: true, items: [{ e: prop("a", "id"), alias: "c0" }], order: [{ alias: "c0", desc: true }], skip: 2, limit: 5 } },
    pkg: "MATCH (a)-[:SUPPORTS|PART_OF]-()<-[r1]-(c) WHERE type(r1) = 'FUNDS' OR NOT (c.count IS NULL) RETURN DISTINCT a.id AS c0 ORDER BY c0 DESC SKIP 2 LIMIT 5",
    kuzu: "MATCH (a:Node)-[r0:SUPPORTS|PART_OF]-(b:Node)<-[r1]-(c:Node) WHERE (label(r1) = 'FUNDS' OR NOT (c.count IS NULL)) AND id(r0) <> id(r1) RETURN DISTINCT a.id AS c0 ORDER BY c0 DESC SKIP 2 LIMIT 5",
  },
  {
    name: "variable length: trail, and disjoint from the other relationship; DISTINCT aggregates last in Kuzu",
    ast: { matches: [{ chains: [{ nodes: [N("a", { props: [["id", "n1"]] }), N("b"), N("c")],
      rels: [R("r0", { range: { min: 1, max: 3 }, types: ["SUPPORTS"] }), R("r1", { props: [["confidence", { float: 1 }]] })] }], where: null }],
      ret: { distinct: false, items: [{ e: { k: "agg", fn: "count", distinct: true, arg: { k: "var", v: "b" } }, alias: "c0" },
        { e: prop("c", "type"), alias: "c1" }, { e: { k: "agg", fn: "count", arg: null }, alias: "c2" }], order: [], skip: 0, limit: null } },
    pkg: "MATCH (a {id: 'n1'})-[:SUPPORTS*1..3]->(b)-[{confidence: 1.0}]->(c) RETURN count(DISTINCT b) AS c0, c.type AS c1, count(*) AS c2",
    kuzu: "MATCH (a:Node {id: 'n1'})-[r0:SUPPORTS*1..3]->(b:Node)-[r1 {confidence: 1.0}]->(c:Node) WHERE is_trail(r0) AND NOT list_contains(properties(rels(r0), '_id'), id(r1)) RETURN c.type AS c1, count(*) AS c2, count(DISTINCT b) AS c0",
  },
  {
    name: "OPTIONAL MATCH: uniqueness within the clause only; type() and string + of nullable values guarded",
    ast: { matches: [
      { chains: [{ nodes: [N("a", { props: [["name", "智能目标1"]] }), N("b")], rels: [R("r0", { anon: false })] }], where: null },
      { optional: true, chains: [{ nodes: [N("a"), N("c", { labels: ["Fund"] })], rels: [R("r1", { anon: false, types: ["FUNDS"], dir: "<-" })] }],
        where: { k: "str", op: "STARTS WITH", l: prop("c", "name"), r: lit("AI") } }],
      ret: { distinct: false, items: [{ e: { k: "type", v: "r0" }, alias: "c0" }, { e: { k: "type", v: "r1" }, alias: "c1" },
        { e: { k: "bin", op: "+", l: prop("c", "name"), r: lit("·") }, alias: "c2" }], order: [], skip: 0, limit: null } },
    pkg: "MATCH (a {name: '智能目标1'})-[r0]->(b) OPTIONAL MATCH (a)<-[r1:FUNDS]-(c:Fund) WHERE c.name STARTS WITH 'AI' RETURN type(r0) AS c0, type(r1) AS c1, (c.name + '·') AS c2",
    kuzu: "MATCH (a:Node {name: '智能目标1'})-[r0]->(b:Node) OPTIONAL MATCH (a)<-[r1:FUNDS]-(c:Node) WHERE (c.name STARTS WITH 'AI') AND c.type = 'Fund' " +
      "RETURN label(r0) AS c0, CASE WHEN r1 IS NULL THEN NULL ELSE label(r1) END AS c1, CASE WHEN c.name IS NULL THEN NULL ELSE (c.name + '·') END AS c2",
  },
];

test("render: PolicyKG text and Kuzu translation", () => {
  for (const c of renderCases) {
    assert.equal(renderPolicyKg(c.ast), c.pkg, c.name);
    assert.equal(renderKuzu(c.ast, labels.labels), c.kuzu, c.name);
  }
});

test("render: literals", () => {
  const cases = [["智能", "'智能'"], ["it's", "'it\\'s'"], [3, "3"], [{ float: 2 }, "2.0"], [{ float: 0.125 }, "0.125"],
    [[1, "a"], "[1, 'a']"], [null, "NULL"], [true, "true"]];
  for (const [v, text] of cases) assert.equal(literal(v), text);
});

// A table: PolicyKG result, Kuzu result, options, expected verdict.
const res = (columns, rows) => ({ columns, rows });
const compareCases = [
  ["bigint and number", res(["c0"], [[4]]), res(["c0"], [[4n]]), {}, true],
  ["integral real equals integer", res(["c0"], [[2]]), res(["c0"], [[2.0]]), {}, true],
  ["reals to 12 digits", res(["c0"], [[1 / 3]]), res(["c0"], [[0.33333333333333337]]), {}, true],
  ["reals that differ", res(["c0"], [[0.5]]), res(["c0"], [[0.625]]), {}, false],
  ["null is not zero", res(["c0"], [[0]]), res(["c0"], [[null]]), {}, false],
  ["multiset: order ignored", res(["c0"], [["a"], ["b"]]), res(["c0"], [["b"], ["a"]]), {}, true],
  ["multiset: duplicates count", res(["c0"], [["a"], ["a"]]), res(["c0"], [["a"]]), {}, false],
  ["ordered: order matters", res(["c0"], [["a"], ["b"]]), res(["c0"], [["b"], ["a"]]), { ordered: true }, false],
  ["collect: order ignored", res(["c0"], [[[1, 2]]]), res(["c0"], [[[2, 1]]]), { listCols: [0] }, true],
  ["collect: Kuzu null over no rows is []", res(["c0"], [[[]]]), res(["c0"], [[null]]), { listCols: [0] }, true],
  ["plain list order matters", res(["c0"], [[[1, 2]]]), res(["c0"], [[[2, 1]]]), {}, false],
  ["columns matched by name", res(["c0", "c1"], [[1, "x"]]), res(["c1", "c0"], [["x", 1]]), {}, true],
  ["different column names", res(["c0"], [[1]]), res(["c9"], [[1]]), {}, false],
  ["an error never agrees", { error: "bad" }, res(["c0"], []), {}, false],
];

test("compare: normalisation and multiset semantics", () => {
  for (const [name, a, b, opts, same] of compareCases) {
    assert.equal(compareResults(a, b, opts).same, same, name);
  }
});

test("query generator: reproducible, renders, at most one variable-length per MATCH, total orders", () => {
  const g = generateGraph(1);
  const gen = new QueryGen(g, labels);
  assert.deepEqual(gen.generate(5).pkg, gen.generate(5).pkg);
  const seenVar = { any: false };
  for (let s = 0; s < 2000; s++) {
    const q = gen.generate(querySeed(1, s));
    assert.ok(q.pkg.startsWith("MATCH ") && q.kuzu.startsWith("MATCH "), q.pkg);
    for (const m of q.ast.matches) {
      const vars = m.chains.flatMap((c) => c.rels).filter((r) => r.range);
      assert.ok(vars.length <= 1, q.pkg);
      if (vars.length) seenVar.any = true;
    }
    if (q.ordered) {
      assert.deepEqual(q.ast.ret.order.map((o) => o.alias).sort(), q.ast.ret.items.map((it) => it.alias).sort(), q.pkg);
      assert.equal(q.listCols.length, 0, q.pkg);
    }
  }
  assert.ok(seenVar.any, "some queries have variable length");
});
