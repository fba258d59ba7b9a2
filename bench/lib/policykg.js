// PolicyKG's side of bench/compare: load, snapshot reopen and the six
// queries, each through the `policykg` binary.
//
// Interface:
//   findBinary(explicit) -> path or null: --policykg, $PKG_BIN, else
//       build/policykg, else the newest build-*/policykg; only Release or
//       RelWithDebInfo build folders (a sanitizer build would skew figures)
//   load(bin, jsonl, out, extra) -> {ok, wall_s, rss_mb, cpu_s, bytes, nodes, edges, error}
//   reopen(bin, pkg) -> {ok, wall_s, rss_mb, cpu_s, error}   (`policykg stats`, best of 3)
//   runQuery(bin, pkg, texts, repeat) -> {ok, median_ms, rows, text, process_s,
//       process_cpu_s, process_rss_mb, fallback, error}: the in-process median from
//       `query --repeat N --timing`, then one plain `policykg query` process
//       timed whole (open + run + print).
// The first text the engine accepts is used; a rejected query is an error
// value with the engine's message, never an exception. Does not: compare or
// format (report.js). Tested by bench/tests/parse.test.js (parseTiming,
// parseLoad, answerOf).
"use strict";
const fs = require("fs");
const path = require("path");
const { run, isExecutable, lastLine } = require("./run");
const { REPO_DIR } = require("./dataset");

function findBinary(explicit) {
  for (const p of [explicit, process.env.PKG_BIN]) if (p) return isExecutable(p) ? path.resolve(p) : null;
  const optimised = (dir) => {
    try {
      return /^CMAKE_BUILD_TYPE:STRING=(Release|RelWithDebInfo)$/m.test(fs.readFileSync(path.join(dir, "CMakeCache.txt"), "utf8"));
    } catch {
      return false;
    }
  };
  const dirs = fs.readdirSync(REPO_DIR).filter((d) => d === "build" || d.startsWith("build-"))
    .map((d) => path.join(REPO_DIR, d)).filter((d) => optimised(d) && isExecutable(path.join(d, "policykg")));
  const mtime = (d) => fs.statSync(path.join(d, "policykg")).mtimeMs;
  dirs.sort((a, b) => (path.basename(a) === "build" ? -1 : path.basename(b) === "build" ? 1 : mtime(b) - mtime(a)));
  return dirs.length ? path.join(dirs[0], "policykg") : null;
}

// "loaded 1413860 nodes, 4495771 edges into g.pkg in 3.10 s"
function parseLoad(text) {
  const m = /loaded (\d+) nodes, (\d+) edges/.exec(text);
  return m ? { nodes: Number(m[1]), edges: Number(m[2]) } : { nodes: null, edges: null };
}

// "timing: median 1.234 ms, min … over 7 run(s); 1 row(s)"
function parseTiming(text) {
  const m = /timing: median ([\d.]+) ms/.exec(text);
  return m ? Number(m[1]) : null;
}

// The answer a peer prints as rows=: the single cell of a one-cell result,
// else the number of rows. `csv` is `policykg query --csv` output (header
// line first).
function answerOf(csv) {
  const lines = String(csv).split(/\r?\n/).filter((l) => l.length);
  const body = lines.slice(1);
  if (body.length === 1 && lines[0].split(",").length === 1) return body[0].replace(/^"|"$/g, "");
  return String(body.length);
}

// extra: more `load` flags, e.g. ["--no-link"].
function load(bin, jsonl, out, extra = []) {
  fs.rmSync(out, { force: true });
  const r = run(bin, ["load", jsonl, "-o", out, ...extra], { timeout_s: 3600 });
  const counts = parseLoad(r.stdout);
  const bytes = fs.existsSync(out) ? fs.statSync(out).size : null;
  return { ok: r.ok, wall_s: r.wall_s, rss_mb: r.rss_mb, cpu_s: r.cpu_s, bytes, ...counts, error: r.error };
}

function reopen(bin, pkg) {
  let best = null;
  for (let i = 0; i < 3; i++) {
    const r = run(bin, ["stats", pkg], { timeout_s: 300 });
    if (!r.ok) return { ok: false, wall_s: null, rss_mb: null, error: r.error };
    if (!best || r.wall_s < best.wall_s) best = r;
  }
  return { ok: true, wall_s: best.wall_s, rss_mb: best.rss_mb, cpu_s: best.cpu_s, error: null };
}

const QUERY_FLAGS = ["--time-budget", "600000", "--max-rows", "1000000", "--csv"];

function runQuery(bin, pkg, texts, repeat) {
  let firstError = null;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    const r = run(bin, ["query", pkg, text, "--repeat", String(repeat), "--timing", ...QUERY_FLAGS], { timeout_s: 1800 });
    const median = parseTiming(r.stderr);
    if (!r.ok || median === null) {
      if (!firstError) firstError = r.error || `no timing line (${lastLine(r.stderr) || "query --timing missing?"})`;
      continue;
    }
    const once = run(bin, ["query", pkg, text, ...QUERY_FLAGS], { timeout_s: 600 });
    return {
      ok: true, median_ms: median, rows: answerOf(r.stdout), text, fallback: i > 0,
      process_s: once.ok ? once.wall_s : null, process_cpu_s: once.ok ? once.cpu_s : null, process_rss_mb: Math.max(r.rss_mb || 0, once.rss_mb || 0) || null,
      error: null, rejected: i > 0 ? firstError : null,
    };
  }
  return { ok: false, median_ms: null, rows: null, text: texts[0], error: firstError };
}

// `policykg export PKG --format csv -o DIR`: {ok, wall_s, files, error}.
function exportCsv(bin, pkg, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = run(bin, ["export", pkg, "--format", "csv", "-o", dir], { timeout_s: 1800 });
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".csv")) : [];
  return { ok: r.ok && files.includes("nodes.csv"), wall_s: r.wall_s, files,
    error: r.ok ? (files.includes("nodes.csv") ? null : "no nodes.csv written") : r.error };
}

module.exports = { findBinary, load, reopen, runQuery, exportCsv, parseLoad, parseTiming, answerOf };
