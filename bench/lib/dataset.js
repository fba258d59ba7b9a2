// Generated benchmark graphs for bench/compare, made once and cached.
//
// Interface: ensureGraph(docs, opts) -> {ok, dir, queries, error}; the graph
// of `docs` generated documents lives in bench/.cache/g<docs/1000>k (graph.jsonl
// for PolicyKG, nodes.csv + edges_<TYPE>.csv for the peers, queries.json
// naming the benchmark targets), made by the shared generator
// (gen_policy_graph.py from ../shared/bench, or $PKG_SHARED/bench). A folder
// whose queries.json is present is taken as complete: the generator writes it
// last. resolveIds(dir, queries) maps the target names to node ids (the way
// kuzu_peer.js does). Does not: run anything on the data. Tested by
// bench/tests/parse.test.js (cacheName, resolveIds on a tiny folder).
"use strict";
const fs = require("fs");
const path = require("path");
const { run } = require("./run");

const BENCH_DIR = path.resolve(__dirname, "..");
const REPO_DIR = path.resolve(BENCH_DIR, "..");

// Where the shared material is: $PKG_SHARED, ../shared beside the work tree
// (as CI lays it out), or /work/shared.
function sharedDir() {
  const candidates = [process.env.PKG_SHARED, path.resolve(REPO_DIR, "..", "shared"), "/work/shared"];
  for (const c of candidates) {
    if (c && fs.existsSync(path.join(c, "bench", "gen_policy_graph.py"))) return c;
  }
  return null;
}

// "g50k" for 50000 documents, "g1500" for 1500.
function cacheName(docs) {
  return docs % 1000 === 0 ? `g${docs / 1000}k` : `g${docs}`;
}

function ensureGraph(docs, opts = {}) {
  const dir = path.join(opts.cacheDir || path.join(BENCH_DIR, ".cache"), cacheName(docs));
  const qfile = path.join(dir, "queries.json");
  if (!fs.existsSync(qfile)) {
    const shared = sharedDir();
    if (!shared) return { ok: false, dir, error: "gen_policy_graph.py not found (set PKG_SHARED to the shared folder)" };
    if (opts.log) opts.log(`generating ${docs} documents into ${dir} …`);
    const r = run("python3", [path.join(shared, "bench", "gen_policy_graph.py"), String(docs), dir], { timeout_s: 3600 });
    if (!r.ok) return { ok: false, dir, error: `generator failed: ${r.error}` };
  }
  let queries;
  try {
    queries = JSON.parse(fs.readFileSync(qfile, "utf8"));
  } catch (e) {
    return { ok: false, dir, error: `cannot read ${qfile}: ${e.message}` };
  }
  return { ok: true, dir, queries, ids: resolveIds(dir, queries) };
}

// Node ids of the names in queries.json, read from nodes.csv (id,type,name):
// {name: id}. Names the file does not hold are left out.
function resolveIds(dir, queries) {
  const wanted = new Set(Object.values(queries).filter((v) => typeof v === "string"));
  const ids = {};
  const text = fs.readFileSync(path.join(dir, "nodes.csv"), "utf8");
  let start = 0;
  while (start < text.length && Object.keys(ids).length < wanted.size) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    const [id, , name] = line.split(",");
    if (name && wanted.has(name) && !(name in ids)) ids[name] = id;
  }
  return ids;
}

// A statements file with only the node lines of graph.jsonl (for measuring
// the bytes a node costs without its edges); made once beside the graph.
function nodesOnlyFile(dir) {
  const out = path.join(dir, "nodes_only.jsonl");
  if (fs.existsSync(out)) return out;
  const tmp = out + ".tmp";
  const r = run("grep", ["-F", '"kind": "node"', path.join(dir, "graph.jsonl")], { stdoutFile: tmp, timeout_s: 600 });
  if (!r.ok) {
    fs.rmSync(tmp, { force: true });
    return null;
  }
  fs.renameSync(tmp, out);
  return out;
}

module.exports = { ensureGraph, resolveIds, cacheName, sharedDir, nodesOnlyFile, BENCH_DIR, REPO_DIR };
