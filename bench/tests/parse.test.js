// Parsers of bench/compare (bench/lib): what the peers, policykg, wrk, GNU
// time and the Kuzu COPY check print, turned into figures. Tables of cases:
// input text beside the expected record. Run: node --test bench/tests
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { parsePeerOutput } = require("../lib/peers");
const { parseTiming, parseLoad, answerOf } = require("../lib/policykg");
const { parseWrk, samplePaths } = require("../lib/http_bench");
const { parseCopyCheck } = require("../lib/export_check");
const { parseMbPerSec, corpusFiles } = require("../lib/extraction");
const { timeSummary, lastLine, run } = require("../lib/run");
const { cacheName, resolveIds } = require("../lib/dataset");
const { benchQueries, lit } = require("../lib/queries");

test("peer output", () => {
  const cases = [
    ["load_s=5.90 nodes=293670 edges=903334\nsupport_mid median_ms=5.94 rows=20\npeak_rss_mb=364\n",
      { load_s: 5.9, rss_mb: 364, queries: { support_mid: { median_ms: 5.94, rows: "20" } } }],
    ["", { load_s: null, rss_mb: null, queries: {} }],
    // a peer that died after its load: what was printed is kept
    ["load_s=1.00 nodes=1 edges=1\nError: out of memory\n", { load_s: 1, rss_mb: null, queries: {} }],
    ["\r\nneighbors median_ms=0.01 rows=4\r\n", { load_s: null, rss_mb: null, queries: { neighbors: { median_ms: 0.01, rows: "4" } } }],
    // below the two printed decimals: the bound, flagged
    ["lookup_name median_ms=0.00 rows=1\n", { load_s: null, rss_mb: null, queries: { lookup_name: { median_ms: 0.005, rows: "1", below_resolution: true } } }],
  ];
  for (const [text, want] of cases) assert.deepEqual(parsePeerOutput(text), want, text);
});

test("policykg load and timing lines", () => {
  assert.deepEqual(parseLoad("loaded 1413860 nodes, 4495771 edges into g.pkg in 3.10 s\n"), { nodes: 1413860, edges: 4495771 });
  assert.deepEqual(parseLoad("policykg: error: x"), { nodes: null, edges: null });
  const timing = [
    ["timing: median 1.234 ms, min 1.000 ms, max 2.000 ms over 7 run(s); 1 row(s)\n", 1.234],
    ["warning\ntiming: median 0.020 ms, min …", 0.02],
    ["policykg: error: unknown label", null],
  ];
  for (const [text, want] of timing) assert.equal(parseTiming(text), want, text);
});

test("answer of a CSV result", () => {
  const cases = [
    ["count(DISTINCT m.id)\n138963\n", "138963"],
    ["x.id,x.type,x.name\nn1,Goal,a\nn2,Goal,b\n", "2"],
    ["length(p)\n4\n", "4"],
    ["n.id,n.type\nn5,Pilot\n", "1"],
    ["count(*)\n", "0"],
  ];
  for (const [csv, want] of cases) assert.equal(answerOf(csv), want, csv);
});

test("wrk output", () => {
  const text = `Running 3s test @ http://127.0.0.1:40000
  2 threads and 8 connections
  Latency Distribution
     50%  210.00us
     75%  300.00us
     90%    1.20ms
     99%    4.50ms
  92593 requests in 3.00s, 50.00MB read
  Non-2xx or 3xx responses: 12
Requests/sec:  30864.33
`;
  assert.deepEqual(parseWrk(text), { rps: 30864.33, p99_ms: 4.5, requests: 92593, non2xx: 12 });
  assert.equal(parseWrk("     99%  800.00us\nRequests/sec: 1.0\n").p99_ms, 0.8);
  assert.equal(parseWrk("     99%    1.10s\nRequests/sec: 1.0\n").p99_ms, 1100);
  assert.deepEqual(parseWrk("unable to connect"), { rps: null, p99_ms: null, requests: null, non2xx: 0 });
});

test("sampled request paths are URL-encoded and whole characters", () => {
  const csv = "n0,Goal,国家目标0\nn1,Industry,产业1\nn2,Agency,机构2\nn3,Region,a,b\n";
  const p = samplePaths(csv, 4);
  assert.deepEqual(p.neighbors, ["/api/nodes/n0/neighbors", "/api/nodes/n1/neighbors", "/api/nodes/n2/neighbors", "/api/nodes/n3/neighbors"]);
  assert.deepEqual(p.search.map((s) => decodeURIComponent(s.slice("/api/search?q=".length))), ["国家", "产业1", "机构2", "a"]);
});

test("Kuzu COPY check output", () => {
  assert.deepEqual(parseCopyCheck("copy_s=5.20\nnodes=10\nedges_FUNDS=3\nedges_SUPPORTS=4\nedges=7\nreopen_s=0.125 reopened_nodes=10\n"),
    { copy_s: 5.2, nodes: 10, edges: 7, by_type: { FUNDS: 3, SUPPORTS: 4 }, reopen_s: 0.125 });
  assert.deepEqual(parseCopyCheck("kuzu COPY failed"), { copy_s: null, nodes: null, edges: null, by_type: {}, reopen_s: null });
});

test("MB/s line and GNU time line", () => {
  assert.equal(parseMbPerSec("extracted 10 files, 8.0 MB in 2.0 s: 4.00 MB/s"), 4);
  // the ingest benchmark: its summary line wins over the quarter run printed first
  assert.equal(parseMbPerSec("quarter: 1.0 MB in 2.41 s = 0.4 MB/s\nfull: 4.0 MB in 5.86 s = 0.7 MB/s\nextract_bench: mb_per_s=0.7 target=20\n"), 0.7);
  assert.equal(parseMbPerSec("quarter: 0.4 MB/s\nfull: 0.7 MB/s\n"), 0.7);
  assert.equal(parseMbPerSec("no figure"), null);
  const t = timeSummary("boom\nCommand exited with non-zero status 1\nPKGTIME 2048 0.75 0.25\n");
  assert.equal(t.rss_mb, 2);
  assert.equal(t.cpu_s, 1);
  assert.equal(timeSummary("PKGTIME 1024\n").cpu_s, null);
  assert.equal(lastLine(t.rest), "boom");
  assert.deepEqual(timeSummary("plain"), { rest: "plain", rss_mb: null, cpu_s: null });
  // CLI11's closing hint is skipped for the line that says what went wrong
  assert.equal(lastLine("A subcommand is required\nRun with --help for more information.\n"), "A subcommand is required");
});

test("run reports failures as values", () => {
  const ok = run("sh", ["-c", "echo out; echo err >&2"]);
  assert.equal(ok.ok, true);
  assert.equal(ok.stdout, "out\n");
  assert.ok(ok.wall_s >= 0);
  const bad = run("sh", ["-c", "echo 'policykg: error: no such file' >&2; exit 3"]);
  assert.equal(bad.ok, false);
  assert.equal(bad.error, "exit 3: policykg: error: no such file");
  const missing = run("/nonexistent/policykg", ["stats"]);
  assert.equal(missing.ok, false);
  assert.match(missing.error, /cannot run|not found|exit/);
  const slow = run("sleep", ["5"], { timeout_s: 0.2 });
  assert.equal(slow.ok, false);
  assert.match(slow.error, /timed out/);
});

test("cache names and id resolution", () => {
  assert.equal(cacheName(50000), "g50k");
  assert.equal(cacheName(1500), "g1500");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
  try {
    fs.writeFileSync(path.join(dir, "nodes.csv"), "n0,Goal,国家目标0\nn1,Initiative,全国行动1\nn2,Goal,国家目标0\n");
    const q = { hub_goal: "国家目标0", mid_initiative: "全国行动1", node_name: "不存在", nodes: 3 };
    assert.deepEqual(resolveIds(dir, q), { 国家目标0: "n0", 全国行动1: "n1" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("benchmark queries", () => {
  const q = { hub_goal: "G", mid_initiative: "I", node_name: "N'x", path_from: "A", path_to: "B" };
  const ids = { G: "n0", I: "n1", "N'x": "n2", A: "n3", B: "n4" };
  const byName = Object.fromEntries(benchQueries(ids, q).map((b) => [b.name, b]));
  assert.deepEqual(Object.keys(byName), ["support_mid", "support_hub", "neighbors", "lookup_name", "shortest_path", "funds_by_industry"]);
  assert.match(byName.support_hub.texts[0], /\(t \{id:'n0'\}\)/);
  assert.match(byName.lookup_name.texts[0], /n\.name = 'N\\'x'/);
  assert.match(byName.shortest_path.texts[1], /shortestPath\(\(a \{id:'n3'\}\)/);
  for (const b of Object.values(byName)) for (const t of b.texts) assert.doesNotMatch(t, /:Node\b/);
  assert.equal(lit("a\\b"), "'a\\\\b'");
  // a name missing from nodes.csv gives a query that finds nothing, not a crash
  assert.match(benchQueries({}, q)[0].texts[0], /missing:I/);
});

test("corpus files: text documents only, sorted walk", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-corpus-"));
  try {
    fs.mkdirSync(path.join(dir, "a"));
    fs.writeFileSync(path.join(dir, "a", "x.txt"), "一二三");
    fs.writeFileSync(path.join(dir, "a", "x.gold.jsonl"), "{}");
    fs.writeFileSync(path.join(dir, "b.html"), "<p>x</p>");
    const c = corpusFiles([dir, path.join(dir, "missing")]);
    assert.deepEqual(c.files.map((f) => path.relative(dir, f)).sort(), ["a/x.txt", "b.html"]);
    assert.equal(c.bytes, 9 + 8);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
