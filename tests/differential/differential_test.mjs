// Differential test of the PolicyKG query engine against Kuzu (issue 4).
//
// usage: node tests/differential/differential_test.mjs --binary PATH/policykg
//          [--queries N] [--seed S] [--only I] [--schema data/schema.json] [--keep DIR]
// Environment: PKG_DIFF_QUERIES (default 300), PKG_DIFF_SEED (default 1).
//
// It generates two seeded graphs (graph_gen.mjs: a sparse one of 2,000 nodes
// and a dense one of about 100), loads each into PolicyKG (`policykg load
// graph.jsonl -o g.pkg --no-link`) and into Kuzu (kuzu_peer.mjs), then runs
// N random queries (every third on the dense graph) (query_gen.mjs) on both —
// PolicyKG through `policykg query g.pkg TEXT --json`, one process a query,
// Kuzu in this process — and compares the rows (compare.mjs). Each mismatch
// prints the run seed, the query number (replay it with --seed S --only I),
// both texts and both results. Exits 1 on any mismatch, 2 on a setup error.
// The last line is "differential: N passed, M failed". With --keep DIR the
// graph, both databases and queries.jsonl (every query, both texts, verdict)
// stay in DIR.
//
// What it does not do: decide which engine is right (a person does, see
// docs/differential-testing.md), or test what the two languages do not share
// (name aliases, paths, shortestPath, the supporters procedure).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { generateGraph, writePolicyKg, writeKuzuCsv } from "./graph_gen.mjs";
import { loadLabels } from "./labels.mjs";
import { QueryGen } from "./query_gen.mjs";
import { openChecked } from "./kuzu_peer.mjs";
import { compareResults, describeDiff } from "./compare.mjs";
import { querySeed } from "./rng.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const a = {
    binary: null,
    queries: Number(process.env.PKG_DIFF_QUERIES || 300),
    seed: Number(process.env.PKG_DIFF_SEED || 1),
    only: null,
    schema: path.join(here, "..", "..", "data", "schema.json"),
    keep: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === "--binary") a.binary = v;
    else if (k === "--queries") a.queries = Number(v);
    else if (k === "--seed") a.seed = Number(v);
    else if (k === "--only") a.only = Number(v);
    else if (k === "--schema") a.schema = v;
    else if (k === "--keep") a.keep = v;
    else throw new Error(`unknown argument ${k}; usage: --binary PATH [--queries N] [--seed S] [--only I] [--schema FILE] [--keep DIR]`);
    i++;
  }
  if (!a.binary) throw new Error("--binary PATH/policykg is required");
  if (!Number.isInteger(a.queries) || a.queries < 1) throw new Error("--queries must be a positive integer");
  if (!Number.isInteger(a.seed)) throw new Error("--seed must be an integer");
  return a;
}

// Runs one query in a policykg process; resolves to {columns, rows} or {error}.
function runPolicyKg(binary, pkg, text) {
  return new Promise((resolve) => {
    execFile(binary, ["query", pkg, text, "--json", "--max-rows", "2000000", "--time-budget", "60000"],
      { maxBuffer: 512 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
        if (err) return resolve({ error: (stderr || err.message).trim() });
        try {
          const j = JSON.parse(stdout);
          if (j.truncated) return resolve({ error: "PolicyKG truncated the result (raise --max-rows)" });
          resolve({ columns: j.columns, rows: j.rows });
        } catch (e) {
          resolve({ error: `unreadable JSON from policykg: ${e.message}` });
        }
      });
  });
}

// How many queries use each feature, so a run shows what it covered.
function featureTally(asts) {
  const t = { "variable length": 0, "zero-length *0..1": 0, "two chains": 0, "OPTIONAL MATCH": 0, "MATCH MATCH": 0,
    WHERE: 0, aggregates: 0, "DISTINCT aggregates": 0, "RETURN DISTINCT": 0, "ORDER BY": 0 };
  for (const q of asts) {
    const rels = q.matches.flatMap((m) => m.chains.flatMap((c) => c.rels));
    const aggs = q.ret.items.filter((it) => it.e.k === "agg");
    t["variable length"] += rels.some((r) => r.range) ? 1 : 0;
    t["zero-length *0..1"] += rels.some((r) => r.range && r.range.min === 0) ? 1 : 0;
    t["two chains"] += q.matches[0].chains.length > 1 ? 1 : 0;
    t["OPTIONAL MATCH"] += q.matches.some((m) => m.optional) ? 1 : 0;
    t["MATCH MATCH"] += q.matches.length > 1 && !q.matches[1].optional ? 1 : 0;
    t.WHERE += q.matches.some((m) => m.where) ? 1 : 0;
    t.aggregates += aggs.length ? 1 : 0;
    t["DISTINCT aggregates"] += aggs.some((it) => it.e.distinct) ? 1 : 0;
    t["RETURN DISTINCT"] += q.ret.distinct ? 1 : 0;
    t["ORDER BY"] += q.ret.order.length ? 1 : 0;
  }
  return t;
}

// Writes one graph shape into dir, loads it into PolicyKG and Kuzu.
async function setUpGraph(args, shape, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const graph = generateGraph(args.seed, shape);
  writePolicyKg(graph, path.join(dir, "graph.jsonl"));
  const edgeTypes = writeKuzuCsv(graph, dir);
  const pkgFile = path.join(dir, "g.pkg");
  execFileSync(args.binary, ["load", path.join(dir, "graph.jsonl"), "-o", pkgFile, "--no-link"], { stdio: ["ignore", "ignore", "inherit"] });
  const kuzuDir = path.join(dir, "kuzu");
  fs.rmSync(kuzuDir, { recursive: true, force: true });
  const kuzu = await openChecked(kuzuDir, dir, edgeTypes, graph.nodes.length, graph.edges.length);
  return { shape, graph, pkgFile, kuzu, gen: new QueryGen(graph, loadLabels(args.schema), { dense: shape === "dense" }) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const work = args.keep || fs.mkdtempSync(path.join(os.tmpdir(), "pkg-differential-"));
  fs.mkdirSync(work, { recursive: true });
  const t0 = Date.now();
  // Two of three queries run on the sparse graph, every third on the dense one.
  const graphs = [await setUpGraph(args, "sparse", path.join(work, "sparse")), await setUpGraph(args, "dense", path.join(work, "dense"))];
  const graphOf = (i) => graphs[i % 3 === 2 ? 1 : 0];
  console.log(`differential: seed ${args.seed}, graphs ${graphs.map((g) => `${g.shape} ${g.graph.nodes.length} nodes ${g.graph.edges.length} edges`).join(", ")}; ` +
    `loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s (work dir ${work})`);

  const indexes = args.only !== null ? [args.only] : Array.from({ length: args.queries }, (_, i) => i);
  // PolicyKG runs in child processes, a few at a time, while Kuzu answers in
  // this process one query after another (a chain of promises).
  let kuzuQueue = Promise.resolve();
  const runKuzu = (kuzu, text) => (kuzuQueue = kuzuQueue.then(async () => {
    const t = Date.now();
    const res = await kuzu.run(text);
    return { res, ms: Date.now() - t };
  }));
  const outcomes = new Array(indexes.length);
  let next = 0;
  const tq = Date.now();
  const worker = async () => {
    while (next < indexes.length) {
      const slot = next++;
      const g = graphOf(indexes[slot]);
      const q = g.gen.generate(querySeed(args.seed, indexes[slot]));
      const t = Date.now();
      const [a, b] = await Promise.all([runPolicyKg(args.binary, g.pkgFile, q.pkg).then((res) => ({ res, ms: Date.now() - t })), runKuzu(g.kuzu, q.kuzu)]);
      outcomes[slot] = { i: indexes[slot], shape: g.shape, q, a: a.res, b: b.res, ms: [a.ms, b.ms], verdict: compareResults(a.res, b.res, q) };
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  if (args.keep) {
    const lines = outcomes.map((o) => JSON.stringify({ seed: args.seed, query: o.i, graph: o.shape, same: o.verdict.same, reason: o.verdict.reason, policykg: o.q.pkg, kuzu: o.q.kuzu, ms: o.ms }));
    fs.writeFileSync(path.join(work, "queries.jsonl"), lines.join("\n") + "\n");
  }
  const tally = featureTally(outcomes.map((o) => o.q.ast));
  console.log(`differential: queries with ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  let passed = 0;
  let failed = 0;
  let nonEmpty = 0;
  let rowsSeen = 0;
  for (const { i, shape, q, a, b, verdict } of outcomes) {
    if (verdict.same) {
      passed++;
      if (a.rows.length && !(a.rows.length === 1 && a.rows[0].every((c) => c === 0 || c === null))) nonEmpty++;
      rowsSeen += a.rows.length;
      if (args.only !== null) console.log(`${q.pkg}\n${q.kuzu}\n${describeDiff(a, b, q)}`);
      continue;
    }
    failed++;
    console.log(`\nMISMATCH seed ${args.seed} query ${i} on the ${shape} graph (replay: --seed ${args.seed} --only ${i}): ${verdict.reason}`);
    console.log(`  PolicyKG: ${q.pkg}`);
    console.log(`  Kuzu:     ${q.kuzu}`);
    console.log(describeDiff(a, b, q).replace(/^/gm, "  "));
  }
  const slow = outcomes.slice().sort((x, y) => Math.max(...y.ms) - Math.max(...x.ms)).slice(0, 3);
  for (const o of slow) console.log(`slowest: query ${o.i}: PolicyKG ${o.ms[0]} ms (process), Kuzu ${o.ms[1]} ms: ${o.q.pkg}`);
  const total = (k) => (outcomes.reduce((acc, o) => acc + o.ms[k], 0) / 1000).toFixed(1);
  console.log(`differential: time summed over queries: PolicyKG ${total(0)} s (processes, ${3} at a time), Kuzu ${total(1)} s (one at a time)`);
  for (const g of graphs) await g.kuzu.close();
  if (!args.keep) fs.rmSync(work, { recursive: true, force: true });
  console.log(`differential: ${indexes.length} queries in ${((Date.now() - tq) / 1000).toFixed(1)} s; ` +
    `${nonEmpty} of the agreeing ones returned rows other than 0/null (${rowsSeen} rows compared)`);
  console.log(`differential: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(`differential: setup failed: ${e.message}`);
  process.exitCode = 2;
});
