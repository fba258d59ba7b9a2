// Table, summary line and docs/performance.md blocks of bench/compare
// (bench/lib/report.js, doc_writer.js, growth.js splitBytes, machine.js).
// Run: node --test bench/tests
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const report = require("../lib/report");
const { replaceBlock } = require("../lib/doc_writer");
const { splitBytes } = require("../lib/growth");
const { machineInfo, machineLine } = require("../lib/machine");

const peer = (load_s, rss_mb, q) => ({ ok: true, load_s, rss_mb,
  queries: Object.fromEntries(Object.entries(q).map(([k, v]) => [k, { median_ms: v, rows: "1" }])) });
const query = (name, kind, median_ms) => ({ name, kind, texts: ["MATCH …"],
  result: median_ms === null ? { ok: false, error: "exit 1: unknown function" } : { ok: true, median_ms, rows: "1", process_s: 0.5 } });

function figure() {
  return {
    peers: {
      kuzu: peer(6, 800, { support_hub: 1000, neighbors: 4, lookup_name: 60 }),
      sqlite: peer(5, 250, { support_hub: 1800, neighbors: 0.01, lookup_name: 0.005 }),
    },
    load: { ok: true, wall_s: 3, rss_mb: 300, cpu_s: 0.9 },
    pkg_rss_mb: 320,
    reopen: { ok: true, wall_s: 0.2 },
    queries: [query("support_hub", "traversal", 20), query("neighbors", "lookup", 0.005), query("lookup_name", "lookup", null)],
    extraction: { ok: true, mb_s: 12.5, source: "policykg extract" },
    http: { ok: false, error: "wrk not installed (scripts/deps --bench)" },
    export_check: { ok: true, nodes: 10, edges: 20, copy_s: 1.5, note: "" },
  };
}

test("rows: ratios against the best peer, targets, n/a with reasons", () => {
  const rows = report.buildRows(figure());
  const by = Object.fromEntries(rows.map((r) => [r.figure, r]));
  const cases = [
    // figure, ratio (best peer / PolicyKG), Kuzu ratio, met
    ["load JSONL --no-link (wall)", 5 / 3, 2, "yes"],
    ["peak RSS", 800 / 320, 800 / 320, "yes"],
    ["support_hub (median)", 1000 / 20, 50, "yes"],
    ["neighbors (median)", 0.01 / 0.005, 4 / 0.005, "yes"],
    ["lookup_name (median)", null, null, "n/a"],
  ];
  for (const [name, ratio, kr, met] of cases) {
    const r = by[name];
    assert.ok(r, name);
    if (ratio === null) assert.equal(r.ratio, null, name);
    else assert.ok(Math.abs(r.ratio - ratio) < 1e-9, `${name}: ${r.ratio} vs ${ratio}`);
    if (kr === null) assert.equal(r.kuzu_ratio, null, name);
    else assert.ok(Math.abs(r.kuzu_ratio - kr) < 1e-9, name);
    assert.equal(r.met, met, name);
  }
  assert.deepEqual(by["lookup_name (median)"].pkg, { na: "exit 1: unknown function" });
  assert.deepEqual(by["HTTP search req/s (wrk -c8)"].pkg, { na: "wrk not installed (scripts/deps --bench)" });
  assert.equal(by["snapshot reopen (`stats`)"].met, "yes");
  assert.match(by["load JSONL --no-link (wall)"].note, /CPU 0\.900 s \(user \+ system\)/);
  assert.equal(by["CSV export → Kuzu COPY"].met, "yes");
  // not run is n/a, counts that differ are a miss
  const f = figure();
  f.export_check = { ok: false, error: "no snapshot" };
  assert.equal(report.buildRows(f).find((r) => r.figure === "CSV export → Kuzu COPY").met, "n/a");
  f.export_check = { ok: false, nodes: 9, edges: 20, error: "row counts differ from the snapshot" };
  assert.equal(report.buildRows(f).find((r) => r.figure === "CSV export → Kuzu COPY").met, "NO");
});

test("the default load with linking is shown beside the compared one", () => {
  const f = figure();
  f.load_linked = { ok: true, wall_s: 6, rss_mb: 400 };
  const by = Object.fromEntries(report.buildRows(f).map((r) => [r.figure, r]));
  assert.ok(Math.abs(by["load JSONL, default (linking)"].ratio - 5 / 6) < 1e-9);
  assert.equal(by["peak RSS, default load (linking)"].ratio, 2);
  // the summary keeps the compared (--no-link) load
  assert.match(report.summaryLine(f), /load_ratio=1\.67/);
});

test("hub query over 50 ms misses its target even when 10x faster", () => {
  const f = figure();
  f.queries[0].result.median_ms = 60;
  f.peers.kuzu.queries.support_hub.median_ms = 5000;
  f.peers.sqlite.queries.support_hub.median_ms = 9000;
  const r = report.buildRows(f).find((x) => x.figure === "support_hub (median)");
  assert.equal(r.met, "NO");
});

test("a peer median below its resolution bounds the ratio", () => {
  const f = figure();
  f.peers.sqlite.queries.neighbors = { median_ms: 0.005, rows: "4", below_resolution: true };
  f.queries[1].result.median_ms = 0.01;
  const r = report.buildRows(f).find((x) => x.figure === "neighbors (median)");
  assert.equal(r.sqlite, "<0.005");
  assert.equal(r.ratio_bound, true);
  assert.match(report.formatTable([r]), /≤0\.50×/);
  assert.equal(r.met, "NO");
  // PolicyKG as fast as the bound: the ratio is at most 1, so met is unknown, not yes
  f.queries[1].result.median_ms = 0.004;
  const r2 = report.buildRows(f).find((x) => x.figure === "neighbors (median)");
  assert.equal(r2.met, "unknown");
});

test("summary line", () => {
  // lookup_name failed: the worst query ratio is unknown, not the best of the rest
  assert.equal(report.summaryLine(figure()), "summary: worst_query_ratio=n/a load_ratio=1.67 rss_ratio=2.50");
  const f = figure();
  f.queries.pop();
  assert.equal(report.summaryLine(f), "summary: worst_query_ratio=2.00 load_ratio=1.67 rss_ratio=2.50");
  const none = { peers: {}, queries: [] };
  assert.equal(report.summaryLine(none), "summary: worst_query_ratio=n/a load_ratio=n/a rss_ratio=n/a");
});

test("plain table aligns by display width and shows n/a reasons", () => {
  const text = report.formatTable([
    { figure: "中文名", unit: "ms", pkg: 1.5, kuzu: { na: "peer failed" }, sqlite: 2, ratio: 1.333, kuzu_ratio: null, target: "–", met: "–" },
    { figure: "ascii", unit: "s", pkg: 12345.6, kuzu: 3, sqlite: 4, ratio: null, kuzu_ratio: 2, target: "≥1", met: "yes" },
  ]);
  const lines = text.split("\n");
  assert.equal(lines.length, 4);
  // the unit column starts at the same display column on both rows
  assert.equal(report.width(lines[2].slice(0, lines[2].indexOf("ms "))), report.width(lines[3].slice(0, lines[3].indexOf("s  "))));
  assert.match(lines[2], /n\/a \(peer failed\)/);
  assert.match(lines[2], /1\.33×/);
  assert.match(lines[3], /12,346/);
});

test("number formatting", () => {
  const cases = [[0.00512, "0.005"], [7, "7"], [1.234, "1.23"], [12.34, "12.3"], [123.4, "123"], [12345.6, "12,346"], [{ na: "x" }, "n/a (x)"], [null, "n/a"]];
  for (const [v, want] of cases) assert.equal(report.fmt(v), want, String(v));
  assert.equal(report.width("产业a"), 5);
});

test("markdown table escapes pipes", () => {
  const md = report.markdownTable([{ figure: "q", unit: "ms", pkg: 1, kuzu: 2, sqlite: 3, ratio: 2, kuzu_ratio: 2, target: "≥1", met: "yes", note: "A|B" }]);
  assert.match(md, /A\\\|B/);
  assert.equal(md.split("\n").length, 3);
});

test("doc blocks: replaced in place, appended when missing", () => {
  const cases = [
    ["# P\n\nintro\n", "# P\n\nintro\n\n<!-- bench:compare:begin -->\nT1\n<!-- bench:compare:end -->\n"],
    ["# P\n<!-- bench:compare:begin -->\nold\n<!-- bench:compare:end -->\nanalysis\n", "# P\n<!-- bench:compare:begin -->\nT1\n<!-- bench:compare:end -->\nanalysis\n"],
  ];
  for (const [before, after] of cases) assert.equal(replaceBlock(before, "compare", "T1\n"), after);
  // another block is left alone
  const two = replaceBlock(replaceBlock("# P\n", "compare", "A"), "growth", "B");
  assert.equal(replaceBlock(two, "compare", "C").includes("B"), true);
});

test("bytes per node and per edge from three measurements", () => {
  const s = splitBytes({ open: 10, load: 20, file: 1 }, { open: 110, load: 220, file: 51 }, { open: 410, load: 820, file: 251 }, 10, 100);
  assert.deepEqual(s, { open: { per_node: 10, per_edge: 3 }, load: { per_node: 20, per_edge: 6 }, file: { per_node: 5, per_edge: 2 } });
  assert.deepEqual(splitBytes({ open: null }, {}, {}, 1, 1), {});
});

test("growth table", () => {
  const md = report.growthMarkdown([{ docs: 10000, nodes: 5, edges: 9, load_s: 1.5, load_rss_mb: 300, open_rss_mb: { na: "x" }, file_mb: 42, queries: { a: 1.25 }, answers: { a: "138963" } }], ["a"]);
  assert.match(md, /\| 10,000 \| 5 \| 9 \| 1.50 \| 300 \| n\/a \(x\) \| 42 \| 1.25 \[138963\] \|/);
});

test("growth summary: each cost beside the graph's growth", () => {
  const p = (docs, scale, q) => ({ docs, nodes: 10 * scale, edges: 30 * scale, load_s: scale, load_rss_mb: 100 * scale, open_rss_mb: 50 * scale, file_mb: 40 * scale, queries: { a: q } });
  const text = report.growthSummary([p(1000, 1, 1), p(10000, 10, 30)], ["a"]);
  assert.match(text, /graph grows ×10\.0/);
  assert.match(text, /load time ×10\.0, /);
  assert.match(text, /a ×30\.0 \(faster than the graph\)/);
  assert.equal(report.growthSummary([p(1000, 1, 1)], ["a"]), "growth: fewer than two sizes measured");
  assert.match(report.growthSummary([p(1000, 1, { na: "x" }), p(2000, 2, 1)], ["a"]), /a n\/a/);
});

test("machine description", () => {
  const m = machineInfo();
  assert.ok(m.nproc >= 1);
  assert.match(m.date, /^\d{4}-\d\d-\d\dT/);
  assert.match(machineLine(m), /cores/);
});
