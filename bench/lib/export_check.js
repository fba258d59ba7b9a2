// Export round trip for bench/compare: `policykg export --format csv`, then
// Kuzu's COPY of that folder (bench/kuzu_copy_check.js), and a comparison of
// the row counts with the snapshot's node and edge counts.
//
// Interface: checkExport(bin, pkg, expect{nodes, edges}, workDir) ->
// {ok, export_s, copy_s, nodes, edges, by_type, reopen_s, note, error}
// (reopen_s: Kuzu closing and reopening that database until a first answer). ok means both
// steps ran and Kuzu holds exactly the snapshot's nodes and edges. Does not:
// clean up workDir's parent. Tested by bench/tests/parse.test.js
// (parseCopyCheck).
"use strict";
const fs = require("fs");
const path = require("path");
const { run } = require("./run");
const { exportCsv } = require("./policykg");
const { BENCH_DIR } = require("./dataset");

function parseCopyCheck(text) {
  const out = { copy_s: null, nodes: null, edges: null, by_type: {}, reopen_s: null };
  for (const line of String(text).split(/\r?\n/)) {
    let m;
    if ((m = /^copy_s=([\d.]+)$/.exec(line))) out.copy_s = Number(m[1]);
    else if ((m = /^reopen_s=([\d.]+)/.exec(line))) out.reopen_s = Number(m[1]);
    else if ((m = /^nodes=(\d+)$/.exec(line))) out.nodes = Number(m[1]);
    else if ((m = /^edges=(\d+)$/.exec(line))) out.edges = Number(m[1]);
    else if ((m = /^edges_([A-Z_]+)=(\d+)$/.exec(line))) out.by_type[m[1]] = Number(m[2]);
  }
  return out;
}

function checkExport(bin, pkg, expect, workDir) {
  const dir = path.join(workDir, "export_csv");
  const ex = exportCsv(bin, pkg, dir);
  if (!ex.ok) return { ok: false, error: `export failed: ${ex.error}` };
  const modules = path.join(BENCH_DIR, "node_modules");
  if (!fs.existsSync(path.join(modules, "kuzu"))) {
    return { ok: false, export_s: ex.wall_s, error: "npm package kuzu missing (run scripts/deps --bench)" };
  }
  const r = run("node", [path.join(BENCH_DIR, "kuzu_copy_check.js"), dir], { env: { NODE_PATH: modules }, timeout_s: 1800 });
  fs.rmSync(dir, { recursive: true, force: true });
  const c = parseCopyCheck(r.stdout);
  if (!r.ok) return { ok: false, export_s: ex.wall_s, ...c, error: r.error };
  const same = c.nodes === expect.nodes && c.edges === expect.edges;
  return {
    ok: same, export_s: ex.wall_s, ...c,
    note: `Kuzu COPY loaded ${c.nodes} nodes, ${c.edges} edges in ${Object.keys(c.by_type).length} tables; snapshot has ${expect.nodes} / ${expect.edges}`,
    error: same ? null : "row counts differ from the snapshot",
  };
}

module.exports = { checkExport, parseCopyCheck };
