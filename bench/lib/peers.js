// The two peers of bench/compare: Kuzu (kuzu_peer.js) and SQLite in memory
// (sqlite_peer.js), both from the shared bench folder, run on the same
// generated graph as PolicyKG.
//
// Interface: runPeer(name, graphDir, repeat) -> {ok, name, load_s, rss_mb,
// queries: {support_mid: {median_ms, rows}, …}, error}. The peer scripts
// print "load_s=…", "<query> median_ms=… rows=…" and "peak_rss_mb=…";
// parsePeerOutput turns that text into the record, and keeps whatever it
// could read when the peer died half way (the error says so). A median the
// peer prints as 0.00 is kept as the bound 0.005 with below_resolution set. The peers'
// npm packages come from bench/node_modules (scripts/deps --bench). Does not:
// change the peers' queries. Tested by bench/tests/parse.test.js.
"use strict";
const fs = require("fs");
const path = require("path");
const { run } = require("./run");
const { sharedDir, BENCH_DIR } = require("./dataset");

const PEERS = { kuzu: "kuzu_peer.js", sqlite: "sqlite_peer.js" };
const PEER_MODULE = { kuzu: "kuzu", sqlite: "better-sqlite3" };
const RESOLUTION_MS = 0.005;

function parsePeerOutput(text) {
  const out = { load_s: null, rss_mb: null, queries: {} };
  for (const raw of String(text).split(/\r?\n/)) {
    const line = raw.trim();
    let m;
    if ((m = /^load_s=([\d.]+)/.exec(line))) out.load_s = Number(m[1]);
    else if ((m = /^peak_rss_mb=([\d.]+)/.exec(line))) out.rss_mb = Number(m[1]);
    else if ((m = /^(\w+) median_ms=([\d.]+) rows=(\S+)/.exec(line))) {
      // The peers print two decimals: "0.00" is below 0.005 ms; keep that
      // bound (ratios against it are then upper bounds) rather than a zero.
      const v = Number(m[2]);
      out.queries[m[1]] = v > 0 ? { median_ms: v, rows: m[3] } : { median_ms: RESOLUTION_MS, rows: m[3], below_resolution: true };
    }
  }
  return out;
}

function runPeer(name, graphDir, repeat, opts = {}) {
  const base = { ok: false, name, load_s: null, rss_mb: null, queries: {} };
  const shared = sharedDir();
  if (!shared) return { ...base, error: "shared bench folder not found (set PKG_SHARED)" };
  const modules = path.join(BENCH_DIR, "node_modules");
  if (!fs.existsSync(path.join(modules, PEER_MODULE[name]))) {
    return { ...base, error: `npm package ${PEER_MODULE[name]} missing (run scripts/deps --bench)` };
  }
  const r = run("node", [path.join(shared, "bench", PEERS[name]), graphDir, String(repeat)], {
    env: { NODE_PATH: modules }, timeout_s: opts.timeout_s || 3600,
  });
  const parsed = parsePeerOutput(r.stdout);
  // The peer's own figure is its process's peak; GNU time's agrees and
  // stands in when the peer died before printing it.
  if (parsed.rss_mb === null && r.rss_mb !== null) parsed.rss_mb = r.rss_mb;
  return { ...base, ...parsed, ok: r.ok, wall_s: r.wall_s, error: r.ok ? null : r.error };
}

module.exports = { runPeer, parsePeerOutput, PEERS };
