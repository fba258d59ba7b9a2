// The growth curve of bench/compare --growth: how PolicyKG's costs grow with
// the generated graph (10k, 50k, 200k documents by default), and the bytes a
// node and an edge cost, for docs/scaling.md.
//
// Interface: growthPoint(bin, docs, work, repeat, log) -> point (see
// report.js growthMarkdown); bytesSplit(bin, graph, work) -> {per_node,
// per_edge} for open RSS, load RSS and file size. The split loads the graph's
// nodes alone and then the whole graph: node bytes = (nodes-only − an empty
// graph) / nodes, edge bytes = (whole − nodes-only) / edges. Does not: run
// the peers (compare does, on the main size). Tested through
// bench/tests/report.test.js (splitBytes). Loads use --no-link, like
// compare's main load figure.
"use strict";
const fs = require("fs");
const path = require("path");
const { ensureGraph, nodesOnlyFile } = require("./dataset");
const pkg = require("./policykg");
const { benchQueries } = require("./queries");
const { na } = require("./report");

// {open, load, file} of the empty, nodes-only and whole graphs → bytes per
// node and per edge for each.
function splitBytes(empty, nodesOnly, whole, nodes, edges) {
  const out = {};
  for (const k of ["open", "load", "file"]) {
    if ([empty[k], nodesOnly[k], whole[k]].every((v) => typeof v === "number") && nodes > 0 && edges > 0) {
      out[k] = { per_node: (nodesOnly[k] - empty[k]) / nodes, per_edge: (whole[k] - nodesOnly[k]) / edges };
    }
  }
  return out;
}

// Load + reopen of one statements file: {open, load, file} in bytes.
function measure(bin, jsonl, out) {
  const l = pkg.load(bin, jsonl, out, ["--no-link"]);
  if (!l.ok) return { error: l.error };
  const r = pkg.reopen(bin, out);
  const mb = 1024 * 1024;
  const res = { load: l.rss_mb * mb, open: r.ok ? r.rss_mb * mb : null, file: l.bytes, nodes: l.nodes, edges: l.edges, load_s: l.wall_s };
  fs.rmSync(out, { force: true });
  return res;
}

function bytesSplit(bin, graphDir, work) {
  const emptyFile = path.join(work, "one_node.jsonl");
  fs.writeFileSync(emptyFile, '{"kind":"node","id":"n0","type":"Goal","name":"空"}\n');
  const empty = measure(bin, emptyFile, path.join(work, "empty.pkg"));
  const nodesFile = nodesOnlyFile(graphDir);
  if (!nodesFile) return { error: "cannot write nodes_only.jsonl" };
  const nodesOnly = measure(bin, nodesFile, path.join(work, "nodes_only.pkg"));
  const whole = measure(bin, path.join(graphDir, "graph.jsonl"), path.join(work, "whole.pkg"));
  const err = empty.error || nodesOnly.error || whole.error;
  if (err) return { error: err };
  return { nodes: whole.nodes, edges: whole.edges, ...splitBytes(empty, nodesOnly, whole, whole.nodes, whole.edges) };
}

function growthPoint(bin, docs, work, repeat, log) {
  const g = ensureGraph(docs, { log });
  if (!g.ok) return { docs, error: g.error };
  log(`growth ${docs}: load`);
  const out = path.join(work, `g${docs}.pkg`);
  const l = pkg.load(bin, path.join(g.dir, "graph.jsonl"), out, ["--no-link"]);
  if (!l.ok) return { docs, error: l.error };
  const r = pkg.reopen(bin, out);
  const point = {
    docs, nodes: l.nodes, edges: l.edges, load_s: l.wall_s, load_rss_mb: l.rss_mb,
    open_rss_mb: r.ok ? r.rss_mb : na(r.error), file_mb: l.bytes / 1e6, queries: {}, answers: {},
  };
  for (const q of benchQueries(g.ids, g.queries)) {
    log(`growth ${docs}: ${q.name}`);
    const res = pkg.runQuery(bin, out, q.texts, repeat);
    point.queries[q.name] = res.ok ? res.median_ms : na(res.error);
    if (res.ok) point.answers[q.name] = res.rows;
  }
  fs.rmSync(out, { force: true });
  return point;
}

module.exports = { growthPoint, bytesSplit, splitBytes };
